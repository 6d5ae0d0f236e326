"""The English word lists behind the spelling checks, and a suggester for words they lack.

The lists are Hunspell's en-US (SCOWL) and en-GB dictionaries expanded once, at build time, into
every word form (`tools/build_lexicon.py`), so a lookup is a set membership test: no affix logic
runs at check time. Three sets split the forms by variety (both, en-US only, en-GB only), which is
all the variety checks need.

Suggestions come from a list of known misspellings first ("recieve" -> "receive"), then from
dictionary words one or two edits away, ranked by how likely the slip is (a doubled letter, two
swapped letters, a neighbouring key) and by how common the word is. Everything beyond the word
sets loads lazily, on the first word that needs a suggestion.

Case rules for lookups follow Hunspell: a lowercase entry also accepts the word capitalised
("Until" at a sentence start) but an entry with capitals accepts only that spelling ("London",
"iPhone").
"""
from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import AbstractSet, Any, Callable, Iterable

from .compiled import re_compile

# locales that spell the British way; anything else pinned counts as unpinned
_NEAR_COST = 0.8            # common_word_near: the costliest slip, the rarest word it accepts
_NEAR_RANK = 30_000
_BRITISH = {"en-gb", "en-au", "en-nz", "en-ie", "en-za", "en-in"}
_AMERICAN = {"en-us"}

# QWERTY neighbours: a substitution of a neighbouring key is the likeliest keyboard slip
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS: dict[str, set[str]] = {}
for _r, _row in enumerate(_ROWS):
    for _c, _ch in enumerate(_row):
        near = _NEIGHBOURS.setdefault(_ch, set())
        for _dr in (-1, 0, 1):
            if 0 <= _r + _dr < len(_ROWS):
                other = _ROWS[_r + _dr]
                # rows are offset by about half a key: the same index and the one beside it touch
                for _dc in ((-1, 1) if _dr == 0 else (-1, 0, 1)):
                    j = _c + _dc
                    if 0 <= j < len(other) and other[j] != _ch:
                        near.add(other[j])
_VOWELS = set("aeiouy")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"

# how much each kind of slip costs when ranking suggestions (1.0 = an arbitrary edit)
COST_DOUBLING = 0.45        # a letter typed twice, or a double letter typed once
COST_TRANSPOSE = 0.6        # two neighbouring letters swapped
COST_NEAR_KEY = 0.7         # a neighbouring key hit instead
COST_VOWEL = 0.75           # one vowel for another (a spelling, not a typing, slip)
COST_STRAY_KEY = 0.8        # an extra letter from a key next to its neighbour
FREQUENCY_WEIGHT = 0.32     # per factor of ten in frequency rank
UNRANKED = 250_000          # the rank of a dictionary word the frequency list lacks


def variety_of(locale: str | None) -> str | None:
    """en-US, en-GB or None (unpinned) for a configured locale."""
    if not locale:
        return None
    key = locale.strip().lower().replace("_", "-")
    if key in _BRITISH:
        return "en-GB"
    if key in _AMERICAN:
        return "en-US"
    return None


