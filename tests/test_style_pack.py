"""The Newsroom style pack: profiles, exact matches and positions, and whole articles.

The articles here are written for these tests: one with a copy desk's usual slips, one clean.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

import deskcheck
import deskcheck.errors
from deskcheck.cli import cli
from deskcheck.config import Config
from deskcheck.engine import check_document
from deskcheck.formats import parse
from deskcheck.kinds.base import Settings
from deskcheck.rules import Rule, bundled_rules_dir, load_style

PACK = Config(styles=("Newsroom",))


def _rules(style: str) -> list[Rule]:
    return load_style(bundled_rules_dir() / style)


# each rule's own good/bad examples are run for every bundled style by tests/test_rule_examples.py

def test_every_pack_rule_says_what_it_checks() -> None:
    for rule in _rules("Newsroom"):
        assert rule.description and rule.message, rule.id


def test_pack_is_on_by_default() -> None:
    findings = deskcheck.check_text("The president visited Azerbaijani on Monday.")
    assert [f.rule for f in findings] == ["Newsroom.DemonymAsCountry"]
    assert findings[0].suggestions == ("Azerbaijan",)


SLIPS = (
    "Ministers meet in Minsk\n\n"
    "By Jo Reporter\n\n"
    "March 3, 2022 \n\n"
    "The Belarus president hosted the visit,(which had been delayed) and said the cross regional\n"
    "partners shared a long term plan. Kostova visited Azerbaijani from March 1-2, officials said.\n\n"
    "\u00a0The talks were highly-anticipated.\n\n"
    "“Nobody knew it before you became President,” the minister told reporters.\n\n"
    "The the delegation left on the train.\n"
)


def _hits(findings: list[Any]) -> set[tuple[str, str]]:
    return {(f.rule, f.match) for f in findings}


def test_an_article_with_the_usual_slips() -> None:
    findings = deskcheck.check_text(SLIPS, format="txt", config=PACK)
    hits = _hits(findings)
    for expected in [
        ("Newsroom.CountryAsAdjective", "Belarus"),
        ("Newsroom.SpaceAfterComma", ","),
        ("Newsroom.CompoundModifiers", "cross regional"),
        ("Newsroom.CompoundModifiers", "long term"),
        ("Newsroom.DemonymAsCountry", "Azerbaijani"),
        ("Newsroom.FromRange", "from March 1-2"),
        ("Newsroom.LyHyphen", "highly-anticipated"),
        ("Newsroom.Titles", "President"),
        ("Newsroom.RepeatedWords", "The the"),
        ("Newsroom.TrailingSpace", " "),
        ("Newsroom.LeadingSpace", "\u00a0"),
    ]:
        assert expected in hits, expected
    # positions come from the source: the trailing space is at the end of line 5
    trailing = next(f for f in findings if f.rule == "Newsroom.TrailingSpace")
    assert (trailing.position.line, trailing.position.column) == (5, 14)
    leading = next(f for f in findings if f.rule == "Newsroom.LeadingSpace")
    assert (leading.position.line, leading.position.column) == (10, 1)
    # "cross regional" ends one line and "partners" begins the next: still a noun after it
    compound = next(f for f in findings if f.match == "cross regional")
    assert compound.suggestions == ("cross-regional",)


CLEAN = """---
title: "Harbour ferry returns after repairs"
date: 2022-06-09
author: Sam Writer
---

The harbour ferry returned to service on Thursday after six weeks of repairs to its engine and
hull, the port authority said. The 40-year-old vessel carried about 300 passengers on its first
day back.

Harbour master Lena Ortiz said the crew had tested the new engine for three days. "It runs
quieter than it ever has," she said. "People will notice the difference."

The repairs cost $1.2 million, paid from the port's maintenance budget. A second, smaller ferry
covered the route during the work, and ran 12 extra trips on weekends.

The president of the local business association, Mark Ellis, said shops near the pier had lost
about 15% of their trade while the ferry was out of service. The port authority said it would
publish a long-term plan for the fleet in the autumn.

