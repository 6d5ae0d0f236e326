"""The registry of rule kinds: one class per file, one line here each.

A kind's module is imported when a rule first asks for the kind, not when the registry is: a
default run never pays for the kinds only opt-in styles use (proselint, LanguageTool, Vale's
occurrence or capitalization ...).
"""
from __future__ import annotations

import importlib
from typing import Iterator, Mapping

from .base import Kind

_WHERE: dict[str, str] = {      # kind name -> "module:Class" under deskcheck.kinds
    "attribution": "attribution:Attribution",
    "dates": "dates:Dates",
    "existence": "existence:Existence",
    "names": "names:Names",
    "substitution": "substitution:Substitution",
    "spelling": "spelling:Spelling",
    "variety": "variety:Variety",
    "demonym": "demonym:Demonym",
    "compound-modifier": "compound:CompoundModifier",
    "repeated-passage": "repeated_passage:RepeatedPassage",
    "acronym-first-use": "acronyms:AcronymFirstUse",
    "unattributed": "unattributed:Unattributed",
    "percent-style": "percent_style:PercentStyle",
    "proselint": "proselint:Proselint",
    "languagetool": "languagetool:LanguageToolKind",
    "occurrence": "occurrence:Occurrence",
    "repetition": "repetition:Repetition",
    "conditional": "conditional:Conditional",
    "capitalization": "capitalization:Capitalization",
    "consistency": "consistency:Consistency",
}


class _Registry(Mapping[str, "type[Kind]"]):
    """KINDS: kind name -> class, importing each kind's module on first lookup."""

    def __init__(self, where: dict[str, str]) -> None:
        self._where = where
        self._loaded: dict[str, type[Kind]] = {}

    def __getitem__(self, name: str) -> type[Kind]:
        cls = self._loaded.get(name)
        if cls is None:
            module, _, attr = self._where[name].partition(":")
            cls = self._loaded[name] = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
        return cls

    def __contains__(self, name: object) -> bool:
        return name in self._where

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


KINDS: Mapping[str, type[Kind]] = _Registry(_WHERE)

# Vale kinds deskcheck does not run: a rule of one of these loads with a warning and is skipped
UNSUPPORTED_VALE_KINDS = frozenset({"sequence", "metric", "script", "readability", "spelling-hunspell"})