def fold(word: str) -> str:
    """Accents off: "café" -> "cafe", for dictionaries that spell a loanword without them."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


_LINE = re_compile(r"^([^\t\n]*)\t?([^\n]*)$", re.M)
_KEYS = re_compile(r"^[^\t\n]+", re.M)     # the key of each line


class SortedLines:
    """A sorted text of "key<TAB>value" lines, searched in place.

    Loading is reading one file: nothing is parsed until a key is looked up, and each lookup is a
    binary search over the UTF-8 bytes (about 20 probes; bytes keep `rfind` a memory scan).
    Answers are memoised; once a process has asked for many distinct keys (a large batch), the
    whole table is parsed into a dict once.
    """

    # distinct lookups (a few dozen articles): past this, parsing the table (tens of ms for the word
    # list) costs less than the searches still to come
    PARSE_AFTER = 10_000

    STEP = 2048     # bytes between the entries of the coarse index built at load

    def __init__(self, path: Path, tags: tuple[str, ...] | None = None) -> None:
        self.data = path.read_bytes()
        # when every value is one of a few tags, a large batch parses the text into a set of its
        # lines (a C-speed split) instead of a dict
        self.tags = tags
        self._memo: dict[str, str | None] = {}
        self._table: dict[str, str] | None = None
        self._lines: frozenset[str] | None = None
        # a coarse index (one line start every STEP bytes, about a thousand for the word list)
        # lets a lookup bisect a short list in C before probing the text
        data = self.data
        starts = [0]
        pos = self.STEP
        while pos < len(data):
            nl = data.find(b"\n", pos)
            if nl < 0 or nl + 1 >= len(data):
                break
            starts.append(nl + 1)
            pos = nl + 1 + self.STEP
        self._starts = starts
        self._keys = [self._key_at(s) for s in starts]

    def _key_at(self, start: int) -> bytes:
        end = self.data.find(b"\n", start)
        end = len(self.data) if end < 0 else end
        tab = self.data.find(b"\t", start, end)
        return self.data[start:end if tab < 0 else tab]

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")

    def get(self, key: str) -> str | None:
        """The value for a key ("" when the line has none), or None when the key is absent."""
        if self._lines is not None:
            if key in self._lines:
                return ""
            for tag in self.tags or ():
                if f"{key}\t{tag}" in self._lines:
                    return tag
            return None
        if self._table is not None:
            return self._table.get(key)
        try:
            return self._memo[key]
        except KeyError:
            pass
        value = self._search(key)
        self._memo[key] = value
        if len(self._memo) > self.PARSE_AFTER:
            if self.tags is not None:
                self._lines = frozenset(self.text.split("\n"))
            else:
                self._table = dict(_LINE.findall(self.text))
        return value

    @staticmethod
    def _split(line: str) -> tuple[str, str]:
        key, _, value = line.partition("\t")
        return key, value

    def _lower_bound(self, key: bytes) -> int:
        """Offset of the first line whose key is >= key (UTF-8 order is code point order)."""
        t = self.data
        i = bisect_right(self._keys, key) - 1
        if i < 0:
            return 0
        lo = self._starts[i]
        hi = self._starts[i + 1] if i + 1 < len(self._starts) else len(t)
        while lo < hi:
            mid = (lo + hi) // 2
            r = t.rfind(b"\n", lo, mid)
            start = r + 1 if r >= 0 else lo
            end = t.find(b"\n", start)
            if end < 0:
                end = len(t)
            tab = t.find(b"\t", start, end)
            if t[start:end if tab < 0 else tab] < key:
                lo = end + 1
            else:
                hi = start
        return lo

    def _search(self, key: str) -> str | None:
        t = self.data
        k = key.encode("utf-8", "surrogatepass")
        if k and b"\n" not in k and b"\t" not in k:
            # the line with this key, if any, lies in the stretch of the coarse index the key
            # falls in (about 2 kB): two searches in C there beat a binary search in Python
            i = bisect_right(self._keys, k) - 1
            if i < 0:
                return None
            lo = self._starts[i]
            hi = self._starts[i + 1] if i + 1 < len(self._starts) else len(t)
            # the first line there that starts with the key: the key's own line if it has one,
            # as a line holding just the key (or the key and a tab) sorts before longer keys
            if t.startswith(k, lo):
                at = lo
            else:
                at = t.find(b"\n" + k, lo, hi)
                if at < 0:
                    return None
                at += 1
            end = at + len(k)
            after = t[end:end + 1]
            if after == b"\t":
                stop = t.find(b"\n", end)
                return t[end + 1:stop if stop >= 0 else len(t)].decode("utf-8")
            return "" if after in (b"\n", b"") else None
        start = self._lower_bound(k)
        if start >= len(t):
            return None
        end = t.find(b"\n", start)
        line_key, _, value = t[start:end if end >= 0 else len(t)].partition(b"\t")
        return value.decode("utf-8") if line_key == k else None

    def keys_with_prefix(self, prefix: str) -> list[str]:
        """Every key that starts with prefix, in order."""
        start = self._lower_bound(prefix.encode("utf-8"))
        stop = self._lower_bound((prefix[:-1] + chr(ord(prefix[-1]) + 1)).encode("utf-8"))
        return _KEYS.findall(self.data[start:stop].decode("utf-8"))

    def with_prefix(self, prefix: str) -> list[tuple[str, str]]:
        """Every (key, value) whose key starts with prefix."""
        start = self._lower_bound(prefix.encode("utf-8"))
        stop = self._lower_bound((prefix[:-1] + chr(ord(prefix[-1]) + 1)).encode("utf-8"))
        return [self._split(line) for line in self.data[start:stop].decode("utf-8").splitlines()]


class WordSet:
    """The set of a word list's entries (stripped lines, blank and `#` comment lines left out),
    answering `word in words` without building the set.

    Building a frozenset of a 40,000-line list costs a cold process ~15 ms, more than all the
    lookups one article makes. A list whose lines are already clean (no surrounding whitespace,
    no tabs) and sorted is searched in place (`SortedLines`, which builds the set itself after
    many distinct lookups); any other list is read the plain way. Whether a list qualifies is a
    fact about its bytes, worked out once and kept in the facts store (compiled.memo).
    """

    __slots__ = ("_lines", "_set")

    def __init__(self, path: Path) -> None:
        self._lines: SortedLines | None = None
        self._set: frozenset[str] | None = None
        if not path.is_file():
            self._set = frozenset()
            return
        lines = SortedLines(path, tags=())
        from .compiled import memo
        import hashlib
        digest = hashlib.blake2b(lines.data, digest_size=16).digest()
        if memo("wordset-searchable", (digest,), lambda: _searchable(lines.data), __file__):
            self._lines = lines
        else:
            self._set = plain_word_set(lines.text)

    def __contains__(self, word: object) -> bool:
        if self._set is not None:
            return word in self._set
        if not isinstance(word, str) or not word or word[0] == "#":
            return False
        return self._lines.get(word) is not None  # type: ignore[union-attr]


def plain_word_set(text: str) -> frozenset[str]:
    """A word list's entries: its stripped lines, less blank and `#` comment lines."""
    # one comprehension, not a loop of set.add calls: half the time for 40,000 lines
    return frozenset([line.strip() for line in text.splitlines() if line and line[0] != "#"])


