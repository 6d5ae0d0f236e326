"""Words of the prose view, for the spelling checks: what to check and where each word sits.

A word is a run of letters that may hold apostrophes ("don't", "minister's") and hyphens
("well-being"). Runs of text that are not prose are skipped whole: URLs, domains, e-mail
addresses, @handles, #hashtags, anything with a digit ("12-megawatt", "3:45:10", "4.2%", "G7")
and abbreviations with dots ("U.S.", "e.g."). Code never reaches the prose view.

An article has thousands of words and the checks look most of them up by their text alone, so
the words are kept as columns (`WordColumns`: texts, starts, ends, which are initial) built with
whole-text operations that run in C; a `Word` tuple is made only for a word a check reports on.
"""
from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress
from operator import not_
from typing import Collection, NamedTuple

from ..compiled import re_compile
from ..model import Document, Span
from ..scopes import SegmentIndex
from . import cached
from .sentences import sentences

# text that is not prose: a run of non-space text holding one of these marks is tested whole
_MARK = re_compile(r"[@#]|://|www\.|\w\.\w")
# ... and in the usual article, where no '@', '#', '://' or 'www.' occurs, the only marks are dots
# between word characters, found by a search for a literal dot (a fast scan, unlike _MARK's)
_DOT_MARK = re_compile(r"\.(?<=\w\.)(?=\w)")
_OTHER_MARKS = ("@", "#", "://", "www.")
_NON_PROSE = re_compile(
    r"""(?ix)
    [("'“‘\[<]*(?:
      [a-z][a-z0-9+.-]*://\S+                    # scheme://...
    | www\.\S+
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+\S*           # e-mail
    | [@#]\w\S*                                 # handle, hashtag
    | (?:[\w-]+\.)+(?-i:[a-z]{2,6})(?:/\S*)?[)"'”’\].,;:!?>]*   # example.com, bbc.co.uk/news
    )$""")
# a word of two or more characters, as the one capture group of a split: the text splits into
# [gap, word, gap, word, ..., gap] in C, and the words' offsets are the running sums of the parts'
# lengths. The lookahead passes over single letters and digits ("a", "I", "5"), which no check
# reads; it finds exactly the longer words `\w+(?:[-'’‐.]\w+)*` finds, because a one-character
# match ends where no word goes on.
_PLAIN_WORD_PATTERN = r"((?=\w[-'’‐.]?\w)\w+(?:[-'’‐.]\w+)*)"
# The same matches, quicker to find (~20%): it starts with a word character, which lets `re` skip
# to the next one in C, and its runs are possessive (Python 3.11+), so the engine keeps no
# backtracking state for them (none could be used: what follows a run never starts with a word
# character). A test compares the two splits.
_FAST_WORD_PATTERN = r"(\w(?:\w++|(?=[-'’‐.]\w))(?:[-'’‐.]\w++)*+)"
_WORD_PATTERN = _FAST_WORD_PATTERN if sys.version_info >= (3, 11) else _PLAIN_WORD_PATTERN
_WORD_SPLIT = re_compile(_WORD_PATTERN)
# the same for a text of Latin-1 characters only (most articles), with \w spelled out as the
# Latin-1 characters it matches (letters, digits, the underscore): a character class is tested
# faster than the Unicode word test \w runs for every character
_LATIN1_WORD = "[" + re.escape("".join(c for c in map(chr, range(256)) if c.isalnum() or c == "_")) + "]"
_WORD_SPLIT_LATIN1 = re_compile(_WORD_PATTERN.replace("\\w", _LATIN1_WORD))
# The words a check reads, and only those: the split's words with no digit, underscore or dot
# ([\d_.]: numbers, codes and dotted abbreviations, which word_columns drops). Such a word is a run
# of letters (\w less \d and _) joined by [-'’‐] that starts where a split word starts (no word
# character, nor a word character and a joiner, stands before it) and ends where that split word
# ends (neither a word character nor a joiner and a word character follows it); the rest of the
# text, the dropped words included, falls into the gaps. One split then does what a split and a
# search of every word that is not all letters did. (Possessive runs: Python 3.11+; a test
# compares it with the split and the drop.)
_KEPT_PATTERN = (r"({L}(?<!{W}{L})(?<!{W}[-'’‐.]{L})(?:{L}++|(?=[-'’‐]{L}))(?:[-'’‐]{L}++)*+"
                 r"(?!{W}|[-'’‐.]{W}))")
