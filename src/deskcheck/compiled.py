"""Compiled rule patterns kept between runs, so a new process does not compile them again.

The `regex` engine parses a pattern in Python: a rule with a few hundred alternatives takes tens of
milliseconds to compile, and the bundled styles together take a good part of a pre-commit hook's
cold start. A compiled `regex` pattern pickles as its finished program (the engine's code list),
and unpickling hands that straight to the C compiler: a fraction of a millisecond. Patterns are
stored, keyed by pattern text and flags, in one file per `regex` and Python version in the user's
cache folder (`$XDG_CACHE_HOME/deskcheck`, else `~/.cache/deskcheck`), which only the user can
write, never in a project folder that a cloned repository could fill. Loading accepts nothing but
the engine's own compile function. Each pattern is unpickled only when a rule asks for it; new
ones are added when the process exits. `DESKCHECK_NO_PATTERN_CACHE=1` turns the store off.

A stored pattern is the same program the engine would build, so results never change; a store
that does not load is ignored and rebuilt.
"""
from __future__ import annotations

import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any

MAX_PATTERNS = 4000          # beyond this the store starts afresh, so it cannot grow forever

_stored: dict[tuple[str, int], bytes] | None = None
_added: dict[tuple[str, int], bytes] = {}
_path: Path | None = None


def _enabled() -> bool:
    return os.environ.get("DESKCHECK_NO_PATTERN_CACHE", "") in ("", "0")


def store_path() -> Path:
    import regex
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    version = getattr(regex, "__version__", "0")
    return Path(base) / "deskcheck" / f"patterns-regex{version}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"


class _OnlyRegex(pickle.Unpickler):
    """Unpickles a compiled pattern and nothing else: the only callable allowed is the engine's
    own compile function."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "regex._regex" and name == "compile":
            import regex._regex as engine  # type: ignore[import-not-found]
            return engine.compile
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a pattern store")


class _PlainData(pickle.Unpickler):
    """The store's outer layer is a dict of strings, ints and bytes: no callable at all."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a pattern store")


def _load() -> dict[tuple[str, int], bytes]:
    global _stored, _path
    if _stored is None:
        _stored = {}
        _path = store_path()
        try:
            data = _PlainData(io.BytesIO(_path.read_bytes())).load()
            if isinstance(data, dict):
                _stored = data
        except Exception:   # missing, truncated or foreign: start afresh
            _stored = {}
    return _stored


def get(pattern: str, flags: int) -> Any:
    """The stored compiled pattern, or None."""
    if not _enabled():
        return None
    blob = _load().get((pattern, int(flags)))
    if blob is None:
        return None
    try:
        compiled = _OnlyRegex(io.BytesIO(blob)).load()
    except Exception:
        return None
    if getattr(compiled, "pattern", None) != pattern or getattr(compiled, "flags", None) is None:
        return None
    return compiled


def put(pattern: str, flags: int, compiled: Any) -> None:
    if not _enabled():
        return
    try:
        blob = pickle.dumps(compiled, protocol=4)
    except Exception:   # an engine build that cannot pickle its patterns: nothing to keep
        return
    if not _added:
        import atexit
        atexit.register(save)
    _added[(pattern, int(flags))] = blob     # a plain int: the flag enum would pickle as a class


def save() -> None:
    """Write the store with this run's new patterns (atomically; a failure only costs speed)."""
    global _added
    if not _added or not _enabled():
        return
    stored = dict(_load())
    if len(stored) + len(_added) > MAX_PATTERNS:
        stored = {}
    stored.update(_added)
    _added = {}
    path = _path or store_path()
    try:
        from .atomic import write_atomic
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps(stored, protocol=4))
    except OSError:
        pass


def regex_compile(pattern: str, flags: int = 0) -> Any:
    """`regex.compile` through the store: for the module-level patterns of analyses and kinds,
    which every cold process would otherwise compile again (~15 ms together)."""
    import regex
    stored = get(pattern, flags)
    if stored is not None:
        return stored
    result = regex.compile(pattern, flags)
    put(pattern, flags, result)
    return result