def _searchable(data: bytes) -> bool:
    """Can SortedLines answer membership for this list exactly: every line its own stripped self,
    free of tabs and of the line breaks splitlines knows beyond LF, in code point order?"""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()     # the final newline
    if text.splitlines() != lines:      # \r, \v, \x1c, \u2028 ... split lines for splitlines too
        return False
    return all(line == line.strip() and "\t" not in line for line in lines) and all(
        a < b for a, b in zip(lines, lines[1:]))


def weighted_distance(typo: str, word: str) -> float:
    """Optimal-string-alignment distance with cheaper costs for the common slips."""
    a, b = typo, word
    la, lb = len(a), len(b)
    # a letter's deletion or insertion costs the same in every row or column: work each out once
    deletes = [_delete_cost(a, i) for i in range(la)]
    inserts = [_insert_cost(b, j) for j in range(lb)]
    prev2: list[float] = []
    prev = [float(j) for j in range(lb + 1)]
    for j in range(1, lb + 1):
        prev[j] = prev[j - 1] + inserts[j - 1]
    for i in range(1, la + 1):
        delete = deletes[i - 1]
        cur = [prev[0] + delete] + [0.0] * lb
        ca = a[i - 1]
        cheap = _CHEAP_SUBSTITUTES.get(ca, _NONE)     # what _substitute_cost(ca, x) prices below 1
        for j in range(1, lb + 1):
            cb = b[j - 1]
            if ca == cb:
                best = prev[j - 1]
            else:
                best = prev[j - 1] + cheap.get(cb, 1.0)
            d = prev[j] + delete
            if d < best:
                best = d
            ins = cur[j - 1] + inserts[j - 1]
            if ins < best:
                best = ins
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                t = prev2[j - 2] + COST_TRANSPOSE
                if t < best:
                    best = t
            cur[j] = best
        prev2, prev = prev, cur
    return prev[lb]


