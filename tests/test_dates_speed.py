"""The dates check's shortcuts give what the plain code they stand in for gives.

Each test runs a shortcut and the plain version beside it (a plain function written here, or the
shortcut switched off with monkeypatch) on text made of date and event pieces in every order.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskcheck.analysis import dates as dates_analysis
from deskcheck.api import Options, load_document
from deskcheck.engine import check_document
from deskcheck.kinds import dates as dates_kind
from deskcheck.kinds.base import Settings
from deskcheck.rules import bundled_rules_dir, load_rule

WED = dt.date(2021, 4, 21)          # a Wednesday

# sentence pieces: dates near the article's date and a little further, event words of every class,
# the words around them that the checks read, and the odd letter str.lower() treats apart
_PIECES = [
    "on Monday", "on Tuesday", "Sunday", "on April 19", "on April 20", "April 13", "on 18 April", "May 2",
    "on Tuesday, April 20", "last week", "yesterday", "in 2019", "March 30", "on April 9, 2021",
    "the dam", "burst", "gave way", "the fire", "the blaze", "began", "broke out", "protests", "since",
    "was arrested", "the arrest", "signed", "the signing", "the vote", "voted", "the election", "runoff",
    "the summit", "a fire", "another", "first", "said", "officials said", "in Lyon", "in Nantes",
    "at the mill", "the Tamworth fire", "held", "took place", "the first round", "released", "crashed",
    "airstrike", "collapsed", "reopened", "the strike", "walkout", "earthquake", "a day after", "two days before",
    "the following day", "three weeks earlier", "the match", "final", "İn", "ſince", "BURST", "Gave Way",
]
_GAPS = [" ", ", ", " ", "; ", " (", ") "]


@st.composite
def articles(draw: st.DrawFn, pieces: list[str] = _PIECES, gaps: list[str] = _GAPS,
             words: tuple[int, int] = (2, 9), strip: str = " ,;()", ends: tuple[str, ...] = (".",)) -> str:
    """A short article: a few paragraphs of sentences made of pieces."""
    paras = []
    for _ in range(draw(st.integers(1, 3))):
        sents = []
        for _ in range(draw(st.integers(1, 4))):
            n = draw(st.integers(*words))
            parts = [draw(st.sampled_from(pieces)) + draw(st.sampled_from(gaps)) for _ in range(n)]
            sent = "".join(parts).strip(strip)
            sents.append(sent[:1].upper() + sent[1:] + draw(st.sampled_from(ends)))
        paras.append(" ".join(sents))
    return "\n\n".join(paras) + "\n"


_RULE: Any = None


def _dates_rule() -> Any:
    global _RULE
    if _RULE is None:
        _RULE = load_rule(bundled_rules_dir() / "Deskcheck" / "Dates.yml", "Deskcheck", bundled_rules_dir() / "Deskcheck")
    return _RULE


def _findings(text: str) -> list[tuple[int, int, str, str, tuple[Any, ...]]]:
    doc = load_document("<string>", Options(), text=text, fmt="md")
    result = check_document(doc, [_dates_rule()], Settings(article_date=WED))
    assert not result.failures
    return [(f.span.start, f.span.end, f.match, f.message, f.related) for f in result.findings]


# --- one event, two dates ---------------------------------------------------------------------

def _every_mention_may_pair(ms: list[dates_analysis.DateMention], kinds: Any = None) -> set[int]:
    return {id(m) for m in ms}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles())
def test_pair_prefilter_keeps_every_finding(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    fast = _findings(text)
    with monkeypatch.context() as m:
        m.setattr(dates_kind, "_may_pair", _every_mention_may_pair)
        plain = _findings(text)
    assert fast == plain


def test_pair_prefilter_keeps_a_known_pair() -> None:
    # the shortcut must still let a real pair through: the same burst dated two ways
    text = ("The dam burst on Monday, April 19, flooding the valley.\n\n"
            "Engineers had warned of cracks before the dam burst on April 18.\n")
    assert [f[2] for f in _findings(text)]


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 40)), max_size=12))
def test_may_pair_is_the_plain_pair_test(cases: list[tuple[int, int]]) -> None:
    ms = [dates_analysis.DateMention(dates_analysis.Span(i, i + 1), "date", "x", WED + dt.timedelta(days=d),
                                     WED + dt.timedelta(days=d), sentence=s) for i, (s, d) in enumerate(cases)]
    plain = {id(m) for m in ms for o in ms
             if o.sentence != m.sentence and o.start != m.start and abs((o.start - m.start).days) <= 10}
    assert dates_kind._may_pair(ms) == plain
    kinds = {id(m): frozenset({"vote"} if d % 3 else {"start"}) | ({"arrest"} if s % 2 else set())
             for m, (s, d) in zip(ms, cases)}
    plain = {id(m) for m in ms for o in ms if o.sentence != m.sentence and o.start != m.start
             and abs((o.start - m.start).days) <= 10 and kinds[id(m)] & kinds[id(o)]}
    assert dates_kind._may_pair(ms, kinds) == plain


# --- which event classes a sentence can name -------------------------------------------------------

def _classes_plain(low: str) -> set[int]:
    return {i for i, firsts in enumerate(dates_kind._EVENT_FIRSTS) if any(w in low for w in firsts)}


@settings(max_examples=300, deadline=None)
@given(articles())
def test_event_classes_hold_every_class_whose_words_are_there(text: str) -> None:
    low = text.lower()
    got = dates_kind._event_classes_in(low)
    assert got is not None and _classes_plain(low) <= set(got)
    assert dates_kind._event_classes_in(None) is None


# --- the sentence's future words and year words ------------------------------------------------------
# (the property test against the plain searches is test_anchor_and_sentence_words_match_plain_search in
# test_dates.py; these are the cases its pieces lack)

@pytest.mark.parametrize("text", ["The votes are due to be counted.", "It is\n due on Monday.", "They are\u00a0 due",
                                  "Subdue to them.", "It isdue to end.", "Costs are due", "The ſhall clause.",
                                  "The WILL was read.", "Next Year", "last  year's", "is due"])
def test_future_and_year_words_in_sentences(text: str) -> None:
    located = dates_analysis._Located(text)
    for s in range(len(text) + 1):
        for e in (s, (s + len(text)) // 2, len(text)):
            e = max(e, s)
            assert located.has_future(s, e) == (dates_analysis._FUTURE.search(text, s, e) is not None)
            want, got = dates_analysis._YEAR_WORD.search(text, s, e), located.year_word(s, e)
            assert (got and (got.span(), got.group(1))) == (want and (want.span(), want.group(1)))


# --- the clause's words, read only for dates that could be one event ----------------------------------

def _kind_for(text: str) -> tuple[Any, str, list[dates_analysis.DateMention]]:
    """The Dates kind with one document's state on it, as _check_document sets it."""
    import copy

    from deskcheck.analysis.sentences import sentences
    doc = load_document("<string>", Options(), text=text, fmt="md")
    kind = copy.copy(_dates_rule().kind)
    ms = dates_analysis.date_mentions(doc, WED).mentions
    kind._text, kind._sentences, kind._doc, kind._mentions = doc.text, sentences(doc), doc, ms
    kind._families, kind._may_name_event = {}, {}
    return kind, doc.text, ms


