"""Output formats: one module each, one registration line here."""
from __future__ import annotations

from .base import Formatter
from .github import GithubFormatter
from .html import HtmlFormatter
from .json import JsonFormatter
from .junit import JunitFormatter
from .sarif import SarifFormatter
from .text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
    "sarif": SarifFormatter,
    "github": GithubFormatter,
    "junit": JunitFormatter,
    "html": HtmlFormatter,
}
