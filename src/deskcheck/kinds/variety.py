"""`variety`: one article, one spelling variety (en-US "organize, color" or en-GB "organise, colour").

Names keep their own spelling: a capitalised word inside a sentence or beside another capital is
not counted ("the World Health Organization" in a British article). Unpinned, the variety most of the article's marked words use wins and each word of the other
variety is reported (a tie goes to the variety used first). -ize/-ise is judged on its own: the
Oxford house style of British English writes "organize" beside "colour", so only a mix of
"organize" and "organise" counts there. With `locale` pinned in the config,
every word of the other variety is reported. The word pairs come from the bundled dictionaries
(`variety.tsv`: an en-US form and the en-GB form only British English accepts).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .. import lexicon
from ..analysis.words import words_in
from ..model import Hit, Related, Span
from .base import Context, Kind
from .spelling import strip_clitic

NAMES = {"en-US": "American", "en-GB": "British"}


class Variety(Kind):
    name = "variety"
    default_category = "style"

    @dataclass
    class Options:
        pass

    def check(self, ctx: Context) -> Iterable[Hit]:
        if ctx.raw:
            return
        lex = lexicon.load()
        table = lex.variety
        marked: list[tuple[Span, str, str, str, bool]] = []  # span, word, variety, other spelling, -ize?
        seq = words_in(ctx.doc, ctx.segments)
        for n, w in enumerate(seq):
            if w.text[:1].isupper() and _in_name(ctx.text, seq, n):
                continue
            pos = w.start
            for part in w.text.replace("\u2010", "-").split("-"):
                base, ending = strip_clitic(part)
                entry = table.get(base.lower())
                if entry and not any(c.isupper() for c in base[1:]):
                    other = entry[1]
                    if base[:1].isupper():
                        other = other[:1].upper() + other[1:]
                    marked.append((Span(pos, pos + len(part)), w.text[pos - w.start:][:len(part)],
                                   entry[0], other + ending, _z_axis(base.lower(), entry[1])))
                pos += len(part) + 1
        if not marked:
            return
        pinned = lexicon.variety_of(ctx.settings.locale)
        for axis in (False, True):
            group = [m for m in marked if m[4] == axis]
            yield from self._report(group, pinned)

    def _report(self, marked: list[tuple[Span, str, str, str, bool]], pinned: str | None) -> Iterable[Hit]:
        if not marked:
            return
        if pinned:
            house = pinned
        else:
            counts = {v: sum(1 for m in marked if m[2] == v) for v in NAMES}
            if min(counts.values()) == 0:
                return
            first = marked[0][2]
            house = first if counts["en-US"] == counts["en-GB"] else max(counts, key=lambda v: counts[v])
        example = next((m for m in marked if m[2] == house), None)
        for span, word, var, other, _ in marked:
            if var == house:
                continue
            related = (Related(example[0], f"{NAMES[house]} spelling used here"),) if example else ()
            yield Hit(span, self.message(word, NAMES[var], NAMES[house], other), (other,), related)


def _z_axis(word: str, other: str) -> bool:
    """organize/organise, analyze/analyse: the pair differs only in z against s."""
    return word.replace("z", "s") == other.replace("z", "s")


def _in_name(text: str, seq: list, n: int) -> bool:
    """A capital inside a sentence, or beside another capitalised word, marks a name that keeps
    its own spelling ("World Health Organization", "Pearl Harbor", "Labor Party")."""
    w = seq[n]
    if not w.initial:
        return True
    for m in (n - 1, n + 1):
        if 0 <= m < len(seq):
            other = seq[m]
            gap = text[min(w.end, other.end):max(w.start, other.start)]
            if other.text[:1].isupper() and not gap.strip():
                return True
    return False
