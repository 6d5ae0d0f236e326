"""`attribution`: quotations and their speakers.

One kind serves several rules; `report` picks what a rule reports:

* `orphans`: direct speech with no speaker and speech verb in its own sentence, the sentence
  before or after it in the paragraph, or the first paragraph of its running quote.
* `marks`: quotation marks that do not pair up (a quotation never closed that no running quote
  continues, a closing mark that closes nothing, a quote opened straight and closed curly) and
  articles that mix straight and curly quotation marks.
* `anonymous`: "sources said", "a source close to ... told" with no reason given for anonymity.
"""
from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Callable, Iterable

from ..analysis.attribution import anonymous_sources, orphans
from ..analysis.quotes import Quote, QuoteScan, quote_scan
from ..model import Hit, Related, Span
from ..scopes import index_of
from .base import Context, Kind

REPORTS = ("orphans", "marks", "anonymous")


def _excerpt(text: str, span: Span, limit: int = 60) -> str:
    s = " ".join(text[span.start:span.end].split())
    return s if len(s) <= limit else s[:limit - 1].rstrip() + "…"


def _holds(segments: list[Span]) -> Callable[[int], bool]:
    """Is an offset (a finding's start) inside the rule's segments? The index is looked up once
    per check: index_of searches its recent lists, which cost more than the question itself."""
    return index_of(segments).holds


class Attribution(Kind):
    name = "attribution"
    default_category = "attribution"
    default_scope = ("paragraph", "list", "blockquote")

    @dataclass
    class Options:
        report: str = "orphans"

    def setup(self) -> None:
        if self.options.report not in REPORTS:
            raise ValueError(f"'report' must be one of {', '.join(REPORTS)} (got {self.options.report!r})")

    def check(self, ctx: Context) -> Iterable[Hit]:
        if ctx.raw:
            return
        if self.options.report == "orphans":
            yield from self._orphans(ctx)
        elif self.options.report == "marks":
            yield from self._marks(ctx)
        else:
            found = anonymous_sources(ctx.doc)
            if found:
                holds = _holds(ctx.segments)
                for span in found:
                    if holds(span.start):
                        yield Hit(span, self.message(ctx.text[span.start:span.end]))

    def _orphans(self, ctx: Context) -> Iterable[Hit]:
        found = orphans(ctx.doc)
        if not found:
            return
        holds = _holds(ctx.segments)
        for c in found:
            if holds(c.quote.span.start):
                yield Hit(c.quote.span, self.message(_excerpt(ctx.text, c.quote.inner)))

    def _marks(self, ctx: Context) -> Iterable[Hit]:
        scan = quote_scan(ctx.doc)
        if not scan.quotes and not scan.strays:
            return
        if _no_mark_findings(scan):
            return
        holds = _holds(ctx.segments)
        text = ctx.text
        for q in scan.quotes:
            if not holds(q.span.start):
                continue
            if q.unbalanced:
                yield Hit(Span(q.span.start, q.span.start + 1),
                          self.message(f"this quotation is never closed: {q.mark}{_excerpt(text, q.inner, 40)}"),
                          category="punctuation")
            elif q.closed and _straight(q.mark) != _straight(scan.closers.get(q.span.start, q.mark)):
                yield Hit(q.span, self.message("this quotation opens and closes with different kinds of marks"),
                          category="punctuation")
        for s in scan.strays:
            if holds(s.start):
                yield Hit(s, self.message("this closing quotation mark closes nothing"), category="punctuation")
        yield from self._mixed(ctx, [q for q in scan.quotes if holds(q.span.start)])

    def _mixed(self, ctx: Context, qs: list[Quote]) -> Iterable[Hit]:
        """Straight and curly quotation marks in one article: flag the less used style."""
        straight = [q for q in qs if _straight(q.mark)]
        curly = [q for q in qs if not _straight(q.mark)]
        if not straight or not curly:
            return
        minority, majority = (straight, curly) if len(straight) <= len(curly) else (curly, straight)
        style = "straight" if minority is straight else "curly"
        other = "curly" if style == "straight" else "straight"
        example = majority[0]
        for q in minority:
            yield Hit(Span(q.span.start, q.span.start + 1),
                      self.message(f"{style} quotation marks in an article that otherwise uses {other} ones"),
                      related=(Related(Span(example.span.start, example.span.start + 1),
                                       f"{other} marks used here"),),
                      category="punctuation")


def _straight(mark: str) -> bool:
    return mark in "\"'"


_STRAIGHT = frozenset("\"'")


def _no_mark_findings(scan: QuoteScan) -> bool:
    """Can _marks find nothing, whatever the segments? So when no closing mark is a stray, every
    quotation is closed (so none is unbalanced), and the opening and closing marks are all
    straight or all curly (so none opens and closes with different kinds, and no article mixes
    them). Asked with a few passes in C instead of a Python step per quotation."""
    if scan.strays:
        return False
    quotes = scan.quotes
    if not all(map(_closed, quotes)):
        return False
    marks = set(map(_mark, quotes))
    marks.update(scan.closers.values())
    return marks <= _STRAIGHT or marks.isdisjoint(_STRAIGHT)


_closed = attrgetter("closed")
_mark = attrgetter("mark")
