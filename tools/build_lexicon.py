#!/usr/bin/env python3
"""Build the spelling check's word lists in rules/Deskcheck/data/ (run once; the output is committed).

Nothing here runs when deskcheck runs: the check only reads the lists this script writes.

Inputs (all build-time only):
  * Hunspell dictionaries, expanded with `unmunch` into every word form:
      en_US from Debian `hunspell-en-us` (SCOWL, permissive licence),
      en_GB from Debian `hunspell-en-gb` (LGPL);  `unmunch` comes from `hunspell-tools`, and
      `hunspell` itself filters the expansion down to the forms Hunspell accepts.
        apt-get update && apt-get install hunspell hunspell-en-us hunspell-en-gb hunspell-tools
  * Word frequencies: the `frequency_dictionary_en_82_765.txt` shipped in the PyPI package
    `symspellpy` (Google Books Ngram counts intersected with SCOWL; CC BY 3.0). Only the
    frequency order of the words is kept.
  * Known misspellings: `codespell_lib/data/dictionary.txt` shipped in the PyPI package
    `codespell` (data CC BY-SA 3.0, from Wikipedia's list of common misspellings). The file is
    read as data; no codespell code is imported.
        pip install symspellpy==6.10.1 codespell==2.4.3   (into any throwaway environment)

Outputs (rules/Deskcheck/data/), each sorted by its first field so the checker can binary-search
the text in place instead of parsing it at start-up (the wheel's zip compresses them):
  words.txt             every form: "word" (en-US and en-GB), "word<TAB>U" (en-US only),
                        "word<TAB>G" (en-GB only)
  frequency.txt         word<TAB>rank, 1 = commonest, for ranking suggestions
  misspellings.txt      typo<TAB>fix[,fix...] for typos no dictionary accepts
  variety.tsv           en-US<TAB>en-GB spelling pairs (color/colour, organize/organise)

Usage:
  python3 tools/build_lexicon.py [--hunspell-dir /usr/share/hunspell] [--out rules/Deskcheck/data]
                                 [--frequency FILE] [--misspellings FILE]
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def unmunch(dic: Path, aff: Path) -> set[str]:
    """Every word form a Hunspell dictionary accepts (without compounding), as written."""
    out = subprocess.run(["unmunch", str(dic), str(aff)], capture_output=True, check=True).stdout
    # unmunch also stacks affixes Hunspell itself would refuse ("governmentesations" from the
    # en_GB rules); keep only the forms `hunspell -G` (print correct words) accepts
    out = subprocess.run(["hunspell", "-d", str(dic.with_suffix("")), "-G"], input=out,
                         capture_output=True, check=True).stdout
    words = set()
    for line in out.decode("utf-8", "replace").splitlines():
        w = line.strip().replace("\u2019", "'")
        # numbers ("1st") are never checked; a stray slash is an unexpanded flag
        if w and not any(c.isdigit() for c in w) and "/" not in w:
            words.add(w)
    return words


def drop_possessives(words: set[str]) -> set[str]:
    """"colour's" adds nothing: the checker strips a possessive before looking a word up."""
    return {w for w in words if not (w.endswith("'s") and w[:-2] in words)}


def package_file(package: str, relative: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"build_lexicon: install the PyPI package '{package}' (build time only) or pass its file")
    return Path(list(spec.submodule_search_locations)[0]) / relative


def frequency_order(path: Path, lexicon: set[str]) -> list[str]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in lexicon:
            rows.append((int(parts[1]), parts[0]))
    rows.sort(key=lambda r: (-r[0], r[1]))
    return [w for _, w in rows]


def misspellings(path: Path, lexicon: set[str], lower: set[str]) -> list[tuple[str, list[str]]]:
    """codespell's typo->fix list, kept only where no dictionary accepts the typo and every fix
    is a dictionary word (so a suggestion is never itself a misspelling)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "->" not in line:
            continue
        typo, rhs = line.split("->", 1)
        typo = typo.strip()
        items = [s.strip() for s in rhs.split(",")]
        if "," in rhs and not rhs.rstrip().endswith(","):
            items = items[:-1]          # the last item is a reason, not a fix
        fixes = [s for s in items if s]
        if not typo.isalpha() or not typo.islower() or typo in lower or not fixes:
            continue
        if all(all(part in lexicon for part in re.split(r"[ ]", f)) for f in fixes):
            out.append((typo, fixes))
    out.sort()
    return out


