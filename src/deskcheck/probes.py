"""A cheap exact test for the segments a pattern can match in, read from its parse tree.

Some patterns need no rare string, only a short run of characters of known classes: white space
before a line end, two line breaks with only spaces between, a stop followed by a capital and a
small letter, a comma with a letter after it. No needle describes them (a "." is in every
paragraph), and the `regex` engine tries such a pattern at every character. This module
derives, from the pattern alone, a standard `re` pattern (the probe) that finds something in
every segment the pattern can match in, and usually in little else; one `re` search, which
jumps in C from one candidate character to the next, then decides a segment.

How the probe is made, and why it is exact (it may only keep too much, never drop a match):

- Each part of the pattern is relaxed to one that matches at least as much: a character or a
  class becomes the set of ASCII characters it can match (asked of the `regex` engine itself, so
  \\s, \\w, \\p{Lu} ... are its own), plus every non-ASCII character when it may match one; a case-
  insensitive letter becomes every character its case class closes over; a negative
  look-around, a word boundary or a back-reference's text becomes "anything". Atomic groups and
  possessive repeats relax to plain ones (their matches are among those).
- The probe searches each segment as a string of its own with a "\\n" added at both ends, so a
  line start (`^`, `\\A`: the engine never sees them at a later `pos`) is "after a \\n" and a line
  end (`$`, `\\Z`: before a "\\n" or at `endpos`, which ends the segment) is "before a \\n".
- Every match of the pattern holds a text that the window matches: the pattern's parts in a row,
  with one look-behind written out in front (the text before the match, when the number of
  characters or of line breaks it may span is bounded, so the slice can reach back over them)
  and one look-ahead at the end (a look-ahead reads no further than the segment's end). The
  window's leading and trailing optional parts are dropped and its leading and trailing repeats
  cut to their least count: the rest is still in every match.
- The window is searched from its rarest certain character (the pivot: `re` skips in C to the
  places that hold it), with the characters before it checked by fixed-width look-behinds (the
  last few characters each alternative of that part may end with) and the rest matched after it.

Patterns with alternatives at the top get one window each, searched together from the union of
their pivots. A pattern this cannot read (`regex`-only syntax, unusual flags) gets no probe.
"""
from __future__ import annotations

import re
from typing import Any

from .prefilter import _ATOMIC, _MISREAD, _REPEATS, _UNICODE_CLASS, _c, _sre

# ---- character sets: (ASCII characters as bits, listed non-ASCII characters, any non-ASCII) ----

CharSet = tuple  # (int, frozenset[str], bool)
_ASCII = (1 << 128) - 1
ALL: CharSet = (_ASCII, frozenset(), True)
_NL = 1 << 10
_NL_SET: CharSet = (_NL, frozenset(), False)

# the `regex` flags a probe may be derived under; any other (FULLCASE, VERSION1, WORD, LOCALE,
# VERBOSE ...) changes what the parser reads or what a character or a line end is
_IGNORECASE, _MULTILINE, _DOTALL, _UNICODE, _VERSION0 = 2, 8, 16, 32, 0x2000
_REGEX_ASCII, _SRE_ASCII = 0x80, 0x100     # the one flag the two engines number differently
_ALLOWED_FLAGS = _IGNORECASE | _MULTILINE | _DOTALL | _UNICODE | _REGEX_ASCII | _VERSION0
_SRE_ALLOWED = _IGNORECASE | _MULTILINE | _DOTALL | _UNICODE | _SRE_ASCII

_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
               _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}
_BEGIN = {_c.AT_BEGINNING, _c.AT_BEGINNING_STRING, getattr(_c, "AT_BEGINNING_LINE", None)}
_END = {_c.AT_END, _c.AT_END_STRING, getattr(_c, "AT_END_LINE", None)}


class _Unknown(Exception):
    """A construct the derivation does not read: no probe."""


def _of_chars(chars: "set[str] | frozenset[str]") -> CharSet:
    mask = 0
    extra = set()
    for ch in chars:
        if ord(ch) < 128:
            mask |= 1 << ord(ch)
        else:
            extra.add(ch)
    return (mask, frozenset(extra), False)


def _union(a: CharSet, b: CharSet) -> CharSet:
    wide = a[2] or b[2]
    return (a[0] | b[0], frozenset() if wide else a[1] | b[1], wide)


def _ascii_mask(escape: str, flags: int) -> int:
    """The ASCII characters the `regex` engine matches with this class escape under these flags."""
    import regex
    compiled = regex.compile(escape, flags)
    return sum(1 << cp for cp in range(128) if compiled.fullmatch(chr(cp)))


_CASES: dict[str, frozenset[str]] = {}


