"""The per-word and per-sentence shortcuts (names, words, spelling, attribution) against the plain
versions they replace: each plain version is kept here, as it was, and both must agree."""
from __future__ import annotations

import re
import string
import sys

from hypothesis import given, settings, strategies as st

from deskcheck.analysis import attribution
from deskcheck.analysis.quotes import quotes
from deskcheck.analysis.sentences import Sentence, sentences
from deskcheck.formats import parse
from deskcheck.model import Document, Span


def _doc(text: str, fmt: str = "txt") -> Document:
    return parse(text, fmt, "t." + fmt)


# --- attribution.anonymous_sources --------------------------------------------------------------

def test_odd_cases_are_those_re_matches_ascii_letters_with() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    odd = {c for letter in string.ascii_lowercase for c in re.findall(letter, every, re.IGNORECASE)
           if not c.isascii()}
    assert odd == set(attribution.ODD_CASES)
    # and str.lower() keeps every other character one character long
    assert {c for c in every if len(c.lower()) != 1} <= odd


def _plain_anonymous_sources(doc: Document) -> list[Span]:
    text = doc.text
    spans = [q.span for q in quotes(doc) if q.depth == 0]
    by_block: dict[int, list[Sentence]] = {}
    for s in sentences(doc):
        by_block.setdefault(s.block, []).append(s)
    out: list[Span] = []
    for sents in by_block.values():
        for i, s in enumerate(sents):
            for m in attribution.ANONYMOUS.finditer(text, s.span.start, s.span.end):
                if any(qs.start <= m.start() < qs.end for qs in spans):
                    continue
                context = text[s.span.start:s.span.end]
                if i + 1 < len(sents):
                    context += " " + text[sents[i + 1].span.start:sents[i + 1].span.end]
                if attribution.ANONYMITY_REASON.search(context):
                    continue
                out.append(Span(attribution._extend_left(text, s.span.start, m.start()), m.end()))
    return out


_SOURCE_PIECES = ["sources", "Sources", "SOURCE", "ſources", "source", "souRce", "said", "told", "say",
                  "close to", "clo", "se", "people", "familiar with", "with knowledge of", "KNOWLEDGE",
                  "Knowledge", "according to", "Accord", "ing to", "two", "several", "officials",
                  "because", "the talks", "İ", "ı", "é", "“", "”", "\"", ".", ". ", ", ", " ", " ",
                  "\n\n", "The", "who", "were"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SOURCE_PIECES), max_size=40))
def test_anonymous_sources_same_as_a_scan_of_every_sentence(pieces: list[str]) -> None:
    doc = _doc(" ".join(pieces))
    assert attribution.anonymous_sources(doc) == _plain_anonymous_sources(doc)


def test_anonymous_sources_found_in_later_sentences() -> None:
    text = ("The council met. Sources close to the mayor said the vote would pass.\n\n"
            "People familiar with the plan say it will cost more. It was late.")
    doc = _doc(text)
    found = attribution.anonymous_sources(doc)
    assert found == _plain_anonymous_sources(doc)
    assert [text[s.start:s.end] for s in found][:1] == ["Sources close to the mayor said"]


# --- words.word_columns -------------------------------------------------------------------------

from deskcheck.analysis import words as words_mod  # noqa: E402

_WORDY = st.lists(st.sampled_from(list("ab Z_9.-'’‐,:\n\u00a0éßÿĀЖ中\u0301@#/") + ["\u2019s", "www.", "://"]),
                  max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(_WORDY)
def test_word_split_same_as_the_plain_pattern(text: str) -> None:
    plain = re.compile(words_mod._PLAIN_WORD_PATTERN)
    latin1 = re.compile(words_mod._PLAIN_WORD_PATTERN.replace("\\w", words_mod._LATIN1_WORD))
    assert words_mod._WORD_SPLIT.split(text) == plain.split(text)
    if not any(ord(c) > 0xFF for c in text):
        assert words_mod._WORD_SPLIT_LATIN1.split(text) == latin1.split(text) == plain.split(text)


@settings(max_examples=200, deadline=None)
@given(_WORDY)
def test_latin1_test_same_as_max(text: str) -> None:
    fast = text.isascii() or words_mod._BEYOND_LATIN1.search(text) is None
    assert fast == (text.isascii() or (bool(text) and max(text) < "\u0100"))
