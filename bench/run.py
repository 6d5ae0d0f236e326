"""deskcheck's benchmark: one command, a reproducible corpus, deskcheck beside proselint and codespell.

    pip install -e '.[bench]'      # proselint and codespell, for the comparison
    python bench/run.py            # full run (a few minutes on two cores)
    python bench/run.py --quick    # fewer repeats, for a quick look while working

The corpus is built from real article text: the labelled evaluation articles in a `shared/eval/`
folder beside the repository (or above it) when there is one, otherwise the repository's
`examples/`; `--articles DIR` picks another folder. Each article is replicated with its body
paragraphs rotated, to 1,000 files, and concatenated into one large Markdown file of about 1 MB;
everything is written under `bench/out/` (git-ignored) and rebuilt identically on every run.

Every program runs as a separate process on the same files, with its output discarded, after one
untimed warm-up run (so byte-code and the OS file cache are warm, as on a developer's machine).
Reported: the wall time of one article from a cold process (a pre-commit hook's latency; also
with the user's stores of compiled patterns and parsed rules empty, as on a machine's first run), MB/s on
the large file and on the 1,000 files, peak memory (the largest process's maximum resident set,
from wait4), `--jobs 2` against `--jobs 1`, a re-run over unchanged files with the result cache,
the ratios against the peers, and deskcheck's time per rule kind, rule and analysis
(`--profile-rules`). codespell is GPL: it is only ever run as a program, never imported.
Results also go to `bench/out/results.json`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
SUFFIXES = (".md", ".txt", ".html")
N_FILES = 1000
BIG_BYTES = 1_000_000


# -- corpus --------------------------------------------------------------------------------------

def find_articles(explicit: str | None) -> tuple[str, list[Path]]:
    """Source articles: --articles, else shared/eval beside (or above) the repository, else examples/."""
    candidates: list[tuple[str, Path]] = []
    if explicit:
        candidates.append(("--articles", Path(explicit)))
    for parent in REPO.parents:
        candidates.append(("shared evaluation articles", parent / "shared" / "eval"))
        if (parent / ".git").exists():
            break
    candidates.append(("the repository's examples/", REPO / "examples"))
    for label, folder in candidates:
        if folder.is_dir():
            # a folder's README describes the articles; it is not one of them
            files = sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES and p.is_file()
                           and not p.name.upper().startswith("README"))
            # the same article in two sets (a typo-seeded copy) counts once
            seen: set[str] = set()
            unique = []
            for p in files:
                digest = hashlib.sha256(re.sub(r"\W+", "", p.read_text(encoding="utf-8")).encode()).hexdigest()
                if digest[:12] not in seen:
                    seen.add(digest[:12])
                    unique.append(p)
            if unique:
                return label, unique
    sys.exit("bench: no articles found (give --articles DIR with .md/.txt/.html files)")


_FRONT = re.compile(r"\A---\s*\n.*?\n(?:---|\.\.\.)\s*\n", re.S)
_HTML_P = re.compile(r"<p\b.*?</p>", re.S | re.I)


def rotate(text: str, suffix: str, k: int) -> str:
    """The article with its body paragraphs rotated by k: same words, another order, so files differ."""
    if k == 0:
        return text
    if suffix == ".html":
        paras = _HTML_P.findall(text)
        if len(paras) < 3:
            return text
        body = paras[1:]
        k %= len(body)
        new = [paras[0]] + body[k:] + body[:k]
        it = iter(new)
        return _HTML_P.sub(lambda m: next(it), text)
    front = _FRONT.match(text)
    head, rest = (text[:front.end()], text[front.end():]) if front else ("", text)
    blocks = re.split(r"\n[ \t]*\n", rest.strip("\n"))
    if len(blocks) < 4:
        return text
    keep, body = blocks[:2], blocks[2:]      # title or headline and first paragraph stay on top
    k %= len(body)
    return head + "\n\n".join(keep + body[k:] + body[:k]) + "\n"


def body_of(text: str, suffix: str) -> str:
    if suffix == ".html":
        return "\n\n".join(re.sub(r"<[^>]+>", "", p).strip() for p in _HTML_P.findall(text))
    front = _FRONT.match(text)
    return text[front.end():] if front else text


@dataclass
class Corpus:
    source: str
    articles: list[Path]
    folder: Path
    files: Path
    big: Path
    one: Path
    files_bytes: int = 0
    n_files: int = 0

    def describe(self) -> str:
        return (f"{len(self.articles)} source articles ({self.source}) -> {self.n_files} files, "
                f"{self.files_bytes / 1e6:.2f} MB; one large file {self.big.stat().st_size / 1e6:.2f} MB; "
                f"cold-start article {self.one.name} ({self.one.stat().st_size / 1e3:.1f} kB)")


def build_corpus(source: str, articles: list[Path], n_files: int) -> Corpus:
    texts = [(p, p.read_text(encoding="utf-8")) for p in articles]
    folder = OUT / "corpus"
    if folder.exists():
        shutil.rmtree(folder)
    files = folder / "files"
    files.mkdir(parents=True)
    total = 0
    for i in range(n_files):
        path, text = texts[i % len(texts)]
        variant = rotate(text, path.suffix, i // len(texts))
        out = files / f"{i:04d}-{path.stem}{path.suffix}"
        out.write_text(variant, encoding="utf-8")
        total += len(variant.encode("utf-8"))
    # one large Markdown file: article bodies, each under its own heading, to ~1 MB
    parts: list[str] = []
    size = 0
    i = 0
    while size < BIG_BYTES:
        path, text = texts[i % len(texts)]
        body = body_of(rotate(text, path.suffix, i // len(texts)), path.suffix).strip()
        part = f"## {path.stem.replace('-', ' ')} ({i})\n\n{body}\n"
        parts.append(part)
        size += len(part.encode("utf-8")) + 1
        i += 1
    big = folder / "big.md"
    big.write_text("\n".join(parts), encoding="utf-8")
    # the cold-start article: the Markdown article of median size (what a pre-commit hook sees)
    md = sorted((p for p, _ in texts if p.suffix == ".md"), key=lambda p: p.stat().st_size) or [texts[0][0]]
    chosen = md[len(md) // 2]
    one = folder / f"one{chosen.suffix}"
    one.write_text(chosen.read_text(encoding="utf-8"), encoding="utf-8")
    return Corpus(source, articles, folder, files, big, one, total, n_files)


# -- running programs ----------------------------------------------------------------------------

@dataclass
class Run:
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)      # user + system seconds, pool workers included
    peak_mb: float = 0.0
    code: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    @property
    def best(self) -> float:
        return min(self.seconds)


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    # byte-code as an installed package has it: the warm-up run writes it, timed runs read it
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("DESKCHECK_PROFILE_RULES", None)
    env["NO_COLOR"] = "1"
    env.update(extra or {})
    return env


def measure(cmd: list[str], repeat: int, env: dict[str, str], cwd: Path, warmup: bool = True) -> Run:
    """Wall time of each run, and the largest process's peak RSS over the runs (wait4)."""
    run = Run()
    for i in range(repeat + (1 if warmup else 0)):
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1, 65):   # 65: codespell found typos
            sys.exit(f"bench: {' '.join(cmd)} failed with exit {proc.returncode}:\n{err.decode(errors='replace')[-2000:]}")
        run.code = proc.returncode
        if warmup and i == 0:
            continue
        run.seconds.append(elapsed)
        run.cpu.append(usage.ru_utime + usage.ru_stime)
        # Linux reports kilobytes, macOS bytes
        rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
        run.peak_mb = max(run.peak_mb, rss)
    return run