def _cases(ch: str) -> frozenset[str]:
    """Every character the `regex` engine may match `ch` with under IGNORECASE (its case table,
    closed over: it is not transitive for the Turkish i's)."""
    got = _CASES.get(ch)
    if got is None:
        from regex import _regex  # type: ignore[import-not-found]
        seen = {ch}
        todo = [ch]
        while todo:
            for cp in _regex.get_all_cases(_IGNORECASE | _VERSION0, ord(todo.pop())):
                if chr(cp) not in seen:
                    seen.add(chr(cp))
                    todo.append(chr(cp))
        got = frozenset(seen)
        for c in seen:
            _CASES[c] = got
    return got


class _Reader:
    """Relaxes a parse tree to the tuples below, under the pattern's flags.

    ("c", set) one character | ("s", [parts]) in a row | ("a", [parts]) alternatives |
    ("r", part, lo, hi) repeated (hi None: no bound) | ("bol",) after a line break or at the start |
    ("eol",) before a line break or at the end | ("t",) no condition | ("la", part) look-ahead |
    ("lb", part) look-behind."""

    def __init__(self, flags: int, classes: dict[int, str]) -> None:
        self.flags = flags
        self.classes = classes          # placeholder code point -> the \\p escape it stands for
        self._masks: dict[tuple[str, int], int] = {}

    def mask(self, escape: str, flags: int) -> int:
        """The ASCII characters of a class escape, asked of the `regex` engine under the flags
        in force (given as the standard parser numbers them)."""
        rflags = _VERSION0 | (flags & _IGNORECASE) | (_REGEX_ASCII if flags & _SRE_ASCII else 0)
        key = (escape, rflags)
        got = self._masks.get(key)
        if got is None:
            got = self._masks[key] = _ascii_mask(escape, rflags)
        return got

    def literal(self, cp: int, flags: int) -> CharSet:
        if cp in self.classes:
            return (self.mask(self.classes[cp], flags), frozenset(), True)
        ch = chr(cp)
        return _of_chars(_cases(ch) if flags & _IGNORECASE else {ch})

    def member_exact_ascii(self, op: Any, av: Any, flags: int) -> int:
        """The ASCII characters a class member matches, exactly (case kept)."""
        if op is _c.LITERAL:
            if av in self.classes:
                return self.mask(self.classes[av], flags)
            return 1 << av if av < 128 else 0
        if op is _c.RANGE:
            lo, hi = av
            if lo in self.classes or hi in self.classes:
                raise _Unknown("a class in a range")
            return sum(1 << cp for cp in range(lo, min(hi, 127) + 1))
        if op is _c.CATEGORY and av in _CATEGORIES:
            return self.mask(_CATEGORIES[av], flags)
        raise _Unknown(str(op))

    def member(self, op: Any, av: Any, flags: int) -> CharSet:
        if op is _c.LITERAL:
            return self.literal(av, flags)
        if op is _c.RANGE:
            lo, hi = av
            if lo in self.classes or hi in self.classes:
                raise _Unknown("a class in a range")
            if not flags & _IGNORECASE:
                if hi - lo <= 512:
                    return _of_chars({chr(cp) for cp in range(lo, hi + 1)})
                return (sum(1 << cp for cp in range(lo, min(hi, 127) + 1)), frozenset(), hi >= 128)
            if hi - lo <= 512:
                return _of_chars(set().union(*(_cases(chr(cp)) for cp in range(lo, hi + 1))))
            # a wide range ignoring case: its ASCII characters' partners, and every ASCII letter
            # with a partner in it (the relation is symmetric)
            chars: set[str] = set()
            for cp in list(range(lo, min(hi, 127) + 1)) + list(range(65, 91)) + list(range(97, 123)):
                partners = _cases(chr(cp))
                if lo <= cp <= hi or any(lo <= ord(x) <= hi for x in partners):
                    chars |= partners
            cs = _of_chars(chars)
            return (cs[0], frozenset(), True)
        if op is _c.CATEGORY and av in _CATEGORIES:
            return (self.mask(_CATEGORIES[av], flags), frozenset(), True)
        raise _Unknown(str(op))

    def char(self, op: Any, av: Any, flags: int) -> CharSet:
        if op is _c.LITERAL:
            return self.literal(av, flags)
        if op is _c.NOT_LITERAL:
            if flags & _IGNORECASE or av >= 128 or av in self.classes:
                return ALL
            return (_ASCII & ~(1 << av), frozenset(), True)
        if op is _c.ANY:
            return ALL if flags & _DOTALL else (_ASCII & ~_NL, frozenset(), True)
        # IN
        items = list(av)
        if items and items[0][0] is _c.NEGATE:
            if flags & _IGNORECASE:
                return ALL
            under = 0
            for mop, mav in items[1:]:
                under |= self.member_exact_ascii(mop, mav, flags)
            return (_ASCII & ~under, frozenset(), True)
        out: CharSet = (0, frozenset(), False)
        for mop, mav in items:
            out = _union(out, self.member(mop, mav, flags))
        return out

    def seq(self, items: Any, flags: int) -> tuple:
        parts: list = []
        for op, av in items:
            part = self.node(op, av, flags)
            if part[0] == "s":
                parts.extend(part[1])
            else:
                parts.append(part)
        return ("s", parts)

    def node(self, op: Any, av: Any, flags: int) -> tuple:
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            return ("c", self.char(op, av, flags))
        if op is _c.SUBPATTERN:
            _group, add, remove, items = av
            if (add | remove) & ~_SRE_ALLOWED:
                raise _Unknown("flags")
            return self.seq(items, (flags | add) & ~remove)
        if _ATOMIC is not None and op is _ATOMIC:
            return self.seq(av, flags)
        if op is _c.BRANCH:
            return ("a", [self.seq(b, flags) for b in av[1]])
        if op in _REPEATS:
            lo, hi, items = av
            return ("r", self.seq(items, flags), lo, None if hi is _c.MAXREPEAT else hi)
        if op is _c.AT:
            return ("bol",) if av in _BEGIN else ("eol",) if av in _END else ("t",)
        if op is _c.ASSERT:
            direction, items = av
            return ("la" if direction == 1 else "lb", self.seq(items, flags))
        if op is _c.ASSERT_NOT:
            return ("t",)
        if op is _c.GROUPREF:
            return ("r", ("c", ALL), 0, None)
        if op is getattr(_c, "GROUPREF_EXISTS", None):
            _group, yes, no = av
            return ("a", [self.seq(yes, flags), self.seq(no, flags) if no is not None else ("s", [])])
        raise _Unknown(str(op))


