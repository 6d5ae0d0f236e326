"""Quotations: pairs of quotation marks, nesting, and running quotes across paragraphs.

Curly marks say which way they face; straight ones are read from the characters around them.
Single marks count as quotation marks only where they cannot be apostrophes. A paragraph that
ends inside an open quotation, followed by a paragraph that opens with a quotation mark, is the
running-quote convention: both parts belong to one quotation.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Document, Span
from . import cached

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
_BEFORE_OPEN = set(" \t\n\r\u00a0([{—–-/:;,“‘\"'")


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span              # from the opening mark to just past the closing mark
    inner: Span             # the quoted words
    block: int              # block index
    mark: str               # the opening mark
    depth: int              # 0 for an outer quotation, 1 for a quote inside a quote
    closed: bool            # closed within its block
    continues: bool = False  # left open at the block's end and reopened in the next block
    continued: bool = False  # the reopening part of a running quote
    group: int = 0          # quotes of one running quotation share a group number

    @property
    def single(self) -> bool:
        return self.mark in OPEN_SINGLE or self.mark == "'"


def _opens(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before in _BEFORE_OPEN or before.isspace()) and not after.isspace()


def _scan_block(text: str, start: int, end: int, block: int) -> list[tuple[int, int, str, int, bool]]:
    """(open, close_end, mark, depth, closed) for each quotation in one block."""
    found: list[tuple[int, int, str, int, bool]] = []
    stack: list[tuple[int, str]] = []
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN_DOUBLE or ch in CLOSE_DOUBLE or ch == '"':
            doubles_open = [s for s in stack if s[1] not in OPEN_SINGLE and s[1] != "'"]
            if ch in OPEN_DOUBLE:
                opening = True
                # "“ ... “inner” ... ”": a second opening curly mark nests
            elif ch in CLOSE_DOUBLE:
                opening = False
            else:
                opening = not doubles_open or (_opens(text, i, start, end) and doubles_open[-1][1] != '"')
                if doubles_open and doubles_open[-1][1] == '"':
                    opening = False
            if opening:
                stack.append((i, ch))
            elif doubles_open:
                # close the innermost double (and any single left open inside it)
                while stack:
                    pos, mark = stack.pop()
                    if mark not in OPEN_SINGLE and mark != "'":
                        found.append((pos, i + 1, mark, len(stack), True))
                        break
        elif ch in OPEN_SINGLE or ch in CLOSE_SINGLE or ch == "'":
            after = text[i + 1] if i + 1 < end else " "
            before = text[i - 1] if i > start else " "
            single_open = stack and (stack[-1][1] in OPEN_SINGLE or stack[-1][1] == "'")
            if ch in OPEN_SINGLE or (ch == "'" and _opens(text, i, start, end) and not before.isalnum()):
                if not after.isspace():
                    stack.append((i, ch))
            elif single_open and not after.isalnum():
                pos, mark = stack.pop()
                found.append((pos, i + 1, mark, len(stack), True))
    for pos, mark in stack:
        if mark in OPEN_SINGLE or mark == "'":
            continue  # an unpaired single mark is far more often an apostrophe
        found.append((pos, end, mark, 0, False))
    return found


@cached
def quotes(doc: Document) -> list[Quote]:
    result: list[Quote] = []
    text = doc.text
    group = 0
    prev_open: int | None = None   # index in result of the quote left open at the previous block's end
    for block in doc.blocks:
        items = sorted(_scan_block(text, block.span.start, block.span.end, block.index))
        starts_with_open = bool(items) and items[0][0] == block.span.start
        this_open: int | None = None
        for n, (a, b, mark, depth, closed) in enumerate(items):
            continued = n == 0 and starts_with_open and prev_open is not None
            if continued:
                g = result[prev_open].group
                old = result[prev_open]
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
    return result


@cached
def quote_spans(doc: Document) -> list[Span]:
    """Outer quotation spans (marks included), sorted, for scopes."""
    return [q.span for q in quotes(doc) if q.depth == 0]
