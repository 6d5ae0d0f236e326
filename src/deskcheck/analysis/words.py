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
from itertools import accumulate, compress, repeat
from operator import add, attrgetter, le, not_
from typing import AbstractSet, Collection, NamedTuple, Union

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
_START = attrgetter("start")
_END = attrgetter("end")
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


# --- Word places without columns ----------------------------------------------------------------
#
# The spelling and variety checks read every word of an article only to learn its set of
# different words; the places, neighbours and capitals they ask about are those of a dozen words
# the dictionary lacks. `word_index` answers those questions. Its plain form (ColumnIndex) reads
# them off the columns above; its quick form (TextIndex) never makes the columns: the set comes
# from the article's runs of word characters (split in C: one bytes.translate, one str.split),
# each different run split by the kept-words pattern once per process, and a word's places,
# neighbours and next word are found from the text around it. Both give the same answers (a
# property test compares them).

class Place(NamedTuple):
    """A word of a WordIndex: doc.text[start:end] is text; n is its number among the columns
    (ColumnIndex) or -1 (TextIndex, which numbers nothing)."""
    start: int
    end: int
    text: str
    n: int


class ColumnIndex:
    """The words of some spans of doc.text answered from their columns (the plain form)."""
    __slots__ = ("cols",)

    def __init__(self, cols: WordColumns) -> None:
        self.cols = cols

    def distinct(self) -> AbstractSet[str]:
        return self.cols.distinct()

    def _place(self, n: int) -> Place:
        cols = self.cols
        return Place(cols.start[n], cols.end[n], cols.text[n], n)

    def places(self, wanted: Collection[str]) -> list[Place]:
        """Every use of the wanted words, in order."""
        return [self._place(n) for n in occurrences(self.cols.text, wanted)]

    def initial(self, p: Place) -> bool:
        """The word is a capital opening a sentence or a quotation, or in a headline."""
        return self.cols.initial(p.n)

    def neighbour(self, p: Place, step: int) -> Place | None:
        """The word before (step -1) or after (step 1), or None when there is none. A TextIndex
        may also answer None for a neighbour with more than white space between it and p."""
        n = p.n + step
        return self._place(n) if 0 <= n < len(self.cols) else None

    def following(self, p: Place) -> Place | None:
        """The next word, whatever stands between."""
        return self.neighbour(p, 1)


# ASCII bytes that are neither a word character nor one that may join or end a word: blanks
# for the split into runs (all other bytes, UTF-8 sequences included, are left as they are)
_RUN_BYTES = bytes(b if b >= 0x80 or chr(b).isalnum() or chr(b) in "_-'." else 0x20 for b in range(256))
_FAST_LIMIT = 200_000   # characters: a longer text is read into columns (see NameForms._count_all)
_RUN_WORDS: dict[str, tuple[str, ...]] = {}     # run -> its words
_RUNS_SPLIT: set[str] = set()                   # the keys of _RUN_WORDS, as a set
_ONE_WORD: set[str] = set()                     # runs that are one word, the run itself


def _run_words(joined: str) -> set[str]:
    """The kept words of a text, as a set: the words of its runs (see TextIndex)."""
    # (a lone surrogate passes through as its three bytes, all left alone, and comes back)
    runs = set(joined.encode("utf-8", "surrogatepass").translate(_RUN_BYTES)
               .decode("utf-8", "surrogatepass").split())
    rest = runs - _ONE_WORD
    if not rest:
        return runs
    if len(_ONE_WORD) + len(_RUN_WORDS) > _MEMO_LIMIT:
        _ONE_WORD.clear()
        _RUN_WORDS.clear()
        _RUNS_SPLIT.clear()
    split = _KEPT_SPLIT.split  # type: ignore[union-attr]
    for run in rest - _RUNS_SPLIT:      # (runs no article has shown before)
        found = tuple(split(run)[1::2])
        if found == (run,):
            _ONE_WORD.add(run)
        _RUN_WORDS[run] = found
        _RUNS_SPLIT.add(run)
    out = runs - rest
    out.update(*map(_RUN_WORDS.__getitem__, rest))
    return out