# ---- facts about relaxed parts ----------------------------------------------------------------

def _count(n: tuple, chars: bool) -> "int | None":
    """The most characters (chars) or possible "\\n" characters (not chars) the part consumes;
    None when unbounded."""
    kind = n[0]
    if kind == "c":
        return 1 if chars or n[1][0] & _NL else 0
    if kind in ("s", "a"):
        got = [_count(p, chars) for p in n[1]]
        if any(g is None for g in got):
            return None
        return sum(got) if kind == "s" else max(got, default=0)  # type: ignore[arg-type]
    if kind == "r":
        inner = _count(n[1], chars)
        if inner == 0:
            return 0
        if inner is None or n[3] is None:
            return None
        return inner * n[3]
    return 0


# rough share of each character in news copy: only used to choose the pivot (any choice is exact)
def _freq(cs: CharSet) -> float:
    mask, extra, wide = cs
    total = 0.01 if wide else 0.0005 * len(extra)
    for cp in range(128):
        if mask >> cp & 1:
            ch = chr(cp)
            total += (0.16 if ch == " " else 0.03 if ch.islower() else 0.004 if ch.isupper() or ch == "\n"
                      else 0.003 if ch.isdigit() else 0.009 if ch in ".," else 0.001 if ch.isprintable()
                      else 0.0003)
    return total


# ---- the window ---------------------------------------------------------------------------------

MAX_TAIL = 6        # characters a look-behind of the probe checks before the pivot
MAX_TAILS = 12      # alternatives of those
MAX_BACK = 64       # characters a slice may reach back before its segment
MAX_SOURCE = 600    # a probe longer than this is cut after the pivot (still exact, just weaker)

def _tails(n: tuple) -> "list[tuple[tuple, bool]]":
    """The texts the part may end with, as (characters' sets, open): open when the tuple is the
    whole text (the part before may be joined on), closed when it is only the end of it."""
    kind = n[0]
    if kind == "c":
        return [((n[1],), True)]
    if kind == "bol":
        return [(("bol",), True)]
    if kind in ("eol", "t", "la", "lb"):
        return [((), True)]
    if kind == "a":
        out: list = []
        for p in n[1]:
            out.extend(_tails(p))
        return _cap(out)
    if kind == "s":
        return _tails_of_seq(n[1])
    if kind == "r":
        _r, body, lo, hi = n
        if hi is not None and hi <= 4 and hi - lo <= 3:
            out = []
            for count in range(lo, hi + 1):
                out.extend(_tails_of_seq([body] * count))
            return _cap(out)
        return [(t, False) for t, _open in _tails_of_seq([body] * min(lo, MAX_TAIL))]
    raise _Unknown(kind)


