"""Skipping a regex rule on an article its pattern cannot match, without running the pattern.

Most style rules look for words an article does not contain, yet a regex scan costs the same
whether it finds something or not (a pattern that starts with a look-behind is tried at every
character). Every match of `(?<![\\w-])(?:utilize|in order to)(?![\\w-])` contains "utilize" or
"in order to"; if neither occurs in the article (a substring test in C, microseconds), the rule
has nothing to report and its scan is skipped. The answer is exact: a rule is skipped only when
a match is impossible, so findings never change, only the time.

What a pattern requires is read from its parse tree (Python's own regex parser; the `regex`
engine's pattern language is a superset of it) as a few clauses, all of which must hold: "the
text contains one of these strings". Strings are joined across neighbouring parts of the pattern
where each part's text is known, so `[ \\t]+(?=[,;])` requires one of " ,", " ;", "\\t,", "\\t;"
rather than a bare space, and a look-around contributes the text it asserts. A pattern this
cannot read, or one that uses `regex`-only syntax the standard parser would misread, gets no
filter and always runs.

Case: a string the pattern matches case-sensitively is looked for as it is; one under
IGNORECASE is looked for in a case-folded copy of the text. The fold puts every character in the
class of characters the `regex` engine treats as one letter under IGNORECASE (its own case
tables, closed over: 'I', 'i', 'ı' and 'İ' are one class), so a case-insensitive match is never
lost to a folding the engine does not share.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .probes import Probe

try:                                # Python 3.11+
    from re import _constants as _c, _parser as _sre  # type: ignore[attr-defined]
except ImportError:                 # Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]

# `regex`-only syntax that the standard parser would take for literals or classes
_MISREAD = re.compile(r"\[:|\{[^}]*[A-Za-z<]")
# \p{L}, \P{Lu}, \pL: one character of a class the standard parser rejects; \w has the same
# shape (one character, no certain string) and, inside a class, makes the class unknown too
_UNICODE_CLASS = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^}]*\}|[A-Za-z])")

_ZERO_WIDTH = {_c.AT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_IGNORECASE = 2            # re.IGNORECASE and regex.IGNORECASE alike
CAP = 64                   # the most strings one set may hold before it stops being worth testing
UNION_CAP = 256            # the words of a long alternation: still cheaper to test than a scan
MAX_CLAUSES = 3
SEGMENT_NEEDLES = 32       # strings looked for to choose the segments worth scanning
DOC_NEEDLES = 32           # strings looked for to decide whether an article is worth scanning
PROBE_NEEDLE = 3           # a clause of strings this long is rare enough: no probe (deskcheck.probes) then

Needle = "tuple[str, bool]"            # (the string as in the pattern, matched ignoring case)
Clause = "frozenset[tuple[str, bool]]"  # the text contains at least one of these


class _Unknown(Exception):
    """A construct the analysis does not know: the pattern gets no filter."""


def _cross(a: "frozenset[tuple[str, bool]] | None", b: "frozenset[tuple[str, bool]] | None",
           ) -> "frozenset[tuple[str, bool]] | None":
    """Every string of `a` followed by every string of `b` (None when unknown or too many)."""
    if a is None or b is None or len(a) * len(b) > CAP:
        return None
    return frozenset((x + y, ix or iy) for x, ix in a for y, iy in b)


def _union(sets: "list[frozenset[tuple[str, bool]] | None]", cap: int = CAP,
           ) -> "frozenset[tuple[str, bool]] | None":
    if any(s is None for s in sets):
        return None
    out = frozenset().union(*sets)  # type: ignore[arg-type]
    return out if len(out) <= cap else None


def _nonempty(s: "frozenset[tuple[str, bool]] | None") -> "frozenset[tuple[str, bool]] | None":
    """A set usable as a clause or a prefix: None when it admits the empty string."""
    if not s or any(not x for x, _ in s):
        return None
    return s


@dataclass
class _Info:
    """What is certain about the text around one part of a pattern."""
    exact: "frozenset[tuple[str, bool]] | None" = None   # the text it consumes is one of these
    pre: "frozenset[tuple[str, bool]] | None" = None     # the text at its start begins with one of these
    suf: "frozenset[tuple[str, bool]] | None" = None     # the text at its end ends with one of these
    clauses: list = field(default_factory=list)          # the text contains one of each
    optional: bool = False                               # it may consume nothing (then pre/suf do not hold)


def _score(clause: "frozenset[tuple[str, bool]]") -> tuple[int, int]:
    """Longer strings are rarer; fewer strings are cheaper to test."""
    return (min(len(x) for x, _ in clause), -len(clause))


def _best(clauses: list) -> "frozenset[tuple[str, bool]] | None":
    good = [c for c in clauses if _nonempty(c)]
    return max(good, key=_score) if good else None


def _class_chars(items: Any, ic: bool) -> "frozenset[tuple[str, bool]] | None":
    """The characters of a small positive class ("[,;]", a class of no-break spaces); None for a
    negated class, a category (word or space characters) or a wide range."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < 32:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
        if len(chars) > 32:
            return None
    return frozenset((ch, ic) for ch in chars) or None