Ferries will run every 30 minutes from 6 a.m. to 10 p.m., Monday through Saturday, and every
hour on Sundays.
"""


def test_a_clean_article_gives_nothing() -> None:
    assert deskcheck.check_text(CLEAN, format="md", config=PACK) == []


def test_titles_follow_the_profile() -> None:
    text = "The Queen opened the session and the Prime Minister spoke."
    ap = _hits(deskcheck.check_text(text, config=PACK, profile="ap"))
    uk = _hits(deskcheck.check_text(text, config=PACK, profile="uk"))
    assert ("Newsroom.Titles", "Queen") in ap and ("Newsroom.Titles", "Prime Minister") in ap
    assert ("Newsroom.TitlesUK", "Prime Minister") in uk
    assert not any(m == "Queen" for _, m in uk)


def test_dash_style_follows_the_profile() -> None:
    spaced_em = "The allies — and partners — met."
    spaced_en = "The allies – and partners – met."
    assert not deskcheck.check_text(spaced_em, config=PACK, profile="ap")
    assert {f.rule for f in deskcheck.check_text(spaced_en, config=PACK, profile="ap")} == {"Newsroom.DashAP"}
    assert not deskcheck.check_text(spaced_en, config=PACK, profile="uk")
    assert {f.rule for f in deskcheck.check_text(spaced_em, config=PACK, profile="uk")} == {"Newsroom.DashUK"}


def test_percent_style_follows_the_profile() -> None:
    mixed = "Prices rose 4% in May, 5% in June and 6 per cent in July."
    ap = deskcheck.check_text(mixed, config=PACK, profile="ap")
    assert [(f.rule, f.match, f.suggestions) for f in ap] == [("Newsroom.PercentAP", "6 per cent", ("6%",))]
    uk = deskcheck.check_text(mixed, config=PACK, profile="uk")
    assert [(f.rule, f.match.strip()) for f in uk] == [("Newsroom.PercentConsistent", "per cent")]
    assert uk[0].related and uk[0].related[0].position.column == mixed.index("%") + 1


def test_profile_from_config_and_cli(tmp_path: Path) -> None:
    article = tmp_path / "story.md"
    article.write_text("The Prime Minister spoke and the Queen listened.\n", encoding="utf-8")
    (tmp_path / ".deskcheck.yaml").write_text("profile: uk\n", encoding="utf-8")
    found = {f.match for f in deskcheck.check_path(article)}
    assert "Prime Minister" in found and "Queen" not in found
    result = CliRunner().invoke(cli, ["report", "--profile", "ap", str(article)])
    assert "Newsroom.Titles " in result.output and "Queen" in result.output


def test_one_line_of_config_turns_a_rule_off(tmp_path: Path) -> None:
    cfg = tmp_path / ".deskcheck.yaml"
    cfg.write_text("rules:\n  Newsroom.DemonymAsCountry: off\n", encoding="utf-8")
    assert deskcheck.check_text("The president visited Azerbaijani on Monday.", config=cfg) == []


@pytest.mark.parametrize("text,rule,match", [
    ("Officials said 3 schools would close.", "Newsroom.NumbersUnderTen", "3"),
    ("The board has twelve members.", "Newsroom.NumbersTenAndUp", "twelve"),
    ("It rained. 14 homes were flooded.", "Newsroom.SentenceStartFigure", "14"),
    ("Exports reached 3 billion last year.", "Newsroom.AmountWithoutUnit", "3 billion"),
    ("The vote is on December 5.", "Newsroom.MonthAbbreviation", "December"),
    ("The vote is on April 5th.", "Newsroom.DateOrdinals", "April 5th"),
    ("The vote ran between May 4-6.", "Newsroom.BetweenRange", "between May 4-6"),
    ("The deal -- signed on Monday.", "Newsroom.DoubleHyphen", " -- "),
    ("The talks ended.Then they left.", "Newsroom.SpaceAfterStop", "."),
    ("Minsk , the capital, is cold.", "Newsroom.SpaceBeforeComma", " "),
    ("The mayor slammed the plan.", "Newsroom.LoadedAttribution", "slammed"),
    ("Officials from the OSCE arrived.", "Newsroom.AcronymFirstUse", "OSCE"),
    ("It was the worst storm on record.", "Newsroom.UnsourcedSuperlative", "the worst storm on record"),
    ("Prices rose .5% in May.", "Newsroom.PercentDecimal", ".5%"),
    ("A zero\u200bwidth space.", "Newsroom.InvisibleCharacters", "\u200b"),
])
def test_rule_catches_with_exact_match(text: str, rule: str, match: str) -> None:
    findings = [f for f in deskcheck.check_text(text, config=PACK) if f.rule == rule]
    assert [f.match for f in findings] == [match]


def test_duplicated_paragraph_points_at_the_first_copy() -> None:
    para = "The council voted to close the old library at the end of the year."
    text = f"{para}\n\nThe mayor disagreed.\n\n{para}\n"
    findings = [f for f in deskcheck.check_text(text, config=PACK) if f.rule == "Newsroom.RepeatedPassage"]
    assert len(findings) == 1
    assert findings[0].position.line == 5
    assert findings[0].related[0].position.line == 1


def test_speakers_words_are_left_alone_but_mechanics_are_not() -> None:
    text = "“We visited Azerbaijani and claimed that twelve  deals were highly-anticipated,” he said."
    rules = {f.rule for f in deskcheck.check_text(text, config=PACK)}
    assert "Newsroom.DemonymAsCountry" not in rules and "Newsroom.LoadedAttribution" not in rules
    assert {"Newsroom.DoubleSpace", "Newsroom.LyHyphen", "Newsroom.NumbersTenAndUp"} <= rules


def test_compound_not_flagged_as_a_noun_phrase() -> None:
    text = "In the long term, the smart city is the goal. She works full time and well."
    assert [f for f in deskcheck.check_text(text, config=PACK) if f.rule == "Newsroom.CompoundModifiers"] == []


@pytest.mark.parametrize("kind,options,problem", [
    ("demonym", {"mode": "sideways"}, "mode"),
    ("demonym", {"mode": "as-country"}, "triggers"),
    ("compound-modifier", {}, "compounds"),
    ("percent-style", {"preferred": "pc"}, "preferred"),
    ("unattributed", {"claims": ["x"]}, "sources"),
])
def test_kind_options_are_validated(tmp_path: Path, kind: str, options: dict[str, Any], problem: str) -> None:
    style = tmp_path / "House"
    (style / "data").mkdir(parents=True)
    (style / "data" / "demonyms.yml").write_text("Azerbaijan: [Azerbaijani]\n", encoding="utf-8")
    lines = "".join(f"{k}: {v!r}\n" if isinstance(v, str) else f"{k}: {v}\n" for k, v in options.items())
    (style / "Bad.yml").write_text(f"extends: {kind}\nmessage: '%s'\n{lines}", encoding="utf-8")
    with pytest.raises(deskcheck.errors.RuleError, match=problem):
        load_style(style)


PACK_RULES = _rules("Newsroom")
FRAGMENTS = st.sampled_from([
    "visited ", "Azerbaijani", " the ", "Belarus president", "“", "”", '"', ",", ".", "\u00a0", " ", "\n",
    "\n\n", "12", "3", " percent", "%", " per cent", "long term ", "plan", "highly-", "President",
    "CSTO", "(", ")", "the the", "from April 13-14", "—", "–", "--", "\u200b", "\U0001f600", "TK",
])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS, max_size=30), st.sampled_from(["md", "txt", "html"]), st.sampled_from(["ap", "uk"]))
def test_pack_never_fails_and_spans_stay_inside(parts: list[str], fmt: str, profile: str) -> None:
    text = "".join(parts)
    result = check_document(parse(text, fmt, "x." + fmt), PACK_RULES, Settings(profile=profile))
    assert not result.failures
    for f in result.findings:
        assert 0 <= f.span.start <= f.span.end <= len(text)
        assert text[f.span.start:f.span.end] == f.match
