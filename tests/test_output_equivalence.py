"""The output stage's shortcuts against the plain versions they replace: same bytes, always."""
from __future__ import annotations

import io
import json
import math
import pickle
from typing import Any

from hypothesis import given, settings, strategies as st

from deskcheck import __version__, suppress
from deskcheck.formatters import FORMATTERS
from deskcheck.formatters.json import SCHEMA_VERSION, finding_dict
from deskcheck.formatters.base import show_suggestion
from deskcheck.formatters.jsontext import dumps
from deskcheck.formatters.text import BOLD, COLORS, DIM, GREEN, MAX_LINE, TextFormatter
from deskcheck.model import Document, Finding, IdentityMap, Position, RelatedLocation, Severity, Span
from deskcheck.parallel import pack, unpack
from deskcheck.report import FileReport, Summary, summarize

# any text, lone surrogates and control characters included
TEXT = st.text(st.characters(), max_size=12)
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | TEXT
KEYS = TEXT | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(TEXT, inner, max_size=4)
    | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(VALUES, st.integers(0, 3))
def test_dumps_is_json_dumps(value: Any, indent: int) -> None:
    try:
        expected = json.dumps(value, ensure_ascii=False, indent=indent)
    except (TypeError, ValueError) as exc:      # json refuses it: so must we, the same way
        try:
            dumps(value, indent=indent)
        except type(exc):
            return
        raise AssertionError("dumps accepted what json.dumps refused")
    assert dumps(value, indent=indent) == expected


def test_dumps_nan_and_infinities() -> None:
    for value in ([math.nan, math.inf, -math.inf, 1e300, -0.0], {"a": [1.5, {"b": []}], "c": {}}):
        assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=1)


POSITIONS = st.builds(Position, st.integers(1, 10**6), st.integers(1, 10**4), st.integers(1, 10**6),
                      st.integers(1, 10**4))
SPANS = st.builds(lambda a, n: Span(a, a + n), st.integers(0, 10**6), st.integers(0, 50))
RELATED = st.builds(RelatedLocation, SPANS, POSITIONS, TEXT)
FINDINGS = st.builds(
    Finding, rule=TEXT, category=TEXT, severity=st.sampled_from(list(Severity)), message=TEXT, span=SPANS,
    position=POSITIONS, match=TEXT, suggestions=st.lists(TEXT, max_size=3).map(tuple),
    related=st.lists(RELATED, max_size=2).map(tuple),
)
REPORTS = st.lists(st.builds(FileReport, TEXT, st.lists(FINDINGS, max_size=4)), max_size=4)


def plain_json_report(reports: list[FileReport], summary: Summary) -> str:
    """The JSON formatter as it was: the whole report as one dict through json.dump."""
    out = {
        "deskcheck": __version__,
        "schema": SCHEMA_VERSION,
        "files": [{"path": r.path, "findings": [finding_dict(f) for f in r.findings]} for r in reports],
        "summary": {"files": summary.files, "findings": summary.findings,
                    **{str(s): summary.by_level[s] for s in sorted(Severity, reverse=True)}},
    }
    stream = io.StringIO()
    json.dump(out, stream, ensure_ascii=False, indent=1)
    stream.write("\n")
    return stream.getvalue()


def render(fmt: str, reports: list[FileReport], **options: Any) -> str:
    return render_with(FORMATTERS[fmt], reports, **options)


@settings(max_examples=200, deadline=None)
@given(REPORTS)
def test_json_formatter_is_the_plain_dump(reports: list[FileReport]) -> None:
    assert render("json", reports) == plain_json_report(reports, summarize(reports))


def test_json_formatter_odd_values_take_the_general_path() -> None:
    """A finding whose fields are not plain ints and strs (a subclass) is written as json.dump
    writes it, not by the template."""
    class Line(int):
        pass

    class Word(str):
        pass

    f = Finding("A.B", "style", Severity.ERROR, Word("m\u2028\"x\""), Span(0, 1), Position(Line(1), 2, 3, 4), "x",
                (Word("y"),), (RelatedLocation(Span(0, 1), Position(1, Line(2), 1, 3), "there"),))
    reports = [FileReport("a.md", [f]), FileReport("b.md", [])]
    assert render("json", reports) == plain_json_report(reports, summarize(reports))


def excerpt(doc: Document, line: int, start: int, end: int) -> tuple[str, int, int]:
    """The plain excerpt the text formatter inlines: the text of `line` to show, and the column
    range (0-based, in that text) of [start, end), clipped to the line, windowed on a long line."""
    starts = doc.line_starts()
    line_start = starts[line - 1]
    stop = starts[line] if line < len(starts) else len(doc.source)
    text = doc.source[line_start:stop].rstrip("\r\n")
    lo = max(0, start - line_start)
    hi = min(len(text), max(lo, end - line_start))
    if len(text) > MAX_LINE:
        first = max(0, lo - 60)
        window = text[first:first + MAX_LINE]
        prefix = "…" if first else ""
        suffix = "…" if first + MAX_LINE < len(text) else ""
        text = prefix + window + suffix
        lo, hi = lo - first + len(prefix), min(hi - first, MAX_LINE) + len(prefix)
    return text.replace("\t", " "), lo, hi


