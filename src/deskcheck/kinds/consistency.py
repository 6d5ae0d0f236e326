"""`consistency`: one article, one form: "adviser" or "advisor", not both (Vale's kind).

Each `either` pair (two patterns, word-bounded unless `nonword`) is counted over the whole
article. Unlike Vale, which flags one place per block once both forms have been seen, every
use of the minority form is flagged, with the majority form (on a tie, the form used first) as
its one suggestion and `related` pointing at the places the majority form is used. The
message's first %s is the minority text, the second the suggested form.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from ..model import Hit, Related, Span
from ..patterns import finditer
from .base import Context, Kind, OptionError
from .vale import WORD_TEMPLATE, cap_first, compile_option


class Consistency(Kind):
    name = "consistency"
    default_category = "style"
    ignored_vale_options = frozenset({"action"})

    @dataclass
    class Options:
        either: dict = field(default_factory=dict)
        nonword: bool = False
        ignorecase: bool = False

    def setup(self) -> None:
        o = self.options
        if not o.either:
            raise OptionError("either", "a consistency rule needs an 'either' mapping")
        self.pairs = []
        for a, b in o.either.items():
            a, b = str(a), str(b)
            compile_option(a, "either", o.ignorecase, entry=a)
            compile_option(b, "either", o.ignorecase, entry=a)
            body = f"(?P<dc_first>{a})|(?P<dc_second>{b})"
            self.pairs.append(compile_option(body if o.nonword else WORD_TEMPLATE.format(body), "either",
                                             o.ignorecase, entry=a))

    def check(self, ctx: Context) -> Iterable[Hit]:
        for pattern in self.pairs:
            uses: list[tuple[str, Span, str]] = []     # (side, span, text), in article order
            for seg in ctx.segments:
                for m in finditer(pattern, ctx.text, seg.start, seg.end, self.rule.id, ctx.doc.path):
                    if m.end() > m.start():
                        uses.append(("a" if m.group("dc_first") is not None else "b", Span(m.start(), m.end()), m.group()))
            yield from self._report(uses)

    def _report(self, uses: list[tuple[str, Span, str]]) -> Iterable[Hit]:
        counts = Counter(side for side, _, _ in uses)
        if len(counts) < 2:
            return
        # the majority form; on a tie, the form the article used first
        major = max(("a", "b"), key=lambda s: (counts[s], s == uses[0][0]))
        major_uses = [(span, text) for side, span, text in uses if side == major]
        texts = Counter(text for _, text in major_uses)
        form = max(texts, key=lambda t: (texts[t], -[t2 for _, t2 in major_uses].index(t)))
        related = tuple(Related(span, f"'{text}' is used here") for span, text in major_uses)
        for side, span, text in uses:
            if side != major:
                suggestion = self._cased(form, text)
                yield Hit(span, self.message(text, suggestion), (suggestion,), related)

    def _cased(self, form: str, observed: str) -> str:
        """Keep the case of the sentence position: "Advisor" at a sentence start becomes "Adviser"."""
        if not self.options.ignorecase or not form or not observed:
            return form
        if observed[0].isupper() and form[0].islower():
            return cap_first(form)
        if observed[0].islower() and form[0].isupper() and form[1:] == form[1:].lower():
            return form[0].lower() + form[1:]
        return form
