"""`repeated-passage`: a sentence or paragraph that appears twice in one article.

A paste that went in twice is easy to miss on screen and obvious in print. Passages are compared
after folding case, whitespace and quotation-mark style; short ones ("He declined.") may
legitimately recur, so a sentence must have at least `min_words` words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..analysis.quotes import STRAIGHT_FORMS
from ..analysis.sentences import sentences
from ..model import Hit, Related, Span
from ..scopes import index_of
from .base import Context, Kind

_FOLD = str.maketrans({**STRAIGHT_FORMS, "\u00a0": " "})


def _key(text: str) -> str:
    return " ".join(text.translate(_FOLD).lower().split())


def _inside(spans: list[Span], span: Span) -> bool:
    return index_of(spans).contains(span)        # a binary search: asked once per sentence


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
        seen_blocks: dict[str, Span] = {}
        repeated_blocks: list[Span] = []
        for block in doc.blocks:
            span = block.span
            if not _inside(ctx.segments, span):
                continue
            key = _key(ctx.text[span.start:span.end])
            if len(key.split()) < self.options.min_words:
                continue
            if key in seen_blocks:
                repeated_blocks.append(span)
                yield Hit(span, self.message("paragraph"), related=(Related(seen_blocks[key], "first appears here"),))
            else:
                seen_blocks[key] = span
        seen: dict[str, Span] = {}
        for sent in sentences(doc):
            span = sent.span
            if not _inside(ctx.segments, span) or _inside(repeated_blocks, span):
                continue
            key = _key(ctx.text[span.start:span.end])
            if len(re.findall(r"\w+", key)) < self.options.min_words:
                continue
            if key in seen:
                yield Hit(span, self.message("sentence"), related=(Related(seen[key], "first appears here"),))
            else:
                seen[key] = span
