"""Sentence boundaries within each prose block.

A rule-based splitter tuned for news copy: a sentence ends at . ! or ? (and any closing quotes or
brackets) followed by space and a likely sentence opener, unless the word before the stop is a
known abbreviation, an initial, or a title.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..compiled import re_compile
from ..model import Document, Span
from . import cached

ABBREVIATIONS = frozenset("""
mr mrs ms dr st gen sen rep gov lt col capt sgt maj cmdr adm jr sr prof rev hon pres supt insp
det cpl pvt inc corp ltd co bros vs etc no nos jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thurs fri sat sun fig vol ed eds approx est dept univ assn ave blvd rd mt ft
u.s u.k u.n e.u d.c a.m p.m i.e e.g
""".split())

# abbreviations that are also ordinary words ("the sun.", "he sat.", "said no."): they count only
# capitalised (Sun., Sat., No. 10), and No. only before a number
CAPITALISED_ONLY = frozenset("no nos jan mar may jun sat sun wed est ed det rev hon fig vol co".split())
# titles stand before a name and never end a sentence; the other abbreviations can end one when a
# quotation opens right after them ("... in the U.S. “We are ready,” she said.")
TITLES = frozenset("""
mr mrs ms dr st gen sen rep gov lt col capt sgt maj cmdr adm prof rev hon pres supt insp det cpl pvt
""".split())
_QUOTE_OPENER = re_compile(r"""\s+["“‘«][A-Z]""")

_END = re_compile(r"""[.!?]+[)\]"'”’»]*(?=\s+[^\s])""")
_OPENER = re_compile(r"""\s+["“‘'(\[«]*[A-Z0-9À-ÖØ-Þ]""")
_NUMBER_AFTER = re_compile(r"\s+\d")
_INITIALISM = re_compile(r"(?:[a-z]\.)+[a-z]")


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    block: int          # index of the block it belongs to


def _abbreviation(word: str, original: str, text: str, after: int, end: int) -> bool:
    """Is the word before this full stop an abbreviation inside the sentence?"""
    if word in CAPITALISED_ONLY:
        if not original[:1].isupper():
            return False
        if word in ("no", "nos"):
            return _NUMBER_AFTER.match(text[after:end]) is not None
    if not (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())
            or _INITIALISM.fullmatch(word)):
        return False
    # "U.S." may still end a sentence, but far more often it sits inside one; a quotation opening
    # right after it starts a new sentence unless the word is a title ("Dr. “Doc” Holt")
    return word in TITLES or len(word) == 1 or not _QUOTE_OPENER.match(text, after, end)


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _END.finditer(text, start, end):
        if not _OPENER.match(text, m.end(), end):
            continue
        stop = m.start()
        word_start = stop
        while word_start > start and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"“":
            word_start -= 1
        original = text[word_start:stop].rstrip(".")
        word = original.lower()
        if text[stop] == "." and _abbreviation(word, original, text, m.end(), end):
            continue
        out.append((pos, m.end()))
        pos = m.end()
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        out.append((pos, end))
    return out


@cached
def sentences(doc: Document) -> list[Sentence]:
    result = []
    for block in doc.blocks:
        for a, b in _split_block(doc.text, block.span.start, block.span.end):
            # trim trailing whitespace (an article's stray no-break spaces included)
            while b > a and doc.text[b - 1].isspace():
                b -= 1
            if b > a:
                result.append(Sentence(Span(a, b), block.index))
    return result


def sentence_at(doc: Document, offset: int) -> Sentence | None:
    sents = sentences(doc)
    lo = bisect_right(sents, offset, key=lambda s: s.span.end)   # the first sentence ending after offset
    if lo < len(sents) and sents[lo].span.start <= offset:
        return sents[lo]
    return None
