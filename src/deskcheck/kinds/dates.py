"""`dates`: the dates in an article agree with each other and with the article's own date.

One kind serves several bundled rules: the `checks` option picks which checks a rule runs, so a
contradiction rule (category dates), a style rule (weekday-only references far from the article's
date) and a metadata rule (the article's own date sources disagree) share one extraction.

Every finding sits on the contradicting expression itself ("yesterday", "Sunday, August 10") and
its message states both sides; `related` points at the other date.

Checks that pair two places in the text pair them only when the text ties them together, so that
they hold in articles written any way: an age and a birth date by the person's name, or by a pronoun
after a sentence naming that one person (analysis.dates.People); two dates of one event by the kind
of event named at each (burst / gave way, broke out / since) and a word they share; a counted gap
("three weeks earlier on October 20") by the date shortly before it.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..analysis.dates import (_FOLDS, DAY, MONTH_NAMES, WEEKDAY_NAMES, DateMention, People, date_mentions,
                              days_in_month, find_all, fmt_date, fmt_period, last_words, lazy, lowered, scan_from,
                              week_of)
from ..analysis.sentences import sentences
from ..model import Hit, Related, Span
from .base import Context, Kind

CHECKS = ("relative", "weekday", "impossible", "reversed", "conflict", "order", "age", "weekday-far", "metadata")
CONTRADICTIONS = ("relative", "weekday", "impossible", "reversed", "conflict", "order", "age")

_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_WEEKDAYS = [w.capitalize() for w in WEEKDAY_NAMES]
_MONTHS = [m.capitalize() for m in MONTH_NAMES]

# between a weekday and the date it names: "Sunday, August 10", "Sunday's final, on July 9"
_WEEKDAY_LINK = lazy(r"(?:['’]s(?:\s+[a-z]+){0,2})?\s*[,(]?\s*(?:on\s+)?(?:the\s+)?")
# between a date and the weekday that follows it: "March 3, a Tuesday", "March 3 (Tuesday)"
_WEEKDAY_AFTER = lazy(r"\s*(?:,\s*(?:which\s+was\s+|then\s+)?a\s+|\(\s*(?:a\s+)?)")
# between a relative expression and the date that restates it: "last month, on January 2"
_APPOSITION = lazy(r"\s*(?:,|\(|—|–|-)\s*(?:on\s+|in\s+)?")
# between a possessive relative expression and the date of the thing it owns:
# "last week's home match against Millbrook on 1 February"
_POSSESSIVE_NP = lazy(r"['’]s(?:\s+[\w’'-]+){1,5}?\s+on\s+")
# "a month after the approval", "two days before the signing", "the night before the summit"
_ORDER = lazy(
    r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|a\s+few|several)\s+"
    r"(?P<unit>days?|nights?|weeks?|months?|years?)|the\s+(?P<unit2>day|night|week|month|morning|evening))\s+"
    r"(?P<dir>before|after|ahead\s+of|earlier\s+than|later\s+than)\s+(?=(?:the|a|an|his|her|its|their)\b)",
    re.IGNORECASE)
# the first word of each connector of _ORDER, which stands at most three words after the match's start
_ORDER_DIRS = ("before", "after", "ahead", "earlier", "later")
# the unit words of _ORDER, one of which stands between a match's start and its connector
_ORDER_UNITS = ("day", "night", "week", "month", "year", "morning", "evening")
# events a date gets attached to ("the election on August 9", "the April 13 summit")
EVENT_NOUNS = frozenset("""
election vote referendum ballot poll runoff summit signing ceremony inauguration funeral wedding
final semifinal semi-final match game race fight bout launch landing attack strike raid bombing
crash explosion fire earthquake storm flood hearing trial verdict sentencing ruling arrest meeting
talks visit conference speech debate parade march rally protest concert premiere opening closing
unveiling handover deadline coup invasion ceasefire truce agreement accord deal merger
""".split())
# events an article normally reports once, so two dates for one of them is a contradiction (a story
# may well cover two matches, strikes or meetings, but rarely two inaugurations)
ONE_OFF_EVENTS = frozenset("""
election referendum runoff summit signing inauguration funeral wedding final verdict sentencing
coup invasion launch landing ceremony premiere unveiling handover
""".split())
_EVENT_BEFORE = lazy(r"\b(?i:the)\s+(?P<noun>[a-z]+(?:-[a-z]+)?)(?:\s+|,?\s+(?:which\s+)?(?:(?:was|were|is|held|"
                           r"took|place|opened|began|started|ended|came)\s+){1,2})(?:on|of)\s+$")
# "a runoff held on": an event introduced with its date, for what a connector points at
_EVENT_BEFORE_ANY = lazy(r"\b(?i:the|an?)\s+(?P<noun>[a-z]+(?:-[a-z]+)?)(?:\s+|,?\s+(?:which\s+)?"
                               r"(?:(?:was|were|is|held|took|place|opened|began|started|ended|came)\s+){1,2})"
                               r"(?:on|of)\s+$")
_EVENT_AFTER = lazy(r"\s*(?P<noun>[a-z]+(?:-[a-z]+)?)\b")
# the event a connector points at: "the summit", "the final planning approval"
_ORDER_OBJECT = lazy(r"(?:the|a|an|his|her|its|their)\s+(?:[a-z]+\s+){0,2}?(?P<noun>[a-z]+(?:-[a-z]+)?)\b")
# from a connector to the date of its event: a dozen words at most, no clause break
_ORDER_OBJECT_SPAN = lazy(r"[^,;:.!?()—–]{0,100}")
# what may stand between a date and its connector: "On April 16, a day after", "April 14, came a day after"
_ORDER_GAP = lazy(r"[\s,]*(?:(?!(?:and|but|while|when|although|as)\b)[a-z]+[\s,]+){0,3}")
# a relative word right after one of these dates the report, not the event
_REPORTED = lazy(r"\b(?:said|says|told|announced|confirmed|reported|added|wrote|stated|tweeted|posted)"
                       r"(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
# words that mark a date as another, earlier or first, occurrence
_DISTINCT = lazy(r"\b(?:previous|preceding|earlier|prior|first|initial|original|originally)\b", re.IGNORECASE)
_FUTURE_HEAD = lazy(r"\b(?:will|would|expected|scheduled|due|planned|set)\b")
_FUTURE_BEFORE = lazy(r"(?:\b(?:will|shall)\s+(?:\w+\s+){0,3}|\b(?:is|are)\s+(?:scheduled|due|expected|set)\s+"
                            r"(?:to\s+\w+\s+)?)(?:on|for|in)\s+$")
_PAST_BEFORE = lazy(
    r"\b(?:was|were|had|did|met|held|won|lost|took|began|left|came|went|fell|rose|said|told|died|signed|"
    r"visited|opened|closed|announced|attacked|launched|arrived|returned|ended|started|voted|quit|struck|hit|"
    r"shut|fled|ran|spoke|wrote|sold|bought|beat|broke|began|led|"
    r"[a-z]{3,}ed)\s+(?:(?!will|would|and|but|or)[a-z]+\s+){0,3}(?:on|in)\s+$")
# "is held on", "are expected on": a participle after a present-tense verb is not the past
_PRESENT_PASSIVE = lazy(r"\b(?:is|are|be|being)\s+(?:[a-z]+\s+)?[a-z]+(?:ed|en|ld|wn)\s+(?:[a-z]+\s+){0,3}(?:on|in)\s+$")
_FUTURE_WORDS = lazy(r"\b(?:will|expected|scheduled|due|plans?|planned|set\s+to|upcoming)\b", re.IGNORECASE)


# kinds of event, so that two wordings of one event match ("burst" / "gave way")
_EVENT_CLASS_SOURCES = (
    ("collapse", r"burst|bursts|gave\s+way|give\s+way|gives\s+way|collapsed?|collapses|breach(?:ed|es)?|caved\s+in"),
    ("start", r"began|begun|begins|started|broke\s+out|erupted|eruption|outbreak|sparked|ignited|kicked\s+off|"
              r"walked\s+out|downed\s+tools"),
    ("death", r"died|dies|death|killed"),
    ("arrest", r"arrested|arrest|detained|detention"),
    ("signing", r"signed(?!\s+off)|signing"),
    ("crash", r"crashed|crash"),
    ("resignation", r"resigned|resignation|stepped\s+down"),
    ("launch", r"launched|launch|lifted\s+off|lift-off|liftoff"),
    ("meeting", r"held|took\s+place"),
    ("quake", r"earthquake|quake|tremor|struck"),
    ("attack", r"attack|attacked|raid|raided|bombing|bombed|shelling|shelled|airstrike|air\s+strike"),
    ("opening", r"opened|opening|reopened|reopening|unveiled|unveiling"),
    ("closure", r"closed|closure|shut|shutdown"),
    ("arrival", r"arrived|arrival|landed|landing|touched\s+down"),
    ("office", r"sworn\s+in|took\s+office|inauguration|inaugurated"),
    ("vote", r"voted|vote|voting|polls|ballot|ballots|election|referendum|runoff|run-off|first\s+round"),
    ("release", r"released|freed|release"),
    ("conviction", r"convicted|conviction|verdict|found\s+guilty|acquitted"),
    ("sentencing", r"sentenced|sentencing"),
    ("dismissal", r"fired|sacked|dismissed|ousted"),
    ("explosion", r"exploded|explosion|blast|blew\s+up"),
    ("shooting", r"shooting|shot\s+dead|opened\s+fire"),
    ("derailment", r"derailed|derailment"),
    ("outage", r"outage|blackout|went\s+offline"),
    ("rally", r"rally|rallied|marched|demonstration"),
)
_EVENT_CLASSES: list[tuple[str, re.Pattern[str]]] = [(name, lazy(rf"\b(?:{pat})\b", re.IGNORECASE))
                                                    for name, pat in _EVENT_CLASS_SOURCES]


def _leading_literals(pat: str) -> tuple[str, ...]:
    """The literal text each top-level alternative of `pat` opens with ("gave\\s+way" -> "gave",
    "collapsed?" -> "collapse"): one of them stands in any text the pattern matches."""
    alternatives, depth, part = [], 0, ""
    for ch in pat:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            alternatives.append(part)
            part = ""
        else:
            part += ch
    alternatives.append(part)
    out = set()
    for alt in alternatives:
        cut = next((i for i, ch in enumerate(alt) if ch in "\\([?*+{."), len(alt))
        out.add(alt[:cut - 1] if alt[cut:cut + 1] in ("?", "*", "{") else alt[:cut])
    return tuple(sorted(out))


# each class's alternatives open with one of these words
_EVENT_FIRSTS = [_leading_literals(pat) for _name, pat in _EVENT_CLASS_SOURCES]


def _minimal(words: Iterable[str]) -> tuple[str, ...]:
    """The words that hold none of the others: a text holds one of `words` iff it holds one of these."""
    ws = sorted(set(words))
    return tuple(w for w in ws if not any(v != w and v in w for v in ws))


def _by_first_letter(words: Iterable[str]) -> str:
    """An alternation of the words grouped by their first letter: `re` tries the alternatives one by
    one at each position, so a flat list of a hundred words costs a hundred tests per character."""
    groups: dict[str, list[str]] = defaultdict(list)
    for w in words:
        groups[w[0]].append(w[1:])
    return "|".join(re.escape(c) + "(?:" + "|".join(re.escape(r) for r in sorted(rest)) + ")"
                    for c, rest in sorted(groups.items()))


_EVENT_MIN_FIRSTS = [_minimal(ws) for ws in _EVENT_FIRSTS]
_EVENT_ANY_WORDS = _minimal(w for ws in _EVENT_FIRSTS for w in ws)
# one of the words an event class opens with; as none of them holds another, at most one of them
# starts at any position, so searching on from each match's start + 1 finds every one
_EVENT_ANY_FIRST = lazy(_by_first_letter(_EVENT_ANY_WORDS))
# the classes one of whose opening words holds the word (a text holding the word may hold them)
_EVENT_WORD_CLASSES = {g: tuple(i for i, ws in enumerate(_EVENT_MIN_FIRSTS) if any(g in w for w in ws))
                       for g in _EVENT_ANY_WORDS}
_ALL_CLASSES = frozenset(name for name, _pat in _EVENT_CLASS_SOURCES)
_SINCE_END = lazy(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
# "held since 22 November": in custody since the arrest
_CUSTODY = lazy(r"\b(?:held|detained|custody|jailed|imprisoned|in\s+prison|behind\s+bars)\b", re.IGNORECASE)
_EVENT_WORDS = frozenset("""burst gave give gives way collapse collapsed breach breached caved began begun begin started start
broke erupted eruption outbreak sparked ignited kicked died dies death killed arrested arrest detained detention
signed signing crashed crash resigned resignation stepped launched launch lifted held took place earthquake quake
tremor struck attack attacked raid raided bombing bombed shelling shelled airstrike opened opening reopened
reopening unveiled unveiling closed closure shut shutdown arrived arrival landed landing touched sworn office
inauguration inaugurated voted vote voting poll ballot election referendum runoff released freed release convicted
conviction verdict found guilty acquitted sentenced sentencing fired sacked dismissed ousted exploded explosion blast
blew shooting derailed derailment outage blackout offline rally rallied marched demonstration""".split())
_CALENDAR = frozenset(w.lower().rstrip("s") for w in _MONTHS + _WEEKDAYS)
# families of events a counted gap is measured within: "the first round, held three weeks earlier"
# counts from the runoff, "the semi-final, four days earlier" from the final, wherever they were dated
_GAP_FAMILIES: list[tuple[str, re.Pattern[str]]] = [(name, lazy(rf"\b(?:{pat})\b", re.IGNORECASE))
                                                   for name, pat in (
    ("vote", r"runoff|run-off|round|election|elections|vote|voting|ballot|referendum|polls"),
    ("match", r"final|finals|semi-final|semi-finals|semifinal|semifinals|quarter-final|quarter-finals|"
              r"quarterfinal|match"),
    ("trial", r"trial|hearing|verdict|sentencing|jury|court"),
)]
# a place named as a modifier of the event ("the Tamworth fire") or a spot in lower case ("at the mill")
_NAMED_EVENT = lazy(r"(?<!^)(?<![.!?]\s)\b(?!(?:The|A|An|This|That|Its|Their)\b)([A-Z][a-z][\w-]*)\s+"
                          r"(?:fire|fires|blaze|bushfire|wildfire|flood|floods|flooding|strike|walkout|quake|"
                          r"earthquake)\b")
_AT_THE = lazy(r"\b(?:at|in|near)\s+the\s+([a-z]+)\b(?!\s+of\b)")
_CALENDAR_WORDS = frozenset("""weekend morning evening afternoon night time moment week month year day end start
beginning middle past future area region country city town state""".split())
# words that make an event's name a modifier of something else ("fire service", "flood defences")
_NOT_THE_EVENT = frozenset("""service services brigade brigades crew crews fighter fighters station stations department
chief chiefs alarm alarms safety engine engines truck trucks season seasons ban bans risk risks danger warning warnings
defence defences defense defenses barrier barriers insurance plain plains zone zones fund funds committee inquiry
report pay ballot ballots threat threats""".split())
_PREPOSITIONS = frozenset("near from around of by at in on to with against about behind beside toward "
                          "towards into onto over under through across past like than".split())
# one-word names of an event that are the same thing told twice ("the blaze" ... "the fire")
_SYNONYMS: dict[str, str] = {w: canon for canon, words in (
    ("fire", "fire fires blaze blazes bushfire bushfires wildfire wildfires firestorm inferno"),
    ("flood", "flood floods flooding deluge floodwater floodwaters inundation"),
    ("strike", "strike walkout stoppage"),
    ("quake", "quake earthquake tremor"),
) for w in words.split()}
_PLACE = lazy(r"\b(?:[Ii]n|[Aa]t|[Nn]ear)\s+(?:the\s+)?([A-Z][\w-]+)")
# words that say a date is another occurrence, not the same event told twice
_DISTINCT_EVENT = lazy(r"\b(?:another|second|third|new|fresh|again|latest|previous|earlier|first|"
                             r"separate|further|each|every|also|both)\b(?!\s+round\b)", re.IGNORECASE)
# words too common to show two clauses speak of the same thing
_COMMON = frozenset("""the and for but was had has are its his her who not out off all any one two six ten new old
say per via day may set put got get can did our own too yet now how why see him she they let use way top end
this that these those there their them they with from into onto over under about after
before since until while when where which what whose have been were will would could should said says told
also more most than then very much many some such only other just even early late later earlier night morning
evening afternoon people officials government year years week weeks month months days time today tonight
according statement police report reports reported announced including around against during between
among across along within without toward towards because while still already""".split())


def stem_of(w: str) -> str:
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


def _event_classes_in(low: str | None) -> tuple[int, ...] | None:
    """The event classes (by index) whose opening words the lowered text holds; None: any of them
    may match (the text could not be lowered safely, see _FOLDS)."""
    if low is None:
        return None
    found: set[int] = set()
    search = _EVENT_ANY_FIRST.search
    m = search(low)
    while m is not None:
        found.update(_EVENT_WORD_CLASSES[m.group()])
        m = search(low, m.start() + 1)
    return tuple(sorted(found))


def _nearest_event(near: str, possible: tuple[int, ...] | None = None) -> set[str]:
    """The kind of event named by the event word nearest the date ("counting of the ballots began on":
    a start, not a vote); a bare "held" or "took place" takes its kind from the nouns around it
    ("the first round, held on"). `possible`: the classes whose opening words the date's sentence
    holds (_event_classes_in), when known; `near` is made of that sentence's words."""
    cut = near.index(" | ")
    found: list[tuple[int, str]] = []
    # most dates name no event: a class is searched only when the lowered words hold the start of
    # one of its alternatives (not when (?i) could pair a letter with one str.lower() leaves alone)
    low = None if any(c in near for c in _FOLDS) else near.lower()
    if possible is None:
        possible = _event_classes_in(low)
        if possible is None:
            possible = tuple(range(len(_EVENT_CLASSES)))
    for i in possible:
        (name, pat), firsts = _EVENT_CLASSES[i], _EVENT_MIN_FIRSTS[i]
        if low is not None and not any(w in low for w in firsts):
            continue
        for mt in pat.finditer(near):
            # before the date, nearer is later in the text; after it, nearer is earlier
            found.append((cut - mt.end() if mt.end() <= cut else mt.start() - cut + 1000, name))
    if not found:
        return set()
    best = min(d for d, _ in found)
    classes = {name for d, name in found if d == best}
    if classes == {"meeting"}:
        classes |= {name for _d, name in found}
    return classes


