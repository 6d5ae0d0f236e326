"""Builds a Document's prose view from pieces of the source, keeping the offset map exact."""
from __future__ import annotations

from ..model import Block, Document, Metadata, OffsetMap, Span


class ViewBuilder:
    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._len = 0
        self.offsets = OffsetMap()
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
        self.offsets.add(self._len, len(piece), src_start, len(piece))
        self._parts.append(piece)
        self._len += len(piece)

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
        text = "".join(self._parts[self._block_part:])
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
