"""Name mentions and their spelling variants.

Finding names: a name is a run of capitalised words (with particles such as bin, al-, van der,
de, and Mc/Mac/O' forms, which are capitalised anyway) in any prose block: headlines, quotes and
captions included. Words that open a sentence or sit in a title-case headline and are ordinary
dictionary words ("After", "Strikes") are not names; titles ("President", "Mr") split a run and
are remembered as context.

Grouping variants without a list written in advance: every word is folded to ASCII (anyascii,
so Cyrillic and diacritics fold), then two spellings are candidates when their Double Metaphone
codes share a code AND their Jaro-Winkler similarity is high (the combination measured best; raw
edit distance has no useful threshold). Guards then refuse pairs that are really different
names: a demonym or feminine ending (Azerbaijan/Azerbaijani, Aliyev/Aliyeva), two dictionary
words (Austria/Australia), two entries of the list of distinct names (countries), two forms
listed side by side ("Latvia and Lithuania"). Context decides the rest:

* a word used as a given name is only ever grouped with another given name *of the same person*
  (the same or a variant surname): Fidel/Raúl Castro and Serena/Venus Williams never merge,
  Geoff/Jeff Hargreaves does, and Mohamed Elneny is not touched by a Mohamed/Mohammed Salah fix;
* two surnames are not merged when the people carry different given names (Ilham Aliyev and
  Heydar Aliev) or titles of different gender (Mr/Mrs).
"""
from __future__ import annotations

import errno
import os
import stat
from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import AbstractSet, Any, Callable, Container, Iterable, Iterator, Sequence, TypeVar

import regex
from jellyfish import jaro_winkler_similarity
from metaphone import doublemetaphone

from ..compiled import re_compile, regex_compile
from ..lexicon import WordSet, default_data_dir
from ..model import FACTORY, Document, FrozenRecord, Record, Span, _set, _setters, _span_end, _span_start
from . import cached
from .sentences import sentences

# --- words ------------------------------------------------------------------------------------

# a word: letters, with inner apostrophes or hyphens (O'Neill, al-Qaeda, Kassym-Jomart)
_WORD = regex_compile(r"\p{L}[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]*)*")
# lowercase particles that may sit between the words of one name
PARTICLES = frozenset("""
bin bint ibn abu al el van von der den de del della dei di da das dos du la le ter ten zu
""".split())
# what can start or continue a name: a capitalised word (possibly after a joined particle), or
# a lowercase particle; never the tail of a hyphenated lowercase word (pro-Russian)
_CANDIDATE = regex_compile(
    r"(?<![\p{L}\p{M}'’\-])(?:(?:(?i:al|el|ad|as|ash|at|an|ar|az|ul|bin|ibn|abu|d|l)['’\-])?\p{Lu}"
    r"[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]*)*"
    r"|(?:" + "|".join(sorted(PARTICLES, key=lambda p: (-len(p), p))) + r")(?![\p{L}\p{M}'’\-]))")
# particles written joined to the name: al-Qaeda, el-Sisi, d'Estaing
_PREFIX = regex_compile(r"^(?i:al|el|ad|as|ash|at|an|ar|az|ul|bin|ibn|abu|d|l)['’\-](?=\p{Lu})")
# words that stand before a name and are not part of it; they split a run and are kept as context
TITLES = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady king queen prince princess emir sheikh
pope cardinal archbishop bishop rev reverend father sister brother imam rabbi ayatollah
president vice prime minister premier chancellor secretary secretary-general governor gov mayor
senator sen rep representative congressman congresswoman councillor cllr councilman councilwoman
judge justice general gen colonel col major maj captain capt lieutenant lt sergeant sgt
commander admiral marshal officer detective inspector constable chief deputy ambassador
chairman chairwoman chair speaker leader coach manager director ceo founder spokesman
spokeswoman spokesperson crown foreign defence defense interior finance health
""".split())
MALE_TITLES = frozenset("mr sir lord king prince father brother congressman councilman chairman spokesman".split())
FEMALE_TITLES = frozenset("mrs ms miss dame lady queen princess sister congresswoman councilwoman "
                          "chairwoman spokeswoman".split())
# capitalised dictionary entries that are mostly given names in news copy
NAME_ENTRIES = frozenset({"John"})
# last words that make a run a place or an organisation, not a person (so the words before it
# are not given names)
GENERIC = frozenset("""
news agency agencies party council street road avenue square bridge valley sea ocean river lake
bay gulf strait island islands mountain mountains peninsula desert forest park palace port
airport station stadium arena hospital university college school institute academy museum
library gallery church cathedral mosque temple ministry department office committee commission
assembly parliament congress senate court union bank fund group company corporation inc ltd
association federation league cup open championship championships games club team army navy
force forces guard police service services region province county district city town village
state states republic kingdom republic front movement alliance foundation trust centre center
hall house tower initiative program programme project times post daily monitor journal review
herald gazette telegraph tribune press network television radio channel airlines airways
authority authorities administration bureau directorate organisation organization board
institution secretariat tribunal society command division unit corps council councils
""".split())
# demonym and plural endings: a name plus one of these is another word (Azerbaijan/Azerbaijani)
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ans", "ns", "an", "n", "s")
# feminine and masculine surname endings (Tsikhanouski/Tsikhanouskaya, Aliyev/Aliyeva)
_GENDER_ENDINGS = (("ska", "sky"), ("ska", "skyi"), ("ska", "skiy"), ("ska", "skyy"), ("skaya", "ski"), ("skaya", "sky"), ("skaya", "skiy"), ("skaya", "skyy"), ("skaya", "skii"),
                   ("ska", "ski"), ("cka", "cki"), ("ova", "ov"), ("eva", "ev"), ("yeva", "yev"),
                   ("ina", "in"), ("yna", "yn"), ("aya", "iy"), ("aya", "yy"), ("aya", "y"), ("aya", "i"))


_NOT_LETTER = regex_compile(r"[^a-z]+")


@lru_cache(maxsize=131072)
def fold(word: str) -> str:
    """ASCII, lowercase, letters only: the key spellings are compared on.

    Đ is written Dj in the Latin transliterations newsrooms use (Đoković = Djokovic), where a
    plain transliteration gives D.
    """
    word = word.replace("Đ", "Dj").replace("đ", "dj")
    if not word.isascii():
        # a Latin letter with diacritics (ć, ğ, é) is folded by the table anyascii agrees with
        # letter for letter (a test checks every entry); anyascii itself is imported only for other
        # letters, since it pulls in importlib.resources and reads its data (~15 ms of a cold start)
        latin = word.translate(_LATIN or _latin_table())
        if latin.isascii():
            word = latin
        else:
            from anyascii import anyascii
            word = anyascii(word)
    return _NOT_LETTER.sub("", word.lower())


_LATIN: dict[int, str] = {}


def _latin_table() -> dict[int, str]:
    """Latin letters (U+00C0-U+024F) that are an ASCII letter plus marks: that letter."""
    if not _LATIN:
        import unicodedata
        for cp in range(0xC0, 0x250):
            base = "".join(c for c in unicodedata.normalize("NFKD", chr(cp)) if not unicodedata.combining(c))
            if base.isascii() and base.isalpha():
                _LATIN[cp] = base
    return _LATIN


def core(word: str) -> str:
    """The word without a joined particle: al-Qaeda -> Qaeda (prefix and possessive are not the name)."""
    return _PREFIX.sub("", word)


@lru_cache(maxsize=65536)
def codes(key: str) -> tuple[str, ...]:
    return tuple(c for c in doublemetaphone(key) if c)


# --- dictionary -------------------------------------------------------------------------------

_LEXICON: Container[str] | None = None


def _load_lexicon() -> Container[str]:
    global _LEXICON
    if _LEXICON is None:
        # searched in place, not read into a set: a cold run asks it about a few hundred words
        _LEXICON = WordSet(default_data_dir() / "common-words.txt")
    return _LEXICON


def is_dictionary_word(word: str) -> bool:
    """True when `word` is an ordinary English word (as written, or lowercased): the guard "two
    dictionary words are two names" (Grant/Grand) asks this.

    Backed by the modest common-words list in the style's data folder, on purpose: a full
    spelling lexicon also lists places and given names (Odesa and Odessa, Stephen and Steven),
    and with it as the guard the article check lost Odesa/Odessa on the development set. To
    try another lexicon, change this one function.
    """
    lex = _load_lexicon()
    return word in lex or word.lower() in lex


def is_common_lowercase(word: str) -> bool:
    """The word, lowercased, is an ordinary word ("Black", "Grant"): weak evidence of a name."""
    return word.lower() in _load_lexicon()


# --- the pair test ----------------------------------------------------------------------------

JW_MIN = 0.73          # Jaro-Winkler floor for two spellings with a shared phonetic code
LONG_JW_MIN = 0.90     # long names whose codes differ slightly (Tsikhanouskaya/Tikhanovskaya)
LONG_MIN = 9
HEAD_JW_OTHER_INITIAL = 0.8
NEAR_MIN = 6           # a house-list name matched without its variant being listed
NEAR_JW = 0.88


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def sounds_alike(a: str, b: str) -> bool:
    """Two folded keys that could be one name spelled two ways (no guards)."""
    if a == b:
        return True
    if len(a) < 3 or len(b) < 3:
        return False
    jw = jaro_winkler_similarity(a, b)
    ca, cb = codes(a), codes(b)
    if set(ca) & set(cb):
        return jw >= JW_MIN
    if min(len(a), len(b)) >= LONG_MIN and abs(len(a) - len(b)) <= 2 and jw >= LONG_JW_MIN and ca and cb:
        return _edit_distance(ca[0], cb[0]) <= 2
    return False


def _extension(short: str, long: str) -> bool:
    """`long` is `short` plus an ending that makes another word (Niger/Nigeria, Aliyev/Aliyeva)."""
    if not long.startswith(short):
        return False
    extra = long[len(short):]
    if len(extra) >= 2:
        return True
    if extra in ("a", "s", "n"):
        return True
    # Iraq/Iraqi, Israel/Israeli: a demonym -i after a consonant (but Zelensky/Zelenskyi is not)
    return extra == "i" and short[-1:] not in "aeiouy"


_FEMININE_ENDINGS = tuple({fem for fem, _masc in _GENDER_ENDINGS})


def _gendered(a: str, b: str) -> bool:
    if not (a.endswith(_FEMININE_ENDINGS) or b.endswith(_FEMININE_ENDINGS)):
        return False        # most pairs: neither has a feminine ending, so no pair below fits
    for fem, masc in _GENDER_ENDINGS:
        for x, y in ((a, b), (b, a)):
            if x.endswith(fem) and y.endswith(masc) and x[: -len(fem)] == y[: -len(masc)]:
                return True
    return False


def _given_gendered(a: str, b: str) -> bool:
    """Daniel/Daniela, Francesco/Francesca, Louis/Louise: related given names of two people."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if long.startswith(short) and long[len(short):] in ("a", "e", "ia", "ina", "ette", "ine"):
        return True
    return len(a) == len(b) and a[:-1] == b[:-1] and {a[-1], b[-1]} in ({"a", "o"}, {"a", "e"})


