"""The word-level checks' shortcuts against the plain versions they replace: each plain version
is kept here, as it was, and both must agree on the same articles."""
from __future__ import annotations

from typing import Any

from hypothesis import given, settings, strategies as st

from deskcheck.analysis.sentences import sentences
from deskcheck.formats import parse
from deskcheck.kinds.base import Context, Settings
from deskcheck.model import Document, Hit, Related, Span
from deskcheck.scopes import index_of, segments


def _doc(text: str, fmt: str = "txt") -> Document:
    return parse(text, fmt, "t." + fmt)


def _rule(style: str, name: str) -> Any:
    from deskcheck.rules import bundled_rules_dir, load_rule
    folder = bundled_rules_dir() / style
    rule = load_rule(folder / f"{name}.yml", style, folder)
    assert rule is not None
    return rule


def _ctx(rule: Any, doc: Document) -> Context:
    return Context(doc, doc.text, list(segments(doc, rule.scope)), Settings(), False)


def _hits(hits: Any) -> list[tuple[Any, ...]]:
    return [(h.span, h.message, h.suggestions, h.related) for h in hits]


# --- kinds.repeated_passage: block keys from sentence keys --------------------------------------

def _plain_repeated_passage(kind: Any, ctx: Context) -> list[Hit]:
    """The check as it was: each block's and each sentence's key folded from its own text."""
    from deskcheck.kinds.repeated_passage import _WORD, _key
    doc, text = ctx.doc, ctx.text
    inside = index_of(ctx.segments).contains
    out: list[Hit] = []
    seen_blocks: dict[str, Span] = {}
    repeated_blocks: list[Span] = []
    for block in doc.blocks:
        span = block.span
        if not inside(span):
            continue
        key = _key(text[span.start:span.end])
        if len(key.split()) < kind.options.min_words:
            continue
        if key in seen_blocks:
            repeated_blocks.append(span)
            out.append(Hit(span, kind.message("paragraph"), related=(Related(seen_blocks[key], "first appears here"),)))
        else:
            seen_blocks[key] = span
    seen: dict[str, Span] = {}
    for sent in sentences(doc):
        span = sent.span
        if not inside(span) or any(r.contains(span) for r in repeated_blocks):
            continue
        key = _key(text[span.start:span.end])
        if key not in seen:
            seen[key] = span
        elif len(_WORD.findall(key)) >= kind.options.min_words:
            out.append(Hit(span, kind.message("sentence"), related=(Related(seen[key], "first appears here"),)))
    return out


_PASSAGE_PIECES = ["The mayor said the vote would pass", "the MAYOR said  the vote would pass",
                   "“It will,” she said", "\"It will,\" she said", "It was late", "Later.", ".", ". ",
                   "!", "? ", " ", "  ", "\u00a0", "\t", "\n", "\n\n", "\n\n# Vote news\n\n", "Mr.",
                   "Σ", "ΣΑΣ", "İstanbul", "a", "b", "c d e f g h", "—"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PASSAGE_PIECES), max_size=40), st.sampled_from(["txt", "md"]),
       st.booleans())
def test_repeated_passage_same_as_folding_each_span(pieces: list[str], fmt: str, tight: bool) -> None:
    rule = _rule("Newsroom", "RepeatedPassage")
    doc = _doc(("" if tight else " ").join(pieces), fmt)
    ctx = _ctx(rule, doc)
    assert _hits(rule.kind.check(ctx)) == _hits(_plain_repeated_passage(rule.kind, ctx))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PASSAGE_PIECES), max_size=40), st.sampled_from(["txt", "md"]),
       st.integers(1, 8), st.booleans())
def test_repeated_passage_nothing_repeated_test_same_as_plain(pieces: list[str], fmt: str,
                                                              min_words: int, quotes: bool) -> None:
    # the early answer (no long enough key comes twice) against the plain check, for other
    # word limits and for a scope that leaves quotations out
    from deskcheck.kinds.repeated_passage import RepeatedPassage
    rule = _rule("Newsroom", "RepeatedPassage")
    kind = RepeatedPassage(RepeatedPassage.Options(min_words=min_words), rule.kind.rule)
    doc = _doc(" ".join(pieces), fmt)
    segs = list(segments(doc, ("text", "~quote") if quotes else ("text",)))
    ctx = Context(doc, doc.text, segs, Settings(), False)
    assert _hits(kind.check(ctx)) == _hits(_plain_repeated_passage(kind, ctx))


def test_repeated_passage_paragraph_and_sentence() -> None:
    rule = _rule("Newsroom", "RepeatedPassage")
    para = "The council voted to close the old library on Friday. Its staff will move."
    text = f"{para}\n\n{para.upper()}\n\nThe council voted to close the old library on Friday."
    doc = _doc(text)
    hits = list(rule.kind.check(_ctx(rule, doc)))
    assert _hits(hits) == _hits(_plain_repeated_passage(rule.kind, _ctx(rule, doc)))
    assert [text[h.span.start:h.span.end][:12] for h in hits] == ["THE COUNCIL ", "The council "]


# --- analysis.words: the split that keeps only the words a check reads --------------------------

import re  # noqa: E402
import sys  # noqa: E402

import pytest  # noqa: E402

from deskcheck.analysis import words as words_mod  # noqa: E402


def _plain_kept(text: str) -> list[tuple[int, int, str]]:
    """The plain split's words, less those holding a digit, underscore or dot, with their spans."""
    out = []
    for m in re.finditer(words_mod._PLAIN_WORD_PATTERN, text):
        if not re.search(r"[\d_.]", m.group()):
            out.append((m.start(), m.end(), m.group()))
    return out


def _kept(pattern: "re.Pattern[str]", text: str) -> list[tuple[int, int, str]]:
    parts = pattern.split(text)
    out = []
    pos = 0
    for i, part in enumerate(parts):
        if i % 2:
            out.append((pos, pos + len(part), part))
        pos += len(part)
    return out


_KEPT_PIECES = st.lists(st.sampled_from(
    list("ab Z_9.-'’‐,:\n\u00a0éßÿ²½ĀЖ中\u0301٣@#/") + ["\u2019s", "G7", "U.S.", "e.g.", "x-2", "a-b", "--"]),
    max_size=60).map("".join)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="possessive runs: the kept-words split needs 3.11")
@settings(max_examples=600, deadline=None)
@given(_KEPT_PIECES)
def test_kept_words_split_same_as_split_and_drop(text: str) -> None:
    assert words_mod._KEPT_SPLIT is not None and words_mod._KEPT_SPLIT_LATIN1 is not None
    plain = _plain_kept(text)
    assert _kept(words_mod._KEPT_SPLIT, text) == plain
    if not any(ord(c) > 0xFF for c in text):
        assert _kept(words_mod._KEPT_SPLIT_LATIN1, text) == plain


def test_latin1_letters_are_re_letters() -> None:
    letters = words_mod._LATIN1_LETTER
    assert [c for c in map(chr, range(256)) if re.fullmatch(letters, c)] == \
        [c for c in map(chr, range(256)) if re.fullmatch(r"[^\W\d_]", c)]


@settings(max_examples=300, deadline=None)
@given(_KEPT_PIECES)
def test_word_columns_same_as_split_and_drop(text: str) -> None:
    doc = _doc(text)
    cols = words_mod.word_columns(doc)
    plain = [w for w in _plain_kept(doc.text)
             if not any(a <= w[0] < b for a, b in words_mod._non_prose(doc.text))]
    assert list(zip(cols.start, cols.end, cols.text)) == plain
