"""Sentence boundaries within each prose block.

A rule-based splitter tuned for news copy: a sentence ends at . ! or ? (and any closing quotes or
brackets) followed by space and a likely sentence opener, unless the word before the stop is a
known abbreviation, an initial, or a title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Span
from . import cached

ABBREVIATIONS = frozenset("""
mr mrs ms dr st gen sen rep gov lt col capt sgt maj cmdr adm jr sr prof rev hon pres supt insp
det cpl pvt inc corp ltd co bros vs etc no nos jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thurs fri sat sun fig vol ed eds approx est dept univ assn ave blvd rd mt ft
u.s u.k u.n e.u d.c a.m p.m i.e e.g
""".split())

_END = re.compile(r"""[.!?]+[)\]"'”’»]*(?=\s+[^\s])""")
_OPENER = re.compile(r"""\s+["“‘'(\[«]*[A-Z0-9À-ÖØ-Þ]""")


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    block: int          # index of the block it belongs to


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
        word = text[word_start:stop].lower().rstrip(".")
        if text[stop] == "." and (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())
                                  or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word)):
            # "U.S." may still end a sentence, but far more often it sits inside one
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
    lo, hi = 0, len(sents)
    while lo < hi:
        mid = (lo + hi) // 2
        if sents[mid].span.end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sents) and sents[lo].span.start <= offset:
        return sents[lo]
    return None
