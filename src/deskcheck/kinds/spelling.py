"""`spelling`: words no English dictionary (en-US or en-GB) spells this way (Vale's kind of the same
name; a Vale rule of this kind loads, its Hunspell options warn and are ignored).

A word with no dictionary word within two edits is taken for a term the dictionary lacks
("pirozhki"), not a slip. Proper names are the names rule's business, so a capitalised word the dictionary lacks is taken
for a name unless it is plainly a slip on a common word: it opens a sentence or sits in a
headline (where any word is capitalised), is not used as a name elsewhere in the article, and is
a listed misspelling or one cheap slip from a common word ("Comittee", "Untill"; not "Zagulba").
A word valid in either en-US or en-GB is never a misspelling: a pinned `locale` steers the
suggestions, and the `variety` kind reports the other variety's spellings ("color" under en-GB).
So a word one dictionary happens to lack ("tiebreak" is missing from en-GB) is not flagged.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import AbstractSet, Iterable

from .. import lexicon
from ..analysis import cached
from ..analysis.words import ColumnIndex, Place, Word, WordIndex, word_index
from ..model import Document, Hit, Span
from ..patterns import compile_pattern
from .base import Context, Kind, Vocabulary

# parts of hyphenated compounds that are prefixes or suffixes, not words ("co-host", "Kafka-esque")
COMBINING = frozenset("""
anti ante arch auto bi bio co counter cross cyber de dis eco ex extra geo hyper inter intra macro
mega meso micro mid mini multi neo non off on out over para poly post pre pro proto pseudo quasi re
semi socio sub super supra trans tri ultra un under vice esque ish like wise fold odd style
aero agri agro astro audio cardio electro hydro info neuro petro photo psycho tele techno thermo
afro anglo euro franco indo sino russo greco italo austro
""".split())
_APOSTROPHES = "'\u2019\u02bc"


@dataclass(frozen=True)
class VocabRules:
    """Accept/reject lists with the case rules the README documents: an entry with a capital
    matches only that spelling ("iPhone"); an all-lowercase entry matches any case ("zagulba")."""
    exact: frozenset[str]
    lower: frozenset[str]
    patterns: tuple = ()

    @classmethod
    def of(cls, entries: Iterable[str], patterns: tuple = ()) -> "VocabRules":
        if not entries and not patterns:
            return _NO_RULES    # the usual article: no vocabulary (one shared empty list)
        items = [e.strip().replace("\u2019", "'") for e in entries if e and e.strip()]
        return cls(frozenset(e for e in items if e != e.lower()),
                   frozenset(e for e in items if e == e.lower()), tuple(patterns))

    def matches(self, word: str) -> bool:
        w = word.replace("\u2019", "'")
        if w in self.exact or w.lower() in self.lower:
            return True
        return any(p.fullmatch(w) for p in self.patterns)

    def __bool__(self) -> bool:
        return bool(self.exact or self.lower or self.patterns)


_NO_RULES = VocabRules(frozenset(), frozenset(), ())


def read_word_file(path: Path) -> list[str]:
    """One word a line; '#' starts a comment (Vale's ignore-file format)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def strip_clitic(word: str) -> tuple[str, str]:
    """("minister", "'s") from "minister's": the word to look up and the ending to put back."""
    for ending in ("'s", "\u2019s", "'", "\u2019"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)], word[-len(ending):]
    return word, ""


