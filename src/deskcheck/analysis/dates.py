"""Date mentions in an article's prose, resolved against the article's own date.

Extraction is a hand-written pattern set for the ways news copy writes dates ("April 21, 2021",
"21 April", "Apr. 21", "2021-04-21", "Tuesday, March 3", "April 13-14", "June 27-July 10", "from
May 4 to 7", "on Tuesday", "last month", "the following day", "born in 1970", "the 45-year-old").
A general date-search library was measured and rejected: it takes "May said", "April Jones" and
scores such as "4-6" for dates and reads "April 13-14" as 13 April 2014. Resolution is ours too:
no library knows calendar weeks or resolves "the following day" against the previous date.

Conventions (documented because checks depend on them):

* A week is the ISO calendar week, Monday to Sunday. "this week" is the Monday-to-Sunday week
  containing the article's date; "last week" the one before it. This is how news copy uses it:
  on a Wednesday, last Tuesday's event was "last week", not "this week".
* A date without a year takes the year that puts it nearest the article's date, leaning to the
  past (news reports what happened) unless the sentence speaks of the future ("will", "expected").
  A year stated earlier in the same sentence carries over ("May 5, 2019, and May 7").
* A yearless date written with its weekday ("Saturday 1 March") takes the year, within about six
  months of the article's date, in which that weekday fits: copy dated November means the coming
  March when it names March's weekday for the coming year.
* Mentions inside quotations are marked `in_quote`: they are relative to when the words were
  spoken, so checks do not judge them against the article's date.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Any, Iterable, cast

from ..model import Document, Span
from .quotes import quote_spans
from .sentences import sentences

DAY = dt.timedelta(days=1)


class _LazyPattern:
    """A stdlib `re` pattern compiled when first used. This module and kinds/dates.py hold some
    sixty patterns; compiling them all at import cost every cold run tens of milliseconds, though
    an article without dates (and every run answered from the result cache) needs few or none.
    After the first use the pattern's methods sit on the instance, so calls cost what they did."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str) -> Any:
        # through the store of compiled patterns: a later process skips the parse altogether
        from ..compiled import re_compile
        compiled = re_compile(self.pattern, self.flags)
        for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, deferred to the pattern's first use (see _LazyPattern)."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))

MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december"]
WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def month_number(word: str) -> int:
    got = _MONTH_NUMBERS.get(word)
    if got is None:
        if len(_MONTH_NUMBERS) > 4096:
            _MONTH_NUMBERS.clear()      # (?i) spellings are many in principle: keep the table small
        got = _MONTH_NUMBERS[word] = _month_number(word)     # raises for a word that is none
    return got


_MONTH_NUMBERS: dict[str, int] = {}     # month_number's answers, for the few spellings a run meets


def _month_number(word: str) -> int:
    w = word.lower().rstrip(".")
    if w == "sept":
        return 9
    for i, name in enumerate(MONTH_NAMES):
        if name.startswith(w) and len(w) >= 3:
            return i + 1
    raise ValueError(word)


def weekday_number(word: str) -> int:
    return WEEKDAY_NAMES.index(word.lower())


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """`calendar.monthrange(year, month)[1]`, without working out the month's first weekday."""
    if not 1 <= month <= 12:
        return calendar.monthrange(year, month)[1]     # raises, as it always did
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month - 1]


def fmt_date(d: dt.date) -> str:
    """"Wednesday, April 21, 2021": the form every message uses, weekday included."""
    return f"{WEEKDAY_NAMES[d.weekday()].capitalize()}, {MONTH_NAMES[d.month - 1].capitalize()} {d.day}, {d.year}"


def fmt_period(start: dt.date, end: dt.date) -> str:
    """A resolved period in words: a day, a range of days, a month or a year."""
    mname = MONTH_NAMES[start.month - 1].capitalize()
    if start == end:
        return f"{mname} {start.day}, {start.year}"
    if start.day == 1 and start.month == 1 and end.month == 12 and end.day == 31 and start.year == end.year:
        return str(start.year)
    if start.day == 1 and end == dt.date(start.year, start.month, days_in_month(start.year, start.month)):
        return f"{mname} {start.year}"
    if start.year == end.year and start.month == end.month:
        return f"{mname} {start.day}-{end.day}, {start.year}"
    ename = MONTH_NAMES[end.month - 1].capitalize()
    if start.year == end.year:
        return f"{mname} {start.day}-{ename} {end.day}, {start.year}"
    return f"{mname} {start.day}, {start.year}-{ename} {end.day}, {end.year}"


def week_of(d: dt.date) -> tuple[dt.date, dt.date]:
    """The ISO calendar week (Monday to Sunday) containing d."""
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + 6 * DAY


def month_of(year: int, month: int) -> tuple[dt.date, dt.date]:
    while month < 1:
        month += 12
        year -= 1
    while month > 12:
        month -= 12
        year += 1
    return dt.date(year, month, 1), dt.date(year, month, days_in_month(year, month))


# --- patterns -------------------------------------------------------------------------------

_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# a day number: not part of a bigger number, a time ("2:01") or a thousands group ("2,021")
_D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]|[.,]\d)"
# a year: not a thousands group, not the first half of "2024-25" or of "2021-seat"
_Y = r"(?:1[6-9]\d\d|20\d\d)(?![\d%]|[-–][\w]|s\b|,\d)"
_DASH = r"\s*[-–—]\s*"
_NUMWORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0, "few": 0}
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

_WDPRE = rf"(?:(?P<wd>{_WD})(?:,\s*|\s+)(?:the\s+)?)?"
_YEARTAIL = rf"(?:,?\s+(?:in\s+)?(?P<y>{_Y}))?"

_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", lazy(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])")),
    # June 27-July 10, 2022
    ("md-md", lazy(
        rf"\b(?=[A-Zb])(?:(?P<from>between)\s+)?{_WDPRE}(?P<mon>{_MON})\s+(?P<d>{_D})(?:,?\s+(?P<y1>{_Y}))?"
        rf"(?:{_DASH}|\s+(?P<conj>to|through|until|and)\s+)"
        rf"(?P<mon2>{_MON})\s+(?P<d2>{_D}){_YEARTAIL}")),
    # April 13-14, 2021 / from May 4 to 7 / between May 4 and 7
    ("md-d", lazy(
        rf"\b(?=[A-Zfb])(?:(?P<from>from|between)\s+)?{_WDPRE}(?P<mon>{_MON})\s+(?P<d>{_D})"
        rf"(?:{_DASH}|\s+(?P<conj>to|through|until|and)\s+)(?P<d2>{_D})(?!\s*{_MON}){_YEARTAIL}(?![-–]\d)")),
    # 27 June - 10 July 2022
    ("dm-dm", lazy(
        rf"\b(?=[A-Z\d]){_WDPRE}(?<![\d,.])(?P<d>{_D})\s+(?P<mon>{_MON})(?:{_DASH}|\s+(?:to|until)\s+)"
        rf"(?P<d2>{_D})\s+(?P<mon2>{_MON}){_YEARTAIL}")),
    # 13-14 April 2021 / 13 to 14 April
    ("d-dm", lazy(
        rf"\b(?=[\dfb])(?:(?P<from>from|between)\s+)?(?<![\d,.:$£€-])(?P<d>{_D})(?:{_DASH}|\s+(?P<conj>to|until|and)\s+)"
        rf"(?P<d2>{_D})\s+(?P<mon>{_MON}){_YEARTAIL}")),
    # Tuesday, March 3, 2022 / Apr. 21
    ("md", lazy(rf"\b(?=[A-Z]){_WDPRE}(?P<mon>{_MON})\s+(?P<d>{_D})(?!\s*[-–]\s*\d){_YEARTAIL}")),
    # Tuesday 3 March 2022 / the 15th of June
    ("dm", lazy(rf"\b(?=[A-Z\d]){_WDPRE}(?<![\d,.:$£€])(?P<d>{_D})\s+(?:of\s+)?(?P<mon>{_MON}){_YEARTAIL}")),
    # March 2020 / in March / last March / early May
    ("month", lazy(
        rf"\b(?=[A-Za-z])(?:(?P<mod>\b(?i:last|next|this|early|late|mid|mid-|in|since|by|until|till|through|from|during|"
        rf"before|after|between|and|or|to|of|in\s+early|in\s+late|in\s+mid|since\s+early|since\s+late)\s*)"
        rf"(?P<mon>{_MON})(?:,?\s+(?P<y>{_Y}))?|(?P<mon_b>{_MON})\s+(?P<y_b>{_Y}))(?!\s+of\s+(?:the\s+)?[A-Z])")),
    # 2019-2021 (a year range; fiscal "2024-25" is not a date)
    ("year-year", lazy(r"(?<![\d,.$£€])(?P<y>(?:1[6-9]|20)\d\d)[-–](?P<y2>(?:1[6-9]|20)\d\d)(?![\d-])")),
    # the 2020 election / its 2002 series (the year alone is the mention)
    ("year-attr", lazy(
        rf"\b(?i:the|a|an|its|his|her|their|this|that)\s+(?:[a-z]+\s+)?(?<![\d,.$£€])(?P<y>{_Y})(?=\s+[a-z])")),
    # in 1970 / since 1994 / late 2020
    ("year", lazy(
        rf"\b(?i:in|since|by|until|from|during|before|after|of|between|early|late|mid|mid-|and|to|around|"
        rf"circa|c\.)\s+(?:the\s+)?(?<![\d,.$£€])(?P<y>{_Y})(?!\s*[-–]?\s*(?:{_MON}))")),
]

_WEEKDAY = lazy(
    rf"\b(?=[A-Za-z])(?:\b(?P<mod>(?i:on|last|next|this|early|late|until|by|since|from|before|after|through|of))\s+)?"
    rf"(?P<wd>{_WD})(?P<poss>['’]s)?(?![a-z])"
    rf"(?P<tail>(?:\s+(?:morning|afternoon|evening|night))?"
    rf"(?:,?\s+(?P<qual>of\s+last\s+week|of\s+next\s+week|last\s+week|next\s+week|a\s+week\s+ago|"
    rf"of\s+this\s+week|(?:two|three|2|3)\s+weeks\s+ago)\b)?)")
_CAP_BEFORE = lazy(r"([A-Z][\w'’]*)\s+$")
_CAP_AFTER = lazy(r"\s+[A-Z][a-z]")

