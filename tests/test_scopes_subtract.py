"""scopes._subtract against a character-by-character model: what a scope removes with `~name`."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from deskcheck.model import Span
from deskcheck.scopes import _merge, _subtract


def _sorted_disjoint(draw_pairs: list[tuple[int, int]]) -> list[Span]:
    out, pos = [], 0
    for gap, width in draw_pairs:
        out.append(Span(pos + gap, pos + gap + width))
        pos += gap + width
    return out


def _model(spans: list[Span], holes: list[Span]) -> list[Span]:
    removed = {i for h in holes for i in range(h.start, h.end)}
    out = []
    for s in spans:
        run = None
        for i in range(s.start, s.end):
            if i in removed:
                if run is not None:
                    out.append(Span(run, i))
                    run = None
            elif run is None:
                run = i
        if run is not None:
            out.append(Span(run, s.end))
    return out


pairs = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 6)), max_size=8)
# empty holes are left out: _subtract splits a span at one (as it always has), the model does not
holes = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=6)


@given(pairs, holes)
def test_subtract_keeps_exactly_what_no_hole_covers(span_pairs: list, hole_pairs: list) -> None:
    spans = _sorted_disjoint(span_pairs)
    hs = [Span(a, a + w) for a, w in hole_pairs]
    assert _subtract(spans, hs) == _model(spans, hs)
    assert _subtract(spans, _merge(hs), merged=True) == _model(spans, hs)


_SCOPES = [("text",), ("text", "~quote"), ("text", "~title", "~heading"), ("text", "~title", "~heading", "~table"),
           ("paragraph", "list"), ("paragraph", "list", "~quote"), ("heading", "caption"), ("sentence",), ("raw",),
           ("~quote",), ("paragraph",), ("text", "~quote", "~heading")]
_ARTICLE = """---
title: A headline
---
# A headline

The minister said: "We will act." She left, “quietly”, at 5 p.m.

## A section

- first "quoted" item
- second item

| a | b |
|---|---|
| 1 | "two" |

> A quotation block, "with a quote" inside.

Last paragraph.
"""


@settings(deadline=None)
@given(st.lists(st.sampled_from(_SCOPES), min_size=1, max_size=10))
def test_segments_with_a_shared_memo_are_those_without(order: list[tuple[str, ...]]) -> None:
    """The engine keeps one memo per article for all its scopes, asked in any order: each
    scope's segments are what a fresh call gives, and a caller's changes to one answer do not
    reach another."""
    from deskcheck.formats import parse
    from deskcheck.scopes import segments
    doc = parse(_ARTICLE, "md", "scopes.md")
    memo: dict = {}
    for scope in order:
        got = segments(doc, scope, memo)
        assert got == segments(doc, scope), scope
        got.append(Span(0, 1))          # an answer is the caller's own list
    for scope in order:
        assert segments(doc, scope, memo) == segments(doc, scope), scope