class NameForms:
    """How often each capitalised form is used as a name in one article (`get(form, 0)`), with
    forms seen away from a sentence start (where only a name keeps its capital) counted twice.

    Counted on demand: the spelling check asks about the few forms the dictionary lacks, so
    only the uses of the words holding those forms are found, not every word."""

    def __init__(self, index: WordIndex) -> None:
        self.index = index
        self._distinct: AbstractSet[str] | None = None
        self._counts: dict[str, int] = {}
        self._named: dict[str, bool] = {}

    def get(self, form: str, default: int = 0) -> int:
        n = self._counts.get(form)
        if n is None:
            n = self._counts[form] = self._count(form)
        return n or default

    def named(self, form: str) -> bool:
        """`get(form) > 1` (all the spelling check asks): the form is used as a name more than
        once, or away from a sentence start. Told without counting where it can be: each use
        of a word holding the form counts at least 1, so two uses settle it without asking
        which uses open a sentence (a search per use); only a word used once needs that."""
        n = self._counts.get(form)
        if n is not None:
            return n > 1
        found = self._named.get(form)
        if found is None:
            found = self._named[form] = self._is_named(form)
        return found

    def _is_named(self, form: str) -> bool:
        if self._distinct is None and self._prepare():
            return self._counts.get(form, 0) > 1
        holders = _HOLDERS.get(form)
        if not holders:
            return False
        holders = holders & self._distinct  # type: ignore[operator]
        n = 0
        for text in holders:
            times = _NAME_PARTS[text].count(form)
            places = self.index.places((text,))
            uses = len(places)
            if uses * times > 1:
                return True
            if uses:        # one use, holding the form once: 2, or 1 at a sentence start
                n += 1 if text[0].isupper() and self.index.initial(places[0]) else 2
                if n > 1:
                    return True
        return False

    def _prepare(self) -> bool:
        """Learn the article's words' forms (on the first question); True when the file is long
        and every form has been counted at once."""
        self._distinct = self.index.distinct()
        _learn_forms(self._distinct)
        # (a long text is read into columns: see words.word_index)
        if isinstance(self.index, ColumnIndex) and len(self.index.cols) > _LONG:
            self._counts = self._count_all()
            return True
        return False

    def _count(self, form: str) -> int:
        if self._distinct is None and self._prepare():
            return self._counts.get(form, 0)
        holders = _HOLDERS.get(form)
        if not holders:
            return 0
        holders = holders & self._distinct
        if not holders:
            return 0
        index = self.index
        n = 0
        for text in holders:
            # each use counts 2 away from a sentence start, 1 at one
            uses = index.places((text,))
            initial = sum(map(index.initial, uses)) if text[0].isupper() else 0
            n += (2 * len(uses) - initial) * _NAME_PARTS[text].count(form)
        return n

    def _count_all(self) -> dict[str, int]:
        """Every form's count in one pass: for a long file, where a scan per form asked about
        would cost the file's length times the number of names."""
        cols = self.index.cols  # type: ignore[union-attr]
        counts: dict[str, int] = {}
        for n, text in enumerate(cols.text):
            forms = _NAME_PARTS.get(text)
            if forms:
                weight = 1 if cols.initial(n) else 2
                for base in forms:
                    counts[base] = counts.get(base, 0) + weight
        return counts


_LONG = 20_000      # words in a file past which NameForms counts every form at once


@cached
def name_forms(doc: Document) -> NameForms:
    """Capitalised forms used as names in this article (see NameForms)."""
    return NameForms(word_index(doc))


_MEMO_LIMIT = 100_000      # words remembered across articles before a memo starts afresh
# what each word holds, worked out once per process: a word's capitalised forms depend on it alone
_NAME_PARTS: dict[str, tuple[str, ...]] = {}     # word -> its capitalised forms (when it has some)
_FORMS_SEEN: set[str] = set()                     # every word whose forms are worked out
_HOLDERS: dict[str, set[str]] = {}                # form -> the words holding it


def _learn_forms(distinct: AbstractSet[str]) -> None:
    """Work out the forms of the words not seen before."""
    if len(_FORMS_SEEN) > _MEMO_LIMIT:
        _NAME_PARTS.clear()
        _FORMS_SEEN.clear()
        _HOLDERS.clear()
    # (one set difference against every word seen, with or without forms: a difference walks the
    # article's words once, and asking two sets walked them twice)
    for text in distinct - _FORMS_SEEN:
        forms = _name_parts(text)
        if forms:
            _NAME_PARTS[text] = forms
            for form in forms:
                _HOLDERS.setdefault(form, set()).add(text)
        _FORMS_SEEN.add(text)


def _name_parts(text: str) -> tuple[str, ...]:
    """The capitalised parts of a word, possessives off: what name_forms counts for it."""
    if text[0].islower() and "-" not in text:
        return ()
    out = []
    for part in text.replace("\u2010", "-").split("-"):
        base, _ = strip_clitic(part)
        if base[:1].isupper():
            out.append(base)
    return tuple(out)


