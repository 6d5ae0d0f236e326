"""A segment is scanned only when it holds a string of every clause the filter asks of segments
(the best one and the others the automaton answers for). Each clause is certain in every match,
so the findings are those of scanning every segment: checked here against rules with no filter
at all, on articles made of the words those rules look for."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from deskcheck.engine import _required, check_document
from deskcheck.formats import parse
from deskcheck.kinds.base import Settings
from deskcheck.model import Span
from deskcheck.prefilter import View
from deskcheck.rules import bundled_rules_dir, load_style, load_styles

# the rules whose filters ask more than one clause of a segment, and some of their words
RULES = ("Newsroom.CountryAsAdjective", "Newsroom.UnsourcedSuperlative", "Newsroom.LoadedAttribution",
         "Newsroom.DemonymAsCountry")
WORDS = ["The", "the", "a", "An", "Belarus", "Ukraine", "Georgia", "Belarusian", "president", "people",
         "prime minister", "citizens", "visited", "flew to", "most", "biggest", "ever", "in history",
         "on record", "said", "admitted", "claimed", "conceded", "“", "”", ",", ".", " ", " ", "\n\n", "last week"]


@lru_cache(maxsize=1)
def _rules() -> "tuple[list[Any], list[Any]]":
    """The rules with their filters, and the same rules with none (every segment scanned)."""
    filtered = [r for r in load_styles(["Newsroom"], None) if r.id in RULES]
    # (read afresh: the bundled style's rules share their kind objects, which keep the filter)
    plain = [r for r in load_style(bundled_rules_dir() / "Newsroom") if r.id in RULES]
    for r in plain:
        r.kind._deskcheck_required = None
    return filtered, plain


def _found(doc: Any, rules: "list[Any]") -> "list[tuple[str, int, int, str]]":
    return [(f.rule, f.span.start, f.span.end, f.message) for f in check_document(doc, rules, Settings()).findings]


def test_the_rules_ask_more_than_one_clause_of_a_segment() -> None:
    filtered, _ = _rules()
    assert {r.id for r in filtered} == set(RULES)
    asked = {r.id for r in filtered if (f := _required(r)) is not None and len(f._segment_plan) > 1}
    assert {"Newsroom.CountryAsAdjective", "Newsroom.UnsourcedSuperlative"} <= asked


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_findings_equal_those_of_scanning_every_segment(words: "list[str]") -> None:
    text = " ".join(words)
    filtered, plain = _rules()
    doc = parse(text, "md", "a.md")
    assert _found(doc, filtered) == _found(parse(text, "md", "a.md"), plain)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.lists(st.integers(0, 200), max_size=6))
def test_every_segment_with_a_match_is_kept(words: "list[str]", cuts: "list[int]") -> None:
    """Per segment, against the rule's own pattern: a segment where it matches is kept."""
    text = " ".join(words)
    edges = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    spans = [Span(a, b) for a, b in zip(edges, edges[1:])]
    filtered, _ = _rules()
    for rule in filtered:
        f = _required(rule)
        pattern = getattr(rule.kind, "pattern", None) or getattr(rule.kind, "claim", None)
        if f is None or pattern is None:
            continue
        view = View(text)
        if not f.may_match(view):
            assert not any(pattern.search(text, s.start, s.end) for s in spans)
            continue
        kept = f.segments(view, spans)
        for s in spans:
            if pattern.search(text, s.start, s.end):
                assert s in kept, (rule.id, text, s)