def _delete_cost(typo: str, i: int) -> float:
    """Cost of a letter the typist added: cheap when it repeats a neighbour or sits by its key."""
    ch = typo[i]
    if (i > 0 and typo[i - 1] == ch) or (i + 1 < len(typo) and typo[i + 1] == ch):
        return COST_DOUBLING
    near = _NEIGHBOURS.get(ch, ())
    if (i > 0 and typo[i - 1] in near) or (i + 1 < len(typo) and typo[i + 1] in near):
        return COST_STRAY_KEY
    return 1.0


def _insert_cost(word: str, j: int) -> float:
    """Cost of a letter the typist left out: cheap when it is half of a double letter."""
    ch = word[j]
    if (j > 0 and word[j - 1] == ch) or (j + 1 < len(word) and word[j + 1] == ch):
        return COST_DOUBLING
    return 1.0


def _substitute_cost(typed: str, meant: str) -> float:
    if typed in _NEIGHBOURS.get(meant, ()):
        return COST_NEAR_KEY
    if typed in _VOWELS and meant in _VOWELS:
        return COST_VOWEL
    return 1.0


# typed letter -> {meant letter: cost} for the substitutions _substitute_cost prices below 1.0
# (a neighbouring key, one vowel for another: only letters a-z can be either)
_CHEAP_SUBSTITUTES: dict[str, dict[str, float]] = {
    t: {m: _substitute_cost(t, m) for m in _ALPHABET if m != t and _substitute_cost(t, m) < 1.0}
    for t in _ALPHABET}
_NONE: dict[str, float] = {}