def _node(op: Any, av: Any, ic: bool, behind: bool = True) -> _Info:
    """A part that consumes text (zero-width parts are handled by _seq)."""
    if op is _c.LITERAL:
        s = frozenset({(chr(av), ic)})
        return _Info(s, s, s)
    if op is _c.IN:
        s = _class_chars(av, ic)
        return _Info(s, s, s)
    if op in (_c.ANY, _c.NOT_LITERAL, _c.CATEGORY):
        return _Info()
    if op is _c.SUBPATTERN:
        _group, add, remove, items = av
        inner = (ic or bool(add & _IGNORECASE)) and not (remove & _IGNORECASE)
        return _seq(items, inner, behind)
    if _ATOMIC is not None and op is _ATOMIC:
        return _seq(av, ic, behind)
    if op is _c.BRANCH:
        infos = [_seq(b, ic, behind) for b in av[1]]
        exact = _union([i.exact for i in infos])
        branch_best = [_best(i.clauses + [i.pre, i.suf, _nonempty(i.exact)]) for i in infos]
        clauses = []
        joined = _union(branch_best, UNION_CAP)     # each alternative brings one of its own strings
        if joined is not None:
            clauses.append(joined)
        return _Info(exact, _union([i.pre for i in infos]), _union([i.suf for i in infos]), clauses)
    if op in _REPEATS:
        lo, hi, items = av
        sub = _seq(items, ic, behind)
        if lo == 0:
            exact = (sub.exact | {("", False)}) if hi == 1 and sub.exact is not None else None
            # may be absent: nothing in it is certain, but when present it ends with sub.suf
            return _Info(exact, None, sub.suf, [], optional=True)
        clauses = list(sub.clauses)
        if lo >= 2:                     # two copies in a row: the end of one touches the start of the next
            clauses.append(_cross(sub.suf, sub.pre))
        exact = None
        if lo == hi and sub.exact is not None and lo <= 4:
            exact = sub.exact
            for _ in range(lo - 1):
                exact = _cross(exact, sub.exact)
        return _Info(exact, sub.pre, sub.suf, clauses)
    if op in (_c.GROUPREF, getattr(_c, "GROUPREF_EXISTS", None)):
        return _Info()                  # may be empty, text unknown
    raise _Unknown(str(op))


def _seq(items: Any, ic: bool, behind: bool = True) -> _Info:
    empty = frozenset({("", False)})
    exact: "frozenset[tuple[str, bool]] | None" = empty   # what the parts so far consume together
    pre = None
    left = None                         # the text ending at the current position ends with one of these
    clauses: list = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue                    # an anchor or a negative look-around consumes nothing
        if op is _c.ASSERT:
            direction, sub_items = av
            if direction != 1 and not behind:
                continue                # the text before a segment is not the segment's
            sub = _seq(sub_items, ic, behind)
            clauses.extend(sub.clauses)
            clauses.extend([sub.pre, sub.suf, _nonempty(sub.exact)])
            if direction == 1:          # look-ahead: the text here starts with what it asserts
                clauses.append(_cross(left, sub.pre))
                if pre is None and exact == empty:
                    pre = sub.pre
            elif left is None:          # look-behind: the text before here ends with it
                left = sub.suf
            continue
        info = _node(op, av, ic, behind)
        if info.optional:
            # absent, the text here still ends as before; present, it ends with the part's end
            if exact is not None and info.exact is not None and _cross(exact, info.exact) is not None:
                exact = _cross(exact, info.exact)
            else:
                if pre is None and exact is not None:
                    pre = _nonempty(exact)
                exact = None
            left = _union([left, info.suf])
            continue
        clauses.extend(info.clauses)
        clauses.extend([info.pre, info.suf, _nonempty(info.exact)])
        clauses.append(_cross(left, info.pre))
        if exact is not None:
            if info.exact is None or _cross(exact, info.exact) is None:
                if pre is None:     # the known text so far, then the start of this part
                    pre = _nonempty(_cross(exact, info.pre)) or _nonempty(exact)
                exact = None
            else:
                exact = _cross(exact, info.exact)
        if info.exact is not None:
            joined = _cross(left, info.exact) if left is not None else None
            left = joined if joined is not None else _nonempty(info.exact) or info.suf
        else:
            left = info.suf
    if exact is not None and pre is None:
        pre = _nonempty(exact)
    return _Info(exact, pre, left, clauses)


def _implies(a: "frozenset[tuple[str, bool]]", b: "frozenset[tuple[str, bool]]") -> bool:
    """Every string of `a` contains one of `b` ("between" holds "betwe")."""
    return all(any(y in x and (iy or not ix) for y, iy in b) for x, ix in a)


def requirements(pattern: str, flags: int = 0, behind: bool = True,
                 ) -> "tuple[frozenset[tuple[str, bool]], ...] | None":
    """_requirements, kept between runs (deskcheck.compiled.memo): a cold process would otherwise
    parse every rule's pattern again."""
    from . import compiled
    return compiled.memo("prefilter.requirements", (pattern, int(flags), behind),
                         lambda: _requirements(pattern, flags, behind), __file__)


