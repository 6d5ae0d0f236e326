"""`deskcheck fix`: only the safe fixes change, and nothing else about the file does."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from deskcheck.api import Options
from deskcheck.cli import cli
from deskcheck.fix import Edit, fix_paths, plan, safe_edits
from deskcheck.formats import parse

from reports_fixture import copy_fixture

# what the fixture rules fix in the fixture article, as byte replacements
FIXES = [(b"will recieve the", b"will receive the"), (b"Monday.   \n", b"Monday.\n"),
         (b"had alot of", b"had a lot of"), (b"the harbor again", b"the harbour again")]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_fixture(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def expected(original: bytes, crlf: bool = False) -> bytes:
    out = original
    for old, new in FIXES:
        if crlf:
            old, new = old.replace(b"\n", b"\r\n"), new.replace(b"\n", b"\r\n")
        assert out.count(old) == 1, old
        out = out.replace(old, new)
    return out


def test_fix_changes_only_the_fixes(folder: Path) -> None:
    article = folder / "article.md"
    original = article.read_bytes()
    results = fix_paths(["article.md"], Options())
    assert article.read_bytes() == expected(original)
    # the code block and the front-matter key keep their misspellings
    assert b"recieve stays in code" in article.read_bytes() and b"\nalot: front matter" in article.read_bytes()
    # re-checked after fixing: only the placeholder (no fix offered) is left
    assert [f.rule for f in results[0].remaining] == ["Desk.Placeholder"]
    assert sorted({e.rule for e in results[0].applied}) == ["Desk.Spelling", "Desk.Trailing"]
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
    # a second run has nothing left to do
    again = fix_paths(["article.md"], Options())
    assert not again[0].changed and article.read_bytes() == expected(original)


def test_fix_keeps_bom_line_endings_and_permissions(folder: Path) -> None:
    article = folder / "article.md"
    # (the body only: the Markdown reader does not yet close CRLF front matter)
    body = article.read_bytes().split(b"---\n", 2)[2]
    original = b"\xef\xbb\xbf" + body.replace(b"\n", b"\r\n")
    article.write_bytes(original)
    os.chmod(article, 0o640)
    fix_paths(["article.md"], Options())
    data = article.read_bytes()
    assert data == expected(original, crlf=True)
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    assert stat.S_IMODE(article.stat().st_mode) == 0o640


def test_fix_through_a_symlink_keeps_the_link(folder: Path) -> None:
    (folder / "article.md").rename(folder / "real.md")
    (folder / "article.md").symlink_to("real.md")
    original = (folder / "real.md").read_bytes()
    fix_paths(["article.md"], Options())
    assert (folder / "article.md").is_symlink()
    assert (folder / "real.md").read_bytes() == expected(original)


def test_dry_run_prints_a_diff_and_writes_nothing(folder: Path) -> None:
    article = folder / "article.md"
    original = article.read_bytes()
    res = CliRunner().invoke(cli, ["fix", "--dry-run", "article.md"])
    assert res.exit_code == 1                   # changes are pending
    assert article.read_bytes() == original
    out = res.stdout
    assert "--- a/article.md" in out and "+++ b/article.md" in out
    assert "-The harbour board will recieve the plan on Monday.   \n" in out
    assert "+The harbour board will receive the plan on Monday.\n" in out
    res = CliRunner().invoke(cli, ["fix", "article.md"])
    assert res.exit_code == 0 and article.read_bytes() == expected(original)
    res = CliRunner().invoke(cli, ["fix", "--dry-run", "article.md"])
    assert res.exit_code == 0 and "+++" not in res.stdout


def test_overlapping_fixes_apply_once_in_a_fixed_order() -> None:
    edits = [Edit(10, 17, "many", "B.Phrase"), Edit(10, 14, "a lot", "A.Word"), Edit(10, 14, "a lot", "C.Same"),
             Edit(15, 17, "about", "D.Inner"), Edit(17, 17, ",", "E.Insert"), Edit(17, 17, ";", "F.Insert")]
    first = plan(edits)
    for order in (list(reversed(edits)), edits[2:] + edits[:2]):
        assert plan(order) == first
    chosen, skipped = first
    # earliest first, the longest of those; the same change from two rules counts once
    assert [(e.start, e.end, e.text) for e in chosen] == [(10, 17, "many"), (17, 17, ",")]
    assert {e.rule for e in skipped} == {"A.Word", "D.Inner", "F.Insert"}


def test_overlapping_rules_on_a_file(folder: Path) -> None:
    (folder / "Desk" / "Phrase.yml").write_text(
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\ncategory: usage\n"
        "swap:\n  alot of: many\n", encoding="utf-8")
    article = folder / "article.md"
    fix_paths(["article.md"], Options())
    text = article.read_text(encoding="utf-8")
    assert "they had many questions" in text and "a lot" not in text


def test_html_fixes_are_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_fixture(tmp_path)
    (tmp_path / "Desk" / "Amp.yml").write_text(
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap:\n  and also: '&'\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Tea and also cake.</p><pre>and also</pre></body></html>\n", encoding="utf-8")
    fix_paths(["page.html"], Options())
    assert page.read_text(encoding="utf-8") == "<html><body><p>Tea &amp; cake.</p><pre>and also</pre></body></html>\n"


def test_safe_edits_never_touch_non_prose(folder: Path) -> None:
    from deskcheck.api import ConfigCache, check_document_with
    doc = parse((folder / "article.md").read_text(encoding="utf-8"), "md", "article.md")
    findings, _ = check_document_with(doc, ConfigCache(Options()).for_path("article.md"), Options())
    edits = safe_edits(doc, findings)
    assert edits
    for e in edits:
        assert not any(e.start < s.end and s.start < e.end for s in doc.non_prose)


def test_fix_refuses_stdin(folder: Path) -> None:
    res = CliRunner().invoke(cli, ["fix", "-"])
    assert res.exit_code != 0
