"""`capitalization`: the case of each unit of a scope, usually headings (Vale's kind).

`match` is `$title` (AP or Chicago `style`), `$sentence`, `$lower`, `$upper` or a pattern the
text must contain. As in Vale, `$title` and `$sentence` compare each word with the converted
text and pass when at least `threshold` (default 0.8) of the words agree, so one proper noun
does not fail a sentence-case headline; `exceptions` (and, with `vocab`, the accepted
vocabulary) are words kept as written; `indicators` are suffixes after which a sentence-case
word is capitalised (a colon, say); `prefix` is a pattern for a leading part to ignore ("a. ").
The message takes the text and then the expected form. With `action: replace`, a `$title` or
`$sentence` finding suggests the converted text, as Vale's fix does.

AP capitalises "to" before a verb; without a part-of-speech tagger, "to" passes in either case.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

import regex

from ..analysis.quotes import STRAIGHT_FORMS
from ..compiled import regex_compile
from ..model import Hit, Span
from ..patterns import compile_pattern, search
from .base import Context, Kind, OptionError
from .vale import WORD_TEMPLATE, Action, compile_option, units, wrap_case

# lower-cased in titles unless first or last: articles, short conjunctions and prepositions
AP_MINOR = frozenset("a an the and but or nor for as if at by in of on per to via vs vs. v v.".split())
CHICAGO_MINOR = AP_MINOR | frozenset("""
about above across after against along amid among around before behind below beneath beside
besides between beyond despite down during except from inside into like near onto outside over
past since than through throughout toward towards under underneath until upon with within without
""".split())
STYLES = {"ap": AP_MINOR, "chicago": CHICAGO_MINOR}

TITLE_WORD = regex_compile(r"[\p{N}\p{L}]+[^\s\-/]*")
COUNT_WORD = r"[\p{N}\p{L}*]+[^\s]*"
NUMBERED = regex_compile(r"\d+\.")
# typographic marks read as their ASCII forms when looking at a word's neighbours
_ASCII = str.maketrans({**STRAIGHT_FORMS, "\u2013": "-", "\u2014": "-", "\u2026": "."})


def title_first(word: str, strict: bool) -> str:
    """The first letter upper-cased; with `strict`, the rest lower-cased."""
    rest = word[1:].lower() if strict else word[1:]
    return word[:1].upper() + rest


@lru_cache(maxsize=1024)
def _compile_or_none(pattern: str) -> "regex.Pattern[str] | None":
    try:
        return compile_pattern(pattern)
    except ValueError:
        return None


class Capitalization(Kind):
    name = "capitalization"
    default_category = "style"

    @dataclass
    class Options:
        match: str = ""
        style: str = "AP"
        exceptions: list[str] = field(default_factory=list)
        indicators: list[str] = field(default_factory=list)
        threshold: float = 0.0
        vocab: bool = True
        prefix: str = ""
        action: dict = field(default_factory=dict)

    def setup(self) -> None:
        o = self.options
        if not o.match:
            raise OptionError("match", "a capitalization rule needs 'match' ($title, $sentence, $lower, "
                                       "$upper or a pattern)")
        if str(o.style).lower() not in STYLES:
            raise OptionError("style", f"unknown style '{o.style}' (expected AP or Chicago)")
        self.minor = STYLES[str(o.style).lower()]
        # Vale treats 0 as unset: a threshold of 0 would pass everything
        self.threshold = o.threshold or 0.8
        for e in o.exceptions:
            compile_option(str(e), "exceptions", entry=str(e))
        self.prefix = compile_option(o.prefix, "prefix") if o.prefix else None
        self.pattern = None
        if not o.match.startswith("$"):
            self.pattern = compile_option(o.match, "match")
        elif o.match not in ("$title", "$sentence", "$lower", "$upper"):
            raise OptionError("match", f"unknown match '{o.match}' (expected $title, $sentence, $lower, "
                                       "$upper or a pattern)")
        action = Action(o.action)
        # as in Vale, only a case style (not a pattern) can be turned into a fix
        self.suggest = action.name == "replace" and o.match in ("$title", "$sentence")
        if action.name and not self.suggest:
            self.ignored_options = (f"action '{action.name}'",)

    def check(self, ctx: Context) -> Iterable[Hit]:
        terms = self._terms(ctx)
        except_re = _exceptions_pattern(terms)
        rid, path = self.rule.id, ctx.doc.path

        def excepted(s: str) -> bool:
            return except_re is not None and search(except_re, s, rid, path) is not None

        for unit in units(ctx, self.scope):
            start, end = unit[0].start, unit[-1].end
            while start < end and ctx.text[start].isspace():
                start += 1
            while end > start and ctx.text[end - 1].isspace():
                end -= 1
            if start == end:
                continue
            text = ctx.text[start:end]
            expected, ok = self._verdict(text, terms, except_re, excepted, ctx)
            if not ok:
                yield Hit(Span(start, end), self.message(text, expected), (expected,) if self.suggest else ())

    def _terms(self, ctx: Context) -> tuple[str, ...]:
        terms = [str(e) for e in self.options.exceptions]
        if self.options.vocab:
            terms.extend(sorted(ctx.settings.vocabulary.accept))
        return tuple(t for t in terms if t.strip())

    def _verdict(self, text: str, terms: tuple[str, ...], except_re: "regex.Pattern[str] | None",
                 excepted: Callable[[str], bool], ctx: Context) -> tuple[str, bool]:
        match = self.options.match
        if match == "$lower":
            expected = text.lower()
            return expected, text == expected or excepted(text)
        if match == "$upper":
            expected = text.upper()
            return expected, text == expected or excepted(text)
        if self.pattern is not None:
            found = search(self.pattern, text, self.rule.id, ctx.doc.path) is not None
            return self.pattern.pattern, found or excepted(text)
        if match == "$title":
            expected = self._title(text, terms)
        else:
            expected = self._sentence(text, terms)
        return expected, self._agrees(text, expected, except_re, excepted, match == "$title")

    def _agrees(self, text: str, expected: str, except_re: "regex.Pattern[str] | None",
                excepted: Callable[[str], bool], title: bool) -> bool:
        """Vale's vote: the share of words written as the converted text has them."""
        words_re = _word_pattern(except_re.pattern if except_re is not None else "")
        want = [m.group() for m in words_re.finditer(expected)]
        got = [m.group() for m in words_re.finditer(text)]
        if not got:
            return True
        agree = 0
        for i, word in enumerate(got):
            if i >= len(want) or word == want[i] or excepted(word):
                agree += 1
            elif title and (word == word.upper() or word.lower() == "to"):
                agree += 1      # an acronym; "to" (see the module note)
            elif not title and i == 0 and word != title_first(word, True):
                return False    # a sentence must start with a capital
        return agree / len(got) >= self.threshold

    def _split_prefix(self, text: str) -> tuple[str, str]:
        if self.prefix is not None:
            m = self.prefix.match(text)
            if m:
                return m.group(), text[m.end():]
        return "", text

    def _title(self, text: str, terms: tuple[str, ...]) -> str:
        prefix, s = self._split_prefix(text)
        plain = s.translate(_ASCII)
        words = list(TITLE_WORD.finditer(s))
        out, pos = [], 0
        for m in words:
            out.append(s[pos:m.start()])
            pos = m.end()
            word, a, b = m.group(), m.start(), m.end()
            kept = _in_vocab(word, terms)
            if kept is not None:
                out.append(kept)
                continue
            before = plain[a - 1] if a > 0 else ""
            before2 = plain[a - 2] if a > 1 else ""
            after = plain[b] if b < len(plain) else ""
            bounding = a == 0 or b == len(s)
            minor = not bounding and word.lower() in self.minor
            # a minor word stays lower-case only after a space, hyphen or slash, not after a colon
            # or inside a hyphenated compound
            if (minor and before in (" ", "-", "/") and before2 not in (":", "-")
                    and (after != "-" or before == "-")):
                out.append(word.lower())
            else:
                out.append(title_first(word, False))
        out.append(s[pos:])
        return prefix + "".join(out)

    def _sentence(self, text: str, terms: tuple[str, ...]) -> str:
        prefix, s = self._split_prefix(text)
        tokens = [m.group() for m in _sentence_tokens(terms).finditer(s)]
        indicators = tuple(str(i) for i in self.options.indicators)
        out = []
        for i, token in enumerate(tokens):
            kept = _in_vocab(token, terms)
            prev = tokens[i - 1] if i > 0 else ""
            if kept is not None:
                out.append(kept)
            elif i == 0 or (indicators and prev.endswith(indicators)) or (i == 1 and NUMBERED.search(prev)):
                out.append(title_first(token, True))
            else:
                out.append(token.lower())
        return prefix + " ".join(out)