def _requirements(pattern: str, flags: int = 0, behind: bool = True,
                  ) -> "tuple[frozenset[tuple[str, bool]], ...] | None":
    """Clauses of which a text must satisfy every one for the pattern to match it anywhere; each
    clause is a set of (string, ignorecase) of which the text contains at least one. None when
    nothing is certain. With `behind` off, look-behinds are left out: then the strings lie inside
    what a scan between `pos` and `endpos` reads (its matches and what its look-aheads see, which
    stop at `endpos`), so a segment that holds none of them has no match."""
    pattern = _UNICODE_CLASS.sub(r"\1\\w", pattern)
    if _MISREAD.search(pattern):
        return None
    try:
        parsed = _sre.parse(pattern)
        ic = bool((flags | parsed.state.flags) & _IGNORECASE)
        info = _seq(list(parsed), ic, behind)
    except Exception:   # syntax only the `regex` engine knows, or a part not understood: no filter
        return None
    found = [c for c in info.clauses + [info.pre, info.suf, _nonempty(info.exact)] if _nonempty(c)]
    chosen: list = []
    for clause in sorted(set(found), key=_score, reverse=True):
        if any(_implies(c, clause) for c in chosen):
            continue                    # a clause implied by a chosen one adds nothing
        chosen.append(clause)
        if len(chosen) == MAX_CLAUSES:
            break
    return tuple(chosen) or None


def required_strings(pattern: str) -> "frozenset[str] | None":
    """The strings (case-folded) of the pattern's most selective clause, as if it ignored case."""
    need = requirements(pattern, _IGNORECASE)
    return frozenset(fold(s) for s, _ in need[0]) if need else None


# --- case folding as the `regex` engine sees it ---------------------------------------------

_REP: dict[str, str] = {}


def _rep(ch: str) -> str:
    """One character standing for every character `regex` may match `ch` with under IGNORECASE
    (the closure of its case table: the engine's own relation is not transitive for the Turkish
    i's)."""
    rep = _REP.get(ch)
    if rep is None:
        from regex import _regex  # type: ignore[import-not-found]
        flags = 2 | 0x2000          # IGNORECASE | VERSION0, as rule patterns are compiled
        seen = {ch}
        todo = [ch]
        while todo:
            for cp in _regex.get_all_cases(flags, ord(todo.pop())):
                if chr(cp) not in seen:
                    seen.add(chr(cp))
                    todo.append(chr(cp))
        lower = sorted(c for c in seen if c.lower() == c)
        rep = (lower or sorted(seen))[0] if len(seen) > 1 else ""
        for c in seen:
            _REP[c] = rep
    return rep


def _fold_char(ch: str) -> str:
    rep = _rep(ch) if not ch.isascii() else ""
    return (rep or ch).lower()


_ASCII_BYTES = bytes(range(128))
_FOLDED_UTF8: dict[str, bytes] = {}     # a non-ASCII character -> _fold_char(ch) in UTF-8


def fold(text: str) -> str:
    """The text with each character replaced by its case class, as one string: a text that
    matches a string ignoring case contains the folded string in its folded form.

    That is _fold_char of every character (fold_plain), done in C on the text's UTF-8 bytes:
    bytes.lower() lowers the ASCII letters only, and a non-ASCII character's bytes (all >= 0x80,
    so never part of another character's) are replaced by those of its folded form. `set(text)`
    and str.lower() over a non-ASCII article cost ~100 us between them; this, a tenth of that."""
    if text.isascii():
        return text.lower()     # the ASCII letters' classes are represented by their lowercase
    data = text.encode("utf-8", "surrogatepass")
    others = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    data = data.lower()
    for ch in set(others):
        folded = _FOLDED_UTF8.get(ch)
        if folded is None:
            folded = _FOLDED_UTF8[ch] = _fold_char(ch).encode("utf-8", "surrogatepass")
        mine = ch.encode("utf-8", "surrogatepass")
        if folded != mine:
            data = data.replace(mine, folded)
    return data.decode("utf-8", "surrogatepass")


def fold_plain(text: str) -> str:
    """fold() as first written: each non-ASCII character replaced by its class's representative,
    then str.lower() (every character it treats by context, capital sigma, was replaced). Kept
    for the equivalence test of fold()."""
    if text.isascii():
        return text.lower()
    for ch in set(text):
        if not ch.isascii():
            rep = _rep(ch)
            if rep and rep != ch:
                text = text.replace(ch, rep)
    return text.lower()


def fold_needle(s: str) -> str:
    return "".join(_fold_char(ch) for ch in s)


# --- every needle at once ---------------------------------------------------------------------
#
# Most needles are absent from a given article, and str.find reads the whole article to say so
# (1-5 us for 2.5 kB; ~300 needles an article). One Aho-Corasick pass (ahocorasick-rs, compiled)
# over the article finds every needle of every rule at once: the filters then answer from that
# table. It hands back every match of a text as one list; its pass cost a third of pyahocorasick's
# per character (measured over 1,000 articles: 0.06 s against 0.23 s for both forms). Needles
# shorter than AC_MIN are left to str.find: they occur in nearly every paragraph, where a find
# stops at once, while the automaton would report each of their thousands of places.
_rs: Any
try:
    import ahocorasick_rs as _rs
except ImportError:             # then every needle is looked for with str.find: same answers
    _rs = None

AC_MIN = 3
# ... except a pair without a lowercase letter or a line break (" ,", "--", two spaces, "TK"):
# rare in prose, so the automaton seldom reports one, while str.find reads the whole article for
# each that is absent (a two-character search costs ~3 ns a character: ~8 us an article).
_ac_needles: "tuple[set[str], set[str]]" = (set(), set())    # every needle so far: plain, folded
_ac_built: "list[Any]" = [None, None]                         # their automata, built when first used
_ac_version = 0


