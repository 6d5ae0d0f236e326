"""Checking many articles at once: a process pool when it pays, always in the caller's order.

Each worker is a fork of the parent taken after the parent has loaded the rules, so a worker
starts with every rule compiled and every module imported (on systems without fork the workers
import and load once each, in their initializer). The pool is used only when each worker gets
enough articles to repay its start-up: one article, or a pre-commit hook's handful, is checked
in the calling process with no pool at all.
"""
from __future__ import annotations

import os
import sys
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


def _work(task: Task) -> "tuple[list[Packed], list[RuleFailure], Any]":
    """Check one task in a worker: findings packed, and the document as plain values too unless
    the caller keeps documents (a Document is large to send back and the parent has the source:
    _stub makes it again from where the markup is)."""
    findings, failures, doc = check_task(task, _worker_options)
    if _worker_keep_documents:
        return pack(findings), failures, doc
    return pack(findings), failures, (doc.path, doc.format, [(s.start, s.end) for s in doc.non_prose])


def _stub(doc: Any) -> "Document":
    from .model import Document, IdentityMap, Span
    if not isinstance(doc, tuple):
        return doc  # type: ignore[no-any-return]
    path, fmt, non_prose = doc
    return Document(path, fmt, "", "", [], IdentityMap(), non_prose=[Span(a, b) for a, b in non_prose])


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
    if hasattr(os, "fork"):
        yield from _forked(tasks, options, workers, keep_documents)
        return
    # imported only for a pool: together they cost more than checking a short article
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    rest = tasks
    # a few chunks per worker: big enough to keep pipe traffic low, small enough to balance load
    chunk = max(1, len(rest) // (workers * 4))
    # callbacks stay in the parent: a progress bar or a warning hook need not survive pickling
    worker_options = options.replace(progress=None)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker,
                             initargs=(worker_options, keep_documents)) as pool:
        for packed, failures, doc in pool.map(_work, rest, chunksize=chunk):
            yield unpack(packed), failures, _stub(doc)


# -- the forked pool ------------------------------------------------------------------------------
# Where fork exists, the workers are plain forks of this process taken after _warm: each already
# holds every task (path, source, configuration), so nothing is sent to it but which tasks to do,
# and that through a counter in shared memory rather than a queue the parent must feed. A worker
# takes the next BATCH tasks from the counter, checks them and writes their packed findings to its
# own pipe; the parent reads the pipes and yields in task order. Against ProcessPoolExecutor this
# drops the pickling of every task's source and configuration, the feeder and manager threads and
# a future per chunk, and balances the load to within a few articles (its chunks were an eighth of
# the run each, so one worker could idle for most of a chunk at the end).

BATCH = 4           # tasks a worker takes at a time: a message per batch, at most this many idle at the end
_HEADER = 8         # a message's length, as 8 bytes


