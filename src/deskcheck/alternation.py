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