def _ac_covers(s: str) -> bool:
    """The automaton looks for this needle (else str.find does): a choice of cost only, as both
    give the same answers."""
    if _rs is None or not _utf8(s):
        return False
    return len(s) >= AC_MIN or (len(s) == 2 and not any(ch.islower() or ch in "\r\n" for ch in s))


def _utf8(s: str) -> bool:
    """ahocorasick-rs reads its needles as UTF-8 and silently drops a lone surrogate's needle and
    every one after it: such a needle is left to str.find."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _ac_register(plain: "Any", folded: "Any") -> None:
    """Add a filter's needles to the automata (rebuilt when next used)."""
    global _ac_version
    added = False
    for form, needles in ((0, plain), (1, folded)):
        known = _ac_needles[form]
        for s in needles:
            if _ac_covers(s) and s not in known:
                known.add(s)
                added = True
    if added:
        _ac_version += 1
        _ac_built[0] = _ac_built[1] = None


# The automaton's DFA form reads an article in half the time of its default one (measured over
# the corpus: 21 against 42 ms for the plain needles, 41 against 65 for the folded ones), with
# the same matches, but takes four times as long to build (3 ms against 0.7 for ~570 needles):
# a process checking one article would lose by it. So the default one is built first and the
# DFA once the automaton has read DFA_AFTER articles.
DFA_AFTER = 16
_ac_reads = [0, 0]


def _ac_automaton(form: int) -> "tuple[Any, list[str]]":
    """The automaton of this form's needles, and its needles by index."""
    automaton = _ac_built[form]
    if automaton is None:
        needles = sorted(_ac_needles[form])
        automaton = _ac_built[form] = (_rs.AhoCorasick(needles), needles)
        _ac_reads[form] = 0
    else:
        reads = _ac_reads[form] = _ac_reads[form] + 1
        if reads == DFA_AFTER:
            dfa = getattr(getattr(_rs, "Implementation", None), "DFA", None)
            if dfa is not None:
                needles = automaton[1]
                automaton = _ac_built[form] = (_rs.AhoCorasick(needles, implementation=dfa), needles)
    return automaton


def _find_all(text: str, needles: "list[str]") -> "dict[str, list[int]]":
    """ac_occurrences the slow way: every place of every needle, overlapping ones included."""
    occ: dict[str, list[int]] = {}
    for s in needles:
        pos = text.find(s)
        while pos >= 0:
            occ.setdefault(s, []).append(pos)
            pos = text.find(s, pos + 1)
    return occ


def ac_occurrences(text: str, form: int) -> "dict[str, list[int]]":
    """Where each registered needle of this form starts in the text, in order."""
    occ: dict[str, list[int]] = {}
    if not _ac_needles[form]:
        return occ
    automaton, needles = _ac_automaton(form)
    try:
        found = automaton.find_matches_as_indexes(text, True)
    except UnicodeEncodeError:  # a lone surrogate (a caller's text): no UTF-8 for the automaton
        return _find_all(text, needles)
    for i, start, _end in found:
        s = needles[i]
        got = occ.get(s)
        if got is None:
            occ[s] = [start]
        else:
            got.append(start)
    return occ


class View:
    """The text a rule scans, its folded copy made when first needed, and the bounds of the
    segment lists asked about (many rules share one scope's list)."""
    __slots__ = ("text", "_folded", "_bounds", "_occ", "_present")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._bounds: dict[int, tuple[Any, Any, Any]] = {}
        self._occ: "list[tuple[int, dict[str, list[int]]] | None]" = [None, None]
        self._present: "list[tuple[int, frozenset[str]] | None]" = [None, None]

    def occurrences(self, form: int) -> "dict[str, list[int]]":
        """ac_occurrences of the text (form 0) or of its folded copy (form 1), for the needles
        registered so far (asked again after a new filter added needles)."""
        got = self._occ[form]
        if got is None or got[0] != _ac_version:
            got = self._occ[form] = (_ac_version, ac_occurrences(self.folded if form else self.text, form))
        return got[1]

    def present(self, form: int) -> "frozenset[str]":
        """The needles of occurrences(form), as a set: set & set and set.isdisjoint(set) walk the
        smaller one, where `dict.keys() & frozenset` copies the keys and walks the frozenset
        (measured: 11 us against 1 us for a rule of 160 needles on an article holding 60)."""
        got = self._present[form]
        if got is None or got[0] != _ac_version:
            got = self._present[form] = (_ac_version, frozenset(self.occurrences(form)))
        return got[1]

    def bounds(self, spans: "list[Any]") -> "tuple[list[int] | None, list[int]]":
        """Starts and ends of a sorted, non-overlapping span list; None starts when the list is
        not one. Kept by the list's identity (the list itself is held, so a freed list's id
        cannot come back for another)."""
        got = self._bounds.get(id(spans))
        if got is None or got[0] is not spans:
            starts: "list[int] | None" = [s.start for s in spans]
            ends = [s.end for s in spans]
            if any(map(int.__gt__, ends[:-1], starts[1:])):     # (in C: no frame per pair)
                starts = None
            got = self._bounds[id(spans)] = (spans, starts, ends)
        return got[1], got[2]

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded


