"""Words of the prose view, for the spelling checks: what to check and where each word sits.

A word is a run of letters that may hold apostrophes ("don't", "minister's") and hyphens
("well-being"). Runs of text that are not prose are skipped whole: URLs, domains, e-mail
addresses, @handles, #hashtags, anything with a digit ("12-megawatt", "3:45:10", "4.2%", "G7")
and abbreviations with dots ("U.S.", "e.g."). Code never reaches the prose view.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

from ..model import Document, Span
from . import cached
from .sentences import sentences

# a chunk is a run of non-space text: URLs, addresses and numbers are recognised as a whole
_CHUNK = regex.compile(r"\S+")
_URLISH = regex.compile(
    r"""(?ix)
    ^[("'“‘\[<]*(?:
        [a-z][a-z0-9+.-]*://\S*              # scheme://...
      | www\.\S+
      | [\w.+-]+@[\w-]+(?:\.[\w-]+)+\S*      # e-mail
      | [@#][\w]\S*                          # handle, hashtag
      | (?:[\w-]+\.)+(?-i:[a-z]{2,6})(?:/\S*)?[)"'”’\].,;:!?>]*$   # example.com, bbc.co.uk/news
    )""")
_WORD = regex.compile(r"[\p{L}\p{M}\d_]+(?:[-'’‐.][\p{L}\p{M}\d_]+)*")
_OPENERS = set("\"“‘'(«[—–-:")


@dataclass(frozen=True, slots=True)
class Word:
    span: Span
    text: str
    initial: bool        # starts a sentence, a quotation, or sits in a headline


def _skip(token: str) -> bool:
    """Numbers, codes and dotted abbreviations: never dictionary words. (Case is judged per word
    part by the checks, since "BBC's" and "Belarus-based" hold a checkable part or a name.)"""
    if any(c.isdigit() or c == "_" for c in token) or "." in token:
        return True
    return sum(c.isalpha() for c in token) < 2


@cached
def words(doc: Document) -> list[Word]:
    """Every checkable word of doc.text in order."""
    text = doc.text
    sent_starts = [s.span.start for s in sentences(doc)]
    headline = [b.span for b in doc.blocks if b.kind in ("title", "heading")]
    out: list[Word] = []
    for chunk in _CHUNK.finditer(text):
        c = chunk.group()
        if _URLISH.match(c):
            continue
        for m in _WORD.finditer(c):
            token = m.group()
            if _skip(token):
                continue
            start = chunk.start() + m.start()
            out.append(Word(Span(start, start + len(token)), token,
                            _initial(text, start, sent_starts, headline)))
    return out


def _initial(text: str, start: int, sent_starts: list[int], headline: list[Span]) -> bool:
    """A capital here says nothing about a name: a sentence or quotation starts, or a headline."""
    if any(h.start <= start < h.end for h in headline):
        return True
    i = bisect_right(sent_starts, start) - 1
    lead = text[sent_starts[i]:start] if i >= 0 else text[:start]
    if not any(ch.isalnum() for ch in lead):
        return True
    j = start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j >= 0 and text[j] in _OPENERS


def words_in(doc: Document, spans: list[Span]) -> list[Word]:
    """The words that lie inside any of the spans (a rule's segments)."""
    all_words = words(doc)
    starts = [w.span.start for w in all_words]
    out: list[Word] = []
    for s in spans:
        i = bisect_right(starts, s.start - 1)
        while i < len(all_words) and all_words[i].span.end <= s.end:
            if all_words[i].span.start >= s.start:
                out.append(all_words[i])
            i += 1
    return out