_MEMO_LIMIT = 100_000


# the kept-words pattern's edges, tested at a place in C: no word character before the word,
# nor a joiner with one before it; the same after
_STARTS_CLEAR = re_compile(r"(?<!\w)(?<!\w[-'\u2019\u2010.])")
_ENDS_CLEAR = re_compile(r"(?!\w|[-'\u2019\u2010.]\w)")


class TextIndex:
    """The words of some spans of doc.text answered from the text (the quick form).

    Only for spans in order, apart, each starting and ending next to white space or an end of
    the text (`_fast_spans`): then no word crosses a span's edge, and the words inside the spans
    are those the kept-words pattern finds in each alone, or in their text joined by spaces.
    The spans leave out the runs `_non_prose` drops, which are white-space delimited too."""
    __slots__ = ("text", "spans", "starts", "initials", "part", "_distinct")

    def __init__(self, text: str, spans: list[tuple[int, int]], initials: Initials,
                 part: "TextIndex | None" = None) -> None:
        self.text = text
        self.spans = spans
        self.starts = [a for a, _ in spans]
        self.initials = initials
        # an index of spans inside these whose set is known: this one's is that set and the
        # words of the rest (the whole article's words are the spelling rule's and a byline's)
        self.part = part
        self._distinct: set[str] | None = None

    def distinct(self) -> AbstractSet[str]:
        if self._distinct is None:
            text = self.text
            part = self.part
            if part is not None and part._distinct is not None:
                # what lies between the part's spans, less the non-prose runs (the holes in
                # this index's spans, which the part has too), read with slices made in C
                starts = [0] + [b for _, b in part.spans]
                ends = part.starts + [len(text)]
                if len(self.spans) != 1 or self.spans[0] != (0, len(text)):
                    kept = _less(list(zip(starts, ends)), _holes(self.spans, len(text)))
                    starts, ends = [a for a, _ in kept], [b for _, b in kept]
                rest = " ".join(map(text.__getitem__, map(slice, starts, ends)))
                self._distinct = part._distinct | _run_words(rest)
            elif len(self.spans) == 1 and self.spans[0] == (0, len(text)):
                self._distinct = _run_words(text)
            else:
                self._distinct = _run_words(" ".join([text[a:b] for a, b in self.spans]))
        return self._distinct

    def _inside(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start) - 1
        return k >= 0 and end <= self.spans[k][1]

    def places(self, wanted: Collection[str]) -> list[Place]:
        text = self.text
        find = text.find
        starts_clear = _STARTS_CLEAR.match
        ends_clear = _ENDS_CLEAR.match
        starts, spans = self.starts, self.spans
        make = tuple.__new__     # (a Place without its Python-level constructor)
        out: list[Place] = []
        for w in wanted:
            size = len(w)
            i = find(w)
            while i >= 0:
                # (a kept word found where the pattern's edges hold is where a scan finds it:
                # the pattern reads nothing else, and no earlier word can reach over such an edge)
                e = i + size
                if starts_clear(text, i) and ends_clear(text, e) and \
                        (k := bisect_right(starts, i) - 1) >= 0 and e <= spans[k][1]:
                    out.append(make(Place, (i, e, w, -1)))
                    i = find(w, e)      # (words do not overlap)
                else:
                    i = find(w, i + 1)
        out.sort()
        return out

    def initial(self, p: Place) -> bool:
        return p.text[0].isupper() and self.initials(p.start)

    def neighbour(self, p: Place, step: int) -> Place | None:
        """The word next to p with only white space between, or None (see ColumnIndex)."""
        text = self.text
        n = len(text)
        if step < 0:
            j = p.start
            while j > 0 and text[j - 1].isspace():
                j -= 1
            if j == p.start:
                return None     # (a word never ends where another starts)
            q = j
            while q > 0 and not text[q - 1].isspace():
                q -= 1
            last = None
            for last in _KEPT_SPLIT.finditer(text, q, j):  # type: ignore[union-attr]
                pass
            if last is None or last.end() != j:
                return None
            found = Place(last.start(), j, last.group(), -1)
        else:
            j = p.end
            while j < n and text[j].isspace():
                j += 1
            if j == p.end:
                return None
            r = j
            while r < n and not text[r].isspace():
                r += 1
            m = _KEPT_SPLIT.match(text, j, r)  # type: ignore[union-attr]
            if m is None:
                return None
            found = Place(j, m.end(), m.group(), -1)
        return found if self._inside(found.start, found.end) else None

    def following(self, p: Place) -> Place | None:
        k = bisect_right(self.starts, p.start) - 1
        pos = p.end
        search = _KEPT_SPLIT.search  # type: ignore[union-attr]
        for a, b in self.spans[max(k, 0):]:
            m = search(self.text, max(pos, a), b)
            if m is not None:
                return Place(m.start(), m.end(), m.group(), -1)
        return None


