"""Every bundled rule carries good and bad examples, and they behave as labelled."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from deskcheck.engine import check_document
from deskcheck.formats import parse
from deskcheck.formats.dates import parse_meta_date
from deskcheck.kinds.base import Settings
from deskcheck.rules import Rule, bundled_rules_dir, bundled_styles, load_style

DEFAULT_STYLES = ("Deskcheck", "Newsroom")


def _all_rules() -> list[Rule]:
    rules: list[Rule] = []
    for style in bundled_styles():
        rules.extend(load_style(bundled_rules_dir() / style, warn=lambda m: None))
    return rules


RULES = _all_rules()
# rules that need a server outside the test run; tests/test_providers.py runs their examples
# against a local stand-in for it
NEEDS_SERVER = {"languagetool"}
OFFLINE_RULES = [r for r in RULES if r.kind_name not in NEEDS_SERVER]


def _run(rule: Rule, example: Any) -> list[str]:
    if isinstance(example, dict):
        text, fmt = example["text"], example.get("format", "md")
        date = parse_meta_date(str(example["date"])) if example.get("date") else None
        profile = example.get("profile", rule.profiles[0] if rule.profiles else "ap")
    else:
        text, fmt, date, profile = str(example), "md", None, rule.profiles[0] if rule.profiles else "ap"
    doc = parse(text, fmt, f"example.{fmt}")
    settings = Settings(profile=profile, article_date=date)
    result = check_document(doc, [rule], settings)
    assert not result.failures, result.failures
    return [f.match for f in result.findings]


def test_default_styles_are_bundled() -> None:
    assert set(DEFAULT_STYLES) <= set(bundled_styles())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_examples(rule: Rule) -> None:
    assert rule.examples.get("good"), f"{rule.id} has no good examples"
    assert rule.examples.get("bad"), f"{rule.id} has no bad examples"


@pytest.mark.parametrize("rule", OFFLINE_RULES, ids=lambda r: r.id)
def test_bad_examples_are_flagged(rule: Rule) -> None:
    for example in rule.examples.get("bad", []):
        assert _run(rule, example), f"{rule.id} missed bad example {example!r}"


@pytest.mark.parametrize("rule", OFFLINE_RULES, ids=lambda r: r.id)
def test_good_examples_are_clean(rule: Rule) -> None:
    for example in rule.examples.get("good", []):
        assert _run(rule, example) == [], f"{rule.id} flagged good example {example!r}"


def test_example_dates_parse() -> None:
    for rule in RULES:
        for ex in rule.examples.get("good", []) + rule.examples.get("bad", []):
            if isinstance(ex, dict) and ex.get("date"):
                assert isinstance(parse_meta_date(str(ex["date"])), dt.date), rule.id