class _Connectors:
    """`_ORDER.finditer(text, a, b)` for the windows of one text, trying the pattern only up to three
    words before one of its connectors ("before", "after" ...), which are found case-blind in the
    lowered text (unless (?i) could pair a letter there with one str.lower() leaves alone)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = lowered(text)
        # the words before each connector, read once: the windows of neighbouring sentences overlap.
        # A match starts where a word starts, so words found from the text's start serve any window
        self._lead: dict[int, list[int]] = {}
        self._rev: str | None = None        # the text reversed, for last_words
        self.at = find_all(self.low, _ORDER_DIRS) if self.low is not None else []
        # the connectors that can start a match (see may_match), found on first need
        self._live: list[int] | None = None

    def _starts_before(self, q: int) -> list[int]:
        """Where a match whose connector starts at q can start: the three words before it, or none
        when they hold no unit word, which every match has between its start and its connector
        ("two days before"): most connectors ("after the meeting") start no match."""
        got = self._lead.get(q)
        if got is None:
            rev = self._rev
            if rev is None:
                rev = self._rev = self.text[::-1]
            got = last_words(rev, q, 0, 3)
            assert self.low is not None
            if not (got and any(u in self.low[got[0]:q] for u in _ORDER_UNITS)):
                got = []
            self._lead[q] = got
        return got

    def may_match(self, a: int, b: int) -> bool:
        """False only when finditer(a, b) finds nothing: no connector in [a, b) has a unit word in the
        three words before it (every match holds one), or, unlowered, no connector word at all."""
        if self.low is None:
            return True
        live = self._live
        if live is None:
            live = self._live = [q for q in self.at if self._starts_before(q)]
        return bisect_left(live, a) < bisect_left(live, b)

    def finditer(self, a: int, b: int) -> list[re.Match[str]]:
        if self.low is None:
            return list(_ORDER.finditer(self.text, a, b))
        starts: list[int] = []
        for q in self.at[bisect_left(self.at, a):bisect_left(self.at, b)]:
            starts.extend(p for p in self._starts_before(q) if p >= a)
        return scan_from(_ORDER, starts, self.text, a, b) if starts else []


def _num(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    if w in ("a", "an"):
        return 1
    if w in _NUMBER_WORDS:
        return _NUMBER_WORDS.index(w)
    return None


def _count(n: int, unit: str) -> str:
    word = _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)
    return f"{word} {unit}" + ("s" if n != 1 else "")


def _describe(m: DateMention) -> str:
    assert m.start is not None and m.end is not None
    if m.start == m.end:
        return fmt_date(m.start)
    return fmt_period(m.start, m.end)


def relation(day: dt.date, ref: dt.date, unit: str) -> str:
    """How a date stands to the article's date, in the unit of the expression it contradicts."""
    if unit in ("week", "weekend"):
        unit, n, same, one = "week", (week_of(day)[0] - week_of(ref)[0]).days // 7, "in the same week as", "the week"
    elif unit == "month":
        n, same, one = (day.year - ref.year) * 12 + day.month - ref.month, "in the same month as", "in the month"
    elif unit == "year":
        n, same, one = day.year - ref.year, "in the same year as", "the year"
    else:
        unit, n, same, one = "day", (day - ref).days, "the same day as", "the day"
    if n == 0:
        return same
    which = "before" if n < 0 else "after"
    return f"{one} {which}" if abs(n) == 1 else f"{_count(abs(n), unit)} {which}"