def _tails_of_seq(parts: list) -> "list[tuple[tuple, bool]]":
    done: list = [((), True)]
    for p in reversed(parts):
        if not any(op for _t, op in done):
            break
        step: list = []
        for toks, open_ in done:
            if not open_:
                step.append((toks, False))
                continue
            for ptoks, popen in _tails(p):
                step.append((ptoks + toks, popen))
        done = _cap(step)
    return done


def _cap(tails: list) -> list:
    """At most MAX_TAILS tails of at most MAX_TAIL characters: longer ones lose their start."""
    out = []
    for toks, open_ in tails:
        # a line start with characters before it: those end where the "\n" is
        if "bol" in toks:
            i = len(toks) - 1 - toks[::-1].index("bol")
            toks, open_ = ((_NL_SET,) + toks[i + 1:], False)
        if len(toks) > MAX_TAIL:
            toks, open_ = toks[-MAX_TAIL:], False
        out.append((toks, open_))
    out = list(dict.fromkeys(out))
    while len(out) > MAX_TAILS:
        width = max(len(t) for t, _ in out) - 1
        out = list(dict.fromkeys((t[-width:] if width else (), op and len(t) <= width) for t, op in out))
    return out


def _class_source(cs: CharSet) -> str:
    mask, extra, wide = cs
    if mask == _ASCII and wide:
        return r"(?s:.)"
    if wide:
        # every non-ASCII character and some ASCII ones: written as the ASCII characters it
        # lacks, negated (the same set, for a str pattern without IGNORECASE), because `re`
        # compiles a range reaching past U+FFFF through a 65,536-entry map in Python: ~5 ms a
        # class, most of a machine's first run, against ~0.05 ms for a 128-character one
        return "[^" + _ranges(_ASCII & ~mask) + "]"
    parts = _ranges(mask) + "".join(_esc(ord(ch)) for ch in sorted(extra))
    if not parts:
        return r"[^\x00-\U0010ffff]"
    return "[" + parts + "]"


def _ranges(mask: int) -> str:
    """The ASCII characters of `mask` as class members (runs as ranges)."""
    parts = []
    cp = 0
    while cp < 128:
        if mask >> cp & 1:
            end = cp
            while end + 1 < 128 and mask >> (end + 1) & 1:
                end += 1
            parts.append(_esc(cp) if end == cp else _esc(cp) + ("-" if end > cp + 1 else "") + _esc(end))
            cp = end + 1
        else:
            cp += 1
    return "".join(parts)


def _esc(cp: int) -> str:
    return f"\\x{cp:02x}" if cp < 256 else f"\\u{cp:04x}" if cp < 0x10000 else f"\\U{cp:08x}"


def _source(n: tuple) -> str:
    kind = n[0]
    if kind == "c":
        return _class_source(n[1])
    if kind == "s":
        return "".join(_source(p) for p in n[1])
    if kind == "a":
        return "(?:" + "|".join(_source(p) for p in n[1]) + ")"
    if kind == "r":
        _r, body, lo, hi = n
        if hi == 0:
            return ""
        inner = _source(body)
        single = body[0] == "c" or (body[0] == "s" and len(body[1]) == 1 and body[1][0][0] == "c")
        times = {(0, None): "*", (1, None): "+", (0, 1): "?"}.get((lo, hi)) or \
            ("{%d,}" % lo if hi is None else "{%d}" % lo if lo == hi else "{%d,%d}" % (lo, hi))
        return (inner if single else "(?:" + inner + ")") + times
    if kind == "bol":
        return r"(?<=\n)"
    if kind == "eol":
        return r"(?=\n)"
    if kind == "la":
        inner = _source(n[1])
        return "(?=" + inner + ")" if inner else ""
    return ""       # "t", and a look-behind past the window's start: no condition


def _safe_rest(parts: list) -> list:
    """The parts up to the first one the `re` engine could backtrack on without end (relaxing
    the classes can make a pattern's alternatives overlap): a repeat of more than one
    character's set that may repeat more than once more, a repeat inside a repeat, or a second
    repeat without bound of a set that is not a few characters other than "\n" (a run of
    those ends soon). Such a repeat contributes the copies it must hold and ends the window:
    cutting the window's end is always exact."""
    out = []
    wide_runs = 0
    for p in parts:
        wide_runs += _wide_runs(p)
        if wide_runs > 1 or not _tame(p, 0):
            if p[0] == "r" and p[2] >= 1:
                out.extend(_safe_rest(_flat([p[1]] * min(p[2], 4)))[:8])
            break
        out.append(p)
    return out


def _narrow(cs: CharSet) -> bool:
    mask, extra, wide = cs
    return not wide and not mask & _NL and bin(mask).count("1") + len(extra) <= 8


