"""Builds a Document's prose view from pieces of the source, keeping the offset map exact."""
from __future__ import annotations

from ..model import Block, Document, Metadata, OffsetMap, Span


class ViewBuilder:
    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._len = 0
        self.offsets = OffsetMap()
        self._text_starts = self.offsets._text_starts
        self._pieces = self.offsets._pieces
        self.blocks: list[Block] = []
        self._block_kind: str | None = None
        self._block_start = 0
        self._block_part = 0
        self.non_prose: list[Span] = []

    # -- pieces -----------------------------------------------------------------------------
    def copy(self, src_start: int, src_end: int) -> None:
        """Append source[src_start:src_end] verbatim."""
        if src_end <= src_start:
            return
        piece = self.source[src_start:src_end]
        n = len(piece)      # == src_end - src_start unless src_end runs past the source
        if n:               # OffsetMap.add, inlined: the readers' busiest call
            self._text_starts.append(self._len)
            self._pieces.append((self._len, n, src_start, n))
        self._parts.append(piece)
        self._len += n

    def stand_in(self, text: str, src_start: int, src_end: int) -> None:
        """Append text that stands for a different source piece (an entity, an escape)."""
        if not text:
            return
        self.offsets.add(self._len, len(text), src_start, src_end - src_start)
        self._parts.append(text)
        self._len += len(text)

    def synthetic(self, text: str) -> None:
        """Append text with no source (block separators, code placeholders)."""
        self._parts.append(text)
        self._len += len(text)

    def plain_blocks(self, kind: str, spans: "list[tuple[int, int]]") -> None:
        """A block of each kind for each (start, end) in order, copied from source[start:end]:
        lines joined by "\\n" that start and end with a character other than whitespace. The same
        text, pieces and blocks as start_block, copy() of each line and each line break, and
        end_block for each, built in one call (an article's paragraphs are most of what a
        Markdown reader builds)."""
        if self._block_kind is not None:
            self.end_block()
        src = self.source
        starts, pieces, parts, blocks = self._text_starts, self._pieces, self._parts, self.blocks
        n = self._len
        for src_start, src_end in spans:
            if n:
                parts.append("\n\n")        # synthetic("\n\n")
                n += 2
            base = n
            nl = src.find("\n", src_start, src_end)
            if nl == -1:                    # one line: one piece
                starts.append(n)
                pieces.append((n, src_end - src_start, src_start, src_end - src_start))
                n += src_end - src_start
            else:
                pos = src_start
                while True:
                    if nl == -1:
                        nl = src_end
                    starts.append(n)
                    pieces.append((n, nl - pos, pos, nl - pos))
                    n += nl - pos
                    if nl == src_end:
                        break
                    starts.append(n)
                    pieces.append((n, 1, nl, 1))
                    n += 1
                    pos = nl + 1
                    nl = src.find("\n", pos, src_end)
            parts.append(src[src_start:src_end])
            blocks.append(Block(kind, Span(base, n), len(blocks)))
        self._len = n

    def copied_blocks(self, items: "list[tuple[str, int, int]]") -> None:
        """start_block(kind), copy(start, end) and end_block() for each (kind, start, end) in
        order, in one call: the same text, pieces and blocks, without three method calls and
        their look-ups per block (a plain-text article's paragraphs are most of what its reader
        builds)."""
        if self._block_kind is not None:
            self.end_block()
        src = self.source
        starts, pieces, parts, blocks = self._text_starts, self._pieces, self._parts, self.blocks
        n = self._len
        for kind, src_start, src_end in items:
            if n:
                parts.append("\n\n")            # start_block's separator
                n += 2
            base = n
            # copy()
            piece = src[src_start:src_end] if src_end > src_start else ""
            size = len(piece)
            if size:
                starts.append(n)
                pieces.append((n, size, src_start, size))
            if src_end > src_start:
                parts.append(piece)
            n += size
            # end_block(): the block's text is the piece; its span leaves out white space at its edges
            lead = size - len(piece.lstrip(" \t\r\n"))
            trail = size - len(piece.rstrip(" \t\r\n"))
            if base + size - trail > base + lead:
                blocks.append(Block(kind, Span(base + lead, base + size - trail), len(blocks)))
        self._len = n

    # -- blocks -----------------------------------------------------------------------------
    def start_block(self, kind: str) -> None:
        if self._block_kind is not None:
            self.end_block()
        if self._len:
            self.synthetic("\n\n")
        self._block_kind = kind
        self._block_start = self._len
        self._block_part = len(self._parts)

    def end_block(self) -> None:
        if self._block_kind is None:
            return
        parts = self._parts
        # the block's text is everything appended since it started
        text = parts[-1] if len(parts) == self._block_part + 1 else "".join(parts[self._block_part:])
        base = self._block_start
        # trim whitespace edges so a block's span starts and ends on its words
        lead = len(text) - len(text.lstrip(" \t\r\n"))
        trail = len(text) - len(text.rstrip(" \t\r\n"))
        start, end = base + lead, base + len(text) - trail
        if end > start:
            self.blocks.append(Block(self._block_kind, Span(start, end), len(self.blocks)))
        self._block_kind = None

    @property
    def length(self) -> int:
        return self._len

    def build(self, path: str, fmt: str, metadata: Metadata) -> Document:
        self.end_block()
        return Document(
            path=path, format=fmt, source=self.source, text="".join(self._parts),
            blocks=self.blocks, offsets=self.offsets, metadata=metadata,
            non_prose=sorted(self.non_prose, key=lambda s: s.start),
        )
