"""Quotations: pairs of quotation marks, nesting, and running quotes across paragraphs.

Curly marks say which way they face; straight ones are read from the characters around them.
Single marks count as quotation marks only where they cannot be apostrophes (don't, rock 'n'
roll, the '90s, Jones' car). A curly opening mark inside an open quotation nests (the “ ... “inner”
... ” habit of translated copy). A paragraph that ends inside an open quotation, followed by a
paragraph that opens with a quotation mark of the same family, is the running-quote convention:
both parts belong to one quotation.

The scan also keeps what it could not pair: closing marks with no opening mark (`strays`), and
quotations left open that no running quote continues (`Quote.closed` False, `continues` False).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ..compiled import re_compile
from ..model import Document, FrozenRecord, Span, _setters
from . import cached

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
STRAIGHT = "\"'"
DOUBLE_MARKS = OPEN_DOUBLE + CLOSE_DOUBLE + '"'
SINGLE_MARKS = OPEN_SINGLE + CLOSE_SINGLE + "'"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS
# where the marks are: the scan visits only them, not every character of a block
_ANY_MARK = re_compile("[" + "".join("\\" + c if c in "\\]^-" else c for c in ALL_MARKS) + "]")
# curly marks and the straight ones typed for them, for comparing text written either way
STRAIGHT_FORMS = {"“": '"', "”": '"', "‘": "'", "’": "'"}

# what may stand right before an opening mark: space, an opening bracket, a dash, or another
# opening mark ("‘ inside “")
_BEFORE_OPEN = set(" \t\n\r\u00a0\u2009\u202f([{—–-/:;,“‘\"'«‹")
# words that begin with an apostrophe, which must not open a single quotation
_ELIDED = re_compile(
    r"(?:n|em|til|tis|twas|cause|cos|round|bout|im|er|ere|ow|alf|ead|ave|e|s|d|ll|re|ve|m|t)"
    r"(?![\w])|\d\d(?:s|\b)",
)


class Quote(FrozenRecord):
    """One quotation: written out rather than built by @dataclass(frozen=True, slots=True), like
    the model's value classes (whose frozen __init__ stores each of nine fields through
    object.__setattr__; a run makes thousands)."""
    __slots__ = _fields = __match_args__ = (
        "span", "inner", "block", "mark", "depth", "closed", "continues", "continued", "group")
    span: Span              # from the opening mark to just past the closing mark
    inner: Span             # the quoted words
    block: int              # block index
    mark: str               # the opening mark
    depth: int              # 0 for an outer quotation, 1 for a quote inside a quote
    closed: bool            # closed within its block
    continues: bool         # left open at the block's end and reopened in the next block
    continued: bool         # the reopening part of a running quote
    group: int              # quotes of one running quotation share a group number

    def __init__(self, span: Span, inner: Span, block: int, mark: str, depth: int, closed: bool,
                 continues: bool = False, continued: bool = False, group: int = 0) -> None:
        _q_span(self, span)
        _q_inner(self, inner)
        _q_block(self, block)
        _q_mark(self, mark)
        _q_depth(self, depth)
        _q_closed(self, closed)
        _q_continues(self, continues)
        _q_continued(self, continued)
        _q_group(self, group)

    def _key(self) -> tuple[Span, Span, int, str, int, bool, bool, bool, int]:
        return (self.span, self.inner, self.block, self.mark, self.depth, self.closed, self.continues,
                self.continued, self.group)

    @property
    def straight(self) -> bool:
        return self.mark in STRAIGHT

    @property
    def unbalanced(self) -> bool:
        """Left open with no running quote to carry it on."""
        return not self.closed and not self.continues


(_q_span, _q_inner, _q_block, _q_mark, _q_depth, _q_closed, _q_continues, _q_continued,
 _q_group) = _setters(Quote)


@dataclass
class QuoteScan:
    quotes: list[Quote] = field(default_factory=list)
    strays: list[Span] = field(default_factory=list)     # closing marks that close nothing
    # closing marks of each closed quotation, by the quote's opening offset (for mixed-style checks)
    closers: dict[int, str] = field(default_factory=dict)


def _is_double(mark: str) -> bool:
    return mark in DOUBLE_MARKS


def _can_open(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before in _BEFORE_OPEN or before.isspace()) and not after.isspace()


def _can_close(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and (not after.isalnum())


def _apostrophe(text: str, i: int, start: int, end: int) -> bool:
    """A single mark that is (almost certainly) an apostrophe, whatever the stack holds."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if before.isalnum() and after.isalnum():
        return True                      # don't, O’Brien, rock’n’roll
    if not before.isalnum() and _ELIDED.match(text, i + 1, end):
        # 'n', '90s, 'em: but ‘n’ may also be a one-letter quote; only a bare word counts
        m = _ELIDED.match(text, i + 1, end)
        assert m is not None
        nxt = text[m.end()] if m.end() < end else " "
        if nxt in "'’" and m.group().lower() == "n":
            return True                  # rock 'n' roll: both marks are apostrophes
        return nxt.isspace() or nxt in ".,;:!?" or m.group()[:1].isdigit()
    return False