_LATIN1_LETTER = "[" + re.escape("".join(c for c in map(chr, range(256)) if re.match(r"[^\W\d_]", c))) + "]"
_KEPT_SPLIT: "re.Pattern[str] | None" = None
_KEPT_SPLIT_LATIN1: "re.Pattern[str] | None" = None
if sys.version_info >= (3, 11):
    _KEPT_SPLIT = re_compile(_KEPT_PATTERN.format(L=r"[^\W\d_]", W=r"\w"))
    _KEPT_SPLIT_LATIN1 = re_compile(_KEPT_PATTERN.format(L=_LATIN1_LETTER, W=_LATIN1_WORD))
_BEYOND_LATIN1 = re_compile(r"[^\x00-\xff]")
_ALNUM = re_compile(r"[^\W_]")
_NOT_A_WORD = re_compile(r"[\d_.]")            # numbers, codes, dotted abbreviations
_OPENERS = frozenset("\"“‘'(«[—–-:")
_BLANKS = " \t\u00a0"


class Word(NamedTuple):
    """A word of doc.text."""
    start: int
    end: int
    text: str
    initial: bool        # starts a sentence or a quotation, or sits in a headline (capitals only)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


class Initials:
    """Which capitals of one document say nothing about a name: a word that opens a sentence or
    a quotation, or sits in a headline (where any word may be capitalised). Asked word by word,
    for the few capitals a check looks at, rather than worked out for every word."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._starts: list[int] | None = None
        self._headline: SegmentIndex | None = None

    def __call__(self, start: int) -> bool:
        """For a capitalised word starting at `start`."""
        text = self.doc.text
        if self._starts is None:
            self._starts = sorted([0] + [s.span.start for s in sentences(self.doc)])
            self._headline = SegmentIndex([b.span for b in self.doc.blocks
                                           if b.kind in ("title", "heading")])
        # the first letter or digit of its sentence (see _sentence_starts): no letter or digit
        # stands between the last sentence start at or before it and it (a search in C, for the
        # few capitals asked about, rather than the first letter of every sentence found)
        first = _ALNUM.search(text, self._starts[bisect_right(self._starts, start) - 1], start + 1)
        if first is not None and first.start() == start:
            return True
        j = start - 1
        while j >= 0 and text[j] in _BLANKS:
            j -= 1
        if j >= 0 and text[j] in _OPENERS:      # an opening mark, then blanks only ("(The", "“We")
            return True
        return self._headline.holds(start)  # type: ignore[union-attr]


class WordColumns:
    """Words in order as parallel lists: word n spans start[n]..end[n] and reads text[n]."""
    __slots__ = ("start", "end", "text", "initials", "_distinct")

    def __init__(self, start: list[int], end: list[int], text: list[str], initials: Initials) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.initials = initials
        self._distinct: frozenset[str] | None = None

    def distinct(self) -> frozenset[str]:
        """The different texts (made once: several checks look each up)."""
        if self._distinct is None:
            self._distinct = frozenset(self.text)
        return self._distinct

    def __len__(self) -> int:
        return len(self.text)

    def initial(self, n: int) -> bool:
        """Word n is a capital that opens a sentence or a quotation, or sits in a headline."""
        return self.text[n][0].isupper() and self.initials(self.start[n])

    def word(self, n: int) -> Word:
        return Word(self.start[n], self.end[n], self.text[n], self.initial(n))

    def words(self) -> list[Word]:
        return [self.word(n) for n in range(len(self.text))]


@cached
def word_columns(doc: Document) -> WordColumns:
    """Every checkable word of doc.text in order, as columns."""
    text = doc.text
    # (a search for a character past Latin-1 runs in C; max() made a string of every character)
    latin1 = text.isascii() or _BEYOND_LATIN1.search(text) is None
    kept = _KEPT_SPLIT_LATIN1 if latin1 else _KEPT_SPLIT
    parts = (kept or (_WORD_SPLIT_LATIN1 if latin1 else _WORD_SPLIT)).split(text)
    tokens = parts[1::2]
    offsets = list(accumulate(map(len, parts)))
    starts = offsets[0:-1:2]
    ends = offsets[1::2]
    # words no check reads: numbers and codes ("G7", "4.2"), dotted abbreviations (only a word
    # that is not all letters can be one), URLs and handles (the first three never split off by
    # the kept-words pattern)
    drop = [] if kept is not None else [
        i for i in compress(range(len(tokens)), map(not_, map(str.isalpha, tokens)))
        if _NOT_A_WORD.search(tokens[i])]
    for a, b in _non_prose(text):
        drop.extend(range(bisect_left(starts, a), bisect_left(starts, b)))
    if drop and len(drop) * 64 < len(tokens):
        # a few words out of hundreds: deleting each (a memmove in C) beats rebuilding the lists
        for i in sorted(set(drop), reverse=True):
            del starts[i], ends[i], tokens[i]
    elif drop:
        keep = [True] * len(tokens)
        for i in drop:
            keep[i] = False
        starts, ends, tokens = (list(compress(starts, keep)), list(compress(ends, keep)),
                                list(compress(tokens, keep)))
    return WordColumns(starts, ends, tokens, Initials(doc))


@cached
def words(doc: Document) -> list[Word]:
    """Every checkable word of doc.text in order."""
    return word_columns(doc).words()


def _sentence_starts(doc: Document) -> set[int]:
    """The first letter or digit of each sentence (and of the text): a word starting there is the
    first of its sentence, as no letter or digit stands between the sentence start and it."""
    text = doc.text
    n = len(text)
    out = set()
    for start in [0] + [s.span.start for s in sentences(doc)]:
        if start < n and text[start].isalnum():     # (what _ALNUM matches, one character)
            out.add(start)
            continue
        m = _ALNUM.search(text, start)
        if m is not None:
            out.add(m.start())
    return out


def _non_prose(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, addresses, handles and hashtags, in order."""
    if any(mark in text for mark in _OTHER_MARKS):
        marks = [m.start() for m in _MARK.finditer(text)]
    else:
        marks = [m.start() for m in _DOT_MARK.finditer(text)]
    out: list[tuple[int, int]] = []
    n = len(text)
    tested = -1     # the end of the last run tested: a run is tested once, whatever marks it holds
    for a in marks:
        if a < tested:
            continue
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        b = a
        while b < n and not text[b].isspace():
            b += 1
        tested = b
        if _NON_PROSE.match(text, a, b):
            out.append((a, b))
    return out


