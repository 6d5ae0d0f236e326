"""Plain-text articles in the common wire layout.

    Headline            (first paragraph, one line)
    By Reporter Name    (optional byline)
    April 21, 2021      (optional date line)
    Body paragraphs, separated by blank lines.

A line that holds only an HTML-style comment (``<!-- deskcheck-disable ... -->``) is a directive,
not prose, so suppression works the same way as in Markdown and HTML.
"""
from __future__ import annotations

import re

from ..compiled import re_compile
from ..model import Metadata, Span
from ._builder import ViewBuilder
from .dates import parse_meta_date, settle_date

_PARA_BREAK = re_compile(r"(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))+")
# the same breaks in a source without CR: a pattern that starts with a literal is found by a
# fast scan for that character instead of trying the alternation at every position (5x faster)
_PARA_BREAK_LF = re_compile(r"\n(?:[ \t]*\n)+")
_COMMENT_LINE = re_compile(r"^[ \t]*<!--.*?-->[ \t]*$", re.M)
_BYLINE = re_compile(r"^\s*By\s+\S", re.I)


def _paragraphs(source: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: runs of non-blank lines."""
    spans = []
    pos = 0
    for m in (_PARA_BREAK if "\r" in source else _PARA_BREAK_LF).finditer(source):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(source)))
    out = []
    for start, end in spans:
        if source[start:end].strip():
            out.append((start, end))
    return out


def parse_text(source: str, path: str) -> "Document":  # noqa: F821 (forward ref for readers)
    builder = ViewBuilder(source)
    meta = Metadata()
    # (a comment line needs "<!--": without one, no scan and every paragraph is one piece)
    comments = [Span(m.start(), m.end()) for m in _COMMENT_LINE.finditer(source)] if "<!--" in source else []
    builder.non_prose.extend(comments)
    paras = []
    for start, end in _paragraphs(source):
        if not comments:
            paras.append([(start, end)])
            continue
        # drop directive comment lines from prose paragraphs
        pieces = _without(start, end, comments)
        if any(source[a:b].strip() for a, b in pieces):
            paras.append(pieces)
    copied: list[tuple[str, int, int]] = []     # one-piece blocks waiting to be built in one call
    for i, pieces in enumerate(paras):
        kind = "paragraph"
        if i <= 3:      # only the first four paragraphs can be a title, byline or date line
            first_text = "".join(source[a:b] for a, b in pieces)
            stripped = first_text.strip()
            single_line = "\n" not in stripped and "\r" not in stripped
            if i == 0 and single_line and len(paras) > 1 and not first_text.rstrip().endswith((".", '"', "”")):
                kind = "title"
                meta.title = stripped
            elif i <= 2 and single_line and (_BYLINE.match(first_text) or _name_before_date(paras, i, source)):
                kind = "byline"
                meta.author = re.sub(r"^\s*By\s+", "", stripped, flags=re.I)
            elif single_line and (d := parse_meta_date(first_text)) is not None:
                kind = "dateline"
                a, b = pieces[0]
                meta.date_sources.append(("date line", d, Span(a, b)))
        if len(pieces) == 1:
            copied.append((kind, *pieces[0]))
            continue
        builder.copied_blocks(copied)
        copied.clear()
        builder.start_block(kind)
        for a, b in pieces:
            builder.copy(a, b)
        builder.end_block()
    builder.copied_blocks(copied)
    settle_date(meta, path)
    return builder.build(path, "txt", meta)


def _without(start: int, end: int, holes: list[Span]) -> list[tuple[int, int]]:
    pieces = []
    pos = start
    for h in holes:
        if h.end <= start or h.start >= end:
            continue
        if h.start > pos:
            pieces.append((pos, h.start))
        pos = max(pos, h.end)
    if pos < end:
        pieces.append((pos, end))
    return pieces


def _name_before_date(paras: list[list[tuple[int, int]]], i: int, source: str) -> bool:
    """A short unpunctuated line between the headline and the date line is a byline."""
    if i != 1 or i + 1 >= len(paras):
        return False
    line = "".join(source[a:b] for a, b in paras[i]).strip()
    nxt = "".join(source[a:b] for a, b in paras[i + 1])
    return len(line.split()) <= 6 and not line.endswith((".", "!", "?")) and parse_meta_date(nxt) is not None
