"""Date extraction speed, in mentions per second (and sentences per second).

Builds a synthetic article from sentences written for this benchmark, repeats it, and times
`deskcheck.analysis.dates.extract` (the extraction and resolution, not the checks) and the whole
Dates rule. Run: python bench/dates.py [repeats]
"""
from __future__ import annotations

import datetime as dt
import sys
import time

from deskcheck.analysis.dates import extract
from deskcheck.api import Options, load_document

SENTENCES = [
    "The council met on Tuesday, April 20, to discuss the budget for the 2024-25 year.",
    "Officials said the visit, from April 13-14, was the first since 2019.",
    "May said the plan would pass, and April Jones agreed yesterday.",
    "The festival runs June 27-July 10 and tickets go on sale next week.",
    "The 45-year-old mayor, who was born in 1976, won 4-6, 6-3 in a charity match.",
    "A day earlier, the board had voted to close the 2,021-seat hall on 21 April 2021.",
    "The plant opened in March 2020, and a second line will follow later this year.",
    "Residents marked the 40th anniversary of the flood last month, 30 years after the dam was built.",
    "The talks, which began on Monday, will resume on Friday of next week.",
    "She finished the race in 2:01:09, a course record set in 2018.",
]
# sentences with no date, so the mixed article is closer to real copy (about one in three dated)
PLAIN = [
    "The proposal drew sharp criticism from residents who packed the chamber.",
    "Critics argued that the plan would raise costs for small businesses.",
    "The agency did not respond to a request for comment.",
    "Supporters said the changes were overdue and would save money over time.",
    "Several members abstained, citing a lack of detail in the final draft.",
    "The mayor called the outcome a victory for the neighborhood.",
    "Engineers are still assessing the damage to the bridge and nearby roads.",
    "Local businesses reported a sharp drop in visitors during the closure.",
    "The union said its members would decide their next steps at a meeting.",
    "Analysts expect the decision to face a legal challenge.",
    "A spokesperson declined to say how many people had applied.",
    "The committee published its findings in a short statement.",
    "Opposition leaders accused the government of rushing the vote.",
    "Residents lined the streets as the procession passed.",
    "The museum's collection includes paintings, letters and manuscripts.",
    "Police closed the road while investigators examined the scene.",
    "Farmers warned that storage space was running out.",
    "The company said the job cuts would not affect its stores.",
    "Teachers welcomed the announcement but asked for more detail.",
    "The ministry said it was monitoring the situation closely.",
]
DENSE = " ".join(SENTENCES)
MIXED = " ".join(s for pair in zip(SENTENCES, PLAIN[:10], PLAIN[10:]) for s in pair)


def measure(name: str, article: str, n_sent: int, repeats: int) -> None:
    text = "\n\n".join([article] * repeats)
    doc = load_document("<bench>", Options(), text=text, fmt="md")
    ref = dt.date(2021, 4, 21)
    extract(doc, ref)                       # warm up: sentences and quotes are cached per document
    runs = 5
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for _ in range(runs):
        ms = extract(doc, ref)
    wall = (time.perf_counter() - wall0) / runs
    cpu = (time.process_time() - cpu0) / runs
    total = n_sent * repeats
    print(f"{name}: {len(ms)} mentions in {total} sentences ({len(text):,} characters), "
          f"CPU {cpu * 1000:.0f} ms per pass (wall {wall * 1000:.0f} ms)")
    print(f"  {len(ms) / cpu:,.0f} mentions/s, {total / cpu:,.0f} sentences/s, "
          f"{cpu / total * 1000:.3f} s per 1,000 sentences (CPU time)")


def measure_rule(article: str, n_sent: int, repeats: int) -> None:
    """The whole Deskcheck.Dates rule (extraction and every check) on a fresh document."""
    from deskcheck.engine import check_document
    from deskcheck.kinds.base import Settings
    from deskcheck.rules import bundled_rules_dir, load_rule

    base = bundled_rules_dir() / "Deskcheck"
    rule = load_rule(base / "Dates.yml", "Deskcheck", base)
    assert rule is not None
    text = "\n\n".join([article] * repeats)
    best = float("inf")
    for _ in range(3):
        doc = load_document("<bench>", Options(), text=text, fmt="md")
        cpu0 = time.process_time()
        check_document(doc, [rule], Settings(article_date=dt.date(2021, 4, 21)))
        best = min(best, time.process_time() - cpu0)
    total = n_sent * repeats
    print(f"whole Dates rule, mixed: {total} sentences, CPU {best * 1000:.0f} ms "
          f"({best / total * 1000:.3f} s per 1,000 sentences, sentence splitting included)")


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    measure("dense (every sentence dated)", DENSE, len(SENTENCES), repeats)
    measure("mixed (one sentence in three dated)", MIXED, len(SENTENCES) * 3, repeats)
    measure_rule(MIXED, len(SENTENCES) * 3, repeats)


if __name__ == "__main__":
    main()
