"""Readers: source text -> Document. One module per format, one registration line each."""
from __future__ import annotations

from importlib import import_module
from typing import Callable

from ..errors import ReadError
from ..model import Document


def _lazy(module: str, func: str) -> Callable[[str, str], Document]:
    """A reader imported on first use: a Markdown article never pays for the HTML parser's
    imports, a plain-text one never for markdown-it's (tens of milliseconds of a cold start)."""
    def reader(source: str, path: str) -> Document:
        fn: Callable[[str, str], Document] = getattr(import_module(module, __name__), func)
        return fn(source, path)
    reader.__qualname__ = reader.__name__ = func
    return reader


READERS: dict[str, Callable[[str, str], Document]] = {
    "md": _lazy(".markdown", "parse_markdown"),
    "txt": _lazy(".text", "parse_text"),
    "html": _lazy(".html", "parse_html"),
}
ALIASES = {"markdown": "md", "text": "txt", "plain": "txt", "htm": "html"}


def parse(source: str, fmt: str, path: str) -> Document:
    fmt = ALIASES.get(fmt, fmt)
    reader = READERS.get(fmt)
    if reader is None:
        raise ReadError(f"unknown format {fmt!r} (expected one of: {', '.join(READERS)})", path)
    return reader(source, path)
