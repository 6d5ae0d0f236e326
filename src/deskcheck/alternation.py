"""Long word alternations regrouped by first letter, so `re` tries a handful of them per word.

A pattern such as ``\\b(?:said|says|told|...)\\b`` with a hundred and fifty alternatives makes the
standard `re` engine try every alternative at every word boundary of the text. Grouping them
behind a one-letter lookahead, ``\\b(?:(?=s)(?:said|says|...)|(?=t)(?:told|...)|...)``, lets it
reject all but one group with a single character test.

The grouped pattern matches exactly what the flat one matches, at the same places and with the
same alternative: at a given position only the group whose letter matches the next character can
match at all (the groups' letters differ, and no letter is case-equivalent to another), and
inside it the alternatives keep their original order, so the first one that succeeds is the one
the flat pattern would have taken. An alternative that starts with a group of words
(``(?:was|were) quoted``) is spread into its words first, in order, which the engine would have
tried in that same order.
"""
from __future__ import annotations

from functools import lru_cache

from .compiled import re_compile

_LEADING_LOOKBEHIND = re_compile(r"\(\?<[!=](?:[^()\\]|\\.)*\)")
_LEADING_GROUP = re_compile(r"\(\?:((?:[^()\\]|\\.)*)\)")


def split_top(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (bars inside groups and classes are kept)."""
    out: list[str] = []
    depth = 0
    current: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            current.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[":
            j = i + 1
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            current.append(pattern[i:j + 1])
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            out.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    out.append("".join(current))
    return out


def _spread(alternative: str) -> list[str]:
    """`(?:was|were) quoted` -> `was quoted`, `were quoted` (same order, same matches)."""
    m = _LEADING_GROUP.match(alternative)
    if m is None:
        return [alternative]
    rest = alternative[m.end():]
    return [word + rest for part in split_top(m.group(1)) for word in _spread(part)]


def _first_letter(alternative: str) -> str:
    lookbehind = _LEADING_LOOKBEHIND.match(alternative)
    core = alternative[lookbehind.end():] if lookbehind else alternative
    first = core[:1]
    if not (first.isascii() and first.isalpha()):
        raise ValueError(f"alternative {alternative!r} does not start with a plain letter")
    return first


def by_first_letter(alternatives: list[str], ignorecase: bool) -> str:
    """One non-capturing group equivalent to ``(?:a1|a2|...)`` for alternatives that each start
    with a plain ASCII letter (after an optional lookbehind). `ignorecase` must say whether the
    pattern is compiled with re.IGNORECASE: then `S` and `s` share a group."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        for one in _spread(alternative):
            letter = _first_letter(one)
            groups.setdefault(letter.lower() if ignorecase else letter, []).append(one)
    return "(?:" + "|".join(f"(?={letter})(?:{'|'.join(alts)})" for letter, alts in groups.items()) + ")"


# What `re` matches an ASCII letter with under IGNORECASE besides its two cases (the test suite
# asks `re` itself, over every character): dotted and dotless i, the long s, the Kelvin sign.
_EXTRA_CASES = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
_META = frozenset("\\()[]{}|?*+.^$#")
_QUANTIFIERS = frozenset("?*+{")
_TRIE_DEPTH = 2          # deeper trees scan no faster and take longer to build


def _plain_char(core: str, i: int) -> str | None:
    """The character at `i` when it is a literal ASCII character matched once (no quantifier
    after it), else None."""
    if i >= len(core):
        return None
    c = core[i]
    if c in _META or not c.isascii() or (i + 1 < len(core) and core[i + 1] in _QUANTIFIERS):
        return None
    return c


@lru_cache(maxsize=None)
def _case_class(c: str) -> str:
    """A case-sensitive class of what `c` matches under IGNORECASE."""
    if not c.isalpha():
        return "\\" + c if not c.isalnum() else c
    return "[" + c.lower() + c.upper() + _EXTRA_CASES.get(c.lower(), "") + "]"


def _trie(items: list[tuple[str, str]], depth: int) -> str:
    keys = [_plain_char(core, depth) for _, core in items]
    if depth >= _TRIE_DEPTH or any(k is None for k in keys):
        rest = []
        for behind, core in items:
            # a lookbehind that stood before the `depth` characters now matched: the same test,
            # made from after them (they are letters, which `.` matches)
            rest.append((f"(?<{behind[3]}{behind[4:-1]}{'.' * depth})" if behind and depth else behind)
                        + core[depth:])
        return "(?i:" + "|".join(rest) + ")"
    groups: dict[str, list[tuple[str, str]]] = {}
    for key, item in zip(keys, items):
        groups.setdefault(key.lower(), []).append(item)     # type: ignore[union-attr]
    return "(?:" + "|".join(_case_class(k) + _trie(g, depth + 1) for k, g in groups.items()) + ")"


def by_prefix(alternatives: list[str]) -> str:
    """A group equivalent to ``(?i:a1|a2|...)``, for a pattern compiled WITHOUT re.IGNORECASE,
    whose alternatives share their first few characters in a tree: ``[sSſ](?:[aA](?i:id|ys)|...)``.

    The reasons by_first_letter's groups match what the flat list matches hold for each level:
    at a position only the alternatives whose leading characters match the text can match, they
    sit on one path of the tree in their original order, and so the first of them to succeed is
    the one the flat list takes. Each level is a case-sensitive class, which `re` skips in C for
    every alternative that cannot start here (it enters each case-insensitive or look-ahead-led
    alternative one by one): scans with a long cue list take about a third less time. The
    characters below each class are matched case-insensitively as before. A leading lookbehind
    (``(?<!-)called``) is moved past the characters matched before it (``(?<!-.)``)."""
    items: list[tuple[str, str]] = []
    for alternative in alternatives:
        for one in _spread(alternative):
            behind = _LEADING_LOOKBEHIND.match(one)
            items.append((behind.group(), one[behind.end():]) if behind else ("", one))
    return _trie(items, 0)