def edits1(word: str) -> set[str]:
    """Every string one deletion, swap, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _ALPHABET if c != b[0])
    out.update(a + c + b for a, b in splits for c in _ALPHABET)
    out.discard(word)
    return out


def cheap_edits(word: str) -> set[str]:
    """The strings one *cheap* slip away (see the COST_ constants): a letter doubled or undoubled,
    two letters swapped, a neighbouring key or another vowel, a stray neighbouring key. About a
    sixth of edits1, for the questions that only care about likely slips."""
    out: set[str] = set()
    n = len(word)
    for i in range(n):
        ch = word[i]
        out.add(word[:i] + ch + word[i:])                      # doubled
        if (i + 1 < n and word[i + 1] == ch) or _delete_cost(word, i) < 1.0:
            out.add(word[:i] + word[i + 1:])                   # undoubled, or a stray key dropped
        if i + 1 < n:
            out.add(word[:i] + word[i + 1] + ch + word[i + 2:])
        subs = set(_NEIGHBOURS.get(ch, ())) | (_VOWELS if ch in _VOWELS else set())
        for c in subs:
            out.add(word[:i] + c + word[i + 1:])
    out.discard(word)
    return out


class Lexicon:
    """The word sets, the frequency order, known misspellings and variety pairs."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.words = SortedLines(data_dir / "words.txt", tags=("U", "G"))
        self._frequency: SortedLines | None = None
        self._buckets: dict[str, dict[int, list[str]]] = {}
        self._misspellings: SortedLines | None = None
        self._variety: dict[str, tuple[str, str]] | None = None
        self._yes: set[str] = set()     # words `unknown` found known, and unknown
        self._no: set[str] = set()

    # -- membership -----------------------------------------------------------------------
    def has_form(self, form: str, variety: str | None = None) -> bool:
        """The exact form is a dictionary entry (of the variety, when one is given)."""
        tag = self.words.get(form)
        if tag is None:
            return False
        if not tag or variety is None:
            return True
        # a proper noun in the other variety's list is still a name, not a spelling
        return tag == ("U" if variety == "en-US" else "G") or form[:1].isupper()

    def knows(self, word: str, variety: str | None = None) -> bool:
        """Is the word spelled right? Handles case, curly apostrophes, possessives, clitics, accents."""
        if variety is None:
            # answered before (the checks ask about the same words again and again)?
            if word in self._yes:
                return True
            if word in self._no:
                return False
            known = self._knows(word)
            (self._yes if known else self._no).add(word)
            return known
        return self._knows(word, variety)

    def _knows(self, word: str, variety: str | None = None) -> bool:
        w = word.replace("\u2019", "'").replace("\u02bc", "'")
        if self._knows_form(w, variety):
            return True
        if "'" in w:
            base = _strip_clitic(w)
            if base != w and base and self._knows_form(base, variety):
                return True
        folded = fold(w)
        return folded != w and self._knows_form(folded, variety)

    def unknown(self, words: AbstractSet[str]) -> AbstractSet[str]:
        """The words of the set the dictionary does not know (`knows` with no variety is false).

        Each word's answer is remembered (the lexicon never changes) in two sets, so an article
        asks only about the words no earlier article used, with set operations that run in C."""
        if len(self._yes) + len(self._no) > _KNOWS_LIMIT:
            self._yes.clear()
            self._no.clear()
        # one pass over the article's words: those not known before (a few dozen) are the new
        # words and the unknown ones, and as no word is in both sets, `words & self._no` is
        # `rest & self._no`
        rest = words - self._yes
        for w in rest - self._no:
            (self._yes if self._knows(w) else self._no).add(w)
        return rest & self._no

    def _knows_form(self, w: str, variety: str | None) -> bool:
        if self.has_form(w, variety):
            return True
        # "Until" at a sentence start, "UNTIL" in a headline: a lowercase entry accepts them
        if w[:1].isupper() and (w[1:].islower() or w.isupper()):
            low = w.lower()
            if self.has_form(low, variety):
                return True
            if w.isupper() and self.has_form(w[:1] + w[1:].lower(), variety):
                return True
        return False

    # -- frequency ---------------------------------------------------------------------------
    @property
    def frequency(self) -> SortedLines:
        if self._frequency is None:
            self._frequency = SortedLines(self.data_dir / "frequency.txt")
        return self._frequency

    def rank(self, word: str) -> int:
        """1 for the commonest word; UNRANKED for dictionary words outside the frequency list."""
        value = self.frequency.get(word.lower())
        return int(value) if value else UNRANKED

    def _bucket(self, length: int, first: str) -> list[str]:
        """Frequency-listed words with this first letter and length."""
        if first not in self._buckets:
            # the keys in file order, then grouped by length (a stable sort keeps that order)
            words = self.frequency.keys_with_prefix(first)
            words.sort(key=len)
            self._buckets[first] = {n: list(group) for n, group in groupby(words, len)}
        return self._buckets[first].get(length, [])

    # -- known misspellings and variety pairs --------------------------------------------------
    def known_misspelling(self, word: str) -> tuple[str, ...]:
        """The fixes for a listed misspelling (lowercase lookup), or ()."""
        if self._misspellings is None:
            self._misspellings = SortedLines(self.data_dir / "misspellings.txt")
        fixes = self._misspellings.get(word.replace("\u2019", "'").lower())
        return tuple(fixes.split(",")) if fixes else ()

    @property
    def variety(self) -> dict[str, tuple[str, str]]:
        """Lowercase word -> (variety it marks, the other variety's spelling)."""
        if self._variety is None:
            table: dict[str, tuple[str, str]] = {}
            for line in (self.data_dir / "variety.tsv").read_text(encoding="utf-8").splitlines():
                us, _, gb = line.partition("\t")
                if gb:
                    table.setdefault(us, ("en-US", gb))
                    table.setdefault(gb, ("en-GB", us))
            self._variety = table
        return self._variety

    # -- suggestions ------------------------------------------------------------------------
    def suggest(self, word: str, variety: str | None = None, limit: int = 5) -> list[str]:
        """Corrections, best first. A listed misspelling with one fix gets exactly that fix.

        Memoised: working out candidates costs milliseconds a word, and across a batch of
        articles the same unknown names and slips come back again and again."""
        return list(_memo(self, "suggest", (word, variety, limit), lambda: self._suggest(word, variety, limit)))

    def _suggest(self, word: str, variety: str | None = None, limit: int = 5) -> list[str]:
        w = word.replace("\u2019", "'")
        low = w.lower()
        capital = w[:1].isupper()
        known = [f for f in self.known_misspelling(low) if self._fix_allowed(f, variety)]
        if len(known) == 1:
            return [_recase(known[0], capital)]
        scored = self.candidates(low, variety)
        ordered = list(dict.fromkeys(known + [c for _, c in scored]))
        return [_recase(c, capital) for c in ordered[:limit]]

    def _fix_allowed(self, fix: str, variety: str | None) -> bool:
        return all(self.knows(part, variety) for part in fix.split())

    def candidates(self, low: str, variety: str | None = None) -> list[tuple[float, str]]:
        """(score, word) for dictionary words one or two edits away, lowest score first.

        Common words sharing the first letter come from a scan of the frequency list; slips on
        the first letter, short words and rare words come from generating every single edit and
        looking each up (slower: a binary search per string)."""
        found: set[str] = set()
        if len(low) > 4:
            found.update(self._near_two(low, variety))
            found.update(c for c in _first_letter_edits(low) if self._candidate_form(c, variety))
        if not found:
            found.update(c for c in edits1(low) if self._candidate_form(c, variety))
        scored = []
        for c in found:
            cost = weighted_distance(low, c.lower())
            scored.append((cost + FREQUENCY_WEIGHT * math.log10(self.rank(c)), c))
        scored.sort(key=lambda t: (t[0], t[1]))
        return scored

    def _candidate_form(self, c: str, variety: str | None) -> bool:
        if self.has_form(c, variety):
            return True
        cap = c[:1].upper() + c[1:]
        return self.has_form(cap, variety)

    def _near_two(self, low: str, variety: str | None) -> Iterable[str]:
        """Common words two edits away, found by scanning words of a similar length that share
        the first letter.

        The scan is one rapidfuzz call per bucket: its loop over the bucket runs in C, where a
        map of a C distance function still made a Python-level call per bucket word (~6 times
        slower). rapidfuzz's OSA distance is the same optimal-string-alignment distance, and its
        score_cutoff keeps exactly the words at most two edits away (a test compares the two);
        the matches are put back in bucket order, so the result is the same list."""
        # (imported here: rapidfuzz costs a cold start tens of ms, and most runs suggest nothing)
        from rapidfuzz.distance.OSA import distance as osa_distance
        from rapidfuzz.process import extract

        n = len(low)
        out = []
        for length in range(max(1, n - 2), n + 3):
            bucket = self._bucket(length, low[0])
            if not bucket:
                continue
            near = sorted(m[2] for m in extract(low, bucket, scorer=osa_distance, processor=None,
                                                 score_cutoff=2, limit=None))
            out.extend(w for w in map(bucket.__getitem__, near) if self._candidate_form(w, variety))
        return out

    def common_word_near(self, word: str, variety: str | None = None, max_cost: float = _NEAR_COST,
                         max_rank: int = _NEAR_RANK) -> str | None:
        """A common word a single cheap slip away from `word` ("Comittee" -> "committee"), or None.

        Used to tell a mistyped capitalised word from a name no dictionary holds (memoised, as
        suggest is).
        """
        return _memo(self, "near", (word, variety, max_cost, max_rank),  # type: ignore[no-any-return]
                     lambda: self._common_word_near(word, variety, max_cost, max_rank))

    def remembered_near(self, word: str, variety: str | None = None) -> tuple[bool, str | None]:
        """(True, common_word_near(word, variety)) when that has been worked out already, else
        (False, None): for callers to whom the answer is only worth having for free."""
        memo = self.__dict__.get("_memo_near")
        key = (word, variety, _NEAR_COST, _NEAR_RANK)
        if memo is None or key not in memo:
            return False, None
        return True, memo[key]

    def _common_word_near(self, word: str, variety: str | None, max_cost: float, max_rank: int) -> str | None:
        low = word.replace("\u2019", "'").lower()
        for f in self.known_misspelling(low):
            if self._fix_allowed(f, variety):
                return f
        if len(low) < 5:
            return None
        best: tuple[float, str] | None = None
        for c in cheap_edits(low):
            if self._candidate_form(c, variety) and self.rank(c) <= max_rank:
                cost = weighted_distance(low, c)
                if cost <= max_cost and (best is None or (cost, self.rank(c)) < (best[0], self.rank(best[1]))):
                    best = (cost, c)
        return best[1] if best else None


