"""Benchmark: the names check on one article as it grows (is grouping near-linear?).

Builds an article of N paragraphs, each naming a few people from a pool that grows with the
article (so long articles also have more distinct names), and times finding the mentions and
grouping them, for N = 25, 50, ... Prints seconds and seconds per paragraph.

    python bench/names_article.py
"""
from __future__ import annotations

import random
import time

from deskcheck.analysis.names import group_names, mentions
from deskcheck.formats import parse

SYL = ["ka", "lo", "vin", "dra", "mes", "tor", "shi", "ben", "rak", "sul", "men", "gor", "fal", "nit", "pes"]


def article(paragraphs: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    pool = sorted({"".join(rng.choice(SYL) for _ in range(3)).capitalize() for _ in range(paragraphs * 3)})
    out = []
    for _ in range(paragraphs):
        a, b, c = rng.sample(pool, 3)
        out.append(f"{a} told the committee that {b} had met President {c} in Kaunas on Monday. "
                   f"\u201cWe agreed on nothing,\u201d {b} said, while {c}'s office declined to comment.")
    return "\n\n".join(out)


def main() -> None:
    print(f"{'paragraphs':>10} {'names':>6} {'seconds':>8} {'ms/paragraph':>13}")
    for n in (25, 50, 100, 200, 400, 800):
        doc = parse(article(n), "md", "bench.md")
        t = time.process_time()
        ms = mentions(doc)
        groups = group_names(doc, ms)
        dt = time.process_time() - t
        print(f"{n:>10} {len(groups):>6} {dt:>8.3f} {1000 * dt / n:>13.2f}")


if __name__ == "__main__":
    main()