def _wide_runs(n: tuple) -> int:
    """Repeats without bound in the part, but for those of a narrow set."""
    kind = n[0]
    if kind == "r":
        body = n[1]
        simple = body[1][0] if body[0] == "s" and len(body[1]) == 1 else body
        own = n[3] is None and not (simple[0] == "c" and _narrow(simple[1]))
        return own + _wide_runs(body)
    if kind in ("s", "a"):
        return sum(_wide_runs(p) for p in n[1])
    if kind == "la":
        return _wide_runs(n[1])
    return 0


def _tame(n: tuple, depth: int) -> bool:
    kind = n[0]
    if kind == "r":
        _r, body, lo, hi = n
        simple = body[0] == "c" or (body[0] == "s" and len(body[1]) == 1 and body[1][0][0] == "c")
        if depth or not (simple or (hi is not None and hi - lo <= 1)):
            return False
        if not simple and hi is not None and hi > 4:
            return False
        return _tame(body, depth + 1)
    if kind in ("s", "a"):
        return all(_tame(p, depth) for p in n[1])
    if kind == "la":
        return _tame(n[1], depth)
    return True


def _trim(parts: list) -> list:
    """The window without its leading and trailing optional parts, its leading and trailing
    repeats cut to their least count (every match of the whole still holds one of the rest).
    Parts are (part, from the look-behind) pairs."""
    parts = list(parts)
    while parts:
        p, tag = parts[0]
        if p[0] in ("t", "la", "lb", "eol") or (p[0] == "r" and (p[2] == 0 or p[3] == 0)):
            parts.pop(0)
        elif p[0] == "r":
            parts[:1] = [(x, tag) for x in _flat([p[1]] * p[2])]
        elif p[0] == "s":
            parts[:1] = [(x, tag) for x in p[1]]
        else:
            break
    while parts:
        p, tag = parts[-1]
        if p[0] in ("t", "lb") or (p[0] == "r" and (p[2] == 0 or p[3] == 0)):
            parts.pop()
        elif p[0] == "r":
            parts[-1:] = [(x, tag) for x in _flat([p[1]] * p[2])]
        elif p[0] == "s":
            parts[-1:] = [(x, tag) for x in p[1]]
        else:
            break
    return parts


def _flat(parts: list) -> list:
    out: list = []
    for p in parts:
        if p[0] == "s":
            out.extend(_flat(p[1]))
        else:
            out.append(p)
    return out


_ZERO = ("t", "bol", "eol", "la", "lb")


def _window(parts: list) -> "tuple[list, int]":
    """The window of one alternative: (its parts, how many of the first stand for text before
    the match, from its look-behind)."""
    parts = _flat(parts)
    consuming = [i for i, p in enumerate(parts) if p[0] not in _ZERO]
    first = consuming[0] if consuming else len(parts)
    last = consuming[-1] if consuming else -1
    lead, body, end = parts[:first], parts[first:last + 1], parts[last + 1:]
    # a look-behind right before the match: written out in front, when it spans a bounded
    # number of characters or of line breaks (the slice then reaches back over them); the other
    # zero-width parts there hold at the match's start, after it
    behind: list = []
    kept_lead = []
    for p in lead:
        if p[0] == "lb":
            if not behind and (_count(p[1], True) is not None or _count(p[1], False) is not None):
                behind = _flat([p[1]])
        else:
            kept_lead.append(p)
    # a look-ahead right after the match: its text follows (it reads no further than the
    # segment's end); the other zero-width parts there hold at the match's end, before it
    ahead: list = []
    kept_end = []
    for p in end:
        if p[0] == "la" and not ahead:
            ahead = _flat([p[1]])
        elif p[0] != "lb":
            kept_end.append(p)
    middle = [("t",) if p[0] == "lb" else p for p in body]
    tagged = [(p, True) for p in behind] + [(p, False) for p in kept_lead + middle + kept_end + ahead]
    trimmed = _trim(tagged)
    window = [p for p, _tag in trimmed]
    m = sum(1 for _p, tag in trimmed if tag)
    # a line end at the end is a "\n" after it (the probe reads a "\n" added past the
    # segment's end), a line start at the front a "\n" before it
    if window and window[-1][0] == "eol":
        window[-1] = ("c", _NL_SET)
    if window and window[0][0] == "bol":
        window[0] = ("c", _NL_SET)
    return window, m


# ---- the probe ----------------------------------------------------------------------------------