_RELATIVE = lazy(
    r"\b(?=[tyleénpcaofs\d])(?:(?P<dby>the\s+day\s+before\s+yesterday)"
    r"|(?P<yest>yesterday)|(?P<tom>tomorrow)|(?P<lastnight>last\s+night)|(?P<today>today|tonight)"
    r"|(?P<early>earlier|later)\s+(?:this|that)\s+(?P<eunit>week|month|year)"
    r"|(?P<dir>this|last|next|past|coming)\s+(?P<unit>weekend|week|month|year)"
    r"|(?P<mdir>last|next|this)\s+(?P<mname>January|February|March|April|May|June|July|August|September|October"
    r"|November|December)"
    r"|(?P<ago>" + _NUM + r")\s+(?P<agounit>day|week|month|year)s?\s+ago"
    r"|(?P<ana>the\s+(?:following|next|previous|preceding)\s+(?:day|morning|night|evening|week)"
    r"|the\s+day\s+(?:before|after)(?!\s+(?:the|a|an|his|her|its|their)\b)"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:day|week|month|fortnight)s?\s+(?:earlier|later)"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:day|week|month|fortnight)s?\s+(?:before|after)"
    r"(?=\s*[,(—–]|\s+(?:on|in)\s+(?:[A-Z\d]|the\s+\d))))\b",
    re.IGNORECASE)

# an age now: "the 45-year-old", "Smith, 45,", ", aged 45", "is 45 years old"; not "a 16-year-old" or
# "moved aged 16", which give an age at some earlier time
_AGE = lazy(
    r"(?:(?<=\b[Tt]he\s)(?P<n1>\d{1,3})-year-old\b(?![-\w])"
    r"|(?<=,\s)aged\s+(?P<n2>\d{1,3})\b|(?:(?<=\bis\s)|(?<=\bnow\s))(?P<n4>\d{1,3})\s+years\s+old\b"
    r"|(?<=[A-Za-z]), (?P<n3>\d{1,3}),(?=\s+[a-z])"
    r"|(?<=,\sa\s)(?P<n5>\d{1,3})-year-old\b(?![-\w])"        # "Petrova, a 45-year-old teacher"
    r"|(?<=,\swho\sis\s)(?P<n7>\d{1,3})(?=,)"                    # "Petrova, who is 45, said"
    r"|(?<=[a-z]) \((?P<n6>\d{1,3})\)(?=[\s,.;]))")             # "Joe Platt (45), of Leeds"
# what follows "the mayor, 45," when it is surely an age even without a name before it
_AGE_FOLLOW = lazy(r"\s+(?:who|said|was|is|has|had|of|from|a|an|the|and|told|[a-z]+ed)\b")
# capitalised words that end no person's name
_NOT_NAME = lazy(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                       r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An|In|On|At|But|And|"
                       r"He|She|They|It|We|I|You|This|That|Aged|Between|From|Of|To)")
# the name an appositive age belongs to: "Anna Petrova, 45," (read backwards from the comma)
# one word of a name and the space after it; a full stop only after an initial or a title ("J.", "Dr."),
# so a name never runs across the end of a sentence ("on Monday. Novak")
_NAME_WORD = r"(?:[A-Z]\.|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Prof|Capt|Sgt|Lt|Col)\.|[A-Z][\w'’-]*)\s+"
_NAME_BEFORE = lazy(r"(?:(?<=[\s(\"“])|^)(?P<name>(?:" + _NAME_WORD + r"){0,3}[A-Z][\w'’-]+)$")
_ANNIV = lazy(
    r"\b(?:(?P<ord>\d{1,3})(?:st|nd|rd|th)\s+(?:anniversary|birthday)"
    r"|(?P<cent>centenary|centennial|bicentenary|bicentennial)"
    r"|(?P<turn>turns|turned|will\s+turn|marks|marked)\s+(?P<tn>\d{1,3})(?!\s*(?:%|percent|per\s+cent|million|billion))\b"
    r"|(?P<since>\d{1,3})\s+years\s+since\b)")
_BORN = lazy(r"(?<![-\w])[Bb]orn\b(?P<between>[^.;!?]{0,70})$")
# between "born" and a date, words that start another clause: "born in Leeds and moved to London in 2004"
_BORN_BREAK = lazy(r"\b(?:and|but|before|after|then|who|which|when|where|while|until|since|was|were|had|has|is|"
                         r"became|joined|moved|left|won|[a-z]{3,}ed)\b")


def _is_born(text: str, a: int, b: int) -> bool:
    """Is the date at b the one "born" just before it gives?"""
    if text.find("orn", a, b) < 0:
        return False        # no "born" or "Born" to find
    m = _BORN.search(text, a, b)
    return bool(m) and not _BORN_BREAK.search(m.group("between"))
# "on July 25 last year": the sentence names the year a yearless date belongs to
_YEAR_WORD = lazy(r"\b(last|next)\s+year\b", re.IGNORECASE)
_FUTURE = lazy(r"\b(?:will|shall|expected|scheduled|due\s+to|due\s+on|is\s+due|are\s+due|plans?\s+to|planned|"
                     r"set\s+to|upcoming|going\s+to|next)\b", re.IGNORECASE)


# a sentence without one of these holds no date mention
_ANCHOR = lazy(r"\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z.]|"
                     r"(?i:yesterday|tomorrow|week|month|year|night|day\b|centen|bicenten)")


# --- where each pattern can start ------------------------------------------------------------
# `re` tries a pattern at every position of the text unless the pattern opens with a literal or a
# character set. The patterns above open with \b and lookarounds, so each one cost a pass over
# every character of every sentence that holds a date-like word: most of the check's time. The
# locators below open with a literal or a set, so `re` skips in C to the few places they fit. Each
# finds every position where its pattern can start (more is harmless), and the pattern is tried
# there alone (_scan). `pattern.match(text, p, hi)` is the very attempt finditer makes at p, so the
# matches found are the ones finditer finds. tests/test_dates.py checks this on generated text.

_MONTHS3 = frozenset(m[:3].capitalize() for m in MONTH_NAMES)     # how every name in _MON starts
_WEEKDAYS3 = {w[:3].capitalize(): w.capitalize() for w in WEEKDAY_NAMES}
# month and weekday openings: no two overlap (each is a capital and two small letters), so one
# finditer lists every place one starts
_NAMES3 = lazy("|".join(sorted(_MONTHS3 | set(_WEEKDAYS3))))
_ABBR_NEXT = frozenset("abcdefghijklmnopqrstuvwxyz.")                   # what _ANCHOR wants after one
_MON_NAME = lazy(_MON)
# runs of digits: every pattern's numbers start one ("\d+" would not open with a set, so `re` would
# try it at every position)
_DIGITS = lazy(r"\d\d*")
_ASCII_BYTES = bytes(range(128))


def digit_runs(text: str) -> tuple[list[int], list[int]]:
    """The starts and ends of the runs of digits (`\\d`: any Unicode decimal digit), as
    `_DIGITS.finditer(text)` gives them. `re` tests every character of the article against the
    class; ten str.find scans for the ASCII digits read it at C speed, and are exact when no
    other decimal digit is there (checked on the non-ASCII characters alone, found in C)."""
    if not text.isascii():
        others = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
        if any(ch.isdecimal() for ch in set(others.decode("utf-8", "surrogatepass"))):
            spans = [m.span() for m in _DIGITS.finditer(text)]
            return [a for a, _ in spans], [b for _, b in spans]
    where: list[int] = []
    find, add = text.find, where.append
    for digit in "0123456789":
        i = find(digit)
        while i >= 0:
            add(i)
            i = find(digit, i + 1)
    if not where:
        return [], []
    where.sort()
    starts, ends = [where[0]], []
    last = where[0]
    for i in where:
        if i > last + 1:
            ends.append(last + 1)
            starts.append(i)
        last = i
    ends.append(last + 1)
    return starts, ends
_WORD = lazy(r"\w+")
_YEARS_AFTER = lazy(r"\s+years")
# "last", "next" or "this", then a month name after the space (lower case): _RELATIVE's "last March"
_MONTH_AFTER = lazy(r"\s+(" + "|".join(MONTH_NAMES) + ")")
# read in the reversed text from an anchor: the last word before it, then the one before that, then
# a third (the connectors of the dates kind's order check look three words back)
_LAST_WORDS = lazy(r"\W*(\w+)(?:\W+(\w+)(?:\W+(\w+))?)?")
_ORDINAL_ENDS = frozenset(("st", "nd", "rd", "th"))
# after the digits that end a range's first end: its connector, then the second end's first
# character (a digit, or a month's opening); after a month name: the connector of "27 June - 10 July"
_RANGE_FORMS = frozenset(("md-md", "md-d", "dm-dm", "d-dm"))
_TO_DAY = lazy(rf"(?:st|nd|rd|th)?(?:{_DASH}|\s+(?:to|through|until|and)\s+)\d")
_TO_MONTH = lazy(rf"(?:st|nd|rd|th)?(?:{_DASH}|\s+(?:to|through|until|and)\s+)(?:{'|'.join(sorted(_MONTHS3))})")
_TO_EITHER = lazy(rf"(?:st|nd|rd|th)?(?:{_DASH}|\s+(?:to|through|until|and)\s+)(?:\d|{'|'.join(sorted(_MONTHS3))})")
_MON_TO_DAY = lazy(rf"{_MON}(?:{_DASH}|\s+(?:to|until)\s+)\d")


# How every match of some patterns begins, in the lowered text: (its opening words, whether a
# decimal digit may open it). Most places a pattern is tried at (the words before a unit or a
# year) open none of these, and each failed attempt of a long case-blind alternation costs
# microseconds; a string comparison rules them out first. Read off the patterns' alternatives:
# tests/test_dates_speed.py checks every match opens so.
_OPENINGS: dict[str, tuple[tuple[str, ...], bool]] = {
    "relative": (("the", "yesterday", "tomorrow", "last", "today", "tonight", "earlier", "later", "this", "next",
                  "past", "coming", *(w for w in _NUMWORDS if w not in ("several", "few", "an"))), True),
    "month": (("last", "next", "this", "early", "late", "mid", "in", "since", "by", "until", "till", "through",
               "from", "during", "before", "after", "between", "and", "or", "to", "of",
               *(m[:3] for m in MONTH_NAMES)), False),
    "year": (("in", "since", "by", "until", "from", "during", "before", "after", "of", "between", "early", "late",
              "mid", "and", "to", "around", "circa", "c."), False),
    "year-attr": (("the", "a", "its", "his", "her", "their", "this", "that"), False),
}


