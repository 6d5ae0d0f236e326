"""The engine's per-list plan (each rule's scope and prefilter, worked out once per rule list)
gives the findings a fresh look at every rule gives, also after the list's rules change."""
from __future__ import annotations

from deskcheck.engine import check_document
from deskcheck.formats import parse
from deskcheck.kinds.base import Settings
from deskcheck.rules import load_styles

TEXT = """# The committee utilize the plan

The the minister visited Azerbaijani last week.The talks ended early ,and 5 people left.
Trailing space here.  \n\n\n\nIn order to win, they said, 50 per cent must vote.
"""


def _found(doc, rules, settings) -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.span.start, f.span.end, f.message) for f in check_document(doc, rules, settings).findings]


def test_a_plan_follows_changes_to_its_list() -> None:
    rules = [r.replace() for r in load_styles(["Deskcheck", "Newsroom"], None)]
    settings = Settings()
    doc = parse(TEXT, "md", "plan.md")
    first = _found(doc, rules, settings)
    assert first == _found(doc, list(rules), settings)          # a fresh list: a fresh plan
    assert {"Newsroom.SpaceAfterStop", "Newsroom.TrailingSpace", "Newsroom.DoubleBlankLines"} <= {f[0] for f in first}

    stop = next(i for i, r in enumerate(rules) if r.id == "Newsroom.SpaceAfterStop")
    rules[stop].enabled = False                                  # a rule turned off in place
    assert _found(doc, rules, settings) == _found(doc, list(rules), settings)
    assert "Newsroom.SpaceAfterStop" not in {f[0] for f in _found(doc, rules, settings)}

    trailing = next(i for i, r in enumerate(rules) if r.id == "Newsroom.TrailingSpace")
    rules[trailing] = rules[trailing].replace(scope=("text",))  # a rule replaced by another scope
    assert _found(doc, rules, settings) == _found(doc, list(rules), settings)

    blank = next(i for i, r in enumerate(rules) if r.id == "Newsroom.DoubleBlankLines")
    rules[blank].scope = ("text",)                               # a scope changed in place
    assert _found(doc, rules, settings) == _found(doc, list(rules), settings)
    assert "Newsroom.DoubleBlankLines" not in {f[0] for f in _found(doc, rules, settings)}
