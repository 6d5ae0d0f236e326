"""What the Vale-compatible kinds share: how Vale builds patterns from tokens, matches exceptions
and the vocabulary, and splits a scope into the units a rule counts over.

Vale's rules are written for its regexp2 engine (.NET syntax); the `regex` engine reads the same
syntax for what rules use (lookarounds, named groups, \\p{..} classes, inline flags).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

import regex

from ..model import Span
from .. import patterns
from ..patterns import compile_pattern, search, timeout_error
from .base import Context, OptionError, Vocabulary

# Vale's default word template: tokens are bounded by \b unless `nonword` is set
WORD_TEMPLATE = r"\b(?:{})\b"


def compile_option(pattern: str, key: str, ignorecase: bool = False, entry: str | None = None,
                   ) -> "regex.Pattern[str]":
    """Compile a pattern from option `key`; a bad pattern is an OptionError that locates its line."""
    try:
        return compile_pattern(pattern, ignorecase)
    except ValueError as exc:
        raise OptionError(key, str(exc), entry) from None


def check_each(patterns: Iterable[str], key: str, ignorecase: bool = False) -> None:
    """Compile every entry on its own first, so an error names the entry (and its line)."""
    for p in patterns:
        compile_option(p, key, ignorecase, entry=p)


def wrap_case(term: str) -> str:
    """An exception is case-sensitive unless it starts with (?i), whatever the rule's ignorecase."""
    if term.startswith("(?i)"):
        return f"(?i:{term[4:]})"
    return f"(?-i:{term})"


def compile_exceptions(exceptions: Sequence[str], key: str = "exceptions") -> "regex.Pattern[str] | None":
    """Vale's exception matcher: any term found, word-bounded, anywhere in the observed text."""
    terms = [str(t) for t in exceptions if str(t).strip()]
    if not terms:
        return None
    check_each(terms, key)
    # longest first, so an alternation prefers the longer of two overlapping terms
    terms.sort(key=len, reverse=True)
    return compile_option(WORD_TEMPLATE.format("|".join(wrap_case(t) for t in terms)), key)


@lru_cache(maxsize=64)
def _vocab_pattern(accept: frozenset[str]) -> "regex.Pattern[str] | None":
    terms = []
    for t in sorted(accept, key=len, reverse=True):
        if not t.strip():
            continue
        try:   # Vale's vocabulary entries are patterns; a plain word that is no valid one is literal
            compile_pattern(t)
            terms.append(wrap_case(t))
        except ValueError:
            terms.append(wrap_case(regex.escape(t)))
    if not terms:
        return None
    return compile_pattern(WORD_TEMPLATE.format("|".join(terms)))


class Exceptions:
    """A rule's `exceptions`, plus the run's accepted vocabulary when `vocab` is on (Vale's default)."""

    def __init__(self, exceptions: Sequence[str], vocab: bool = True) -> None:
        self.pattern = compile_exceptions(exceptions)
        self.vocab = vocab

    def matches(self, observed: str, ctx: Context, rule: str) -> bool:
        if self.pattern is not None and search(self.pattern, observed, rule, ctx.doc.path):
            return True
        if self.vocab:
            return vocab_accepts(ctx.settings.vocabulary, observed, rule, ctx.doc.path)
        return False


def vocab_accepts(vocab: Vocabulary, observed: str, rule: str, path: str) -> bool:
    pattern = _vocab_pattern(vocab.accept) if vocab.accept else None
    if pattern is not None and search(pattern, observed, rule, path):
        return True
    return any(p.search(observed) for p in vocab.accept_patterns)


def is_phrase(s: str) -> bool:
    """Vale's test for a replacement that is plain words rather than a pattern."""
    return all(ch.isalpha() or ch.isdigit() or ch in " -" for ch in s)


def cap_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def expand_groups(template: str, m: "regex.Match[str]") -> str:
    """Vale's replacement syntax: $1, ${1} and ${name} refer to the match's groups, $$ is a dollar."""
    def repl(g: "regex.Match[str]") -> str:
        if g.group() == "$$":
            return "$"
        ref = g.group(1) or g.group(2)
        try:
            key: int | str = int(ref)
        except ValueError:
            key = ref
        try:
            return m.group(key) or ""
        except (IndexError, regex.error):
            return g.group()

    return regex.sub(r"\$\$|\$(\d+)|\$\{(\w+)\}", repl, template)


