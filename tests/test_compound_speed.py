"""The compound-modifier scan of the stretches that can hold a match against the plain scan of
every segment: both must find the same matches, groups and order."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from deskcheck import prefilter
from deskcheck.bundled import style_folder
from deskcheck.formats import parse
from deskcheck.kinds import compound
from deskcheck.kinds.base import Context, Settings
from deskcheck.rules import load_style
from deskcheck.scopes import segments


def _bundled():  # type: ignore[no-untyped-def]
    folder = style_folder("Newsroom", None)
    assert folder is not None
    return next(r for r in load_style(Path(folder)) if r.kind_name == "compound-modifier")


def _custom(tmp_path: Path, compounds: list[str], ignorecase: bool = True):  # type: ignore[no-untyped-def]
    style = tmp_path / "House"
    style.mkdir(exist_ok=True)
    lines = "".join(f"  - {json.dumps(c)}\n" for c in compounds)
    (style / "Compounds.yml").write_text(
        f"extends: compound-modifier\nmessage: '%s %s'\nignorecase: {str(ignorecase).lower()}\n"
        f"stop: [the, of]\ncompounds:\n{lines}", encoding="utf-8")
    return next(r for r in load_style(style) if r.kind_name == "compound-modifier")


def _both(rule, text: str, fmt: str = "txt") -> tuple[list, list]:  # type: ignore[no-untyped-def]
    doc = parse(text, fmt, "t." + fmt)
    ctx = Context(doc, doc.text, segments(doc, rule.scope), Settings())
    def out(ms):  # type: ignore[no-untyped-def]
        return [(m.span(), m.span("c"), m.span("n"), m.groupdict()) for m in ms]
    plain, fast = out(rule.kind._plain_matches(ctx)), out(rule.kind._matches(ctx))
    # and with the places the engine's view of the text found (as in a run)
    doc.cache[prefilter.VIEWS_KEY] = {False: prefilter.View(doc.text)}
    assert out(rule.kind._matches(ctx)) == fast
    return plain, fast


_PIECES = ["long", "Long", "LONG", "term", "short", "range", "high", "level", "low", "income", "well",
           "known", "state", "owned", "two", "year", "12", "3", "10", "day", "man", "cross", "border",
           "smart", "city", "plan", "plans", "allies", "the", "of", "quickly", "Paris", "top",
           "senior", "end", "middle", "class", "a", "-", "’s", "'", " ", " ", " ", "  ", "\t", "\n",
           "\n\n", "\r\n", ",", ".", ";", ":", "!", "?", "(", ")", "\"", "“", "”", "—", "–", "…",
           "ſ", "K", "İ", "é", "_", "#", "/", "old", "one", "level", "\u00a0", "\u2009"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_bundled_rule_same_as_the_plain_scan(pieces: list[str]) -> None:
    plain, fast = _both(_BUNDLED, "".join(pieces))
    assert fast == plain


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_markdown_segments_same_as_the_plain_scan(pieces: list[str]) -> None:
    plain, fast = _both(_BUNDLED, "# Title\n\n" + "".join(pieces) + "\n\n- a long term plan\n", "md")
    assert fast == plain


_BUNDLED = _bundled()


def test_bundled_rule_scans_stretches() -> None:
    assert _BUNDLED.kind._stretches is not None
    plain, fast = _both(_BUNDLED, "A long term plan, a two year delay; the 40 day wait.\nWell known faces.")
    assert fast == plain and len(plain) == 4


@pytest.mark.parametrize("compounds,windowed", [
    (["cross (?:regional|border)"], True),
    (["(?:\\d+|one) (?:year|day)"], True),
    (["[a-z]+ term"], True),
    (["long\\s+term"], True),
    (["long.term"], False),            # `.` matches a barrier
    (["long[^x]term"], False),         # so does a negated class
    (["long[!-/]term"], False),        # a range holding barriers
    (["long(?= )\\sterm"], False),     # look-arounds are not read
    (["\\w+\\W\\w+"], False),
    (["\\p{Ll}+ term"], False),
    (["(?:a|b)?"], False),             # nothing certain in every match
])
def test_which_rules_scan_stretches(tmp_path: Path, compounds: list[str], windowed: bool) -> None:
    rule = _custom(tmp_path, compounds)
    assert (rule.kind._stretches is not None) == windowed
    text = "A long term plan, cross border trade (one year ago), long-term 5 day\nweek long\tterm; long, term"
    plain, fast = _both(rule, text)
    assert fast == plain


@pytest.mark.parametrize("ignorecase", [True, False])
@settings(max_examples=100, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=40))
def test_custom_rules_same_as_the_plain_scan(tmp_path_factory: pytest.TempPathFactory, ignorecase: bool,
                                             pieces: list[str]) -> None:
    rule = _custom(tmp_path_factory.mktemp("s"), ["(?:long|LONG) (?:term|range)", "[a-z]+\\s+(?:year|day)",
                                                  "high\\s*level", "k(?:nown)?",
                                                  "(?:one|two) (?:year|day) old", "year old"], ignorecase)
    assert rule.kind._stretches is not None
    plain, fast = _both(rule, "".join(pieces))
    assert fast == plain


def test_no_barrier_has_another_case() -> None:
    # a case-blind literal then matches a barrier only as itself (what _items_avoid assumes)
    from deskcheck.prefilter import _rep
    assert all(_rep(ch) == "" for ch in compound.BARRIERS)


def test_spaces_are_every_white_space_character() -> None:
    import sys

    import regex
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    white = set(regex.findall(r"\s", every)) | {c for c in every if c.isspace()}
    assert white == set(compound.SPACES)
    # no white-space character is a word character or a digit, nor has another case
    assert not regex.search(r"[\w\d]", compound.SPACES)
    from deskcheck.prefilter import _rep
    assert all(_rep(ch) == "" for ch in compound.SPACES)