class Spelling(Kind):
    name = "spelling"
    default_category = "spelling"
    # Vale's Hunspell settings: deskcheck's dictionaries are built in, so these warn and are ignored
    ignored_vale_options = frozenset({"dic", "aff", "dicpath", "custom", "dictionaries", "append",
                                      "action"})

    @dataclass
    class Options:
        ignore: list[str] = field(default_factory=list)     # word files (Vale): never flagged
        filters: list[str] = field(default_factory=list)    # regexes (Vale): matching words skipped

    def setup(self) -> None:
        words_ok: list[str] = []
        for name in self.options.ignore:
            words_ok.extend(read_word_file(self._find(str(name))))
        self.ignored = VocabRules.of(words_ok)
        self.filters = [compile_pattern(str(f)) for f in self.options.filters]
        self._verdicts: dict[tuple[str, str | None], list[Hit]] = {}
        self._checkable_memo: dict[tuple[str, bool], bool] = {}
        self._no_slip: set[tuple[str, str | None]] = set()
        self._free: dict[tuple[str, str | None], list[Hit] | None] = {}

    def _find(self, name: str) -> Path:
        """An ignore file: absolute, or beside the style, or in Vale's config/ignore folder."""
        base = self.rule.base_dir
        for candidate in (Path(name), base / name, base.parent / name,
                          base.parent / "config" / "ignore" / name):
            if candidate.is_file():
                return candidate
        raise ValueError(f"ignore file '{name}' not found (looked beside the style folder)")

    def check(self, ctx: Context) -> Iterable[Hit]:
        if ctx.raw:
            return  # words are read from the prose view only
        lex = lexicon.load()
        variety = lexicon.variety_of(ctx.settings.locale)
        vocab: Vocabulary = ctx.settings.vocabulary
        accept = VocabRules.of(vocab.accept, vocab.accept_patterns)
        reject = VocabRules.of(vocab.reject)
        index = word_index(ctx.doc, ctx.segments)
        # every verdict below but the context checks depends on the word alone: decide each
        # distinct word once, and visit only the occurrences of the words that need more
        distinct = index.distinct()
        passed: set[str] = set()        # accepted or ignored: never reported
        rejected: set[str] = set()      # on the reject list: always reported
        if accept or reject or self.ignored:
            for text in distinct:
                if accept.matches(text) or self.ignored.matches(text):
                    passed.add(text)
                elif reject.matches(text) or reject.matches(strip_clitic(text)[0]):
                    rejected.add(text)
        wanted = (lex.unknown(distinct) - passed) | rejected
        plain = not (accept or reject)      # no vocabulary: a lowercase word's verdict is the word's
        if not wanted:
            return
        # a word with no capital is judged the same wherever it stands: judge it once
        verdicts: dict[str, list[Hit]] = {}   # spans relative to the word
        known: set[str] = set()
        for p in index.places(wanted):
            text = p.text
            if text in rejected:
                yield Hit(Span(p.start, p.end), f"'{text}' is on the list of words to avoid.")
                continue
            if text.islower():
                w = Word(p.start, p.end, text, False)    # (no capital: never initial)
                found = verdicts.get(text)
                if found is None:
                    if plain:
                        # (remembered across articles; a coinage introduced here is let go)
                        found = self._lowercase_verdict(ctx, lex, variety, text)
                        if found and _introduced_term(ctx.text, w):
                            found = []
                    elif _introduced_term(ctx.text, w):
                        found = []
                    else:
                        found = [Hit(Span(h.span.start - w.start, h.span.end - w.start), h.message,
                                     h.suggestions)
                                 for h in self._check_parts(ctx, lex, variety, w, None, accept, reject)]
                    verdicts[text] = found
                if not found or _name_particle(ctx.text, index, p) or _unit(ctx.text, w):
                    continue
                for h in found:
                    yield Hit(Span(w.start + h.span.start, w.start + h.span.end), h.message,
                              h.suggestions)
                continue
            if text in known:
                continue
            # (lex.knows(text) is false: the dictionary lacks every word in `wanted` but the rejected)
            if "-" not in text:
                # a capital away from a sentence start counts twice among the article's name forms,
                # so the word needs no counting: it is a name (unless U+2010 splits it into forms)
                if text[0].isupper() and "\u2010" not in text and not index.initial(p):
                    known.add(text)
                    continue
                # so a capital here opens its sentence; a word that is no slip there whatever
                # the context needs neither its count nor the words around it
                if "\u2010" not in text and self._never_a_slip(lex, variety, text):
                    continue
                if name_forms(ctx.doc).named(strip_clitic(text)[0]):
                    known.add(text)     # the article's own name, used more than once
                    continue
            if plain:
                # most such words ("Russian-led", "Iran-backed") are judged without looking at
                # the article: then their verdict is remembered across articles like a lowercase
                # word's, and only the quotation-mark test reads the context
                found = self._context_free_verdict(lex, variety, text)
                if found is not None:
                    start, end = p.start, p.end
                    if found and not _introduced_term(ctx.text, Word(start, end, text, False)):
                        for h in found:
                            yield Hit(Span(start + h.span.start, start + h.span.end), h.message,
                                      h.suggestions)
                    continue
            w = Word(p.start, p.end, text, index.initial(p))
            after = index.following(p)
            nxt = Word(after.start, after.end, after.text, index.initial(after)) if after is not None else None
            yield from self._check_word(ctx, lex, variety, w, nxt, accept, reject)

    def _lowercase_verdict(self, ctx: Context, lex: lexicon.Lexicon, variety: str | None,
                           text: str) -> list[Hit]:
        """The hits for a lowercase word the dictionary lacks, spans relative to the word, when no
        vocabulary list applies: a function of the word, the variety and this rule's options
        alone, so remembered across articles (the same compounds and slips come back)."""
        memo = self._verdicts
        key = (text, variety)
        found = memo.get(key)
        if found is None:
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            none = VocabRules.of(())
            found = memo[key] = list(self._check_parts(ctx, lex, variety, Word(0, len(text), text, False),
                                                       None, none, none))
        return found

    def _context_free_verdict(self, lex: lexicon.Lexicon, variety: str | None,
                              text: str) -> list[Hit] | None:
        """The hits for a word with a capital the dictionary lacks, spans relative to the word, when
        no vocabulary list applies and no part of it is a capital whose verdict reads the
        article (_capital_typo: the article's names, the next word, a sentence start); None
        when one is. The rest of _check_parts reads the word, the variety and this rule's
        options alone, so the answer is remembered across articles (_check_word's other test,
        the quotation marks around the word, is left to the caller)."""
        memo = self._free
        key = (text, variety)
        try:
            return memo[key]
        except KeyError:
            pass
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        none = VocabRules.of(())
        try:
            found: list[Hit] | None = list(self._check_parts(
                _NO_CONTEXT, lex, variety, Word(0, len(text), text, False), None, none, none))
        except _NeedsContext:
            found = None
        memo[key] = found
        return found

    def _never_a_slip(self, lex: lexicon.Lexicon, variety: str | None, text: str) -> bool:
        """Whether a one-part word the dictionary lacks, with a capital at a sentence start (or no
        capital first), is sure to give no hit in any context: it is not a word to check, or it
        is capitalised and already known to be no cheap slip from a common word (what
        _capital_typo asks last; only a remembered answer is used, as working it out costs more
        than the counting it would save)."""
        key = (text, variety)
        if key in self._no_slip:
            return True
        base = strip_clitic(text)[0]
        if not self._checkable(lex, variety, base, False):
            sure = True
        elif base[:1].isupper():
            seen, near = lex.remembered_near(base, variety)
            sure = seen and near is None
        else:
            sure = False
        if sure:        # (a sure answer stays sure; an unsure one may not, once `near` is known)
            if len(self._no_slip) >= _MEMO_LIMIT:
                self._no_slip.clear()
            self._no_slip.add(key)
        return sure

    def _check_word(self, ctx: Context, lex: lexicon.Lexicon, variety: str | None, w: Word,
                    nxt: Word | None, accept: VocabRules, reject: VocabRules) -> Iterable[Hit]:
        if lex.knows(w.text) or _introduced_term(ctx.text, w):
            return
        yield from self._check_parts(ctx, lex, variety, w, nxt, accept, reject)

    def _check_parts(self, ctx: Context, lex: lexicon.Lexicon, variety: str | None, w: Word,
                     nxt: Word | None, accept: VocabRules, reject: VocabRules) -> Iterable[Hit]:
        """The hits for a word the dictionary lacks, part by part ("well-knwon")."""
        parts = _parts(w)
        compound = len(parts) > 1
        # "Seo-yeon", "Jae-in": after a capitalised part the dictionary lacks, the lowercase
        # parts of a compound belong to the name, not to English
        name_compound = compound and parts[0][0][:1].isupper() and not lex.knows(strip_clitic(parts[0][0])[0])
        for i, (part, span) in enumerate(parts):
            if name_compound and i > 0 and part.islower():
                continue
            if compound:
                if accept.matches(part) or self.ignored.matches(part):
                    continue
                if reject.matches(part):
                    yield Hit(span, f"'{part}' is on the list of words to avoid.")
                    continue
            base, ending = strip_clitic(part)
            if not self._checkable(lex, variety, base, compound):
                continue
            if compound and base.endswith("s") and lex.knows(base[:-1]):
                continue    # compounds pluralise their last part ("five-year-olds", "go-betweens")
            if base[:1].isupper():
                if not self._capital_typo(lex, variety, base, w.initial and i == 0, nxt, ctx):
                    continue
            suggestions = tuple(s + ending for s in lex.suggest(base, variety))
            if not suggestions:
                # a slip almost always lands near a word; a word with nothing near it is a term the
                # dictionary lacks (a loanword, a coinage), so leave it to the vocabulary lists
                continue
            yield Hit(span, self.message(part), suggestions)

    def _checkable(self, lex: lexicon.Lexicon, variety: str | None, base: str, compound: bool) -> bool:
        """Is this word (or part) one to check? A function of the word and this rule's filters:
        remembered across articles."""
        key = (base, compound)
        found = self._checkable_memo.get(key)
        if found is None:
            if len(self._checkable_memo) >= _MEMO_LIMIT:
                self._checkable_memo.clear()
            found = self._checkable_memo[key] = self._is_checkable(lex, base, compound)
        return found

    def _is_checkable(self, lex: lexicon.Lexicon, base: str, compound: bool) -> bool:
        if sum(c.isalpha() for c in base) < 2 or any(f.fullmatch(base) for f in self.filters):
            return False
        if base.isupper() or any(c.isupper() for c in base[1:]):
            return False            # acronyms (NATO, BBC's) and inner capitals (iPhone, McDonald)
        if compound and (len(base) <= 2 or base.lower() in COMBINING):
            return False
        if lex.knows(base):
            return False
        # words in other scripts, and accented words no list knows, are foreign names and terms
        return base.replace("\u2019", "'").isascii()

    def _capital_typo(self, lex: lexicon.Lexicon, variety: str | None, base: str, initial: bool,
                      nxt: Word | None, ctx: Context) -> bool:
        """Is this capitalised word a slip on a common word rather than a name?"""
        if ctx is _NO_CONTEXT:
            raise _NeedsContext     # (see _context_free_verdict)
        if name_forms(ctx.doc).named(base):     # counted on the first capital that needs it
            return False            # used again, or used mid-sentence: the article's name
        followed_by_name = (nxt is not None and nxt.text[:1].isupper() and not nxt.initial
                            and not lex.knows(strip_clitic(nxt.text)[0]))
        if followed_by_name:
            return False            # "Marlon Brando": a two-word name
        if not initial:
            # mid-sentence a capital marks a name; only a listed misspelling is worth a word
            return bool(lex.known_misspelling(base))
        return lex.common_word_near(base, variety) is not None


