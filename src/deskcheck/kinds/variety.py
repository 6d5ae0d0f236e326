"""`variety`: one article, one spelling variety (en-US "organize, color" or en-GB "organise, colour").

Names keep their own spelling: a capitalised word inside a sentence or beside another capital is
not counted ("the World Health Organization" in a British article). Unpinned, the variety most of
the article's marked words use wins and each word of the other variety is reported (a tie goes to
the variety used first). -ize/-ise is judged on its own: the Oxford house style of British English
writes "organize" beside "colour", so only a mix of "organize" and "organise" counts there. With
`locale` pinned in the config, every word of the other variety is reported. The word pairs come from the bundled dictionaries
(`variety.tsv`: an en-US form and the en-GB form only British English accepts).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import AbstractSet, Iterable

from .. import lexicon
from ..analysis.words import Place, WordIndex, word_index
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
        index = word_index(ctx.doc, ctx.segments)
        found = _marks_of(lexicon.load().variety, index.distinct())
        if not found:
            return
        marked: list[tuple[Span, str, str, str, bool]] = []  # span, word, variety, other spelling, -ize?
        for p in index.places(found):
            text = p.text
            if text[:1].isupper() and _in_name(ctx.text, index, p):
                continue
            start = p.start
            for offset, length, var, other, z_axis in found[text]:
                marked.append((Span(start + offset, start + offset + length),
                               text[offset:offset + length], var, other, z_axis))
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


Mark = tuple[int, int, str, str, bool]     # offset in the word, length, variety, other spelling, -ize?
_MARKS: dict[str, tuple[Mark, ...]] = {}   # word -> its marked parts (only words that have some)
_MARKED: set[str] = set()                  # the keys of _MARKS, as a set
_SEEN: set[str] = set()                    # words whose parts have been looked up
_MARKS_TABLE: list[object] = [None]        # the variety table the two above were worked out with
_MEMO_LIMIT = 100_000


def _marks_of(table: dict[str, tuple[str, str]], words: AbstractSet[str]) -> dict[str, tuple[Mark, ...]]:
    """The words of the set that hold a spelling of one variety, with those parts.

    What a word marks depends on the word alone, so each is worked out once per process (and a
    new article asks only about the words no earlier one used, with set operations in C)."""
    if _MARKS_TABLE[0] is not table or len(_SEEN) > _MEMO_LIMIT:
        _MARKS.clear()
        _MARKED.clear()
        _SEEN.clear()
        _MARKS_TABLE[0] = table
    for word in words - _SEEN:
        marks = _marks(table, word)
        if marks:
            _MARKS[word] = marks
            _MARKED.add(word)
        _SEEN.add(word)
    # (the marked words among the article's by one set intersection in C: a dict's keys in a set
    # operation would be copied whole, and a comprehension asked about every word in Python)
    return {w: _MARKS[w] for w in _MARKED.intersection(words)}


def _marks(table: dict[str, tuple[str, str]], word: str) -> tuple[Mark, ...]:
    out = []
    pos = 0
    for part in word.replace("\u2010", "-").split("-"):
        base, ending = strip_clitic(part)
        entry = table.get(base.lower())
        if entry and not any(c.isupper() for c in base[1:]):
            other = entry[1]
            if base[:1].isupper():
                other = other[:1].upper() + other[1:]
            out.append((pos, len(part), entry[0], other + ending, _z_axis(base.lower(), entry[1])))
        pos += len(part) + 1
    return tuple(out)


def _z_axis(word: str, other: str) -> bool:
    """organize/organise, analyze/analyse: the pair differs only in z against s."""
    return word.replace("z", "s") == other.replace("z", "s")


def _in_name(text: str, index: WordIndex, p: Place) -> bool:
    """A capital inside a sentence, or beside another capitalised word, marks a name that keeps
    its own spelling ("World Health Organization", "Pearl Harbor", "Labor Party")."""
    if not index.initial(p):
        return True
    start, end = p.start, p.end
    for step in (-1, 1):
        other = index.neighbour(p, step)
        if other is not None:
            gap = text[min(end, other.end):max(start, other.start)]
            if other.text[:1].isupper() and not gap.strip():
                return True
    return False
