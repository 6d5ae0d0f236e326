"""`unattributed`: a claim in the reporter's voice with no source in its sentence.

Superlatives and sweeping characterisations ("the most heavily contested election in his
history") need a source; a sentence that names one ("said", "according to") is left alone, and
so are quotations (the scope excludes them by default).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..analysis.sentences import sentences
from ..model import Hit, Span
from ..scopes import index_of
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
        index = index_of(ctx.segments)
        for sent in sentences(ctx.doc):
            s = sent.span
            claims = []
            for seg in index.overlapping(s.start, s.end):   # not a scan per sentence
                a, b = max(seg.start, s.start), min(seg.end, s.end)
                if a >= b:
                    continue
                claims.extend(m for m in finditer(self.claim, ctx.text, a, b, self.rule.id, ctx.doc.path)
                              if m.end() > m.start())
            # the whole sentence decides whether it is sourced, quotation included; asked only of
            # a sentence that makes a claim (few do), not of every sentence
            if not claims or self.source.search(ctx.text, s.start, s.end):
                continue
            for m in claims:
                yield Hit(Span(m.start(), m.end()), self.message(m.group()))