def derive(pattern: str, flags: int = 0, eol: bool = True,
           ) -> "tuple[tuple[tuple[str, str], ...], int, int, float, bool, bool] | None":
    """(probes, each with the one character it starts with or "", characters and line breaks
    their slice reaches back before the segment, estimated share of positions the search stops
    at, whether the probe is only the pivot's character, whether it reads line starts or ends
    (then a slice gets a "\n" at both ends)), or None. With `eol` off, line ends are
    no condition (for one search across many segments, whose ends are not followed by "\\n")."""
    if flags & ~_ALLOWED_FLAGS:
        return None
    classes: dict[int, str] = {}

    def placeholder(m: "re.Match[str]") -> str:
        cp = 0x10FF00 + len(classes)
        classes[cp] = m.group(0)[len(m.group(1)):]
        return m.group(1) + chr(cp)

    if any(0x10FF00 <= ord(ch) <= 0x10FFFF for ch in pattern):
        return None
    source = _UNICODE_CLASS.sub(placeholder, pattern)
    if _MISREAD.search(source) or len(classes) > 0xFF:
        return None
    # the pattern's flags as the standard parser numbers them
    sre_flags = (flags & ~_REGEX_ASCII & ~_VERSION0) | (_SRE_ASCII if flags & _REGEX_ASCII else 0)
    try:
        parsed = _sre.parse(source)
        all_flags = sre_flags | parsed.state.flags
        if all_flags & ~_SRE_ALLOWED:
            return None
        tree = _Reader(all_flags, classes).seq(list(parsed), all_flags)
        return _probe(tree, eol)
    except (_Unknown, re.error, ValueError, RecursionError, OverflowError):
        return None
    except Exception:   # `regex` rejecting a class escape, or a parse tree of an unknown shape
        return None


def _alternatives(tree: tuple) -> list:
    parts = tree[1] if tree[0] == "s" else [tree]
    real = [p for p in parts if p[0] != "t"]
    if len(real) == 1 and real[0][0] == "a":
        out = []
        for alt in real[0][1]:
            out.extend(_alternatives(alt))
        return out
    return [parts]


def _no_eol(n: tuple) -> tuple:
    kind = n[0]
    if kind == "eol":
        return ("t",)
    if kind in ("s", "a"):
        return (kind, [_no_eol(p) for p in n[1]])
    if kind == "r":
        return ("r", _no_eol(n[1]), n[2], n[3])
    if kind in ("la", "lb"):
        return (kind, _no_eol(n[1]))
    return n


SPLIT = 4      # a pivot of at most this many characters gets a search per character


def _anchored(n: tuple) -> bool:
    """The part tests a line start or end (which the probe reads as a "\n" added around a slice)."""
    if n[0] in ("bol", "eol"):
        return True
    if n[0] in ("s", "a"):
        return any(_anchored(p) for p in n[1])
    if n[0] in ("r", "la", "lb"):
        return _anchored(n[1])
    return False


def _probe(tree: tuple, eol: bool) -> "tuple[tuple[tuple[str, str], ...], int, int, float, bool, bool] | None":
    if not eol:
        tree = _no_eol(tree)
    chosen = []
    for parts in _alternatives(tree):
        got = _best(parts)
        if got is None:
            return None     # one alternative with nothing certain: every segment may match
        chosen.append(got)
    pivot: CharSet = (0, frozenset(), False)
    for got in chosen:
        pivot = _union(pivot, got[0])
    chars = max(b[4][0] for b in chosen)
    lines = max(b[4][1] for b in chosen)
    bare = all(len(t) == 1 for b in chosen for t in b[1]) and not any(b[2] for b in chosen)
    # `re` jumps to a single character's places as fast as str.find, but tests a class at every
    # character (~20 us an article): a few characters get a search each
    members = _members(pivot)
    if members is not None and len(members) <= SPLIT:
        sources = tuple((_branches(_of_chars({ch}), chosen), ch) for ch in members)
    else:
        sources = ((_branches(pivot, chosen), ""),)
    return sources, chars, lines, _freq(pivot), bare, _anchored(tree)


def _members(cs: CharSet) -> "list[str] | None":
    mask, extra, wide = cs
    if wide:
        return None
    return [chr(cp) for cp in range(128) if mask >> cp & 1] + sorted(extra)


def _branches(pivot: CharSet, chosen: list) -> str:
    """The probe of the alternatives whose pivot holds a character of `pivot`, searched from it."""
    branches = []
    for cs, tails, rest, first, _back in chosen:
        if not _overlaps(pivot, cs):
            continue
        mine = [t for t in tails if _overlaps(pivot, t[-1])]
        # a tail of the pivot's character alone, in a class holding the whole pivot: always true
        checks = [] if any(len(t) == 1 and _union(t[-1], pivot) == t[-1] for t in mine) else mine
        behind = "|".join("(?<=" + "".join(_class_source(x) for x in t[:-1]) + _class_source(_meet(t[-1], pivot)) + ")"
                          for t in checks)
        behind = "(?:" + behind + ")" if len(checks) > 1 else behind
        # the side likelier to fail is tested first: what follows, or what comes before
        before = (0, frozenset(), False)
        for t in checks:
            before = _union(before, t[-2] if len(t) > 1 else ALL)
        if rest and checks and first is not None and _freq(first) < _freq(before):
            branches.append("(?=" + rest + ")" + behind)
        else:
            branches.append(behind + rest)
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return _class_source(pivot) + body


