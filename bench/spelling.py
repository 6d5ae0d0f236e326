#!/usr/bin/env python3
"""Measure the spelling check: dictionary load time, check speed, and what it adds to a run.

    python3 bench/spelling.py [ARTICLE ...]

With no articles it builds its own prose from the bundled frequency list. It reports:
  * load: a fresh process loading the word list (median of 5 processes);
  * first suggestion: the lazy suggestion data on the first misspelling;
  * one-article run: the two spelling rules' own time in a fresh process after the other rules
    ran (dictionary load included), and `deskcheck report ARTICLE` wall time with and without
    them (median of 7 runs each; noisy on a shared machine), for a clean article and for one with
    three slips added;
  * speed: MB/s and words/s of the Spelling rule alone on about 1 MB of text, both from repeated
    articles (few distinct words) and from generated text (many distinct words).
"""
from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SPELLING_RULES = ("Deskcheck.Spelling", "Deskcheck.SpellingVariety")


def fresh_load() -> float:
    code = ("import time, deskcheck.rules, deskcheck.lexicon as l; t = time.perf_counter(); "
            "lx = l.load(); lx.knows('government'); print(time.perf_counter() - t)")
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(5)]
    return statistics.median(times)


def first_suggestion() -> float:
    code = ("import time, deskcheck.rules, deskcheck.lexicon as l; lx = l.load(); "
            "t = time.perf_counter(); lx.suggest('goverment'); lx.suggest('negotiaitons'); "
            "lx.suggest('presidnet'); print(time.perf_counter() - t)")
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True).stdout)


def run_time(path: Path, disable: tuple[str, ...]) -> float:
    cmd = [sys.executable, "-m", "deskcheck", "report", "--format", "json", str(path)]
    for r in disable:
        cmd += ["--disable", r]
    times = []
    for _ in range(7):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


_ADDED = """
import sys, time
from deskcheck import api
from deskcheck.config import Config
from deskcheck.engine import check_document
opts = api.Options()
doc = api.load_document(sys.argv[1], opts)
cfg = Config()
rules = api.rules_for(cfg, opts)
settings = api.settings_for(cfg, doc, opts)
spelling = [r for r in rules if r.id in {ids!r}]
check_document(doc, [r for r in rules if r not in spelling], settings)   # shared analyses warm
t = time.perf_counter()
check_document(doc, spelling, settings)                                  # includes the first load
print(time.perf_counter() - t)
"""


def added_in_process(path: Path) -> float:
    """The spelling rules' own time in a fresh process (dictionary load included), after every
    other rule has run: what they add to a one-article run, without the noise of whole runs."""
    code = _ADDED.replace("{ids!r}", repr(set(SPELLING_RULES)))
    times = [float(subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                                  text=True, check=True).stdout) for _ in range(7)]
    return statistics.median(times)


def generated_prose(n_bytes: int, seed: int = 7) -> str:
    """Sentences of dictionary words drawn by frequency rank (Zipf-like), about n_bytes long."""
    from deskcheck import lexicon

    lex = lexicon.load()
    ranked = sorted((int(v), k) for k, v in (line.split("\t") for line in lex.frequency.text.splitlines()))
    words = [w for _, w in ranked[:60_000]]
    weights = [1 / (i + 10) for i in range(len(words))]
    rng = random.Random(seed)
    out, size = [], 0
    while size < n_bytes:
        sent = rng.choices(words, weights, k=rng.randint(8, 25))
        s = " ".join(sent).capitalize() + ". "
        out.append(s)
        size += len(s)
        if len(out) % 6 == 0:
            out.append("\n\n")
    return "".join(out)


def check_speed(text: str, fmt: str = "txt") -> tuple[float, int]:
    """Seconds for the Spelling rule alone on a parsed document, and the words it read."""
    from deskcheck.analysis.words import words
    from deskcheck.config import Config
    from deskcheck.engine import check_document
    from deskcheck.formats import parse
    from deskcheck.kinds.base import Settings
    from deskcheck.rules import load_styles

    rules = [r for r in load_styles(["Deskcheck"]) if r.id == "Deskcheck.Spelling"]
    doc = parse(text, fmt, "<bench>")
    from deskcheck.analysis.sentences import sentences
    sentences(doc)                       # shared analysis, not the spelling check's own cost
    Config()
    t = time.perf_counter()
    check_document(doc, rules, Settings())
    return time.perf_counter() - t, len(words(doc))


def calibration() -> float:
    """Seconds for a million empty loop turns: about 0.02-0.04 s on an idle core. A larger figure
    means the machine is shared and every timing below is inflated by about the same factor."""
    t = time.perf_counter()
    for _ in range(1_000_000):
        pass
    return time.perf_counter() - t


def main() -> None:
    articles = [Path(a) for a in sys.argv[1:]]
    print(f"calibration: 1M empty loop turns in {calibration() * 1000:.0f} ms")
    print(f"load (fresh process, median of 5): {fresh_load() * 1000:.1f} ms")
    print(f"first three suggestions incl. lazy data (fresh process): {first_suggestion() * 1000:.1f} ms")
    if articles:
        clean = articles[0]
        with tempfile.TemporaryDirectory() as tmp:
            text = clean.read_text(encoding="utf-8")
            body = text.split("\n\n")
            # three slips in the body's longest paragraph, away from the metadata
            i = max(range(len(body)), key=lambda k: len(body[k]))
            body[i] += " The goverment said negotiaitons with the presidnet continue."
            typo_path = Path(tmp) / ("typos" + clean.suffix)
            typo_path.write_text("\n\n".join(body), encoding="utf-8")
            for label, p in (("clean article", clean), ("with 3 slips", typo_path)):
                added = added_in_process(p)
                on = run_time(p, ())
                off = run_time(p, SPELLING_RULES)
                print(f"one-article run, {label} ({p.name}): spelling rules take {added * 1000:.0f} ms "
                      f"in-process (median of 7 fresh processes, load included); whole runs "
                      f"{on * 1000:.0f} ms with, {off * 1000:.0f} ms without")
        repeated = "\n\n".join(a.read_text(encoding="utf-8").split("\n", 1)[-1] for a in articles)
        repeated = (repeated + "\n\n") * (1_000_000 // max(len(repeated), 1) + 1)
        secs, n = check_speed(repeated)
        mb = len(repeated.encode()) / 1e6
        print(f"speed, repeated articles ({mb:.2f} MB, {n} words): {mb / secs:.2f} MB/s, {n / secs:,.0f} words/s")
    text = generated_prose(1_000_000)
    secs, n = check_speed(text)
    mb = len(text.encode()) / 1e6
    print(f"speed, generated prose ({mb:.2f} MB, {n} words): {mb / secs:.2f} MB/s, {n / secs:,.0f} words/s")
    print(f"calibration: 1M empty loop turns in {calibration() * 1000:.0f} ms")


if __name__ == "__main__":
    main()