def _same_event_plain(kind: Any, text: str, ms: list[dates_analysis.DateMention], ref: dt.date) -> list[Any]:
    """_same_event as it was before its shortcuts: every candidate's whole clause read up front."""
    hits = []
    seen: list[tuple[Any, set[str], set[str]]] = []
    for m in ms:
        if not kind._may_be_event(m, ref):
            continue
        classes, topic, fresh = kind._event_context(text, m)
        if not classes:
            continue
        for first, fclasses, ftopic in seen:
            if first.sentence == m.sentence or first.start == m.start:
                continue
            if abs((first.start - m.start).days) > 10 or not (classes & fclasses) or not (ftopic & (topic - fresh)):
                continue
            places, fplaces = kind._places(text, m), kind._places(text, first)
            if places and fplaces and not places & fplaces:
                continue
            bad, good = m, first
            if m.weekday is not None and first.weekday is None and m.start.weekday() == m.weekday:
                bad, good = first, m
            hits.append((bad.span, good.span, sorted(classes & fclasses)[0]))
            break
        seen.append((m, classes, topic))
    return hits


@settings(max_examples=200, deadline=None)
@given(articles())
def test_same_event_reads_clauses_lazily_to_the_same_end(text: str) -> None:
    kind, view, ms = _kind_for(text)
    fast = [(h.span, h.related[0].span) for h in kind._same_event(view, ms, WED)]
    kind, view, ms = _kind_for(text)
    assert fast == [(bad, good) for bad, good, _kind in _same_event_plain(kind, view, ms, WED)]