def _possessive(text: str, i: int, start: int, end: int) -> bool:
    """`Jones' car`, `the players' union`: a closing-looking mark after s that may be an apostrophe."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return before in "sSzZ" and after.isspace() and i + 2 < end and text[i + 2].isalnum()


def _mark_positions(text: str) -> list[int]:
    """Where the quotation marks are in the whole text, in order: str.find per mark (a fast
    search in C) beats `_ANY_MARK` over the text, and a block holding none is never scanned."""
    found: list[int] = []
    for ch in ALL_MARKS:
        i = text.find(ch)
        while i != -1:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def _scan_block(text: str, start: int, end: int, scan: QuoteScan,
                outer: str, marks: list[int] | None = None) -> list[tuple[int, int, str, int, bool]]:
    """(open, close_end, mark, depth, closed) for each quotation in one block.

    `outer` is the mark the article opens its quotations with; `marks` the positions of the
    block's quotation marks, in order (found here when not given).
    """
    if marks is None:
        marks = [m.start() for m in _ANY_MARK.finditer(text, start, end)]
    single_outer = outer in "'‘"
    found: list[tuple[int, int, str, int, bool]] = []
    stack: list[tuple[int, str]] = []
    doubles = 0              # how many double marks the stack holds
    skip: set[int] = set()   # marks already consumed as apostrophes (the second of 'n')
    for i in marks:
        ch = text[i]
        if skip and i in skip:
            continue
        if ch in DOUBLE_MARKS:
            doubles_open = doubles > 0
            if ch in OPEN_DOUBLE:
                opening = True   # “ ... “inner” ... ”: a second curly opening mark nests
            elif ch in CLOSE_DOUBLE:
                opening = False
            else:
                # _can_open and _can_close, inlined (the busiest mark)
                before = text[i - 1] if i > start else " "
                after = text[i + 1] if i + 1 < end else " "
                before_space = before.isspace()
                can_open = (before in _BEFORE_OPEN or before_space) and not after.isspace()
                can_close = not before_space and not after.isalnum()
                if not doubles_open and not can_open and i > start and before.isdigit():
                    continue      # an inch mark: 5'10", a 6" pipe
                if doubles_open and can_close and not can_open:
                    opening = False
                elif can_close and not can_open and i > start and before in ".,!?…":
                    opening = False   # `he said no."`: a closing mark with nothing to close
                elif can_open and not can_close:
                    # a straight mark nests only inside a curly quotation or after a space
                    opening = True
                else:
                    opening = not doubles_open
            if opening:
                stack.append((i, ch))
                doubles += 1
            elif doubles_open:
                while stack:    # close the innermost double (singles left open inside were apostrophes)
                    pos, mark = stack.pop()
                    if mark in DOUBLE_MARKS:
                        doubles -= 1
                        found.append((pos, i + 1, mark, len(stack), True))
                        scan.closers[pos] = ch
                        break
            else:
                scan.strays.append(Span(i, i + 1))
            continue
        # a single mark: most are apostrophes between letters (don't, O’Brien, rock’n’roll), which
        # _apostrophe calls one at once; then only an "n" after it may be the 'n' of rock 'n' roll,
        # whose second mark the next lines skip (the match below starts with that character)
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if before.isalnum() and after.isalnum():
            if after in "nN":
                m = _ELIDED.match(text, i + 1, end)
                if m is not None and m.group().lower() == "n" and m.end() < end:
                    skip.add(m.end())
            continue
        if _apostrophe(text, i, start, end):
            m = _ELIDED.match(text, i + 1, end)
            if m is not None and m.group().lower() == "n" and m.end() < end:
                skip.add(m.end())
            continue
        single_top = bool(stack) and stack[-1][1] not in DOUBLE_MARKS
        if ch in OPEN_SINGLE or (ch == "'" and _can_open(text, i, start, end)):
            # copy that quotes in double marks uses straight singles only inside a quotation:
            # elsewhere a straight mark before a word is an elision ('burbs)
            if ch == "'" and outer != "'" and not stack:
                continue
            if i + 1 < end and not text[i + 1].isspace():
                stack.append((i, ch))
            continue
        if not _can_close(text, i, start, end):
            continue
        if single_top:
            if _possessive(text, i, start, end) and _later_single_closer(text, i + 1, end):
                continue          # `‘the Joneses' car is here,’`: the later mark closes
            pos, mark = stack.pop()
            found.append((pos, i + 1, mark, len(stack), True))
            scan.closers[pos] = ch
        elif single_outer and ch in CLOSE_SINGLE and not stack and text[i - 1] in ".,!?":
            scan.strays.append(Span(i, i + 1))
    for depth, (pos, mark) in enumerate(stack):
        if not _is_double(mark) and not (single_outer and depth == 0 and _opens_sentence(text, pos, start)):
            # an unpaired single mark is far more often an apostrophe ('burbs); in British copy
            # one that opens a sentence may start a running quote
            continue
        found.append((pos, end, mark, depth, False))
    return found


def _opens_sentence(text: str, pos: int, start: int) -> bool:
    """A mark before a capital letter at the paragraph's start or after a stop or colon."""
    if pos + 1 >= len(text) or not text[pos + 1].isupper():
        return False
    j = pos
    while j > start and text[j - 1].isspace():
        j -= 1
    return j == start or text[j - 1] in ".!?:’'"


