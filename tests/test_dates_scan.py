"""The dates extraction's whole-article scans give what the plain scans they replace give.

The extraction finds where each pattern can start from a few scans of the whole article (runs
of digits, month and weekday openings, key words), skips the patterns a cheap test says cannot
match in a run, and tries the others only there. These tests hold each such shortcut, and the
extraction as a whole, equal to the plain version: every pattern's `finditer` over every run.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskcheck.analysis import dates as dates_analysis
from deskcheck.api import Options, load_document
from test_dates import assert_located_matches_are_finditer
from test_dates_speed import articles as dates_articles

_PLAIN_DIGITS = re.compile(r"\d\d*")

# pieces rich in what ranges are made of: days, ordinals, years, month names and their openings,
# every connector, and the characters str.lower() or \d treat apart
_RANGE_PIECES = [
    "May", "June", "July", "Jan.", "Sept", "Sept.", "Dec", "Mayor", "Monday", "Tuesday,", "the",
    "between", "from", "to", "through", "until", "and", "or", "in", "of",
    "1", "3", "13", "14", "21st", "2nd", "3rd", "4th", "31", "32", "2021", "1999", "2024-25", "12:30",
    "-", "–", "—", " - ", " – ", "—", "-year-old", ",", ", ", ".", "(", ")",
    "٣", "١٢", "İ", "\u212a", "\ud800",
]
_GAPS = ["", " ", " ", "  ", "\n", ", ", "-", "–"]


@st.composite
def range_texts(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 30))):
        parts.append(draw(st.sampled_from(_RANGE_PIECES)))
        parts.append(draw(st.sampled_from(_GAPS)))
    return "".join(parts)


# the slots of the range forms' shapes, each filled mostly with what the form wants and else with a
# near miss: "M d - d", "d - d M", "M d - M d", "d M - d M" and their mixes
_GOOD = {
    "M": ["May", "June", "Jan.", "Sept", "Sept.", "Dec", "Tuesday, May", "Monday 4"],
    "d": ["1", "13", "21st", "4th", "31", "3rd"],
    "c": ["-", "–", "—", " - ", " – ", " to ", " through ", " until ", " and "],
    "s": [" ", "  ", "\n"],
}
_MISS = {
    "M": ["Mayor", "may", "Monday", "MAY"],
    "d": ["2021", "٣", "12:30", "1,2", "3rd,", "7.5", "2024-25", "32"],
    "c": [" or ", "-to ", " to  ", "--", "/"],
    "s": ["", ", ", " of ", "-"],
}
_SLOTS = {k: v * 4 + _MISS[k] for k, v in _GOOD.items()}
_SHAPES = ["MsdcD", "dcdsM", "MsdcMsd", "dsMcdsM", "MsdsdcMsd", "dcMsd", "Msdcdcd", "sdsMcd", "MsdsDcd"]


@st.composite
def range_phrases(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        for slot in draw(st.sampled_from(_SHAPES)):
            parts.append(draw(st.sampled_from(_SLOTS[slot.replace("D", "d")])))
        parts.append(draw(st.sampled_from(_RANGE_PIECES + _GAPS)))
    return "".join(parts)


@st.composite
def text_and_runs(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.one_of(range_texts(), range_phrases()))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=6))) | {0, len(text)})
    runs = [(a, b) for a, b in zip(cuts, cuts[1:]) if draw(st.booleans()) or a == 0]
    return text, runs


@settings(max_examples=400, deadline=None)
@given(st.one_of(range_texts(), st.text()))
def test_digit_runs_are_the_plain_scan(text: str) -> None:
    spans = [m.span() for m in _PLAIN_DIGITS.finditer(text)]
    assert dates_analysis.digit_runs(text) == ([a for a, _ in spans], [b for _, b in spans])


@settings(max_examples=400, deadline=None)
@given(text_and_runs())
def test_range_forms_match_where_finditer_does(case: tuple[str, list[tuple[int, int]]]) -> None:
    # the range patterns are tried only in the runs _range_runs keeps: no match is lost by it
    assert_located_matches_are_finditer(*case)


@settings(max_examples=200, deadline=None)
@given(text_and_runs())
def test_busy_is_every_forms_matches(case: tuple[str, list[tuple[int, int]]]) -> None:
    # extract() reads every form's matches through busy(), which leaves out the forms with nowhere
    # to start: the same matches all_matches gives each form, by run, in the forms' order
    text, runs = case
    located = dates_analysis._Located(text)
    located.set_runs(runs)
    got = {r: [(form, [m.span() for m in ms]) for form, ms in forms.items()] for r, forms in located.busy().items()}
    fresh = dates_analysis._Located(text)
    fresh.set_runs(runs)
    want: dict[int, list[tuple[str, list[tuple[int, int]]]]] = {}
    for form, pat in dates_analysis._ALL_PATTERNS:
        for r, ms in fresh.all_matches(form, pat).items():
            want.setdefault(r, []).append((form, [m.span() for m in ms]))
    assert got == want


@settings(max_examples=200, deadline=None)
@given(st.one_of(range_texts(), range_phrases()), st.data())
def test_anchored_spans_is_anchored(text: str, data: st.DataObject) -> None:
    spans = []
    for _ in range(data.draw(st.integers(0, 6))):
        s = data.draw(st.integers(0, len(text)))
        spans.append((s, data.draw(st.integers(s, len(text)))))
    located = dates_analysis._Located(text)
    assert located.anchored_spans(spans) == [bool(dates_analysis._ANCHOR.search(text, s, e)) for s, e in spans]


def test_range_runs_keep_a_known_range() -> None:
    text = "The talks ran June 27-July 10, then from May 4 to 7 and on 13 – 14 April, 27 June - 10 July."
    located = dates_analysis._Located(text)
    located.set_runs([(0, len(text))])
    for form in ("md-md", "md-d", "dm-dm", "d-dm"):
        assert located._range_runs(form) == {0}, form
    assert [m.group() for m in located.matches("md-md", dict(dates_analysis._ALL_PATTERNS)["md-md"], 0)] == \
        ["June 27-July 10"]


# --- the extraction as a whole ------------------------------------------------------------------

_ARTICLE_PIECES = [
    "on Monday", "last Tuesday", "Sunday's", "on April 19", "April 13-14", "from May 4 to 7", "June 27-July 10",
    "13 to 14 April", "27 June - 10 July", "on 18 April", "the 15th of June", "Tuesday, March 3, 2022",
    "2021-04-21", "2019-2021", "in 2019", "the 2020 election", "since 1994", "in early March", "last March",
    "March 2020", "last week", "this month", "yesterday", "tomorrow", "two days ago", "the following day",
    "three weeks earlier", "a day after", "Anna Petrova, 45,", "the 45-year-old", ", aged 45", "is 45 years old",
    "Joe Platt (45)", "her 50th birthday", "the centenary", "turned 60", "50 years since", "born in 1970",
    "will", "expected", "is due", "next year", "last year", "said", "“she said on Friday”", "İn", "ſince",
    "٣ May", "the dam burst", "officials", "Black Friday", "The Sunday Times", "Mayor", "Marching", "£5",
    "1,200", "2:30", "45%", "(", ")",
]


def articles() -> st.SearchStrategy[str]:
    return dates_articles(_ARTICLE_PIECES, [" ", ", ", "; ", " and "], (1, 7), " ,;", (".", "!", "?", ""))


def _mentions(text: str, date: dt.date | None) -> list[tuple[Any, ...]]:
    doc = load_document("<string>", Options(), text=text, fmt="md")
    dates_analysis._LAST_LOWERED = (None, None)
    return [(m.span, m.kind, m.text, m.start, m.end, m.year_given, m.weekday, m.weekday_span, m.in_quote,
             m.sentence, m.parts, m.problem, m.number, sorted(m.detail.items()))
            for m in dates_analysis.extract(doc, date)]


def _plain_located(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every shortcut of _Located switched off: each pattern's finditer over each run, and the
    sentence tests by the plain searches they stand for."""
    set_runs = dates_analysis._Located.set_runs

    def plain_runs(self: Any, runs: list[tuple[int, int]]) -> None:
        set_runs(self, runs)
        self._everywhere = True         # all_matches: pattern.finditer(text, lo, hi) for every run

    monkeypatch.setattr(dates_analysis._Located, "set_runs", plain_runs)
    monkeypatch.setattr(dates_analysis._Located, "anchored",
                        lambda self, s, e: dates_analysis._ANCHOR.search(self.text, s, e) is not None)
    monkeypatch.setattr(dates_analysis._Located, "has_future",
                        lambda self, s, e: dates_analysis._FUTURE.search(self.text, s, e) is not None)
    monkeypatch.setattr(dates_analysis._Located, "year_word",
                        lambda self, s, e: dates_analysis._YEAR_WORD.search(self.text, s, e))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles(), st.sampled_from([None, dt.date(2021, 4, 21), dt.date(2024, 11, 27), dt.date(2020, 2, 29)]))
def test_extraction_is_the_plain_extraction(monkeypatch: pytest.MonkeyPatch, text: str, date: dt.date | None) -> None:
    fast = _mentions(text, date)
    with monkeypatch.context() as m:
        _plain_located(m)
        plain = _mentions(text, date)
    assert fast == plain
