"""The suggester's shortcuts against the plain versions they replace: each plain version is kept
here, as it was, and both must agree."""
from __future__ import annotations

from itertools import compress, repeat

import pytest
from hypothesis import given, settings, strategies as st

from deskcheck import lexicon

editdistpy = pytest.importorskip("editdistpy")
_NOT_FAR = (-1).__ne__


def _plain_near_two(lex: lexicon.Lexicon, low: str, variety: str | None) -> list[str]:
    """The bucket scan as it was: editdistpy's OSA distance called once per bucket word."""
    from editdistpy import damerau_osa

    n = len(low)
    out = []
    for length in range(max(1, n - 2), n + 3):
        bucket = lex._bucket(length, low[0])
        near = compress(bucket, map(_NOT_FAR, map(damerau_osa.distance, repeat(low), bucket, repeat(2))))
        out.extend(w for w in near if lex._candidate_form(w, variety))
    return out


def _plain_within_two(word: str, others: list[str]) -> list[str]:
    from editdistpy import damerau_osa

    return [o for o in others if damerau_osa.distance(word, o, 2) != -1]


def _fast_within_two(word: str, others: list[str]) -> list[str]:
    from rapidfuzz.distance.OSA import distance
    from rapidfuzz.process import extract

    hits = extract(word, others, scorer=distance, processor=None, score_cutoff=2, limit=None)
    return [others[i] for i in sorted(m[2] for m in hits)]


_LETTERS = st.text(alphabet="abcdeéß’'-\u0101\U0001f600", min_size=0, max_size=9)


@settings(max_examples=400, deadline=None)
@given(_LETTERS, st.lists(_LETTERS, max_size=12))
def test_rapidfuzz_keeps_exactly_the_words_editdistpy_keeps(word: str, others: list[str]) -> None:
    assert _fast_within_two(word, others) == _plain_within_two(word, others)


@pytest.mark.parametrize("low", ["recieve", "goverment", "untill", "definately", "knwon",
                                 "accomodate", "tommorow", "zzzzqx", "alot", "colour", "thier"])
@pytest.mark.parametrize("variety", [None, "en-GB", "en-US"])
def test_near_two_is_the_plain_scan_on_the_bundled_lists(low: str, variety: str | None) -> None:
    lex = lexicon.load()
    assert list(lex._near_two(low, variety)) == _plain_near_two(lex, low, variety)
