"""`unattributed`: a claim in the reporter's voice with no source in its sentence.

Superlatives and sweeping characterisations ("the most heavily contested election in his
history") need a source; a sentence that names one ("said", "according to") is left alone, and
so are quotations (the scope excludes them by default).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable

from ..analysis.sentences import Sentence, sentences
from ..model import Hit, Span
from ..scopes import SegmentIndex, index_of
from ..patterns import compile_pattern, finditer
from ..prefilter import with_word_boundary
from .base import Context, Kind

class Unattributed(Kind):
    name = "unattributed"
    default_category = "sourcing"
    default_scope = ("text", "~quote")

    @dataclass
    class Options:
        claims: list[str] = field(default_factory=list)     # regexes for the claim
        sources: list[str] = field(default_factory=list)    # regexes that attribute a sentence

    def setup(self) -> None:
        o = self.options
        if not o.claims or not o.sources:
            raise ValueError("an unattributed rule needs 'claims' and 'sources'")
        self.claim = compile_pattern("|".join(f"(?:{c})" for c in o.claims), True)
        self.source = compile_pattern(with_word_boundary(
            r"(?<![\w-])(?:" + "|".join(f"(?:{s})" for s in o.sources) + r")(?![\w-])", True), True)

    def check(self, ctx: Context) -> Iterable[Hit]:
        if ctx.raw:
            return
        text = ctx.text
        found = sentence_pieces(sentences(ctx.doc), ctx.segments)
        for s, pieces in found:
            claims = []
            for a, b in pieces:
                claims.extend(m for m in finditer(self.claim, text, a, b, self.rule.id, ctx.doc.path)
                              if m.end() > m.start())
            # the whole sentence decides whether it is sourced, quotation included; asked only of
            # a sentence that makes a claim (few do), not of every sentence
            if not claims or self.source.search(text, s.start, s.end):
                continue
            for m in claims:
                yield Hit(Span(m.start(), m.end()), self.message(m.group()))


def sentence_pieces(sents: list[Sentence], segments: list[Span]) -> list[tuple[Span, list[tuple[int, int]]]]:
    """Each sentence that some segment overlaps, in order, with its non-empty overlaps with the
    segments (in the order SegmentIndex.overlapping gives them): what a walk over every sentence
    asking the index finds, found from the segments instead. The prefilter leaves a rule a few
    segments of an article's dozens of sentences, so asking per segment visits only the
    sentences that can hold a claim."""
    index = index_of(segments)
    starts = [s.span.start for s in sents]
    ends = [s.span.end for s in sents]
    if any(map(int.__gt__, ends[:-1], starts[1:])):
        return _pieces_per_sentence(sents, index)     # (sentences in order, never overlapping: always)
    found: dict[int, list[tuple[int, int]]] = {}
    n = len(sents)
    for seg in index.spans:                            # sorted, as overlapping() lists them
        i = bisect_right(ends, seg.start)              # the first sentence ending after it starts
        while i < n and starts[i] < seg.end:
            a, b = max(seg.start, starts[i]), min(seg.end, ends[i])
            if a < b:
                found.setdefault(i, []).append((a, b))
            i += 1
    return [(sents[i].span, found[i]) for i in sorted(found)]


def _pieces_per_sentence(sents: list[Sentence], index: SegmentIndex) -> list[tuple[Span, list[tuple[int, int]]]]:
    """sentence_pieces the plain way: every sentence asks the index for its segments."""
    out = []
    for sent in sents:
        s = sent.span
        pieces = []
        for seg in index.overlapping(s.start, s.end):
            a, b = max(seg.start, s.start), min(seg.end, s.end)
            if a < b:
                pieces.append((a, b))
        if pieces:
            out.append((s, pieces))
    return out
