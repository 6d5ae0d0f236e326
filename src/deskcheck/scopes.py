"""Scopes: which parts of an article a rule looks at.

`text` is all the prose (headline, headings, paragraphs, lists, quotes, captions, description);
`raw` is the source file as written (for whitespace rules); the rest select block kinds,
sentences, or the words inside quotation marks. `~name` removes a scope, so `~quote` leaves a
speaker's words alone.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter

from .analysis.quotes import quote_spans
from .analysis.sentences import sentences
from .model import Document, Span

BLOCK_SCOPES = {
    "title": {"title"},
    "heading": {"heading", "title"},   # as in Vale, the headline (an h1) is a heading too
    "paragraph": {"paragraph"},
    "list": {"list"},
    "blockquote": {"blockquote"},
    "caption": {"caption"},
    "figure": {"caption"},       # Vale's figure.caption
    "metadata": {"metadata"},
    "summary": {"metadata"},
    "table": {"table"},
    "byline": {"byline"},
    "dateline": {"dateline"},
}
TEXT_BLOCKS = {"title", "heading", "paragraph", "list", "blockquote", "caption", "metadata", "table"}
SPECIAL = {"text", "raw", "sentence", "quote"}
# Vale scopes that select markup deskcheck does not treat as prose: they select nothing
VALE_EMPTY = {"code", "comment", "alt", "script", "attr"}


def _base(name: str) -> str:
    return name.split(".", 1)[0]


def validate_scope(scope: tuple[str, ...]) -> None:
    for s in scope:
        name = _base(s.lstrip("~"))
        if name not in BLOCK_SCOPES and name not in SPECIAL and name not in VALE_EMPTY:
            raise ValueError(f"unknown scope '{s}' (valid: {', '.join(sorted(set(BLOCK_SCOPES) | SPECIAL))})")


@lru_cache(maxsize=256)
def is_raw(scope: tuple[str, ...]) -> bool:
    """(Asked for every rule on every article: answered once per scope.)"""
    return any(_base(s) == "raw" for s in scope)


# (start, end) of a span, read in C: the sort key of every merge and index (a lambda cost a
# Python call per span, ~40 a scope an article)
_START_END = attrgetter("start", "end")


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=_START_END):
        if out and s.start <= out[-1].end:
            if s.end > out[-1].end:
                out[-1] = Span(out[-1].start, s.end)
        else:
            out.append(s)
    return out


def _subtract(spans: list[Span], holes: list[Span], merged: bool = False) -> list[Span]:
    """The parts of `spans` outside every hole (`merged`: the holes are _merge's output already)."""
    out = []
    if not merged:
        holes = _merge(holes)
    j = 0
    n = len(holes)
    for s in spans:
        pos = s.start
        while j < n and holes[j].end <= pos:
            j += 1
        if j == n or holes[j].start >= s.end:
            if pos < s.end:
                out.append(s)       # no hole touches this span: keep it as it is
            continue
        k = j
        while k < n and holes[k].start < s.end:
            if holes[k].start > pos:
                out.append(Span(pos, holes[k].start))
            pos = max(pos, holes[k].end)
            k += 1
        if pos < s.end:
            out.append(Span(pos, s.end))
    return out


def _select(doc: Document, name: str) -> list[Span]:
    name = _base(name)
    if name == "text":
        return [b.span for b in doc.blocks if b.kind in TEXT_BLOCKS]
    if name == "sentence":
        return [s.span for s in sentences(doc)]
    if name == "quote":
        return list(quote_spans(doc))
    if name in BLOCK_SCOPES:
        kinds = BLOCK_SCOPES[name]
        return [b.span for b in doc.blocks if b.kind in kinds]
    return []


def _holes(doc: Document, name: str, memo: "dict[str, list[Span]] | None") -> list[Span]:
    """The merged spans of a scope removed with `~name`: many scopes remove the same one."""
    if memo is None:
        return _merge(_select(doc, name))
    got = memo.get(name)
    if got is None:
        got = memo[name] = _merge(_select(doc, name))
    return got


def segments(doc: Document, scope: tuple[str, ...],
             memo: "dict[str, list[Span]] | None" = None) -> list[Span]:
    """Spans of doc.text (or of the source, for raw) that a rule with this scope checks.
    `memo`: a dict the caller keeps for one document, so the holes of `~name` are selected and
    merged once for all its scopes."""
    if is_raw(scope):
        # the source as written, less what is not prose (front matter, code, tags, comments)
        return _subtract([Span(0, len(doc.source))], doc.non_prose)
    positive = [s for s in scope if not s.startswith("~")]
    negative = [s[1:] for s in scope if s.startswith("~")]
    spans: list[Span] = []
    if not positive:
        positive = ["text"]
    if positive == ["sentence"] or (len(positive) == 1 and not negative):
        spans = _select(doc, positive[0])
        if _base(positive[0]) == "sentence":
            return spans  # keep sentences apart: rules count per sentence
    else:
        # the merged positive part, shared by the scopes that only remove different things from
        # it (text less quotes, text less headings, ...): selected and sorted once per document
        key = "+" + "\0".join(positive)
        merged = memo.get(key) if memo is not None else None
        if merged is None:
            for p in positive:
                spans.extend(_select(doc, p))
            merged = _merge(spans)
            if memo is not None:
                memo[key] = merged
        spans = merged
        if not negative:
            return list(spans)      # (the shared list stays the memo's own)
    for n in negative:
        spans = _subtract(spans, _holes(doc, n, memo), merged=True)
    return spans


class SegmentIndex:
    """Questions about a rule's segments answered by binary search.

    A kind that asks "is this span inside one of my segments?" once per word, quotation or
    sentence with `any(...)` over all segments does work proportional to the article's length
    squared: seconds on a long file. Build one index per check and ask it instead. Segments may
    overlap and come in any order.
    """

    def __init__(self, segments: list[Span]) -> None:
        # (key and running maximum in C: an index is built per rule per article)
        self.spans = sorted(segments, key=_START_END)
        self.starts = [s.start for s in self.spans]
        # the furthest end among the first i+1 segments
        self.reach: list[int] = list(accumulate([s.end for s in self.spans], max))

    def holds(self, offset: int) -> bool:
        """Some segment contains this offset."""
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.reach[i]

    def contains(self, span: Span) -> bool:
        """One segment contains the whole span."""
        i = bisect_right(self.starts, span.start) - 1
        while i >= 0 and self.reach[i] >= span.start:
            if self.spans[i].end >= span.end:
                return True
            i -= 1
        return False

    def overlapping(self, start: int, end: int) -> list[Span]:
        """The segments that overlap [start, end), in order."""
        i = bisect_right(self.starts, start) - 1
        while i > 0 and self.reach[i - 1] > start:
            i -= 1
        out = []
        for s in self.spans[max(i, 0):]:
            if s.start >= end:
                break
            if s.end > start:
                out.append(s)
        return out


_recent: list[tuple[list[Span], SegmentIndex]] = []


def index_of(segments: list[Span]) -> SegmentIndex:
    """The index of a segment list, built once: a kind may ask about the same list (the rule's
    ctx.segments) for every word it checks. The last few lists are remembered by identity."""
    for seen, index in _recent:
        if seen is segments and len(index.spans) == len(segments):   # (a list grown since: rebuild)
            return index
    index = SegmentIndex(segments)
    _recent.insert(0, (segments, index))
    del _recent[4:]
    return index
