"""Core value types shared by every pipeline stage.

Offsets are always character offsets. Rules work on a *view* of the article (its prose text, or
the raw source for `scope: raw`); the engine maps view spans back to source positions, so no
stage ever searches the text again to find where something was.
"""
from __future__ import annotations

import datetime as _dt
from bisect import bisect_right
from enum import IntEnum
from operator import attrgetter
from typing import Any


class Severity(IntEnum):
    SUGGESTION = 0
    WARNING = 1
    ERROR = 2

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except (KeyError, AttributeError):
            raise ValueError(f"unknown level {value!r} (expected suggestion, warning or error)") from None

    def __str__(self) -> str:
        return self.name.lower()


CATEGORIES = (
    "names", "spelling", "attribution", "dates", "style", "usage",
    "punctuation", "grammar", "sourcing", "metadata",
)


class FrozenRecord:
    """What `@dataclass(frozen=True)` gives a class, written out once.

    A cold process built its value classes with @dataclass, which compiles five or six generated
    methods per class: about a millisecond a class, tens of milliseconds of a hook's run. A
    subclass lists its fields in `_fields` and writes its `__init__` (setting each field with
    object.__setattr__, as @dataclass does); this base gives the rest as @dataclass generates it:
    immutability, the repr, equality and hash over the fields in order (`_key`, which a hot class
    writes out), pickling (the pool sends findings between processes) and `__match_args__`. A test
    compares every such class with its @dataclass twin.
    """
    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: object) -> None:
        from dataclasses import FrozenInstanceError
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}({', '.join(f'{f}={getattr(self, f)!r}' for f in self._fields)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), self._key()

    def _key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f) for f in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() == other._key()  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def replace(self, **changes: Any) -> Any:
        """A copy with some fields changed (dataclasses.replace)."""
        return type(self)(**{**{f: getattr(self, f) for f in self._fields}, **changes})


_set = object.__setattr__


def _setters(cls: type) -> tuple[Any, ...]:
    """The `__set__` of each of a class's slots, in `_fields` order. The hot value classes (a run
    makes ~100,000 Spans and a Finding, a Position and a Span per finding) set their fields with
    these rather than with object.__setattr__, which looks the name up in the class on every
    call: a third less per object, and it is the same slot store, so the object is the same."""
    return tuple(cls.__dict__[f].__set__ for f in cls._fields)


class Span(FrozenRecord):
    __slots__ = _fields = __match_args__ = ("start", "end")
    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        _span_start(self, start)
        _span_end(self, end)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.start, self.end) == (other.start, other.end)  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


_span_start, _span_end = _setters(Span)


class Related(FrozenRecord):
    """Another place a finding points at (the majority spelling, the contradicting date)."""
    __slots__ = _fields = __match_args__ = ("span", "message")
    span: Span
    message: str

    def __init__(self, span: Span, message: str) -> None:
        _related_span(self, span)
        _related_message(self, message)

    def _key(self) -> tuple[Any, ...]:
        return (self.span, self.message)


_related_span, _related_message = _setters(Related)


class Hit(FrozenRecord):
    """What a kind reports: a span in the view it was given, and the finished message.

    The engine stamps the rule id, severity and (unless overridden here) category.
    """
    __slots__ = _fields = __match_args__ = ("span", "message", "suggestions", "related", "category")
    span: Span
    message: str
    suggestions: tuple[str, ...]
    related: tuple[Related, ...]
    category: str | None

    def __init__(self, span: Span, message: str, suggestions: tuple[str, ...] = (),
                 related: tuple[Related, ...] = (), category: str | None = None) -> None:
        _hit_span(self, span)
        _hit_message(self, message)
        _hit_suggestions(self, suggestions)
        _hit_related(self, related)
        _hit_category(self, category)

    def _key(self) -> tuple[Any, ...]:
        return (self.span, self.message, self.suggestions, self.related, self.category)


_hit_span, _hit_message, _hit_suggestions, _hit_related, _hit_category = _setters(Hit)


class Position(FrozenRecord):
    __slots__ = _fields = __match_args__ = ("line", "column", "end_line", "end_column")
    line: int
    column: int
    end_line: int
    end_column: int

    def __init__(self, line: int, column: int, end_line: int, end_column: int) -> None:
        _position_line(self, line)
        _position_column(self, column)
        _position_end_line(self, end_line)
        _position_end_column(self, end_column)

    def _key(self) -> tuple[Any, ...]:
        return (self.line, self.column, self.end_line, self.end_column)


_position_line, _position_column, _position_end_line, _position_end_column = _setters(Position)


class RelatedLocation(FrozenRecord):
    __slots__ = _fields = __match_args__ = ("span", "position", "message")
    span: Span          # source offsets
    position: Position
    message: str

    def __init__(self, span: Span, position: Position, message: str) -> None:
        _related_location_span(self, span)
        _related_location_position(self, position)
        _related_location_message(self, message)

    def _key(self) -> tuple[Any, ...]:
        return (self.span, self.position, self.message)


