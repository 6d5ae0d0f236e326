"""words.TextIndex (an article's words answered from its text) against words.ColumnIndex (the
same questions answered from the word columns, the plain version): both must give the same
answers for the same article and spans, and the spelling and variety checks built on either
must give the same findings."""
from __future__ import annotations

import sys
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from deskcheck.analysis import words as words_mod
from deskcheck.formats import parse
from deskcheck.model import Document, Span
from deskcheck.scopes import segments

pytestmark = pytest.mark.skipif(sys.version_info < (3, 11),
                                reason="the quick index needs the kept-words split (3.11)")

# word pieces with every character class the kept-words pattern tells apart: letters (Latin-1 and
# beyond), digits, joiners, dots, marks that open or close a quotation, blanks and line breaks,
# and the marks of non-prose runs (URLs, handles)
_PIECES = st.lists(st.sampled_from(
    ["ab", "Zo", "Kyiv", "the", "Über", "ЖЖ", "中", "é", "I", "a", "x", "G7", "9", "_", "²",
     "-", "'", "\u2019", "\u2010", ".", ",", ":", "(", ")", "“", "”", "\u00a0", " ", " ", " ",
     "\n", "\n\n", "\u2019s", "U.S.", "e.g.", "well-being", "don't", "www.x.org", "@ab", "#cd",
     "bbc.co.uk", "a-b", "--", "Ab-cd", "ibn", "Mc", "\u0301", "٣", "\ud800", "\udfff"]),
    min_size=1, max_size=50).map("".join)


def _doc(text: str, fmt: str) -> Document:
    return parse(text, fmt, "t." + fmt)


def _key(p: Any) -> tuple[int, int, str] | None:
    return None if p is None else (p.start, p.end, p.text)


def _compare(doc: Document, spans: list[Span] | None, extra: list[str]) -> bool:
    """Ask both indexes every question; False when the quick one does not take these spans."""
    fast_spans = words_mod._fast_spans(doc, spans)
    if fast_spans is None:
        return False
    plain = words_mod.ColumnIndex(words_mod.word_columns(doc) if spans is None
                                  else words_mod.columns_in(doc, spans))
    fast = words_mod.TextIndex(doc.text, fast_spans, words_mod.Initials(doc))
    assert set(fast.distinct()) == set(plain.distinct())
    wanted = set(plain.distinct()) | set(extra)
    places = plain.places(wanted)
    assert [_key(p) for p in fast.places(wanted)] == [_key(p) for p in places]
    quick = fast.places(wanted)
    text = doc.text
    for p, q in zip(places, quick):
        assert fast.initial(q) == plain.initial(p)
        assert _key(fast.following(q)) == _key(plain.following(p))
        for step in (-1, 1):
            other = plain.neighbour(p, step)
            found = fast.neighbour(q, step)
            if other is not None and not text[min(p.end, other.end):max(p.start, other.start)].strip():
                assert _key(found) == _key(other)
            else:
                assert found is None
    return True


@settings(max_examples=400, deadline=None)
@given(_PIECES, st.sampled_from(["txt", "md"]), st.lists(st.sampled_from(["ab", "b", "Zo", "-b"]), max_size=3))
def test_quick_index_same_as_columns_for_the_text_scope(text: str, fmt: str, extra: list[str]) -> None:
    doc = _doc(text, fmt)
    _compare(doc, list(segments(doc, ("text",))), extra)
    _compare(doc, list(segments(doc, ("text", "~quote"))), extra)
    _compare(doc, None, extra)


@settings(max_examples=400, deadline=None)
@given(_PIECES, st.data())
def test_quick_index_same_as_columns_for_any_spans(text: str, data: st.DataObject) -> None:
    doc = _doc(text, "txt")
    t = doc.text
    # cut next to white space (what the quick index takes), sometimes anywhere (what it declines)
    edges = [x for x in range(len(t) + 1)
             if x in (0, len(t)) or t[x - 1].isspace() or t[x].isspace()]
    anywhere = data.draw(st.booleans())
    cuts = sorted(data.draw(st.lists(st.integers(0, len(t)) if anywhere else st.sampled_from(edges),
                                     max_size=8)))
    spans = [Span(a, b) for a, b in zip(cuts[::2], cuts[1::2])]
    assert _compare(doc, spans, []) or anywhere


@settings(max_examples=200, deadline=None)
@given(_PIECES, st.sampled_from(["txt", "md"]))
def test_whole_article_set_from_a_rules_set(text: str, fmt: str) -> None:
    doc = _doc(text, fmt)
    segs = list(segments(doc, ("text",)))
    rule = words_mod.word_index(doc, segs)
    rule.distinct()
    whole = words_mod.word_index(doc)
    assert set(whole.distinct()) == set(words_mod.word_columns(doc).text)


def test_quick_index_taken_for_a_plain_article() -> None:
    doc = _doc("# Kyiv talks\n\nThe Kyiv talks ended. “Zelensky said it was don't-care.”\n", "md")
    segs = list(segments(doc, ("text",)))
    assert isinstance(words_mod.word_index(doc, segs), words_mod.TextIndex)
    assert isinstance(words_mod.word_index(doc), words_mod.TextIndex)
    assert _compare(doc, segs, [])
    assert _compare(doc, None, [])


def test_quick_index_declines_spans_that_cut_words() -> None:
    doc = _doc("Kyiv talks ended.\n", "txt")
    assert words_mod._fast_spans(doc, [Span(0, 2)]) is None
    assert words_mod._fast_spans(doc, [Span(5, 10), Span(0, 4)]) is None      # out of order
    assert words_mod._fast_spans(doc, [Span(0, 4), Span(5, 10)]) == [(0, 4), (5, 10)]


def test_runs_split_once_give_the_kept_words() -> None:
    text = "“Kyiv’s” well-being, U.S. G7 e.g. don't-care end.Next a I x-2"
    assert words_mod._run_words(text) == set(words_mod._KEPT_SPLIT.split(text)[1::2])  # type: ignore[union-attr]


# --- the checks on either index -----------------------------------------------------------------

_ARTICLE_WORDS = st.lists(st.sampled_from(
    ["Kyiv", "talks", "recieve", "Untill", "the", "colour", "color", "organise", "organize",
     "Mohammed", "ibn", "Salman", "Zagulba", "said", "Comittee", "well-knwon", "“recieve”",
     "(Untill", "Labor", "Party", "Harbor", "so-called", "“hycean”", "3", "bn", "www.x.org",
     "Non-goverment", "Zelensky", "dicussions", "Heung-min", "Son"]),
    min_size=1, max_size=30)


@settings(max_examples=150, deadline=None)
@given(_ARTICLE_WORDS, st.lists(st.booleans(), min_size=30, max_size=30),
       st.sampled_from(["md", "txt"]))
def test_spelling_and_variety_same_on_either_index(words: list[str], stops: list[bool], fmt: str) -> None:
    import deskcheck

    body = " ".join(w + ("." if s else "") for w, s in zip(words, stops))
    text = ("# " + " ".join(words[:3]) + "\n\n" if fmt == "md" else "") + body + "\n"

    def run() -> list[tuple[Any, ...]]:
        return [(f.rule, f.span.start, f.span.end, f.message, tuple(f.suggestions))
                for f in deskcheck.check_text(text, format=fmt)
                if "Spelling" in f.rule]

    quick = run()
    fast_spans = words_mod._fast_spans
    words_mod._fast_spans = lambda doc, spans: None  # type: ignore[assignment]
    try:
        plain = run()
    finally:
        words_mod._fast_spans = fast_spans  # type: ignore[assignment]
    assert quick == plain
