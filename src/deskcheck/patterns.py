"""Regular expressions for rules, on the `regex` engine so a user's pattern can never hang a run.

`regex` supports a per-call timeout and the Unicode classes news copy needs (\\p{Lu}, \\p{L}),
which the standard `re` module lacks.
"""
from __future__ import annotations

from typing import Iterator

import regex

from . import compiled
from .errors import DeskcheckError

TIMEOUT_SECONDS = 2.0

# The engine's methods take the timeout as their last positional argument: finditer(string, pos,
# endpos, overlapped, concurrent, partial, timeout), search/match/fullmatch(string, pos, endpos,
# concurrent, partial, timeout), as `regex`'s own module functions pass it (since 2021). Passed
# by position it costs half as much per call as by keyword (parsing the keyword was the larger
# part of a call's fixed cost, measured at ~1 us, and rules make one call per paragraph); a test
# holds that a positional timeout still stops a runaway pattern.


class RegexTimeout(DeskcheckError):
    pass


def compile_pattern(pattern: str, ignorecase: bool = False) -> "regex.Pattern[str]":
    """Compile, raising ValueError with the engine's reason on a bad pattern."""
    flags = regex.VERSION0 | regex.MULTILINE
    if ignorecase:
        flags |= regex.IGNORECASE
    # compiled in an earlier run: the engine's finished program, loaded in microseconds
    stored = compiled.get(pattern, flags)
    if stored is not None:
        return stored  # type: ignore[no-any-return]
    try:
        result = regex.compile(pattern, flags)
    except regex.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
    compiled.put(pattern, flags, result)
    return result


def timeout_error(pattern: "regex.Pattern[str]", rule: str, path: str) -> RegexTimeout:
    return RegexTimeout(
        f"rule {rule}: pattern {pattern.pattern[:60]!r} ran for more than {TIMEOUT_SECONDS:g} s "
        "(catastrophic backtracking?)", path)


def finditer(pattern: "regex.Pattern[str]", text: str, pos: int = 0, endpos: int | None = None,
             rule: str = "", path: str = "") -> Iterator["regex.Match[str]"]:
    try:
        # collected first: the engine's timeout runs on the wall clock while the iterator lives, so
        # lazily yielding would charge the rule's own work per match (thousands of "word word"
        # repeats in a long paste) to the regular expression
        matches = list(pattern.finditer(text, pos, len(text) if endpos is None else endpos,
                                        False, None, False, TIMEOUT_SECONDS))
    except TimeoutError:
        raise timeout_error(pattern, rule, path) from None
    yield from matches


def search(pattern: "regex.Pattern[str]", text: str, rule: str = "", path: str = "",
           full: bool = False) -> "regex.Match[str] | None":
    """One search (or, with `full`, a whole-string match) under the same timeout as finditer."""
    try:
        if full:
            return pattern.fullmatch(text, None, None, None, False, TIMEOUT_SECONDS)
        return pattern.search(text, None, None, None, False, TIMEOUT_SECONDS)
    except TimeoutError:
        raise timeout_error(pattern, rule, path) from None