_related_location_span, _related_location_position, _related_location_message = _setters(RelatedLocation)


class Finding(FrozenRecord):
    """A reported problem, in source coordinates."""
    __slots__ = _fields = __match_args__ = ("rule", "category", "severity", "message", "span", "position", "match",
                                            "suggestions", "related")
    rule: str
    category: str
    severity: Severity
    message: str
    span: Span                     # source offsets
    position: Position
    match: str                     # exact source text of the span
    suggestions: tuple[str, ...]
    related: tuple[RelatedLocation, ...]

    def __init__(self, rule: str, category: str, severity: Severity, message: str, span: Span,
                 position: Position, match: str, suggestions: tuple[str, ...] = (),
                 related: tuple[RelatedLocation, ...] = ()) -> None:
        _finding_rule(self, rule)
        _finding_category(self, category)
        _finding_severity(self, severity)
        _finding_message(self, message)
        _finding_span(self, span)
        _finding_position(self, position)
        _finding_match(self, match)
        _finding_suggestions(self, suggestions)
        _finding_related(self, related)

    def _key(self) -> tuple[Any, ...]:
        return (self.rule, self.category, self.severity, self.message, self.span, self.position, self.match,
                self.suggestions, self.related)

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        return FINDING_ORDER(self)  # type: ignore[no-any-return]


# a Finding's report order: where it starts and ends, then rule and message (read in C: report
# sorts every finding by it)
FINDING_ORDER = attrgetter("span.start", "span.end", "rule", "message")

_finding_rule, _finding_category, _finding_severity, _finding_message, _finding_span, _finding_position, _finding_match, _finding_suggestions, _finding_related = _setters(Finding)


class Block(FrozenRecord):
    """One unit of prose: a paragraph, heading, list item, caption... in Document.text."""
    __slots__ = _fields = __match_args__ = ("kind", "span", "index")
    kind: str            # title, heading, paragraph, list, blockquote, caption, metadata, byline, dateline
    span: Span
    index: int           # position among the document's blocks

    def __init__(self, kind: str, span: Span, index: int) -> None:
        _block_kind(self, kind)
        _block_span(self, span)
        _block_index(self, index)

    def _key(self) -> tuple[Any, ...]:
        return (self.kind, self.span, self.index)


_block_kind, _block_span, _block_index = _setters(Block)


class OffsetMap:
    """Maps offsets in a view's text back to offsets in the source.

    The view is built from pieces; each piece is either copied verbatim from the source
    (linear mapping) or stands for a different-length piece of source (an HTML entity), in
    which case any offset inside it maps to the whole source piece.
    """

    __slots__ = ("_text_starts", "_pieces")

    def __init__(self) -> None:
        self._text_starts: list[int] = []
        self._pieces: list[tuple[int, int, int, int]] = []  # text_start, text_len, src_start, src_len

    def add(self, text_start: int, text_len: int, src_start: int, src_len: int) -> None:
        if text_len <= 0:
            return
        self._text_starts.append(text_start)
        self._pieces.append((text_start, text_len, src_start, src_len))

    def _piece(self, offset: int) -> tuple[int, int, int, int] | None:
        i = bisect_right(self._text_starts, offset) - 1
        if i < 0:
            return self._pieces[0] if self._pieces else None
        return self._pieces[i]

    def start(self, offset: int) -> int:
        piece = self._piece(offset)
        if piece is None:
            return 0
        t, tl, s, sl = piece
        if offset >= t + tl:          # in a synthetic gap: snap to the end of this piece
            return s + sl
        if tl == sl:
            return s + (offset - t)
        return s

    def end(self, offset: int) -> int:
        piece = self._piece(max(offset - 1, 0))
        if piece is None:
            return 0
        t, tl, s, sl = piece
        if offset - 1 >= t + tl:
            return s + sl
        if tl == sl:
            return s + (offset - t)
        return s + sl

    def span(self, span: Span) -> Span:
        """Span(start(span.start), end(span.end)), never ending before it starts. The same
        arithmetic as start() and end(), inlined, with one search when both ends fall in one
        piece (most spans): every finding is mapped through here."""
        a, b = span.start, span.end
        starts = self._text_starts
        if not starts:
            return Span(0, 0)
        pieces = self._pieces
        i = bisect_right(starts, a) - 1
        t, tl, s, sl = pieces[i] if i >= 0 else pieces[0]
        if a >= t + tl:
            start = s + sl
        elif tl == sl:
            start = s + (a - t)
        else:
            start = s
        if b <= a:
            return Span(start, start)
        e = b - 1 if b > 0 else 0               # end() looks at the character before b
        j = i + 1                               # e >= a: its piece is not before a's
        if j < len(starts) and starts[j] <= e:
            i = bisect_right(starts, e, j) - 1
            t, tl, s, sl = pieces[i]
        if b - 1 >= t + tl:
            end = s + sl
        elif tl == sl:
            end = s + (b - t)
        else:
            end = s + sl
        return Span(start, end if end > start else start)