def _verb(day: dt.date, ref: dt.date | None) -> str:
    return "was" if ref is None or day < ref else "is"


def _overlaps(a: DateMention, b: DateMention) -> bool:
    assert a.start and a.end and b.start and b.end
    return a.start <= b.end and b.start <= a.end


def _ages_on(b: DateMention, ref: dt.date) -> set[int]:
    """The ages someone born on (or in) b can be on the article's date."""
    assert b.start
    years = ref.year - b.start.year
    if b.kind == "date":
        return {years - (0 if (ref.month, ref.day) >= (b.start.month, b.start.day) else 1)}
    if b.kind == "month" and b.start.month != ref.month:
        return {years - (0 if ref.month > b.start.month else 1)}
    return {years - 1, years}


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, days_in_month(year, month)))


def _resolved(m: DateMention) -> bool:
    return m.start is not None and m.end is not None and m.problem is None


def _may_pair(ms: list[DateMention], kinds: dict[int, frozenset[str]] | None = None) -> set[int]:
    """The ids of the mentions _same_event could pair with another of `ms`: one in another sentence,
    on another day, at most ten days away (its first tests of a pair, all symmetric), and, given
    `kinds` (by id, a superset of the event classes each mention can name), sharing a class. The
    dates are sorted so each mention looks only at the days within ten of its own."""
    by_day = sorted(ms, key=lambda m: m.start)     # type: ignore[arg-type,return-value]
    days = [m.start.toordinal() for m in by_day]   # type: ignore[union-attr]
    out: set[int] = set()
    for i, m in enumerate(by_day):
        for j in range(bisect_left(days, days[i] - 10), bisect_right(days, days[i] + 10)):
            o = by_day[j]
            if o.sentence != m.sentence and days[j] != days[i] and (kinds is None or kinds[id(m)] & kinds[id(o)]):
                out.add(id(m))
                break
    return out


