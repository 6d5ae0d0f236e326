"""Checking many articles at once: a process pool when it pays, always in the caller's order.

Each worker is a fork of the parent taken after the parent has loaded the rules, so a worker
starts with every rule compiled and every module imported (on systems without fork the workers
import and load once each, in their initializer). The pool is used only when each worker gets
enough articles to repay its start-up: one article, or a pre-commit hook's handful, is checked
in the calling process with no pool at all.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterator

from .model import Record

if TYPE_CHECKING:
    from .api import Options
    from .config import Config
    from .engine import RuleFailure
    from .model import Document, Finding

# a worker costs a fork and a pipe (~10-20 ms); an article costs a few ms to check, so a worker
# must get at least this many articles before a pool beats checking them in the parent
POOL_MIN_PER_WORKER = 8


class Task(Record):
    """One article to check (written out: @dataclass costs a cold start a millisecond a class)."""
    _fields = _repr = __match_args__ = ("path", "name", "source", "fmt", "config")

    def __init__(self, path: str, name: str, source: str, fmt: str, config: "Config") -> None:
        self.path = path            # as given on the command line (the report's name for it)
        self.name = name            # the name the document carries (the --stdin-filename for "-")
        self.source = source
        self.fmt = fmt
        self.config = config


Outcome = tuple["list[Finding]", "list[RuleFailure]", "Document"]


def default_jobs() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:          # macOS, Windows
        return max(1, os.cpu_count() or 1)


def workers_for(tasks: int, jobs: int) -> int:
    if jobs <= 1:
        return 1
    return max(1, min(jobs, tasks // POOL_MIN_PER_WORKER))


def check_task(task: Task, options: "Options") -> tuple["list[Finding]", "list[RuleFailure]", "Document"]:
    from . import profiling
    from .api import check_document_with, load_document
    if options.archive_index is not None:
        # archive mode read and parsed every article already (names analysis included)
        doc = load_document(task.path, options)
        findings, failures = check_document_with(doc, task.config, options)
        return findings, failures, doc
    if profiling.ENABLED:
        profiling.start()
        try:
            doc = load_document(task.path, options, text=task.source, fmt=task.fmt)
        finally:
            profiling.stop(f"stage:parse {task.fmt}")
        profiling.start()
        try:
            findings, failures = check_document_with(doc, task.config, options)
        finally:
            profiling.stop("stage:settings, suppress, collect")   # all but the engine's and rules' time
        return findings, failures, doc
    doc = load_document(task.path, options, text=task.source, fmt=task.fmt)
    findings, failures = check_document_with(doc, task.config, options)
    return findings, failures, doc


_worker_options: Any = None
_worker_keep_documents = False


def _init_worker(options: "Options", keep_documents: bool) -> None:
    global _worker_options, _worker_keep_documents
    _worker_options = options
    _worker_keep_documents = keep_documents


# A finding as plain values: what a worker sends back. Pickling a Finding calls Python for it and
# for each of its Span, Position, Severity and related places (__reduce__), and unpickling calls
# their __init__s: ~30 us a finding between them. A tuple of strs and ints pickles in C, and the
# parent builds each object once from it (a test holds unpack(pack(x)) == x).
Packed = "tuple[Any, ...]"


def pack(findings: "list[Finding]") -> "list[Packed]":
    out = []
    for f in findings:
        s, p = f.span, f.position
        related = tuple((r.span.start, r.span.end, *r.position._key(), r.message) for r in f.related) \
            if f.related else ()
        out.append((f.rule, f.category, int(f.severity), f.message, s.start, s.end, p.line, p.column,
                    p.end_line, p.end_column, f.match, f.suggestions, related))
    return out


def unpack(packed: "list[Packed]") -> "list[Finding]":
    from .model import Finding, Position, RelatedLocation, Severity, Span
    levels = {int(s): s for s in Severity}
    return [
        Finding(rule, category, levels[level], message, Span(start, end), Position(line, col, end_line, end_col),
                match, suggestions, tuple(RelatedLocation(Span(a, b), Position(ln, c, eln, ec), m)
                                          for a, b, ln, c, eln, ec, m in related) if related else ())
        for (rule, category, level, message, start, end, line, col, end_line, end_col, match, suggestions, related)
        in packed
    ]


def _work(task: Task) -> "tuple[list[Packed], list[RuleFailure], Document]":
    findings, failures, doc = check_task(task, _worker_options)
    if _worker_keep_documents:
        return pack(findings), failures, doc
    # a Document is large to send back and the parent has the source: send where the markup is
    from .model import Document, IdentityMap
    return pack(findings), failures, Document(doc.path, doc.format, "", "", [], IdentityMap(),
                                              non_prose=doc.non_prose)


def _warm(tasks: list[Task], options: "Options") -> dict[int, Outcome]:
    """Check the first article of each format here, before forking: the workers then inherit
    every module, compiled rule, parser and analysis table already loaded, instead of each
    importing and compiling them again. Their findings are kept, not wasted."""
    first: dict[str, int] = {}
    for i, t in enumerate(tasks):
        first.setdefault(t.fmt, i)
    return {i: check_task(tasks[i], options) for i in sorted(first.values())}


def check_all(tasks: list[Task], options: "Options", jobs: int, keep_documents: bool = False) -> Iterator[Outcome]:
    """Findings for each task, yielded in the order given as they are done. From a worker the
    document is a stub without its source unless keep_documents (the parent has the source)."""
    workers = workers_for(len(tasks), jobs)
    if workers <= 1:
        for t in tasks:
            yield check_task(t, options)
        return
    # imported only for a pool: together they cost more than checking a short article
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    done = _warm(tasks, options) if "fork" in methods else {}
    rest = [t for i, t in enumerate(tasks) if i not in done]
    # a few chunks per worker: big enough to keep pipe traffic low, small enough to balance load
    chunk = max(1, len(rest) // (workers * 4))
    # callbacks stay in the parent: a progress bar or a warning hook need not survive pickling
    worker_options = options.replace(progress=None)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(worker_options, keep_documents)) as pool:
        results = pool.map(_work, rest, chunksize=chunk)
        for i in range(len(tasks)):
            if i in done:
                yield done[i]
            else:
                packed, failures, doc = next(results)
                yield unpack(packed), failures, doc
