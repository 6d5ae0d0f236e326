"""`existence`: flag any of a list of words or patterns (Vale's kind of the same name)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..model import Hit, Span
from ..patterns import compile_pattern, finditer
from .base import Context, Kind


def word_alternation(tokens: list[str], nonword: bool) -> str:
    body = "|".join(f"(?:{t})" for t in tokens)
    return body if nonword else rf"(?<![\w-])(?:{body})(?![\w-])"


def is_exception(exceptions: "object | None", text: str) -> bool:
    return exceptions is not None and exceptions.fullmatch(text) is not None  # type: ignore[attr-defined]


class Existence(Kind):
    name = "existence"
    default_category = "style"
    ignored_vale_options = frozenset({"action", "vocab"})

    @dataclass
    class Options:
        tokens: list[str] = field(default_factory=list)
        raw: list[str] = field(default_factory=list)
        ignorecase: bool = False
        nonword: bool = False
        append: bool = False
        exceptions: list[str] = field(default_factory=list)
        action: dict = field(default_factory=dict)
        vocab: bool = True

    def setup(self) -> None:
        o = self.options
        if not o.tokens and not o.raw:
            raise ValueError("an existence rule needs 'tokens' or 'raw'")
        parts = []
        if o.tokens:
            parts.append(word_alternation([str(t) for t in o.tokens], o.nonword))
        if o.raw:
            raw = "".join(str(r) for r in o.raw)
            parts.append(raw)
        pattern = "".join(parts) if o.append else "|".join(f"(?:{p})" for p in parts)
        self.pattern = compile_pattern(pattern, o.ignorecase)
        self.exceptions = compile_pattern("|".join(f"(?:{e})" for e in o.exceptions), o.ignorecase) if o.exceptions else None

    def check(self, ctx: Context) -> Iterable[Hit]:
        for seg in ctx.segments:
            for m in finditer(self.pattern, ctx.text, seg.start, seg.end, self.rule.id, ctx.doc.path):
                if m.end() == m.start() or is_exception(self.exceptions, m.group()):
                    continue
                yield Hit(Span(m.start(), m.end()), self.message(m.group()))
