"""Output formats: one module each, one registration line here."""
from __future__ import annotations

from importlib import import_module
from typing import Any, Iterator, Mapping

from .base import Formatter

# format name -> (module, class). A run writes one format: importing the others (HTML, JUnit's
# xml.etree, ...) cost ~20 ms of every cold start, so a formatter's module loads when first asked for
_WHERE: dict[str, tuple[str, str]] = {
    "text": ("text", "TextFormatter"),
    "json": ("json", "JsonFormatter"),
    "sarif": ("sarif", "SarifFormatter"),
    "github": ("github", "GithubFormatter"),
    "junit": ("junit", "JunitFormatter"),
    "html": ("html", "HtmlFormatter"),
}


class _Formatters(Mapping[str, "type[Formatter]"]):
    """FORMATTERS as a read-only mapping whose classes import on first lookup."""

    def __getitem__(self, name: str) -> "type[Formatter]":
        module, cls = _WHERE[name]
        found: type[Formatter] = getattr(import_module(f".{module}", __name__), cls)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


FORMATTERS: Mapping[str, "type[Formatter]"] = _Formatters()


def __getattr__(name: str) -> Any:
    """`from deskcheck.formatters import HtmlFormatter` keeps working."""
    for key, (_, cls) in _WHERE.items():
        if cls == name:
            return FORMATTERS[key]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORMATTERS", "Formatter"]
