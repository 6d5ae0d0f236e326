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


# --- Spelling: capitalised words judged without the article, remembered across articles ---------

_POOL = ["Russian-led", "Iran-backed", "Vienna-based", "Secretary-General", "Heung-min", "Son",
         "Kassym-Jomart", "Tokayev", "Untill", "Accross", "Comittee", "Post-conflict", "Forty-six",
         "Murray-Darling", "al-Sadr", "pirozhki", "Pirozhki", "zagulba", "recieve", "dubbed", "“recieve”", "Non-goverment", "Anti-goverment", "Kyiv-basde", "Well-knwon", "Goverment-run", "Zagulba-Vorn", "Zagulba",
         "the", "said", "a", "committee", "on", "Monday", "river", "well-knwon", "so-called",
         "“Iran-backd”", "(Untill", "Smith", "Recieve-based", "BY-SA", "Non-Goverment"]


def _article(words: list[str], stops: list[bool]) -> str:
    out = []
    for word, stop in zip(words, stops):
        out.append(word + ("." if stop else ""))
    return "# " + " ".join(words[:3]) + "\n\n" + " ".join(out) + "\n"


def _spelling(text: str) -> list[tuple[str, int, int, str, str, tuple[str, ...]]]:
    import deskcheck

    return [(f.rule, f.span.start, f.span.end, f.match, f.message, tuple(f.suggestions))
            for f in deskcheck.check_text(text, format="md") if "Spelling" in f.rule]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_POOL), min_size=1, max_size=14),
       st.lists(st.booleans(), min_size=14, max_size=14))
def test_remembered_verdicts_match_the_word_by_word_check(words: list[str], stops: list[bool]) -> None:
    from deskcheck.kinds.spelling import Spelling

    text = _article(words, stops)
    fast = _spelling(text)
    # the shortcut off: no verdict of a capitalised word remembered
    verdict = Spelling._context_free_verdict
    Spelling._context_free_verdict = lambda self, lex, variety, text: None  # type: ignore[method-assign]
    try:
        plain = _spelling(text)
    finally:
        Spelling._context_free_verdict = verdict  # type: ignore[method-assign]
    assert fast == plain
    assert _spelling(text) == fast      # and again, with everything remembered


def test_context_free_verdicts_are_reported() -> None:
    # the shortcut's own answers: a slip inside a capitalised compound, and none for names
    text = "# Notes\n\nThe Non-goverment agency and the Russian-led force met. Anti-goverment too.\n"
    found = _spelling(text)
    assert [f[3] for f in found] == ["goverment", "goverment"]
    assert found[0][5][0] == "government"


# --- Lexicon.unknown ------------------------------------------------------------------------------

_WORDS = st.sampled_from(["the", "recieve", "Untill", "London", "zagulba", "colour", "color",
                          "minister's", "café", "cafe", "Goverment", "iPhone", "xqzt", "well-known"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.frozensets(_WORDS), min_size=1, max_size=4))
def test_unknown_is_the_words_knows_rejects(batches: list[frozenset[str]]) -> None:
    lex = lexicon.Lexicon(lexicon.default_data_dir())
    for words in batches:        # (later batches meet words the sets remember)
        assert set(lex.unknown(words)) == {w for w in words if not lexicon.load().knows(w)}


# --- NameForms.named --------------------------------------------------------------------------

_NAMEY = ["Heung", "Heung-min", "Son", "Untill", "Untill's", "Sviatlana", "the", "said", "Heung's",
          "Kassym-Jomart", "Jomart", "met", "(Untill", "“Sviatlana"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_NAMEY), min_size=1, max_size=12),
       st.lists(st.booleans(), min_size=12, max_size=12))
def test_named_is_a_count_above_one(words: list[str], stops: list[bool]) -> None:
    from deskcheck.analysis.words import ColumnIndex, word_columns, word_index
    from deskcheck.formats import parse
    from deskcheck.kinds.spelling import NameForms

    doc = parse(_article(words, stops), "md", "t.md")
    forms = ["Heung", "Untill", "Sviatlana", "Son", "Kassym", "Jomart", "Nobody"]
    plain = NameForms(ColumnIndex(word_columns(doc)))
    counts = [plain.get(f, 0) for f in forms]
    # told from the columns, and from the text (words.word_index: the quick index when it can)
    for index in (ColumnIndex(word_columns(doc)), word_index(doc)):
        assert [NameForms(index).named(f) for f in forms] == [n > 1 for n in counts]
        assert [NameForms(index).get(f, 0) for f in forms] == counts


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_NAMEY), min_size=1, max_size=12),
       st.lists(st.booleans(), min_size=12, max_size=12))
def test_named_is_a_count_above_one_when_every_form_is_counted_at_once(
        words: list[str], stops: list[bool]) -> None:
    from deskcheck.kinds import spelling

    long = spelling._LONG
    spelling._LONG = 3       # (what a long file does: every form counted in one pass)
    try:
        test_named_is_a_count_above_one.hypothesis.inner_test(words, stops)  # type: ignore[attr-defined]
    finally:
        spelling._LONG = long
