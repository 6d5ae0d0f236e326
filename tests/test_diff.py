"""`--diff REF`: only findings on lines changed since a ref, in a real temporary git repository."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from deskcheck.cli import cli
from deskcheck.diff import on_changed_line, parse_diff, unquote_path
from deskcheck.formats import parse

from reports_fixture import article_level, copy_fixture

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_fixture(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "desk@example.org")
    git(tmp_path, "config", "user.name", "Desk")
    git(tmp_path, "config", "commit.gpgsign", "false")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first draft")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report(*args: str) -> tuple[int, list[dict]]:
    res = CliRunner().invoke(cli, ["report", "--format", "json", *args])
    assert res.exit_code in (0, 1), res.output
    return res.exit_code, [f for file in json.loads(res.stdout)["files"] for f in file["findings"]]


def test_only_changed_lines_are_reported(repo: Path) -> None:
    _, everything = report("article.md")
    assert len(everything) == 5
    article = repo / "article.md"
    text = article.read_text(encoding="utf-8")
    text = text.replace("the costs.", "the costs, and recieve no answers.")        # changed line 10
    text += "\nA new closing line with TK still in it.\n"                         # added line 18
    article.write_text(text, encoding="utf-8")
    code, findings = report("--diff", "HEAD", "article.md")
    assert sorted((f["line"], f["rule"]) for f in findings) == [
        (10, "Desk.Spelling"), (10, "Desk.Spelling"), (18, "Desk.Placeholder")]
    assert code == 1
    # the same once committed, compared with the first commit by its ref
    git(repo, "commit", "-q", "-am", "edit")
    _, since = report("--changed-since", "HEAD~1", "article.md")
    assert since == findings
    _, none = report("--diff", "HEAD", "article.md")
    assert none == []


def test_untracked_article_counts_as_all_new(repo: Path) -> None:
    shutil.copy(repo / "article.md", repo / "new.md")
    _, findings = report("--diff", "HEAD", "new.md", "article.md")
    assert len(findings) == 5            # every finding of new.md, none of the untouched article.md


def test_bad_ref_is_a_clear_error(repo: Path) -> None:
    res = CliRunner().invoke(cli, ["report", "--diff", "no-such-ref", "article.md"])
    assert res.exit_code != 0


def test_article_level_findings_follow_their_related_spans(repo: Path) -> None:
    doc = parse((repo / "article.md").read_text(encoding="utf-8"), "md", "article.md")
    f = article_level(doc, "Okafur", "Okafor")        # on line 16, related place on line 8
    assert (f.position.line, f.related[0].position.line) == (16, 8)
    assert on_changed_line(f, {8})
    assert on_changed_line(f, {16})
    assert not on_changed_line(f, {9, 10})


def test_parse_diff_hunks_and_quoted_paths() -> None:
    text = "\n".join([
        "diff --git a/a.md b/a.md", "--- a/a.md", "+++ b/a.md",
        "@@ -3 +3 @@", "-old", "+new",
        "@@ -10,2 +9,0 @@", "-gone", "-gone",                      # a deletion adds no lines
        "@@ -20,0 +21,3 @@", "+x", "+y", "+z",
        'diff --git "a/caf\\303\\251 news.md" "b/caf\\303\\251 news.md"',
        '--- "a/caf\\303\\251 news.md"', '+++ "b/caf\\303\\251 news.md"', "@@ -0,0 +1 @@", "+hello",
        "diff --git a/old.md b/old.md", "--- a/old.md", "+++ /dev/null", "@@ -1 +0,0 @@", "-bye",
    ])
    assert parse_diff(text) == {"a.md": {3, 21, 22, 23}, "café news.md": {1}}
    assert unquote_path('"a\\tb"') == "a\tb"


def test_a_base_branch_that_moved_on_does_not_count(repo: Path) -> None:
    article = repo / "article.md"
    original = article.read_text(encoding="utf-8")
    git(repo, "checkout", "-q", "-b", "feature")
    article.write_text(original.replace("the costs.", "the costs, or recieve none."), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "feature edit")
    git(repo, "checkout", "-q", "main")
    # main edits line 16 (which has a finding) after the feature branched off
    article.write_text(original.replace("harbor again", "harbor once more"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main moves on")
    git(repo, "checkout", "-q", "feature")
    _, findings = report("--diff", "main", "article.md")
    assert sorted((f["line"], f["rule"]) for f in findings) == [(10, "Desk.Spelling"), (10, "Desk.Spelling")]
