"""Readers: source text -> Document. One module per format, one registration line each."""
from __future__ import annotations

from typing import Callable

from ..errors import ReadError
from ..model import Document
from .html import parse_html
from .markdown import parse_markdown
from .text import parse_text

READERS: dict[str, Callable[[str, str], Document]] = {
    "md": parse_markdown,
    "txt": parse_text,
    "html": parse_html,
}
ALIASES = {"markdown": "md", "text": "txt", "plain": "txt", "htm": "html"}


def parse(source: str, fmt: str, path: str) -> Document:
    fmt = ALIASES.get(fmt, fmt)
    reader = READERS.get(fmt)
    if reader is None:
        raise ReadError(f"unknown format {fmt!r} (expected one of: {', '.join(READERS)})", path)
    return reader(source, path)