def different_names(a_form: str, b_form: str, distinct: frozenset[str] = frozenset(),
                    dictionary: bool = True) -> bool:
    """Guards that hold whatever the context: the two spellings are different names.

    `dictionary=False` drops the "two dictionary words" guard, for a pair the context already
    ties to one person (the same given name beside both: Mary O'Neill / Mary O'Neil)."""
    a, b = fold(a_form), fold(b_form)
    if a == b:
        return False
    if _extension(a, b) or _extension(b, a) or _gendered(a, b):
        return True
    if a in distinct or b in distinct:
        # a listed name (a country) has one spelling; its variants come from the house list
        return True
    return dictionary and is_dictionary_word(a_form) and is_dictionary_word(b_form)


@lru_cache(maxsize=65536)
def variant_pair(a_form: str, b_form: str, distinct: frozenset[str] = frozenset(), dictionary: bool = True) -> bool:
    """The context-free test: one name, spelled two ways (used for surnames, places, agencies)."""
    a, b = fold(a_form), fold(b_form)
    if not sounds_alike(a, b):
        return False
    if a == b:
        return True
    if a[0] != b[0] and jaro_winkler_similarity(a, b) < HEAD_JW_OTHER_INITIAL:
        # Belta/Plata: Double Metaphone hears B and P alike; a transliteration rarely changes
        # the first letter unless the rest agrees well (Gaddafi/Kadhafi, Qaddafi)
        return False
    if is_common_lowercase(a_form) or is_common_lowercase(b_form):
        # "Even"/"Evan", "Grant"/"Grand": an ordinary word is almost never a transliteration
        return False
    return not different_names(a_form, b_form, distinct, dictionary)


@lru_cache(maxsize=65536)
def given_variant_pair(a_form: str, b_form: str) -> bool:
    """Given names of one person (the surname already matched): only the gender guards apply,
    since given names are often dictionary words (Stephen/Steven, Geoff/Jeff)."""
    a, b = fold(a_form), fold(b_form)
    if a == b:
        return True
    if not sounds_alike(a, b):
        return False
    return not (_given_gendered(a, b) or _extension(a, b) or _extension(b, a))


@lru_cache(maxsize=65536)
def distinct_given(a_form: str, b_form: str) -> bool:
    """Two given names that are names in their own right (Clara/Claire, Katherine/Kathryn,
    John/Joan), not one name spelled two ways (Mikheil/Mikhail, Jonathan/Jonathon,
    Catherine/Katherine): they end differently, or are too short to tell. Such a pair on one
    surname is one person only when the article says so (see `group_names`)."""
    a, b = fold(a_form), fold(b_form)
    if a == b:
        return False
    # a transliteration changes the inside of a name (Mikheil/Mikhail, Aleksandr/Alexander) and
    # at most respells its last sound (Nikolai/Nikolay, Eric/Erik, Sara/Sarah); another ending
    # is another name
    if _last_sound(a) != _last_sound(b):
        return True
    if min(len(a), len(b)) <= 3:
        return True
    # a respelling swaps a vowel for a vowel (Jonathan/Jonathon) or a consonant for one that
    # sounds alike (Catherine/Katherine); a consonant where the other has a vowel is another
    # name (John/Joan)
    if len(a) != len(b):
        return False
    swaps = [(x, y) for x, y in zip(a, b) if x != y]
    return len(swaps) == 1 and (swaps[0][0] in _VOWELS) != (swaps[0][1] in _VOWELS)


_VOWELS = frozenset("aeiouy")


def _last_sound(key: str) -> str:
    if len(key) > 3 and key[-1] == "h" and key[-2] in _VOWELS:
        key = key[:-1]          # a silent final h: Sarah, Abdullah, Hannah
    return {"y": "i", "k": "c"}.get(key[-1:], key[-1:])


# --- mentions ---------------------------------------------------------------------------------

# Tokens and mentions are hashable values that nothing mutates; they are not frozen only because a
# frozen __init__ costs several times a plain one's, and an article makes ~70 of them. The classes
# of this module are written out, not built by @dataclass (which costs a cold start about a
# millisecond a class; see model.FrozenRecord), with @dataclass's equality, hash and repr.
class NameToken(Record):
    __slots__ = _fields = _repr = __match_args__ = ("text", "span", "form", "key", "common")
    text: str            # the word as written, possessive removed (al-Qaeda, Zelensky)
    span: Span
    form: str            # the word without a joined particle: the spelling that is compared
    key: str             # folded form
    common: bool         # the word, lowercased, is an ordinary English word

    def __init__(self, text: str, span: Span, form: str, key: str, common: bool) -> None:
        _token_text(self, text)
        _token_span(self, span)
        _token_form(self, form)
        _token_key(self, key)
        _token_common(self, common)

    def _key(self) -> tuple[object, ...]:
        return (self.text, self.span, self.form, self.key, self.common)

    __hash__ = FrozenRecord.__hash__      # (@dataclass(unsafe_hash=True): hashed though mutable)


# (the slots' own setters, as the model's value classes use them: see model._setters)
_token_text, _token_span, _token_form, _token_key, _token_common = _setters(NameToken)


class Mention(Record):
    __slots__ = _fields = _repr = __match_args__ = ("span", "tokens", "block", "block_kind", "title", "sentence_start",
                                                    "surname_alone")
    span: Span
    tokens: tuple[NameToken, ...]
    block: int
    block_kind: str
    title: str                 # the title word just before the name, lowercased ("president")
    sentence_start: bool
    # the last word is also used alone as a name ("Mr Brown", "Trump said"); marked only where it
    # decides person_like (see _mark_surnames)
    surname_alone: bool

    def __init__(self, span: Span, tokens: tuple[NameToken, ...], block: int, block_kind: str, title: str = "",
                 sentence_start: bool = False, surname_alone: bool = False) -> None:
        _mention_span(self, span)
        _mention_tokens(self, tokens)
        _mention_block(self, block)
        _mention_block_kind(self, block_kind)
        _mention_title(self, title)
        _mention_sentence_start(self, sentence_start)
        _mention_surname_alone(self, surname_alone)

    def _key(self) -> tuple[object, ...]:
        return (self.span, self.tokens, self.block, self.block_kind, self.title, self.sentence_start,
                self.surname_alone)

    __hash__ = FrozenRecord.__hash__


    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)

    @property
    def person_like(self) -> bool:
        """Several words, the last one not a place/organisation word: given names + surname. A last
        word that is also an ordinary word (Brown, Trump, Black) is a surname only when the
        article also uses it alone as a name."""
        return (len(self.tokens) >= 2 and self.tokens[-1].key not in GENERIC
                and (not self.tokens[-1].common or (self.surname_alone and not self.tokens[-2].common)))


(_mention_span, _mention_tokens, _mention_block, _mention_block_kind, _mention_title, _mention_sentence_start,
 _mention_surname_alone) = _setters(Mention)


NAME_BLOCKS = frozenset({"title", "heading", "paragraph", "list", "blockquote", "caption", "metadata", "table"})
_OPENERS = "\"'“‘«([{—–-*_ \t\u00a0"


# "Kyiv-based", "Kremlin-backed": the name is the part before the hyphen
_COMPOUND_TAILS = frozenset("""
based led backed style born owned made run controlled speaking held occupied annexed friendly
allied linked funded sponsored era type like wide related centred centered focused bound
""".split())


def _strip_possessive(word: str) -> str:
    if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
        word = word[:-2]
    head, dash, tail = word.rpartition("-")
    if dash and head and tail in _COMPOUND_TAILS:
        return head
    return word


def _is_name_word(word: str) -> bool:
    c = core(word)
    return len(c) >= 2 and c[0].isupper()


def _shouting(text: str) -> bool:
    """An all-capitals block (a shouted headline): its words are not spelled the usual way."""
    return len(text) >= 12 and text.isupper()


_QUOTE_MARKS = "“\"‘«"
_QUOTE_OPENING = regex_compile(r"[“\"‘«]\s*(?=\p{Lu})")


def _sentence_starts(doc: Document) -> set[int]:
    starts = set()
    text = doc.text
    for s in sentences(doc):
        i = s.span.start
        while i < s.span.end and text[i] in _OPENERS:
            i += 1
        starts.add(i)
    # a quotation opening mid-sentence also starts a sentence ("He said: “Today we ..."); each
    # opening mark found with str.find (a search in C) and `_QUOTE_OPENING` tried there: the
    # places finditer would match, since a match holds no opening mark but its first character
    # Past the mark, `_QUOTE_OPENING`'s \s* reads ASCII white space as read here, and an ASCII
    # character after it is an upper-case letter (\p{Lu}) exactly when it is A-Z: the pattern is
    # tried only where a character outside ASCII decides (a test holds the two equal for every
    # ASCII character); most marks are followed by a capital or a space and a capital
    opening = _QUOTE_OPENING.match
    n = len(text)
    for mark in _QUOTE_MARKS:
        i = text.find(mark)
        while i >= 0:
            j = i + 1
            while j < n and text[j] in _ASCII_SPACE:
                j += 1
            c = text[j:j + 1]
            if c.isascii():         # (the text's end too: "" is ASCII, and no capital)
                if "A" <= c <= "Z":
                    starts.add(j)
            else:
                m = opening(text, i)
                if m is not None:
                    starts.add(m.end())
            i = text.find(mark, i + 1)
    return starts


_ASCII_SPACE = " \t\n\v\f\r"      # the ASCII characters `regex`'s \s matches


