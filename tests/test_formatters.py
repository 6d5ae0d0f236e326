"""Output formats: golden files from a short article of our own, plus the properties each format
promises (SARIF schema-valid with fixes, GitHub commands escaped, JUnit well formed, HTML escaped
and self-contained, colour only when asked).

Regenerate the golden files after an intended change with DESKCHECK_UPDATE_GOLDEN=1.
"""
from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from deskcheck import __version__
from deskcheck.api import ConfigCache, Options, rules_for
from deskcheck.cli import _use_color, cli
from deskcheck.formatters import FORMATTERS
from deskcheck.formatters.github import escape_data, escape_property
from deskcheck.formatters.html import _Interval, highlight
from deskcheck.model import Finding, Position, Severity, Span
from deskcheck.progress import ProgressBar
from deskcheck.report import FileReport, summarize

from reports_fixture import copy_fixture, fixture_reports

GOLDEN = Path(__file__).parent / "golden"
ROOT = Path(__file__).resolve().parents[1]
GOLDEN_CASES = [("text", False, "article.txt"), ("text", True, "article.ansi"), ("sarif", False, "article.sarif"),
                ("github", False, "article.github"), ("junit", False, "article.junit.xml"),
                ("html", False, "article.html")]


def sarif_schema() -> Path | None:
    """The OASIS schema lives beside the repository (`../shared/schemas/`), not in it."""
    candidates = [ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"]
    if os.environ.get("DESKCHECK_SARIF_SCHEMA"):
        candidates.insert(0, Path(os.environ["DESKCHECK_SARIF_SCHEMA"]))
    return next((p for p in candidates if p.is_file()), None)


@pytest.fixture
def fixture_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_fixture(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def render(fmt: str, reports: list[FileReport], color: bool = False) -> str:
    out = io.StringIO()
    options = Options()
    rules = {r.id: r for r in rules_for(ConfigCache(options).for_path("article.md"), options)}
    formatter = FORMATTERS[fmt](out, color=color, rules=rules)
    formatter.start()
    for r in reports:
        formatter.file(r)
    formatter.finish(summarize(reports))
    # the version changes with every release; the golden files should not
    return out.getvalue().replace(__version__, "VERSION")


@pytest.mark.parametrize("fmt,color,name", GOLDEN_CASES)
def test_golden(fixture_dir: Path, fmt: str, color: bool, name: str) -> None:
    got = render(fmt, fixture_reports(fixture_dir), color)
    path = GOLDEN / name
    if os.environ.get("DESKCHECK_UPDATE_GOLDEN"):
        path.write_bytes(got.encode("utf-8"))
    assert path.is_file(), f"missing golden file {name}: run with DESKCHECK_UPDATE_GOLDEN=1"
    assert got == path.read_bytes().decode("utf-8")


def test_text_shows_caret_suggestion_and_related(fixture_dir: Path) -> None:
    out = render("text", fixture_reports(fixture_dir))
    lines = out.splitlines()
    i = lines.index(next(ln for ln in lines if ln.startswith("article.md:9:24: warning Desk.Spelling")))
    assert lines[i + 1].endswith("The harbour board will recieve the plan on Monday.   ")
    caret = lines[i + 2]
    # the caret sits under the span: same column in the shown line, as wide as the match
    assert caret.index("^") == lines[i + 1].index("recieve") and caret.count("^") == len("recieve")
    assert "= fix: receive" in lines[i + 3]
    assert any("= note: article.md:8:13:" in ln for ln in lines)          # the related place
    assert "\033[" not in out
    table = lines[lines.index(next(ln for ln in lines if ln.startswith("category"))):]
    assert table[1].split()[0] == "spelling" and table[1].split()[-1] == "3"


def test_colour_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _use_color(Tty(), None) is True
    assert _use_color(io.StringIO(), None) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert _use_color(Tty(), None) is False


def test_cli_runs_every_format(fixture_dir: Path) -> None:
    runner = CliRunner()
    for fmt in ("text", "sarif", "github", "junit", "html"):
        res = runner.invoke(cli, ["report", "--format", fmt, "article.md"])
        assert res.exit_code == 1, (fmt, res.output)       # the placeholder is an error
        assert "\033[" not in res.output                    # not a terminal: no colour
    res = runner.invoke(cli, ["report", "--format", "sarif", "article.md"])
    sarif = json.loads(res.output)
    ids = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert ids == {"Desk.Placeholder", "Desk.Spelling", "Desk.Trailing"}


def test_sarif_regions_fixes_and_schema(fixture_dir: Path) -> None:
    reports = fixture_reports(fixture_dir)
    log = json.loads(render("sarif", reports))
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    rules = run["tool"]["driver"]["rules"]
    spelling = next(r for r in rules if r["id"] == "Desk.Spelling")
    assert spelling["helpUri"] == "https://example.org/rules/spelling" and spelling["help"]["text"]
    findings = reports[0].findings
    assert len(run["results"]) == len(findings)
    for res, f in zip(run["results"], findings):
        assert res["ruleId"] == f.rule and rules[res["ruleIndex"]]["id"] == f.rule
        reg = res["locations"][0]["physicalLocation"]["region"]
        assert (reg["startLine"], reg["startColumn"], reg["endLine"], reg["endColumn"]) == (
            f.position.line, f.position.column, f.position.end_line, f.position.end_column)
        assert reg["charOffset"] == f.span.start and reg["charLength"] == len(f.span)
        if len(f.suggestions) == 1:
            rep = res["fixes"][0]["artifactChanges"][0]["replacements"][0]
            assert rep["insertedContent"]["text"] == f.suggestions[0]
            assert rep["deletedRegion"] == {"charOffset": f.span.start, "charLength": len(f.span)}
        else:
            assert "fixes" not in res
        assert len(res.get("relatedLocations", [])) == len(f.related)
    schema_path = sarif_schema()
    if schema_path is None:
        pytest.skip("SARIF schema not found beside the repository (../shared/schemas/)")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)


def _finding(message: str, suggestions: tuple[str, ...] = ()) -> Finding:
    return Finding("X.Rule", "style", Severity.WARNING, message, Span(0, 3), Position(1, 1, 1, 4), "abc",
                   suggestions)


def test_github_commands_are_escaped() -> None:
    assert escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    out = io.StringIO()
    fmt = FORMATTERS["github"](out)
    fmt.start()
    fmt.file(FileReport("news/a,b:c.md", [_finding("line one\n::error::forged", ("x",))]))
    fmt.finish(summarize([]))
    lines = out.getvalue().splitlines()
    assert len(lines) == 1                      # an article cannot inject a second command
    assert lines[0].startswith("::warning file=news/a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=4,title=X.Rule")
    assert "%0A::error::forged" in lines[0]


def test_junit_is_well_formed_even_with_control_characters() -> None:
    out = io.StringIO()
    fmt = FORMATTERS["junit"](out)
    fmt.start()
    fmt.file(FileReport("a.md", [_finding("bad \x0b char <&>")]))
    fmt.file(FileReport("clean.md", []))
    fmt.finish(summarize([]))
    root = ET.fromstring(out.getvalue().encode("utf-8"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.md", "clean.md"]
    assert root.get("failures") == "1" and root.get("tests") == "2"
    failure = suites[0].find("testcase/failure")
    assert failure is not None and failure.get("message") == "bad \ufffd char <&>"
    assert suites[1].find("testcase/failure") is None


class _Texts(HTMLParser):
    """Text of each finding's highlight, joined over its pieces, and the page's whole text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str | None] = []
        self.by_finding: dict[str, str] = {}
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.stack.append(dict(attrs).get("data-f") if tag == "mark" else None)

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for fid in {f for f in self.stack if f}:
            self.by_finding[fid] = self.by_finding.get(fid, "") + data


def test_html_escapes_and_is_self_contained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "evil.txt").write_text('Breaking <script>alert("x")</script> TK & "more" <img src=x onerror=alert(1)>\n',
                                       encoding="utf-8")
    res = CliRunner().invoke(cli, ["report", "--format", "html", "evil.txt"])
    page = res.output
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert len(re.findall(r"<script\b", page)) == 1             # only the page's own script
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)    # nothing from the network
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_html_highlights_match_findings(fixture_dir: Path) -> None:
    reports = fixture_reports(fixture_dir)
    parser = _Texts()
    parser.feed(render("html", reports))
    findings = reports[0].findings
    assert {fid: parser.by_finding.get(fid) for fid in map(str, range(1, len(findings) + 1))} == {
        str(i): f.match for i, f in enumerate(findings, 1)}
    # the related place is marked too, and the finding's list entry links to it
    page = render("html", reports)
    fid, f = next((i, f) for i, f in enumerate(findings, 1) if f.related)
    rel = f.related[0]
    m = re.search(rf'<mark class="r" id="r-{fid}-1"[^>]*>([^<]*)</mark>', page)
    assert m is not None and m.group(1) == reports[0].document.source[rel.span.start:rel.span.end]
    assert f'href="#r-{fid}-1"' in page


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab<&\n ", min_size=1, max_size=30), st.data())
def test_highlight_nests_any_intervals(source: str, data: st.DataObject) -> None:
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(source)), st.integers(0, len(source))), max_size=6))
    f = _finding("m")
    intervals = [_Interval(min(a, b), max(a, b), "f", i, finding=f) for i, (a, b) in enumerate(spans, 1)]
    parser = _Texts()
    parser.feed(highlight(source, intervals))
    parser.close()
    assert not parser.stack                                    # every element closed
    assert "".join(parser.text) == source.replace("\r", "")     # the article text, unchanged
    for iv in intervals:
        assert parser.by_finding.get(str(iv.fid), "") == source[iv.start:iv.end]


def test_progress_bar_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    quiet = io.StringIO()
    bar = ProgressBar.for_stream(quiet)
    for i in range(1, 30):
        bar(i, 29, "a.md")
    bar.close()
    assert quiet.getvalue() == ""
    tty = Tty()
    bar = ProgressBar.for_stream(tty)
    bar(29, 29, "news/last.md")
    assert "29/29" in tty.getvalue() and "news/last.md" in tty.getvalue()
    bar.close()
    assert tty.getvalue().endswith("\r")
    few = Tty()
    ProgressBar.for_stream(few)(2, 2, "a.md")      # a short run gets no bar
    assert few.getvalue() == ""