def _in_vocab(word: str, terms: tuple[str, ...]) -> str | None:
    """An exception's own spelling when the word is it (any case); the word as written when an
    exception pattern occurs in it."""
    for term in sorted(terms, key=len, reverse=True):
        if term.casefold() == word.casefold():
            return term
        pattern = _compile_or_none(term)
        if pattern is not None and pattern.search(word):
            return word
    return None


@lru_cache(maxsize=64)
def _exceptions_pattern(terms: tuple[str, ...]) -> "regex.Pattern[str] | None":
    if not terms:
        return None
    parts = [wrap_case(t) if _compile_or_none(t) is not None else wrap_case(regex.escape(t))
             for t in sorted(terms, key=len, reverse=True)]
    return compile_pattern(WORD_TEMPLATE.format("|".join(parts)))


@lru_cache(maxsize=64)
def _word_pattern(exceptions: str) -> "regex.Pattern[str]":
    # an exception of several words ("New York") counts as one word
    return compile_pattern(f"{exceptions}|{COUNT_WORD}" if exceptions else COUNT_WORD)


@lru_cache(maxsize=64)
def _sentence_tokens(terms: tuple[str, ...]) -> "regex.Pattern[str]":
    usable = [t for t in sorted(terms, key=len, reverse=True) if _compile_or_none(t) is not None]
    body = (WORD_TEMPLATE.format("|".join(usable)) + "|" if usable else "") + COUNT_WORD
    return compile_pattern(body, ignorecase=True)