def _overlaps(a: CharSet, b: CharSet) -> bool:
    return bool(a[0] & b[0]) or bool(a[1] & b[1]) or (a[2] and (b[2] or bool(b[1]))) or (b[2] and bool(a[1]))


def _meet(a: CharSet, b: CharSet) -> CharSet:
    """A set holding every character of both (exactly their common part when either is listed)."""
    if a[2] and b[2]:
        return (a[0] & b[0], frozenset(), True)
    listed = (a[1] & b[1]) | (frozenset(ch for ch in a[1] if b[2])) | (frozenset(ch for ch in b[1] if a[2]))
    return (a[0] & b[0], listed, False)


def _first(parts: list) -> "CharSet | None":
    """The set of the first character the parts read, when they must read one."""
    out: CharSet = (0, frozenset(), False)
    for p in parts:
        if p[0] in ("t", "la", "lb", "bol", "eol"):
            continue
        if p[0] == "s":
            inner = _first(p[1])
            if inner is None:
                return None
            return _union(out, inner)
        if p[0] == "c":
            return _union(out, p[1])
        if p[0] == "r":
            inner = _first(_flat([p[1]]))
            if inner is None:
                return None
            out = _union(out, inner)
            if p[2] >= 1:
                return out
            continue
        return None
    return None


def _best(parts: list) -> "tuple[CharSet, list, str, CharSet | None, tuple[int, int]] | None":
    """The cheapest pivot of one alternative: (its set, the tails its look-behinds check, the
    source after it, the set of the first character that must follow it, (characters, line
    breaks) the slice reaches back)."""
    window, m = _window(parts)
    best = None
    for j in range(1, len(window) + 1):
        tails = [t for t, _open in _tails_of_seq(window[:j])]
        if not tails or any(not t or t[-1] == "bol" for t in tails):
            continue
        cs: CharSet = (0, frozenset(), False)
        for t in tails:
            cs = _union(cs, t[-1])
        if cs == ALL:
            continue
        back = _back(window, m, j, tails)
        if back is None:
            continue
        cost = _freq(cs)
        if best is None or cost < best[0] - 1e-9:
            best = (cost, j, cs, tails, back)
    if best is None:
        return None
    _cost, j, cs, tails, back = best
    # a tail that ends with another one (character by character, in a wider class) adds nothing
    tails = [t for t in tails if not any(u != t and len(u) <= len(t) and all(
        _union(a, b) == a for a, b in zip(u[::-1], t[::-1])) for u in tails)]
    rest = _safe_rest(window[j:])
    rest_source = _source(("s", rest))
    if len(rest_source) > MAX_SOURCE:
        rest_source, rest = "", []
    return cs, tails, rest_source, _first(rest), back


def _back(window: list, m: int, j: int, tails: list) -> "tuple[int, int] | None":
    """How far a segment's slice must reach back for this pivot: (characters, line breaks).

    The probe reads the tails (ending at the pivot's boundary) and the window after it. With no
    look-behind text in the window, all of it lies in the match or after it, inside the segment
    (a line start at its front reads the "\n" before the match: a real one, or the one added
    before the slice). Otherwise the boundary lies at most the look-behind parts after it before
    the match, which starts in the segment: the slice reaches back over their characters, or,
    when those are not bounded, over the line breaks they and the tails may hold (one more
    unless every tail starts with a "\n", where the slice then starts)."""
    if m == 0:
        return (0, 0)
    width = max(len(t) for t in tails)
    if j >= m:
        return (width, 0) if width <= MAX_BACK else None
    inside = ("s", window[j:m])
    chars = _count(inside, True)
    if chars is not None and chars + width <= MAX_BACK:
        return (chars + width, 0)
    newlines = _count(inside, False)
    if newlines is None:
        return None
    newlines += max(sum(1 for x in t if x[0] & _NL) for t in tails)
    first_is_nl = all(t[0] == _NL_SET for t in tails)
    return (0, newlines if first_is_nl else newlines + 1)


# ---- using it -----------------------------------------------------------------------------------

GATE_MAX_FREQ = 0.02    # a search across all the segments first pays only when its pivot is rare
PROBE_MAX_FREQ = 0.02   # a pivot commoner than this (a digit, a space) costs more searches than it saves