@settings(max_examples=200, deadline=None)
@given(articles())
def test_class_bound_holds_every_class_a_date_names(text: str) -> None:
    kind, view, ms = _kind_for(text)
    for m in ms:
        assert kind._event_classes(view, m) <= kind._class_bound(view, m)


@pytest.mark.parametrize("gate", ["_class_gate", "_connector_gate"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=articles())
def test_dates_gates_keep_every_finding(monkeypatch: pytest.MonkeyPatch, gate: str, text: str) -> None:
    # each gate of the Dates kind (a cheap exact test that a step cannot fire) switched off
    fast = _findings(text)
    with monkeypatch.context() as m:
        m.setattr(dates_kind.Dates, gate, False)
        plain = _findings(text)
    assert fast == plain


def test_class_gate_keeps_a_known_pair() -> None:
    # each date's sentence holds the words of its class, so the gate lets the pair through
    text = ("Protests broke out in the capital on April 13 over fuel prices.\n\n"
            "The protests, which began on April 12, have spread.\n")
    kind, view, ms = _kind_for(text)
    assert [h.span for h in kind._same_event(view, ms, WED)]


# --- connectors of the order check, tried only where one can start a match ---------------------------

@settings(max_examples=200, deadline=None)
@given(articles(), st.data())
def test_connectors_may_match_only_misses_empty_windows(text: str, data: st.DataObject) -> None:
    conns = dates_kind._Connectors(text)
    for _ in range(5):
        a = data.draw(st.integers(0, len(text)))
        b = data.draw(st.integers(a, len(text)))
        found = [c.span() for c in dates_kind._ORDER.finditer(text, a, b)]
        assert [c.span() for c in conns.finditer(a, b)] == found
        if not conns.may_match(a, b):
            assert found == []


def test_may_be_event_is_the_old_candidate_test() -> None:
    kind, view, ms = _kind_for("The dam burst on Monday. Protests began on April 13. Talks were on Sunday.\n")
    assert [m.text for m in ms if kind._may_be_event(m, WED)] == ["on Monday", "April 13", "on Sunday"]


# --- small exact stand-ins ---------------------------------------------------------------------------

@given(st.integers(1, 9999), st.integers(-2, 14))
def test_days_in_month_is_calendars(year: int, month: int) -> None:
    import calendar
    try:
        want: int | None = calendar.monthrange(year, month)[1]
    except calendar.IllegalMonthError:
        want = None
    if want is None:
        with pytest.raises(calendar.IllegalMonthError):
            dates_analysis.days_in_month(year, month)
    else:
        assert dates_analysis.days_in_month(year, month) == want


def test_document_copy_is_copy_copy() -> None:
    import copy
    kind = _dates_rule().kind
    mine, plain = kind._document_copy(), copy.copy(kind)
    assert type(mine) is type(plain) is type(kind) and mine is not kind
    assert vars(mine) == vars(plain) == vars(kind)
    mine._text = "changed"
    assert "_text" not in vars(kind)


# text with words of every length, runs of spaces and punctuation, digits, underscores and letters
# outside ASCII, so a word may be cut at either end of the window (longer than its first 48 characters)
_WORDISH = st.text(alphabet="ab1_ é.,-'’\n\u00a0İ", max_size=240)


@settings(max_examples=400, deadline=None)
@given(_WORDISH, st.data())
def test_words_before_in_the_reversed_text_is_the_scan(text: str, data: st.DataObject) -> None:
    # _Located reads the last words before each anchor in the reversed text; words_before scans
    lo = data.draw(st.integers(0, len(text)))
    anchors = data.draw(st.lists(st.integers(lo, len(text)), max_size=5))
    k = data.draw(st.sampled_from((1, 2)))
    located = dates_analysis._Located(text)
    got = located._before_in_runs([(q, lo) for q in anchors], k, keep=False)
    assert got == dates_analysis.words_before(text, anchors, lo, k)
    # the dates kind's connectors read three words back, one anchor at a time
    for q in anchors:
        for n in (1, 2, 3):
            assert dates_analysis.last_words(text[::-1], q, lo, n) == dates_analysis.words_before(text, [q], lo, n)


def _same_first_plain(a: str, b: str) -> bool:
    from difflib import SequenceMatcher
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.7


_FIRST_NAMES = st.text(alphabet="AaBbeEiİnN", max_size=12)


@settings(max_examples=600, deadline=None)
@given(_FIRST_NAMES, _FIRST_NAMES)
def test_same_first_is_sequence_matcher(a: str, b: str) -> None:
    # the length bound and the equal-names shortcut before SequenceMatcher change no answer
    assert dates_analysis._same_first(a, b) == _same_first_plain(a, b)


# --- where the extraction's patterns can start ---------------------------------------------------
# words and numbers that open or end the patterns' alternatives, in every case, with the letters
# (?i) pairs with ASCII ones where str.lower() does not
_OPENING_PIECES = [
    "the", "The", "THE", "a", "an", "An", "one", "Two", "twelve", "eleven", "several", "few", "ten", "45", "2021",
    "٣", "day", "days", "week", "weeks", "month", "year", "years", "fortnight", "night", "morning", "ago",
    "earlier", "later", "before", "after", "following", "previous", "yesterday", "Tomorrow", "today", "tonight",
    "last", "Last", "next", "this", "past", "coming", "weekend", "in", "In", "early", "late", "mid", "mid-",
    "since", "by", "until", "till", "through", "from", "during", "between", "and", "or", "to", "of", "around",
    "circa", "c.", "its", "his", "her", "their", "that", "March", "May", "Sept.", "Jan", "june", "Monday",
    "election", "İn", "ſince", "\u212aelvin", "ı", "-", ",", ".", "é",
]


@st.composite
def _opening_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_OPENING_PIECES), min_size=1, max_size=14))
    gaps = draw(st.lists(st.sampled_from([" ", "", "  ", ", ", "\n"]), min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, gaps))


