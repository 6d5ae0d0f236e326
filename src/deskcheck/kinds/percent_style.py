"""`percent-style`: one way of writing percentages per article.

"5%", "5 percent" and "5 per cent" are each some house's style; mixing them in one article is
nobody's. With `preferred` set, every other form is reported; without it, the forms used less
often than the article's most common one are (the first form used wins a tie).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from ..model import Hit, Related, Span
from ..patterns import compile_pattern, finditer
from .base import Context, Kind

FORMS = ("%", "percent", "per cent")


def _form(word: str) -> str:
    return " ".join(word.lower().split())


def _written(form: str) -> str:
    return "%" if form == "%" else f" {form}"


class PercentStyle(Kind):
    name = "percent-style"
    default_category = "style"

    @dataclass
    class Options:
        preferred: str = ""     # "%", "percent" or "per cent"; empty: the article's majority

    def setup(self) -> None:
        if self.options.preferred and self.options.preferred not in FORMS:
            raise ValueError("'preferred' must be %, percent or per cent")
        # the span takes the space before the word, so the fix turns "5 percent" into "5%"
        self.pattern = compile_pattern(r"(?<=\d)(?P<f>\s*(?:%|(?i:percent|per\s+cent)))(?![\w-])")

    def check(self, ctx: Context) -> Iterable[Hit]:
        found: list[tuple[str, Span]] = []
        for seg in ctx.segments:
            for m in finditer(self.pattern, ctx.text, seg.start, seg.end, self.rule.id, ctx.doc.path):
                found.append((_form(m.group("f")), Span(m.start("f"), m.end("f"))))
        if not found:
            return
        counts = Counter(f for f, _ in found)
        if self.options.preferred:
            keep = self.options.preferred
        else:
            if len(counts) < 2:
                return
            order = [f for f, _ in found]
            keep = max(counts, key=lambda f: (counts[f], -order.index(f)))
        first = next((span for f, span in found if f == keep), None)
        for form, span in found:
            if form != keep:
                related = (Related(first, f"'{keep}' is used here"),) if first else ()
                yield Hit(span, self.message(keep, ctx.text[span.start:span.end].strip()), (_written(keep),), related)
