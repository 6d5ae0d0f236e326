"""`compound-modifier`: a two-word modifier before a noun that wants a hyphen.

"cross regional allies" -> "cross-regional allies", "a long term plan" -> "a long-term plan".
The same words after the noun, or standing as a noun themselves ("in the long term"), take no
hyphen, so a match counts only when the next word looks like a noun: a lowercase word that is
not in the rule's list of function words and verbs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..model import Hit, Span
from ..patterns import compile_pattern, finditer
from ..prefilter import with_word_boundary
from .base import Context, Kind


class CompoundModifier(Kind):
    name = "compound-modifier"
    default_category = "style"
    # its scan tries a long case-blind alternation at every word: measured, finding each of the
    # ~120 second words once per article to choose its paragraphs costs less than scanning them all
    prefilter_needles = 160

    @dataclass
    class Options:
        compounds: list[str] = field(default_factory=list)   # regexes for the words, separated by spaces
        stop: list[str] = field(default_factory=list)        # next words that show it is not a modifier
        ignorecase: bool = True

    def setup(self) -> None:
        o = self.options
        if not o.compounds:
            raise ValueError("a compound-modifier rule needs 'compounds'")
        body = "|".join(f"(?:{c})" for c in o.compounds)
        if o.ignorecase:
            body = f"(?i:{body})"
        # the next word: lowercase letters (a noun or adjective), never a capital (a name)
        self.pattern = compile_pattern(with_word_boundary(
            rf"(?<![\w-])(?P<c>{body})(?![\w-])"
            # one space, or a line break inside the paragraph (not a blank line), then the word
            rf"(?=(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?P<n>\p{{Ll}}[\p{{Ll}}'’]*)(?![\w-]))"), False)
        self.stop = frozenset(str(s).lower() for s in o.stop)

    def check(self, ctx: Context) -> Iterable[Hit]:
        for seg in ctx.segments:
            for m in finditer(self.pattern, ctx.text, seg.start, seg.end, self.rule.id, ctx.doc.path):
                nxt = m.group("n").lower()
                if nxt in self.stop or nxt.endswith("ly"):
                    continue
                words = m.group("c").split()   # any whitespace inside becomes one hyphen
                if len(words) < 2:
                    continue
                fix = "-".join(words)
                yield Hit(Span(m.start("c"), m.end("c")), self.message(fix, m.group("c")), (fix,))
