"""The contract every rule kind follows.

A kind is code; a rule is data. A kind declares its options as a dataclass (the loader rejects
keys it does not declare) and yields Hits for one Context: a document, the text of the view the
rule's scope selects, and the segments of that text it may look at.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Iterable

from ..compiled import re_compile
from ..model import FACTORY, Document, FrozenRecord, Hit, Record, Span, _set


# These four are written out rather than built by @dataclass, which costs a cold process about a
# millisecond a class (see model.FrozenRecord); a test compares each with its @dataclass twin.
class RuleInfo(FrozenRecord):
    __slots__ = _fields = __match_args__ = ("id", "message", "path", "base_dir")
    id: str
    message: str
    path: str
    base_dir: Path            # the style folder, where `data/` files are found

    def __init__(self, id: str, message: str, path: str, base_dir: Path) -> None:
        _set(self, "id", id)
        _set(self, "message", message)
        _set(self, "path", path)
        _set(self, "base_dir", base_dir)


class Vocabulary(Record):
    _fields = _repr = __match_args__ = ("accept", "reject", "accept_patterns")
    accept: frozenset[str]
    reject: frozenset[str]
    accept_patterns: tuple[Any, ...]     # compiled regexes from the config (Vale's vocab)

    def __init__(self, accept: frozenset[str] = frozenset(), reject: frozenset[str] = frozenset(),
                 accept_patterns: tuple[Any, ...] = ()) -> None:
        self.accept = accept
        self.reject = reject
        self.accept_patterns = accept_patterns


class Settings(Record):
    """What a run knows beyond the article, handed to kinds that need it."""
    _fields = _repr = __match_args__ = ("profile", "locale", "vocabulary", "article_date", "names_lists", "archive",
                                        "options")
    profile: str
    locale: str | None                  # en-US / en-GB when pinned
    vocabulary: Vocabulary
    article_date: Any                   # a datetime.date overriding the article's own
    names_lists: tuple[Path, ...]       # extra house names lists from the config
    archive: Any                        # archive-wide name statistics, when --archive is on
    options: dict[str, Any]             # free-form per-kind settings

    def __init__(self, profile: str = "ap", locale: str | None = None, vocabulary: Vocabulary = FACTORY,
                 article_date: Any = None, names_lists: tuple[Path, ...] = (), archive: Any = None,
                 options: dict[str, Any] = FACTORY) -> None:
        self.profile = profile
        self.locale = locale
        self.vocabulary = Vocabulary() if vocabulary is FACTORY else vocabulary
        self.article_date = article_date
        self.names_lists = names_lists
        self.archive = archive
        self.options = {} if options is FACTORY else options


class Context(Record):
    _fields = _repr = __match_args__ = ("doc", "text", "segments", "settings", "raw")
    doc: Document
    text: str                  # the view: doc.text, or doc.source for scope raw
    segments: list[Span]       # the parts of `text` the rule's scope selects
    settings: Settings
    raw: bool

    def __init__(self, doc: Document, text: str, segments: list[Span], settings: Settings, raw: bool = False) -> None:
        self.doc = doc
        self.text = text
        self.segments = segments
        self.settings = settings
        self.raw = raw


_PLACEHOLDER = re_compile(r"%%|%(?:\[(\d+)\])?s")


def format_message(template: str, *args: object) -> str:
    """Vale's printf-style message templates: %s in order, or %[2]s by position."""
    it = iter(args)

    def repl(m: re.Match[str]) -> str:
        if m.group() == "%%":          # printf's escaped percent sign, as in Vale
            return "%"
        if m.group(1):
            i = int(m.group(1)) - 1
            return str(args[i]) if 0 <= i < len(args) else ""
        return str(next(it, ""))

    return _PLACEHOLDER.sub(repl, template)


class OptionError(ValueError):
    """A bad option value; `key` (and `entry`, an item or mapping key under it) locate its line."""

    def __init__(self, key: str, message: str, entry: str | None = None) -> None:
        super().__init__(message)
        self.key = key
        self.entry = entry


class Kind:
    """Base class of rule kinds."""
    name: ClassVar[str]
    default_category: ClassVar[str] = "style"
    default_scope: ClassVar[tuple[str, ...]] = ("text",)
    # Vale options this kind accepts but does not implement: each warns once and is ignored
    ignored_vale_options: ClassVar[frozenset[str]] = frozenset()
    # options setup() found it cannot honour (an action deskcheck cannot compute): the loader warns
    ignored_options: tuple[str, ...] = ()
    # the rule's scope, set by the loader, for kinds that count per scope unit (a sentence, a block)
    scope: tuple[str, ...] = ()

    @dataclass
    class Options:
        pass

    def __init__(self, options: Any, rule: RuleInfo) -> None:
        self.options = options
        self.rule = rule
        self.setup()

    def setup(self) -> None:
        """Validate and precompile options; raise ValueError with a clear reason."""

    def check(self, ctx: Context) -> Iterable[Hit]:
        raise NotImplementedError

    def message(self, *args: object) -> str:
        return format_message(self.rule.message, *args)