# en-US -> en-GB spelling changes, as (US regex, GB replacement). A pair is kept only when both
# forms are dictionary words of their variety and the British form is not an en-US word.
SUFFIX_RULES = [
    (r"(?<=[a-z]{3})iz(?=(?:e|es|ed|ing|ation|ations|er|ers|able)$)", "is"),   # organize/organise
    (r"(?<=[a-z]{2})yz(?=(?:e|es|ed|ing|er|ers)$)", "ys"),                     # analyze/analyse
    (r"(?<=[a-z]{2})or(?=(?:|s|ed|ing|ful|fully|ite|ites|able|ably|less|er|ers)$)", "our"),
    (r"(?<=[a-z]{2}[^aeiou])er(?=(?:|s)$)", "re"),                            # center/centre
    (r"(?<=[a-z]{2}[^aeiou])ered$", "red"),                               # centered/centred
    (r"(?<=[a-z]{3}[aeiou])l(?=(?:ed|ing|er|ers)$)", "ll"),                  # traveled/travelled
    (r"(?<=[a-z]{2})ense(?=(?:|s|less)$)", "ence"),                          # defense/defence
    (r"(?<=[a-z]{2})og(?=(?:|s)$)", "ogue"),                                 # catalog/catalogue
    (r"(?<=[a-z]{3})ll(?=(?:ment|ments|ful|fully)$)", "l"),                  # enrollment/enrolment
    (r"(?<=[a-z]{3})l(?=(?:|s)$)", "ll"),                                    # fulfil(l), instal(l)
    (r"^(?=.{5})([a-z]*?)e(?=[a-z]{3})", r"\1ae"),                       # pediatric/paediatric
    (r"^(?=.{5})([a-z]*?)e(?=[a-z]{3})", r"\1oe"),                       # estrogen/oestrogen
]
# pairs no suffix rule produces; kept only if both forms pass the dictionary test
IRREGULAR = """gray grey; tire tyre; tires tyres; plow plough; plows ploughs; aluminum aluminium;
mold mould; molds moulds; moldy mouldy; jewelry jewellery; pajamas pyjamas; artifact artefact;
artifacts artefacts; cozy cosy; skeptic sceptic; skeptical sceptical; skepticism scepticism;
mustache moustache; program programme; programs programmes; aging ageing; judgment judgement;
judgments judgements; acknowledgment acknowledgement; maneuver manoeuvre; maneuvers manoeuvres;
maneuvering manoeuvring; maneuvered manoeuvred; sulfur sulphur; donut doughnut; donuts doughnuts;
check cheque; checks cheques; curb kerb; story storey; airplane aeroplane; airplanes aeroplanes;
mom mum; moms mums; math maths; license licence; licenses licences; practice practise;
pretense pretence; whiskey whisky; cookie biscuit"""
# same spelling, different words: a suggestion between these would change the meaning
NOT_VARIETY = {("check", "cheque"), ("checks", "cheques"), ("curb", "kerb"), ("story", "storey"),
               ("mom", "mum"), ("moms", "mums"), ("license", "licence"), ("licenses", "licences"),
               ("practice", "practise"), ("program", "programme"), ("programs", "programmes"),
               ("whiskey", "whisky"), ("cookie", "biscuit"), ("math", "maths"),
               ("meter", "metre"), ("meters", "metres")}


def variety_pairs(us: set[str], gb: set[str]) -> list[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for u in us:
        if not u.isalpha() or not u.islower():
            continue
        for pattern, repl in SUFFIX_RULES:
            g = re.sub(pattern, repl, u, count=1)
            if g == u or g not in gb or g in us:
                continue
            # -ize is Oxford British too, so en-GB may list it; other US forms must be US-only
            if u in gb and "iz" not in u and "yz" not in u:
                continue
            pairs.add((u, g))
    for item in IRREGULAR.replace("\n", " ").split(";"):
        u, g = item.split()
        if u in us and u not in gb and g in gb and g not in us:
            pairs.add((u, g))
    return sorted(p for p in pairs if p not in NOT_VARIETY)


def write_sorted(path: Path, rows: list[str]) -> None:
    """One row a line, sorted by the first field in the order Python compares strings."""
    rows = sorted(rows, key=lambda r: r.partition("\t")[0])
    path.write_text("".join(r + "\n" for r in rows), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hunspell-dir", type=Path, default=Path("/usr/share/hunspell"))
    ap.add_argument("--out", type=Path, default=ROOT / "rules" / "Deskcheck" / "data")
    ap.add_argument("--frequency", type=Path, help="symspellpy's frequency_dictionary_en_82_765.txt")
    ap.add_argument("--misspellings", type=Path, help="codespell's data/dictionary.txt")
    args = ap.parse_args()
    hd = args.hunspell_dir
    us = drop_possessives(unmunch(hd / "en_US.dic", hd / "en_US.aff"))
    gb = drop_possessives(unmunch(hd / "en_GB.dic", hd / "en_GB.aff"))
    lexicon = us | gb
    lower = {w.lower() for w in lexicon}
    freq_path = args.frequency or package_file("symspellpy", "frequency_dictionary_en_82_765.txt")
    miss_path = args.misspellings or package_file("codespell_lib", "data/dictionary.txt")
    args.out.mkdir(parents=True, exist_ok=True)
    write_sorted(args.out / "words.txt", [w for w in us & gb] + [f"{w}\tU" for w in us - gb]
                 + [f"{w}\tG" for w in gb - us])
    freq = frequency_order(freq_path, lexicon)
    write_sorted(args.out / "frequency.txt", [f"{w}\t{i + 1}" for i, w in enumerate(freq)])
    miss = misspellings(miss_path, lexicon, lower)
    write_sorted(args.out / "misspellings.txt", [f"{t}\t{','.join(f)}" for t, f in miss])
    pairs = variety_pairs(us, gb)
    (args.out / "variety.tsv").write_text("".join(f"{u}\t{g}\n" for u, g in pairs), encoding="utf-8")
    print(f"common {len(us & gb)}, en-US only {len(us - gb)}, en-GB only {len(gb - us)}, "
          f"frequency {len(freq)}, misspellings {len(miss)}, variety pairs {len(pairs)}")


if __name__ == "__main__":
    main()