@settings(max_examples=500, deadline=None)
@given(_opening_texts())
def test_every_match_opens_as_openings_says(text: str) -> None:
    # the scan skips a place whose lowered text opens none of the words (nor a digit, where allowed)
    located = dates_analysis._Located(text)
    if located.low is None:
        return      # the openings are only read where the text lowers letter for letter
    patterns = dict(dates_analysis._ALL_PATTERNS)
    for form, (words, digit) in dates_analysis._OPENINGS.items():
        for m in patterns[form].finditer(text):
            p = m.start()
            assert located.low.startswith(words, p) or (digit and located.low[p:p + 1].isdecimal()), (form, text, p)
        # and anywhere, not only after the previous match
        for p in range(len(text)):
            if patterns[form].match(text, p):
                assert located.low.startswith(words, p) or (digit and located.low[p:p + 1].isdecimal()), (form, p)


@settings(max_examples=300, deadline=None)
@given(_WORDISH, st.data())
def test_words_before_in_runs_is_words_before(text: str, data: st.DataObject) -> None:
    # _before_in_runs reads each anchor's words from its own run's start: words_before run by run
    n = len(text)
    anchors = []
    for _ in range(data.draw(st.integers(0, 5))):
        lo = data.draw(st.integers(0, n))
        anchors.append((data.draw(st.integers(lo, n)), lo))
    k = data.draw(st.sampled_from((1, 2)))
    located = dates_analysis._Located(text)
    want = [q for q, _ in anchors]
    for q, lo in anchors:
        want += dates_analysis.words_before(text, [q], lo, k)
    assert located._before_in_runs(anchors, k) == want
    assert located._before_in_runs(anchors, k, keep=False) == want[len(anchors):]


@settings(max_examples=200, deadline=None)
@given(st.lists(_opening_texts(), min_size=1, max_size=4))
def test_lowered_is_the_plain_lower(texts: list[str]) -> None:
    # the last article's lowered copy is kept for the next caller: each text still gets its own
    for text in texts + texts[::-1]:
        want = None if any(c in text for c in dates_analysis._FOLDS) else text.lower()
        assert dates_analysis.lowered(text) == want
        assert dates_analysis.lowered(text) == want
