"""`demonym`: a nationality word used where the country is meant, or the reverse.

"visited Azerbaijani" (the country is Azerbaijan) and "the Belarus president" (the adjective is
Belarusian). Both read from one country table in the style's `data/` folder, so a newsroom can
add its own spellings. Only narrow contexts are checked: a demonym after a verb of travel with
no noun following it, and a country name between an article and a word for a person or people.
Wider contexts ("in Azerbaijani") are ambiguous with language names and are left alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from .. import yamlfast
from ..model import Hit, Span
from ..patterns import compile_pattern
from ..prefilter import with_word_boundary
from .base import Context, Kind
from .vale import scan


def _alternation(words: Iterable[str]) -> str:
    # longest first, so "South Korean" wins over "South"
    return "|".join(sorted((w.replace(" ", r"\s+") if w.isascii() else w for w in words), key=len, reverse=True))


@lru_cache(maxsize=8)
def _load_table(path: Path) -> dict[str, Any]:
    # both demonym rules read the same table: parse it once (with libyaml when present)
    return yamlfast.load_cached(path.read_text(encoding="utf-8")) or {}


class Demonym(Kind):
    name = "demonym"
    default_category = "usage"
    default_scope = ("text", "~quote")

    @dataclass
    class Options:
        mode: str = "as-country"          # as-country: "visited Azerbaijani"; as-adjective: "the Belarus president"
        table: str = "demonyms.yml"       # in the style's data/ folder: Country: [Adjective, other demonyms]
        triggers: list[str] = field(default_factory=list)    # as-country: words before the demonym (regex)
        followers: list[str] = field(default_factory=list)   # as-country: words that may follow it (no noun)
        roles: list[str] = field(default_factory=list)       # as-adjective: words after the country (regex)

    def setup(self) -> None:
        o = self.options
        if o.mode not in ("as-country", "as-adjective"):
            raise ValueError("'mode' must be as-country or as-adjective")
        path = self.rule.base_dir / "data" / o.table
        try:
            table = _load_table(path)
        except (OSError, yaml.YAMLError) as exc:
            raise ValueError(f"cannot read demonym table {path}: {exc}") from None
        # demonym -> countries; country -> its adjective (the first demonym listed)
        self.country_of: dict[str, list[str]] = {}
        self.adjective_of: dict[str, str] = {}
        for country, demonyms in table.items():
            demonyms = [str(d) for d in (demonyms if isinstance(demonyms, list) else [demonyms])]
            country = str(country)
            for d in demonyms:
                if d != country:
                    self.country_of.setdefault(d, []).append(country)
            if demonyms and demonyms[0] != country:
                self.adjective_of[country] = demonyms[0]
        if o.mode == "as-country":
            if not o.triggers:
                raise ValueError("mode as-country needs 'triggers'")
            follow = "|".join(f"(?:{f})" for f in o.followers) or r"(?!)"
            pattern = (rf"(?<![\w-])(?i:{'|'.join(f'(?:{t})' for t in o.triggers)})\s+"
                       rf"(?P<w>{_alternation(self.country_of)})(?![\w-])"
                       rf"(?=\s*(?:\Z|$|[.,;:!?)\]\"”’]|(?i:{follow})(?![\w-])))")
        else:
            if not o.roles:
                raise ValueError("mode as-adjective needs 'roles'")
            pattern = (rf"(?<![\w-])(?:[Tt]he|[Aa]n?)\s+(?P<w>{_alternation(self.adjective_of)})"
                       rf"\s+(?i:{'|'.join(f'(?:{r})' for r in o.roles)})(?![\w-])")
        self.pattern = compile_pattern(with_word_boundary(pattern))
        # "travelled to Russian, Belarusian and Polish cities": a list of adjectives, not a place
        self.list_next = compile_pattern(rf"\s*,\s*(?:and\s+|or\s+)?(?:{_alternation(self.country_of)})(?![\w-])")

    def check(self, ctx: Context) -> Iterable[Hit]:
        as_country = self.options.mode == "as-country"
        # every segment's matches in one call (what finditer gives per segment, without a
        # generator per paragraph: most hold no match)
        for m in scan(self.pattern, ctx.text, ctx.segments, self.rule.id, ctx.doc.path):
            word = " ".join(m.group("w").split())
            if as_country:
                if self.list_next.match(ctx.text, m.end("w")):
                    continue
                fixes = tuple(self.country_of.get(word, ()))
            else:
                fixes = (self.adjective_of[word],) if word in self.adjective_of else ()
            if not fixes:
                continue
            yield Hit(Span(m.start("w"), m.end("w")), self.message(" or ".join(fixes), word), fixes)
