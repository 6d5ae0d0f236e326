"""The regex prefilter only ever skips a rule that cannot match."""
from __future__ import annotations

import regex
from hypothesis import given, settings, strategies as st

from deskcheck import check_text
from deskcheck.kinds.vale import WORD_TEMPLATE
from deskcheck.prefilter import fold, may_match, required_strings


def test_word_lists_require_one_of_their_words() -> None:
    need = required_strings(WORD_TEMPLATE.format("utilize|in order to|a lot"))
    assert need == {"utilize", "in order to", "a lot"}
    assert not may_match(need, fold("The council will use the money."))
    assert may_match(need, fold("They UTILIZE it."))


def test_patterns_it_cannot_read_always_run() -> None:
    assert required_strings(r"\s+$") is None                    # no string is certain
    assert required_strings(r"[ \t]+$") == {" ", "\t"}          # a small class: one of its characters
    assert required_strings(r"[^,]x?") is None                  # a negated class: anything
    assert required_strings(r"(?:colour){e<=1}") is None       # fuzzy matching: regex-only syntax
    assert required_strings(r"[[:alpha:]]+ville") is None      # POSIX class: misread by the re parser
    assert required_strings(r"(?<=ab)x") == {"ab"}                # what a look-around asserts is there too
    assert required_strings(r"(?<!ab)x") == {"x"}                 # what a negative one forbids is not
    assert required_strings(r"x?") is None
    assert required_strings(r"\p{Lu}\p{Ll}+ville") == {"ville"}


def test_case_folding_keeps_every_case_insensitive_match() -> None:
    need = required_strings("istanbul")
    assert may_match(need, fold("İSTANBUL and İstanbul"))
    assert may_match(required_strings("strasse"), fold("STRAẞE"))


ALPHABET = "abAB -"
atoms = st.sampled_from(["a", "b", "ab", "ba", "A", "-", " ", "[ab]", ".", r"\w", r"\b", "(?=a)", "(?<!b)"])


@st.composite
def patterns(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        choice = draw(st.integers(0, 5 if depth < 2 else 2))
        if choice <= 2:
            parts.append(draw(atoms))
        elif choice == 3:
            parts.append(f"(?:{draw(patterns(depth + 1))}|{draw(patterns(depth + 1))})")
        elif choice == 4:
            parts.append(f"(?:{draw(patterns(depth + 1))}){draw(st.sampled_from(['?', '*', '+', '{2}', '{0,2}']))}")
        else:
            parts.append(f"({draw(patterns(depth + 1))})")
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(patterns(), st.text(alphabet=ALPHABET, max_size=30), st.booleans())
def test_a_skipped_pattern_never_matches(pattern: str, text: str, ignorecase: bool) -> None:
    compiled = regex.compile(pattern, regex.V0 | (regex.IGNORECASE if ignorecase else 0))
    if compiled.search(text) is not None:
        assert may_match(required_strings(pattern), fold(text)), (pattern, text)


def test_rules_still_fire_through_the_engine() -> None:
    assert [f.rule for f in check_text("The budget is TK million.\n")] == ["Deskcheck.Placeholders"]
    assert check_text("The budget is 4 million.\n") == []


spans_st = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1])), max_size=12)


@settings(max_examples=300, deadline=None)
@given(spans_st, st.integers(0, 80), st.integers(0, 15))
def test_segment_index_agrees_with_a_scan(raw: list[tuple[int, int]], start: int, length: int) -> None:
    from deskcheck.model import Span
    from deskcheck.scopes import SegmentIndex
    segments = [Span(a, b) for a, b in raw]
    index = SegmentIndex(segments)
    span = Span(start, start + length)
    assert index.holds(start) == any(s.start <= start < s.end for s in segments)
    assert index.contains(span) == any(s.start <= span.start and span.end <= s.end for s in segments)
    expected = sorted((s for s in segments if s.start < span.end and s.end > span.start),
                      key=lambda s: (s.start, s.end))
    assert index.overlapping(span.start, span.end) == expected