# after a one-letter word: a full stop, one space and a capitalised word (an initial)
_INITIAL = regex_compile(r"\.[ \u00a0](?=\p{Lu}\p{Ll})")

# Where candidates start, found with the standard library's `re`, whose scan skips ahead to the
# characters a pattern can begin with: several times faster than `regex` trying a lookbehind at
# every position. Together the two scans below match at a superset of the places `_CANDIDATE`
# matches, and `_CANDIDATE` decides at each place. A candidate never starts right after a letter,
# apostrophe or hyphen and consists of nothing else, so candidates cannot overlap: trying every
# such place gives exactly `_CANDIDATE.finditer`. Each match consumes one character only, except
# the one decided here alone, a whole word, so no place is skipped.
#
# `_UPPER_START`: an ASCII capital or a non-ASCII character (bar Latin-1 symbols and general
# punctuation) not after an ASCII letter, apostrophe or hyphen. Its empty group marks the common
# case: a capitalised ASCII word after an ASCII character that is no letter, apostrophe or
# hyphen, and before one that cannot continue it (an ASCII character that is no letter, or an
# ASCII apostrophe or hyphen followed by an ASCII character that is no letter); `_CANDIDATE`
# would match exactly that word there.
_ASCII_STOP = r"[\x00-\x26\x28-\x2c\x2e-\x40\x5b-\x60\x7b-\x7f]"      # ASCII: no letter, ' or -
_UPPER_START = re_compile(     # (through the store of compiled patterns: ~3 ms of a cold start)
    # (the class negated: the same characters, but ~15 ms less for re to compile at start-up)
    r"[^\x00-\x40\x5b-\x7f\u00a0-\u00bf\u2000-\u206f]"
    r"(?:(?<=" + _ASCII_STOP + r"[A-Z])[A-Za-z]*(?=" + _ASCII_STOP + r"|['\-][\x00-\x40\x5b-\x60\x7b-\x7f]|\Z)()"
    r"|(?<![A-Za-z'’\-].))")


def _lowercase_start() -> str:
    """A lowercase ASCII letter that may start a candidate: a joined particle's (al-, d') or a
    particle's (bin, van, de), tested from the letter on."""
    rests: dict[str, list[str]] = {}
    for particle in PARTICLES:
        rests.setdefault(particle[0], []).append(particle[1:])
    # longest first, then alphabetical: the same text in every process (a set's order is not), so
    # the store of compiled patterns finds it; alternatives of one length never match at one place
    words = "|".join(f"{c}(?=(?:{'|'.join(sorted(r, key=lambda rest: (-len(rest), rest)))})(?![A-Za-z]))"
                     for c, r in sorted(rests.items()))
    return r"(?:[abdeilu](?=\S{0,2}['’\-])|" + words + ")"


# `_LOWER_START`: such a letter, found by the character before it (which a candidate cannot have
# as a letter, apostrophe or hyphen): the scan then stops at spaces and punctuation only, not at
# every common letter. The letter is one past the match.
_LOWER_START = re_compile(r"[^A-Za-z'’\-](?=" + _lowercase_start() + ")")


