"""The engine's per-article shortcuts give the answers of the plain versions they replace."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from deskcheck import prefilter

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
    if prefilter._rs is None:
        return
    prefilter._ac_register(needles, ())
    occ = prefilter.ac_occurrences(text, 0)
    for s in set(needles):
        if prefilter._ac_covers(s):
            assert occ.get(s, []) == [i for i in range(len(text)) if text.startswith(s, i)], (s, text)
