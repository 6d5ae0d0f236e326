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

from ..compiled import regex_compile
from ..model import Hit, Span
from ..patterns import TIMEOUT_SECONDS, compile_pattern, finditer, timeout_error
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
        by scanning only around the places of a string every match holds (see _Stretches)."""
        places = self._stretches.places(ctx.doc, ctx.text) if self._stretches else None
        if places is None:
            return self._plain_matches(ctx)
        return self._stretches.matches(self.pattern, ctx.text, ctx.segments, places, self.rule.id,
                                       ctx.doc.path)

    def _plain_matches(self, ctx: Context) -> Iterator[Any]:
        for seg in ctx.segments:
            yield from finditer(self.pattern, ctx.text, seg.start, seg.end, self.rule.id, ctx.doc.path)


class _Stretches:
    r"""Where a match of a compound-modifier pattern can start, found without the pattern, so that
    it is tried only there.

    Read from the compounds' alternation (the `c` group, which every match starts with) by its
    parse tree, as the prefilter reads a rule's pattern: every match of it holds one of a few
    strings ("long term", " year", "high "); none holds a BARRIERS character; and, when `spaces`
    is known, none holds more than `spaces` white-space characters. So a match holding a string
    found at q starts after the last barrier before q and after as many white-space characters
    before q as the string leaves it, no later than q, and where the pattern's `(?<![\w-])`
    holds. Trying the pattern at those places in order, each from where the last match ended,
    finds what one scan of the segment finds: a scan tries every place in order and matches
    nowhere else, and a match tried at a place reads the text (before it too) as the scan does."""

    def __init__(self, plain: tuple[str, ...], folded: tuple[str, ...], spaces: int | None) -> None:
        self.forms = [(form, needles) for form, needles in ((0, plain), (1, folded)) if needles]
        self.spaces = spaces
        # how many white-space characters may stand between a match's start and each string
        self._before = {s: (spaces - sum(ch in SPACES for ch in s)) if spaces is not None else None
                        for _, needles in self.forms for s in needles}
        self._automata: dict[int, Any] = {}
        from .. import prefilter
        # into the engine's automaton too, whose pass over each article then finds them
        prefilter._ac_register(plain, folded)
        self._covered = {form: frozenset(filter(prefilter._ac_covers, needles)) for form, needles in self.forms}
        self._uncovered = {form: tuple(s for s in needles if s not in self._covered[form])
                           for form, needles in self.forms}

    @classmethod
    def of(cls, body: str) -> "_Stretches | None":
        from .. import prefilter
        items = _parsed(body)
        if items is None or not _items_avoid(items, frozenset(map(ord, BARRIERS))):
            return None
        need = prefilter.requirements(body, 0, behind=False)
        if not need:
            return None
        clause = need[0]
        if any(not s for s, _ in clause):
            return None
        plain = tuple(sorted({s for s, ic in clause if not ic}))
        folded = tuple(sorted({prefilter.fold_needle(s) for s, ic in clause if ic}))
        return cls(plain, folded, _max_spaces(items))

    def places(self, doc: Any, text: str) -> list[tuple[int, str]] | None:
        """(where, string) for every place of a string in the text (in its folded copy for those
        matched ignoring case), in order; None when they cannot be found at the text's offsets.
        The engine's view of the text has usually found them already, with its rule's filter."""
        from .. import prefilter
        view = prefilter.view_of(doc, text)
        out: list[tuple[int, str]] = []
        for form, needles in self.forms:
            if view is not None:
                hay = view.folded if form else text
            else:
                hay = prefilter.fold(text) if form else text
            if len(hay) != len(text):
                return None
            if view is not None and prefilter._rs is not None:
                try:
                    occ = view.occurrences(form)
                except UnicodeEncodeError:
                    occ = None
                if occ is not None:
                    for s in self._covered[form] & occ.keys():
                        out.extend((q, s) for q in occ[s])
                    for s in self._uncovered[form]:
                        _find(hay, s, out)
                    continue
            auto = self._automata.get(form)
            if auto is None and prefilter._rs is not None and all(map(prefilter._utf8, needles)):
                auto = self._automata[form] = prefilter._rs.AhoCorasick(list(needles))
            if auto is not None:
                try:
                    out.extend((start, needles[i]) for i, start, _end in auto.find_matches_as_indexes(hay, True))
                    continue
                except UnicodeEncodeError:      # a lone surrogate: no UTF-8 for the automaton
                    pass
            for s in needles:
                _find(hay, s, out)
        out.sort()
        return out

    def matches(self, pattern: Any, text: str, segments: list[Span], places: list[tuple[int, str]],
                rule: str, path: str) -> Iterator[Any]:
        back = _BACK.search
        back_barrier = _BACK_BARRIER.search
        breaks = _NOT_WORD.finditer
        match = pattern.match
        starts = [q for q, _ in places]
        n = len(starts)
        for seg in segments:
            # every place a match of this segment's scan can start, from the strings' places
            tried: set[int] = set()
            i = bisect_left(starts, seg.start)
            while i < n and starts[i] < seg.end:
                q, s = places[i]
                i += 1
                # after the last barrier, or after one white-space character more than a match
                # may hold before the string
                lo = seg.start
                allowed = self._before[s]
                if allowed is None:
                    m = back_barrier(text, seg.start, q)
                    if m is not None:
                        lo = m.end()
                else:
                    at = q
                    while True:
                        m = back(text, seg.start, at)
                        if m is None:
                            break
                        if allowed <= 0 or m.group() in BARRIERS:
                            lo = m.end()
                            break
                        allowed -= 1
                        at = m.start()
                # and where the pattern's `(?<![\w-])` can hold: at `lo` (or after it, where a
                # character that is neither a word character nor a hyphen stands before)
                tried.add(lo)
                tried.update(m.end() for m in breaks(text, lo, q))
            pos = seg.start         # where the segment's scan goes on from
            for at in sorted(tried):
                if at < pos:
                    continue
                try:
                    found = match(text, at, seg.end, None, False, TIMEOUT_SECONDS)  # (by position: deskcheck.patterns)
                except TimeoutError:
                    raise timeout_error(pattern, rule, path) from None
                if found is not None:
                    yield found
                    pos = found.end()


def _find(hay: str, s: str, out: list[tuple[int, str]]) -> None:
    """Every place of s in hay, overlapping ones too."""
    pos = hay.find(s)
    while pos >= 0:
        out.append((pos, s))
        pos = hay.find(s, pos + 1)


def _parsed(body: str) -> Any:
    """The parse tree of the alternation, or None for syntax the standard parser would misread."""
    from .. import prefilter
    if prefilter._UNICODE_CLASS.search(body) or prefilter._MISREAD.search(body):
        return None
    try:
        return list(prefilter._sre.parse(body))
    except Exception:
        return None


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


def _max_spaces(items: Any) -> int | None:
    """The most SPACES characters a match of the parsed pattern can hold; None when unbounded
    or not known."""
    from ..prefilter import _ATOMIC, _REPEATS, _c
    total = 0
    for op, av in items:
        if op is _c.LITERAL:
            total += chr(av) in SPACES
        elif op is _c.IN:
            one = 0
            for iop, iav in av:
                if iop is _c.LITERAL:
                    one |= chr(iav) in SPACES
                elif iop is _c.RANGE:
                    one |= any(iav[0] <= ord(ch) <= iav[1] for ch in SPACES)
                elif iop is _c.CATEGORY and iav in (_c.CATEGORY_DIGIT, _c.CATEGORY_WORD):
                    pass        # no word character or digit is white space
                elif iop is _c.CATEGORY and iav is _c.CATEGORY_SPACE:
                    one = 1
                else:
                    return None
            total += one
        elif op is _c.AT:
            continue
        elif op is _c.CATEGORY:
            if av is _c.CATEGORY_SPACE:
                total += 1
            elif av not in (_c.CATEGORY_DIGIT, _c.CATEGORY_WORD):
                return None
        elif op is _c.SUBPATTERN or (_ATOMIC is not None and op is _ATOMIC):
            k = _max_spaces(av[-1] if op is _c.SUBPATTERN else av)
            if k is None:
                return None
            total += k
        elif op is _c.BRANCH:
            ks = [_max_spaces(b) for b in av[1]]
            if any(k is None for k in ks):
                return None
            total += max(ks, default=0)  # type: ignore[type-var]
        elif op in _REPEATS:
            k = _max_spaces(av[2])
            if k is None:
                return None
            if k:
                if av[1] == _c.MAXREPEAT:
                    return None
                total += k * av[1]
        else:
            return None
    return total


# every character either engine calls white space (`regex`'s \s and str.isspace(), which adds the
# information separators U+001C-U+001F)
SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
          "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_NO_RUN = re.escape(SPACES + BARRIERS)     # what ends a run of a match's other characters
# searched from the end backwards: the last barrier or white-space character before a place
_BACK = regex_compile(f"(?r)[{_NO_RUN}]")
_BACK_BARRIER = regex_compile("(?r)[" + re.escape(BARRIERS) + "]")
# the look-ahead's white space and word from where a match may end (a superset of its letters)
# a character after which the pattern's `(?<![\w-])` holds (the `regex` engine's \w, as the pattern's)
_NOT_WORD = regex_compile(r"[^\w-]")
