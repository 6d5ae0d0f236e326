"""`occurrence`: too many (or too few) matches of a token in one scope unit (Vale's kind).

A unit is what Vale runs a rule on: each sentence for `scope: sentence`, each block (heading,
paragraph, list item...) for block scopes and `text`, the whole file for `raw`. The message's %s
is the count. The finding sits on the unit's first match; a unit with no match at all (a `min`
rule) is reported on its first line.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..model import Hit, Span
from ..patterns import finditer
from .base import Context, Kind, OptionError
from .vale import compile_option, units


class Occurrence(Kind):
    name = "occurrence"
    default_category = "style"
    ignored_vale_options = frozenset({"action"})

    @dataclass
    class Options:
        token: str = ""
        max: int = 0
        min: int = 0
        ignorecase: bool = False

    def setup(self) -> None:
        o = self.options
        if not o.token:
            raise OptionError("token", "an occurrence rule needs a 'token'")
        self.pattern = compile_option(f"(?:{o.token})", "token", o.ignorecase)

    def check(self, ctx: Context) -> Iterable[Hit]:
        o = self.options
        for unit in units(ctx, self.scope):
            matches = [m for seg in unit
                       for m in finditer(self.pattern, ctx.text, seg.start, seg.end, self.rule.id, ctx.doc.path)]
            count = len(matches)
            if not ((o.max > 0 and count > o.max) or (o.min > 0 and count < o.min)):
                continue
            if count == 0:
                yield Hit(first_line(ctx.text, unit[0]), self.message(str(count)))
                continue
            # the first match with something to show (Vale skips blank and code-like matches)
            for m in matches:
                text = m.group()
                if text.strip() and text.strip("*@"):
                    yield Hit(Span(m.start(), m.end()), self.message(str(count)))
                    break


def first_line(text: str, seg: Span) -> Span:
    """The first line of a segment, for a finding about the segment as a whole."""
    end = text.find("\n", seg.start, seg.end)
    end = seg.end if end == -1 else end
    while end > seg.start and text[end - 1].isspace():
        end -= 1
    return Span(seg.start, max(end, seg.start))