def _scan(pat: re.Pattern[str], starts: list[int], text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """pat.finditer(text, lo, hi), trying the pattern only at `starts` (sorted), which must hold every
    position where it can match. No pattern here matches the empty string, so after a match the
    next one starts at its end or later, as in finditer."""
    out = []
    pos = lo
    match = pat.match
    for p in starts:
        if p < pos:
            continue
        m = match(text, p, hi)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


# (?i) pairs these with ASCII letters, where str.lower() does not (and "İ" lowers to two
# characters): a text holding one cannot be searched case-blind through its lowered copy
_FOLDS = ("\u0130", "\u0131", "\u017f")
# each _RELATIVE alternative holds one of these (case-blind), at most two words after its start
_RELATIVE_UNITS = ("day", "tomorrow", "night", "week", "month", "year", "morning", "evening", *MONTH_NAMES)
# the first word of each _FUTURE and _YEAR_WORD alternative
_FUTURE_FIRST = ("will", "shall", "expected", "scheduled", "due", "is", "are", "plan", "set", "upcoming", "going",
                 "next")
_YEAR_WORD_FIRST = ("last", "next")
# a word every _FUTURE alternative holds, where the match starts ("is due" and "are due" aside: they
# start a word before "due"); none of them can hide a word-opening one inside it
_FUTURE_KEYS = lazy(r"will|shall|expected|scheduled|due|plan|set|upcoming|going|next")
# what _ANCHOR finds case-blind, "day" aside ("bicenten" holds "centen")
_ANCHOR_WORDS = ("yesterday", "tomorrow", "week", "month", "year", "night", "centen")


_LAST_LOWERED: tuple[str | None, str | None] = (None, None)


def lowered(text: str) -> str | None:
    """text.lower(), or None when (?i) could pair a letter of the text with one str.lower() leaves
    alone (see _FOLDS). The last text's answer is kept (with the text itself, so its identity stays
    its own): the extraction and the dates kind's connectors both lower the same article."""
    global _LAST_LOWERED
    last = _LAST_LOWERED
    if last[0] is text:
        return last[1]
    low = None if any(c in text for c in _FOLDS) else text.lower()
    _LAST_LOWERED = (text, low)
    return low


def find_all(s: str, words: Iterable[str]) -> list[int]:
    """Every position where one of the words starts in s, overlaps included, sorted."""
    out = []
    for w in words:
        i = s.find(w)
        while i >= 0:
            out.append(i)
            i = s.find(w, i + 1)
    out.sort()
    return out


def _is_word(ch: str) -> bool:
    """Whether `re` counts the character as a word character (\\w)."""
    return ch.isalnum() or ch == "_"


def _within(positions: list[int], lo: int, hi: int) -> list[int]:
    return positions[bisect_left(positions, lo):bisect_left(positions, hi)]


def words_before(text: str, anchors: Iterable[int], lo: int, k: int) -> list[int]:
    """The starts of the last k words (from lo on) before each anchor: where a pattern whose match must
    reach the anchor within k words can start ("in early March", "the 2020 vote", "two days before").
    A short window is read first, a wider one only when it holds too few words."""
    out: list[int] = []
    finditer = _WORD.finditer
    for q in anchors:
        width = 48
        while True:
            w0 = max(lo, q - width)
            starts = [m.start() for m in finditer(text, w0, q)]
            # the window's first word may be cut at w0; more than k words leave the last k whole
            if len(starts) > k or w0 == lo:
                out.extend(starts[-k:])
                break
            width *= 4
    return out


def last_words(rev: str, q: int, lo: int, k: int) -> list[int]:
    """`words_before(text, [q], lo, k)` for k of 1 to 3, given `rev`, the text reversed: the last words
    before q are the first ones after it in the reversed text (see _Located._before_in_runs), read by
    one match instead of a scan of a window."""
    n = len(rev)
    m = _LAST_WORDS.match(rev, n - q, n - lo)
    if m is None:
        return []           # no word between lo and q
    # an unmatched group ends at -1; a matched one after the anchor, so past 0
    return [n - end for end in (m.end(g) for g in range(min(k, 3), 0, -1)) if end > 0]


def scan_from(pat: re.Pattern[str], starts: list[int], text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """`pat.finditer(text, lo, hi)` (see _scan), given every place the pattern can start, unsorted."""
    return _scan(pat, sorted(set(starts)), text, lo, hi)


class _Located:
    """Where the extraction's patterns match in one document's runs of sentences.

    The places a pattern can start are found once per document by scans `re` (or str.find) runs
    fast, shared out among the runs by bisection, and the pattern is tried there alone (_scan).
    A run's matches are the ones `pattern.finditer(text, lo, hi)` gives: the scan is the same
    attempt at every position where a match can start, with the run's own end.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # None when case-blind patterns cannot be searched through the lowered copy (see _FOLDS)
        self.low = lowered(text)
        self.runs: list[tuple[int, int]] = []
        self.run_starts: list[int] = []
        self._at: dict[str, list[int]] = {}
        self._word_pos: dict[str, list[int]] = {}
        self._matches: dict[str, dict[int, list[re.Match[str]]]] = {}
        self._nums: dict[str, list[int]] | None = None
        self._run_sets: dict[str, set[int]] = {}
        self._everywhere = False
        self.digit_end: dict[int, int] = {}       # where each run of digits ends, by its start
        self._rev: str | None = None           # the text reversed, for _before_in_runs
        self._anchor_index: tuple[list[int], list[int], set[int]] | None = None

    def set_runs(self, runs: list[tuple[int, int]]) -> None:
        """The runs of sentences the patterns are applied to, in text order."""
        self.runs = runs
        self.run_starts = [a for a, _ in runs]
        # a position is given to one run: runs that overlap (never seen) are each scanned whole
        self._everywhere = any(runs[i][1] > runs[i + 1][0] for i in range(len(runs) - 1))

    def at(self, name: str, pat: re.Pattern[str]) -> list[int]:
        """Where a locator matches in the whole text."""
        got = self._at.get(name)
        if got is None:
            got = self._at[name] = [m.start() for m in pat.finditer(self.text)]
        return got

    def words(self, name: str, words: Iterable[str]) -> list[int]:
        """Where the (lower-case) words start in the lowered text: a superset of where a case-blind
        pattern opening with one of them can match. Only when self.low is not None."""
        got = self._at.get(name)
        if got is None:
            got = []
            at = self.words_at(words)
            for w in words:
                got.extend(at[w])
            got.sort()                  # find_all(self.low, words)
            self._at[name] = got
        return got

    def words_at(self, words: Iterable[str]) -> dict[str, list[int]]:
        """`find_all(self.low, (w,))` for each word, found once per word (_ANCHOR and _RELATIVE look
        for six words alike), in one loop: by word, with the words asked before."""
        found = self._word_pos
        low = self.low
        assert low is not None
        find = low.find
        for w in words:
            if w not in found:
                out = found[w] = []
                i = find(w)
                while i >= 0:
                    out.append(i)
                    i = find(w, i + 1)
        return found

    def derived(self, name: str) -> list[int]:
        """Positions read off the runs of digits and a few literal words, found once per document."""
        got = self._at.get(name)
        if got is not None:
            return got
        text = self.text
        if name == "digits":
            got, ends = digit_runs(text)
            self._at["digit-ends"] = ends
            self.digit_end = dict(zip(got, ends))
        elif name == "num":
            # a digit that starts a word (the lookbehind of "\b" before a digit)
            got = [a for a in self.derived("digits") if a == 0 or not _is_word(text[a - 1])]
        elif name in ("year", "iso", "years"):
            ends = self.derived("digit-ends")
            runs = zip(self.derived("digits"), ends)
            if name == "year":
                # _Y: four digits, no digit before them (the patterns' lookbehinds)
                got = [a for a, b in runs if b - a >= 4]
            else:
                dashes = ("-",) if name == "iso" else ("-", "–")
                got = [a for a, b in runs if b - a == 4 and text[b:b + 1] in dashes]
        elif name == "digit-ends":
            self.derived("digits")
            got = self._at["digit-ends"]
        elif name in ("comma-age", "paren-age"):
            # _AGE's ", 45," and " (45)" start two characters before a number that starts a word
            lead = ", " if name == "comma-age" else " ("
            got = [a - 2 for a in self.derived("num") if text[a - 2:a] == lead]
        elif name in ("mon", "wd", "abbr"):
            # one scan for the three-letter openings of month and weekday names
            names = self._at.get("names3")
            if names is None:
                names = self._at["names3"] = [m.start() for m in _NAMES3.finditer(text)]
            if name == "mon":
                got = [q for q in names if text[q:q + 3] in _MONTHS3]          # _MON_AT
            elif name == "wd":
                got = [q for q in names if text.startswith(_WEEKDAYS3.get(text[q:q + 3], "-"), q)]   # _WD_AT
            else:
                got = [q for q in names if text[q + 3:q + 4] in _ABBR_NEXT]   # _ANCHOR's abbreviations
        elif name == "from":
            got = find_all(text, ("from", "between"))
        elif name == "aged":
            got = find_all(text, ("aged",))
        elif name == "cent":
            # "centenary" starts at the word, "bicentenary" two characters before it
            got = sorted({q - d for q in find_all(text, ("cent",)) for d in (0, 2) if q >= d})
        elif name == "turn":
            got = find_all(text, ("turn", "mark"))
        else:
            raise KeyError(name)
        self._at[name] = got
        return got

    def _run_of(self, p: int) -> int:
        """The run holding position p, or -1."""
        r = bisect_right(self.run_starts, p) - 1
        return r if r >= 0 and p < self.runs[r][1] else -1

    def _numbers(self) -> dict[str, list[int]]:
        """The number-based places the patterns can start at, read in one pass over the runs of digits:
        _Y's years, the ISO and year-range openings, _D's day numbers of one or two digits, and the
        numbers _AGE and _ANNIV open with (one to three digits, by what follows them)."""
        got = self._nums
        if got is not None:
            return got
        digits = self.derived("digits")
        text, end = self.text, self.digit_end
        year: list[int] = []
        iso: list[int] = []
        years: list[int] = []
        num2: list[int] = []
        age: list[int] = []            # _AGE's "45-year-old", "45 years old", "is 45,"; its ", 45," and " (45)"
        anniversary: list[int] = []    # _ANNIV's "50th anniversary", "50 years since"
        years_after, run_of, runs = _YEARS_AFTER.match, self._run_of, self.runs
        for a in digits:
            b = end[a]
            n = b - a
            if n >= 4:
                # _Y: four digits, no digit before them (the patterns' lookbehinds)
                year.append(a)
                if n == 4:
                    dash = text[b:b + 1]
                    if dash == "-":
                        iso.append(a)
                        years.append(a)
                    elif dash == "–":
                        years.append(a)
            if a and ((ch := text[a - 1]).isalnum() or ch == "_"):
                continue        # no "\b" before the number (_is_word): no day, age or ordinal starts there
            lead = text[a - 2:a]
            if lead == ", ":
                age.append(a - 2)
            elif lead == " (":
                age.append(a - 2)
            if n > 2:
                # a run's end may cut a longer number short (never seen: sentences end elsewhere)
                r = run_of(a)
                short = min(b, runs[r][1]) - a if r >= 0 else n
                if short > 3:
                    continue
                if short > 2:
                    n = 3
                else:
                    n = 2
            if n <= 2:
                num2.append(a)
            if years_after(text, b):
                age.append(a)
                anniversary.append(a)
                continue
            if text.startswith("-year-old", b) or text[b:b + 1] == ",":
                age.append(a)
            if text[b:b + 2] in _ORDINAL_ENDS:
                anniversary.append(a)
        got = self._nums = {"year": year, "iso": iso, "years": years, "num2": num2, "age": age,
                            "anniversary": anniversary}
        return got

    def _in_runs(self, positions: Iterable[int]) -> list[tuple[int, int]]:
        """The positions that fall inside a run, each with its run's start."""
        run_starts, runs = self.run_starts, self.runs
        out = []
        for p in positions:
            r = bisect_right(run_starts, p) - 1
            if r >= 0 and p < runs[r][1]:
                out.append((p, runs[r][0]))
        return out

    def _before_in_runs(self, anchors: list[tuple[int, int]], k: int, keep: bool = True) -> list[int]:
        """The anchors (position, its run's start), unless not `keep`, with the starts of the last k words
        (k of 1 or 2) before each from its run's start on: words_before(text, [q], run start, k) for
        each anchor q, one match per anchor.

        The last words before q are the first ones after it in the reversed text: a run of word
        characters there is a run here, cut at the same two ends, and a word's start here is n
        minus its end there. So one anchored match of _LAST_WORDS replaces a scan of a window."""
        rev = self._rev
        if rev is None:
            rev = self._rev = self.text[::-1]
        n = len(rev)
        match = _LAST_WORDS.match
        out = [q for q, _ in anchors] if keep else []
        for q, lo in anchors:
            m = match(rev, n - q, n - lo)
            if m is None:
                continue                    # no word between lo and q
            if k > 1 and m.end(2) > 0:
                out.append(n - m.end(2))
            out.append(n - m.end(1))
        return out

    def _month_runs(self, two: bool) -> set[int]:
        """The runs holding a month name's opening (two of them, when `two`)."""
        key = "mon-runs2" if two else "mon-runs"
        got = self._run_sets.get(key)
        if got is None:
            counts: dict[int, int] = {}
            for q in self.derived("mon"):
                r = self._run_of(q)
                if r >= 0:
                    counts[r] = counts.get(r, 0) + 1
            self._run_sets["mon-runs"] = set(counts)
            self._run_sets["mon-runs2"] = {r for r, c in counts.items() if c > 1}
            got = self._run_sets[key]
        return got

    def _range_runs(self, form: str) -> set[int]:
        """The runs that hold what a match of the range form holds, in its own run: a range's two
        ends joined by a connector (_DASH, "to", "until" ...). In "April 13-14" and "13-14
        April" (md-d, d-dm) a run of digits ends, maybe an ordinal's letters follow, then the
        connector and a digit (_TO_DAY); in "June 27-July 10" (md-md) the same before a month's
        opening (_TO_MONTH), the first end's digits being its day's or its year's; in "27 June -
        10 July" (dm-dm) a month name, the connector, a digit (_MON_TO_DAY). Found once for the
        article, by one anchored match at each run of digits or month opening: most articles
        hold no range, so the four range patterns are then tried nowhere."""
        got = self._run_sets.get(form)
        if got is not None:
            return got
        day: set[int] = set()
        month: set[int] = set()
        text, run_of = self.text, self._run_of
        to_day, to_month, to_either = _TO_DAY.match, _TO_MONTH.match, _TO_EITHER.match
        for b in self.derived("digit-ends"):
            if not to_either(text, b):
                continue        # neither end follows (the two patterns' union: most numbers)
            if to_day(text, b):
                day.add(run_of(b - 1))
            if to_month(text, b):
                month.add(run_of(b - 1))
        mon_to_day = _MON_TO_DAY.match
        self._run_sets["md-d"] = self._run_sets["d-dm"] = day
        self._run_sets["md-md"] = month
        self._run_sets["dm-dm"] = {run_of(q) for q in self.derived("mon") if mon_to_day(text, q)}
        return self._run_sets[form]

    def _starts(self, form: str) -> tuple[list[int], set[int] | None] | None:
        """The positions where the form's pattern can start (any order, repeats allowed; those outside
        every run are left aside by the scan) and the runs it can match in (None: any); None: try it
        everywhere."""
        derived = self.derived
        if form in ("md-md", "md-d", "md", "dm-dm", "d-dm", "dm"):
            # each of these needs a month name in the run; the two-month ones two openings of one;
            # the ranges a range's connector between their two ends (_range_runs)
            only = self._month_runs(form in ("md-md", "dm-dm"))
            if only and form in _RANGE_FORMS:
                only = only & self._range_runs(form)
            if not only:
                return [], only
            if form == "md":
                return derived("mon") + derived("wd"), only
            if form in ("md-md", "md-d"):
                return derived("mon") + derived("wd") + derived("from"), only
            # the day number of _D has one or two digits
            return self._numbers()["num2"] + derived("from" if form == "d-dm" else "wd"), only
        if form == "month":
            text, runs, run_starts = self.text, self.runs, self.run_starts
            names = []
            for q in derived("mon"):
                r = bisect_right(run_starts, q) - 1
                if r >= 0 and q < runs[r][1] and _MON_NAME.match(text, q, runs[r][1]):
                    names.append((q, runs[r][0]))
            return self._before_in_runs(names, 2), None
        if form in ("year", "year-attr"):
            # both open with a word or two before the year: found once for the two
            got = self._at.get("before-year")
            if got is None:
                got = self._at["before-year"] = self._before_in_runs(self._in_runs(self._numbers()["year"]), 2, False)
            return got, None
        if form == "iso":
            return self._numbers()["iso"], None
        if form == "year-year":
            return self._numbers()["years"], None
        if form == "relative":
            if self.low is None:
                return None
            text, low = self.text, self.low
            # a unit inside a word counts only inside "yesterday", "today", "tonight" and "fortnight"
            units = [q for q in self.words("units", _RELATIVE_UNITS[:-len(MONTH_NAMES)])
                     if q == 0 or not ((ch := text[q - 1]).isalnum() or ch == "_") or low[q - 2:q] == "to"
                     or low[q - 6:q] == "yester" or low[q - 4:q] == "fort"]
            # a month name is the first unit of a match only in "last/next/this March": the others
            # ("in March", "mayor") cannot start one there. Read from the three words forward: the
            # month names ("may", "march") are far more common than the places they count
            after = _MONTH_AFTER.match
            for p in self.words("this-next-last", ("last", "next", "this")):
                m = after(low, p + 4)
                if m is not None:
                    units.append(m.start(1))
            # the match starts at most two words before its first unit, or at the word holding it
            return self._before_in_runs(self._in_runs(units), 2), None
        if form == "weekday":
            return self._before_in_runs(self._in_runs(derived("wd")), 1), None
        if form == "age":
            # every age of _AGE has one to three digits
            return self._numbers()["age"] + derived("aged"), None
        assert form == "anniversary"
        # "will turn 50" starts a word before "turn"
        return self._numbers()["anniversary"] + derived("cent") + self._before_in_runs(
            self._in_runs(derived("turn")), 1), None

    def busy(self) -> dict[int, dict[str, list[re.Match[str]]]]:
        """Every pattern's matches by run, and within a run by form in _ALL_PATTERNS order; runs
        where none matches are left out. all_matches for each form, without the scan of a form
        that has nowhere to start (most articles give most forms none)."""
        out: dict[int, dict[str, list[re.Match[str]]]] = {}
        text, runs, low = self.text, self.runs, self.low
        everywhere = self._everywhere
        for form, pat in _ALL_PATTERNS:
            located = None if everywhere else self._starts(form)
            if located is None:
                by_run = {i: got for i, (lo, hi) in enumerate(runs) if (got := list(pat.finditer(text, lo, hi)))}
            else:
                starts, only = located
                if not starts or (only is not None and not only):
                    continue
                by_run = self._scan_runs(pat, sorted(set(starts)) if len(starts) > 1 else starts, only,
                                         _OPENINGS.get(form) if low is not None else None)
            for r, got in by_run.items():
                forms = out.get(r)
                if forms is None:
                    out[r] = {form: got}
                else:
                    forms[form] = got
        return out

    def matches(self, form: str, pat: re.Pattern[str], r: int) -> list[re.Match[str]]:
        """The pattern's matches in run r, as finditer finds them."""
        return self.all_matches(form, pat).get(r, [])

    def all_matches(self, form: str, pat: re.Pattern[str]) -> dict[int, list[re.Match[str]]]:
        """The pattern's matches in each run (runs without any are left out)."""
        by_run = self._matches.get(form)
        if by_run is None:
            located = None if self._everywhere else self._starts(form)
            text, runs = self.text, self.runs
            if located is None:
                by_run = {i: got for i, (lo, hi) in enumerate(runs) if (got := list(pat.finditer(text, lo, hi)))}
            else:
                by_run = self._scan_runs(pat, sorted(set(located[0])), located[1],
                                         _OPENINGS.get(form) if self.low is not None else None)
            self._matches[form] = by_run
        return by_run

    def _scan_runs(self, pat: re.Pattern[str], starts: list[int], only: set[int] | None,
                   openings: tuple[tuple[str, ...], bool] | None = None) -> dict[int, list[re.Match[str]]]:
        """`pat.finditer(text, lo, hi)` for every run (or the runs `only`), trying the pattern only at
        `starts` (sorted), which hold every position where it can match: _scan for all runs at once.
        A match ends by its run's end, so a match never hides a start of the next run. `openings`:
        how every match begins in the lowered text (see _OPENINGS), checked before the pattern."""
        text, runs, run_starts = self.text, self.runs, self.run_starts
        match = pat.match
        out: dict[int, list[re.Match[str]]] = {}
        pos = 0
        low = self.low
        words, digit = openings if openings is not None else ((), True)
        for p in starts:
            if p < pos:
                continue
            r = bisect_right(run_starts, p) - 1
            if r < 0:
                continue
            hi = runs[r][1]
            if p >= hi or (only is not None and r not in only):
                continue
            if openings is not None and not (low.startswith(words, p) or (digit and low[p:p + 1].isdecimal())):  # type: ignore[union-attr]
                continue
            m = match(text, p, hi)
            if m is not None:
                got = out.get(r)
                if got is None:
                    out[r] = [m]
                else:
                    got.append(m)
                pos = m.end()
        return out

    def anchored(self, s: int, e: int) -> bool:
        """`_ANCHOR.search(text, s, e)` is not None, from what _ANCHOR finds listed once per document
        (its case-blind words looked up in the lowered text).

        Every alternative but the digit and a glued "day" is a fixed stretch of text (a digit run's
        first digit, "Mon" and the letter after it, "yesterday" ...), found when one of them lies
        wholly in [s, e): with the stretches sorted by start, beside the least end among those from
        each on, that is one bisection. A digit run begun before s reaches into [s, e) only through
        text[s]; "day" with a word character after it matches only where the search ends (e)."""
        text = self.text
        if self.low is None:
            return _ANCHOR.search(text, s, e) is not None
        index = self._anchor_index
        if index is None:
            index = self._anchor_index = self._anchors()
        starts, least, glued = index
        i = bisect_left(starts, s)
        return (i < len(starts) and least[i] <= e) or (s < e and text[s].isdecimal()) or (e in glued and e - 3 >= s)

    def anchored_spans(self, spans: list[tuple[int, int]]) -> list[bool]:
        """anchored(s, e) for each (s, e), in one call: extract() asks it of every sentence."""
        text = self.text
        if self.low is None:
            search = _ANCHOR.search
            return [search(text, s, e) is not None for s, e in spans]
        index = self._anchor_index
        if index is None:
            index = self._anchor_index = self._anchors()
        starts, least, glued = index
        n = len(starts)
        out = []
        for s, e in spans:
            i = bisect_left(starts, s)
            out.append((i < n and least[i] <= e) or (s < e and text[s].isdecimal()) or (e in glued and e - 3 >= s))
        return out

    def _anchors(self) -> tuple[list[int], list[int], set[int]]:
        """anchored()'s stretches (their starts, sorted, and the least end from each on) and the ends of
        the glued "day"s."""
        text = self.text
        at = self.words_at(_ANCHOR_WORDS + ("day",))
        pairs = [(p, p + len(w)) for w in _ANCHOR_WORDS for p in at[w]]
        glued = set()
        for p in at["day"]:
            # "day\b": a word character after it ends the match only where the search ends
            if _is_word(text[p + 3:p + 4] or " "):
                glued.add(p + 3)
            else:
                pairs.append((p, p + 3))
        pairs += [(q, q + 4) for q in self.derived("abbr")]
        # (\d is str.isdecimal's Unicode category Nd)
        pairs += [(a, a + 1) for a in self.derived("digits")]
        pairs.sort()
        least = list(accumulate([b for _, b in reversed(pairs)], min))
        least.reverse()
        return [a for a, _ in pairs], least, glued

    def has_future(self, s: int, e: int) -> bool:
        """`_FUTURE.search(text, s, e) is not None`, trying the pattern only where one of its key words
        starts in the sentence, and at "is" or "are" before a "due". Sentence by sentence: listing
        the twelve opening words through the whole text cost more than the few sentences asking."""
        text, low = self.text, self.low
        if low is None:
            return _FUTURE.search(text, s, e) is not None
        match = _FUTURE.match
        for k in _FUTURE_KEYS.finditer(low, s, e):
            p = k.start()
            if match(text, p, e):
                return True
            if k.group() == "due":
                # "is due", "are due": the match starts at the word before the spaces
                j = p
                while j > s and low[j - 1].isspace():
                    j -= 1
                if j < p and any(q >= s and match(text, q, e) for q in (j - 2, j - 3)):
                    return True
        return False

    def year_word(self, s: int, e: int) -> re.Match[str] | None:
        """`_YEAR_WORD.search(text, s, e)`: looked for only in a sentence holding "year"."""
        if self.low is not None and self.low.find("year", s, e) < 0:
            return None
        return self.first_match(_YEAR_WORD, "year-word", _YEAR_WORD_FIRST, s, e)

    def first_match(self, pat: re.Pattern[str], name: str, first: Iterable[str], s: int,
                    e: int) -> re.Match[str] | None:
        """`pat.search(text, s, e)` for a case-blind pattern whose every alternative opens with one of
        the words `first`: the pattern is tried only where one of them starts."""
        if self.low is None:
            return pat.search(self.text, s, e)
        match = pat.match
        starts = self._at.get(name)
        if starts is None:
            # the patterns open with \b before a letter: only a word's first letter can start them
            text = self.text
            starts = self._at[name] = [q for q in find_all(self.low, first) if q == 0 or not _is_word(text[q - 1])]
        for p in _within(starts, s, e):
            m = match(self.text, p, e)
            if m is not None:
                return m
        return None


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression and what it resolves to.

    `start`/`end` bound the resolved period (inclusive); None when it cannot be resolved (no
    article date for a relative word, an impossible date). `parts` keeps what was written, so a
    check can tell "April 31" (impossible) from a date that merely resolved oddly.
    """
    span: Span
    kind: str                 # date, range, month, year, year-range, weekday, relative, anaphor, age, anniversary
    text: str
    start: dt.date | None = None
    end: dt.date | None = None
    year_given: bool = False
    weekday: int | None = None            # the weekday written with the date, or the weekday-only day
    weekday_span: Span | None = None
    in_quote: bool = False
    sentence: int = -1
    parts: tuple[int | None, ...] = ()    # (year, month, day, year2, month2, day2) as written
    problem: str | None = None            # "impossible" or "reversed", found while reading
    number: int | None = None             # an age, an anniversary ordinal, "N years ago"
    detail: dict[str, object] = field(default_factory=dict, compare=False)

    def __init__(self, span: Span, kind: str, text: str, start: dt.date | None = None, end: dt.date | None = None,
                 year_given: bool = False, weekday: int | None = None, weekday_span: Span | None = None,
                 in_quote: bool = False, sentence: int = -1, parts: tuple[int | None, ...] = (),
                 problem: str | None = None, number: int | None = None,
                 detail: dict[str, object] | None = None) -> None:
        # what @dataclass would write (it keeps an __init__ the class defines), but through the
        # slots' own setters: its frozen version calls object.__setattr__ once per field, twice the
        # cost, and a mention is built for every date of every article
        (set_span, set_kind, set_text, set_start, set_end, set_year_given, set_weekday, set_weekday_span,
         set_in_quote, set_sentence, set_parts, set_problem, set_number, set_detail) = _MENTION_SETTERS
        set_span(self, span)
        set_kind(self, kind)
        set_text(self, text)
        set_start(self, start)
        set_end(self, end)
        set_year_given(self, year_given)
        set_weekday(self, weekday)
        set_weekday_span(self, weekday_span)
        set_in_quote(self, in_quote)
        set_sentence(self, sentence)
        set_parts(self, parts)
        set_problem(self, problem)
        set_number(self, number)
        set_detail(self, {} if detail is None else detail)

    @property
    def explicit(self) -> bool:
        """A date written with its month and day (not a weekday, relative word or bare month)."""
        return self.kind in ("date", "range") and self.problem is None and self.start is not None


# each field's slot setter, in the fields' order (DateMention.__init__)
_MENTION_SETTERS = tuple(DateMention.__dict__[f].__set__ for f in DateMention.__dataclass_fields__)


@dataclass
class DateAnalysis:
    article_date: dt.date | None
    mentions: list[DateMention]


def _int(s: str | None) -> int | None:
    if s and s.isdecimal():
        return int(s)       # nothing for re.sub to take out ("21st" has)
    return int(re.sub(r"\D", "", s)) if s else None


def resolve_year(month: int, day: int, ref: dt.date | None, future: bool) -> int | None:
    """The year that puts month/day nearest the reference date, leaning past (or future)."""
    if ref is None:
        return None
    best: tuple[float, int] | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        dd = min(day, days_in_month(y, month))
        delta = (dt.date(y, month, dd) - ref).days
        # lean: a date on the unlikely side of the article's date counts as three times as far
        cost = abs(delta) * (3 if (delta > 0) != future and delta != 0 else 1)
        if best is None or cost < best[0]:
            best = (cost, y)
    return best[1] if best else None


def resolve_month(month: int, ref: dt.date | None, future: bool, mod: str | None) -> int | None:
    if ref is None:
        return None
    mod = (mod or "").strip().lower()
    if mod == "last":
        return ref.year if month < ref.month else ref.year - 1
    if mod == "next":
        return ref.year if month > ref.month else ref.year + 1
    if mod == "this" or month == ref.month:
        return ref.year
    if future:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def _relative_period(m: re.Match[str], ref: dt.date) -> tuple[dt.date, dt.date] | None:
    """The period a deictic expression ("this week", "last March") names on the article's date."""
    g = m.groupdict()
    if g["dby"]:
        return ref - 2 * DAY, ref - 2 * DAY
    if g["yest"] or g["lastnight"]:
        return ref - DAY, ref - DAY
    if g["tom"]:
        return ref + DAY, ref + DAY
    if g["today"]:
        return ref, ref
    if g["early"]:
        unit, later = g["eunit"].lower(), g["early"].lower() == "later"
        if unit == "week":
            a, b = week_of(ref)
        elif unit == "month":
            a, b = month_of(ref.year, ref.month)
        else:
            a, b = dt.date(ref.year, 1, 1), dt.date(ref.year, 12, 31)
        return (ref, b) if later else (a, ref)
    if g["dir"]:
        d, unit = g["dir"].lower(), g["unit"].lower()
        if d == "past":
            span = {"week": 7, "weekend": 7, "month": 31, "year": 366}[unit]
            return ref - span * DAY, ref
        if d == "coming":
            d = "next" if unit != "weekend" else "this"
        step = {"this": 0, "last": -1, "next": 1}[d]
        if unit == "week":
            a, b = week_of(ref + 7 * step * DAY)
            return a, b
        if unit == "weekend":
            monday = week_of(ref)[0]
            sat = monday + 5 * DAY
            if step == 0 and ref.weekday() == 0:
                # on a Monday, "this weekend" is most often the one just past or the coming one;
                # take both so neither reading is called a contradiction
                return sat - 7 * DAY, sat + DAY
            sat = sat + 7 * step * DAY
            return sat, sat + DAY
        if unit == "month":
            return month_of(ref.year, ref.month + step)
        y = ref.year + step
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if g["mdir"]:
        month = month_number(g["mname"])
        y = resolve_month(month, ref, False, g["mdir"])
        assert y is not None
        return month_of(y, month)
    if g["ago"]:
        n = _NUMWORDS.get(g["ago"].lower(), None)
        n = int(g["ago"]) if n is None and g["ago"].isdigit() else n
        if not n:
            return None
        unit = g["agounit"].lower()
        if unit == "day":
            d = ref - n * DAY
            return d, d
        if unit == "week":
            d = ref - 7 * n * DAY
            return d - 3 * DAY, d + 3 * DAY
        if unit == "month":
            return month_of(ref.year, ref.month - n)
        return dt.date(ref.year - n, 1, 1), dt.date(ref.year - n, 12, 31)
    return None


class _Enclosing:
    """Answers "does one of these spans hold a..b?" with a binary search: the spans sorted by
    start, beside the largest end among each prefix. A scan of every quote per date mention was
    quadratic on a long file full of quotes."""

    def __init__(self, spans: Iterable[Span]) -> None:
        pairs = sorted((s.start, s.end) for s in spans)
        self.starts = [p[0] for p in pairs]
        self.max_end = list(accumulate((p[1] for p in pairs), max))

    def holds(self, a: int, b: int) -> bool:
        i = bisect_right(self.starts, a) - 1     # the spans starting at or before a
        return i >= 0 and self.max_end[i] >= b


# prose blocks that may carry date mentions; the date line and byline are metadata
_PROSE = {"title", "heading", "paragraph", "list", "blockquote", "caption", "table"}


def extract(doc: Document, article_date: dt.date | None) -> list[DateMention]:
    """Every date mention in the prose view, resolved against `article_date`."""
    text = doc.text
    sents = sentences(doc)
    starts = [s.span.start for s in sents]
    qspans = _Enclosing(quote_spans(doc))
    found: list[DateMention] = []
    located = _Located(text)
    # run the patterns only over sentences that hold something a date could start with: most
    # news sentences hold none, and each pattern costs a pass over the text it is given. An
    # anchored sentence joins the run of its block's last anchored one when only white space
    # lies between them; a prose block without sentences is one span
    prose = {block.index: block for block in doc.blocks if block.kind in _PROSE}
    last_run: dict[int, list[int]] = {}        # each block's last run, by block
    runs: list[list[int]] = []
    bounds = [(sent.span.start, sent.span.end) for sent in sents]
    for sent, (a, b), anchor in zip(sents, bounds, located.anchored_spans(bounds)):
        bi = sent.block
        if bi not in prose:
            continue
        run = last_run.get(bi)
        if run is None:
            last_run[bi] = run = []            # the block has sentences, none anchored yet
        if not anchor:
            continue
        if run and not text[run[1]:a].strip():
            run[1] = b
        else:
            run = last_run[bi] = [a, b]
            runs.append(run)
    for bi, block in prose.items():
        if bi not in last_run and located.anchored(block.span.start, block.span.end):
            runs.append([block.span.start, block.span.end])
    all_runs = [(a, b) for a, b in runs]
    if not all_runs:
        # no sentence holds anything a date could start with (_ANCHOR): every pattern is tried only
        # inside a run, so none has a place to match
        return found
    # each run is read on its own, so their order does not matter; the located matches need them sorted
    all_runs.sort()
    located.set_runs(all_runs)
    # each run's matches by pattern; a run where no pattern matches gives no mention and is not read
    busy = located.busy()
    for r in sorted(busy):
        a, b = all_runs[r]
        found.extend(_extract_block(located, busy[r], a, b, article_date, sents, starts, qspans))
    found.sort(key=lambda m: (m.span.start, -m.span.end))
    return found


_ALL_PATTERNS: list[tuple[str, re.Pattern[str]]] = [*_DATE_PATTERNS, ("relative", _RELATIVE), ("weekday", _WEEKDAY),
                                                    ("age", _AGE), ("anniversary", _ANNIV)]


def _clashes(taken: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether a..b overlaps one of the spans taken: `not all(b <= x or a >= y ...)`, as a plain
    loop (a generator costs a frame resumed per span, and a weekday is tested against them all)."""
    for x, y in taken:
        if a < y and x < b:
            return True
    return False


def _extract_block(located: _Located, matched: dict[str, list[re.Match[str]]], lo: int, hi: int,
                   ref: dt.date | None, sents: list, starts: list[int], qspans: _Enclosing) -> list[DateMention]:
    """The mentions in one run of sentences, text[lo:hi], from each pattern's matches there.

    `matched` holds only the forms with a match, in _ALL_PATTERNS order (explicit dates first,
    longest forms first, so "April 13-14" is not also read as "April 13")."""
    text = located.text
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    # per sentence (asked only by the mentions a sentence's tense or year word can move: yearless
    # dates and weekdays): whether it looks ahead, and its year shift
    leaning: dict[int, tuple[bool, int]] = {}
    nsents = len(sents)

    def context(a: int) -> tuple[int, int, int]:
        """The sentence holding offset a (its index, or -1) and its bounds within the run (the run's own
        when none holds it)."""
        i = bisect_right(starts, a) - 1
        if 0 <= i < nsents:
            span = sents[i].span
            if span.start <= a < span.end + 1:
                return i, max(lo, span.start), min(hi, span.end)
        return -1, lo, hi

    def lean(si: int, s0: int, s1: int) -> tuple[bool, int]:
        got = leaning.get(si) if si >= 0 else None
        if got is None:
            shift = located.year_word(s0, s1)
            got = (located.has_future(s0, s1),
                   (-1 if shift.group(1).lower() == "last" else 1) if shift else 0)
            if si >= 0:
                leaning[si] = got
        return got

    for form, mts in matched.items():
        if form in _DATE_FORMS:
            yearly = form in _YEAR_FORMS
            for mt in mts:
                a, b = mt.span("y") if form == "year-attr" else mt.span()
                while b > a and text[b - 1] in " ,":
                    b -= 1
                if taken and _clashes(taken, a, b):
                    continue
                si, s0, s1 = context(a)
                in_q = qspans.holds(a, b)
                if yearly:
                    # a stated year reads neither the sentence's tense nor its year word
                    mention = _read_date(form, mt.groupdict(), mt, text, a, b, None, False, si, in_q, out, s0)
                else:
                    future, shift = lean(si, s0, s1)
                    shifted = ref.replace(year=ref.year + shift, day=min(ref.day, 28)) if ref else None
                    mention = _read_date(form, mt.groupdict(), mt, text, a, b, shifted, future, si, in_q, out, s0)
                if mention is not None:
                    out.append(mention)
                    taken.append((a, b))
        elif form == "relative":
            for mt in mts:
                a, b = mt.span()
                if taken and _clashes(taken, a, b):
                    continue
                si = context(a)[0]
                in_q = qspans.holds(a, b)
                if mt.group("ana"):
                    out.append(DateMention(Span(a, b), "anaphor", mt.group(), in_quote=in_q, sentence=si))
                    taken.append((a, b))
                    continue
                period = _relative_period(mt, ref) if ref else None
                kind = "relative"
                number = None
                if mt.group("ago"):
                    number = _NUMWORDS.get(mt.group("ago").lower()) or (_int(mt.group("ago")) if mt.group("ago").isdigit() else None)
                    kind = "ago"
                out.append(DateMention(Span(a, b), kind, mt.group(), period[0] if period else None,
                                       period[1] if period else None, in_quote=in_q, sentence=si, number=number,
                                       detail={"today": bool(mt.group("today")),
                                               "unit": (mt.group("unit") or mt.group("eunit") or mt.group("agounit") or
                                                        ("month" if mt.group("mname") else "day")).lower()}))
                taken.append((a, b))
        elif form == "weekday":
            for mt in mts:
                a, b = mt.span()
                wa, wb = mt.span("wd")
                if taken and _clashes(taken, wa, wb):
                    continue
                si, s0, s1 = context(wa)
                if not mt.group("mod"):
                    # a capitalised word before or after is most often a name: "Black Friday", "The Sunday
                    # Times", "Super Tuesday"; a sentence opener before it is not
                    cb = _CAP_BEFORE.search(text, max(s0, wa - 30), wa)
                    if cb and cb.start() > s0:
                        continue
                if not mt.group("tail") and _CAP_AFTER.match(text, b, hi) and not mt.group("poss"):
                    continue
                in_q = qspans.holds(a, b)
                mod = (mt.group("mod") or "").strip().lower()
                qual = mt.group("qual")
                qual = re.sub(r"\s+", " ", qual.lower()) if qual else ""
                wd = weekday_number(mt.group("wd"))
                day = _resolve_weekday(wd, mod, qual, ref, lean(si, s0, s1)[0]) if ref else None
                out.append(DateMention(Span(a, b), "weekday", mt.group(), day, day, weekday=wd,
                                       weekday_span=Span(wa, wb), in_quote=in_q, sentence=si,
                                       detail={"mod": mod, "qual": qual}))
                taken.append((a, b))
        elif form == "age":
            for mt in mts:
                n = int(next(g for g in mt.group("n1", "n2", "n3", "n4", "n5", "n6", "n7") if g))
                if n > 125:
                    continue
                a, b = mt.span()
                si, s0, _ = context(a)
                detail: dict[str, object] = {}
                if mt.group("n3") or mt.group("n2") or mt.group("n6") or mt.group("n7"):
                    # "Anna Petrova, 45," / "Anna Petrova, aged 45" / "Anna Petrova (45)" / "Anna Petrova, who
                    # is 45,": the name before it
                    cut = a if mt.group("n3") or mt.group("n6") else (a - 2 if mt.group("n2") else a - 9)
                    nm = _NAME_BEFORE.search(text, max(s0, cut - 60), cut)
                    if nm and not _NOT_NAME.fullmatch(nm.group("name").split()[-1]):
                        detail["person"] = nm.group("name")
                    if mt.group("n3") and not _AGE_FOLLOW.match(text, mt.end()):
                        detail["loose"] = True     # "Okafor, 41, scored": an age only beside a name
                    if "person" in detail and nm and (mt.group("n3") or mt.group("n6") or mt.group("n7")):
                        a, b = nm.start("name"), mt.end()   # the finding reads "Anna Petrova, 45"
                        b -= 1 if mt.group("n3") else 0
                    elif mt.group("n6"):
                        continue    # "(45)" after anything but a name is no age
                out.append(DateMention(Span(a, b), "age", text[a:b], in_quote=qspans.holds(a, b),
                                       sentence=si, number=n, detail=detail))
                taken.append((a, b))
        else:
            assert form == "anniversary"
            for mt in mts:
                n = _int(mt.group("ord")) or _int(mt.group("tn")) or _int(mt.group("since"))
                if mt.group("cent"):
                    n = 200 if mt.group("cent").lower().startswith("bi") else 100
                a, b = mt.span()
                si = context(a)[0]
                turn = (mt.group("turn") or "").lower()
                out.append(DateMention(Span(a, b), "anniversary", mt.group(), in_quote=qspans.holds(a, b),
                                       sentence=si, number=n, detail={"turn": turn.startswith(("turn", "will"))}))
                taken.append((a, b))
    return out


_DATE_FORMS = frozenset(form for form, _pat in _DATE_PATTERNS)
_YEAR_FORMS = frozenset(("year", "year-year", "year-attr"))


def _resolve_weekday(wd: int, mod: str, qual: str, ref: dt.date, future: bool) -> dt.date:
    """The day a weekday-only mention names: the nearest such day, past unless the sentence looks ahead."""
    if qual in ("of last week", "last week", "a week ago"):
        return week_of(ref - 7 * DAY)[0] + wd * DAY
    if qual in ("of next week", "next week"):
        return week_of(ref + 7 * DAY)[0] + wd * DAY
    if qual.endswith("weeks ago"):
        n = 3 if qual.startswith(("three", "3")) else 2
        return week_of(ref - 7 * n * DAY)[0] + wd * DAY
    if qual == "of this week":
        return week_of(ref)[0] + wd * DAY
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if mod == "last":
        return ref - (back or 7) * DAY
    if mod == "next":
        return ref + (fwd or 7) * DAY
    if mod in ("this", "until", "by") or future:
        return ref + fwd * DAY
    return ref - back * DAY


def _read_date(form: str, g: dict[str, str | None], mt: re.Match[str], text: str, a: int, b: int,
               ref: dt.date | None, future: bool, si: int, in_q: bool, prior: list[DateMention],
               s0: int) -> DateMention | None:
    """Build a mention from one pattern match, noting impossible dates and reversed ranges."""
    wd = weekday_number(g["wd"]) if g.get("wd") else None
    wd_span = Span(mt.start("wd"), mt.end("wd")) if g.get("wd") else None
    if g.get("from") and form in ("md-d", "d-dm"):
        pass  # "from May 4 to 7" keeps its preposition inside the mention
    # a year carried over from an earlier date in the same sentence ("May 5, 2019, and May 7")
    carried = None
    for p in reversed(prior):
        if p.sentence == si and p.sentence >= 0 and p.year_given and p.parts and p.parts[0]:
            carried = p.parts[0]
            break
    detail: dict[str, object] = {}
    if g.get("y1"):
        detail["y1"] = True
    if form in ("year", "year-year", "year-attr"):
        y = int(g["y"])  # type: ignore[arg-type]
        if form == "year-year":
            y2 = int(g["y2"])  # type: ignore[arg-type]
            prob = "reversed" if y2 < y else None
            return DateMention(Span(a, b), "year-range", text[a:b], dt.date(y, 1, 1), dt.date(max(y, y2), 12, 31),
                               True, in_quote=in_q, sentence=si, parts=(y, None, None, y2, None, None), problem=prob)
        born = _is_born(text, max(s0, a - 75), a)
        return DateMention(Span(a, b), "year", text[a:b], dt.date(y, 1, 1), dt.date(y, 12, 31), True,
                           in_quote=in_q, sentence=si, parts=(y, None, None, None, None, None),
                           detail={"born": born})
    if form == "month":
        mon = month_number(g.get("mon") or g.get("mon_b") or "")
        ytxt = g.get("y") or g.get("y_b")
        mod = (g.get("mod") or "").strip().lower()
        if mod in ("and", "or", "to", "of", "between") and not ytxt:
            # "Ukraine and May" / "the Cup of March": too weak without a year; keep only with one
            if not re.match(r"(?:\s*\d)", text[b:b + 3]) and mod in ("and", "or", "of"):
                return None
        if ytxt:
            y: int | None = int(ytxt)
        elif carried:
            y = carried
        else:
            y = resolve_month(mon, ref, future, mod if mod in ("last", "next", "this") else None)
        s, e = (month_of(y, mon) if y else (None, None))
        born = bool(ytxt) and _is_born(text, max(s0, a - 75), a)
        return DateMention(Span(a, b), "month", text[a:b], s, e, bool(ytxt), in_quote=in_q, sentence=si,
                           parts=(y if ytxt else None, mon, None, None, None, None), detail={"mod": mod, "born": born})
    mon = int(g["m"]) if form == "iso" else month_number(g["mon"] or "")
    d = _int(g["d"])
    assert d is not None
    if form == "iso" and not 1 <= mon <= 12:
        return None
    ytxt = g.get("y") or g.get("y1")
    year_given = bool(ytxt)
    is_range = form in ("md-md", "md-d", "dm-dm", "d-dm")
    mon2 = month_number(g["mon2"]) if g.get("mon2") else mon
    d2 = _int(g.get("d2")) if is_range else None
    if d == 0 or d > 31 or (d2 is not None and (d2 == 0 or d2 > 31)):
        return None
    if is_range and g.get("conj") == "and" and not g.get("from"):
        # "May 4 and 7" lists two days; it is not a range
        return None
    y = int(ytxt) if ytxt else carried
    if y is None and wd is not None and not is_range and ref is not None:
        # "Saturday 1 March" in a November article: the weekday says which year is meant, when a
        # year within about six months of the article's date makes it fit
        fits = [yy for yy in (ref.year - 1, ref.year, ref.year + 1) if d <= days_in_month(yy, mon)
                and dt.date(yy, mon, d).weekday() == wd and abs((dt.date(yy, mon, d) - ref).days) <= 183]
        if fits:
            y = fits[0]
    if y is None:
        y = resolve_year(mon, min(d, 28), ref, future)
    parts = (int(ytxt) if ytxt else None, mon, d, None, mon2 if is_range else None, d2)
    kind = "range" if is_range else "date"
    problem = None
    if y is not None and d > days_in_month(y, mon):
        problem = "impossible"
    elif y is None and d > days_in_month(2000, mon):
        problem = "impossible"       # June 31 is impossible in every year
    if is_range and d2 is not None and problem is None:
        y2 = y
        if y is not None and (mon2, d2) < (mon, d) and mon2 < mon and mon - mon2 >= 6:
            y2 = y + 1               # "December 28-January 3" runs into the next year
        if y2 is not None and d2 > days_in_month(y2, mon2):
            problem = "impossible"
        elif y2 is not None and y is not None:
            s, e = dt.date(y, mon, d), dt.date(y2, mon2, d2)
            if e < s:
                problem = "reversed"
                return DateMention(Span(a, b), kind, text[a:b], None, None, year_given, wd, wd_span, in_q, si,
                                   parts, problem, detail=detail)
            return DateMention(Span(a, b), kind, text[a:b], s, e, year_given, wd, wd_span, in_q, si, parts,
                               None, detail=detail)
        elif y is None and (mon2, d2) < (mon, d) and mon2 == mon:
            problem = "reversed"
    if problem or y is None:
        return DateMention(Span(a, b), kind, text[a:b], None, None, year_given, wd, wd_span, in_q, si, parts,
                           problem, detail=detail)
    s = dt.date(y, mon, d)
    born = _is_born(text, max(s0, a - 75), a)
    detail["born"] = born
    return DateMention(Span(a, b), kind, text[a:b], s, s, year_given, wd, wd_span, in_q, si, parts, None,
                       detail=detail)


# --- whose age, whose birth date -------------------------------------------------------------
# An age and a birth date are compared only when the text ties both to one person: by name
# ("Anna Petrova, 45," ... "Petrova, who was born in 1979") or by a pronoun or "the 45-year-old"
# that can only mean the one person named just before. Anything less certain gives no person.

_NAME_RUN = lazy(r"(?<![\w'’])(?:" + _NAME_WORD + r"){0,3}[A-Z][\w'’-]*[a-z][\w'’-]*")
_NAME_AT = lazy(r"[A-Z](?<![\w'’][A-Z])")      # where _NAME_RUN can start
_NAME_END = r"(?<![\w'’])(?P<name>(?:" + _NAME_WORD + r"){0,3}[A-Z][\w'’-]+)"
# "Petrova, who was born", "Petrova was born", "Petrova, born", "Petrova is 45 years old"
_SUBJECT_BEFORE = lazy(_NAME_END + r"(?:,\s*who\s+(?:was|is|had\s+been)|\s+(?:was|is|had\s+been)|,)\s+$")
_PRONOUN_BEFORE = lazy(r"(?:^|(?<=\W))(?P<pro>[Hh]e|[Ss]he)(?:,\s*who)?\s+(?:was|is|had\s+been)\s+$")
# "Petrova, the 45-year-old" / "the 45-year-old striker Petrova"
_APPOSITIVE_BEFORE = lazy(_NAME_END + r",\s+(?:the|a)\s+$")
_NAME_AFTER_AGE = lazy(r"\s+(?:(?!(?:of|at|for|from|in|with|and|who|said|was|is|has|had|the|a|an|his|her|their|its|"
                             r"to|on|by)\b)[a-z][a-z-]*(?<!ed)\s+){0,2}"
                             r"(?P<name>(?:" + _NAME_WORD + r"){0,3}[A-Z][\w-]+)(?![\w'’-])(?!\s*['’]s)")
_PRONOUN = lazy(r"[Hh]e|[Ss]he")
_ROLE_NEXT = lazy(r"\s+([a-z][a-z-]*)")
_VERBISH = lazy(r"[a-z]+(?:ed|es)|said|says|won|was|is|has|had|made|told|scored|became|took|left|lost|ran|came|"
                      r"went|got|gave|saw|led|met|beat|hit|set|put|fell|rose|will|would|could|can|did|does|who|and|"
                      r"also|now|then|still|later|first")
_BORN_WORD = lazy(r"(?<![-\w])[Bb]orn\b")
# "turned 50", "will turn 50": the subject right before the verb
_TURN_SUBJECT = lazy(_NAME_END + r"(?:,\s*who)?\s+$")
_TURN_PRONOUN = lazy(r"(?:^|(?<=\W))(?P<pro>[Hh]e|[Ss]he)(?:,\s*who)?\s+$")


@lru_cache(maxsize=4096)    # a pure function of the name; names recur across an article and a run
def surname(name: str) -> str | None:
    """The word a person is referred to by on second mention: the last word of the name."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    if not words:
        return None
    last = re.sub(r"['’]s$", "", words[-1]).strip(".").lower()
    if not last or _NOT_NAME.fullmatch(last.capitalize()):
        return None
    return last


_TITLE = lazy(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof|Professor|Judge|Justice|President|Senator|Sen|Rep|"
                    r"Gov|Governor|Mayor|General|Gen|Captain|Capt|Coach|Minister|Cllr|Councillor|Chancellor|"
                    r"King|Queen|Prince|Princess|Pope|Father|Rev|Sheikh|Chief|Officer|Sgt|Inspector|Det)\.?")


def _same_first(a: str, b: str) -> bool:
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    a, b = a.lower(), b.lower()
    # ratio() is 2.0 * matches / (la + lb), and the matches are at most the shorter name: when even
    # that bound falls short (real_quick_ratio), the ratio does too, and SequenceMatcher is not built
    la, lb = len(a), len(b)
    if a == b:
        return True                     # ratio 1.0
    if 2.0 * min(la, lb) / (la + lb) < 0.7:
        return False
    from difflib import SequenceMatcher
    return SequenceMatcher(None, a, b).ratio() >= 0.7


class People:
    """Person keys (surnames) for the mentions of one document, and which keys are ambiguous."""

    def __init__(self, doc: Document, text: str) -> None:
        self.text = text
        self.sents = sentences(doc)
        firsts: dict[str, set[str]] = {}
        # every name starts with a capital no word character stands before: the pattern is tried there
        for mt in scan_from(_NAME_RUN, [c.start() for c in _NAME_AT.finditer(text)], text, 0, len(text)):
            words = mt.group().split()
            key = surname(mt.group())
            if key and len(words) >= 2 and not _NOT_NAME.fullmatch(words[0]) and not _TITLE.fullmatch(words[0]):
                firsts.setdefault(key, set()).add(words[0].rstrip("."))
        # "Anna Petrova" and "Ivan Petrova" in one article: "Petrova" alone names neither; "Mohamed"
        # and "Mohammed" (a spelling slip) or "A." and "Anna" are one person
        self.ambiguous = {k for k, v in firsts.items()
                          if any(not _same_first(x, y) for x in v for y in v)}
        # people the caller knows to carry an age or a birth date: a pronoun after a sentence
        # naming two of them is left unresolved
        self.known: set[str] = set()

    def key(self, name: str | None) -> str | None:
        """The person's key: the surname, or "first surname" when two people in the article share the
        surname; "?surname" when a shared surname stands alone and so names neither for sure."""
        words = (name or "").split()
        while words and (_NOT_NAME.fullmatch(words[0]) or _TITLE.fullmatch(words[0])):
            words.pop(0)
        k = surname(" ".join(words)) if words else None
        if k is None or k not in self.ambiguous:
            return k
        return f"{words[0].lower()} {k}" if len(words) >= 2 else "?" + k

    def _names_in(self, a: int, b: int) -> dict[str, str]:
        """Surname -> the fullest name written with it, for the names between a and b."""
        found: dict[str, str] = {}
        for mt in _NAME_RUN.finditer(self.text, a, b):
            words = mt.group().split()
            while words and _NOT_NAME.fullmatch(words[0]):
                words.pop(0)
            if words:
                k = surname(" ".join(words))
                if k and len(words) >= len(found.get(k, "").split()):
                    found[k] = " ".join(words)
        return found

    def antecedent(self, m: DateMention, pos: int) -> str | None:
        """The one person a pronoun (or "the 45-year-old") at `pos` can refer to: the subject or the
        only name of the nearest earlier sentence (same or previous paragraph) that names anyone."""
        si = m.sentence
        if not 0 <= si < len(self.sents):
            return None
        block = self.sents[si].block
        spans = [(self.sents[si].span.start, pos)]
        j = si - 1
        while j >= 0 and self.sents[j].block >= block - 1 and len(spans) < 4:
            spans.append((self.sents[j].span.start, self.sents[j].span.end))
            j -= 1
        known = {k.split()[-1].lstrip("?") for k in self.known}
        for a, b in spans:
            names = self._names_in(a, b)
            if not names:
                continue
            aged = [k for k in names if k in known]
            if len(aged) > 1:
                return None      # two people with ages or birth dates: the pronoun is not sure
            if aged:
                return self.key(names[aged[0]])
            first = _NAME_RUN.match(self.text, a + len(self.text[a:b]) - len(self.text[a:b].lstrip(" \"“")), b)
            if first and not _NOT_NAME.fullmatch(first.group().split()[0]):
                return self.key(first.group())
            if len(names) == 1:
                return self.key(next(iter(names.values())))
            return None
        return None

    def _sentence_start(self, m: DateMention) -> int:
        if 0 <= m.sentence < len(self.sents):
            return self.sents[m.sentence].span.start
        return max(0, m.span.start - 200)

    def _sentence_end(self, m: DateMention) -> int:
        if 0 <= m.sentence < len(self.sents):
            return self.sents[m.sentence].span.end
        return min(len(self.text), m.span.end + 200)

    def of_birth(self, m: DateMention, pronouns: bool = True) -> str | None:
        """Whose birth date this is: "Petrova, who was born ...", "She was born ...", "Born ..., Petrova"."""
        s0 = self._sentence_start(m)
        born = None
        for born in _BORN_WORD.finditer(self.text, s0, m.span.start):
            pass
        if born is None:
            return None
        head = self.text[s0:born.start()]
        sm = _SUBJECT_BEFORE.search(head)
        if sm and not _PRONOUN.fullmatch(sm.group("name")):
            return self.key(sm.group("name"))
        if _PRONOUN_BEFORE.search(head):
            return self.antecedent(m, s0 + len(head)) if pronouns else None
        if not head.strip():
            # "Born in 1979 in Kazan, Petrova ..."
            am = re.compile(r"[^.;!?]*?,\s+" + _NAME_END).match(self.text, m.span.end, self._sentence_end(m))
            if am:
                return self.key(am.group("name"))
        return None

    def of_age(self, m: DateMention) -> str | None:
        """Whose age this is: the name it is apposed to, or the one person a "the 45-year-old" follows."""
        if m.detail.get("person"):
            return self.key(str(m.detail["person"]))
        s0 = self._sentence_start(m)
        head = self.text[s0:m.span.start]
        if m.text.endswith("-year-old"):
            am = _APPOSITIVE_BEFORE.search(head)
            if am:
                return self.key(am.group("name"))
            nm = _NAME_AFTER_AGE.match(self.text, m.span.end, self._sentence_end(m))
            if nm:
                return self.key(nm.group("name"))
            if re.fullmatch(r"\s*[Tt]he\s+", head) and not self.role_follows(m):
                return self.antecedent(m, s0)      # "The 45-year-old said ..." opens its sentence
            return None
        if m.text.endswith("old"):
            # "Petrova is 45 years old" / "She is now 45 years old"
            hm = re.search(_NAME_END + r"\s+(?:is|now)\s+(?:now\s+)?$", head)
            if hm:
                return self.key(hm.group("name"))
            if re.search(r"(?:^|\W)(?:[Hh]e|[Ss]he)\s+is\s+(?:now\s+)?$", head):
                return self.antecedent(m, m.span.start)
        return None

    def role_follows(self, m: DateMention) -> bool:
        """"the 58-year-old defendant": a role noun after the age may bring in someone new, where "the
        58-year-old said" or "the 58-year-old, who" goes on about the person just named."""
        nxt = _ROLE_NEXT.match(self.text, m.span.end)
        return bool(nxt) and not _VERBISH.fullmatch(nxt.group(1))

    def of_turn(self, m: DateMention) -> str | None:
        """Whose birthday "turned 50" reports."""
        head = self.text[self._sentence_start(m):m.span.start]
        sm = _TURN_SUBJECT.search(head)
        if sm and not _PRONOUN.fullmatch(sm.group("name")):
            return self.key(sm.group("name"))
        if _TURN_PRONOUN.search(head):
            return self.antecedent(m, m.span.start)
        return None


def article_date(doc: Document, override: dt.date | None = None) -> dt.date | None:
    """The article's date: the run's override (--date, config `date:`) or the metadata's."""
    if override is not None:
        return override
    return doc.metadata.date


def date_mentions(doc: Document, override: dt.date | None = None) -> DateAnalysis:
    """Mentions resolved against the article's date, cached per document and reference date."""
    ref = article_date(doc, override)
    key = f"{__name__}.date_mentions:{ref}"
    cached_value = doc.cache.get(key)
    if cached_value is None:
        cached_value = DateAnalysis(ref, extract(doc, ref))
        doc.cache[key] = cached_value
    return cached_value  # type: ignore[no-any-return]


__all__ = ["words_before", "last_words", "scan_from", "find_all", "lazy", "DateMention", "DateAnalysis", "People", "surname", "date_mentions", "extract", "article_date", "fmt_date", "fmt_period",
           "week_of", "month_of", "resolve_year"]
