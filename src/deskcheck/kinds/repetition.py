"""`repetition`: the same token twice in a row, such as "the the" (Vale's kind).

As in Vale, consecutive matches of `tokens` are compared (case-blind with `ignorecase`; only
all-letter tokens with `alpha`); a pair split by a line break, or containing an exception, is
not flagged. The finding spans both copies and, when only space separates them, suggests the
first alone. `max` is how many
repeats in a row pass unflagged (0: any repeat is flagged).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..model import Hit, Span
from ..patterns import finditer
from .base import Context, Kind, OptionError
from .vale import Exceptions, check_each, compile_option


class Repetition(Kind):
    name = "repetition"
    default_category = "usage"

    @dataclass
    class Options:
        tokens: list[str] = field(default_factory=list)
        max: int = 0
        ignorecase: bool = False
        alpha: bool = False
        exceptions: list[str] = field(default_factory=list)
        vocab: bool = True
        # Vale's fix for a repeat (edit/truncate); deskcheck always suggests the single word
        action: dict = field(default_factory=dict)

    def setup(self) -> None:
        o = self.options
        tokens = [str(t) for t in o.tokens if str(t).strip()]
        if not tokens:
            raise OptionError("tokens", "a repetition rule needs 'tokens'")
        check_each(tokens, "tokens", o.ignorecase)
        self.pattern = compile_option("(?:" + "|".join(tokens) + ")", "tokens", o.ignorecase)
        self.exceptions = Exceptions([str(e) for e in o.exceptions], o.vocab)

    def check(self, ctx: Context) -> Iterable[Hit]:
        o = self.options
        for seg in ctx.segments:
            prev: tuple[int, int, str] | None = None
            repeats = 0
            for m in finditer(self.pattern, ctx.text, seg.start, seg.end, self.rule.id, ctx.doc.path):
                curr = m.group().strip()
                same = prev is not None and curr != "" and (
                    curr.casefold() == prev[2].casefold() if o.ignorecase else curr == prev[2])
                if same and o.alpha:
                    same = curr.isalpha()
                repeats = repeats + 1 if same else 0
                if same and prev is not None and repeats > o.max:
                    pair = ctx.text[prev[0]:m.end()]
                    if "\n" not in pair and not self.exceptions.matches(pair, ctx, self.rule.id):
                        # dropping the second copy is a safe fix only when nothing but space
                        # separates the two ("the the", not "Paris. Paris")
                        between = ctx.text[prev[1]:m.start()]
                        fix = (ctx.text[prev[0]:prev[1]],) if not between.strip() else ()
                        yield Hit(Span(prev[0], m.end()), self.message(curr), fix)
                        repeats = 0
                prev = (m.start(), m.end(), curr)
