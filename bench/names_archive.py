"""Benchmark: archive mode of the names check on a generated archive.

Writes N short articles (default 1,000) to a temporary folder: a pool of people and places, each
with one usual spelling, and a few articles that use another spelling of one name. Then times

  1. `deskcheck report` on the folder (every rule, no archive),
  2. `deskcheck report --archive` (the same plus the cross-article pass),
  3. the cross-article index alone (name mentions + grouping, on articles already parsed),

and prints the seconds, the ratio of 2 to 1, and how many of the planted minority spellings
the archive pass reported (with how many other archive findings it made).

    python bench/names_archive.py [N]
"""
from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GIVEN = ["Maria", "Tomas", "Olena", "Pavel", "Amira", "Kofi", "Ingrid", "Rafael", "Yuki", "Dmitro",
         "Leila", "Bruno", "Aiko", "Samuel", "Nadia", "Viktor", "Chen", "Priya", "Omar", "Greta"]
SURNAMES = ["Hrytsenko", "Valdivieso", "Kowalczyk", "Osei", "Lindqvist", "Moreau", "Tanaka", "Petrenko",
            "Haddad", "Ferreira", "Nakamura", "Okonkwo", "Sandoval", "Brennan", "Castellano", "Marchetti",
            "Yilmaz", "Novak", "Abernathy", "Szabo", "Karimov", "Delacroix", "Mbeki", "Rasmussen"]
# (usual spelling, minority spelling planted in a few articles)
VARIANTS = [("Hrytsenko", "Gritsenko"), ("Karimov", "Karimow"), ("Yilmaz", "Yılmaz"),
            ("Petrenko", "Petrenka"), ("Haddad", "Hadad"), ("Kowalczyk", "Kovalchyk")]
PLACES = ["Odesa", "Tbilisi", "Almaty", "Bratislava", "Porto", "Gdansk", "Tartu", "Mombasa", "Cusco",
          "Trondheim", "Izmir", "Varna", "Kaunas", "Sapporo", "Valparaiso", "Tampere"]
TEMPLATES = [
    "{p1} said on {day} that the council in {place} would publish its plans for the harbour.",
    "Officials in {place} confirmed that {s1} had met {p2} to discuss the budget.",
    "\"We will keep working on this,\" {s1} told reporters after the meeting in {place}.",
    "{s2} said the decision was taken after weeks of talks with residents of {place}.",
    "The proposal, backed by {p2}, still needs approval from the regional assembly.",
    "Critics said {s1} had not explained how the project would be paid for.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


SYLLABLES = ["ka", "lo", "vin", "dra", "mes", "tor", "shi", "ben", "rak", "sul", "men", "gor", "fal", "nit",
             "pes", "zur", "ol", "bri", "dan", "hew", "jor", "kin", "mar", "sen", "tu", "vek", "wal", "yor"]


def extra_names(rng: random.Random, count: int) -> list[str]:
    """Made-up surnames, so the archive holds thousands of distinct names as a real one does."""
    out = set()
    while len(out) < count:
        out.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize())
    return sorted(out)


def make_archive(folder: Path, n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    crowd = extra_names(rng, 5 * n)
    planted = []
    for i in range(n):
        people = rng.sample(range(len(SURNAMES)), 2)
        names = [(GIVEN[(k * 7) % len(GIVEN)], SURNAMES[k]) for k in people]
        swap: dict[str, str] = {}
        if i % 25 == 3:       # every 25th article spells one name the minority way
            usual, other = VARIANTS[(i // 25) % len(VARIANTS)]
            names[0] = (GIVEN[SURNAMES.index(usual) * 7 % len(GIVEN)], usual)
            swap[usual] = other
            planted.append((f"a{i:04d}.md", other))
        place = rng.choice(PLACES)
        (g1, s1), (g2, s2) = names
        s1, s2 = swap.get(s1, s1), swap.get(s2, s2)
        paras = []
        for _ in range(6):
            t = rng.choice(TEMPLATES)
            paras.append(t.format(p1=f"{g1} {s1}", s1=s1, p2=f"{g2} {s2}", s2=s2, place=place,
                                  day=rng.choice(DAYS)))
        # a paragraph naming five more people, as council and court reports do
        others = rng.sample(crowd, 5)
        paras.append(f"Also present were {others[0]}, {others[1]} and {others[2]}; "
                     f"{others[3]} and {GIVEN[i % len(GIVEN)]} {others[4]} sent apologies.")
        body = "\n\n".join(paras)
        (folder / f"a{i:04d}.md").write_text(
            f"---\ntitle: \"Council in {place} weighs harbour plan\"\ndate: 2024-05-{1 + i % 28:02d}\n"
            f"author: Staff\n---\n\n{body}\n", encoding="utf-8")
    return planted


def _child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (steadier on a shared machine) and stdout of one command."""
    t0, c0 = time.perf_counter(), _child_cpu()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    return time.perf_counter() - t0, _child_cpu() - c0, proc.stdout


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        planted = make_archive(folder, n)
        base = [sys.executable, "-m", "deskcheck", "report", "--format", "json", str(folder)]
        t_plain, c_plain, _ = timed(base)
        t_archive, c_archive, out = timed(base + ["--archive"])
        code = ("import sys,time; from deskcheck.api import load_document, Options; "
                "from deskcheck.archive import build_index; from deskcheck.discover import discover; "
                "o=Options(); docs=[load_document(p,o) for p in discover([sys.argv[1]])]; "
                "t=time.process_time(); idx=build_index(docs); "
                "print(time.process_time()-t, len(idx.names))")
        idx = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True).stdout.split()
        data = json.loads(out)
        files = data["files"] if isinstance(data, dict) else data
        found = set()
        other = 0
        for fr in files:
            for f in fr.get("findings", []):
                if f.get("rule") == "Deskcheck.HouseNames" and "archive" in f.get("message", ""):
                    name = Path(fr["path"]).name
                    if (name, f.get("match")) in planted:
                        found.add((name, f.get("match")))
                    else:
                        other += 1
        print(f"articles: {n}")
        print(f"report, no archive:     {t_plain:6.2f} s wall, {c_plain:6.2f} s CPU")
        print(f"report --archive:       {t_archive:6.2f} s wall, {c_archive:6.2f} s CPU  (x{c_archive / c_plain:.2f} CPU)")
        print(f"cross-article index:    {float(idx[0]):6.2f} s CPU ({idx[1]} distinct names; articles already parsed)")
        print(f"planted minority spellings reported: {len(found)}/{len(planted)}; other archive findings: {other}")


if __name__ == "__main__":
    main()
