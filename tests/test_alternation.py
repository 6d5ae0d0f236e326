"""Grouping an alternation by first letter must never change what it matches."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskcheck.alternation import by_first_letter, split_top
from deskcheck.analysis import attribution


def test_split_top_keeps_groups_and_classes_whole() -> None:
    assert split_top(r"said|(?:was|were) quoted|emphasi[sz|]ed|a\|b") == \
        ["said", "(?:was|were) quoted", "emphasi[sz|]ed", r"a\|b"]


def test_leading_groups_are_spread_in_order() -> None:
    grouped = by_first_letter(["(?:was|is) quoted", "warned"], True)
    assert grouped == "(?:(?=w)(?:was quoted|warned)|(?=i)(?:is quoted))"


def test_an_alternative_must_start_with_a_letter() -> None:
    with pytest.raises(ValueError):
        by_first_letter(["[A-Z]\\w+"], True)


def test_case_sensitive_grouping_keeps_cases_apart() -> None:
    pattern = re.compile(rf"\b{by_first_letter(['Said', 'said', 'sad'], False)}\b")
    assert [m.group() for m in pattern.finditer("Said said sad SAD")] == ["Said", "said", "sad"]


# words from the real cue list, mixed with near misses, cases and the punctuation around quotes
_CUE_WORDS = ["said", "says", "say", "saying", "told", "wrote back", "was quoted", "is quoted", "called",
              "re-called", "according to", "in a statement", "in an interview", "in her words",
              "speaking to", "speaking at", "in Smith's own words", "in Smith’s words", "pointed out",
              "e-mailed", "emphasized", "emphasised", "sums up", "put it", "went on", "sources",
              "a source", "two officials familiar with", "people close to", "according to sources",
              "sources close to the talks said", "one person familiar with the plan told"]
_OTHER = ["the", "mayor", "Sai", "sayings", "tolled", "x", "-", "—", "“", "”", ",", ".", "ſaid", "SAID",
          "İn", "ınterview", "K", "12", "she", "They"]
_TOKENS = st.sampled_from(_CUE_WORDS + _OTHER).map(lambda w: w.upper() if len(w) % 5 == 0 else w)
_TEXTS = st.lists(_TOKENS, max_size=25).map(" ".join) | st.text(max_size=40)


def _flat(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_FLAT_CUE = _flat(rf"\b(?:{attribution._VERBS}|{attribution._PHRASES})\b")
_FLAT_ANONYMOUS = _flat(r"\b(?:" + "|".join(attribution._ANONYMOUS_FORMS) + ")")


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_grouped_speech_cues_match_like_the_flat_list(text: str) -> None:
    expected = [(m.span(), m.group()) for m in _FLAT_CUE.finditer(text)]
    assert [(m.span(), m.group()) for m in attribution.SPEECH_CUE.finditer(text)] == expected


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_grouped_anonymous_sources_match_like_the_flat_list(text: str) -> None:
    expected = [(m.span(), m.group()) for m in _FLAT_ANONYMOUS.finditer(text)]
    assert [(m.span(), m.group()) for m in attribution.ANONYMOUS.finditer(text)] == expected


def test_the_cue_list_really_is_exercised() -> None:
    # the property tests above would pass vacuously if neither pattern ever matched
    text = "“Yes,” she said. Sources close to the talks said no. One person familiar with it told us."
    assert len(list(attribution.SPEECH_CUE.finditer(text))) >= 2
    assert len(list(attribution.ANONYMOUS.finditer(text))) == 2


def test_extra_cases_are_what_re_matches_letters_with() -> None:
    import string
    import sys

    from deskcheck import alternation
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in string.ascii_lowercase:
        assert set(re.findall(letter, every, re.IGNORECASE)) == set(
            letter + letter.upper() + alternation._EXTRA_CASES.get(letter, ""))
    for c in string.punctuation + string.digits + " ":
        assert re.findall(re.escape(c), every, re.IGNORECASE) == [c]


_PREFIX_WORDS = ["said", "says", "say", "saying", "sa", "s", "(?<!-)called", "(?<!-)calls", "calling", "ca",
                 "e-mailed", "e mailed", "in an? (?:joint )?statement", "in [A-Z][\\w-]*'s words", "it's", "i"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PREFIX_WORDS), min_size=1, max_size=8, unique=True),
       st.lists(st.sampled_from(["said", "SAYS", "ſay", "re-called", "Called", "CALLING", "in a statement",
                                 "İN AN joint STATEMENT", "in Smith's words", "e-mailed", "E MAILED", "it’s",
                                 "ı", "ca", "-", " ", "x"]), max_size=12).map(" ".join))
def test_prefix_tree_matches_like_the_flat_list(words: list[str], text: str) -> None:
    from deskcheck.alternation import by_prefix
    flat = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
    tree = re.compile(r"\b" + by_prefix(words) + r"\b")
    assert [(m.span(), m.group()) for m in tree.finditer(text)] == [(m.span(), m.group()) for m in flat.finditer(text)]
