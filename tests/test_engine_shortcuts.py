"""The engine's per-article shortcuts give the answers of the plain versions they replace."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from deskcheck import prefilter

from test_prefilter import assert_automaton_finds_what_find_finds

# letters whose case classes are odd (Turkish i's, sigma, Kelvin sign, long s, title-case
# digraphs, sharp s), characters outside the BMP, a lone surrogate, and plain ASCII
ODD = "aAzZiIıİΣσςKkK\u212aſsSǅǄǆßẞÉéΩωΩ\U0001F600\U00010400\U00010428\udce9\ud800 .,-\n\t\u00a0"


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=ODD, max_size=40) | st.text(max_size=40))
def test_fold_in_bytes_equals_the_plain_fold(text: str) -> None:
    assert prefilter.fold(text) == prefilter.fold_plain(text)
    assert len(prefilter.fold(text)) == len(prefilter.fold_plain(text))


def test_fold_equals_the_plain_fold_for_every_character_of_the_bmp() -> None:
    text = "".join(chr(c) for c in range(0x80, 0x10000))
    assert prefilter.fold(text) == prefilter.fold_plain(text)
    assert prefilter.fold(text[::-1]) == prefilter.fold_plain(text[::-1])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=" ,.;-\tTKXa\n\u00a0", min_size=1, max_size=3), max_size=8),
       st.text(alphabet=" ,.;-\tTKXa\n\u00a0", max_size=40))
def test_pairs_the_automaton_looks_for_are_found_where_str_find_finds_them(needles: list[str], text: str) -> None:
    """Two-character needles of punctuation and spaces are the automaton's now: its places are
    str.find's."""
    assert_automaton_finds_what_find_finds(needles, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9), st.sampled_from(["A.B", "A.C", "B.A"]),
                          st.sampled_from(["m", "n", ""]), st.sampled_from([0, 1, 2])), max_size=12))
def test_findings_collect_in_sort_key_order(raw: list[tuple[int, int, str, str, int]]) -> None:
    """collect() reads the sort key in C: the order (and what is dropped) of the property's."""
    from deskcheck.model import Finding, Position, Severity, Span
    from deskcheck.report import _SORT_KEY, collect
    findings = [Finding(rule, "style", Severity(level), message, Span(a, a + n), Position(1, 1, 1, 1), "x")
                for a, n, rule, message, level in raw]
    assert all(_SORT_KEY(f) == f.sort_key for f in findings)
    expected = []
    seen = set()
    for f in sorted(findings, key=lambda f: f.sort_key):
        if f.severity >= Severity.WARNING and (f.rule, f.span, f.message) not in seen:
            seen.add((f.rule, f.span, f.message))
            expected.append(f)
    assert collect(findings, Severity.WARNING) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=12))
def test_scopes_merge_in_start_end_order(raw: list[tuple[int, int]]) -> None:
    from deskcheck.model import Span
    from deskcheck.scopes import _START_END, _merge
    spans = [Span(a, a + n) for a, n in raw]
    assert [_START_END(s) for s in spans] == [(s.start, s.end) for s in spans]
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if out and s.start <= out[-1].end:
            if s.end > out[-1].end:
                out[-1] = Span(out[-1].start, s.end)
        else:
            out.append(s)
    assert _merge(spans) == out
