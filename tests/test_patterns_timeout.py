"""The regex calls pass their timeout by position (cheaper per call than by keyword): each still
stops a runaway pattern, and finds what the keyword form finds."""
from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from deskcheck import patterns
from deskcheck.kinds.vale import scan
from deskcheck.model import Span

RUNAWAY = regex.compile(r"(\w|\w\w)+\d", regex.V0)
TEXT = "a" * 40


@pytest.mark.parametrize("call", [
    lambda: scan(RUNAWAY, TEXT, [Span(0, 5), Span(0, len(TEXT))], "House.Rule", "a.md"),
    lambda: list(patterns.finditer(RUNAWAY, TEXT, 0, None, "House.Rule", "a.md")),
    lambda: patterns.search(RUNAWAY, TEXT, "House.Rule", "a.md"),
    lambda: patterns.search(RUNAWAY, TEXT, "House.Rule", "a.md", full=True),
])
def test_a_positional_timeout_stops_a_runaway_pattern(call, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "TIMEOUT_SECONDS", 0.05)
    with pytest.raises(patterns.RegexTimeout) as info:
        call()
    assert "House.Rule" in str(info.value)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([r"\b(?:the|a)\b", r"(?<![\w-])\d+(?:[.,]\d+)?", r"^\w+$", r"(?i)é\w*"]),
       st.text(alphabet="the a1,.É é\n-", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_positional_calls_find_what_keyword_calls_find(source: str, text: str, a: int, b: int) -> None:
    pattern = regex.compile(source, regex.V0 | regex.MULTILINE)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    keyword = [m.span() for m in pattern.finditer(text, start, end, timeout=2.0)]
    assert [m.span() for m in scan(pattern, text, [Span(start, end)], "r", "p")] == keyword
    assert [m.span() for m in patterns.finditer(pattern, text, start, end)] == keyword
    found = pattern.search(text, timeout=2.0)
    got = patterns.search(pattern, text)
    assert (got.span() if got else None) == (found.span() if found else None)
    whole = pattern.fullmatch(text, timeout=2.0)
    got = patterns.search(pattern, text, full=True)
    assert (got.span() if got else None) == (whole.span() if whole else None)
