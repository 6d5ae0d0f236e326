"""Skipping a regex rule on an article its pattern cannot match, without running the pattern.

Most style rules look for words an article does not contain, yet a regex scan costs the same
whether it finds something or not (a pattern that starts with a look-behind is tried at every
character). Every match of `(?<![\\w-])(?:utilize|in order to)(?![\\w-])` contains "utilize" or
"in order to"; if neither occurs in the article (a substring test in C, microseconds), the rule
has nothing to report and its scan is skipped. The answer is exact: a rule is skipped only when
a match is impossible, so findings never change, only the time.

The required strings are read from the pattern's parse tree (Python's own regex parser; the
`regex` engine's pattern language is a superset of it). A pattern this cannot read, or one that
uses `regex`-only syntax the standard parser would misread, gets no filter and always runs.
Case is ignored in the test (both sides case-folded), so one filter serves case-sensitive and
case-insensitive rules alike; for a case-sensitive rule it is merely a little less selective.
"""
from __future__ import annotations

import re
from typing import Any

try:                                # Python 3.11+
    from re import _constants as _c, _parser as _sre  # type: ignore[attr-defined]
except ImportError:                 # Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]

# `regex`-only syntax that the standard parser would take for literals or classes
_MISREAD = re.compile(r"\[:|\{[^}]*[A-Za-z<]")
# \p{L}, \P{Lu}, \pL: one character of a class; the standard parser rejects them, "." is the same shape
_UNICODE_CLASS = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^}]*\}|[A-Za-z])")

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)

Need = "frozenset[str] | None"    # at least one of these strings is in every match; None: unknown


def _fixed(items: Any) -> str | None:
    """The one string a sequence always matches (zero-width parts match ""), or None."""
    out = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(chr(av))
        elif op in _ZERO_WIDTH:
            continue
        elif op is _c.SUBPATTERN:
            inner = _fixed(av[-1])
            if inner is None:
                return None
            out.append(inner)
        else:
            return None
    return "".join(out)


def _better(a: "frozenset[str] | None", b: "frozenset[str] | None") -> "frozenset[str] | None":
    """The more selective of two requirements: longer shortest string, then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    ka = (min(map(len, a)), -len(a))
    kb = (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _class_chars(items: Any) -> "frozenset[str] | None":
    """The characters of a small positive class ("[,;]", a class of no-break spaces); None for a
    negated class, a category (word or space characters) or a wide range: one of the characters
    must be in the text."""
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
    return frozenset(chars) or None


def _need(items: Any) -> "frozenset[str] | None":
    best: frozenset[str] | None = None
    run: list[str] = []

    def close_run() -> None:
        nonlocal best
        if run and "".join(run):
            best = _better(best, frozenset({"".join(run)}))
        run.clear()

    for op, av in items:
        if op is _c.ASSERT:
            # a look-ahead or look-behind is zero-width, but what it asserts is in the text
            best = _better(best, _need(av[1]))
        fixed = _fixed([(op, av)])
        if fixed is not None:
            run.append(fixed)          # literals and fixed groups join into one longer string
            continue
        close_run()
        if op is _c.SUBPATTERN:
            best = _better(best, _need(av[-1]))
        elif op is _c.BRANCH:
            branches = [_need(b) for b in av[1]]
            if all(b is not None for b in branches):
                best = _better(best, frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS:
            if av[0] >= 1:
                best = _better(best, _need(av[2]))
        elif _ATOMIC is not None and op is _ATOMIC:
            best = _better(best, _need(av))
        elif op is _c.IN:
            best = _better(best, _class_chars(av))
        # classes, any-char, back-references, conditionals: no string is certain
    close_run()
    return best


def required_strings(pattern: str) -> "frozenset[str] | None":
    """Case-folded strings of which every match contains at least one; None when unknown."""
    pattern = _UNICODE_CLASS.sub(r"\1.", pattern)
    if _MISREAD.search(pattern):
        return None
    try:
        parsed = _sre.parse(pattern)
    except Exception:   # syntax only the `regex` engine knows: no filter, the rule just runs
        return None
    need = _need(list(parsed))
    if not need:
        return None
    folded = frozenset(fold(s) for s in need)
    if "" in folded:
        return None
    return folded


def fold(text: str) -> str:
    """Case-folded, less combining dots: a regex that ignores case matches "istanbul" in
    "İstanbul", whose full case folding is "i\u0307stanbul"."""
    return text.casefold().replace("\u0307", "")


def may_match(need: "frozenset[str] | None", folded_text: str) -> bool:
    return need is None or any(s in folded_text for s in need)
