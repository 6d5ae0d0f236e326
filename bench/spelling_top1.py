#!/usr/bin/env python3
"""How often is the first suggestion the intended word?

    python3 bench/spelling_top1.py [DIR ...]        labelled articles (ARTICLE + ARTICLE.gold.json)
    python3 bench/spelling_top1.py --synthetic N    N generated keyboard slips on common words

Labelled mode runs `deskcheck report --format json` on the articles, takes each `spelling` gold
item whose note names the intended word ("... typo for 'stepped'"), finds the finding on its line
whose match contains the gold string, and compares the first suggestion with that word. It prints
the top-1 rate for keyboard slips (notes saying "keyboard") and for all named items.

Synthetic mode makes one slip (neighbouring key, extra key, dropped letter, doubled letter, two
letters swapped) in common words of five letters or more, keeps slips no dictionary accepts, and
scores the suggester on them: a check on the ranking that no article list can be tuned to.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from pathlib import Path

SUFFIXES = (".md", ".txt", ".html")


def labelled(dirs: list[str]) -> None:
    arts = [p for d in dirs for p in sorted(Path(d).iterdir())
            if p.suffix in SUFFIXES and p.with_name(p.stem + ".gold.json").exists()]
    out = subprocess.run([sys.executable, "-m", "deskcheck", "report", "--format", "json",
                          *map(str, arts)], capture_output=True, text=True).stdout
    by_path = {str(Path(f["path"]).resolve()): f["findings"] for f in json.loads(out)["files"]}
    rows = []
    for art in arts:
        gold = json.loads(art.with_name(art.stem + ".gold.json").read_text(encoding="utf-8"))
        found = [f for f in by_path.get(str(art.resolve()), []) if f.get("category") == "spelling"]
        for item in gold:
            note = item.get("note", "")
            named = re.search(r"(?:for|of) '([^']+)'", note)
            if item["category"] != "spelling" or not named:
                continue
            want = named.group(1)
            hit = next((f for f in found if f.get("line") in item["lines"]
                        and any(m.lower() in (f.get("match") or "").lower() for m in item["match"])), None)
            first = (hit.get("suggestions") or [None])[0] if hit else None
            rows.append((art.name, item["match"][0], want, first, "keyboard" in note))
    for name, typo, want, first, kb in rows:
        mark = "ok " if first is not None and first.lower() == want.lower() else "-- "
        print(f"{mark}{name}: {typo} -> {first!r} (intended {want!r}){' [keyboard]' if kb else ''}")
    for label, subset in (("keyboard slips", [r for r in rows if r[4]]), ("all named", rows)):
        good = sum(1 for r in subset if r[3] is not None and r[3].lower() == r[2].lower())
        if subset:
            print(f"top-1 {label}: {good}/{len(subset)} = {good / len(subset):.3f}")


ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def neighbours(ch: str) -> str:
    for r, row in enumerate(ROWS):
        if ch in row:
            c = row.index(ch)
            near = [row[c - 1] if c > 0 else "", row[c + 1] if c + 1 < len(row) else ""]
            for rr in (r - 1, r + 1):
                if 0 <= rr < len(ROWS):
                    near += [ROWS[rr][j] for j in (c - 1, c, c + 1) if 0 <= j < len(ROWS[rr])]
            return "".join(n for n in near if n)
    return ch


def slip(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)      # typists rarely miss the first letter
    kind = rng.choice(("near", "extra", "drop", "double", "swap"))
    if kind == "near":
        return word[:i] + rng.choice(neighbours(word[i])) + word[i + 1:]
    if kind == "extra":
        return word[:i] + rng.choice(neighbours(word[i])) + word[i:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def synthetic(n: int, seed: int = 11) -> None:
    from deskcheck import lexicon

    lex = lexicon.load()
    ranked = sorted((int(v), k) for k, v in (line.split("\t") for line in lex.frequency.text.splitlines()))
    pool = [w for _, w in ranked[:20_000] if len(w) >= 5 and w.isalpha()]
    rng = random.Random(seed)
    good = top5 = total = 0
    while total < n:
        word = rng.choice(pool)
        typo = slip(word, rng)
        if lex.knows(typo):
            continue
        total += 1
        sugg = lex.suggest(typo)
        good += bool(sugg) and sugg[0] == word
        top5 += word in sugg
    print(f"synthetic slips on the 20,000 commonest words: top-1 {good / total:.3f}, "
          f"top-5 {top5 / total:.3f} (n={total}, seed {seed})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--synthetic", type=int, default=0)
    ap.add_argument("dirs", nargs="*")
    args = ap.parse_args()
    if args.dirs:
        labelled(args.dirs)
    if args.synthetic:
        synthetic(args.synthetic)


if __name__ == "__main__":
    main()