VIEWS_KEY = "prefilter.views"     # doc.cache entry: the engine's views of the document, by raw


def view_of(doc: Any, text: str) -> "View | None":
    """The engine's View of this text of the document (its prose view or its source), when the
    engine made one for a rule's filter: its folded copy and needle places are made once."""
    for view in doc.cache.get(VIEWS_KEY, {}).values():
        if view.text is text:
            return view  # type: ignore[no-any-return]
    return None


class Filter:
    """A pattern's requirements ready to test: per clause, the plain strings and the folded ones;
    and, when one is short enough to ask of every segment, the clause a segment must satisfy;
    and the probe a segment must hold: for a repeated word (see repeat_probe), or for the
    characters in a row every match holds (deskcheck.probes)."""
    __slots__ = ("clauses", "segment_clause", "segment_clauses", "probe", "per_segment", "_segment_parts",
                 "_segment_plan")

    def __init__(self, need: "tuple[frozenset[tuple[str, bool]], ...]",
                 inner: "tuple[frozenset[tuple[str, bool]], ...] | None" = None,
                 segment_needles: int = SEGMENT_NEEDLES, probe: "Probe | None" = None) -> None:
        self.probe = probe
        short = [c for c in inner or () if _cost(c) <= segment_needles]
        best = max(short, key=_score) if short else None
        self.segment_clause = self._split(best) if best is not None else None
        # and every other clause of the segment's own strings that the automaton alone answers
        # for (a look-up per string, no pass over the text): a segment must hold one string of
        # each. Each is certain in every match a scan of the segment finds, so asking all of them
        # is as exact as asking one, and drops the paragraphs that hold a country's name but no
        # word for a person after it.
        short = [best] + [c for c in short if c != best and not any(not _ac_covers(x) for x, _ in c)] if best else []
        self.segment_clauses = tuple(self._split(c) for c in short)
        # each string str.find looks for costs a pass over the text (~1 us per 2.5 kB): a long
        # list costs more than the scan it might save (the automaton's strings cost next to
        # nothing). The cheapest clauses go first; the segment clauses, which segments() asks
        # across the text anyway, are not asked twice.
        doc = sorted((c for c in need if _cost(c) <= DOC_NEEDLES and c not in short), key=_cost)
        split = tuple(self._split(c) for c in doc)
        for plain, folded in split + self.segment_clauses:
            _ac_register(plain, folded)
        # each clause's strings by who looks for them: str.find, or the automaton's table
        self.clauses = tuple(_by_finder(plain) + _by_finder(folded) for plain, folded in split)
        self._segment_parts = ((0,) + _by_finder(self.segment_clause[0]), (1,) + _by_finder(self.segment_clause[1])
                               ) if self.segment_clause else ()
        # per segment clause, its forms that have strings: (form, str.find's, the automaton's)
        self._segment_plan = tuple(
            tuple(part for part in ((0,) + _by_finder(plain), (1,) + _by_finder(folded)) if part[1] or part[2])
            for plain, folded in self.segment_clauses)
        # the engine asks segments() only of a filter that can drop a segment
        self.per_segment = self.segment_clause is not None or probe is not None

    @staticmethod
    def _split(clause: "frozenset[tuple[str, bool]]") -> "tuple[tuple[str, ...], tuple[str, ...]]":
        return (tuple(sorted(s for s, ic in clause if not ic)),
                tuple(sorted({fold_needle(s) for s, ic in clause if ic})))

    def may_match(self, view: View) -> bool:
        # plain loops, not any() over a generator: this runs for every rule on every article,
        # and most strings are absent, so the generator's set-up was most of the cost
        for plain, plain_ac, folded, folded_ac in self.clauses:
            if not (_holds_one(view, plain, plain_ac, 0)
                    or ((folded or folded_ac) and _holds_one(view, folded, folded_ac, 1))):
                return False
        return True

    def segment_may_match(self, view: View, start: int, end: int) -> bool:
        """The segment [start, end) of the view may hold a match of a scan bounded by it."""
        from .model import Span
        return bool(self.segments(view, [Span(start, end)]))

    def segments(self, view: View, spans: "list[Any]") -> "list[Any]":
        """The spans that hold a string of the segment clause and in which the probe finds
        something. The strings go first (a look-up costs less than a probe's search, and in
        most articles they are absent), but for a probe whose strings are common characters
        (a stop, a line break: in every paragraph), which then leaves them few spans to read."""
        probe = self.probe
        if probe is not None and probe.first and spans:
            spans = self._probed(view, spans)
        spans = self._needled(view, spans)
        if probe is not None and not probe.first and spans:
            spans = self._probed(view, spans)
        return spans

    def _needled(self, view: View, spans: "list[Any]") -> "list[Any]":
        """The spans that hold a string of every segment clause: each clause drops the spans
        lacking its strings from what the clauses before it kept."""
        for parts in self._segment_plan:
            if not spans:
                break
            spans = self._needled_by(view, spans, parts)
        return spans

    @staticmethod
    def _needled_by(view: View, spans: "list[Any]", parts: "tuple[tuple[Any, ...], ...]") -> "list[Any]":
        """The spans that hold a string of one segment clause (its `parts`: per form, the strings
        str.find looks for and those the automaton's table answers for). Each string is looked for once
        across the view with str.find (or, for a string the automaton knows, in its table of
        places); a place that lands in a span marks it and the search goes on after that span,
        so the work is bounded by the strings times the spans, not by how often a common string
        occurs."""
        starts, ends = view.bounds(spans)
        if starts is None:
            return spans                # unsorted or overlapping segments: no per-segment answer
        keep = [False] * len(ends)
        left = len(ends)
        lo, hi = starts[0], ends[-1]
        for form, needles, ac_needles in parts:
            if not needles and not ac_needles:
                continue
            text = view.folded if form else view.text
            if len(text) != len(view.text):
                return spans            # folding moved offsets: no per-segment answer
            if ac_needles:
                occ = view.occurrences(form)
                for needle in view.present(form) & ac_needles:     # those in the text (in C: most are not)
                    # the walk below, over the places the automaton found
                    places = occ[needle]
                    size = len(needle)
                    j = bisect_left(places, lo)
                    while j < len(places):
                        pos = places[j]
                        if pos + size > hi:
                            break
                        i = bisect_right(starts, pos) - 1
                        b = ends[i] if i >= 0 else -1
                        if pos + size <= b:             # inside span i
                            if not keep[i]:
                                keep[i] = True
                                left -= 1
                                if not left:
                                    return spans
                            j = bisect_left(places, b, j + 1)
                        else:
                            j += 1
            for needle in needles:
                pos = text.find(needle, lo, hi)
                while pos >= 0:
                    i = bisect_right(starts, pos) - 1
                    b = ends[i] if i >= 0 else -1
                    if pos + len(needle) <= b:          # inside span i
                        if not keep[i]:
                            keep[i] = True
                            left -= 1
                            if not left:
                                return spans
                        pos = text.find(needle, b, hi)
                    else:
                        pos = text.find(needle, pos + 1, hi)
        return [s for s, k in zip(spans, keep) if k]

    def _needled_plain(self, view: View, spans: "list[Any]") -> "list[Any]":
        """_needled as first written, for the equivalence tests: each string looked for with
        str.find in each span."""
        if not self.segment_clauses or not spans:
            return spans
        starts, _ends = view.bounds(spans)
        if starts is None:
            return spans
        out = []
        for s in spans:
            for plain, folded in self.segment_clauses:
                if folded and len(view.folded) != len(view.text):
                    continue
                if not (any(view.text.find(n, s.start, s.end) >= 0 for n in plain)
                        or any(view.folded.find(n, s.start, s.end) >= 0 for n in folded)):
                    break
            else:
                out.append(s)
        return out if len(out) < len(spans) else spans

    def _probed(self, view: View, spans: "list[Any]") -> "list[Any]":
        """The spans in which the probe finds something (deskcheck.probes.Probe.keep)."""
        probe = self.probe
        text = view.folded if probe.folded else view.text  # type: ignore[union-attr]
        if len(text) != len(view.text):
            return spans                # folding moved offsets: no per-segment answer
        return probe.keep(text, spans)  # type: ignore[union-attr]