def _later_single_closer(text: str, start: int, end: int) -> bool:
    for j in range(start, end):
        ch = text[j]
        if ch in "'’›" and _can_close(text, j, start, end) and not _apostrophe(text, j, start, end) \
                and not _possessive(text, j, start, end):
            return True
        if ch in OPEN_SINGLE:
            return False
    return False


def _outer_style(doc: Document) -> str:
    """The mark this article opens quotations with: count the marks that open a paragraph.

    British copy quotes speech in single marks; most copy in double ones; some in straight marks.
    """
    counts = {"'": 0, "‘": 0, '"': 0, "“": 0}
    for block in doc.blocks:
        head = doc.text[block.span.start:block.span.start + 1]
        if head in "'‹":
            counts["'" if head == "'" else "‘"] += 1
        elif head in OPEN_SINGLE:
            counts["‘"] += 1
        elif head == '"':
            counts['"'] += 1
        elif head and head in OPEN_DOUBLE:
            counts["“"] += 1
    if not any(counts.values()):
        # no paragraph opens with a quote: compare opening curly singles with opening doubles
        text = doc.text
        doubles = text.count("“") + text.count('"') // 2
        return "‘" if text.count("‘") > doubles else ("“" if text.count("“") >= text.count('"') // 2 else '"')
    return max(counts, key=lambda k: counts[k])


def _same_family(a: str, b: str) -> bool:
    return _is_double(a) == _is_double(b)


@cached
def quote_scan(doc: Document) -> QuoteScan:
    scan = QuoteScan()
    result = scan.quotes
    text = doc.text
    outer = _outer_style(doc)
    group = 0
    prev_open: int | None = None   # index in result of the quote left open at the previous block's end
    prev_block = -1
    marks = _mark_positions(text)
    for block in doc.blocks:
        bstart, bend = block.span.start, block.span.end
        k = bisect_left(marks, bstart)
        j = bisect_left(marks, bend, k)
        if j == k:
            # no mark: no quotation here, and none left open for the next block to continue
            prev_open = None
            prev_block = block.index
            continue
        items = sorted(_scan_block(text, bstart, bend, scan, outer, marks[k:j]))
        first = items[0] if items and items[0][3] == 0 else None
        reopens = (first is not None and not text[block.span.start:first[0]].strip() and prev_open is not None
                   and prev_block == block.index - 1 and _same_family(first[2], result[prev_open].mark))
        this_open: int | None = None
        for n, (a, b, mark, depth, closed) in enumerate(items):
            continued = n == 0 and reopens
            if continued:
                assert prev_open is not None
                old = result[prev_open]
                g = old.group
                result[prev_open] = Quote(old.span, old.inner, old.block, old.mark, old.depth,
                                          old.closed, True, old.continued, g)
            else:
                group += 1
                g = group
            inner_end = b - 1 if closed else b
            while inner_end > a + 1 and text[inner_end - 1].isspace():
                inner_end -= 1
            q = Quote(Span(a, b), Span(a + 1, max(a + 1, inner_end)), block.index, mark, depth, closed,
                      False, continued, g)
            result.append(q)
            if not closed and depth == 0:
                this_open = len(result) - 1
        prev_open = this_open
        prev_block = block.index
    return scan


def quotes(doc: Document) -> list[Quote]:
    """Every quotation, in text order, outer quotes before the quotes they contain."""
    return quote_scan(doc).quotes


@cached
def quote_spans(doc: Document) -> list[Span]:
    """Outer quotation spans (marks included), sorted, for scopes."""
    return [q.span for q in quotes(doc) if q.depth == 0]
