"""`existence`: flag any of a list of words or patterns (Vale's kind of the same name).

As in Vale: `tokens` become one word-bounded group (`\\b(?:a|b)\\b`, bare with `nonword`), the
`raw` entries are concatenated into a pattern placed before that group (after it with `append`),
and a match containing one of the `exceptions` (or an accepted vocabulary word) is not flagged.
An `action` (replace, remove, edit, convert) gives the finding its suggestions, and the message's
second %s the fix, as in Vale.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..model import Hit, Span
from ..prefilter import with_word_boundary
from .base import Context, Kind, OptionError
from .vale import WORD_TEMPLATE, Action, Exceptions, alternatives, check_each, compile_option, scan


class Existence(Kind):
    name = "existence"
    default_category = "style"

    @dataclass
    class Options:
        tokens: list[str] = field(default_factory=list)
        raw: list[str] = field(default_factory=list)
        ignorecase: bool = False
        nonword: bool = False
        append: bool = False
        exceptions: list[str] = field(default_factory=list)
        vocab: bool = True
        action: dict = field(default_factory=dict)

    def setup(self) -> None:
        o = self.options
        tokens = [str(t) for t in o.tokens if str(t).strip()]
        raw = "".join(str(r) for r in o.raw)
        if not tokens and not raw:
            raise OptionError("tokens", "an existence rule needs 'tokens' or 'raw'")
        check_each(tokens, "tokens", o.ignorecase)
        body = "|".join(tokens)
        group = WORD_TEMPLATE.format(body) if tokens and not o.nonword else f"(?:{body})"
        pattern = group + raw if o.append else raw + group
        self.pattern = compile_option(with_word_boundary(pattern, o.ignorecase), "raw" if raw else "tokens",
                                      o.ignorecase)
        self.exceptions = Exceptions([str(e) for e in o.exceptions], o.vocab)
        self.action = Action(o.action)
        if self.action.unsupported:
            self.ignored_options = (f"action '{self.action.name}'",)

    def check(self, ctx: Context) -> Iterable[Hit]:
        rid, path = self.rule.id, ctx.doc.path
        for m in scan(self.pattern, ctx.text, ctx.segments, rid, path):
            if m.end() == m.start() or self.exceptions.matches(m.group().strip(), ctx, rid):
                continue
            yield self._hit(m.start(), m.end(), m.group())

    def _hit(self, start: int, end: int, match: str) -> Hit:
        if not self.action.name:
            return Hit(Span(start, end), self.message(match))
        fixes = self.action.fixes(match)
        fix = fixes[0] if len(fixes) == 1 else alternatives(fixes)
        return Hit(Span(start, end), self.message(match, fix), fixes)