class Dates(Kind):
    name = "dates"
    default_category = "dates"
    default_scope = ("text",)

    @dataclass
    class Options:
        # which checks this rule runs (see CHECKS); the default is every contradiction check
        checks: list[str] = field(default_factory=lambda: list(CONTRADICTIONS))
        # weekday-far: how many days from the article's date a weekday alone may name
        max_weekday_days: int = 7

    def setup(self) -> None:
        unknown = [c for c in self.options.checks if c not in CHECKS]
        if unknown:
            raise ValueError(f"unknown dates check(s) {', '.join(map(str, unknown))} (valid: {', '.join(CHECKS)})")
        if not self.options.checks:
            raise ValueError("a dates rule needs at least one check in 'checks'")
        self.checks = frozenset(self.options.checks)

    # -- driver ---------------------------------------------------------------------------

    _text: str = ""
    _sentences: list = []
    _doc: Any = None
    _mentions: list[DateMention] = []
    _families: dict[tuple[int, int], frozenset[str]] = {}    # event families named by each date, per run
    # whether a sentence can give a date an event, and the event classes it may name (see _event_context)
    _may_name_event: dict[int, tuple[bool, tuple[int, ...] | None]] = {}
    # (set by _check_document on its per-document copy)
    # _same_event reads a date's event only when a date it could pair with may share a class with it
    # (tests turn this off to compare with reading every date)
    _class_gate = True
    # _order tries its connectors' pattern in a sentence's window only when one of them can start a
    # match there (tests turn this off)
    _connector_gate = True

    def _sentence_text(self, m: DateMention) -> str:
        if 0 <= m.sentence < len(self._sentences):
            span = self._sentences[m.sentence].span
            return self._text[span.start:span.end]
        return ""

    def check(self, ctx: Context) -> Iterable[Hit]:
        if "metadata" in self.checks and ctx.raw:
            # date sources carry source spans: the metadata rule runs on the raw view
            yield from self._metadata(ctx)
        if self.checks == {"metadata"} or ctx.raw:
            return
        # the document's state (its text, sentences, mentions) goes on a shallow copy of the kind, never
        # on the rule's own object, which every document shares
        yield from self._document_copy()._check_document(ctx)

    def _document_copy(self) -> "Dates":
        """`copy.copy(self)` without its generic machinery (__reduce_ex__, copyreg): the kind has no
        slots and no copy hooks, so a new instance with the same attribute dict is what it makes."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        return new

    def _check_document(self, ctx: Context) -> Iterable[Hit]:
        analysis = date_mentions(ctx.doc, ctx.settings.article_date)
        self._text, self._sentences, self._doc = ctx.text, sentences(ctx.doc), ctx.doc
        self._mentions = analysis.mentions
        self._families = {}
        self._may_name_event = {}
        ref = analysis.article_date
        mentions = analysis.mentions
        segs = ctx.segments

        def inside(span: Span) -> bool:
            return any(s.start <= span.start and span.end <= s.end for s in segs)

        hits: dict[tuple[int, int], Hit] = {}
        steps = (("impossible", self._impossible), ("reversed", self._reversed), ("weekday", self._weekday),
                 ("relative", self._relative), ("order", self._order), ("conflict", self._conflict),
                 ("age", self._age), ("weekday-far", self._weekday_far))
        for check_name, step in steps:
            if check_name not in self.checks:
                continue
            for hit in step(ctx.text, mentions, ref):
                key = (hit.span.start, hit.span.end)
                # one finding per expression: the first (most certain) check wins
                if key not in hits and inside(hit.span):
                    hits[key] = hit
        yield from sorted(hits.values(), key=lambda h: (h.span.start, h.span.end))

    # -- checks that need no article date ---------------------------------------------------

    def _impossible(self, text: str, ms: list[DateMention], ref: dt.date | None) -> Iterable[Hit]:
        for m in ms:
            if m.problem != "impossible":
                continue
            y, mon, d, _y2, mon2, d2 = m.parts
            assert mon is not None and d is not None
            bad_mon, bad_day = (mon, d)
            if d <= days_in_month(2000, mon) and mon2 and d2 and d2 > days_in_month(2000, mon2):
                bad_mon, bad_day = mon2, d2
            name = _MONTHS[bad_mon - 1]
            if bad_mon == 2 and bad_day == 29:
                year = y or (ref.year if ref else None)
                why = f"{year} is not a leap year" if year else "February has 29 days only in a leap year"
                yield Hit(m.span, self.message(f"'{m.text}' is not a date: {why}, so February has 28 days"))
            else:
                most = days_in_month(2000, bad_mon)
                yield Hit(m.span, self.message(f"'{m.text}' is not a date: {name} has only {most} days"
                                               if bad_mon != 2 else f"'{m.text}' is not a date: February never has {bad_day} days"))

    def _reversed(self, text: str, ms: list[DateMention], ref: dt.date | None) -> Iterable[Hit]:
        for m in ms:
            if m.problem != "reversed":
                continue
            y, mon, d, y2, mon2, d2 = m.parts
            if m.kind == "year-range":
                yield Hit(m.span, self.message(f"'{m.text}' ends before it starts: {y2} comes before {y}"))
                continue
            assert mon and mon2
            first, last = f"{_MONTHS[mon - 1]} {d}", f"{_MONTHS[mon2 - 1]} {d2}"
            yield Hit(m.span, self.message(f"'{m.text}' ends before it starts: {last} comes before {first}"))

    # -- weekday and date disagree ----------------------------------------------------------

    def _weekday(self, text: str, ms: list[DateMention], ref: dt.date | None) -> Iterable[Hit]:
        for i, m in enumerate(ms):
            if m.kind in ("date", "range") and m.weekday is not None and _resolved(m):
                if m.in_quote and not m.year_given:
                    continue
                assert m.start is not None
                if m.start.weekday() != m.weekday and not self._fits_a_nearby_year(m, ms, m.weekday):
                    yield self._weekday_hit(m.span, m.text, m.start, m.weekday, ref, None)
            elif m.kind == "date" and m.weekday is None and _resolved(m) and i + 1 < len(ms) \
                    and ms[i + 1].kind == "weekday" and not ms[i + 1].detail.get("mod") \
                    and not (m.in_quote and not m.year_given):
                w = ms[i + 1]
                assert w.weekday_span is not None and w.weekday is not None and m.start is not None
                if _WEEKDAY_AFTER.fullmatch(text, m.span.end, w.weekday_span.start) and m.start.weekday() != w.weekday \
                        and not self._fits_a_nearby_year(m, ms, w.weekday):
                    span = Span(m.span.start, w.weekday_span.end)
                    yield self._weekday_hit(span, text[span.start:span.end], m.start, w.weekday, ref, None)
            elif m.kind == "weekday" and not m.detail.get("qual") and i + 1 < len(ms):
                # "Sunday's final, on July 9": a weekday and the date that follows it in one clause
                nxt = ms[i + 1]
                if nxt.kind != "date" or not _resolved(nxt) or nxt.weekday is not None:
                    continue
                if nxt.in_quote and not nxt.year_given:
                    continue
                assert m.weekday_span is not None and nxt.start is not None and m.weekday is not None
                gap = _WEEKDAY_LINK.fullmatch(text, m.weekday_span.end, nxt.span.start)
                if gap is None or nxt.start.weekday() == m.weekday or self._fits_a_nearby_year(nxt, ms, m.weekday):
                    continue
                span = Span(m.weekday_span.start, nxt.span.end)
                yield self._weekday_hit(span, text[span.start:span.end], nxt.start, m.weekday, ref, nxt)

    @staticmethod
    def _fits_a_nearby_year(m: DateMention, ms: list[DateMention], weekday: int) -> bool:
        """A yearless date whose weekday fits a year the text names close by ("the 2020 vote ... Sunday,
        August 9"): the year was only guessed, so the text's own year wins."""
        if m.year_given or not m.parts or m.parts[1] is None or m.parts[2] is None:
            return False
        month, day = m.parts[1], m.parts[2]
        for y in ms:
            if y.year_given and y.parts and y.parts[0] and abs(y.sentence - m.sentence) <= 3 and y is not m:
                try:
                    if dt.date(y.parts[0], month, day).weekday() == weekday:
                        return True
                except ValueError:
                    continue
        return False

    def _weekday_hit(self, span: Span, said: str, day: dt.date, weekday: int, ref: dt.date | None,
                     other: DateMention | None) -> Hit:
        verb = _verb(day, ref)
        msg = (f"'{said}': {_MONTHS[day.month - 1]} {day.day}, {day.year} {verb} a {_WEEKDAYS[day.weekday()]}, "
               f"not a {_WEEKDAYS[weekday]}")
        related = (Related(other.span, f"the date: {fmt_date(day)}"),) if other else ()
        return Hit(span, self.message(msg), related=related)

    # -- relative words against the article's date and the text's own dates -----------------------

    def _relative(self, text: str, ms: list[DateMention], ref: dt.date | None) -> Iterable[Hit]:
        if ref is None:
            return
        rels = [m for m in ms if self._is_deictic(m) and not m.in_quote and _resolved(m)]
        explicit = [m for m in ms if m.explicit and not m.in_quote and not m.detail.get("born")]
        linked: set[int] = set()
        for r in rels:
            e = self._apposition(text, r, ms)
            if e is None:
                continue
            linked.add(r.span.start)
            assert r.start and r.end and e.start and e.end
            if e.start >= r.start and e.end <= r.end:
                continue
            unit = str(r.detail.get("unit", "day"))
            if unit == "week" and r.end < ref and ref.weekday() >= 5 and 4 <= (ref - e.end).days <= 6:
                continue   # at the weekend, "last week" for the early days of this week is loose but usual

            # the finding covers both sides: "last month, on January 2"
            both = Span(min(r.span.start, e.span.start), max(r.span.end, e.span.end))
            yield self._relative_hit(r, e, ref, unit, both)
        for r in rels:
            if r.span.start in linked:
                continue
            unit = str(r.detail.get("unit", "day"))
            if unit not in ("day", "week") or r.kind != "relative" or r.detail.get("today"):
                continue
            e = self._nearest_unsupported(r, ms, explicit, ref, unit)
            if e is not None:
                yield self._relative_hit(r, e, ref, unit)

    @staticmethod
    def _is_deictic(m: DateMention) -> bool:
        if m.kind == "relative":
            return True
        return m.kind == "month" and m.detail.get("mod") in ("last", "next", "this") and not m.year_given

    @staticmethod
    def _apposition(text: str, r: DateMention, ms: list[DateMention]) -> DateMention | None:
        """The explicit date that restates a relative expression beside it, if any."""
        unit = r.detail.get("unit", "day")
        # only mentions a few characters from r can stand beside it: ms is sorted by start, so look
        # at that window alone rather than at every mention of a long article
        lo = bisect_left(ms, r.span.start - 80, key=lambda m: m.span.start)
        hi = bisect_right(ms, r.span.end + 60, key=lambda m: m.span.start)
        for e in ms[lo:hi]:
            if e.in_quote or not _resolved(e) or e is r:
                continue
            # what can restate a relative word: a date; a weekday for a day; a year for a year
            if not (e.explicit or (e.kind == "weekday" and unit == "day" and not e.detail.get("qual"))
                    or (e.kind == "year" and unit == "year") or (e.kind == "month" and unit in ("month", "year"))):
                continue
            if e.span.start >= r.span.end and _APPOSITION.fullmatch(text, r.span.end, e.span.start):
                return e
            if e.span.start >= r.span.end and e.explicit and _POSSESSIVE_NP.fullmatch(text, r.span.end, e.span.start):
                return e   # "last week's match against Millbrook on 1 February": the match's date
            if r.kind == "anaphor" and e.span.start >= r.span.end and \
                    (re.fullmatch(r"\s+(?:on|in)\s+", text[r.span.end:e.span.start])
                     or (re.fullmatch(r"\s+", text[r.span.end:e.span.start]) and re.match(r"(?i:on|in)\s", e.text))):
                return e   # "three weeks earlier on October 20": a counted gap needs no comma
            if e.span.end <= r.span.start and re.fullmatch(r"\s*,\s*", text[e.span.end:r.span.start]) \
                    and re.match(r"\s*(?:[,.;)]|$)", text[r.span.end:r.span.end + 2]):
                return e   # "On January 2, last month, ..." but not "On April 2, last month's figures"
        return None

    def _nearest_unsupported(self, r: DateMention, ms: list[DateMention], explicit: list[DateMention],
                             ref: dt.date, unit: str) -> DateMention | None:
        """The one explicit date just outside a relative period nothing else in the text falls in.

        "yesterday" with no other mention of that day, in an article whose only nearby date is the
        day before, names that date wrongly; so does "this week" for a visit dated last week.
        """
        assert r.start and r.end
        for m in ms:
            if m is r or m.in_quote or not _resolved(m) or m.kind not in ("date", "range", "weekday", "relative"):
                continue
            if m.kind == "weekday" and m.detail.get("qual"):
                continue
            assert m.start and m.end
            if unit == "week" and m.start == m.end == ref:
                continue  # "said on Wednesday" (the article's day) does not place the event
            if (m.end - m.start) > (r.end - r.start):
                continue  # "this month" does not place yesterday's event any better
            if m.start <= r.end and r.start <= m.end:
                return None
        if _REPORTED.search(self._text[max(0, r.span.start - 40):r.span.start]):
            return None  # "said yesterday" dates the statement, not the event
        if unit == "day":
            # an off-by-one: the text's date is the day next to the one the relative word names
            near = [e for e in explicit if e.end and e.start and 1 == min(abs((e.end - r.start).days),
                                                                         abs((e.start - r.end).days))]
        else:
            wk = week_of(r.start)[0]
            near = [e for e in explicit if e.start and abs((week_of(e.start)[0] - wk).days) == 7]
        if not near:
            return None
        periods = {(e.start, e.end) for e in near}
        if len(periods) != 1:
            return None
        e = near[0]
        assert e.start
        if _DISTINCT.search(self._sentence_text(e)):
            return None  # "the previous round, on March 9": the text itself says it is another event
        for other in ms:
            if other is not r and other.kind == "relative" and not other.in_quote and _resolved(other) \
                    and other.start and other.end and other.start <= e.start and e.end <= other.end \
                    and other.detail.get("unit") == unit:
                return None  # "last week, on April 13": the text already places that date itself
        # the relative day lies in the past (yesterday) or future (tomorrow): the date must too
        if unit == "day" and (r.end < ref) != (e.start < ref):
            return None
        return e

    def _relative_hit(self, r: DateMention, e: DateMention, ref: dt.date, unit: str, span: Span | None = None) -> Hit:
        assert e.start and e.end
        day = e.start
        msg = (f"'{r.text}' but {fmt_period(e.start, e.end)} {_verb(e.end, ref)} {relation(day, ref, unit)} "
               f"the article's date, {fmt_date(ref)}")
        return Hit(span or r.span, self.message(msg), related=(Related(e.span, f"the date given: {_describe(e)}"),))

    # -- order: "a month after the approval ... in April" ---------------------------------------

    def _order(self, text: str, ms: list[DateMention], ref: dt.date | None) -> Iterable[Hit]:
        by_sentence: dict[int, list[DateMention]] = defaultdict(list)
        for m in ms:
            if m.sentence >= 0:
                by_sentence[m.sentence].append(m)
        # the events and connectors are read only once a sentence holds a date they could bear on
        events: dict[str, DateMention] | None = None
        done: set[int] = set()
        connectors: _Connectors | None = None
        for si, group in by_sentence.items():
            dated = [m for m in group if _resolved(m) and not m.in_quote and
                     m.kind in ("date", "range", "month", "weekday", "relative", "year")]
            if not dated:
                continue
            if connectors is None:
                connectors = _Connectors(text)
                if not connectors.at and connectors.low is not None:
                    break       # no connector word in the whole text: no sentence has a match
                if self._connector_gate and not connectors.may_match(0, len(text)):
                    break       # no connector in the whole text can start a match: no window has one
            lo = min(m.span.start for m in group)
            hi = max(m.span.end for m in group)
            a, b = max(0, lo - 200), min(len(text), hi + 200)
            if self._connector_gate and not connectors.may_match(a, b):
                continue
            # the connector must lie between the first and last date of the sentence, or point at an event
            for c in connectors.finditer(a, b):
                if c.start() in done:
                    continue
                before = [m for m in dated if m.span.end <= c.start() and m.sentence == si]
                after = [m for m in dated if m.span.start >= c.end() and m.sentence == si]
                noun = _ORDER_OBJECT.match(text, c.end())
                if events is None:
                    events = self._event_dates(text, ms)
                event = events.get(noun.group("noun")) if noun else None
                if before and _ORDER_GAP.fullmatch(text, before[-1].span.end, c.start()):
                    # "next March, a month after the approval ... in April": the second date belongs to
                    # the event only when no clause break stands between them
                    a = before[-1]
                    b = after[0] if after and _ORDER_OBJECT_SPAN.fullmatch(text, c.end(), after[0].span.start) else event
                elif noun and after and event is not None and \
                        re.fullmatch(r"[\s,]*(?:on\s+|in\s+)?", text[noun.end():after[0].span.start]):
                    # "the day before the summit, on April 13", the summit dated elsewhere
                    a, b = after[0], event
                else:
                    continue
                if b is None or b is a:
                    continue
                assert a.start and a.end and b.start and b.end
                direction = c.group("dir").lower()
                after_dir = direction in ("after", "later than")
                wrong = a.end < b.start if after_dir else a.start > b.end
                span = Span(a.span.start, c.end()) if a.span.start < c.start() else Span(c.start(), a.span.end)
                said = re.sub(r"\s+", " ", text[span.start:span.end]).strip(" ,")
                if wrong:
                    msg = (f"'{said}': {_describe(a)} comes {'before' if after_dir else 'after'} {_describe(b)}, "
                           f"the date given for the event it is said to {'follow' if after_dir else 'precede'}")
                else:
                    gap = self._gap_mismatch(c, a, b, after_dir)
                    if gap is None:
                        continue
                    msg = f"'{said}': {_describe(a)} is {gap} {'after' if after_dir else 'before'} {_describe(b)}"
                done.add(c.start())
                yield Hit(Span(span.start, span.start + len(text[span.start:span.end].rstrip())), self.message(msg),
                          related=(Related(b.span, f"the other date: {_describe(b)}"),))
        yield from self._anaphora(text, ms)
        yield from self._past_after_article(text, ms, ref)

    @staticmethod
    def _gap_mismatch(c: re.Match[str], a: DateMention, b: DateMention, after_dir: bool) -> str | None:
        """How far apart two dates really are, when that is not the distance the text states."""
        n = _num(c.group("n")) if c.group("n") else (1 if c.group("unit2") else None)
        if not n:
            return None   # "a few days after", "several weeks before": no number to check
        unit = (c.group("unit") or c.group("unit2") or "").lower().rstrip("s")
        assert a.start and a.end and b.start and b.end
        if unit in ("day", "night", "morning", "evening", "week"):
            if a.start != a.end or a.kind not in ("date", "range", "weekday"):
                return None
            if b.kind not in ("date", "range"):
                return None
            actual = (a.start - b.end).days if after_dir else (b.start - a.start).days
            want, slack = (7 * n, 3) if unit == "week" else (n, 0)
            if abs(actual - want) <= slack or actual <= 0:
                return None
            return _count(actual, "day")
        if unit == "month" and a.kind in ("date", "month") and b.kind in ("date", "month") and a.kind == b.kind:
            if a.kind == "month":
                actual = (a.start.year - b.start.year) * 12 + a.start.month - b.start.month
                actual = actual if after_dir else -actual
                return None if actual == n or actual <= 0 else _count(actual, "month")
            want = _add_months(b.start, n if after_dir else -n)
            off = abs((a.start - want).days)
            actual_days = (a.start - b.start).days if after_dir else (b.start - a.start).days
            if off <= 7 or actual_days <= 0:
                return None
            return _count(actual_days, "day")
        if unit == "year" and a.kind in ("year", "date", "month") and b.kind in ("year", "date", "month") \
                and a.year_given and b.year_given:
            actual = (a.start.year - b.start.year) if after_dir else (b.start.year - a.start.year)
            if abs(actual - n) <= 1 or actual <= 0:
                return None
            return _count(actual, "year")
        return None

    def _anaphora(self, text: str, ms: list[DateMention]) -> Iterable[Hit]:
        """"The following day, April 15" after a date of April 12: the restated date is wrong."""
        # the dates a gap may count from, listed once (an article may hold hundreds of gaps)
        known = [p for p in ms if p.explicit and not p.in_quote and not p.detail.get("born")]
        for i, m in enumerate(ms):
            if m.kind != "anaphor" or m.in_quote:
                continue
            words = m.text.lower().split()
            back = any(w in ("previous", "preceding", "before", "earlier") for w in words)
            n = _num(words[0]) or 1
            months = n if "month" in m.text.lower() else 0
            low = m.text.lower()
            days = n * (14 if "fortnight" in low else 7 if "week" in low else 1)
            e = self._apposition(text, m, ms)
            if e is None or not e.start or not e.end or e.kind not in ("date", "range", "weekday"):
                continue
            # the date counted from: an explicit date shortly before, or one later in the same sentence
            # ("the run-off on May 12 ... two weeks earlier on April 28")
            antecedent = [p for p in known if p is not e and p is not m and p.span.end <= m.span.start
                          and 0 <= m.sentence - p.sentence <= 4]
            antecedent += [p for p in known if p is not e and p.span.start >= e.span.end and p.sentence == m.sentence]
            # the main event of the same family, however far back: the runoff in the lead for "the first
            # round, held three weeks earlier"; it is the reference when there is one
            family = self._family_refs(text, m, e, known, back)
            far: list[DateMention] = []
            if family:
                # a date in the phrase's own or the previous sentence may still be what it counts from:
                # when one of them fits, the reference is ambiguous and nothing is reported
                antecedent = family + [p for p in antecedent if p.sentence >= m.sentence - 1 and p not in family
                                       and self._same_block(p.span, m.span)]
            else:
                # no single family: dates of any family it names are candidates too, and the lead's event
                lead = self._lead_event(text, ms, e, back)
                far = [p for p in self._family_refs(text, m, e, known, back, loose=True) if p not in antecedent]
                antecedent += far
                if lead is not None and lead not in antecedent:
                    antecedent.append(lead)
                    far.append(lead)
            if not antecedent:
                continue
            slack = 7 if months else (3 if days >= 7 else 0)
            if days >= 7 and not months and (family or not [p for p in antecedent if p not in far]):
                slack = 6     # a reference found far back: only a gap off by a whole week is reported

            def expected_from(p: DateMention) -> dt.date:
                assert p.start and p.end
                if months:
                    return _add_months(p.start, -months if back else months)
                return (p.start - days * DAY) if back else (p.end + days * DAY)

            def fits(p: DateMention) -> bool:
                assert e is not None and e.start
                if e.kind == "weekday":
                    # "a day later, on Tuesday": the weekday alone was placed by the article's date,
                    # which says nothing of this week; only its name can be checked
                    return slack > 0 or expected_from(p).weekday() == e.weekday
                return abs((e.start - expected_from(p)).days) <= slack

            # which date the phrase counts from is a guess: any date that fits clears it
            if any(fits(p) for p in antecedent):
                continue
            p = antecedent[:1] if family else \
                [x for x in antecedent if x.span.end <= m.span.start][-1:] or antecedent[:1]
            p = p[0]
            assert p.start and p.end
            expected = expected_from(p)
            span = Span(min(m.span.start, e.span.start), max(m.span.end, e.span.end))
            said = re.sub(r"\s+", " ", text[span.start:span.end])
            gap = _count(months, "month") if months else (_count(days // 7, "week") if days % 7 == 0 and days >= 7
                                                          else _count(days, "day"))
            msg = (f"'{said}' but {gap} {'before' if back else 'after'} {_describe(p)} "
                   f"is {fmt_date(expected)}")
            yield Hit(span, self.message(msg), related=(Related(p.span, f"the date it counts from: {_describe(p)}"),))

    def _family_words(self, text: str, m: DateMention) -> frozenset[str]:
        """The families of event (vote, match, trial) named in a date's sentence near it."""
        key = (m.span.start, m.span.end)
        if key not in self._families:
            self._families[key] = self._find_families(text, m)
        return self._families[key]

    def _find_families(self, text: str, m: DateMention) -> frozenset[str]:
        si = m.sentence
        if not 0 <= si < len(self._sentences):
            return frozenset()
        s0, s1 = self._sentences[si].span.start, self._sentences[si].span.end
        window = text[max(s0, m.span.start - 120):min(s1, m.span.end + 30)]
        return frozenset(name for name, pat in _GAP_FAMILIES if pat.search(window))

    def _family_refs(self, text: str, m: DateMention, e: DateMention, known: list[DateMention],
                     back: bool, loose: bool = False) -> list[DateMention]:
        """Earlier explicit dates (of `known`) of the event family the restated date belongs to, on the side the
        phrase counts from ("earlier": the reference is later than the restated date), earliest first.
        `loose`: dates sharing any family with it, when it names several."""
        families = self._family_words(text, e)
        if (not families if loose else len(families) != 1) or e.start is None:
            return []     # no family, or a sentence naming two: no safe reference
        refs = []
        for p in known[:bisect_left(known, m.span.start, key=lambda x: x.span.start)]:
            if p.span.end > m.span.start or p is e or p.kind != "date" or p.sentence == e.sentence or p.start is None:
                continue
            if (p.start <= e.start) if back else (p.start >= e.start):
                continue
            if (self._family_words(text, p) & families) if loose else (self._family_words(text, p) == families):
                refs.append(p)
        return refs

    def _same_block(self, a: Span, b: Span) -> bool:
        """Whether two spans lie in one paragraph (or other block) of the article."""
        blocks = self._doc.blocks if self._doc is not None else []
        return any(x.span.start <= min(a.start, b.start) and max(a.end, b.end) <= x.span.end for x in blocks)

    def _lead_event(self, text: str, ms: list[DateMention], e: DateMention, back: bool) -> DateMention | None:
        """The story's main event: the first explicit date of the first paragraph, when an event is named
        at it and it lies on the side a counted phrase looks to."""
        paras = [b.span for b in self._doc.blocks if b.kind == "paragraph"] if self._doc is not None else []
        if not paras:
            return None
        for p in ms:
            if p.span.start >= paras[0].end:
                return None
            if p.explicit and p.kind == "date" and not p.in_quote and p.start and e.start \
                    and p.span.start >= paras[0].start and not p.detail.get("born"):
                if ((p.start <= e.start) if back else (p.start >= e.start)) or not self._event_classes(text, p):
                    return None
                return p
        return None

    def _past_after_article(self, text: str, ms: list[DateMention], ref: dt.date | None) -> Iterable[Hit]:
        """A past event dated after the article's date ("died on May 5, 2022"), or a future one before it.

        A date without a year counts only when it falls within a week of the article's date: the
        year was chosen as the nearest, so only a near date can be a slip rather than another year.
        """
        if ref is None:
            return
        for m in ms:
            if m.in_quote or not _resolved(m) or m.kind not in ("date", "range", "month"):
                continue
            if not m.year_given and m.kind == "month":
                continue
            assert m.start and m.end
            lead = re.match(r"(?:in|on|since|by)\s+", m.text, re.IGNORECASE)    # "in August 2023" holds its preposition
            head = text[max(0, m.span.start - 40):m.span.start + (lead.end() if lead else 0)]
            near = m.year_given or abs((m.start - ref).days) <= 7
            if m.start > ref and near and _PAST_BEFORE.search(head) and not _FUTURE_HEAD.search(head) \
                    and not _PRESENT_PASSIVE.search(head):
                yield Hit(m.span, self.message(f"'{m.text}' is told as past, but {_describe(m)} is after the "
                                               f"article's date, {fmt_date(ref)}"))
            elif m.end < ref and near and _FUTURE_BEFORE.search(head):
                yield Hit(m.span, self.message(f"'{m.text}' is told as still to come, but {_describe(m)} is before "
                                               f"the article's date, {fmt_date(ref)}"))

    @staticmethod
    def _event_dates(text: str, ms: list[DateMention]) -> dict[str, DateMention]:
        """Events a single explicit date is attached to ("the vote on May 5", "the May 5 vote")."""
        found: dict[str, list[DateMention]] = defaultdict(list)
        for m in ms:
            if not m.explicit or m.in_quote:
                continue
            noun = Dates._event_noun(text, m, _EVENT_BEFORE_ANY)
            if noun:
                found[noun].append(m)
        return {k: v[0] for k, v in found.items() if len({(x.start, x.end) for x in v}) == 1}

    @staticmethod
    def _event_noun(text: str, m: DateMention, before: re.Pattern[str] = _EVENT_BEFORE) -> str | None:
        start = m.weekday_span.start if m.kind == "weekday" and m.weekday_span else m.span.start
        if m.kind == "weekday" and not text[m.span.start:start].strip().lower() in ("on", ""):
            return None
        # both patterns end "(?:on|of)\s+$": without that ending the search cannot succeed
        head = text[max(0, start - 50):start].rstrip()
        bm = before.search(text, max(0, start - 50), start) if head.endswith(("on", "of")) else None
        if bm and bm.group("noun") in EVENT_NOUNS:
            return bm.group("noun")
        if m.kind == "weekday" and m.text.endswith(("'s", "’s")):
            am = _EVENT_AFTER.match(text, m.span.end)
            if am and am.group("noun") in EVENT_NOUNS:
                return am.group("noun")
            return None
        if re.search(r"\bthe\s+$", text[max(0, m.span.start - 5):m.span.start]):
            am = _EVENT_AFTER.match(text, m.span.end)
            if am and am.group("noun") in EVENT_NOUNS:
                return am.group("noun")
        return None

    # -- one event, two dates -------------------------------------------------------------------

    def _conflict(self, text: str, ms: list[DateMention], ref: dt.date | None) -> Iterable[Hit]:
        yield from self._same_noun(text, ms)
        yield from self._same_event(text, ms, ref)

    def _same_noun(self, text: str, ms: list[DateMention]) -> Iterable[Hit]:
        seen: dict[str, DateMention] = {}
        for m in ms:
            weekday_only = m.kind == "weekday" and _resolved(m) and not m.detail.get("qual")
            if not (m.explicit or weekday_only) or m.in_quote:
                continue
            noun = self._event_noun(text, m)
            if not noun or noun not in ONE_OFF_EVENTS:
                continue
            first = seen.get(noun)
            if first is None:
                seen[noun] = m
                continue
            if _overlaps(first, m):
                continue
            msg = f"the {noun} is dated {_describe(m)} here but {_describe(first)} earlier in the article"
            yield Hit(m.span, self.message(msg), related=(Related(first.span, f"the {noun} dated {_describe(first)}"),))

    def _same_event(self, text: str, ms: list[DateMention], ref: dt.date | None) -> Iterable[Hit]:
        """One event given two dates in different sentences: "the dam gave way on Monday 6 May" and later
        "before the burst on 5 May". Two dates count as one event only when the words nearest each
        date name the same kind of event (burst/gave way, began/broke out/since, signed/signing) and
        the clauses around them share a content word (the dam, the protests); dates more than ten days
        apart, ranges, quotes and dates the text marks as another occurrence are left alone. A weekday
        alone ("gave way on Monday") counts when it names a day of the article's own week or so.
        """
        seen: list[tuple[DateMention, set[str]]] = []
        read: dict[int, tuple[set[str], set[str]]] = {}

        def topics(x: DateMention) -> tuple[set[str], set[str]]:
            got = read.get(id(x))
            if got is None:
                got = read[id(x)] = self._event_topic(text, x)
            return got

        candidates = [m for m in ms if self._may_be_event(m, ref)]
        paired = _may_pair(candidates)
        if self._class_gate and paired:
            # a pair needs a class both dates name, and each date names only classes its sentence
            # may hold (_class_bound): dates with no partner sharing one are not read either
            pool = [m for m in candidates if id(m) in paired]
            paired = _may_pair(pool, {id(m): self._class_bound(text, m) for m in pool})
        for m in candidates:
            if id(m) not in paired:
                # no other candidate could form a pair with it (the cheap tests below, which are
                # symmetric, rule out every one): neither as the later date nor as an earlier one
                # does it change a finding, so its clause is not read
                continue
            classes = self._event_classes(text, m)
            if not classes:
                continue
            for first, fclasses in seen:
                assert first.start and m.start
                if first.sentence == m.sentence or first.start == m.start:
                    continue
                if abs((first.start - m.start).days) > 10 or not (classes & fclasses):
                    continue
                # the later mention must speak of the same thing, not introduce "a fire" of its own
                # (the clauses' words, read only now: few dates get this far)
                topic, fresh = topics(m)
                if not (topics(first)[0] & (topic - fresh)):
                    continue
                places, fplaces = self._places(text, m), self._places(text, first)
                if places and fplaces and not places & fplaces:
                    continue   # "protests began in Lyon" and "protests began in Nantes": two events
                # the date a correct weekday vouches for is the one to trust
                bad, good = m, first
                if m.weekday is not None and first.weekday is None and m.start.weekday() == m.weekday:
                    bad, good = first, m
                kind = sorted(classes & fclasses)[0]
                msg = (f"'{bad.text}' but the same {kind} is dated {_describe(good)} "
                       f"{'earlier' if good is first else 'later'} in the article")
                yield Hit(bad.span, self.message(msg), related=(Related(good.span, f"the other date: {_describe(good)}"),))
                break
            seen.append((m, classes))

    @staticmethod
    def _may_be_event(m: DateMention, ref: dt.date | None) -> bool:
        """Whether _same_event reads a mention at all: a resolved date, or a weekday alone near the
        article's date, outside quotes and birth dates."""
        if m.in_quote or not _resolved(m) or m.detail.get("born"):
            return False
        if m.kind == "weekday":
            return not (m.detail.get("qual") or m.detail.get("mod") not in ("on", "") or ref is None or
                        m.start is None or abs((m.start - ref).days) > 6)
        return m.kind == "date"

    def _places(self, text: str, m: DateMention) -> set[str]:
        """Capitalised places the words around a date put the event in ("in Lyon", "at Dover")."""
        window = text[max(0, m.span.start - 90):m.span.end + 40]
        if 0 <= m.sentence < len(self._sentences):
            sp = self._sentences[m.sentence].span
            window = text[max(sp.start, m.span.start - 90):min(sp.end, m.span.end + 40)]
        places = {p for p in _PLACE.findall(window) if p not in _MONTHS and p not in _WEEKDAYS}
        # "the Tamworth fire", and the lower-case "at the mill" (not "at the weekend")
        places |= {p for p in _NAMED_EVENT.findall(window) if p not in _MONTHS and p not in _WEEKDAYS}
        places |= {p.lower() for p in _AT_THE.findall(window) if p.lower() not in _CALENDAR_WORDS}
        return places

    def _event_context(self, text: str, m: DateMention) -> tuple[set[str], set[str], set[str]]:
        """The kinds of event named right by a date, and the content words of its clause."""
        classes = self._event_classes(text, m)
        if not classes:
            # no event named by the date: every caller stops here, so the words around it are not needed
            return classes, set(), set()
        return (classes, *self._event_topic(text, m))

    def _sentence_gate(self, text: str, si: int) -> tuple[bool, tuple[int, ...] | None]:
        """Whether sentence `si` can give a date an event, and the classes it may name (None: any)."""
        gate = self._may_name_event.get(si)
        if gate is None:
            s0, s1 = self._sentences[si].span.start, self._sentences[si].span.end
            sent = text[s0:s1]
            low = None if any(c in sent for c in _FOLDS) else sent.lower()
            possible = _event_classes_in(low)
            gate = self._may_name_event[si] = (low is None or "since" in low or bool(possible), possible)
        return gate

    def _class_bound(self, text: str, m: DateMention) -> frozenset[str]:
        """A superset of `_event_classes(text, m)` from its sentence alone: the classes whose opening
        words the sentence holds (_nearest_event finds no other), and "start" and "arrest" (added
        only after "since") when it holds "since"; everything when it could not be lowered safely."""
        si = m.sentence
        if not 0 <= si < len(self._sentences):
            return frozenset()
        may, possible = self._sentence_gate(text, si)
        if not may:
            return frozenset()
        if possible is None:
            return _ALL_CLASSES
        s0, s1 = self._sentences[si].span.start, self._sentences[si].span.end
        out = {_EVENT_CLASSES[i][0] for i in possible}
        if "since" in text[s0:s1].lower():
            out |= {"start", "arrest"}
        return frozenset(out)

    def _event_classes(self, text: str, m: DateMention) -> set[str]:
        """The kinds of event named right by a date (`_event_context(text, m)[0]`): the cheap part.
        The clause's content words (_event_topic) cost more, and _same_event reads them only for two
        dates that could be one event."""
        si = m.sentence
        if not 0 <= si < len(self._sentences):
            return set()
        s0, s1 = self._sentences[si].span.start, self._sentences[si].span.end
        # an event comes only from an event word's opening (_nearest_event: one word long, so within a
        # word of the sentence) or from "since": a sentence holding neither names none for any date
        gate = self._sentence_gate(text, si)
        if not gate[0]:
            return set()
        # the clause: back to the previous comma-like break, forward to the next
        cut = max((text.rfind(c, s0, m.span.start) for c in ",;:—()"), default=-1)
        c0 = cut + 1 if cut >= s0 else s0
        nxt = [i for i in (text.find(c, m.span.end, s1) for c in ",;:—()") if i >= 0]
        c1 = min(nxt) if nxt else s1
        before, after = text[c0:m.span.start], text[m.span.end:c1]
        # the event word may stand before a comma ("In the first round, held on 3 November")
        # but not past another date: "which broke out on 2 May, was put out on 4 May"
        ms = self._mentions
        i = bisect_left(ms, m.span.start, key=lambda x: x.span.start)
        lead = s0
        while i > 0 and ms[i - 1].span.start >= s0:
            i -= 1
            if ms[i].span.end <= m.span.start:
                lead = max(lead, ms[i].span.end)
        # a capitalised word inside the sentence is a name ("the Election Commission"), not an event
        words_before = [w for j, w in enumerate(text[lead:m.span.start].split())
                        if not (w[:1].isupper() and (j > 0 or lead > s0))]
        near = " ".join(words_before[-12:]) + " | " + " ".join(w for w in after.split()[:4] if not w[:1].isupper())
        classes = _nearest_event(near, gate[1])
        if _SINCE_END.search(before):
            classes.add("start")      # "since 22 November": the day it began
            if _CUSTODY.search(near):
                classes.add("arrest")
        if not classes:
            # no event named by the date: every caller stops here, so the words around it are not needed
            return classes
        # (these two tests come after the event words only because they cost more)
        if _DISTINCT_EVENT.search(before) or _DISTINCT_EVENT.search(after):
            return set()
        if _REPORTED.search(text, max(c0, m.span.start - 40), m.span.start):
            return set()    # "officials said on Tuesday": the day of the statement
        return classes

    def _event_topic(self, text: str, m: DateMention) -> tuple[set[str], set[str]]:
        """The content words of a date's clause that say what the event happened to, and those of
        them that bring in something new ("a fire")."""
        si = m.sentence
        s0, s1 = self._sentences[si].span.start, self._sentences[si].span.end
        # what the event happened to may sit anywhere in the sentence ("The protests, which have gone
        # on since ..."); "a fire broke out" introduces a new one, so indefinite subjects are left out
        window = text[max(s0, m.span.start - 160):min(s1, m.span.end + 60)]
        words = [w.lower() for w in re.findall(r"[A-Za-z][a-z]*", window)]
        possessed = {w.lower() for w in re.findall(r"([A-Za-z][a-z]*)['’]s\b", window)}
        topic, fresh = set(), set()
        for i, w in enumerate(words):
            if len(w) < 3:
                continue
            stem = w[:-1] if w.endswith("s") and len(w) > 3 else w
            topic.add(stem)
            if "a" in words[max(0, i - 2):i] or "an" in words[max(0, i - 2):i]:
                fresh.add(stem)       # "a fire", "a textile warehouse"
            if i + 1 < len(words) and words[i + 1] == "s" or w in possessed:
                fresh.add(stem)       # "the suspect's brother": about the brother, not the suspect
        # "the blaze" and "the fire" name one thing: each side also carries the shared name
        for i, w in enumerate(words):
            canon = _SYNONYMS.get(w)
            if canon is None or i and words[i - 1] in ("air", "hunger", "drone", "missile", "opened", "open", "cease",
                                                        "returned", "returning", "under", "friendly", "gun"):
                continue
            if i + 1 < len(words) and words[i + 1] in _NOT_THE_EVENT:
                continue      # "the fire service began a review": the service, not a fire
            # "residents near the blaze have been without power since ...": the blaze is not what began
            j = i - 1
            while j >= 0 and words[j] in ("the", "a", "an", "this", "that", "its", "their", "huge", "big", "giant"):
                j -= 1
            if j >= 0 and j < i - 1 and words[j] in _PREPOSITIONS:
                continue
            topic.add("=" + canon)
            if "a" in words[max(0, i - 2):i] or "an" in words[max(0, i - 2):i] or stem_of(w) in fresh:
                fresh.add("=" + canon)
        return topic - _COMMON - _EVENT_WORDS - _CALENDAR, fresh

    # -- ages and anniversaries -----------------------------------------------------------------

    def _age(self, text: str, ms: list[DateMention], ref: dt.date | None) -> Iterable[Hit]:
        if ref is None:
            return
        births: list[DateMention] = []
        for m in ms:
            # "born in June 1975 ... joined in 2004": only the first date after "born" is the birth
            if m.detail.get("born") and m.year_given and not m.in_quote and _resolved(m) \
                    and not (births and births[-1].sentence == m.sentence):
                births.append(m)
        ages = [m for m in ms if m.kind == "age" and not m.in_quote and m.number is not None]
        people = People(self._doc, text) if births else None
        done: set[int] = set()
        if people is not None:
            people.known = {k for k in [people.key(str(a.detail["person"])) for a in ages if a.detail.get("person")]
                            + [people.of_birth(b, pronouns=False) for b in births] if k}
            who_born = {id(b): people.of_birth(b) for b in births}
            who_aged = {id(a): people.of_age(a) for a in ages}
            # an age and a birth date tied to one person by name or pronoun, however far apart
            for b in births:
                key = who_born[id(b)]
                if key is None or key.startswith("?") or [k for k in who_born.values() if k == key][1:]:
                    continue   # no person, or two birth dates for one name: nothing sure to compare
                for a in ages:
                    if who_aged[id(a)] != key or self._age_of_another_time(a, ms, ref):
                        continue
                    done.add(id(a))
                    expected = _ages_on(b, ref)
                    if a.number not in expected:
                        yield self._age_hit(a, b, expected, ref)
                for t in ms:
                    if t.kind == "anniversary" and t.detail.get("turn") and not t.in_quote \
                            and people.of_turn(t) == key:
                        hit = self._turned_hit(t, b, ms, ref)
                        done.add(id(t))
                        if hit is not None:
                            yield hit
        else:
            who_born, who_aged = {}, {}
        if len(births) == 1 and ages:
            b = births[0]
            assert b.start
            expected = _ages_on(b, ref)
            # the age that follows the birth date nearest, before another person's age intervenes
            for a in ages:
                if id(a) in done:
                    break    # the person's own age was found and checked above
                if a.span.start < b.span.start and not 0 <= b.sentence - a.sentence <= 1:
                    continue  # an age well before the birth date may be someone else's
                if a.detail.get("loose") and who_aged.get(id(a)) is None:
                    continue  # "his wife, 70, ran": an age of someone unnamed
                ka, kb = who_aged.get(id(a)), who_born.get(id(b))
                if ka is not None and kb is not None and (ka != kb or ka.startswith("?")):
                    continue  # named as two different people, or by a name two people share
                if kb is not None and ka is None and people is not None and people.role_follows(a):
                    continue  # a named person's birth date, and "the 58-year-old defendant": maybe another
                if self._age_of_another_time(a, ms, ref):
                    continue
                if a.number in expected:
                    break
                if a.sentence - b.sentence > 8:
                    break  # too far from the birth date to be sure it is the same person
                yield self._age_hit(a, b, expected, ref)
                break
        yield from self._anniversary(text, ms, ref, done)

    @staticmethod
    def _age_of_another_time(a: DateMention, ms: list[DateMention], ref: dt.date) -> bool:
        """"In 2009, Petrova, 30, ..." gives an age then, not now: an earlier year (not a birth date)
        set before the age in its sentence. A date after it ("Petrova, 30, was arrested in May 2023")
        is what the person, aged 30 now, did then."""
        for m in ms:
            if m.sentence == a.sentence and m is not a and m.year_given and _resolved(m) \
                    and m.span.start < a.span.start \
                    and not m.detail.get("born") and m.end and m.end.year < ref.year - 1:
                return True
        return False

    def _age_hit(self, a: DateMention, b: DateMention, expected: set[int], ref: dt.date) -> Hit:
        assert b.start
        want = " or ".join(str(x) for x in sorted(expected))
        when = _describe(b) if b.kind == "date" else (fmt_period(b.start, b.end) if b.kind == "month" and b.end
                                                       else str(b.start.year))
        return Hit(a.span, self.message(
            f"'{a.text.strip(', ')}' but someone born {when} was {want} on the article's date, {fmt_date(ref)}"),
            related=(Related(b.span, f"the birth date: {b.text}"),))

    def _turned_hit(self, t: DateMention, b: DateMention, ms: list[DateMention], ref: dt.date) -> Hit | None:
        """"She turned 50 last year" for someone born in 1979: the birthday fell in 2029, not 2025."""
        assert b.start and t.number is not None
        verb = t.text.split()[0].lower()
        years = {ref.year - 1, ref.year} if verb == "turned" else {ref.year, ref.year + 1}
        for r in ms:
            if r.sentence == t.sentence and r is not t and _resolved(r) and r.start and r.end \
                    and r.start.year == r.end.year and not r.detail.get("born") and r.kind in ("relative", "year", "date", "month"):
                years = {r.start.year}   # "turned 50 last year", "turns 50 in 2026"
                break
        if b.start.year + t.number in years:
            return None
        said = ", ".join(str(y) for y in sorted(years))
        return Hit(t.span, self.message(
            f"'{t.text}' but someone born {b.start.year} turns {t.number} in {b.start.year + t.number}, "
            f"not in {said}"), related=(Related(b.span, f"the birth date: {b.text}"),))

    def _anniversary(self, text: str, ms: list[DateMention], ref: dt.date, done: set[int]) -> Iterable[Hit]:
        for m in ms:
            if id(m) in done or m.in_quote or m.number is None or m.kind not in ("anniversary", "ago"):
                continue
            if m.kind == "ago" and m.detail.get("unit") != "year":
                continue
            if m.text.endswith("birthday") and re.search(r"\b(?:his|her|their|my|your|our)\s+$",
                                                          text[max(0, m.span.start - 8):m.span.start], re.IGNORECASE):
                continue   # "a day after her 17th birthday, on 4 January 2006": the year is the birthday's own
            years = [y for y in ms if y.sentence == m.sentence and y.kind in ("year", "date", "month")
                     and y.year_given and _resolved(y) and y is not m]
            if len(years) != 1:
                continue
            y = years[0]
            assert y.start
            base = ref.year
            # "turned 60 last year": the sentence's own year word moves the reference year
            for r in ms:
                if r.sentence == m.sentence and r.kind == "relative" and r.detail.get("unit") == "year" and r.start:
                    base = r.start.year if r.start.year != ref.year else base
            diff = base - y.start.year
            allowed = {diff} if m.kind == "anniversary" else {diff, diff - 1}
            if y.kind == "date" and m.kind == "ago":
                d = y.start
                allowed = {ref.year - d.year - (0 if (ref.month, ref.day) >= (d.month, d.day) else 1)}
            if m.number in allowed:
                continue
            when = "the article's date" if base == ref.year else f"{base}, the year it refers to"
            yield Hit(m.span, self.message(
                f"'{m.text}' but {y.start.year} was {diff} years before {when} "
                f"(the article is dated {fmt_date(ref)})"),
                related=(Related(y.span, f"the year given: {y.text}"),))

    # -- style: a weekday alone for a day more than a week away ---------------------------------

    def _weekday_far(self, text: str, ms: list[DateMention], ref: dt.date | None) -> Iterable[Hit]:
        if ref is None:
            return
        for m in ms:
            if m.kind != "weekday" or m.in_quote or not _resolved(m):
                continue
            assert m.start
            gap = abs((m.start - ref).days)
            if gap <= self.options.max_weekday_days:
                continue
            day = f"{_MONTHS[m.start.month - 1]} {m.start.day}"
            yield Hit(m.span, self.message(
                f"'{m.text}' is {gap} days from the article's date, {fmt_date(ref)}: give the date "
                f"({_WEEKDAYS[m.start.weekday()]}, {day})"), suggestions=())

    # -- metadata: the article's own dates disagree ---------------------------------------------

    def _metadata(self, ctx: Context) -> Iterable[Hit]:
        # the first source of each kind: a later <time datetime> inside the body dates something else
        seen: set[str] = set()
        sources = []
        for where, d, span in ctx.doc.metadata.date_sources:
            if where not in seen:
                seen.add(where)
                sources.append((where, d, span))
        if len({d for _w, d, _s in sources}) < 2:
            return
        first_where, first_date, first_span = sources[0]
        for where, d, span in sources[1:]:
            if d == first_date:
                continue
            anchor = span or first_span or Span(0, 0)
            other = first_span if span else None
            msg = (f"the article's {where} gives {fmt_date(d)} but its {first_where} gives {fmt_date(first_date)}")
            related = (Related(other, f"{first_where}: {fmt_date(first_date)}"),) if other else ()
            yield Hit(anchor, self.message(msg), related=related, category="metadata")


__all__ = ["Dates", "CHECKS", "relation", "DAY"]
