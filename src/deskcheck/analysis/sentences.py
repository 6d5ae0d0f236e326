"""Sentence boundaries within each prose block.

A rule-based splitter tuned for news copy: a sentence ends at . ! or ? (and any closing quotes or
brackets) followed by space and a likely sentence opener, unless the word before the stop is a
known abbreviation, an initial, or a title.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..compiled import re_compile
from ..model import Block, Document, FrozenRecord, Span, _setters, _span_end, _span_start
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


class Sentence(FrozenRecord):
    """One sentence: written out rather than built by @dataclass(frozen=True), like the model's
    value classes (an article makes a few dozen, a run tens of thousands)."""
    __slots__ = _fields = __match_args__ = ("span", "block")
    span: Span
    block: int          # index of the block it belongs to

    def __init__(self, span: Span, block: int) -> None:
        _sentence_span(self, span)
        _sentence_block(self, block)

    def _key(self) -> tuple[Span, int]:
        return (self.span, self.block)


_sentence_span, _sentence_block = _setters(Sentence)


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
    """The plain split of one block (kept for the tests; `sentences` reads every block in one pass)."""
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


# _END followed by what _OPENER asks for, in one pattern: group 1 runs from the first character
# after the spaces (where the next sentence starts) to the opener's letter or digit. Written
# [.!?][.!?]* rather than [.!?]+: `re` skips ahead to a leading character class, not to a
# repeated one (half the pattern's time over an article)
_BREAK = re_compile(r"""[.!?][.!?]*[)\]"'”’»]*(?=\s+(["“‘'(\[«]*[A-Z0-9À-ÖØ-Þ]))""")
# _BREAK led by each stop as a literal, which `re` finds with its fast string search (a class it
# tests character by character): three passes cost less than the one
_BREAK_AFTER = tuple((stop, re_compile(re.escape(stop) + _BREAK.pattern[len("[.!?]"):])) for stop in ".!?")
# the word before a stop, read backwards in the reversed text: what _split_block's walk takes
_WORD_BACK = re_compile(r"""[^\s("“]*""")


def _break_matches(text: str, start: int, end: int) -> "list[re.Match[str]]":
    """_BREAK.finditer(text, start, end), as a list. A _BREAK match starts where a run of stops
    starts (failing there, it fails at every later stop of the run: the same marks follow), so
    it is a match of the pattern led by its first stop, at a stop with no stop before it; the
    other patterns' matches inside a run are dropped. (The text before `start` is not a stop:
    callers start at a block, which follows whitespace.)"""
    found = list(_BREAK_AFTER[0][1].finditer(text, start, end))
    others = [m for stop, p in _BREAK_AFTER[1:] if stop in text for m in p.finditer(text, start, end)]
    if not others:
        # a "." match inside a run holds only stops after a "!" or "?": none without them
        return found
    found.extend(others)
    found.sort(key=_match_start)
    return [m for m in found if m.start() == start or text[m.start() - 1] not in ".!?"]


def _match_start(m: "re.Match[str]") -> int:
    return m.start()


def _breaks(text: str, blocks: list[Block]) -> list[tuple[int, int, int]]:
    """(start, end, block index) of every sentence, before trimming: _split_block's answer for
    each block, from one regex pass over the whole text.

    A break found in the whole text is the one _split_block finds in its block when the break and
    the letter after it lie inside the block: blocks are separated by whitespace (the reader puts a
    blank line between them), and a break is a run of marks followed by whitespace, so a match
    never starts in one block and is cut short by the next. Matches outside any block, or reaching
    past their block's end, are ones the bounded scan cannot see, and are dropped."""
    out: list[tuple[int, int, int]] = []
    if not blocks:
        return out
    if not _separated(text, blocks):
        for block in blocks:        # (never seen from the readers)
            out.extend((a, b, block.index) for a, b in _split_block(text, block.span.start, block.span.end))
        return out
    n = len(text)
    rev = ""
    nblocks = len(blocks)
    bi = 0
    block = blocks[0]
    start, end = block.span.start, block.span.end
    pos = start
    # a last stand-in match past every block's end closes the blocks left
    for m in (*_break_matches(text, start, blocks[-1].span.end), None):
        stop = m.start() if m is not None else n
        if stop >= end:
            # close the blocks before this match (their last sentence runs to their end)
            while stop >= end:
                if pos < end:
                    out.append((pos, end, block.index))
                bi += 1
                if bi == nblocks:
                    return out
                block = blocks[bi]
                start, end = block.span.start, block.span.end
                pos = start
            if stop < start:
                continue            # between blocks
        assert m is not None        # (the stand-in returned above: no block ends past the text)
        nxt, letter_end = m.span(1)
        if letter_end > end:
            continue                # the bounded scan would not see the next sentence's letter
        if text[stop] == ".":
            if not rev:
                rev = text[::-1]
            back = _WORD_BACK.match(rev, n - stop, n - start)
            assert back is not None
            original = text[n - back.end():stop].rstrip(".")
            word = original.lower()
            # only a listed word, a letter or an initialism (which holds a stop) can be one: most
            # stops follow none, and need no call
            if (word in ABBREVIATIONS or len(word) == 1 or "." in word) \
                    and _abbreviation(word, original, text, m.end(), end):
                continue
        out.append((pos, m.end(), block.index))
        pos = nxt
    return out                      # (not reached)


def _separated(text: str, blocks: list[Block]) -> bool:
    """Blocks in text order, each after whitespace (or at the start of the text): what the
    readers build, and what a single pass over the text needs."""
    prev_end = 0
    for block in blocks:
        start = block.span.start
        if start < prev_end or block.span.end <= start or (start > 0 and not text[start - 1].isspace()):
            return False
        prev_end = block.span.end
    return True


@cached
def sentences(doc: Document) -> list[Sentence]:
    result: list[Sentence] = []
    append = result.append
    text = doc.text
    for a, b, index in _breaks(text, doc.blocks):
        if b <= a or text[b - 1].isspace():
            # trim trailing whitespace (an article's stray no-break spaces included); only a
            # block's last sentence can end in any: the others end on a mark
            while b > a and text[b - 1].isspace():
                b -= 1
            if b <= a:
                continue
        # Sentence(Span(a, b), index), its two __init__ calls written out: a run makes tens of
        # thousands (the same objects: the same slots set through the same setters)
        span = _new(Span)
        _span_start(span, a)
        _span_end(span, b)
        sentence = _new(Sentence)
        _sentence_span(sentence, span)
        _sentence_block(sentence, index)
        append(sentence)
    return result


_new = object.__new__


def sentence_at(doc: Document, offset: int) -> Sentence | None:
    sents = sentences(doc)
    lo = bisect_right(sents, offset, key=lambda s: s.span.end)   # the first sentence ending after offset
    if lo < len(sents) and sents[lo].span.start <= offset:
        return sents[lo]
    return None