def units(ctx: Context, scope: tuple[str, ...]) -> list[list[Span]]:
    """The scope's segments grouped into the units a rule counts over, as Vale runs a rule once
    per block of its scope: each sentence for `sentence`, the whole file for `raw`, otherwise
    each block (a heading, a paragraph...), even when a negated scope (`~quote`) cut it apart."""
    if not ctx.segments:
        return []
    if ctx.raw:
        return [list(ctx.segments)]
    positive = [s.split(".", 1)[0] for s in scope if not s.startswith("~")]
    if positive == ["sentence"]:
        return [[seg] for seg in ctx.segments]
    out: list[list[Span]] = []
    last_block = None
    for seg in ctx.segments:
        block = ctx.doc.block_at(seg.start)
        key = block.index if block is not None else None
        if out and key is not None and key == last_block:
            out[-1].append(seg)
        else:
            out.append([seg])
        last_block = key
    return out


# Vale's `action` fixes deskcheck can compute from the match alone (`suggest` needs Vale's
# spelling dictionaries or a Tengo script)
COMPUTED_ACTIONS = {"replace", "remove", "edit", "convert"}
EDIT_ARITY = {"regex": 3, "trim_right": 2, "trim_left": 2, "trim": 2, "truncate": 2, "split": 3}


class Action:
    """A rule's Vale `action`, turned into suggestions for a match."""

    def __init__(self, spec: object) -> None:
        if spec in (None, {}):
            spec = {}
        if not isinstance(spec, dict):
            raise OptionError("action", "'action' must be a mapping with a 'name' and optional 'params'")
        self.name = str(spec.get("name") or "")
        params = spec.get("params") or []
        self.params = [str(p) for p in (params if isinstance(params, list) else [params])]
        self.pattern: "regex.Pattern[str] | None" = None
        if self.name == "edit":
            op = self.params[0] if self.params else ""
            if EDIT_ARITY.get(op) != len(self.params):
                raise OptionError("action", f"edit action '{op}' needs {EDIT_ARITY.get(op, '?')} params "
                                            f"(one of: {', '.join(EDIT_ARITY)})")
            if op == "regex":
                self.pattern = compile_option(self.params[1], "action")
            if op == "split" and not self.params[2].isdigit():
                raise OptionError("action", "edit action 'split' needs a whole-number index")

    @property
    def unsupported(self) -> bool:
        """An action named but not computable here (it is ignored, with the loader's warning)."""
        return bool(self.name) and self.name not in COMPUTED_ACTIONS

    def fixes(self, match: str) -> tuple[str, ...]:
        if self.name == "replace":
            return tuple(self.params)
        if self.name == "remove":
            return ("",)
        if self.name == "convert":
            # Vale's "simple" case: words only, lower-cased, single-spaced
            return (" ".join(regex.sub(r"(?<=\p{Ll})(?=\p{Lu})|[^\p{L}\p{N}]+", " ", match).lower().split()),)
        if self.name == "edit":
            return (self._edit(match).strip(),)
        return ()

    def _edit(self, match: str) -> str:
        op, args = self.params[0], self.params[1:]
        if op == "regex" and self.pattern is not None:
            return self.pattern.sub(lambda m: expand_groups(args[1], m), match)
        if op == "trim_right":
            return match.rstrip(args[0])
        if op == "trim_left":
            return match.lstrip(args[0])
        if op == "trim":
            return match.strip(args[0])
        if op == "truncate":
            return match.split(args[0])[0] if args[0] else match
        parts = match.split(args[0]) if args[0] else [match]
        index = int(args[1])
        return parts[index] if index < len(parts) else match


def alternatives(fixes: Sequence[str]) -> str:
    """Vale's wording of a list of fixes for a message: 'a', 'a' or 'b', 'a', 'b' or 'c'."""
    quoted = [f"'{w}'" for w in fixes]
    if len(quoted) <= 2:
        return " or ".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def scan(pattern: "regex.Pattern[str]", text: str, segments: Sequence[Span], rule: str, path: str,
         ) -> "list[regex.Match[str]]":
    """Every match of the pattern in each segment, in order: what patterns.finditer gives per
    segment (each segment's matches collected under the same timeout), with one call frame for
    all the segments instead of a generator per segment (most rules are asked about a dozen
    paragraphs per article, and most paragraphs hold no match)."""
    timeout = patterns.TIMEOUT_SECONDS      # read at call time (a caller may lower it)
    finditer = pattern.finditer
    try:
        # (the timeout by position: see deskcheck.patterns)
        return [m for seg in segments for m in finditer(text, seg.start, seg.end, False, None, False, timeout)]
    except TimeoutError:
        raise timeout_error(pattern, rule, path) from None