class IdentityMap(OffsetMap):
    def start(self, offset: int) -> int:
        return offset

    def end(self, offset: int) -> int:
        return offset

    def span(self, span: Span) -> Span:
        return span


class Record:
    """What a plain `@dataclass` gives a class, written out once (see FrozenRecord for why): a repr of
    the fields in `_repr`, equality over every field in `_fields`, and no hash."""
    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _repr: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}({', '.join(f'{f}={getattr(self, f)!r}' for f in self._repr)})"

    _key = FrozenRecord._key
    __eq__ = FrozenRecord.__eq__
    replace = FrozenRecord.replace
    __hash__ = None  # type: ignore[assignment]


FACTORY: Any = object()    # "not given": the field's default factory supplies the value


class Metadata(Record):
    _fields = _repr = __match_args__ = ("title", "author", "date", "dateline", "date_sources", "front_matter")
    title: str | None
    author: str | None
    date: _dt.date | None
    dateline: str | None                   # the place named in a dateline ("MINSK, Belarus")
    # every place the article states its own date: (where, date); disagreements are a finding
    date_sources: list[tuple[str, _dt.date, Span | None]]
    front_matter: dict[str, Any]

    def __init__(self, title: str | None = None, author: str | None = None, date: _dt.date | None = None,
                 dateline: str | None = None, date_sources: list[tuple[str, _dt.date, Span | None]] = FACTORY,
                 front_matter: dict[str, Any] = FACTORY) -> None:
        self.title = title
        self.author = author
        self.date = date
        self.dateline = dateline
        self.date_sources = [] if date_sources is FACTORY else date_sources
        self.front_matter = {} if front_matter is FACTORY else front_matter


class Document(Record):
    """An article as every rule sees it."""
    _fields = __match_args__ = ("path", "format", "source", "text", "blocks", "offsets", "metadata", "non_prose",
                                "cache", "_line_starts")
    _repr = _fields[:-2]
    path: str
    format: str
    source: str                     # decoded source (BOM removed, line endings kept)
    text: str                       # prose view: blocks joined by blank lines
    blocks: list[Block]
    offsets: OffsetMap
    metadata: Metadata
    # spans of the *source* that are not prose (front matter, code, comments, markup), for raw rules
    non_prose: list[Span]
    # analyses computed once per document, keyed by name (see deskcheck.analysis)
    cache: dict[str, Any]
    _line_starts: list[int] | None

    def __init__(self, path: str, format: str, source: str, text: str, blocks: list[Block], offsets: OffsetMap,
                 metadata: Metadata = FACTORY, non_prose: list[Span] = FACTORY, cache: dict[str, Any] = FACTORY,
                 _line_starts: list[int] | None = None) -> None:
        self.path = path
        self.format = format
        self.source = source
        self.text = text
        self.blocks = blocks
        self.offsets = offsets
        self.metadata = Metadata() if metadata is FACTORY else metadata
        self.non_prose = [] if non_prose is FACTORY else non_prose
        self.cache = {} if cache is FACTORY else cache
        self._line_starts = _line_starts

    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            src = self.source
            i = src.find("\n")
            while i != -1:
                starts.append(i + 1)
                i = src.find("\n", i + 1)
            # a lone CR also ends a line (old Mac files); CRLF was counted at its LF
            if "\r" in src:
                starts = sorted(set(starts) | {j + 1 for j, ch in enumerate(src) if ch == "\r" and src[j + 1:j + 2] != "\n"})
            self._line_starts = starts
        return self._line_starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a source offset."""
        starts = self.line_starts()
        i = bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    def position(self, span: Span) -> Position:
        """line_col() of both ends, inlined, with one search when both are on one line."""
        starts = self._line_starts
        if starts is None:
            starts = self.line_starts()
        a, b = span.start, span.end
        i = bisect_right(starts, a) - 1
        j = i + 1
        if b >= a and (j == len(starts) or starts[j] > b):
            j = i                               # the same line
        else:
            j = bisect_right(starts, b, j if b >= a else 0) - 1
        return Position(i + 1, a - starts[i] + 1, j + 1, b - starts[j] + 1)

    def blocks_of(self, *kinds: str) -> list[Block]:
        return [b for b in self.blocks if b.kind in kinds]

    def block_at(self, offset: int) -> Block | None:
        """The block of the prose view containing an offset."""
        lo, hi = 0, len(self.blocks)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.blocks[mid].span.end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.blocks) and self.blocks[lo].span.start <= offset:
            return self.blocks[lo]
        return None