def _candidates(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(position, word) of every `_CANDIDATE` match in text[start:end], in order."""
    match = _CANDIDATE.match
    found = []
    for s in _UPPER_START.finditer(text, start, end):
        if s.lastindex is None:
            m = match(text, s.start(), end)
            if m is None:
                continue
            found.append((s.start(), m.group()))
        else:
            found.append((s.start(), s.group()))
    lower = [s.end() for s in _LOWER_START.finditer(text, start, end)]
    # the block's first place: `_LOWER_START` at the character before it (a space before the
    # text's start), which is what a lookbehind there would test
    if _LOWER_START.match(" " + text, 0) if start == 0 else _LOWER_START.match(text, start - 1):
        lower.append(start)
    if lower:
        for pos in lower:
            m = match(text, pos, end)
            if m is not None:
                found.append((pos, m.group()))
        found.sort()        # positions differ: the words are never compared
    return found


# --- the whole-text scan ---
#
# `mentions` finds the candidates of a whole article in one `re` split over its prose view, not
# two scans per block: a block whose neighbours are blank lines (every block of a parsed article:
# the view joins them with "\n\n") gets exactly the matches a scan of the block alone gets, since
# no match can run over a line break. The split hands back words and the stretches between them
# as strings (positions are their running lengths): no match object per capitalised word.
#
# `_SCAN` matches where `_UPPER_START` does, with the same two branches and groups telling them
# apart, and in two more cases the loop then looks into:
# * a capital right after an apostrophe or hyphen (neither branch matches there): the only place
#   a joined particle's word can start (al-Qaeda, d'Estaing: one to three letters before it);
# * a capital after a lowercase particle and one space (bin Salman, van der Berg).
# A lowercase particle matters to the mention scan only when the next candidate starts right
# after it and a space: otherwise that candidate ends any run whether the particle was read or
# not (see `_block_mentions`), so the scan reads only those, found back from the word after them,
# instead of testing every lowercase word of the article.
def _particles_before() -> str:
    by_len: dict[int, list[str]] = {}
    for particle in PARTICLES:
        by_len.setdefault(len(particle), []).append(particle)
    # one lookbehind per length (re's must be of fixed width); sorted: the same text every run
    return "|".join(f"(?<=(?:{'|'.join(sorted(ps))})[ \u00a0].)" for _n, ps in sorted(by_len.items()))


_SCAN = re_compile(
    r"([^\x00-\x40\x5b-\x7f\u00a0-\u00bf\u2000-\u206f](?:(?:" + _particles_before() + r")())?"
    r"(?:(?<=" + _ASCII_STOP + r"[A-Z])[A-Za-z]*(?=" + _ASCII_STOP + r"|['\-][\x00-\x40\x5b-\x60\x7b-\x7f]|\Z)()"
    r"|(?<![A-Za-z'’\-].)|(?<=['’\-].)()))")
_SPACES = " \u00a0"


def _clean_bounds(text: str, start: int, end: int) -> bool:
    """A line break (or the text's edge) on both sides of text[start:end]: the whole-text scan
    finds exactly what a scan of it alone finds."""
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def _text_candidates(text: str) -> tuple[list[tuple[int, str]], list[int]]:
    """(position, word) of the `_CANDIDATE` matches of `text` that `_block_mentions` reads, in
    order, and their positions: every candidate of a block with clean bounds (`_clean_bounds`)
    but the lowercase particles no candidate follows at one space's distance."""
    match = _CANDIDATE.match
    parts = _SCAN.split(text)
    found: list[tuple[int, str]] = []
    append = found.append
    lower: list[tuple[int, str]] | None = None      # joined-particle words and particles, if any
    pos = len(parts[0])
    it = iter(parts)
    next(it)
    for whole, after_particle, easy, joined, gap in zip(it, it, it, it, it):
        if easy is not None and after_particle is None:
            append((pos, whole))            # most words
        else:
            if easy is not None:
                word = whole
            elif joined is not None:
                # a capital after an apostrophe or hyphen: a joined particle's word may start one
                # to three letters before the mark (al-Qaeda); the full pattern decides
                word = None
                for p in (pos - 2, pos - 3, pos - 4):
                    if p >= 0 and "a" <= text[p] <= "z":
                        m = match(text, p)
                        if m is not None:
                            if lower is None:
                                lower = []
                            lower.append((p, m.group()))
                            _particle_chain(text, p, lower)
                            break
            else:
                m = match(text, pos)
                word = None if m is None else m.group()
            if word is not None:
                append((pos, word))
                if after_particle is not None:
                    if lower is None:
                        lower = []
                    _particle_chain(text, pos, lower)
        pos += len(whole) + len(gap)
    if lower:
        found.extend(lower)
        found.sort()                        # positions differ: the words are never compared
    return found, list(map(_FIRST, found))


def _particle_chain(text: str, pos: int, out: list[tuple[int, str]]) -> None:
    """Append the lowercase particles (as `_CANDIDATE` matches) that precede the candidate at
    `pos`, each one space from the next: "van der" before "Berg"."""
    match = _CANDIDATE.match
    q = pos - 1
    while q > 0 and text[q] in _SPACES:
        for n in (2, 3, 4, 5):
            p = q - n
            if p < 0:
                return
            if text[p:q] in PARTICLES:
                m = match(text, p)
                if m is not None and m.end() == q:
                    out.append((p, m.group()))
                    q = p - 1
                    break
        else:
            return


class _WordInfo:
    """What the mention scan asks of a candidate word; a pure function of the word, so it is
    worked out once per distinct word and process (news copy repeats its capitalised words).
    A plain class, not a dataclass: nothing compares or hashes it, and @dataclass costs a cold
    start about a millisecond per class."""
    __slots__ = ("word", "length", "particle", "single_capital", "name_word", "upper", "lower", "title",
                 "lexicon_entry", "common", "form", "key", "form_common", "plain", "generic", "seps")

    def __init__(self, word: str, particle: bool, single_capital: bool, name_word: bool, upper: bool,
                 lower: str, title: bool, lexicon_entry: bool, common: bool, form: str, key: str,
                 form_common: bool) -> None:
        self.word = word                    # possessive (and compound tail) removed
        self.length = len(word)
        self.particle = particle            # a lowercase particle (bin, van, de)
        self.single_capital = single_capital
        self.name_word = name_word          # capitalised (after a joined particle)
        self.upper = upper
        self.lower = lower
        self.title = title                  # a title word (President, Mr)
        self.lexicon_entry = lexicon_entry  # as written, a common-words entry that is not a usual given name
        self.common = common                # lowercased, an ordinary word
        self.form = form                    # the token's form, key and commonness
        self.key = key
        self.form_common = form_common
        # a capitalised word the scan simply adds to the name it is reading (or starts one with)
        self.plain = (name_word and not (particle or single_capital or title or lexicon_entry or common))
        # what the grouping asks of a name word: an organisation or place word (Council, Sea)?
        # a hyphen or apostrophe in it (spelled with other separators elsewhere: al-Qaeda)?
        self.generic = key in GENERIC
        self.seps = "-" in word or "'" in word or "’" in word


_WORD_INFO: dict[str, _WordInfo] = {}
_GENERIC = attrgetter("generic")
_FIRST = itemgetter(0)


def _word_info(raw: str) -> _WordInfo:
    info = _WORD_INFO.get(raw)
    if info is None:
        word = _strip_possessive(raw)
        lower = word.lower()
        form = core(word)
        lexicon = _load_lexicon()
        info = _WordInfo(word, lower in PARTICLES and word.islower(), len(word) == 1 and word.isupper(),
                         _is_name_word(word), word.isupper(), lower, lower in TITLES,
                         word in lexicon and word not in NAME_ENTRIES, lower in lexicon,
                         form, fold(form), is_common_lowercase(form))
        if len(_WORD_INFO) < 200_000:      # a bound for a long-running process fed odd text
            _WORD_INFO[raw] = info
    return info


_new_object = object.__new__


def _span(start: int, end: int) -> Span:
    """Span(start, end), made without calling `Span.__init__` (its frame is most of a span's cost,
    and the scan makes one per name word). The same object: its two slots set through the same
    setters, nothing else (a test compares it with the constructor's)."""
    span = _new_object(Span)
    _span_start(span, start)
    _span_end(span, end)
    return span


# One row of a MentionTable: (first word, stop word, start, end, block index, block kind, title,
# sentence start): the mention's words are the table's words first..stop-1, its span start..end
Row = tuple[int, int, int, int, int, str, str, bool]


class _Facts:
    """What a MentionTable reads of a word that came as a NameToken, not from the scan (the
    attributes of _WordInfo that the table reads)."""
    __slots__ = ("word", "length", "lower", "form", "key", "form_common", "generic", "seps")

    def __init__(self, token: NameToken) -> None:
        self.word = token.text
        self.length = token.span.end - token.span.start
        self.lower = token.text.lower()
        self.form = token.form
        self.key = token.key
        self.form_common = token.common
        self.generic = token.key in GENERIC
        self.seps = "-" in token.text or "'" in token.text or "’" in token.text


class MentionTable:
    """An article's name mentions as plain data: the words' starts and facts (shared by every
    use of a word, see _WordInfo) and one tuple per mention. The scan and the grouping read
    these; a Mention (with its NameTokens and Spans) is made only for a mention someone asks for
    (`mention`), since most mentions never reach a finding and an object per word and mention
    was most of the scan's cost. `mentions(doc)` makes them all, for callers that want objects.

    A table made from a selection of another's mentions (`subset`) shares its words."""
    __slots__ = ("starts", "infos", "rows", "alone", "_objects", "_firsts", "whole")

    def __init__(self, starts: list[int], infos: list, rows: list[Row], alone: AbstractSet[int] = frozenset(),
                 whole: bool = True) -> None:
        self.starts = starts        # each word's start in the text
        self.infos = infos          # each word's facts: _WordInfo (or _Facts)
        self.rows = rows
        self.alone = alone          # the mentions marked surname_alone (see _mark_surnames)
        self.whole = whole          # every word belongs to one of the rows
        self._objects: list[Mention | None] | None = None
        self._firsts: list[int] | None = None

    @classmethod
    def of(cls, ms: Iterable[Mention]) -> "MentionTable":
        """The table of these Mention objects (which `mention` then hands back)."""
        ms = list(ms)
        starts: list[int] = []
        infos: list[_Facts] = []
        rows: list[Row] = []
        for m in ms:
            first = len(starts)
            for t in m.tokens:
                starts.append(t.span.start)
                infos.append(_Facts(t))
            rows.append((first, len(starts), m.span.start, m.span.end, m.block, m.block_kind, m.title,
                         m.sentence_start))
        table = cls(starts, infos, rows, frozenset(i for i, m in enumerate(ms) if m.surname_alone))
        table._objects = list(ms)
        return table

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Mention]:
        return map(self.mention, range(len(self.rows)))

    def mention(self, i: int) -> Mention:
        """The i-th mention as a Mention, made when first asked for."""
        objects = self._objects
        if objects is None:
            objects = self._objects = [None] * len(self.rows)
        m = objects[i]
        if m is None:
            first, stop, start, end, block, kind, title, sentence_start = self.rows[i]
            infos, starts = self.infos, self.starts
            tokens = []
            for j in range(first, stop):
                info, at = infos[j], starts[j]
                tokens.append(NameToken(info.word, _span(at, at + info.length), info.form, info.key,
                                        info.form_common))
            # a one-word name's span is its word's (spans are values: sharing one changes nothing)
            span = tokens[0].span if stop - first == 1 else _span(start, end)
            m = objects[i] = Mention(span, tuple(tokens), block, kind, title, sentence_start, i in self.alone)
        return m

    def owner(self, word: int) -> int:
        """The mention whose word this is."""
        firsts = self._firsts
        if firsts is None:
            firsts = self._firsts = [row[0] for row in self.rows]
        # (the rows' first words ascend, and a word lies in the last row that starts at or before it)
        return bisect_right(firsts, word) - 1

    def occurrence(self, word: int, role: str) -> Occurrence:
        """The word (an index) as an Occurrence of its mention, in this role."""
        i = self.owner(word)
        m = self.mention(i)
        return Occurrence(m.tokens[word - self.rows[i][0]], m, role)

    def occurrences(self, words: list[int], role: str) -> list[Occurrence]:
        """`occurrence` of each of these words, in order."""
        firsts = self._firsts
        if firsts is None:
            firsts = self._firsts = [row[0] for row in self.rows]
        mention, rows = self.mention, self.rows
        out = []
        for word in words:
            i = bisect_right(firsts, word) - 1
            m = mention(i)
            out.append(Occurrence(m.tokens[word - rows[i][0]], m, role))
        return out

    def words(self) -> list:
        """The facts of every word of the table's mentions."""
        if self.whole:
            return self.infos
        infos = self.infos
        return [infos[j] for row in self.rows for j in range(row[0], row[1])]

    def subset(self, keep: Iterable[int]) -> "MentionTable":
        """The table of these of its mentions (indexes, in order)."""
        keep = list(keep)
        rows, alone = self.rows, self.alone
        table = MentionTable(self.starts, self.infos, [rows[i] for i in keep],
                             frozenset(k for k, i in enumerate(keep) if i in alone), whole=False)
        if self._objects is not None:
            table._objects = [self._objects[i] for i in keep]
        return table


def _block_mentions(doc: Document, blocks: Iterable[tuple[int, int, int, str, list[tuple[int, str]] | None]],
                    starts: set[int], table: MentionTable) -> None:
    """Append the mentions of each block (start, end, index, kind, candidates) to `table`; a
    block's candidates are what the caller found, or None for `_candidates` of the block (every
    one). All blocks in one call: a call per block cost more than a short block's words.

    Plain data only: a name word is its start and its (shared) facts, a mention a tuple."""
    text = doc.text
    known = _WORD_INFO.get
    append = table.rows.append
    add_start = table.starts.append
    add_info = table.infos.append
    n = len(table.starts)           # the words so far
    for block_start, block_end, block_index, kind, found in blocks:
        headline = kind in ("title", "heading")
        shouting = _shouting(text[block_start:block_end])
        first = -1                  # the run's first word; -1: no run
        run_start = run_end = 0
        title = ""
        run_title = ""
        run_sentence_start = False
        prev_end = -1

        # only capitalised words and particles matter: lowercase words just end a run, and
        # skipping them keeps this loop to a few dozen steps per paragraph
        for start, raw in _candidates(text, block_start, block_end) if found is None else found:
            info = known(raw) or _word_info(raw)
            end = start + info.length
            joined = prev_end >= 0 and start - prev_end == 1 and text[prev_end] in " \u00a0"
            prev_end = end
            if not joined:
                if first >= 0:
                    append((first, n, run_start, run_end, block_index, kind, run_title, run_sentence_start))
                    first = -1
                title = ""
            if info.plain and not (shouting and info.upper):
                # most words: what the branches below do for a capitalised word that is no
                # particle, initial, title or dictionary entry
                if first < 0:
                    first = n
                    run_start = start
                    run_title = title
                    run_sentence_start = start in starts or start == block_start
                add_start(start)
                add_info(info)
                n += 1
                run_end = end
                continue
            if info.particle:
                # a particle continues a run ("Mohammed bin Salman"), or may start one ("de Gaulle")
                continue
            if first >= 0 and info.single_capital and _INITIAL.match(text, end):
                # a middle initial ("Katherine M. Morales") stays inside the name it sits in
                prev_end = end + 1
                continue
            if info.name_word and not (shouting and info.upper):
                if info.title:
                    if first >= 0:
                        append((first, n, run_start, run_end, block_index, kind, run_title, run_sentence_start))
                        first = -1
                    title = info.lower
                    continue
                at_start = start in starts or start == block_start
                # a capitalised dictionary entry (Monday, April, American) is never a name here; an
                # ordinary word is not one when capitalised only because it opens a sentence or a
                # headline ("Gordon Brown", "Theresa May": inside a name such an entry is part of it)
                if (info.lexicon_entry and first < 0) or ((at_start or headline) and info.common):
                    # "After", "The", "Strikes" in a headline, "Monday", "American": not names
                    if first >= 0:
                        append((first, n, run_start, run_end, block_index, kind, run_title, run_sentence_start))
                        first = -1
                    title = ""
                    continue
                if first < 0:
                    first = n
                    run_start = start
                    run_title = title
                    run_sentence_start = at_start
                add_start(start)
                add_info(info)
                n += 1
                run_end = end
                continue
            if first >= 0:
                append((first, n, run_start, run_end, block_index, kind, run_title, run_sentence_start))
                first = -1
            title = ""
        if first >= 0:
            append((first, n, run_start, run_end, block_index, kind, run_title, run_sentence_start))


@cached
def mention_table(doc: Document) -> MentionTable:
    """Every name mention in the prose view, in order, as plain data (see MentionTable)."""
    text = doc.text
    found: list[tuple[int, str]] | None = None
    blocks: list[tuple[int, int, int, str, list[tuple[int, str]] | None]] = []
    for block in doc.blocks:
        if block.kind in NAME_BLOCKS:
            start, end = block.span.start, block.span.end
            if _clean_bounds(text, start, end):
                # (every block of a parsed article): its slice of one scan of the whole text
                if found is None:
                    found, positions = _text_candidates(text)
                blocks.append((start, end, block.index, block.kind,
                               found[bisect_left(positions, start):bisect_left(positions, end)]))
            else:
                blocks.append((start, end, block.index, block.kind, None))
    table = MentionTable([], [], [])
    _block_mentions(doc, blocks, _sentence_starts(doc), table)
    _mark_surnames(doc, table)
    return table


@cached
def mentions(doc: Document) -> list[Mention]:
    """Every name mention in the prose view, in order."""
    return list(mention_table(doc))


def mentions_per_block(doc: Document) -> list[Mention]:
    """`mentions` as each block's own scan finds them: the plain version tests compare it with."""
    table = MentionTable([], [], [])
    _block_mentions(doc, [(b.span.start, b.span.end, b.index, b.kind, None) for b in doc.blocks
                          if b.kind in NAME_BLOCKS], _sentence_starts(doc), table)
    _mark_surnames(doc, table)
    return list(table)


# what follows a surname used alone: a possessive or a reporting verb
_SURNAME_USE = (r"(?:['’]s\b|,?\s+(?:said|says|told|added|asked|wrote|replied|insisted|argued|denied|"
                r"declined|noted|stressed|warned|explained|admitted|claimed|testified)\b)")


# compiled once: a pattern per name and article cost ~1.5 ms each to compile, every article anew
_SURNAME_AFTER = regex_compile(_SURNAME_USE)
_LETTER_OR_HYPHEN = regex_compile(r"[\p{L}\-]")


def _used_alone(text: str, form: str) -> bool:
    """`form`, not preceded by a letter or hyphen, followed by a possessive or reporting verb
    somewhere in `text`: every occurrence is tried, as a regex search would."""
    i = text.find(form)
    while i >= 0:
        if (i == 0 or not _LETTER_OR_HYPHEN.match(text, i - 1)) and _SURNAME_AFTER.match(text, i + len(form)):
            return True
        i = text.find(form, i + 1)
    return False


def _mark_surnames(doc: Document, table: MentionTable, every: bool = False) -> None:
    """Mark (in `table.alone`) the names whose last word, an ordinary word, the article also uses
    alone as a name: with a title ("Mr Brown") or mid-sentence and not after "the" ("Brown
    said", but not "the Strip").

    Only where the mark decides `Mention.person_like`: a last word that is no organisation or place
    word (Council, States: never a person's), after a word that is no ordinary word; a form never
    used so is left unmarked, sparing its searches of the text (most such forms are those words).
    `every`: mark every form the article uses alone (the plain version tests compare with)."""
    infos, rows = table.infos, table.rows
    # only these forms can be marked (a form's commonness is the form's): most articles have none
    needed = {last.form for row in rows if row[1] - row[0] >= 2 and (last := infos[row[1] - 1]).form_common
              and (every or (not last.generic and not infos[row[1] - 2].form_common))}
    if not needed:
        return
    text = doc.text
    alone: set[str] = set()
    for first, stop, start, _end, _block, kind, title, sentence_start in rows:
        if stop - first != 1 or infos[first].form not in needed:
            continue
        before = text[max(0, start - 4):start].lower()
        if title or not (sentence_start or kind in ("title", "heading") or before == "the "):
            alone.add(infos[first].form)
    # at a sentence start an ordinary word is no mention at all; what follows it still tells:
    # "Brown said", "Black's lawyer"
    for form in needed - alone:
        if _used_alone(text, form):
            alone.add(form)
    if alone:
        table.alone = frozenset(i for i, row in enumerate(rows)
                                if row[1] - row[0] >= 2 and infos[row[1] - 1].form in alone)


# --- grouping ---------------------------------------------------------------------------------

class Occurrence(Record):
    __slots__ = _fields = _repr = __match_args__ = ("token", "mention", "role")
    token: NameToken
    mention: Mention
    role: str                  # "head" (surname, place, agency), "given", "mention" (a whole name) or
                               # "phrase" (an organisation's name of several words)

    def __init__(self, token: NameToken, mention: Mention, role: str) -> None:
        _occurrence_token(self, token)
        _occurrence_mention(self, mention)
        _occurrence_role(self, role)


_occurrence_token, _occurrence_mention, _occurrence_role = _setters(Occurrence)


class NameGroup(Record):
    """One name, the spellings an article uses for it, and where."""
    _fields = _repr = __match_args__ = ("role", "forms", "person", "surnames")
    role: str
    forms: dict[str, list[Occurrence]]  # form -> places, first use first
    person: str                 # for given names: the surname's form
    surnames: tuple[str, ...]   # for given names: every spelling of that surname here

    def __init__(self, role: str, forms: dict[str, list[Occurrence]] = FACTORY, person: str = "",
                 surnames: tuple[str, ...] = ()) -> None:
        self.role = role
        self.forms = {} if forms is FACTORY else forms
        self.person = person
        self.surnames = surnames

    def count(self, form: str) -> int:
        return len(self.forms[form])

    @property
    def first(self) -> dict[str, int]:
        return {f: occ[0].token.span.start for f, occ in self.forms.items()}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[object, object] = {}

    def find(self, x: object) -> object:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: object, b: object) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _buckets(forms: Iterable[str]) -> dict[str, list[str]]:
    """Forms sharing a phonetic code (or a long-name key): the only pairs worth testing.

    This keeps grouping near-linear: a pair is compared only when it could match.
    """
    out: dict[str, list[str]] = {}
    for f in forms:
        for key in _bucket_keys(f):
            out.setdefault(key, []).append(f)
    return out


