"""`compound-modifier`: a two-word modifier before a noun that wants a hyphen.

"cross regional allies" -> "cross-regional allies", "a long term plan" -> "a long-term plan".
The same words after the noun, or standing as a noun themselves ("in the long term"), take no
hyphen, so a match counts only when the next word looks like a noun: a lowercase word that is
not in the rule's list of function words and verbs.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from ..compiled import re_compile, regex_compile
from ..model import Hit, Span
from ..patterns import compile_pattern, finditer
from ..prefilter import with_word_boundary
from .base import Context, Kind

# Characters that break a phrase: no match of the bundled compounds can hold one, and the
# look-ahead for the next word never reads past one. A rule whose compounds could match one of
# them is scanned whole (see _Stretches).
BARRIERS = ',.;:!?()[]{}"“”—–…'


class CompoundModifier(Kind):
    name = "compound-modifier"
    default_category = "style"
    # its scan tries a long case-blind alternation at every word: measured, finding each of the
    # ~120 second words once per article to choose its paragraphs costs less than scanning them all
    prefilter_needles = 160

    @dataclass
    class Options:
        compounds: list[str] = field(default_factory=list)   # regexes for the words, separated by spaces
        stop: list[str] = field(default_factory=list)        # next words that show it is not a modifier
        ignorecase: bool = True

    def setup(self) -> None:
        o = self.options
        if not o.compounds:
            raise ValueError("a compound-modifier rule needs 'compounds'")
        body = "|".join(f"(?:{c})" for c in o.compounds)
        if o.ignorecase:
            body = f"(?i:{body})"
        # the next word: lowercase letters (a noun or adjective), never a capital (a name)
        self.pattern = compile_pattern(with_word_boundary(
            rf"(?<![\w-])(?P<c>{body})(?![\w-])"
            # one space, or a line break inside the paragraph (not a blank line), then the word
            rf"(?=(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?P<n>\p{{Ll}}[\p{{Ll}}'’]*)(?![\w-]))"), False)
        self.stop = frozenset(str(s).lower() for s in o.stop)
        self._stretches = _Stretches.of(body)

    def check(self, ctx: Context) -> Iterable[Hit]:
        for m in self._matches(ctx):
            nxt = m.group("n").lower()
            if nxt in self.stop or nxt.endswith("ly"):
                continue
            words = m.group("c").split()   # any whitespace inside becomes one hyphen
            if len(words) < 2:
                continue
            fix = "-".join(words)
            yield Hit(Span(m.start("c"), m.end("c")), self.message(fix, m.group("c")), (fix,))

    def _matches(self, ctx: Context) -> Iterator[Any]:
        """The pattern's matches in the segments, in order: those of one scan per segment, found
        by scanning only the stretches between barriers that hold a string every match holds."""
        windows = self._stretches.windows(ctx.text, ctx.segments) if self._stretches else None
        if windows is None:
            return self._plain_matches(ctx)
        return self._window_matches(ctx, windows)

    def _plain_matches(self, ctx: Context) -> Iterator[Any]:
        for seg in ctx.segments:
            yield from finditer(self.pattern, ctx.text, seg.start, seg.end, self.rule.id, ctx.doc.path)

    def _window_matches(self, ctx: Context, windows: list[tuple[int, int]]) -> Iterator[Any]:
        for a, b in windows:
            yield from finditer(self.pattern, ctx.text, a, b, self.rule.id, ctx.doc.path)


class _Stretches:
    """Where the matches of a compound-modifier pattern can be, found without the pattern.

    When no match of the compounds' alternation (the `c` group) can hold a barrier character and
    every match holds one of a few strings (read from the alternation's parse tree, as the
    prefilter reads a rule's), a match starts after the last barrier before such a string and
    neither it nor its look-ahead for the next word (white space, then lowercase letters and
    apostrophes, then one character peeked at) reads past the first barrier after the string. A
    scan of [last barrier + 1, next barrier + 1) then finds exactly the matches of that stretch:
    the scan's end cuts nothing it reads, and its look-behinds see the text before its start as
    a scan of the whole segment does. Stretches without such a string hold no match."""

    def __init__(self, plain: tuple[str, ...], folded: tuple[str, ...]) -> None:
        self.forms = [(form, needles) for form, needles in ((0, plain), (1, folded)) if needles]
        self._automata: dict[int, Any] = {}

    @classmethod
    def of(cls, body: str) -> "_Stretches | None":
        from .. import prefilter
        if not _avoids_barriers(body):
            return None
        need = prefilter.requirements(body, 0, behind=False)
        if not need:
            return None
        clause = need[0]
        if any(not s for s, _ in clause):
            return None
        plain = tuple(sorted({s for s, ic in clause if not ic}))
        folded = tuple(sorted({prefilter.fold_needle(s) for s, ic in clause if ic}))
        return cls(plain, folded)

    def starts(self, text: str) -> list[int] | None:
        """Where the strings start in the text (folded for those matched ignoring case), sorted;
        None when they cannot be found at the text's own offsets."""
        from .. import prefilter
        out: list[int] = []
        for form, needles in self.forms:
            hay = prefilter.fold(text) if form else text
            if len(hay) != len(text):
                return None
            auto = self._automata.get(form)
            if auto is None and prefilter._rs is not None and all(map(prefilter._utf8, needles)):
                auto = self._automata[form] = prefilter._rs.AhoCorasick(list(needles))
            if auto is not None:
                try:
                    out.extend(start for _i, start, _end in auto.find_matches_as_indexes(hay, True))
                    continue
                except UnicodeEncodeError:      # a lone surrogate: no UTF-8 for the automaton
                    pass
            for s in needles:
                pos = hay.find(s)
                while pos >= 0:
                    out.append(pos)
                    pos = hay.find(s, pos + 1)
        out.sort()
        return out

    def windows(self, text: str, segments: list[Span]) -> list[tuple[int, int]] | None:
        """The (pos, endpos) scans that find every match of the segments' scans, in order."""
        starts = self.starts(text)
        if starts is None:
            return None
        out: list[tuple[int, int]] = []
        last = _LAST_BARRIER.search
        following = _BARRIER.search
        for seg in segments:
            i = bisect_left(starts, seg.start)
            n = len(starts)
            while i < n and starts[i] < seg.end:
                q = starts[i]
                b = last(text, seg.start, q)
                m = following(text, q, seg.end)
                end = m.start() + 1 if m is not None else seg.end
                out.append((b.end() if b is not None else seg.start, end))
                i = bisect_left(starts, end, i + 1)     # the next string past this stretch
        return out


def _avoids_barriers(body: str) -> bool:
    """Whether no match of the pattern `body` can hold a BARRIERS character: read from its parse
    tree; anything the walk does not know (a look-around, a negated class, `.`, a `regex`-only
    construct) answers no."""
    from .. import prefilter
    if prefilter._UNICODE_CLASS.search(body) or prefilter._MISREAD.search(body):
        return False
    try:
        parsed = prefilter._sre.parse(body)
    except Exception:
        return False
    barriers = frozenset(map(ord, BARRIERS))
    return _items_avoid(list(parsed), barriers)


def _items_avoid(items: Any, barriers: frozenset[int]) -> bool:
    from ..prefilter import _ATOMIC, _REPEATS, _c
    safe_categories = {_c.CATEGORY_DIGIT, _c.CATEGORY_WORD, _c.CATEGORY_SPACE}
    for op, av in items:
        if op is _c.LITERAL:
            # (no barrier has another case, so a case-blind literal matches one only as itself)
            if av in barriers:
                return False
        elif op is _c.IN:
            for iop, iav in av:
                if iop is _c.LITERAL:
                    if iav in barriers:
                        return False
                elif iop is _c.RANGE:
                    if any(iav[0] <= b <= iav[1] for b in barriers):
                        return False
                elif iop is _c.CATEGORY:
                    if iav not in safe_categories:
                        return False
                else:           # a negated class, or something unknown
                    return False
        elif op is _c.AT:
            continue
        elif op is _c.SUBPATTERN:
            if not _items_avoid(av[-1], barriers):
                return False
        elif op is _c.BRANCH:
            if not all(_items_avoid(b, barriers) for b in av[1]):
                return False
        elif op in _REPEATS:
            if not _items_avoid(av[2], barriers):
                return False
        elif _ATOMIC is not None and op is _ATOMIC:
            if not _items_avoid(av, barriers):
                return False
        elif op is _c.CATEGORY:
            if av not in safe_categories:
                return False
        else:
            return False
    return True


_BARRIER_CLASS = "[" + re.escape(BARRIERS) + "]"
_BARRIER = re_compile(_BARRIER_CLASS)
_LAST_BARRIER = regex_compile("(?r)" + _BARRIER_CLASS)     # searched from the end backwards
