"""The result cache: an article's findings, stored under a key of everything they depend on.

A key is the SHA-256 of: the deskcheck version and the hash of its own code, the content of every
file in the styles the article's effective config runs (rule files and their `data/` word and
names lists), that effective config (after `overrides`) with the content of the names lists it
loads, the command-line settings that change findings (`--enable/--disable`, `--date`,
`--profile`, `--min-level`), and the article's path, format and content. Change any of them and
the key changes, so an entry can never be stale; nothing is ever invalidated in place.

Where: `.deskcheck-cache/` in the working folder (or `$DESKCHECK_CACHE_DIR`), the way ruff,
mypy and pytest keep theirs. A pre-commit hook and a CI job run from the repository's root, so
the cache sits beside the articles it describes, CI can keep it between runs by caching one
path, and deleting the project deletes it. The folder carries a CACHEDIR.TAG and a `.gitignore`
of `*`, so backups and git leave it alone. A folder that cannot be written turns the cache off
for the run; it never fails a check.

Entries are small JSON files, one per article version, in 256 sub-folders. Writes go to a
temporary file that is renamed into place (atomic on POSIX and Windows), so a crash or a parallel
run never leaves half an entry; an entry that does not parse or has the wrong shape is a miss.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Iterable

from . import __version__
from .model import Finding, Position, RelatedLocation, Severity, Span

FORMAT = 1                      # bump when the entry layout changes
FOLDER_NAME = ".deskcheck-cache"
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by deskcheck.\n"
        "# For information about cache directory tags see https://bford.info/cachedir/\n")


def default_dir() -> Path:
    env = os.environ.get("DESKCHECK_CACHE_DIR")
    return Path(env) if env else Path.cwd() / FOLDER_NAME


# File digests by stat signature, kept in the cache folder between runs: the bundled word lists
# are megabytes, and hashing them on every run would cost a cached pre-commit run more than the
# rest of it. A signature holds the change time (ctime), which every write moves and no tool can
# set back, so a file whose content changed is always read again. A fresh checkout (CI) has new
# signatures and re-hashes once. Files changed in the last two seconds are not memoised: their
# signature could still be reused by a second write within the clock's resolution.
_memo: dict[str, list[Any]] = {}
_memo_path: Path | None = None
_memo_dirty = False
_RACY_NS = 2_000_000_000


def _digest(f: Path) -> bytes | None:
    global _memo_dirty
    try:
        st = f.stat()
    except OSError:
        return None
    sig = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
    key = str(f)
    known = _memo.get(key)
    if known is not None and known[:4] == sig:
        try:
            return bytes.fromhex(known[4])
        except (ValueError, TypeError, IndexError):
            pass
    try:
        digest = hashlib.sha256(f.read_bytes()).digest()
    except OSError:
        return None
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > _RACY_NS:
        _memo[key] = sig + [digest.hex()]
        _memo_dirty = True
    return digest


def load_memo(folder: Path) -> None:
    """Use (and later save) the digest memo in a cache folder; a bad memo file is ignored."""
    global _memo_path
    if _memo_path == folder / "digests.json":
        return
    _memo_path = folder / "digests.json"
    try:
        data = json.loads(_memo_path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("files"), dict):
            _memo.update({k: v for k, v in data["files"].items() if isinstance(v, list) and len(v) == 5})
    except (OSError, ValueError):
        pass


def save_memo() -> None:
    global _memo_dirty
    if _memo_dirty and _memo_path is not None:
        try:
            _memo_path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(_memo_path, json.dumps({"format": FORMAT, "files": _memo}, separators=(",", ":")))
        except OSError:
            pass
        _memo_dirty = False


def _hash_files(h: "hashlib._Hash", root: Path, files: Iterable[Path]) -> None:
    for f in sorted(files):
        digest = _digest(f)
        if digest is not None:
            h.update(f.relative_to(root).as_posix().encode() + b"\0" + digest)


_code_fp: str | None = None


def code_fingerprint() -> str:
    """deskcheck's version and its own source: a development checkout changes without a new
    version number, and a cache must not outlive the code that filled it."""
    global _code_fp
    if _code_fp is None:
        h = hashlib.sha256(f"deskcheck {__version__} cache {FORMAT} py {sys.version_info[:2]}".encode())
        pkg = Path(__file__).resolve().parent
        _hash_files(h, pkg, (p for p in pkg.rglob("*.py") if "__pycache__" not in p.parts))
        _code_fp = h.hexdigest()
    return _code_fp


_folder_fps: dict[Path, str] = {}


def folder_fingerprint(folder: Path) -> str:
    """Content hash of every file under a style folder (rules and their data), once per process."""
    folder = folder.resolve()
    fp = _folder_fps.get(folder)
    if fp is None:
        h = hashlib.sha256()
        if folder.is_dir():
            _hash_files(h, folder, (p for p in folder.rglob("*")
                                    if p.is_file() and "__pycache__" not in p.parts))
        fp = _folder_fps[folder] = h.hexdigest()
    return fp


def file_fingerprint(path: Path) -> str:
    digest = _digest(path.resolve())
    return digest.hex() if digest is not None else "missing"


def source_fingerprint(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()


# -- entries: findings to and from plain JSON ---------------------------------------------------

def _pos(p: Position) -> list[int]:
    return [p.line, p.column, p.end_line, p.end_column]


def finding_to_json(f: Finding) -> list[Any]:
    return [f.rule, f.category, int(f.severity), f.message, [f.span.start, f.span.end], _pos(f.position),
            f.match, list(f.suggestions),
            [[r.span.start, r.span.end, _pos(r.position), r.message] for r in f.related]]


def finding_from_json(v: list[Any]) -> Finding:
    rule, category, severity, message, span, pos, match, suggestions, related = v
    return Finding(
        rule=str(rule), category=str(category), severity=Severity(int(severity)), message=str(message),
        span=Span(int(span[0]), int(span[1])), position=Position(*(int(x) for x in pos)), match=str(match),
        suggestions=tuple(str(s) for s in suggestions),
        related=tuple(RelatedLocation(Span(int(a), int(b)), Position(*(int(x) for x in p)), str(m))
                      for a, b, p, m in related),
    )


class ResultCache:
    """Findings by key, in one folder. Every failure to read or write is a miss, never an error."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_dir()
        self.usable = True
        self._ready = False
        self.hits = 0
        self.misses = 0
        load_memo(self.folder)

    def close(self) -> None:
        """Save what this run learnt about file digests (only into a folder the cache could use)."""
        if self.usable and (self._ready or self.folder.is_dir()):
            save_memo()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> tuple[list[Finding], list[Span]] | None:
        if not self.usable:
            return None
        try:
            with open(self._entry(key), encoding="utf-8") as fh:
                data = json.load(fh)
            if data.get("format") != FORMAT or data.get("key") != key:
                raise ValueError("not an entry of this cache format")
            findings = [finding_from_json(v) for v in data["findings"]]
            non_prose = [Span(int(a), int(b)) for a, b in data.get("non_prose", [])]
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # a truncated, hand-edited or foreign file: recompute (and overwrite it on put)
            self.misses += 1
            return None
        self.hits += 1
        return findings, non_prose

    def _prepare(self) -> bool:
        if not self._ready:
            self._ready = True
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                tag = self.folder / "CACHEDIR.TAG"
                if not tag.exists():
                    _write_atomic(tag, _TAG)
                    _write_atomic(self.folder / ".gitignore", "# created by deskcheck\n*\n")
            except OSError:
                self.usable = False
        return self.usable

    def put(self, key: str, findings: list[Finding], non_prose: list[Span] = ()) -> None:  # type: ignore[assignment]
        """Store an article's findings, and where its markup is (the HTML report dims it)."""
        if not self.usable or not self._prepare():
            return
        entry = self._entry(key)
        text = json.dumps({"format": FORMAT, "key": key, "findings": [finding_to_json(f) for f in findings],
                           "non_prose": [[s.start, s.end] for s in non_prose]},
                          ensure_ascii=False, separators=(",", ":"))
        try:
            entry.parent.mkdir(exist_ok=True)
            _write_atomic(entry, text)
        except OSError:
            self.usable = False     # read-only or full disk: stop trying for this run


def _write_atomic(path: Path, text: str) -> None:
    from .atomic import write_atomic
    write_atomic(path, text.encode("utf-8"))
