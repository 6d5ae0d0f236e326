"""Words of the prose view, for the spelling checks: what to check and where each word sits.

A word is a run of letters that may hold apostrophes ("don't", "minister's") and hyphens
("well-being"). Runs of text that are not prose are skipped whole: URLs, domains, e-mail
addresses, @handles, #hashtags, anything with a digit ("12-megawatt", "3:45:10", "4.2%", "G7")
and abbreviations with dots ("U.S.", "e.g."). Code never reaches the prose view.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

import re

from ..model import Document, Span
from ..scopes import index_of
from . import cached
from .sentences import sentences

# text that is not prose: a run of non-space text holding one of these marks is tested whole
_MARK = re.compile(r"[@#]|://|www\.|\w\.\w")
_NON_PROSE = re.compile(
    r"""(?ix)
    [("'“‘\[<]*(?:
      [a-z][a-z0-9+.-]*://\S+                    # scheme://...
    | www\.\S+
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+\S*           # e-mail
    | [@#]\w\S*                                 # handle, hashtag
    | (?:[\w-]+\.)+(?-i:[a-z]{2,6})(?:/\S*)?[)"'”’\].,;:!?>]*   # example.com, bbc.co.uk/news
    )$""")
_WORD = re.compile(r"\w+(?:[-'’‐.]\w+)*")
_ALNUM = re.compile(r"[^\W_]")
_NOT_A_WORD = re.compile(r"[\d_.]")            # numbers, codes, dotted abbreviations
_OPENERS = set("\"“‘'(«[—–-:")


class Word(NamedTuple):
    """A word of doc.text (a tuple: an article has thousands and they are made in a tight loop)."""
    start: int
    end: int
    text: str
    initial: bool        # starts a sentence or a quotation, or sits in a headline (capitals only)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@cached
def words(doc: Document) -> list[Word]:
    """Every checkable word of doc.text in order."""
    text = doc.text
    sent_starts = [s.span.start for s in sentences(doc)]
    headline = [b.span for b in doc.blocks if b.kind in ("title", "heading")]
    skip = _non_prose(text)
    k, n_skip = 0, len(skip)
    out: list[Word] = []
    append = out.append
    make = tuple.__new__      # Word(...) without the NamedTuple wrapper: this loop sees every word
    for m in _WORD.finditer(text):
        start, end = m.span()
        if end - start < 2:
            continue
        if n_skip:
            while k < n_skip and skip[k][1] <= start:
                k += 1
            if k < n_skip and skip[k][0] <= start:
                continue
        token = m.group()
        if not token.isalpha() and _NOT_A_WORD.search(token):
            continue
        # only a capital needs to know whether it opens a sentence
        initial = token[0].isupper() and _initial(text, start, sent_starts, headline)
        append(make(Word, (start, end, token, initial)))
    return out


def _non_prose(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, addresses, handles and hashtags, in order."""
    out: list[tuple[int, int]] = []
    for m in _MARK.finditer(text):
        if out and m.start() < out[-1][1]:
            continue
        a = m.start()
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        b = m.end()
        n = len(text)
        while b < n and not text[b].isspace():
            b += 1
        if _NON_PROSE.match(text, a, b):
            out.append((a, b))
    return out


def _initial(text: str, start: int, sent_starts: list[int], headline: list[Span]) -> bool:
    """A capital here says nothing about a name: a sentence or quotation starts, or a headline."""
    if index_of(headline).holds(start):      # a binary search: a long file has hundreds of headings
        return True
    i = bisect_right(sent_starts, start) - 1
    if not _ALNUM.search(text, sent_starts[i] if i >= 0 else 0, start):
        return True
    j = start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j >= 0 and text[j] in _OPENERS


def words_in(doc: Document, spans: list[Span]) -> list[Word]:
    """The words that lie inside any of the spans (a rule's segments)."""
    all_words = words(doc)
    starts = [w.start for w in all_words]
    out: list[Word] = []
    for s in spans:
        i = bisect_right(starts, s.start - 1)
        j = bisect_right(starts, s.end - 1)
        out.extend(w for w in all_words[i:j] if w.end <= s.end)
    return out
