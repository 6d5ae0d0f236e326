"""`languagetool`: grammar and style from a LanguageTool server.

deskcheck never downloads or starts LanguageTool. It talks to a server the user runs or names:
`languagetool: {url: http://localhost:8081}` in the config (or the DESKCHECK_LANGUAGETOOL_URL
environment variable, read by the CLI) — a local install started with LanguageTool's own
`languagetool-server.jar`, or a remote one. With none configured the rule reports nothing and
says so once on stderr. language-tool-python is imported only when such a rule runs.

LanguageTool counts offsets in UTF-16 code units (Java strings); Python counts code points, so
offsets are converted exactly, start and end, for text with emoji or other astral characters.
"""
from __future__ import annotations

import sys
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..model import Hit, Span
from .base import Context, Kind

ENABLE_HINT = ("set 'languagetool: {url: http://localhost:8081}' in .deskcheck.yaml or the "
               "DESKCHECK_LANGUAGETOOL_URL environment variable to a LanguageTool server")

# LanguageTool category ids -> deskcheck categories (others keep the rule's category)
CATEGORY_MAP = {
    "TYPOS": "spelling", "CASING": "spelling", "GRAMMAR": "grammar", "PUNCTUATION": "punctuation",
    "TYPOGRAPHY": "punctuation", "STYLE": "style", "REDUNDANCY": "style", "PLAIN_ENGLISH": "style",
    "COLLOCATIONS": "usage", "CONFUSED_WORDS": "usage", "SEMANTICS": "usage", "COMPOUNDING": "spelling",
}

_warned = False
_clients: dict[tuple[str, str], Any] = {}


def _warn_once(message: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        print(f"deskcheck: warning: {message}", file=sys.stderr)


class Utf16Offsets:
    """Convert between UTF-16 code-unit offsets (LanguageTool) and code-point offsets (Python)."""

    def __init__(self, text: str) -> None:
        # code-point indices of astral characters, which take two UTF-16 units
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self.length = len(text)

    def to_utf16(self, index: int) -> int:
        return index + bisect_left(self.astral, index)

    def from_utf16(self, unit: int) -> int:
        # the code point whose UTF-16 start is `unit` (or the one it falls inside)
        lo, hi = 0, self.length
        while lo < hi:
            mid = (lo + hi) // 2
            if self.to_utf16(mid) < unit:
                lo = mid + 1
            else:
                hi = mid
        return lo


def server_url(settings_options: dict[str, Any]) -> str | None:
    cfg = settings_options.get("languagetool")
    if isinstance(cfg, dict) and cfg.get("url"):
        return str(cfg["url"])
    if isinstance(cfg, str) and cfg:
        return cfg
    return None


def _client(url: str, language: str) -> Any:
    key = (url, language)
    if key not in _clients:
        import language_tool_python   # lazy: only when a LanguageTool rule runs
        _clients[key] = language_tool_python.LanguageTool(language, remote_server=url)
    return _clients[key]


class LanguageToolKind(Kind):
    name = "languagetool"
    default_category = "grammar"
    default_scope = ("text", "~quote")

    @dataclass
    class Options:
        language: str = ""                       # empty: the config's locale, else en-US
        disabled_rules: list[str] = field(default_factory=list)
        enabled_rules: list[str] = field(default_factory=list)
        disabled_categories: list[str] = field(default_factory=list)
        enabled_categories: list[str] = field(default_factory=list)
        enabled_only: bool = False
        picky: bool = False

    def check(self, ctx: Context) -> Iterable[Hit]:
        url = server_url(ctx.settings.options)
        if url is None:
            _warn_once(f"LanguageTool rules skipped ({self.rule.id}): no LanguageTool server configured; {ENABLE_HINT}")
            return
        o = self.options
        language = o.language or ctx.settings.locale or "en-US"
        tool = _client(url, language)
        tool.disabled_rules = set(o.disabled_rules)
        tool.enabled_rules = set(o.enabled_rules)
        tool.disabled_categories = set(o.disabled_categories)
        tool.enabled_categories = set(o.enabled_categories)
        tool.enabled_rules_only = o.enabled_only
        tool.picky = o.picky
        text = ctx.text
        conv = Utf16Offsets(text)
        accept = ctx.settings.vocabulary.accept
        for match in tool.check(text):
            # language-tool-python already moved the start to code points; the end is ours to convert
            start = match.offset
            end = conv.from_utf16(conv.to_utf16(start) + int(match.error_length))
            if end <= start or not any(seg.start <= start < seg.end for seg in ctx.segments):
                continue
            if text[start:end] in accept:
                continue
            category = CATEGORY_MAP.get(str(match.category))
            message = self.message(str(match.message).strip(), match.rule_id)
            yield Hit(Span(start, min(end, len(text))), message, tuple(match.replacements[:5]), category=category)