WordIndex = Union[ColumnIndex, TextIndex]


def _fast_spans(doc: Document, spans: list[Span] | None) -> list[tuple[int, int]] | None:
    """The spans a TextIndex reads (the given ones less the non-prose runs), or None when it
    cannot answer for them."""
    text = doc.text
    if _KEPT_SPLIT is None or len(text) > _FAST_LIMIT:
        return None
    n = len(text)
    if spans is None:
        out = [(0, n)]
    elif not spans:
        out = []
    else:
        # (each test over every span in C: a loop in Python cost more than the index saves)
        starts = list(map(_START, spans))
        ends = list(map(_END, spans))
        if starts[0] < 0 or ends[-1] > n or not all(map(le, starts, ends)) \
                or not all(map(le, ends[:-1], starts[1:])):
            return None     # out of order or overlapping: the columns repeat or reorder words
        # a word may cross an edge unless white space (or an end of the text) stands on one
        # side of it: padded[x:x + 2] holds the characters either side of offset x, and loses
        # one to strip() when one is white space
        padded = " " + text + " "
        edges = starts + ends
        if max(map(len, map(str.strip, map(padded.__getitem__,
                                            map(slice, edges, map(add, edges, repeat(2))))))) > 1:
            return None
        out = list(zip(starts, ends))
    holes = doc.cache.get("words.non_prose")
    if holes is None:
        holes = doc.cache["words.non_prose"] = _non_prose(text)
    if holes:
        out = _less(out, holes)
    return out


def _less(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of the spans outside the holes (each list in order, its items apart)."""
    out: list[tuple[int, int]] = []
    j = 0
    n = len(holes)
    for a, b in spans:
        while j < n and holes[j][1] <= a:
            j += 1
        k = j
        while k < n and holes[k][0] < b:
            if holes[k][0] > a:
                out.append((a, holes[k][0]))
            a = max(a, holes[k][1])
            k += 1
        if a < b:
            out.append((a, b))
    return out


def _holes(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """What lies between the spans (in order, apart) within [0, n)."""
    return [(a, b) for a, b in zip([0] + [b for _, b in spans], [a for a, _ in spans] + [n]) if a < b]


def word_index(doc: Document, spans: list[Span] | None = None) -> WordIndex:
    """The words of doc.text inside the spans (a rule's segments; None: all of it), kept per
    document and span list like `columns_in`."""
    memo: dict[object, tuple[object, WordIndex]] = doc.cache.setdefault("words.word_index", {})
    key = None if spans is None else tuple(map(id, spans))
    found = memo.get(key)
    if found is not None:
        return found[1]
    text = doc.text
    fast = _fast_spans(doc, spans)
    index: WordIndex
    if fast is None:
        index = ColumnIndex(word_columns(doc) if spans is None else columns_in(doc, spans))
    else:
        initials = doc.cache.get("words.initials")
        if initials is None:
            initials = doc.cache["words.initials"] = Initials(doc)
        # the whole article's set, from a rule's (its spans lie inside the article's, as both
        # leave out the same non-prose runs)
        part = None
        if spans is None:
            part = next((i for _, i in memo.values() if isinstance(i, TextIndex)), None)
        index = TextIndex(text, fast, initials, part)
    memo[key] = (None if spans is None else tuple(spans), index)
    return index
