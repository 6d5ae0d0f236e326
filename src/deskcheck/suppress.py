"""Inline suppression directives in articles.

    <!-- deskcheck-disable Rule.Id, Other.Rule -->   ... <!-- deskcheck-enable Rule.Id -->
    <!-- deskcheck-disable -->                        (every rule, until enabled again)
    <!-- deskcheck-disable-next-line Rule.Id -->
    <!-- deskcheck-accept Zagulba Homoatrox -->       (words this article may use)

The same comments work in Markdown, HTML and plain text (on a line of their own). A rule may be
named by id (`Deskcheck.Spelling`), style (`Deskcheck`) or glob (`Newsroom.*`).
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

from .compiled import re_compile
from .model import Document, Finding

_DIRECTIVE = re_compile(
    r"<!--\s*deskcheck-(disable-next-line|disable|enable|accept)\b([^>]*?)-->", re.I)


@dataclass(frozen=True)
class _Range:
    start: int          # source offset
    end: int
    patterns: tuple[str, ...]   # empty: every rule


def _rule_matches(rule: str, patterns: tuple[str, ...]) -> bool:
    if not patterns:
        return True
    style = rule.split(".", 1)[0]
    return any(p == rule or p == style or fnmatch.fnmatchcase(rule, p) for p in patterns)


def _names(arg: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"[\s,]+", arg.strip()) if p)


_KEY = f"{__name__}.directives"


def directives(doc: Document) -> tuple[list[_Range], list[str]]:
    """Suppressed ranges and accepted words declared in the article (read once per document:
    the settings ask for the words, then apply() for the ranges)."""
    found = doc.cache.get(_KEY)
    if found is None:
        # every directive starts with "<!--" (re.I does not change those characters): an article
        # without one has none, and the regex need not run over it
        found = doc.cache[_KEY] = _directives(doc.source) if "<!--" in doc.source else ([], [])
    return found


def _directives(src: str) -> tuple[list[_Range], list[str]]:
    ranges: list[_Range] = []
    accepted: list[str] = []
    open_: dict[tuple[str, ...], int] = {}
    for m in _DIRECTIVE.finditer(src):
        verb = m.group(1).lower()
        args = _names(m.group(2))
        if verb == "accept":
            accepted.extend(args)
        elif verb == "disable":
            open_.setdefault(args, m.end())
        elif verb == "enable":
            for key in list(open_):
                if not args or key == args or set(args) & set(key):
                    ranges.append(_Range(open_.pop(key), m.start(), key))
        else:
            line_end = src.find("\n", m.end())
            if line_end == -1:
                continue
            nxt_start = line_end + 1
            # skip blank lines to the next line with content
            while True:
                nxt_end = src.find("\n", nxt_start)
                nxt_end = len(src) if nxt_end == -1 else nxt_end
                if src[nxt_start:nxt_end].strip() or nxt_end >= len(src):
                    break
                nxt_start = nxt_end + 1
            ranges.append(_Range(nxt_start, nxt_end, args))
    for key, start in open_.items():
        ranges.append(_Range(start, len(src), key))
    return ranges, accepted


def apply(doc: Document, findings: list[Finding]) -> list[Finding]:
    ranges, _ = directives(doc)
    if not ranges:
        return findings
    kept = []
    for f in findings:
        if any(r.start <= f.span.start < r.end and _rule_matches(f.rule, r.patterns) for r in ranges):
            continue
        kept.append(f)
    return kept


def accepted_words(doc: Document) -> list[str]:
    """Per-article vocabulary: front matter `vocab:` plus `deskcheck-accept` comments."""
    words: list[str] = []
    fm = doc.metadata.front_matter.get("vocab")
    if isinstance(fm, str):
        words.extend(fm.split())
    elif isinstance(fm, list):
        words.extend(str(w) for w in fm)
    words.extend(directives(doc)[1])
    return words