@lru_cache(maxsize=65536)
def _bucket_keys(form: str) -> tuple[str, ...]:
    """The buckets a form goes in: a pure function of the form, and forms repeat across articles."""
    k = fold(form)
    if len(k) < 3:
        return ()
    keys = {"=" + k}
    keys.update("c" + c for c in codes(k))
    if len(k) >= LONG_MIN:
        keys.add("l" + k[0] + k[-2:])
    return tuple(keys)


def candidate_pairs(forms: Iterable[str]) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for members in _buckets(forms).values():
        if len(members) < 2 or len(members) > 400:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a != b:
                    pairs.add((a, b) if a < b else (b, a))
    return pairs


# what stands between two names written side by side
_COORDINATION = regex_compile(r"(?:['’]s)?\s*(?:,|and|or|&|/|vs\.?|versus|,\s*and|,\s*or)\s*")


def _table(ms: "MentionTable | Iterable[Mention]") -> MentionTable:
    """The mentions as a table (a list of Mention objects is tabled, its objects kept)."""
    return ms if isinstance(ms, MentionTable) else MentionTable.of(ms)


def _coordinated(doc: Document, ms: MentionTable | list[Mention],
                 forms: AbstractSet[str] | None = None) -> set[frozenset[str]]:
    """Pairs of names written side by side ("Latvia and Lithuania", "Iran, Iraq"): two names.
    With `forms`, only the pairs of two of these forms (the rest are left out unasked: the pairs
    the grouping asks about are few, and testing the words between every two names was most of
    the cost)."""
    table = _table(ms)
    infos, rows = table.infos, table.rows
    out: set[frozenset[str]] = set()
    text = doc.text
    coordination = _COORDINATION.fullmatch
    for a, b in zip(rows, rows[1:]):
        if a[4] != b[4]:            # (another block)
            continue
        a_last = infos[a[1] - 1].form
        if forms is not None and a_last not in forms:
            continue
        b_first, b_last = infos[b[0]].form, infos[b[1] - 1].form
        if forms is not None and b_first not in forms and b_last not in forms:
            continue
        if coordination(text, a[3], b[2]):
            out.add(frozenset((a_last, b_first)))
            out.add(frozenset((a_last, b_last)))
    return out


def occurrences(ms: list[Mention]) -> list[Occurrence]:
    out = []
    append = out.append
    for m in ms:
        tokens = m.tokens
        if len(tokens) == 1:            # most mentions: one word, a head
            append(Occurrence(tokens[0], m, "head"))
            continue
        person = m.person_like
        last = tokens[-1]
        for t in tokens:
            if t is last:
                append(Occurrence(t, m, "head"))
            elif person:
                append(Occurrence(t, m, "given"))
            elif not (t.common or len(t.key) < 3):
                # (else "Black" in "Black Sea": part of a name, never a spelling of its own)
                append(Occurrence(t, m, "head"))
    return out