def _cost(clause: "frozenset[tuple[str, bool]]") -> int:
    """How many passes over the text testing a clause takes (a string the automaton knows costs
    none; a whole clause of them, a look-up, counted as one)."""
    return sum(1 for s, _ in clause if not _ac_covers(s)) or 1


def _by_finder(needles: "tuple[str, ...]") -> "tuple[tuple[str, ...], frozenset[str]]":
    """(the needles str.find looks for, those the automaton's table answers for)."""
    return tuple(s for s in needles if not _ac_covers(s)), frozenset(s for s in needles if _ac_covers(s))


def _holds_one(view: View, needles: "tuple[str, ...]", ac_needles: "frozenset[str]", form: int) -> bool:
    """The view (form 0) or its folded copy (form 1) holds one of the needles."""
    if ac_needles and not ac_needles.isdisjoint(view.present(form)):
        return True
    if needles:
        text = view.folded if form else view.text
        for s in needles:
            if s in text:
                return True
    return False


def filter_for(pattern: Any, segment_needles: int = SEGMENT_NEEDLES) -> "Filter | None":
    """The filter of a compiled pattern, or None when nothing about its matches is certain.
    `segment_needles`: how many strings are worth looking for to choose segments (a kind whose
    scan is slow per character may allow more)."""
    source = getattr(pattern, "pattern", None)
    if not isinstance(source, str):
        return None
    flags = int(getattr(pattern, "flags", 0))
    need = requirements(source, flags) or ()
    inner = requirements(source, flags, behind=False)
    probe = None
    repeat = repeat_probe(source, flags)
    if repeat is not None:
        from .compiled import re_compile
        from .probes import Probe
        probe = Probe(((re_compile(repeat[0]), ""),), folded=repeat[1], sliced=True)
    elif not any(all(len(s) >= PROBE_NEEDLE for s, _ in clause) for clause in inner or ()):
        # no string long enough to be rare is in every match: a probe of the characters every
        # match holds in a row (white space before a line end, a stop before a capital ...)
        from .probes import common, probe_for
        probe = probe_for(source, flags, needles=bool(inner))
        if probe is not None:
            probe.first = all(any(len(s) == 1 and common(s) for s, _ in clause) for clause in inner or ())
    if not need and probe is None:
        return None
    return Filter(need, inner, segment_needles, probe)