_KNOWS_LIMIT = 200_000   # words whose dictionary answer is remembered before the sets start afresh
_MEMO_LIMIT = 50_000     # answers kept per kind of question before the memo starts afresh


def _memo(lex: "Lexicon", kind: str, key: tuple[object, ...], compute: "Callable[[], Any]") -> Any:
    """A lexicon's answer to a question it has answered before (the lexicon never changes)."""
    memo: dict[tuple[object, ...], Any] = lex.__dict__.setdefault(f"_memo_{kind}", {})
    try:
        return memo[key]
    except KeyError:
        pass
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    value = memo[key] = compute()
    if isinstance(value, list):
        value = memo[key] = tuple(value)     # stored immutable: callers get their own list
    return value


def _first_letter_edits(word: str) -> set[str]:
    """Single edits that touch the first letter (the frequency scan keeps the first letter)."""
    out = {word[1:], word[1] + word[0] + word[2:]}
    out.update(c + word[1:] for c in _ALPHABET)
    out.update(c + word for c in _ALPHABET)
    out.discard(word)
    return out


def _strip_clitic(w: str) -> str:
    """"minister's" -> "minister", "workers'" -> "workers", "we'll" -> "we"."""
    low = w.lower()
    if low.endswith("'s"):
        return w[:-2]
    if low.endswith("'"):
        return w[:-1]
    if low.endswith("n't"):
        return w[:-3]
    for clitic in ("'ll", "'re", "'ve", "'d", "'m"):
        if low.endswith(clitic):
            return w[: -len(clitic)]
    return w


def _recase(word: str, capital: bool) -> str:
    return word[:1].upper() + word[1:] if capital and word[:1].islower() else word


def default_data_dir() -> Path:
    from .rules import bundled_rules_dir

    return bundled_rules_dir() / "Deskcheck" / "data"


@lru_cache(maxsize=4)
def load(data_dir: Path | None = None) -> Lexicon:
    """The lexicon in a data folder (the bundled one by default), loaded once per process."""
    return Lexicon(data_dir or default_data_dir())


def is_dictionary_word(word: str, variety: str | None = None) -> bool:
    """True when the bundled en-US/en-GB dictionary spells `word` this way (stable helper for
    other checks, such as telling a name from an ordinary word)."""
    return bool(word) and load().knows(word, variety)