def group_names(doc: Document, ms: MentionTable | list[Mention], distinct: frozenset[str] = frozenset(),
                forced: Iterable[tuple[str, str]] = (), keep: Callable[[str], bool] | None = None,
                keep_given: Callable[[str], bool] | None = None) -> list[NameGroup]:
    """Group the spellings of one name; `forced` pairs of forms are one name (the house list says so).

    With `keep`, a head spelled only one way is left out unless keep(form) is true, and with
    `keep_given` likewise a person's given name spelled one way: a caller that has nothing to
    say of most such names (the house check: no house form for them) is spared making their
    groups and occurrences; every other group is the same."""
    # The mentions are read as a table (plain data): Occurrences (and the Mentions, NameTokens and
    # Spans in them) are made only for the groups kept.
    # one pass over the mentions: the occurrences (as `occurrences` lists them), and the context
    # of each surname: the given names and the titles it is used with, and the forms only ever
    # seen before another name word with the words they precede ("Michelle" in "Michelle Grey",
    # whose dictionary-word surname hides that she is a person)
    # head occurrences by form, forms in order of first use and each form's uses in order
    # (as the table's word indexes: the occurrences are made for the groups kept)
    table = _table(ms)
    rows, infos, marked = table.rows, table.infos, table.alone
    heads: dict[str, list[int]] = {}
    # given names (word indexes) with their place counted from the name's end
    given_occ: list[tuple[int, int]] = []
    given_of: dict[str, set[str]] = {}
    titles_of: dict[str, set[str]] = {}
    before: dict[str, set[str]] = {}
    alone: set[str] = set()
    # for the spacing and organisation groupings: the mentions of several words or of a word with
    # a hyphen or apostrophe, and the indexes of those that may hold an organisation or place word
    spaced: list[int] = []
    seeds: list[int] = []
    # the article's organisation and place words (each word's facts are shared by its uses)
    generic = set(filter(_GENERIC, infos))      # (filtered in C)
    for k, (first, stop, _start, _end, _block, _kind, title, _sentence_start) in enumerate(rows):
        last = infos[stop - 1]
        if stop - first == 1:
            if last.generic:
                seeds.append(k)
            if last.seps:
                spaced.append(k)
            form = last.form
            uses = heads.get(form)
            if uses is None:
                heads[form] = [first]
            else:
                uses.append(first)
            alone.add(form)
        else:
            # Mention.person_like, for a mention of two or more words
            person = not last.generic and (not last.form_common or (k in marked and not infos[stop - 2].form_common))
            if person:
                given_of.setdefault(last.form, set()).update([infos[j].key for j in range(first, stop - 1)])
            if generic and not generic.isdisjoint(infos[first:stop]):
                seeds.append(k)     # (an organisation or place word in it)
            spaced.append(k)
            for j in range(first, stop - 1):
                if person:
                    given_occ.append((j, stop - 1 - j))
                else:
                    t = infos[j]
                    if not (t.form_common or len(t.key) < 3):
                        heads.setdefault(t.form, []).append(j)
                        before.setdefault(t.form, set()).add(infos[j + 1].key)
            heads.setdefault(last.form, []).append(stop - 1)
            alone.add(last.form)
        if title:
            titles_of.setdefault(last.form, set()).add(title)
    head_forms = list(heads)
    side_by_side: set[frozenset[str]] | None = None     # made for the first pair tested
    uf = _UnionFind()
    forced_set = {frozenset(p) for p in forced}
    present = set(head_forms)

    def conflict(a: str, b: str) -> bool:
        nonlocal side_by_side
        if side_by_side is None:
            side_by_side = _coordinated(doc, table, paired)
        if frozenset((a, b)) in side_by_side:
            return True
        ga, gb = given_of.get(a, set()), given_of.get(b, set())
        if ga and gb and not any(x == y or given_variant_pair(x, y) for x in ga for y in gb):
            return True     # Ilham Aliyev and Heydar Aliev: two people
        ta, tb = titles_of.get(a, set()), titles_of.get(b, set())
        if (ta & MALE_TITLES and tb & FEMALE_TITLES) or (ta & FEMALE_TITLES and tb & MALE_TITLES):
            return True
        if (a not in alone and b not in alone and before.get(a, set()) & before.get(b, set())
                and distinct_given(a, b)):
            return True     # Mitchell Grey and Michelle Grey: given names of their own, two people
        return False

    def same_person(a: str, b: str) -> bool:
        ga, gb = given_of.get(a, set()), given_of.get(b, set())
        return any(x == y or given_variant_pair(x, y) for x in ga for y in gb)

    pairs = candidate_pairs(head_forms)
    paired = {f for pair in pairs for f in pair}     # the only forms `conflict` asks about
    for a, b in pairs:
        if frozenset((a, b)) in forced_set:
            uf.union(a, b)
        elif ((variant_pair(a, b, distinct) or (same_person(a, b) and variant_pair(a, b, distinct, dictionary=False)))
              and not conflict(a, b)):
            # two dictionary words are two names, unless one person's given name sits beside both;
            # (the context-free tests, remembered per pair, first: the context is read for the
            # few pairs that pass them, and a conflict only ever refused a union)
            uf.union(a, b)
    for pair in forced_set:
        if len(pair) == 2:
            a, b = tuple(pair)
            if a in present and b in present:
                uf.union(a, b)
    head_groups: dict[object, NameGroup] = {}
    occurrences = table.occurrences
    roots: dict[str, object] = {}       # find() once per form, not once per use
    # forms in order of first use: a group and its forms come in the order of their first use
    joined = uf.parent
    for form, uses in heads.items():
        if form not in joined:
            # a form never paired is its own group (find would say so, after recording it); one
            # the caller does not keep is left out (its given names' surnames are still (form,))
            roots[form] = form
            if keep is None or keep(form):
                head_groups[form] = NameGroup("head", {form: occurrences(uses, "head")})
            continue
        root = roots[form] = uf.find(form)
        occs = occurrences(uses, "head")
        g = head_groups.get(root)
        if g is None:
            head_groups[root] = NameGroup("head", {form: occs})
        else:
            g.forms[form] = occs
    # given names: grouped only within one person (the surname's group); a given name's
    # mention ends in a head, whose root is known
    given_by_person: dict[object, list[tuple[int, int]]] = {}
    for j, pos in given_occ:
        given_by_person.setdefault(roots[infos[j + pos].form], []).append((j, pos))     # (j + pos: its last word)
    groups = list(head_groups.values())
    for person, gocc in given_by_person.items():
        surnames = tuple(head_groups[person].forms) if person in head_groups else (str(person),)
        # the position inside the name matters too: Kim Jong Un's "Kim" is not his "Jong"
        # (the place was counted in the pass over the mentions: tokens.index compared tokens field
        # by field)
        by_pos: dict[int, list[int]] = {}
        for j, pos in gocc:
            by_pos.setdefault(pos, []).append(j)
        for uses in by_pos.values():
            # (one use, the most common case, has one spelling)
            forms = [infos[uses[0]].form] if len(uses) == 1 else list(dict.fromkeys(infos[j].form for j in uses))
            if len(forms) == 1:
                # one spelling (most people): one group, nothing to compare
                if keep_given is not None and not keep_given(forms[0]):
                    continue
                g = NameGroup("given", person=str(person), surnames=surnames)
                g.forms[forms[0]] = occurrences(uses, "given")
                groups.append(g)
                continue
            pos_occ = occurrences(uses, "given")
            guf = _UnionFind()
            for i, a in enumerate(forms):
                guf.find(a)
                for b in forms[i + 1:]:
                    if frozenset((a, b)) in forced_set or (
                            given_variant_pair(a, b) and not _relative(doc, pos_occ, a, b)
                            and (not distinct_given(a, b) or _one_person(doc, table, pos_occ, a, b, surnames))):
                        guf.union(a, b)
            sub: dict[object, NameGroup] = {}
            for o in pos_occ:
                root = guf.find(o.token.form)
                g = sub.get(root)
                if g is None:
                    g = sub[root] = NameGroup("given", person=str(person), surnames=surnames)
                g.forms.setdefault(o.token.form, []).append(o)
            groups.extend(sub.values())
    groups.extend(_spacing_groups(doc, table, spaced))
    groups.extend(phrase_groups(doc, table, seeds))
    return groups


# words that introduce a second member of a family: "her sister Claire", "his son"
_KIN = regex_compile(r"\b(?:wife|husband|partner|widow|widower|sister|brother|daughter|son|mother|father|"
                     r"aunt|uncle|niece|nephew|cousin|twin|sibling|grand\w*|mum|mom|dad|children|"
                     r"family|relative|related|siblings|sisters|brothers|daughters|sons)\b", regex.I)


# a name followed by an appositive introduces its bearer: ", 34,", ", the physio,", ", who ..."
_APPOSITIVE = regex_compile(r"(?:['’]s)?,\s+(?:\d|(?:a|an|the|who|whose|his|her|their|one|another|also)\b)")


def _relative(doc: Document, occ: list[Occurrence], a: str, b: str) -> bool:
    """The later of two given names is introduced as a relative ("her sister-in-law, Catherine
    Lowe", "Catherine Lowe, his wife,"): two people, however alike the names are spelled."""
    first = {f: min(o.token.span.start for o in occ if o.token.form == f) for f in (a, b)}
    later = a if first[a] > first[b] else b
    text = doc.text
    for o in occ:
        if o.token.form != later:
            continue
        start, end = o.mention.span.start, o.mention.span.end
        before = text[max(0, start - 30):start]
        before = before[max(before.rfind("."), before.rfind(";")) + 1:]
        if _KIN.search(before):
            return True
        after = _APPOSITIVE.match(text, end)
        if after:
            close = text.find(",", after.end(), after.end() + 60)
            if _KIN.search(text, end, close if close != -1 else after.end() + 60):
                return True
    return False


def _one_person(doc: Document, table: MentionTable, occ: list[Occurrence], a: str, b: str,
                surnames: tuple[str, ...]) -> bool:
    """Evidence that two given names which are names in their own right (Clara/Claire) on one
    surname are one person misspelled: both carry the same title or role ("Judge Katherine
    Morales" ... "Judge Kathryn Morales"); or the article calls someone by the bare surname, as
    it would not with two people of that name, introduces the later name as no one new (no
    title, no appositive) and never mentions a relative."""
    titles = {f: {o.mention.title for o in occ if o.token.form == f} - {""} for f in (a, b)}
    if titles[a] & titles[b]:
        return True
    infos = table.infos
    if not any(row[1] - row[0] == 1 and infos[row[0]].form in surnames for row in table.rows):
        return False
    first = {f: min(o.token.span.start for o in occ if o.token.form == f) for f in (a, b)}
    later = a if first[a] > first[b] else b
    if titles[later] or any(_APPOSITIVE.match(doc.text, o.mention.span.end)
                            for o in occ if o.token.form == later):
        return False     # the later name is introduced as someone new ("Claire Donnelly, the physio,")
    blocks = {o.mention.block for o in occ}
    blocks.update(row[4] for row in table.rows if infos[row[1] - 1].form in surnames)
    return not any(_KIN.search(doc.text, b.span.start, b.span.end)
                   for b in doc.blocks if b.index in blocks)


def mention_surface(doc: Document, m: Mention) -> str:
    """The mention as written, particles and hyphens included, spaces normalised."""
    return " ".join(doc.text[m.span.start:m.span.end].split())


def spacing_groups(doc: Document, ms: MentionTable | list[Mention], spaced: bool = False) -> list[NameGroup]:
    """Whole names written with different spacing or hyphens: Kim Jong Un / Kim Jong-un,
    al-Qaeda / Al Qaeda. The words themselves agree, so the word-level grouping cannot see it.
    `spaced`: `ms` holds only such mentions already (see below)."""
    table = _table(ms)
    # a one-word mention is the word as written (no space inside), so it only counts with a
    # hyphen or apostrophe in it; and two forms are needed to differ
    infos = table.infos
    return _spacing_groups(doc, table, range(len(table.rows)) if spaced else
                           [k for k, (first, stop, *_rest) in enumerate(table.rows)
                            if stop - first > 1 or infos[first].seps])