# --- a word written twice: `(?P<w>\w+)[ ]+(?P=w)` ---------------------------------------------

# one character of a word (or of its case-folded form) as the `re` engine can test it without
# Unicode tables: anything but white space and ASCII punctuation. Every `regex` word character
# qualifies, whatever Unicode version either engine knows, and no white space does.
_WORDISH = r"[^\s\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]"


def repeat_probe(pattern: str, flags: int = 0) -> "tuple[str, bool] | None":
    """_repeat_probe, kept between runs (deskcheck.compiled.memo)."""
    from . import compiled
    return compiled.memo("prefilter.repeat_probe", (pattern, int(flags)),  # type: ignore[no-any-return]
                         lambda: _repeat_probe(pattern, flags), __file__)


def _repeat_probe(pattern: str, flags: int = 0) -> "tuple[str, bool] | None":
    """For a pattern every match of which is a run of word characters, white space, and the same
    run again (a back-reference: "the the"), a standard `re` pattern that finds every such
    place, and more, in the text (or, the bool says, in its case-folded copy when the pattern
    ignores case). No string is certain in such a match beyond the space between, so the
    needles keep every paragraph; the probe drops those without a word written twice.

    Why every match is found: the pattern's word is a run of `regex` word characters, each of
    which (folded too) is a _WORDISH character, and it ends at the white space; a possessive
    _WORDISH run from the word's start therefore stops where the word stops, and under
    IGNORECASE the repeated copy folds to the same string. A negative look-around next to the
    repeat becomes one over the characters that stand only for themselves in either form
    (ASCII word characters in the case that form uses, and listed characters without case)."""
    probe_src = _UNICODE_CLASS.sub(r"\1\\w", pattern)
    if _MISREAD.search(probe_src) or _GLOBAL_FLAGS.search(probe_src):
        return None
    try:
        parsed = _sre.parse(probe_src)
        ic = bool((flags | parsed.state.flags) & _IGNORECASE)
        items = list(parsed)
        # every match goes through the single group or sequence inside \b and wrapping groups
        while True:
            items = [(op, av) for op, av in items if op is not _c.AT]
            if len(items) == 1 and items[0][0] is _c.SUBPATTERN:
                _group, add, remove, inner = items[0][1]
                if add & _IGNORECASE or remove & _IGNORECASE:
                    return None
                items = list(inner)
                continue
            break
        return _probe_of(items, ic)
    except Exception:
        return None


def _word_group(op: Any, av: Any) -> "int | None":
    """The group number of `(\\w+)` (possibly atomic inside), else None."""
    if op is not _c.SUBPATTERN:
        return None
    group, add, remove, inner = av
    body = list(inner)
    if group is None or add or remove or len(body) != 1:
        return None
    bop, bav = body[0]
    if _ATOMIC is not None and bop is _ATOMIC and len(list(bav)) == 1:
        bop, bav = list(bav)[0]
    if bop not in _REPEATS or bav[0] < 1 or len(list(bav[2])) != 1:
        return None
    cop, cav = list(bav[2])[0]
    if cop is _c.IN and list(cav) == [(_c.CATEGORY, _c.CATEGORY_WORD)]:
        return group  # type: ignore[no-any-return]
    return None


def _spaces(op: Any, av: Any) -> "str | None":
    """A class of white-space characters repeated at least once, as a `re` class, else None."""
    if op not in _REPEATS or av[0] < 1 or len(list(av[2])) != 1:
        return None
    cop, cav = list(av[2])[0]
    chars = [chr(cav)] if cop is _c.LITERAL else (
        [chr(a) for o, a in cav if o is _c.LITERAL] if cop is _c.IN and all(o is _c.LITERAL for o, _ in cav) else [])
    if not chars or not all(ch.isspace() for ch in chars):
        return None
    return "[" + "".join(re.escape(ch) for ch in chars) + "]"


def _not_class(op: Any, av: Any, direction: int, ic: bool) -> str:
    """A negative look-around of the probe implied by the pattern's (empty when there is none)."""
    if op is not _c.ASSERT_NOT or av[0] != direction or len(list(av[1])) != 1:
        return ""
    cop, cav = list(av[1])[0]
    items = [(_c.LITERAL, cav)] if cop is _c.LITERAL else list(cav) if cop is _c.IN else []
    if any(o is _c.NEGATE for o, _ in items):
        return ""
    chars = []
    for o, a in items:
        if o is _c.CATEGORY and a is _c.CATEGORY_WORD:
            chars.append("a-z0-9_" if ic else "A-Za-z0-9_")
        elif o is _c.LITERAL and not chr(a).isalnum() and not _rep(chr(a)) and chr(a).lower() == chr(a):
            chars.append(re.escape(chr(a)))
    if not chars:
        return ""
    return ("(?<![" if direction == -1 else "(?![") + "".join(chars) + "])"


def _probe_of(items: Any, ic: bool) -> "tuple[str, bool] | None":
    for i in range(len(items) - 2):
        group = _word_group(*items[i])
        if group is None:
            continue
        gap = _spaces(*items[i + 1])
        op, av = items[i + 2]
        if gap is None or op is not _c.GROUPREF or av != group:
            continue
        before = _not_class(*items[i - 1], -1, ic) if i > 0 else ""
        after = _not_class(*items[i + 3], 1, ic) if i + 3 < len(items) else ""
        return f"{before}({_WORDISH}++){gap}+\\1{after}", ic
    return None


