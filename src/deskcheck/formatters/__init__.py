"""Output formats: one module each, one registration line here."""
from __future__ import annotations

from .base import Formatter
from .json import JsonFormatter
from .text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
}
