"""`repeated-passage`: a sentence or paragraph that appears twice in one article.

A paste that went in twice is easy to miss on screen and obvious in print. Passages are compared
after folding case, whitespace and quotation-mark style; short ones ("He declined.") may
legitimately recur, so a sentence must have at least `min_words` words.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable, Iterable

from ..analysis.quotes import STRAIGHT_FORMS
from ..analysis.sentences import sentences
from ..model import Hit, Related, Span
from ..scopes import index_of
from .base import Context, Kind

_FOLD = str.maketrans({**STRAIGHT_FORMS, "\u00a0": " "})


_PAIRS = tuple({**STRAIGHT_FORMS, "\u00a0": " "}.items())     # the same mapping as _FOLD
_WORD = re.compile(r"\w+")


def _key(text: str) -> str:
    return " ".join(text.translate(_FOLD).lower().split())


class _Keys:
    """The comparison key of any span of one text, from the text folded once (translate and
    lower on each sentence cost more than the rest of the check). Slicing the folded text gives
    the same key as folding the slice when lowering keeps every character's length and needs no
    context (a capital sigma lowers by what follows it); otherwise each slice is folded alone."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded = text
        for mark, plain in _PAIRS:      # str.replace: translate() walks a non-ASCII text in Python
            if mark in folded:
                folded = folded.replace(mark, plain)
        folded = folded.lower()
        self.folded = folded if len(folded) == len(text) and "\u03a3" not in text else None


    def __call__(self, span: Span) -> str:
        if self.folded is None:
            return _key(self.text[span.start:span.end])
        return " ".join(self.folded[span.start:span.end].split())

    def block_key(self, span: Span, spans: list[Span], keys: list[str], i: int, j: int) -> str | None:
        """The key of a block from the keys of sentences i..j-1 (spans[t] has keys[t]) when those
        sentences tile it: each lies inside the block, in order, with only whitespace around and
        between them (at least one character between two). Then the block's split() is their
        splits one after another, and its key their non-empty keys joined by a space; the
        block's text is not split again. None when they do not tile it (or folding a slice is
        not slicing the folded text)."""
        folded = self.folded
        if folded is None or i >= j:
            return None
        first, last = spans[i], spans[j - 1]
        if first.start < span.start or last.end > span.end:
            return None
        gap = folded[span.start:first.start]
        if gap and not gap.isspace():
            return None
        gap = folded[last.end:span.end]
        if gap and not gap.isspace():
            return None
        prev = first.end
        for t in range(i + 1, j):
            s = spans[t]
            if not folded[prev:s.start].isspace():      # ("" is not: sentences must be apart)
                return None
            prev = s.end
        return " ".join([k for k in keys[i:j] if k])


def _keys_of(folded: str, starts: list[int], ends: list[int]) -> list[str]:
    """The keys of folded[start:end] for each pair: `" ".join(part.split())`, mapped in C."""
    return list(map(" ".join, map(str.split, map(folded.__getitem__, map(slice, starts, ends)))))


def _no_repeat(keys: list[str], long_enough: Callable[[str], bool]) -> bool:
    """No key that is long enough to report comes twice."""
    if len(set(keys)) == len(keys):
        return True
    seen: set[str] = set()
    for k in keys:
        if k in seen and long_enough(k):
            return False
        seen.add(k)
    return True


class RepeatedPassage(Kind):
    name = "repeated-passage"
    default_category = "style"

    @dataclass
    class Options:
        min_words: int = 6

    def check(self, ctx: Context) -> Iterable[Hit]:
        if ctx.raw:
            return
        doc = ctx.doc
        key_of = _Keys(ctx.text)
        sents = sentences(doc)
        spans = [s.span for s in sents]
        folded = key_of.folded
        # every sentence's key, worked out once: a block made of whole sentences takes its key
        # from theirs (Keys.block_key) rather than splitting its text a second time
        starts = [s.start for s in spans]
        min_words = self.options.min_words
        if folded is not None:
            keys = _keys_of(folded, starts, [s.end for s in spans])
            # most articles repeat nothing: when no key of a block or a sentence long enough to
            # report comes twice, whatever the scope and the order, there is nothing to find.
            # The blocks' keys for this test are folded from their whole text in C, which costs
            # less than tiling them with sentences in Python
            blocks = [b.span for b in doc.blocks]
            if _no_repeat(keys, lambda k: len(_WORD.findall(k)) >= min_words) and _no_repeat(
                    _keys_of(folded, [b.start for b in blocks], [b.end for b in blocks]),
                    lambda k: (k.count(" ") + 1 if k else 0) >= min_words):
                return
        else:
            keys = [key_of(s) for s in spans]
        inside = index_of(ctx.segments).contains       # a binary search: asked once per sentence
        # sentence t lies in a block that lies in a segment, so in that segment: not asked again
        covered = [False] * len(spans)
        seen_blocks: dict[str, Span] = {}
        repeated_blocks: list[Span] = []
        for block in doc.blocks:
            span = block.span
            if not inside(span):
                continue
            i = j = bisect_left(starts, span.start)
            while j < len(spans) and spans[j].end <= span.end:
                j += 1
            key = key_of.block_key(span, spans, keys, i, j)
            if key is None:
                key = key_of(span)
            else:
                covered[i:j] = [True] * (j - i)
            if (key.count(" ") + 1 if key else 0) < min_words:   # words: the key is single-spaced
                continue
            if key in seen_blocks:
                repeated_blocks.append(span)
                yield Hit(span, self.message("paragraph"), related=(Related(seen_blocks[key], "first appears here"),))
            else:
                seen_blocks[key] = span
        seen: dict[str, Span] = {}
        for t, span in enumerate(spans):
            if not (covered[t] or inside(span)) or \
                    (repeated_blocks and index_of(repeated_blocks).contains(span)):
                continue
            key = keys[t]
            first = seen.get(key)
            if first is None:
                # kept whatever its length: a later copy has the same key, so the same word count,
                # and is judged by it below. Words are counted only for a repeat (few sentences)
                seen[key] = span
            elif len(_WORD.findall(key)) >= min_words:
                yield Hit(span, self.message("sentence"), related=(Related(first, "first appears here"),))