def may_match(need: "frozenset[str] | None", folded_text: str) -> bool:
    """For required_strings: the folded text holds one of the strings."""
    return need is None or any(s in folded_text for s in need)


# --- an explicit word boundary where every match already starts at one ----------------------

# letter categories are word characters for the engine; other \p classes may not be
_LETTER_CLASS = re.compile(r"(?<!\\)((?:\\\\)*)\\p(?:\{(?:L|Lu|Ll|Lt|Lm|Lo|Letter)\}|L)")
_OTHER_CLASS = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^}]*\}|[A-Za-z])")
_GLOBAL_FLAGS = re.compile(r"\(\?[a-zA-Z]+\)")
_WORD_CHAR = re.compile(r"\w")


def _is_word_char(ch: str, ic: bool) -> bool:
    """`ch` (and, ignoring case, every character the engine matches it with) is a word character."""
    import regex
    chars = [ch]
    if ic:
        from regex import _regex  # type: ignore[import-not-found]
        chars = [chr(c) for c in _regex.get_all_cases(2 | 0x2000, ord(ch))] + [ch]
    return all(regex.match(r"\w", c, regex.V0) for c in chars)


def _guards_word(op: Any, av: Any) -> bool:
    """`\\b`, or a look-behind that forbids a word character before this point."""
    if op is _c.AT:
        return av is _c.AT_BOUNDARY
    if op is _c.ASSERT_NOT and av[0] == -1 and len(av[1]) == 1:
        sub_op, sub_av = list(av[1])[0]
        return sub_op is _c.IN and any(o is _c.CATEGORY and a is _c.CATEGORY_WORD for o, a in sub_av) \
            and not any(o is _c.NEGATE for o, _ in sub_av)
    return False


def _word_start(items: Any, ic: bool, guarded: bool) -> bool:
    """Every match of this sequence starts with a word character right after a point where no
    word character precedes (so a word boundary holds at its start)."""
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            guarded = guarded or _guards_word(op, av)
            continue
        if op is _c.LITERAL:
            return guarded and _is_word_char(chr(av), ic)
        if op is _c.IN:
            if not guarded or any(o is _c.NEGATE for o, _ in av):
                return False
            for o, a in av:
                if o is _c.LITERAL and _is_word_char(chr(a), ic):
                    continue
                if o is _c.RANGE and a[1] - a[0] < 128 and all(_is_word_char(chr(c), ic) for c in range(a[0], a[1] + 1)):
                    continue
                if o is _c.CATEGORY and a in (_c.CATEGORY_WORD, _c.CATEGORY_DIGIT):
                    continue
                return False
            return True
        if op is _c.SUBPATTERN:
            _group, add, remove, sub = av
            return _word_start(sub, (ic or bool(add & _IGNORECASE)) and not (remove & _IGNORECASE), guarded)
        if _ATOMIC is not None and op is _ATOMIC:
            return _word_start(av, ic, guarded)
        if op is _c.BRANCH:
            return all(_word_start(b, ic, guarded) for b in av[1])
        if op in _REPEATS and av[0] >= 1:
            return _word_start(av[2], ic, guarded)
        return False        # an optional part, a back-reference, any character: not certain
    return False


def _first_is_explicit(items: Any) -> bool:
    """The first character a match consumes is a literal or one of a few listed characters: the
    engine then finds candidate positions by itself, and a leading `\b` would only slow it."""
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.LITERAL:
            return True
        if op is _c.IN:
            return all(o in (_c.LITERAL, _c.RANGE) for o, _ in av)
        if op is _c.SUBPATTERN:
            return _first_is_explicit(av[-1])
        if _ATOMIC is not None and op is _ATOMIC:
            return _first_is_explicit(av)
        if op in _REPEATS:
            return _first_is_explicit(av[2])
        return False
    return False


def with_word_boundary(pattern: str, ignorecase: bool = False) -> str:
    """_with_word_boundary, kept between runs (deskcheck.compiled.memo)."""
    from . import compiled
    return compiled.memo("prefilter.with_word_boundary", (pattern, ignorecase),  # type: ignore[no-any-return]
                         lambda: _with_word_boundary(pattern, ignorecase), __file__)


def _with_word_boundary(pattern: str, ignorecase: bool = False) -> str:
    """The pattern with `\\b` in front when every match already starts at a word boundary (a word
    character after a look-behind that forbids one): the same matches, but the `regex` engine
    rejects the positions inside words at once instead of trying every alternative there. Only
    where the first character is an alternation or a class such as \\p{L} or \\d: measured, it
    slows a pattern whose first character the engine can scan for (`[1-9]`) tenfold."""
    if _GLOBAL_FLAGS.search(pattern) or pattern.startswith("\\b"):
        return pattern
    probe = _OTHER_CLASS.sub(r"\1.", _LETTER_CLASS.sub(r"\1\\w", pattern))
    if _MISREAD.search(probe):
        return pattern
    try:
        parsed = _sre.parse(probe)
        items = list(parsed)
        ok = (_word_start(items, ignorecase or bool(parsed.state.flags & _IGNORECASE), False)
              and not _first_is_explicit(items))
    except Exception:
        return pattern
    return f"\\b(?:{pattern})" if ok else pattern
