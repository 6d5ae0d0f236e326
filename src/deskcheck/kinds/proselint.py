"""`proselint`: proselint's checks as deskcheck rules.

proselint is imported only when a proselint rule runs. Its checks run over the article's prose
view (the same text every rule sees), so its spans map to source positions exactly; which parts
count is decided by the rule's scope (by default nothing inside quotations), not by proselint's
own quote tracking, which loses its place at a no-break space after a closing quote. Each
finding's message names the proselint check (`typography.symbols.ellipsis`...), the id to use
in `checks`/`exclude` to select or drop it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..model import Hit, Span
from .base import Context, Kind


def _registry() -> tuple[Any, dict[str, bool]]:
    # lazy: proselint (and its regex engine) load only when a proselint rule runs
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    return __register__, dict(DEFAULT["checks"])


def _selected(path: str, prefixes: list[str]) -> bool:
    return any(path == p or path.startswith(p + ".") for p in prefixes)


class Proselint(Kind):
    name = "proselint"
    default_category = "usage"
    default_scope = ("text", "~quote")

    @dataclass
    class Options:
        checks: list[str] = field(default_factory=list)    # check ids or groups; empty: proselint's defaults
        exclude: list[str] = field(default_factory=list)   # check ids or groups to drop

    def _checks(self) -> list[Any]:
        if not hasattr(self, "_cached_checks"):
            register, defaults = _registry()
            wanted = [str(c) for c in self.options.checks] or [k for k, on in defaults.items() if on]
            drop = [str(c) for c in self.options.exclude]
            self._cached_checks = [c for c in register if _selected(c.path, wanted) and not _selected(c.path, drop)]
            if self.options.checks and not self._cached_checks:
                raise ValueError(f"no proselint check matches {', '.join(wanted)}")
        return self._cached_checks

    def check(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.text
        # proselint's own runner pads the text with a newline on each side; its patterns expect it
        padded = f"\n{text}\n"
        segments = sorted(ctx.segments, key=lambda s: s.start)
        for check in self._checks():
            for result in check.check_with_flags(padded):
                start = min(max(result.span[0] - 1, 0), len(text))
                end = min(max(result.span[1] - 1, start), len(text))
                if not any(seg.start <= start < seg.end for seg in segments):
                    continue
                fixes = (result.replacements,) if result.replacements else ()
                yield Hit(Span(start, end), self.message(result.message.strip(), result.check_path), fixes)
