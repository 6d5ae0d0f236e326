"""Every position maps back exactly to the source, for all three formats (a property test)."""
from __future__ import annotations

import html

from hypothesis import given, settings, strategies as st

from deskcheck.formats import parse

WORDS = st.sampled_from(["news", "Minsk", "café", "Łódź", "Жодино", "über", "naïve", "東京", "🙂x",
                         "don't", "“quoted”", "end.", "a,b", "tab\there", "x" * 30])
MARK = "Qzmark"


def _paragraph(words: list[str], marks: list[bool]) -> str:
    out = []
    for w, m in zip(words, marks):
        out.append(w)
        if m:
            out.append(MARK)
    return " ".join(out)


paragraphs = st.lists(
    st.tuples(st.lists(WORDS, min_size=1, max_size=12), st.lists(st.booleans(), min_size=12, max_size=12)),
    min_size=1, max_size=6,
).map(lambda ps: [_paragraph(w, m) for w, m in ps])


def _check_marks(doc, newline: str) -> int:
    """Each marker in the prose view maps to the marker in the source, at the right line/col."""
    count = 0
    start = doc.text.find(MARK)
    while start != -1:
        from deskcheck.model import Span
        span = doc.offsets.span(Span(start, start + len(MARK)))
        assert doc.source[span.start:span.end] == MARK
        line, col = doc.line_col(span.start)
        lines = doc.source.replace("\r\n", "\n").split("\n")
        assert lines[line - 1][col - 1:col - 1 + len(MARK)] == MARK
        count += 1
        start = doc.text.find(MARK, start + 1)
    return count


@settings(max_examples=60, deadline=None)
@given(paragraphs, st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_markdown_positions(paras: list[str], nl: str, with_front: bool) -> None:
    front = f"---{nl}title: Héadline {MARK}{nl}date: 2021-04-21{nl}---{nl}{nl}" if with_front else ""
    body = (nl + nl).join(paras)
    src = front + f"# Head {MARK}{nl}{nl}" + body + nl + nl + f"- item {MARK}{nl}"
    doc = parse(src, "md", "a.md")
    expected = src.count(MARK)
    assert _check_marks(doc, nl) == expected


@settings(max_examples=60, deadline=None)
@given(paragraphs, st.sampled_from(["\n", "\r\n"]))
def test_text_positions(paras: list[str], nl: str) -> None:
    src = f"Headline {MARK}{nl}{nl}By Reporter{nl}{nl}April 21, 2021{nl}{nl}" + (nl + nl).join(paras) + nl
    doc = parse(src, "txt", "a.txt")
    assert _check_marks(doc, nl) == src.count(MARK)


@settings(max_examples=60, deadline=None)
@given(paragraphs, st.sampled_from(["\n", "\r\n"]))
def test_html_positions(paras: list[str], nl: str) -> None:
    body = nl.join(f"<p>{html.escape(p, quote=False)} &amp; {MARK}</p>" for p in paras)
    src = f"<html><head><title>T</title></head><body><article>{nl}<h1>Title {MARK}</h1>{nl}{body}{nl}</article></body></html>"
    doc = parse(src, "html", "a.html")
    assert _check_marks(doc, nl) == src.count(MARK)


def test_html_entity_maps_to_entity_as_written() -> None:
    from deskcheck.model import Span
    src = "<article><p>Salt &amp; pepper &#8212; and more</p></article>"
    doc = parse(src, "html", "a.html")
    i = doc.text.index("&")
    span = doc.offsets.span(Span(i, i + 1))
    assert doc.source[span.start:span.end] == "&amp;"
    j = doc.text.index("\u2014")
    span = doc.offsets.span(Span(j, j + 1))
    assert doc.source[span.start:span.end] == "&#8212;"


def test_bom_and_tabs_positions(tmp_path) -> None:
    from deskcheck import check_path
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeffHeadline\n\n\tThe budget is TK now.\n".encode("utf-8"))
    findings = [f for f in check_path(p) if f.rule == "Deskcheck.Placeholders"]
    assert [(f.position.line, f.position.column, f.match) for f in findings] == [(3, 16, "TK")]


def test_markdown_non_prose_is_skipped() -> None:
    from deskcheck import check_text
    src = (
        "---\ntitle: A TK headline\n---\n\n"
        "Text with `TK code` and <!-- TK comment --> and [a link](http://x/TK) here.\n\n"
        "```\nTK in a fence\n```\n\n    TK indented code\n\n<div>TK raw html</div>\n"
    )
    hits = [f for f in check_text(src, "md") if f.rule == "Deskcheck.Placeholders"]
    # only the headline's TK is prose
    assert [(f.position.line, f.match) for f in hits] == [(2, "TK")]


# -- the engine's Finding: positional arguments, slot setters -------------------------------------

def _finding_plain(doc, rule, hit, omap):
    """to_finding with keyword arguments and every field set with object.__setattr__ (the version
    before the slot setters): the engine's must make an equal Finding field for field."""
    from deskcheck.model import Finding, Position, RelatedLocation

    def plain(cls, **fields):
        obj = object.__new__(cls)
        for name, value in fields.items():
            object.__setattr__(obj, name, value)
        return obj

    def pos(span):
        (line, col), (end_line, end_col) = doc.line_col(span.start), doc.line_col(span.end)
        return plain(Position, line=line, column=col, end_line=end_line, end_column=end_col)

    span = omap.span(hit.span)
    related = tuple(plain(RelatedLocation, span=rs, position=pos(rs), message=r.message)
                    for r in hit.related for rs in [omap.span(r.span)])
    return plain(Finding, rule=rule.id, category=hit.category or rule.category, severity=rule.level,
                 message=hit.message, span=span, position=pos(span), match=doc.source[span.start:span.end],
                 suggestions=hit.suggestions, related=related)


@settings(max_examples=60, deadline=None)
@given(paragraphs, st.sampled_from(["md", "txt", "html"]), st.booleans(),
       st.lists(st.tuples(st.integers(-2, 400), st.integers(-2, 400), st.lists(st.tuples(st.integers(0, 400),
                                                                                         st.integers(0, 400)),
                                                                               max_size=2),
                          st.one_of(st.none(), st.just("style"))), min_size=1, max_size=8))
def test_to_finding_is_the_plain_finding(paras: list[str], fmt: str, raw: bool,
                                         hits: list[tuple[int, int, list[tuple[int, int]], str | None]]) -> None:
    from types import SimpleNamespace

    from deskcheck.engine import to_finding
    from deskcheck.model import Hit, IdentityMap, Related, Severity, Span

    source = "\n\n".join(f"<p>{html.escape(p)}</p>" if fmt == "html" else p for p in paras) + "\n"
    doc = parse(source, fmt, f"a.{fmt}")
    omap = IdentityMap() if raw else doc.offsets
    rule = SimpleNamespace(id="Style.Rule", category="usage", level=Severity.WARNING)
    for a, b, related, category in hits:
        hit = Hit(Span(a, b), "message", ("fix",), tuple(Related(Span(*r), "there") for r in related), category)
        ours, plain = to_finding(doc, rule, hit, omap), _finding_plain(doc, rule, hit, omap)
        assert ours == plain and repr(ours) == repr(plain)
        assert [getattr(ours, f) for f in ours._fields] == [getattr(plain, f) for f in plain._fields]
