"""Reading articles: bytes -> text, with clear errors for binary and non-UTF-8 input."""
from __future__ import annotations

import sys
from pathlib import Path

from .errors import ReadError

FORMATS_BY_SUFFIX = {
    ".md": "md", ".markdown": "md", ".mdown": "md",
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html",
}


def format_for(path: str) -> str | None:
    return FORMATS_BY_SUFFIX.get(Path(path).suffix.lower())


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (a BOM is dropped; line endings are kept so positions match the file)."""
    if b"\x00" in data[:8192]:
        raise ReadError("binary file (contains NUL bytes), not an article", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReadError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", path, line) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def read_path(path: str) -> str:
    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError("no such file", path) from None
    except IsADirectoryError:
        raise ReadError("is a directory", path) from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}", path) from None
    return decode(data, path)