class PlainTextFormatter(TextFormatter):
    """The text formatter as it was: one finding at a time, through excerpt()."""

    def file(self, report: FileReport) -> None:
        if not report.findings:
            return
        w = self.stream.write
        if not self.first:
            w("\n")
        self.first = False
        for f in report.findings:
            self.table.setdefault(f.category, {s: 0 for s in Severity})[f.severity] += 1
            self._finding(report, f)

    def _finding(self, report: FileReport, f: Finding) -> None:
        w = self.stream.write
        p = f.position
        level = self._c(COLORS[f.severity], str(f.severity))
        w(f"{report.path}:{p.line}:{p.column}: {level} {self._c(BOLD, f.rule)} {f.message} [{f.category}]\n")
        doc = report.document
        if self.options.get("context", True) and doc is not None:
            text, lo, hi = excerpt(doc, p.line, f.span.start, f.span.end)
            bar = self._c(DIM, "|")
            w(f"  {bar} {text}\n")
            marks = "^" * max(1, hi - lo)
            w(f"  {bar} {' ' * lo}{self._c(COLORS[f.severity], marks)}\n")
        if f.suggestions:
            label = "fix" if len(f.suggestions) == 1 else "suggestions"
            shown = ", ".join(show_suggestion(s) for s in f.suggestions[:5])
            w(f"  = {label}: {self._c(GREEN, shown)}\n")
        for r in f.related:
            rp = r.position
            w(f"  = note: {report.path}:{rp.line}:{rp.column}: {r.message}\n")


# sources with short and long lines, tabs, CR, CRLF and text past the window on either side
LINE = st.text(st.sampled_from("ab \t…é"), max_size=400)
SOURCES = st.lists(st.tuples(LINE, st.sampled_from(["\n", "\r\n", "\r", "\n\n"])), min_size=1, max_size=6).map(
    lambda parts: "".join(a + b for a, b in parts))


@st.composite
def documents_with_findings(draw: st.DrawFn) -> FileReport:
    source = draw(SOURCES)
    doc = Document(draw(TEXT), "md", source, "", [], IdentityMap())
    findings = []
    for _ in range(draw(st.integers(0, 5))):
        a = draw(st.integers(0, len(source)))
        b = draw(st.integers(a, len(source)))
        span = Span(a, b)
        related = tuple(RelatedLocation(span, doc.position(span), m) for m in draw(st.lists(TEXT, max_size=2)))
        findings.append(Finding(draw(TEXT), draw(st.sampled_from(["style", "names", "usage"])),
                                draw(st.sampled_from(list(Severity))), draw(TEXT), span, doc.position(span),
                                source[a:b], tuple(draw(st.lists(TEXT, max_size=7))), related))
    return FileReport(doc.path, findings, doc if draw(st.booleans()) else None)


def render_with(cls: type, reports: list[FileReport], **options: Any) -> str:
    stream = io.StringIO()
    formatter = cls(stream, **options)
    formatter.start()
    for r in reports:
        formatter.file(r)
    formatter.finish(summarize(reports))
    return stream.getvalue()


@settings(max_examples=300, deadline=None)
@given(st.lists(documents_with_findings(), max_size=3), st.booleans(), st.booleans())
def test_text_formatter_is_the_plain_one(reports: list[FileReport], color: bool, context: bool) -> None:
    assert render_with(TextFormatter, reports, color=color, context=context) == render_with(
        PlainTextFormatter, reports, color=color, context=context)


@settings(max_examples=200, deadline=None)
@given(st.lists(FINDINGS, max_size=6))
def test_pool_packing_round_trips(findings: list[Finding]) -> None:
    """What a worker sends is rebuilt into the same findings, through pickle as the pool sends it."""
    back = unpack(pickle.loads(pickle.dumps(pack(findings))))
    assert back == findings
    assert [type(f.severity) for f in back] == [Severity] * len(findings)
    assert [json.dumps(finding_dict(f)) for f in back] == [json.dumps(finding_dict(f)) for f in findings]


DIRECTIVE_BITS = st.sampled_from(["<!--", "<!-- ", "-->", "deskcheck-", "DESKCHECK-", "disable", "enable",
                                  "disable-next-line", "accept", " A.B", ",", "\n", "\n\n", "x", " Zed"])


@settings(max_examples=300, deadline=None)
@given(st.lists(DIRECTIVE_BITS, max_size=14).map("".join))
def test_directives_shortcut_is_the_full_scan(source: str) -> None:
    doc = Document("a.md", "md", source, "", [], IdentityMap())
    assert suppress.directives(doc) == suppress._directives(source)
    assert suppress.directives(doc) == suppress._directives(source)     # asked again: the kept answer



def test_json_formatter_odd_fields_still_match_json_dump() -> None:
    """A bool or an int where the schema has an int, an int where it has a Severity, None or a
    lone surrogate where it has text: each file is still written as json.dump writes it."""
    odd = [
        Finding("A.B", "style", Severity.WARNING, "m", Span(0, 1), Position(True, 2, 3, 4), "x"),
        Finding("A.B", "style", 1, "m", Span(0, 1), Position(1, 2, 3, 4), "x"),  # type: ignore[arg-type]
        Finding("A.B", "style", Severity.ERROR, None, Span(0, 1), Position(1, 2, 3, 4), "\ud800"),  # type: ignore[arg-type]
        Finding("A.B", "style", Severity.ERROR, "m", Span(0, 1), Position(1, 2, 3, 4), "x", ("\udfff", "ok"),
                (RelatedLocation(Span(0, 1), Position(1, 2, False, 3), "r"),)),
    ]
    for f in odd:
        reports = [FileReport("a.md", [f]), FileReport("b.md", [odd[0], odd[-1]])]
        assert render("json", reports) == plain_json_report(reports, summarize(reports))
