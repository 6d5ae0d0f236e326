"""`conditional`: a use of `first` needs a `second` that defines it, e.g. an acronym needs its
spelled-out form, "World Health Organization (WHO)" (Vale's kind).

As in Vale: the groups `second` captures anywhere up to and including the current block are the
defined terms; a match of `first` that is not one of them (nor an exception or an accepted
vocabulary word) is flagged. So an acronym used in an earlier paragraph than its definition is
flagged, as a copy desk would. `ignorecase` applies to both patterns (Vale documents it but
does not apply it).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..model import Hit, Span
from ..patterns import finditer
from .base import Context, Kind, OptionError
from .vale import Exceptions, compile_option, units


class Conditional(Kind):
    name = "conditional"
    default_category = "style"
    ignored_vale_options = frozenset({"action"})

    @dataclass
    class Options:
        first: str = ""
        second: str = ""
        ignorecase: bool = False
        exceptions: list[str] = field(default_factory=list)
        vocab: bool = True

    def setup(self) -> None:
        o = self.options
        if not o.first or not o.second:
            raise OptionError("first" if not o.first else "second", "a conditional rule needs 'first' and 'second'")
        self.first = compile_option(o.first, "first", o.ignorecase)
        self.second = compile_option(o.second, "second", o.ignorecase)
        self.exceptions = Exceptions([str(e) for e in o.exceptions], o.vocab)

    def check(self, ctx: Context) -> Iterable[Hit]:
        rid, path = self.rule.id, ctx.doc.path
        fold = self.options.ignorecase
        defined: set[str] = set()
        for unit in units(ctx, self.scope):
            for seg in unit:
                for m in finditer(self.second, ctx.text, seg.start, seg.end, rid, path):
                    defined.update(g.casefold() if fold else g for g in m.groups() if g)
            for seg in unit:
                for m in finditer(self.first, ctx.text, seg.start, seg.end, rid, path):
                    used = m.group()
                    if not used or (used.casefold() if fold else used) in defined:
                        continue
                    if self.exceptions.matches(used, ctx, rid):
                        continue
                    yield Hit(Span(m.start(), m.end()), self.message(used))