def _spacing_groups(doc: Document, table: MentionTable, sel: Sequence[int]) -> list[NameGroup]:
    """spacing_groups of these of the table's mentions (indexes, in order: those of several
    words or with a hyphen or apostrophe)."""
    if len(sel) < 2:
        return []
    text = doc.text
    rows = table.rows
    surfaces = [" ".join(text[rows[k][2]:rows[k][3]].split()) for k in sel]    # mention_surface, inlined
    # (fold remembers its answers: mapped in C, as is str.lower)
    keys = list(map(fold, surfaces))
    lowered = list(map(str.lower, surfaces))
    # a group needs a key written two ways (lowercased): when no key is, as in most articles (each
    # name written one way), the groups below are not built. Exact: the mentions read below are
    # some of these, so no key of theirs is written two ways either
    if len(set(keys)) == len(set(zip(keys, lowered))):
        return []
    # by folded key, the forms written (lowercased) and their mentions, first use first; tokens
    # and occurrences are made only for a key written two ways
    by_key: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for k, surface, key, low in zip(sel, surfaces, keys, lowered):
        if rows[k][1] - rows[k][0] < 2 and not any(c in surface for c in "-'’ "):
            continue
        # case alone is the word-level check's business (BelTA/Belta, a capitalised particle
        # opening a sentence); here only separators count
        by_key.setdefault(key, {}).setdefault(low, []).append((surface, k))
    out = []
    for key, forms in by_key.items():
        if len(forms) < 2 or len({rows[uses[0][1]][1] - rows[uses[0][1]][0] for uses in forms.values()}) < 2:
            continue   # same words, joined alike: a hyphen inside one word is the word-level check's
        g = NameGroup("mention")
        for uses in forms.values():
            # the form is named by its first use as written
            g.forms[uses[0][0]] = [Occurrence(NameToken(surface, (m := table.mention(k)).span, surface, key, False),
                                              m, "mention") for surface, k in uses]
        out.append(g)
    return out


# lowercase words that join the parts of an organisation's name ("Ministry of Health")
_JOINERS = regex_compile(r"\s(?:of|for|on|of the|for the|and|&)\s")
# endings that make another form of one word (Meteorology/Meteorological, Economy/Economic);
# demonym endings (Kenya/Kenyan, Niger/Nigeria) are left out on purpose: those are other names
_DERIVATIONS = frozenset({"", "al", "ical", "ic", "ics", "y", "e", "es", "s", "ed", "ing",
                          "ation", "ory", "ary", "ive", "ial", "ally", "ly"})
PHRASE_MIN_WORDS = 2


def derived_pair(a_form: str, b_form: str) -> bool:
    """Two forms of one ordinary word, as an organisation's name may be written with either:
    a derivation (Meteorology/Meteorological) or a spelling (Defence/Defense,
    Organisation/Organization). One of them must be a dictionary word: two proper names that
    share a stem are other names (Kenya/Kenyan, Niger/Nigeria)."""
    a, b = fold(a_form), fold(b_form)
    if a == b or not (is_common_lowercase(a_form) or is_common_lowercase(b_form)):
        return False
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    if p >= 5 and p >= 0.6 * min(len(a), len(b)) and a[p:] in _DERIVATIONS and b[p:] in _DERIVATIONS:
        return True
    return min(len(a), len(b)) >= 6 and _edit_distance(a, b) == 1


def _uk_us_spelling(a: str, b: str) -> bool:
    """Organisation/Organization, Defence/Defense, Centre/Center: one word in two spellings."""
    if len(a) != len(b) or len(a) < 6:
        return False
    if a[:-2] == b[:-2] and {a[-2:], b[-2:]} == {"re", "er"}:
        return True
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and set(diff[0]) in ({"s", "z"}, {"c", "s"})


class _Phrase:
    """An organisation's name found by `_phrases` (a plain class: nothing compares or hashes it):
    its span, its words' facts (see MentionTable), the words joining its parts, and the index of
    its first mention."""
    __slots__ = ("start", "end", "words", "joiners", "mention")

    def __init__(self, start: int, end: int, words: tuple, joiners: tuple[str, ...], mention: int) -> None:
        self.start = start
        self.end = end
        self.words = words
        self.joiners = joiners
        self.mention = mention


def _phrases(doc: Document, table: MentionTable, seeds: list[int] | None = None) -> list[_Phrase]:
    """Multi-word organisation names: mentions, joined by "of"/"for" ("Ministry of Health"),
    with at least one organisation or place word (Department, Agency, Council). `seeds`: the
    indexes, in order, of the mentions that may have such a word (every other has none), when
    the caller has them."""
    text = doc.text
    joins = _JOINERS.fullmatch
    rows, infos = table.rows, table.infos
    n = len(rows)

    def joined(k: int) -> bool:
        """Mentions k and k + 1 are one name's parts, joined by "of", "for", "&" ..."""
        a, b = rows[k], rows[k + 1]
        if a[4] != b[4]:
            return False
        end, start = a[3], b[2]
        # a joiner is 3 to 9 characters long (" & " to " for the "): most gaps are not
        return 3 <= start - end <= 9 and joins(text, end, start) is not None

    # A phrase is a maximal chain of joined mentions with an organisation or place word in it.
    # Chains are found from those words (few) outward, not by walking every mention; a chain is
    # the same whichever of its mentions it is found from.
    out: list[_Phrase] = []
    done = -1           # the last mention of the last chain found
    for k in range(n) if seeds is None else seeds:
        if k <= done:
            continue
        first, stop = rows[k][0], rows[k][1]
        # no organisation or place word in it (most mentions: one word, tested alone)
        if not infos[first].generic if stop - first == 1 else not any(map(_GENERIC, infos[first:stop])):
            continue
        i = k
        while i > 0 and joined(i - 1):
            i -= 1
        j = k
        while j + 1 < n and joined(j):
            j += 1
        done = j
        # (a whole table's neighbouring mentions have neighbouring words)
        words = (tuple(infos[rows[i][0]:rows[j][1]]) if table.whole else
                 tuple(infos[w] for x in range(i, j + 1) for w in range(rows[x][0], rows[x][1])))
        if len(words) < PHRASE_MIN_WORDS:
            continue
        # "&" and "and" join an organisation's name the same way (Securities & Exchange)
        joiners = tuple(" ".join(text[rows[x][3]:rows[x + 1][2]].split()).replace("&", "and")
                        for x in range(i, j))
        out.append(_Phrase(rows[i][2], rows[j][3], words, joiners, i))
    return out


def _ampersand(name: str) -> str:
    return name.replace(" & ", " and ")


def phrase_groups(doc: Document, ms: MentionTable | list[Mention], seeds: list[int] | None = None) -> list[NameGroup]:
    """An organisation's name written two ways where one word takes another form: "Kenya
    Meteorological Department" / "Kenya Meteorology Department". Every other word, and the
    words joining them, must agree; the organisation word itself may differ only in spelling
    (Organisation/Organization), since "Defence Ministry" and "Defence Department" are two
    bodies."""
    table = _table(ms)
    return _group_phrases(doc, _phrases(doc, table, seeds), table.mention)


def _group_phrases(doc: Document, phrases: list[_Phrase], mention: Callable[[Any], Mention]) -> list[NameGroup]:
    """phrase_groups of these phrases; mention(p.mention) is a phrase's first Mention."""
    if len(phrases) < 2:
        return []
    text = doc.text
    # phrases are referred to by their index: a phrase as a dict key hashes all its tokens
    surface = [" ".join(text[p.start:p.end].split()) for p in phrases]
    # two phrases are compared only with the same joiners and number of words, and are only ever
    # joined when written differently: without two such, there is nothing to find
    classes: dict[tuple[tuple[str, ...], int], set[str]] = {}
    for p, written in zip(phrases, surface):
        classes.setdefault((p.joiners, len(p.words)), set()).add(written)
    if all(len(written) < 2 for written in classes.values()):
        return []
    buckets: dict[tuple, list[int]] = {}
    for n, p in enumerate(phrases):
        keys = tuple(t.key for t in p.words)
        for i in range(len(p.words)):
            buckets.setdefault((p.joiners, keys[:i], keys[i + 1:]), []).append(n)
    uf = _UnionFind()
    for (_joiners, before, _after), members in buckets.items():
        i = len(before)
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                wa, wb = phrases[a].words[i], phrases[b].words[i]
                sa, sb = surface[a], surface[b]
                if wa.key == wb.key:
                    if i == 0 and sa != sb and _ampersand(sa) == _ampersand(sb):
                        uf.union(sa, sb)    # the same name with "&" for "and"
                    continue
                if wa.key in GENERIC or wb.key in GENERIC:
                    # the organisation word itself only in another spelling (Organisation/
                    # Organization, Centre/Center), never another word or number (Service/Services)
                    same = _uk_us_spelling(wa.key, wb.key)
                else:
                    same = derived_pair(wa.form, wb.form)
                if same:
                    uf.union(sa, sb)
    groups: dict[object, NameGroup] = {}
    for p, written in zip(phrases, surface):
        if written not in uf.parent:
            continue
        g = groups.setdefault(uf.find(written), NameGroup("phrase"))
        token = NameToken(written, Span(p.start, p.end), written, fold(written), False)
        g.forms.setdefault(written, []).append(Occurrence(token, mention(p.mention), "phrase"))
    return [g for g in groups.values() if len(g.forms) >= 2]


# --- house names lists ------------------------------------------------------------------------

class HouseEntry(FrozenRecord):
    __slots__ = _fields = __match_args__ = ("name", "variants", "note", "link", "keep")
    name: str                           # the preferred form of the whole name
    variants: tuple[str, ...]
    note: str
    link: str
    keep: tuple[str, ...]               # phrases where a variant stays ("chicken Kiev")

    def __init__(self, name: str, variants: tuple[str, ...] = (), note: str = "", link: str = "",
                 keep: tuple[str, ...] = ()) -> None:
        _set(self, "name", name)
        _set(self, "variants", variants)
        _set(self, "note", note)
        _set(self, "link", link)
        _set(self, "keep", keep)


_Hit = TypeVar("_Hit")