def _batch_size(tasks: int, workers: int) -> int:
    return max(1, min(BATCH, tasks // (workers * 8)))


def _worker_loop(rest: list[Task], options: "Options", keep_documents: bool, counter: Any, lock: Any,
                 out: int, batch: int) -> None:
    """A forked worker: take batches off the shared counter until none is left."""
    import pickle
    import struct
    _init_worker(options, keep_documents)
    while True:
        with lock:
            start = struct.unpack_from("q", counter)[0]
            struct.pack_into("q", counter, 0, start + batch)
        if start >= len(rest):
            return
        try:
            data = pickle.dumps((start, [_work(t) for t in rest[start:start + batch]]),
                                protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - sent to the parent, which raises it
            _write_all(out, _message(_failure(exc)))
            return
        _write_all(out, _message(data))


def _message(data: bytes) -> bytes:
    return len(data).to_bytes(_HEADER, sys.byteorder, signed=True) + data


def _failure(exc: BaseException) -> bytes:
    """The message for a task that raised: the exception itself when it pickles, else its text."""
    import pickle
    import traceback
    text = "".join(traceback.format_exception(exc))
    try:
        return pickle.dumps(("error", exc, text), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - an exception holding what cannot pickle
        return pickle.dumps(("error", None, text), protocol=pickle.HIGHEST_PROTOCOL)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class WorkerError(RuntimeError):
    """A worker process ended without finishing its tasks."""


def _forked(tasks: list[Task], options: "Options", workers: int, keep_documents: bool) -> Iterator[Outcome]:
    import mmap
    import multiprocessing
    import pickle
    import selectors
    import signal
    done = _warm(tasks, options)
    rest = [t for i, t in enumerate(tasks) if i not in done]
    batch = _batch_size(len(rest), workers)
    counter = mmap.mmap(-1, 8)              # anonymous and shared: the forks see one counter
    lock = multiprocessing.get_context("fork").Lock()
    # callbacks stay in the parent: a worker's progress is reported when its findings arrive
    worker_options = options.replace(progress=None)
    # what this process has buffered must not be written again by a fork's exit
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    owner: dict[int, int] = {}     # a pipe's read end -> the worker writing to it
    position = 0                    # the next of `rest` to yield
    selector = selectors.DefaultSelector()
    try:
        for _ in range(workers):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:        # the worker
                code = 0
                try:
                    os.close(read)
                    signal.signal(signal.SIGINT, signal.SIG_DFL)
                    _worker_loop(rest, worker_options, keep_documents, counter, lock, write, batch)
                except BaseException:   # noqa: BLE001 - the parent learns of it from the missing results
                    code = 1
                finally:
                    for stream in (sys.stdout, sys.stderr):
                        try:
                            if stream is not None:
                                stream.flush()
                        except Exception:   # noqa: BLE001
                            pass
                    os._exit(code)
            owner[read] = pid
            os.close(write)
            selector.register(read, selectors.EVENT_READ, bytearray())
        results: dict[int, tuple[Any, ...]] = {}
        for i in range(len(tasks)):
            if i in done:
                yield done.pop(i)
                continue
            while position not in results:
                if not selector.get_map():
                    raise WorkerError("a worker process ended before checking all the articles")
                for key, _events in selector.select():
                    buffer: bytearray = key.data
                    chunk = os.read(key.fd, 1 << 20)
                    if not chunk:       # the worker has exited: it did all it could take
                        selector.unregister(key.fd)
                        os.close(key.fd)
                        status = os.waitpid(owner.pop(key.fd), 0)[1]
                        if status:
                            raise WorkerError(f"a worker process ended abnormally (status {status})")
                        continue
                    buffer += chunk
                    while len(buffer) >= _HEADER:
                        size = int.from_bytes(buffer[:_HEADER], sys.byteorder, signed=True)
                        if len(buffer) < _HEADER + size:
                            break
                        message = pickle.loads(buffer[_HEADER:_HEADER + size])
                        del buffer[:_HEADER + size]
                        if message[0] == "error":
                            if isinstance(message[1], BaseException):
                                raise message[1] from WorkerError(message[2])
                            raise WorkerError(message[2])
                        start, outcomes = message
                        for k, outcome in enumerate(outcomes):
                            results[start + k] = outcome
            packed, failures, doc = results.pop(position)
            position += 1
            yield unpack(packed), failures, _stub(doc)
    finally:
        for key in list(selector.get_map().values()):
            selector.unregister(key.fd)
            os.close(key.fd)
        selector.close()
        # once every article is in the workers are exiting (the caller may stop asking for more
        # after the last one); before that, after an error or an interrupt, they are stopped
        finished = position >= len(rest)
        for pid in owner.values():
            try:
                if finished:
                    os.waitpid(pid, 0)
                elif os.waitpid(pid, os.WNOHANG) == (0, 0):
                    os.kill(pid, signal.SIGTERM)
                    os.waitpid(pid, 0)
            except ChildProcessError:
                pass
