"""`substitution`: suggest a replacement for a word or pattern (Vale's kind of the same name).

As in Vale: the `swap` keys (patterns) are tried longest first inside one word-bounded group;
the message takes the expected text first and the observed text second; a replacement may use
the key's groups (`$1`); with `capitalize` a capitalised match gets a capitalised replacement;
a match that already equals its replacement (or matches it, when the replacement is itself a
pattern) is not flagged. "a|b" offers both; a single replacement is a safe fix. Unlike Vale,
every rule offers its replacements as suggestions, `action: replace` or not.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import regex

from ..model import Hit, Span
from .. import patterns
from ..patterns import compile_pattern
from ..prefilter import with_word_boundary
from .base import Context, Kind, OptionError, format_message
from .vale import (WORD_TEMPLATE, Action, Exceptions, alternatives, cap_first, compile_option, expand_groups,
                   is_phrase, scan)


# the name of the group around each swap key (numbered), unlikely to clash with a rule's own groups
SWAP_GROUP = "deskcheck_swap_"


def unquote_one(message: str) -> str:
    """With `action: replace` Vale quotes each alternative itself, so it drops the quotes around
    the first of two quoted placeholders."""
    for spec in ("'%s'", '"%s"'):
        if message.count(spec) == 2:
            return message.replace(spec, "%s", 1)
    return message


class Substitution(Kind):
    name = "substitution"
    default_category = "usage"
    ignored_vale_options = frozenset({"pos"})

    @dataclass
    class Options:
        swap: dict = field(default_factory=dict)
        ignorecase: bool = False
        nonword: bool = False
        capitalize: bool = False
        exceptions: list[str] = field(default_factory=list)
        vocab: bool = True
        action: dict = field(default_factory=dict)

    def setup(self) -> None:
        o = self.options
        if not o.swap:
            raise OptionError("swap", "a substitution rule needs a 'swap' mapping")
        # longest key first, as Vale orders its alternation
        pairs = sorted(((str(k), str(v)) for k, v in o.swap.items()), key=lambda kv: len(kv[0]), reverse=True)
        self.keys = [k for k, _ in pairs]
        self.values = [v for _, v in pairs]
        self.key_patterns = [compile_option(k, "swap", o.ignorecase, entry=k) for k in self.keys]
        body = "|".join(f"(?P<{SWAP_GROUP}{i}>{k})" for i, k in enumerate(self.keys))
        self.pattern = compile_option(with_word_boundary(body if o.nonword else WORD_TEMPLATE.format(body), o.ignorecase),
                                      "swap", o.ignorecase)
        self.exceptions = Exceptions([str(e) for e in o.exceptions], o.vocab)
        action = Action(o.action)
        self.replace_action = action.name == "replace"
        # explicit replace params are the fixes; any other action leaves the swap's replacements
        self.action_params = action.params if self.replace_action else []
        if action.unsupported:
            self.ignored_options = (f"action '{action.name}'",)

    def check(self, ctx: Context) -> Iterable[Hit]:
        rid, path = self.rule.id, ctx.doc.path
        for m in scan(self.pattern, ctx.text, ctx.segments, rid, path):
            if not m.group():
                continue
            # Vale compares the match without surrounding space; a match that is all space
            # (a raw-scope whitespace rule) is compared as it is, so it can still be fixed
            observed = m.group().strip() or m.group()
            i = self._key_index(m)
            expected = self._expected(i, observed, rid, path)
            if self._same(expected, observed) or self.exceptions.matches(observed, ctx, rid):
                continue
            options = self.action_params or [self._cased(e, observed) for e in expected.split("|")]
            if self.replace_action:
                message = format_message(unquote_one(self.rule.message), alternatives(options), observed)
            else:
                message = self.message("' or '".join(options), observed)
            yield Hit(Span(m.start(), m.end()), message, tuple(options))

    @staticmethod
    def _key_index(m: "regex.Match[str]") -> int:
        name = m.lastgroup
        if name is None or not name.startswith(SWAP_GROUP):
            name = next(n for n, v in m.groupdict().items() if v is not None and n.startswith(SWAP_GROUP))
        return int(name[len(SWAP_GROUP):])

    def _cased(self, text: str, observed: str) -> str:
        # Vale's test: the match is unchanged by capitalising its first letter
        if self.options.capitalize and observed == cap_first(observed):
            return cap_first(text)
        return text

    def _expected(self, i: int, observed: str, rid: str, path: str) -> str:
        expected = self._cased(self.values[i], observed)
        if regex.search(r"\$\d", expected):
            key, template = self.key_patterns[i], expected
            # Vale rewrites every match of the key inside the observed text
            try:
                expected = key.sub(lambda km: expand_groups(template, km), observed,
                                   timeout=patterns.TIMEOUT_SECONDS)
            except TimeoutError:
                raise patterns.timeout_error(key, rid, path) from None
        return expected

    @staticmethod
    def _same(expected: str, observed: str) -> bool:
        if is_phrase(expected):
            return expected == observed
        pattern = _whole(expected)
        return expected == observed if pattern is None else pattern.match(observed) is not None


@lru_cache(maxsize=512)
def _whole(expected: str) -> "regex.Pattern[str] | None":
    """A replacement that is not plain words is read as a pattern the whole match may satisfy."""
    try:
        return compile_pattern(f"^(?:{expected})$")
    except ValueError:
        return None
