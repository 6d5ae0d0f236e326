"""`acronym-first-use`: an abbreviation used before (or without) being spelled out.

News style spells out an organisation on first reference and uses the short form after, unless
readers know the short form better (the well-known list in the style's data folder). An acronym
counts as defined when it appears in brackets after the full name ("... Treaty Organization
(CSTO)"), when the full name follows it in brackets, or when a run of capitalised words earlier
in the article has its initials ("the Collective Security Treaty Organization ... the CSTO").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import regex

from ..analysis.sentences import sentence_at
from ..compiled import regex_compile
from ..model import Hit, Related, Span
from .base import Context, Kind

_TOKEN = regex_compile(r"(?<![\w\-.&/])(\p{Lu}{2,6})(s?)(?![\w\-&/]|\.\w)")
_ROMAN = regex_compile(r"[IVXLCDM]+")
_WORD = regex_compile(r"[\p{L}][\p{L}'’-]*")
_SMALL = frozenset({"of", "the", "and", "for", "on", "in", "to", "de", "du", "des", "la", "le", "&"})
_SKIP_BLOCKS = frozenset({"title", "heading", "byline", "dateline", "metadata", "table"})


def _initials_before(text: str, limit: int) -> set[str]:
    """Initials of every run of capitalised words before `limit` (function words may sit inside)."""
    found: set[str] = set()
    run: list[str] = []
    for m in _WORD.finditer(text, 0, limit):
        w = m.group()
        if w[0].isupper() and not w.isupper():
            run.append(w[0].upper())
            # also the initials of each hyphenated part ("Trans-Pacific" -> TP)
            for part in w.split("-")[1:]:
                if part[:1].isupper():
                    run.append(part[0])
        elif w.lower() in _SMALL and run:
            continue
        else:
            run = []
            continue
        joined = "".join(run)
        for i in range(len(joined)):
            found.add(joined[i:])
    return found


class AcronymFirstUse(Kind):
    name = "acronym-first-use"
    default_category = "style"
    default_scope = ("text", "~quote")

    @dataclass
    class Options:
        known: str = "acronyms.txt"       # well-known abbreviations, one per line, in data/

    def setup(self) -> None:
        path = self.rule.base_dir / "data" / self.options.known
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ValueError(f"cannot read well-known acronyms {path}: {exc}") from None
        self.known = frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))

    def _defined(self, text: str, acr: str, limit: int) -> int | None:
        """Where the acronym is defined, or None: matching initials before `limit`, or a bracketed use."""
        if acr in _initials_before(text, limit):
            return 0
        for m in regex.finditer(rf"\(\s*{acr}s?\s*[),;]|{acr}s?\s+\(\s*\p{{Lu}}", text):
            return m.start()
        return None

    def check(self, ctx: Context) -> Iterable[Hit]:
        if ctx.raw:
            return
        doc, text = ctx.doc, ctx.text
        first_seen: dict[str, Span] = {}
        for block in doc.blocks:
            if block.kind in _SKIP_BLOCKS:
                continue
            for m in _TOKEN.finditer(text, block.span.start, block.span.end):
                acr = m.group(1)
                if acr in first_seen or acr in self.known or _ROMAN.fullmatch(acr):
                    continue
                # part of a name ("FA Cup", "BRICS Summit"): the name is what readers see
                if regex.match(r"\s+\p{Lu}\p{Ll}", text[m.end():m.end() + 3]):
                    continue
                # a run of capitals ("BREAKING NEWS", a shouted dateline) is not an acronym
                before = text[max(block.span.start, m.start() - 12):m.start()].split()
                after = text[m.end():min(block.span.end, m.end() + 12)].split()
                if (before and before[-1].strip(",.:;").isupper() and len(before[-1].strip(",.:;")) > 1) or \
                        (after and after[0].strip(",.:;").isupper() and len(after[0].strip(",.:;")) > 1):
                    continue
                first_seen[acr] = Span(m.start(1), m.end(1))
        for acr, span in first_seen.items():
            if not any(seg.contains(span) for seg in ctx.segments):
                continue
            # a full name in the same sentence ("the OECD, the Organisation for ...") also defines it
            sent = sentence_at(doc, span.start)
            where = self._defined(text, acr, sent.span.end if sent else span.end)
            if where is not None and where <= span.start:
                continue
            related = (Related(Span(where, where + len(acr)), "spelled out only here"),) if where else ()
            yield Hit(span, self.message(acr), related=related)