class _NeedsContext(Exception):
    """A word's verdict reads the article it stands in (see Spelling._context_free_verdict)."""


# the context _context_free_verdict passes: any use of it by _capital_typo raises _NeedsContext
_NO_CONTEXT: Context = object()  # type: ignore[assignment]


def _parts(w: Word) -> list[tuple[str, Span]]:
    """A hyphenated compound's parts with their spans; a plain word is its own single part."""
    text = w.text.replace("\u2010", "-")
    if "-" not in text:
        return [(w.text, w.span)]
    out = []
    pos = w.span.start
    for piece in text.split("-"):
        if piece:
            out.append((w.text[pos - w.span.start: pos - w.span.start + len(piece)], Span(pos, pos + len(piece))))
        pos += len(piece) + 1
    return out


def _name_particle(text: str, index: WordIndex, p: Place) -> bool:
    """A short lowercase word between two capitalised ones is part of a name ("Mohammed ibn
    Salman", "Joachim du Bellay"), whatever the dictionary says."""
    if len(p.text) > 5:
        return False
    before = index.neighbour(p, -1)
    if before is None or not before.text[:1].isupper():
        return False
    after = index.neighbour(p, 1)
    return (after is not None and after.text[:1].isupper()
            and not text[before.end:p.start].strip() and not text[p.end:after.start].strip())


def _unit(text: str, w: Word) -> bool:
    """A short lowercase word right after a number is a unit or an abbreviation ("3 bn", "40 kph")."""
    if len(w.text) > 3:
        return False
    j = w.start - 1
    while j >= 0 and text[j] in " \u00a0\u202f":
        j -= 1
    return j >= 0 and text[j].isdigit()


_OPENING = "\"“‘'"
_CLOSING = "\"”’'"
_TERM_CUES = ("so-called", "dubbed", "termed", "term", "word", "called", "known as", "nicknamed", "coined")


def _introduced_term(text: str, w: Word) -> bool:
    """A lone word in quotation marks after "so-called", "dubbed", "the term"... is a coinage the
    writer is introducing ("a so-called "hycean" world"), not a slip."""
    if w.start == 0 or w.end >= len(text):
        return False
    if text[w.start - 1] not in _OPENING or text[w.end] not in _CLOSING:
        return False
    before = text[max(0, w.start - 24):w.start - 1].rstrip().lower()
    return before.endswith(_TERM_CUES)
