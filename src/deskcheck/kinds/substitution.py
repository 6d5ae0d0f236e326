"""`substitution`: suggest a replacement for a word or pattern (Vale's kind of the same name).

The message takes the expected text first and the observed text second, as in Vale. A
replacement written "a|b" offers both; a single replacement is a safe fix.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..model import Hit, Span
from ..patterns import compile_pattern, finditer
from .base import Context, Kind
from .existence import is_exception


class Substitution(Kind):
    name = "substitution"
    default_category = "usage"
    ignored_vale_options = frozenset({"action", "vocab"})

    @dataclass
    class Options:
        swap: dict = field(default_factory=dict)
        ignorecase: bool = False
        nonword: bool = False
        capitalize: bool = False
        exceptions: list[str] = field(default_factory=list)
        action: dict = field(default_factory=dict)
        vocab: bool = True

    def setup(self) -> None:
        o = self.options
        if not o.swap:
            raise ValueError("a substitution rule needs a 'swap' mapping")
        self.keys = [str(k) for k in o.swap]
        self.values = [str(v) for v in o.swap.values()]
        self.key_patterns = [compile_pattern(k, o.ignorecase) for k in self.keys]  # validates each
        body = "|".join(f"(?P<g{i}>{k})" for i, k in enumerate(self.keys))
        pattern = body if o.nonword else rf"(?<![\w-])(?:{body})(?![\w-])"
        self.pattern = compile_pattern(pattern, o.ignorecase)
        self.exceptions = compile_pattern("|".join(f"(?:{e})" for e in o.exceptions), o.ignorecase) if o.exceptions else None

    def check(self, ctx: Context) -> Iterable[Hit]:
        for seg in ctx.segments:
            for m in finditer(self.pattern, ctx.text, seg.start, seg.end, self.rule.id, ctx.doc.path):
                observed = m.group()
                if not observed or is_exception(self.exceptions, observed):
                    continue
                i = next(int(name[1:]) for name, val in m.groupdict().items() if val is not None and name.startswith("g"))
                options = [self._expand(v, m, observed) for v in self.values[i].split("|")]
                if any(opt == observed for opt in options):
                    continue
                expected = "' or '".join(options)
                yield Hit(Span(m.start(), m.end()), self.message(expected, observed), tuple(options))

    def _expand(self, replacement: str, m: object, observed: str) -> str:
        out = replacement
        if "$" in out:
            # Vale's $1 refers to the rule's own groups; re-match the key alone to expand them
            for k in self.key_patterns:
                km = k.fullmatch(observed)
                if km:
                    for gi in range(len(km.groups()), 0, -1):
                        out = out.replace(f"${gi}", km.group(gi) or "")
                    break
        if self.options.capitalize and observed[:1].isupper() and out[:1].islower():
            out = out[:1].upper() + out[1:]
        return out