def derived(pattern: str, flags: int = 0, eol: bool = True,
            ) -> "tuple[tuple[tuple[str, str], ...], int, int, float, bool, bool] | None":
    """derive(), kept between runs (deskcheck.compiled.memo): a cold process would otherwise read
    every rule's pattern again."""
    from . import compiled, prefilter
    # the derivation reads the pattern with prefilter's parser set-up too: its code is in the key
    key = (pattern, int(flags), eol, compiled._code_digest(prefilter.__file__))
    return compiled.memo("probes.derive", key, lambda: derive(pattern, flags, eol),  # type: ignore[no-any-return]
                         __file__)


class Probe:
    """Compiled probes and how to search a segment with them (a segment is kept when one finds
    something): a slice reaching back `chars` characters and `lines` line breaks before the
    segment, with a "\n" added at both ends when `pad` is set, in the text or its case-folded
    copy (`folded`). Each probe may name the one character it starts with: an article without
    that character has no place for it, which `in` tells faster than the search. `gates`, when
    set, are searched once across all the segments first (probes whose line ends are no
    condition: the text after a segment is not a "\n"). A `sliced` probe (one with negative
    look-arounds) searches each segment as a string of its own; the others search between
    `pos` and `endpos`, which sees no further than a slice would past the end but more before
    the start, and so only finds more (and copies nothing)."""
    __slots__ = ("searches", "gates", "chars", "lines", "pad", "folded", "sliced", "first")

    def __init__(self, probes: "tuple[tuple[re.Pattern[str], str], ...]",
                 gates: "tuple[tuple[re.Pattern[str], str], ...]" = (), chars: int = 0, lines: int = 0,
                 pad: bool = False, folded: bool = False, sliced: bool = False) -> None:
        self.sliced = sliced
        self.first = False      # asked before the segment needles (Filter.segments)
        self.searches = tuple((p.search, ch) for p, ch in probes)
        self.gates = tuple((p.search, ch) for p, ch in gates)
        self.chars = chars
        self.lines = lines
        self.pad = pad
        self.folded = folded

    def start(self, text: str, start: int) -> int:
        """Where a segment's slice begins."""
        begin = max(0, start - self.chars)
        for _ in range(self.lines):
            start = text.rfind("\n", 0, start)
            if start < 0:
                return 0
        return min(begin, start)

    def keep(self, text: str, spans: "list[Any]") -> "list[Any]":
        """The spans in which a probe finds something."""
        pad = self.pad
        # a probe whose first character is not in the text finds nothing (a "\n" is added
        # around a padded slice)
        searches = [search for search, ch in self.searches if not ch or ch in text or (pad and ch == "\n")]
        if not searches:
            return []
        if self.gates and len(spans) > 1:
            gates = [gate for gate, ch in self.gates if not ch or ch in text or (pad and ch == "\n")]
            lo = self.start(text, min(s.start for s in spans))
            hi = max(s.end for s in spans)
            if pad:
                whole = "\n" + text[lo:hi] + "\n"
                if not any(gate(whole) for gate in gates):
                    return []
            elif not any(gate(text, lo, hi) for gate in gates):
                return []
        kept = []
        for s in spans:
            lo = self.start(text, s.start) if self.chars or self.lines else s.start
            if pad or self.sliced:
                piece = "\n" + text[lo:s.end] + "\n" if pad else text[lo:s.end]
                for search in searches:
                    if search(piece):
                        kept.append(s)
                        break
            else:
                for search in searches:
                    if search(text, lo, s.end):
                        kept.append(s)
                        break
        return kept


def common(ch: str) -> bool:
    """A character found in most paragraphs (a needle of it selects little)."""
    return _freq(_of_chars({ch})) >= 0.002


def probe_for(pattern: str, flags: int = 0, needles: bool = False) -> "Probe | None":
    """The derived probe of a pattern (compiled as rule patterns are), or None when nothing
    short and certain is in every match, its rarest character is common, or (when the pattern
    has `needles` to choose segments by) it is a single character the needles already test."""
    got = derived(pattern, flags)
    if got is None or got[3] > PROBE_MAX_FREQ or (needles and got[4]):
        return None
    from .compiled import re_compile
    sources, chars, lines, pad = got[0], got[1], got[2], got[5]
    gate = derived(pattern, flags, eol=False)
    gates: tuple = ()
    if gate is not None and gate[3] <= GATE_MAX_FREQ:
        # one slice start for both: each reaches back as far as the other needs
        gates = tuple((re_compile(g), ch) for g, ch in gate[0])
        chars, lines, pad = max(chars, gate[1]), max(lines, gate[2]), pad or gate[5]
    return Probe(tuple((re_compile(p), ch) for p, ch in sources), gates, chars, lines, pad=pad)
