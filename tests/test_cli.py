"""The command line as a user runs it: outputs, exit codes and one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-ferry.md"


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "deskcheck", *args], capture_output=True, text=True,
                          input=stdin, cwd=cwd, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def test_report_text_and_exit_code() -> None:
    proc = run("report", str(EXAMPLE))
    assert proc.returncode == 1  # the example has an error-level placeholder
    first = proc.stdout.splitlines()[0]
    path, line, col, rest = first.split(":", 3)
    assert path == str(EXAMPLE) and line.isdigit() and col.isdigit()
    assert rest.split()[0] in ("error", "warning", "suggestion")
    assert "finding" in proc.stdout.strip().splitlines()[-1]


def test_report_json_shape() -> None:
    proc = run("report", "--format", "json", str(EXAMPLE))
    data = json.loads(proc.stdout)
    assert set(data) >= {"deskcheck", "files", "summary"}
    assert data["files"][0]["path"] == str(EXAMPLE)
    f = next(f for f in data["files"][0]["findings"] if f["rule"] == "Deskcheck.Placeholders")
    assert f["match"] == "TK" and f["severity"] == "error" and f["category"] == "style"
    src_line = EXAMPLE.read_text().splitlines()[f["line"] - 1]
    assert src_line[f["column"] - 1:f["end_column"] - 1] == "TK"
    assert set(f) == {"rule", "category", "severity", "message", "line", "column", "end_line",
                      "end_column", "match", "suggestions", "related"}
    s = data["summary"]
    assert s["files"] == 1 and s["findings"] == len(data["files"][0]["findings"])
    assert s["error"] + s["warning"] + s["suggestion"] == s["findings"]


def test_fail_level_and_min_level() -> None:
    assert run("report", "--fail-level", "error", "--disable", "Deskcheck.Placeholders", str(EXAMPLE)).returncode in (0, 1)
    proc = run("report", "--format", "json", "--min-level", "error", str(EXAMPLE))
    sev = {f["severity"] for f in json.loads(proc.stdout)["files"][0]["findings"]}
    assert sev <= {"error"}
    proc = run("report", "--format", "json", "--fail-level", "suggestion", str(EXAMPLE))
    assert proc.returncode == 1


def test_clean_article_exits_zero(tmp_path: Path) -> None:
    p = tmp_path / "clean.md"
    p.write_text("---\ntitle: Council approves budget\ndate: 2024-05-01\n---\n\nThe council approved the budget.\n")
    proc = run("report", "--disable", "Newsroom", str(p))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_stdin_with_filename() -> None:
    proc = run("report", "--format", "json", "--stdin-filename", "a.md", "-", stdin="Fares are TK.\n")
    data = json.loads(proc.stdout)
    assert any(f["rule"] == "Deskcheck.Placeholders" for f in data["files"][0]["findings"])


def test_json_stdout_is_only_json(tmp_path: Path) -> None:
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    (style / "Seq.yml").write_text("extends: sequence\nmessage: x\ntokens: []\n")
    (style / "Word.yml").write_text("extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n")
    (tmp_path / ".deskcheck.yaml").write_text("styles: [styles/House]\n")
    art = tmp_path / "a.md"
    art.write_text("We utilize it.\n")
    proc = run("report", "--format", "json", str(art), cwd=tmp_path)
    data = json.loads(proc.stdout)   # stdout parses although a warning was printed
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["House.Word"]
    assert "sequence" in proc.stderr and "Seq.yml" in proc.stderr


@pytest.mark.parametrize("content,needle", [
    (b"\x00\x01binary", "binary"),
    (b"caf\xe9 latin-1", "UTF-8"),
])
def test_unreadable_articles(tmp_path: Path, content: bytes, needle: str) -> None:
    p = tmp_path / "bad.md"
    p.write_bytes(content)
    line = one_line_error(run("report", str(p)))
    assert str(p) in line and needle in line


def test_nonexistent_path() -> None:
    line = one_line_error(run("report", "no/such/article.md"))
    assert "no/such/article.md" in line


def test_unknown_option() -> None:
    line = one_line_error(run("report", "--frobnicate", str(EXAMPLE)))
    assert "frobnicate" in line


def test_unclosed_front_matter(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: x\n\nBody.\n")
    line = one_line_error(run("report", str(p)))
    assert f"{p}:1:" in line


@pytest.mark.parametrize("rule_text,needle,line_no", [
    ("extends: existence\nmessage: x\ntokens: [a\n", "invalid YAML", None),
    ("extends: existance\nmessage: x\ntokens: [a]\n", "unknown kind", 1),
    ("extends: existence\nmessage: x\ntokenz: [a]\n", "unknown key 'tokenz'", 3),
    ("extends: existence\ntokens: [a]\n", "missing 'message'", None),
    ("extends: existence\nmessage: x\ntokens: ['(unclosed']\n", "invalid regular expression", None),
    ("extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]\n", "unknown level", 3),
])
def test_bad_rules(tmp_path: Path, rule_text: str, needle: str, line_no: int | None) -> None:
    style = tmp_path / "House"
    style.mkdir()
    (style / "Bad.yml").write_text(rule_text)
    (tmp_path / ".deskcheck.yaml").write_text("styles: [House]\n")
    (tmp_path / "a.md").write_text("Text.\n")
    line = one_line_error(run("report", str(tmp_path / "a.md")))
    assert "Bad.yml" in line and needle in line
    if line_no:
        assert f"Bad.yml:{line_no}:" in line


def test_runaway_regex_is_a_clean_error(tmp_path: Path) -> None:
    style = tmp_path / "House"
    style.mkdir()
    (style / "Slow.yml").write_text("extends: existence\nmessage: x\nnonword: true\nraw: ['(x+x+)+y']\n")
    (tmp_path / ".deskcheck.yaml").write_text("styles: [House]\n")
    # "xy" in the same paragraph: the prefilter cannot rule the paragraph out, so it runs (and runs away)
    (tmp_path / "a.md").write_text("xy " + "x" * 5000 + "\n")
    line = one_line_error(run("report", str(tmp_path / "a.md")))
    assert "House.Slow" in line and "a.md" in line


@pytest.mark.parametrize("config,needle", [
    ("stlyes: [Deskcheck]\n", "unknown key 'stlyes'"),
    ("profile: chicago\n", "unknown profile"),
    ("rules: {Deskcheck.Placeholders: loud}\n", "unknown level"),
    ("min_level: [\n", "invalid YAML"),
])
def test_bad_config(tmp_path: Path, config: str, needle: str) -> None:
    (tmp_path / ".deskcheck.yaml").write_text(config)
    (tmp_path / "a.md").write_text("Text.\n")
    line = one_line_error(run("report", str(tmp_path / "a.md")))
    assert ".deskcheck.yaml" in line and needle in line


def test_rules_and_explain() -> None:
    proc = run("rules")
    assert proc.returncode == 0 and "Deskcheck.Placeholders" in proc.stdout
    proc = run("explain", "Deskcheck.Placeholders")
    assert proc.returncode == 0 and "bad:" in proc.stdout
    one_line_error(run("explain", "No.SuchRule"))


def test_init_writes_valid_config(tmp_path: Path) -> None:
    proc = run("init", cwd=tmp_path)
    assert proc.returncode == 0
    from deskcheck.config import load_config
    cfg = load_config(tmp_path / ".deskcheck.yaml")
    assert cfg.styles == ("Deskcheck", "Newsroom")
    assert run("init", cwd=tmp_path).returncode == 2  # refuses to overwrite


def test_version_and_module_entry() -> None:
    proc = run("--version")
    assert proc.returncode == 0 and "deskcheck" in proc.stdout