def columns_in(doc: Document, spans: list[Span]) -> WordColumns:
    """The words that lie inside any of the spans (a rule's segments), as columns.

    Kept per document and span list: the spelling and variety rules share a scope, so the second
    asks for the columns the first made."""
    # keyed by the spans' identities (the rules of one scope share the engine's Span objects):
    # cheap to hash, unlike the spans, and safe because each entry keeps its spans alive
    memo: dict[tuple[int, ...], tuple[tuple[Span, ...], WordColumns]] = \
        doc.cache.setdefault("words.columns_in", {})
    key = tuple(map(id, spans))
    found = memo.get(key)
    if found is not None:
        return found[1]
    cols = word_columns(doc)
    starts, ends = cols.start, cols.end
    ranges: list[tuple[int, int]] = []
    for s in spans:
        i = bisect_left(starts, s.start)
        # words never overlap, so their ends rise with their starts: the words of [i, j) that end
        # inside the span are a prefix of them
        j = bisect_right(ends, s.end, i, bisect_left(starts, s.end, i))
        if ranges and ranges[-1][1] == i:
            ranges[-1] = (ranges[-1][0], j)      # next to the last: one slice for both
        else:
            ranges.append((i, j))
    if len(ranges) == 1 and ranges[0] == (0, len(cols)):
        out = cols
    else:
        out = WordColumns([], [], [], cols.initials)
        for i, j in ranges:
            out.start.extend(starts[i:j])
            out.end.extend(ends[i:j])
            out.text.extend(cols.text[i:j])
    memo[key] = (tuple(spans), out)
    return out


def words_in(doc: Document, spans: list[Span]) -> list[Word]:
    """The words that lie inside any of the spans (a rule's segments)."""
    return columns_in(doc, spans).words()


def occurrences(texts: list[str], wanted: Collection[str]) -> list[int]:
    """The indexes of the texts that are among `wanted`, in order: a check that needs a few
    words' places finds one or two with list.index (a scan in C) rather than a loop over every
    word (past two words the scans cost more than the loop)."""
    if len(wanted) > 2:
        # (the membership tests in C: a loop in Python cost several times more)
        return list(compress(range(len(texts)), map(wanted.__contains__, texts)))
    out: list[int] = []
    for text in wanted:
        n = -1
        try:
            while True:
                n = texts.index(text, n + 1)
                out.append(n)
        except ValueError:
            pass
    out.sort()
    return out