def tool(name: str) -> str | None:
    """A program installed beside this Python (the bench venv), else on PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


# -- the benchmark -------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats (numbers are noisier)")
    ap.add_argument("--articles", help="folder of source articles (default: shared/eval, else examples/)")
    ap.add_argument("--files", type=int, default=N_FILES, help="how many article files (default 1000)")
    ap.add_argument("--no-peers", action="store_true", help="skip proselint and codespell")
    args = ap.parse_args()
    # the warm-up (byte-code, file cache) is the first cold-start run of each program; the long
    # runs after it need none, and two of each are enough to see noise
    cold_repeat, repeat = (5, 1) if args.quick else (15, 2)

    source, articles = find_articles(args.articles)
    corpus = build_corpus(source, articles, args.files)
    print(f"corpus: {corpus.describe()}")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    env = _env()
    work = corpus.folder
    cache_dir = Path(tempfile.mkdtemp(prefix="deskcheck-bench-cache-"))

    dc = tool("deskcheck")
    if dc is None:
        sys.exit("bench: deskcheck is not installed in this environment (pip install -e '.[bench]')")
    peers: dict[str, list[str]] = {}
    if not args.no_peers:
        pl, cs = tool("proselint"), tool("codespell")
        if pl:
            peers["proselint"] = [pl, "check"]
        if cs:
            # codespell skips nothing by default; -q 2 leaves out warnings about binary files
            peers["codespell"] = [cs]
        for name in ("proselint", "codespell"):
            if name not in peers:
                print(f"note: {name} is not installed (pip install -e '.[bench]'): no ratio against it")

    files_mb = corpus.files_bytes / 1e6
    big_mb = corpus.big.stat().st_size / 1e6
    rows: dict[str, dict[str, float]] = {}
    dc_report = [dc, "report", "--no-cache"]

    def record(tool_name: str, key: str, value: float) -> None:
        rows.setdefault(tool_name, {})[key] = value

    print("\nmeasuring (times are medians; peak = largest process) ...", flush=True)
    # 1. pre-commit latency: one article, cold process
    r = measure(dc_report + ["--jobs", "1", str(corpus.one)], cold_repeat, env, work)
    record("deskcheck", "one_article_s", r.median)
    record("deskcheck", "one_article_best_s", r.best)
    record("deskcheck", "one_article_cpu_s", r.cpu_median)
    # the very first run on a machine: the stores of compiled patterns and parsed rule files in the
    # user's cache folder are empty (a new folder for every run), so everything is built afresh
    first = Run()
    for _ in range(max(3, cold_repeat // 2)):
        empty = Path(tempfile.mkdtemp(prefix="deskcheck-bench-xdg-"))
        one = measure(dc_report + ["--jobs", "1", str(corpus.one)], 1, _env({"XDG_CACHE_HOME": str(empty)}),
                      work, warmup=False)
        first.seconds += one.seconds
        first.cpu += one.cpu
        shutil.rmtree(empty, ignore_errors=True)
    record("deskcheck", "one_article_first_s", first.median)
    for name, cmd in peers.items():
        r = measure(cmd + [str(corpus.one)], cold_repeat, _env({"XDG_CACHE_HOME": str(cache_dir / name)}), work)
        record(name, "one_article_s", r.median)
        record(name, "one_article_best_s", r.best)
        record(name, "one_article_cpu_s", r.cpu_median)
    # 2. one large file, one process
    r = measure(dc_report + ["--jobs", "1", str(corpus.big)], repeat, env, work, warmup=False)
    record("deskcheck", "big_file_mb_s", big_mb / r.median)
    record("deskcheck", "big_file_cpu_mb_s", big_mb / r.cpu_median)
    record("deskcheck", "big_file_peak_mb", r.peak_mb)
    for name, cmd in peers.items():
        r = measure(cmd + [str(corpus.big)], repeat, _env({"XDG_CACHE_HOME": str(cache_dir / name)}), work,
                    warmup=False)
        record(name, "big_file_mb_s", big_mb / r.median)
        record(name, "big_file_cpu_mb_s", big_mb / r.cpu_median)
        record(name, "big_file_peak_mb", r.peak_mb)
    # 3. 1,000 files: --jobs 1, --jobs 2, and peers (each single-process)
    r1 = measure(dc_report + ["--jobs", "1", str(corpus.files)], repeat, env, work, warmup=False)
    record("deskcheck", "files_mb_s", files_mb / r1.median)
    record("deskcheck", "files_cpu_mb_s", files_mb / r1.cpu_median)
    record("deskcheck", "files_s", r1.median)
    record("deskcheck", "files_peak_mb", r1.peak_mb)
    r2 = measure(dc_report + ["--jobs", "2", str(corpus.files)], repeat, env, work, warmup=False)
    record("deskcheck", "files_jobs2_mb_s", files_mb / r2.median)
    record("deskcheck", "files_jobs2_s", r2.median)
    record("deskcheck", "files_jobs2_cpu_s", r2.cpu_median)
    record("deskcheck", "files_jobs1_cpu_s", r1.cpu_median)
    record("deskcheck", "files_jobs2_peak_mb", r2.peak_mb)
    record("deskcheck", "jobs2_speedup", r1.median / r2.median)
    for name, cmd in peers.items():
        r = measure(cmd + [str(corpus.files)], 1, _env({"XDG_CACHE_HOME": str(cache_dir / name)}), work,
                    warmup=False)
        record(name, "files_mb_s", files_mb / r.median)
        record(name, "files_cpu_mb_s", files_mb / r.cpu_median)
        record(name, "files_s", r.median)
        record(name, "files_peak_mb", r.peak_mb)
    # 4. a re-run over unchanged files, answered from the result cache (first run fills it)
    cache_env = _env({"DESKCHECK_CACHE_DIR": str(cache_dir / "deskcheck")})
    r = measure([dc, "report", str(corpus.files)], repeat, cache_env, work, warmup=True)
    record("deskcheck", "files_cached_s", r.median)
    r = measure([dc, "report", str(corpus.one)], cold_repeat, cache_env, work, warmup=True)
    record("deskcheck", "one_article_cached_s", r.median)
    shutil.rmtree(cache_dir, ignore_errors=True)

    # 5. where deskcheck's time goes
    prof = subprocess.run([dc, "report", "--profile-rules", str(corpus.files)], capture_output=True,
                          text=True, env=env, cwd=work)
    profile_table = prof.stderr

    report(corpus, rows, peers, profile_table)
    (OUT / "results.json").write_text(json.dumps(
        {"corpus": corpus.describe(), "results": rows, "profile": profile_table,
         "cpus": os.cpu_count(), "python": sys.version.split()[0]}, indent=1) + "\n", encoding="utf-8")
    print(f"\nwritten: {(OUT / 'results.json').relative_to(REPO)}")


def _ratio(a: float | None, b: float | None, higher_better: bool) -> str:
    """deskcheck's figure over the peer's: for a time or memory, below 1 is better; for MB/s, above."""
    if not a or not b:
        return "-"
    x = a / b
    better = x >= 1 if higher_better else x <= 1
    return f"{x:.2f}x ({'better' if better else 'worse'})"


def report(corpus: Corpus, rows: dict[str, dict[str, float]], peers: dict[str, list[str]], profile: str) -> None:
    dc = rows["deskcheck"]
    names = ["deskcheck", *peers]

    def line(label: str, key: str, fmt: str, higher_better: bool) -> None:
        vals = [rows.get(n, {}).get(key) for n in names]
        cells = [format(v, fmt) if v is not None else "-" for v in vals]
        ratios = [_ratio(dc.get(key), rows[n].get(key), higher_better) for n in peers]
        print(f"{label:<34}" + "".join(f"{c:>12}" for c in cells) + "".join(f"{r:>22}" for r in ratios))

    print()
    print(f"{'':<34}" + "".join(f"{n:>12}" for n in names) + "".join(f"{'deskcheck / ' + n:>22}" for n in peers))
    line("one article, cold process (s)", "one_article_s", ".3f", False)
    line("  best of runs (s)", "one_article_best_s", ".3f", False)
    line("  CPU time, user+system (s)", "one_article_cpu_s", ".3f", False)
    print(f"{'  first run, empty pattern stores (s)':<34}{dc['one_article_first_s']:>12.3f}")
    line("one large file (MB/s)", "big_file_mb_s", ".2f", True)
    line("  per CPU second (MB/s)", "big_file_cpu_mb_s", ".2f", True)
    line("1,000 files, one process (MB/s)", "files_mb_s", ".2f", True)
    line("  per CPU second (MB/s)", "files_cpu_mb_s", ".2f", True)
    line("1,000 files, one process (s)", "files_s", ".2f", False)
    line("peak memory, 1,000 files (MB)", "files_peak_mb", ".0f", False)
    line("peak memory, large file (MB)", "big_file_peak_mb", ".0f", False)
    print()
    print(f"deskcheck --jobs 2 on 1,000 files: {dc['files_jobs2_mb_s']:.2f} MB/s, {dc['files_jobs2_s']:.2f} s, "
          f"{dc['jobs2_speedup']:.2f}x --jobs 1 (peak of the largest process {dc['files_jobs2_peak_mb']:.0f} MB)")
    print(f"  CPU time: --jobs 1 {dc['files_jobs1_cpu_s']:.2f} s, --jobs 2 {dc['files_jobs2_cpu_s']:.2f} s "
          "(all processes; the pool's overhead is the difference)")
    try:
        load = os.getloadavg()
        print(f"  load average during the run: {load[0]:.1f} (1 min) on {os.cpu_count()} cores"
              + ("  -- the machine was busy: wall times are inflated, CPU times less so" if load[0] > 1.5 else ""))
    except OSError:
        pass
    print(f"deskcheck re-run over the unchanged 1,000 files (result cache): {dc['files_cached_s']:.2f} s; "
          f"one unchanged article: {dc['one_article_cached_s']:.3f} s")
    print("\ntargets (issue 9):")
    checks = [
        ("one article cold <= 0.3 s", dc["one_article_s"] <= 0.3,
         f"{dc['one_article_s']:.3f} s wall, {dc['one_article_cpu_s']:.3f} s CPU"),
        (">= 2 MB/s in one process (large file)", dc["big_file_mb_s"] >= 2,
         f"{dc['big_file_mb_s']:.2f} MB/s wall, {dc['big_file_cpu_mb_s']:.2f} MB/s per CPU second"),
        (">= 2 MB/s in one process (1,000 files)", dc["files_mb_s"] >= 2,
         f"{dc['files_mb_s']:.2f} MB/s wall, {dc['files_cpu_mb_s']:.2f} MB/s per CPU second"),
        ("--jobs 2 close to 2x (>= 1.7x)", dc["jobs2_speedup"] >= 1.7, f"{dc['jobs2_speedup']:.2f}x"),
        ("< 300 MB peak for 1,000 files", dc["files_peak_mb"] < 300, f"{dc['files_peak_mb']:.0f} MB"),
    ]
    if "proselint" in rows:
        x = dc["files_mb_s"] / rows["proselint"]["files_mb_s"]
        checks.append(("> 5x proselint's throughput", x > 5, f"{x:.1f}x"))
    for label, ok, value in checks:
        print(f"  [{'met' if ok else 'NOT met'}] {label}: {value}")
    print("\ndeskcheck --profile-rules on the 1,000 files (one process, exclusive times):")
    print(profile)


if __name__ == "__main__":
    main()