class HouseList(Record):
    """The house names lists, reduced to what a check looks up: word forms.

    A name's words are aligned with each variant's words: a different last word is a surname or
    place spelling (`heads`); a different earlier word is a given-name spelling of that person
    only (`given`, keyed by the preferred surname), so "Alexander" is never forced onto another
    Aleksandr.
    """
    _fields = _repr = ("entries", "heads", "head_keys", "given", "mentions", "distinct", "_by_code")
    __match_args__ = (*_fields, "_heads_seen", "_near_seen", "_tails", "head_answers")
    entries: list[HouseEntry]
    heads: dict[str, tuple[str, HouseEntry]]          # exact form
    head_keys: dict[str, tuple[str, HouseEntry]]      # folded form
    given: dict[tuple[str, str], tuple[str, HouseEntry]]
    mentions: dict[str, tuple[str, HouseEntry]]       # whole names, lowercased
    distinct: frozenset[str]
    _by_code: dict[str, list[str]] | None
    # answers of head() and near() by form: a list is built once per run (see _merged_lists) and
    # every article asks it about the same few thousand names (these four are left out of the
    # equality and the repr)
    _heads_seen: dict[str, tuple[str, HouseEntry] | None]
    _near_seen: dict[str, tuple[str, HouseEntry] | None]
    _tails: frozenset[str] | None
    # what a names check makes of a surname, place or agency spelling (kinds.names.house_form)
    head_answers: dict[str, object]

    def __init__(self, entries: list[HouseEntry] = FACTORY, heads: dict[str, tuple[str, HouseEntry]] = FACTORY,
                 head_keys: dict[str, tuple[str, HouseEntry]] = FACTORY,
                 given: dict[tuple[str, str], tuple[str, HouseEntry]] = FACTORY,
                 mentions: dict[str, tuple[str, HouseEntry]] = FACTORY, distinct: frozenset[str] = frozenset(),
                 _by_code: dict[str, list[str]] | None = None,
                 _heads_seen: dict[str, tuple[str, HouseEntry] | None] = FACTORY,
                 _near_seen: dict[str, tuple[str, HouseEntry] | None] = FACTORY,
                 _tails: frozenset[str] | None = None, head_answers: dict[str, object] = FACTORY) -> None:
        self.entries = [] if entries is FACTORY else entries
        self.heads = {} if heads is FACTORY else heads
        self.head_keys = {} if head_keys is FACTORY else head_keys
        self.given = {} if given is FACTORY else given
        self.mentions = {} if mentions is FACTORY else mentions
        self.distinct = distinct
        self._by_code = _by_code
        self._heads_seen = {} if _heads_seen is FACTORY else _heads_seen
        self._near_seen = {} if _near_seen is FACTORY else _near_seen
        self._tails = _tails
        self.head_answers = {} if head_answers is FACTORY else head_answers
        self._given_keys: frozenset[str] | None = None
        # the forms head() (kinds.names.head_answer) has an answer for, among those asked: an
        # article's forms meet these in one set operation, not a question per form
        self.heads_hit: set[str] = set()
        self.answered: set[str] = set()

    def add(self, entry: HouseEntry) -> None:
        self.entries.append(entry)
        self._heads_seen.clear()
        self._near_seen.clear()
        self.head_answers.clear()
        self._by_code = None
        self._tails = None
        self._given_keys = None
        self.heads_hit.clear()
        self.answered.clear()
        pref = [core(w) for w in _words(entry.name)]
        if not pref:
            return
        self._head(pref[-1], pref[-1], entry)
        self.mentions[entry.name.lower()] = (entry.name, entry)
        for variant in entry.variants:
            if fold(variant) == fold(entry.name) and len(_words(variant)) != len(pref):
                # the same letters spaced or hyphenated another way (Kim Jong-un): a whole-name form
                self.mentions[variant.lower()] = (entry.name, entry)
                continue
            var = [core(w) for w in _words(variant)]
            if not var:
                continue
            if len(var) == len(pref):
                for i, (v, p) in enumerate(zip(var, pref)):
                    if v == p:
                        continue
                    if i == len(pref) - 1:
                        self._head(v, p, entry)
                    else:
                        self.given[(fold(v), fold(pref[-1]))] = (p, entry)
            elif len(var) == 1:
                target = max(pref, key=lambda p: jaro_winkler_similarity(fold(p), fold(var[0])))
                if target == pref[-1]:
                    self._head(var[0], target, entry)
            else:
                self._head(var[-1], pref[-1], entry)

    def _head(self, variant: str, preferred: str, entry: HouseEntry) -> None:
        self.heads[variant] = (preferred, entry)
        if fold(variant) != fold(preferred) or variant == preferred:
            self.head_keys.setdefault(fold(variant), (preferred, entry))

    def head(self, form: str) -> tuple[str, HouseEntry] | None:
        """The house form of a surname, place or agency spelling, if the list has it."""
        seen = self._heads_seen
        if form in seen:
            return seen[form]
        hit = seen[form] = self._find_head(form)
        if hit is not None:
            self.heads_hit.add(form)
        return hit

    def _find_head(self, form: str) -> tuple[str, HouseEntry] | None:
        hit = self.heads.get(form) or self.head_keys.get(fold(form))
        if hit is None:
            return None
        preferred, entry = hit
        if fold(form) == fold(preferred) and form != preferred and form.isupper() and len(form) > 1:
            # LUKASHENKO in an all-caps line is the house form shouted, not a variant; an all-caps
            # agency name (AZERTAC) is its own preferred form and matched exactly above
            if self.heads.get(form) is None:
                return None
        return hit

    def near(self, form: str) -> tuple[str, HouseEntry] | None:
        """A listed name this spelling is a close variant of, though the list does not name the
        variant (the list says Zelenskyy, the article Zelenskyi). Strict, since the list has no
        context to check: long names, a shared phonetic code and a high similarity."""
        return _remembered(self._near_seen, form, self._find_near)

    def _find_near(self, form: str) -> tuple[str, HouseEntry] | None:
        key = fold(form)
        if len(key) < NEAR_MIN:
            return None
        if self._by_code is None:
            self._by_code = {}
            for variant, (preferred, _entry) in self.heads.items():
                if variant == preferred:
                    for c in codes(fold(preferred)):
                        self._by_code.setdefault(c, []).append(preferred)
        for c in codes(key):
            for preferred in self._by_code.get(c, ()):
                if (preferred != form and jaro_winkler_similarity(key, fold(preferred)) >= NEAR_JW
                        and variant_pair(form, preferred, self.distinct)):
                    return self.heads[preferred]
        return None

    def given_name(self, form: str, surname: str) -> tuple[str, HouseEntry] | None:
        return self.given.get((fold(form), fold(surname)))

    def given_keys(self) -> frozenset[str]:
        """The folded given-name spellings the list has an answer for, whatever the surname: a
        given name whose key is none of these has no house form."""
        if self._given_keys is None:
            self._given_keys = frozenset(key for key, _surname in self.given)
        return self._given_keys

    def mention_tails(self) -> frozenset[str]:
        """The last space-separated word of every whole-name form (lowercased): a mention whose
        last word is none of these cannot be one of them."""
        if self._tails is None:
            self._tails = frozenset(key.rsplit(" ", 1)[-1] for key in self.mentions)
        return self._tails


def _remembered(seen: dict[str, _Hit], form: str, find: Callable[[str], _Hit]) -> _Hit:
    """find(form), asked once per form."""
    if form in seen:
        return seen[form]
    hit = seen[form] = find(form)
    return hit


def _words(name: str) -> list[str]:
    return [_strip_possessive(m.group()) for m in _WORD.finditer(name)
            if m.group() not in PARTICLES]


def parse_house_list(data: object, source: str = "names list") -> tuple[list[HouseEntry], list[str]]:
    """Entries and distinct names from a names list's YAML data; ValueError says what is wrong."""
    if data is None:
        return [], []
    if not isinstance(data, dict) or set(data) - {"names", "distinct"}:
        raise ValueError(f"{source}: expected a mapping with 'names' (and optionally 'distinct')")
    entries = []
    for i, item in enumerate(data.get("names") or []):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or "name" not in item or set(item) - {"name", "variants", "note", "link", "keep", "count", "counts"}:
            raise ValueError(f"{source}: entry {i + 1} needs 'name' and may have 'variants', 'note', 'link', 'keep'")
        variants = item.get("variants") or []
        keep = item.get("keep") or []
        if isinstance(variants, str):
            variants = [variants]
        if isinstance(keep, str):
            keep = [keep]
        entries.append(HouseEntry(str(item["name"]), tuple(str(v) for v in variants), str(item.get("note") or ""),
                                  str(item.get("link") or ""), tuple(str(k) for k in keep)))
    distinct = [str(d) for d in (data.get("distinct") or [])]
    return entries, distinct


@lru_cache(maxsize=32)
def _read_list(path: str, mtime: float) -> tuple[tuple[HouseEntry, ...], tuple[str, ...]]:
    # libyaml, and the parse kept between runs (yamlfast.load_cached): the list rarely changes
    from ..yamlfast import load_cached
    text = Path(path).read_text(encoding="utf-8")
    entries, distinct = parse_house_list(load_cached(text), path)
    return tuple(entries), tuple(distinct)


def load_house_lists(paths: Iterable[Path]) -> HouseList:
    """Merge names lists in order: a later list's entry for a name replaces an earlier one's."""
    stamped = []
    for p in paths:
        # one stat per list and article (Path.is_file and Path.stat were two), errors as is_file
        try:
            st = os.stat(p)
        except OSError as exc:
            if exc.errno in _MISSING:
                continue
            raise
        except ValueError:          # an unrepresentable path: no such file, as is_file says
            continue
        if stat.S_ISREG(st.st_mode):
            stamped.append((str(p), st.st_mtime))
    return _merged_lists(tuple(stamped))


_MISSING = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


@lru_cache(maxsize=16)
def _merged_lists(stamped: tuple[tuple[str, float], ...]) -> HouseList:
    by_name: dict[str, HouseEntry] = {}
    distinct: set[str] = set()
    for path, mtime in stamped:
        entries, dis = _read_list(path, mtime)
        for e in entries:
            # a newsroom that prefers another form of a listed name replaces that entry
            for old_name, old in list(by_name.items()):
                forms = {old.name, *old.variants}
                if e.name in forms or any(v in forms for v in e.variants):
                    del by_name[old_name]
            by_name[e.name] = e
        distinct.update(fold(d) for d in dis)
    house = HouseList(distinct=frozenset(distinct))
    for e in by_name.values():
        house.add(e)
    return house
