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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import re

MAX_PATTERNS = 4000          # beyond this the store starts afresh, so it cannot grow forever

_stored: dict[tuple[str, int], bytes] | None = None
_added: dict[tuple[str, int], bytes] = {}
_path: Path | None = None


def stores_enabled() -> bool:
    """False when DESKCHECK_NO_PATTERN_CACHE=1 turns every store between runs off."""
    return os.environ.get("DESKCHECK_NO_PATTERN_CACHE", "") in ("", "0")


def cache_dir() -> Path:
    """The user's cache folder for deskcheck's stores (never a project folder)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")) / "deskcheck"


def read_store(path: Path, unpickler: type[pickle.Unpickler]) -> dict[Any, Any]:
    """A store file's dict, or an empty one when it is missing, truncated or foreign."""
    try:
        data = unpickler(io.BytesIO(path.read_bytes())).load()
    except Exception:
        return {}
    return data if isinstance(data, dict) else {}


def write_store(path: Path, stored: dict[Any, Any], added: dict[Any, Any], limit: int) -> None:
    """Write a store with this run's new entries, atomically, starting afresh beyond `limit`
    entries so it cannot grow forever (a failure only costs speed)."""
    merged = {} if len(stored) + len(added) > limit else dict(stored)
    merged.update(added)
    try:
        from .atomic import write_atomic
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps(merged, protocol=4))
    except Exception:       # unwritable folder, or a value pickle cannot hold
        pass


def store_path() -> Path:
    import regex
    version = getattr(regex, "__version__", "0")
    return cache_dir() / f"patterns-regex{version}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"


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
        _path = store_path()
        _stored = read_store(_path, _PlainData)
    return _stored


def get(pattern: str, flags: int) -> Any:
    """The stored compiled pattern, or None."""
    if not stores_enabled():
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
    if not stores_enabled():
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
    if not _added or not stores_enabled():
        return
    added, _added = _added, {}
    write_store(_path or store_path(), _load(), added, MAX_PATTERNS)


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


# -- the standard library's `re` -----------------------------------------------------------------
# The analyses use `re` for their fixed patterns (dates, quotes, attribution cues): a few hundred
# of them, which cost a cold process about a fifth of its time to parse. `re` does not pickle a
# compiled program, but its compiler ends by handing a finished code list to `_sre.compile`; that
# list, kept per pattern and flags in a second store (one file per Python version, since the code
# format belongs to the interpreter), is handed to `_sre.compile` again in the next process. The
# result is the object `re.compile` would build. Anything unexpected (another Python, a changed
# internal API, a damaged entry) falls back to `re.compile`: the store only ever saves time.

_re_stored: dict[tuple[str, int], tuple[Any, ...]] | None = None
_re_added: dict[tuple[str, int], tuple[Any, ...]] = {}


def re_store_path() -> Path:
    return cache_dir() / f"patterns-re-{sys.implementation.cache_tag}-{sys.hexversion:x}.pickle"


def _re_internals() -> tuple[Any, Any, Any] | None:
    """(parser, compiler, _sre) of this interpreter, or None where they are not as expected."""
    if sys.implementation.name != "cpython":
        return None
    try:
        import _sre
        if sys.version_info >= (3, 11):
            from re import _compiler, _parser
        else:       # pragma: no cover - Python 3.10 names them sre_parse and sre_compile
            import sre_compile as _compiler  # type: ignore[no-redef]
            import sre_parse as _parser  # type: ignore[no-redef]
        if not (hasattr(_compiler, "_code") and hasattr(_parser, "parse")):
            return None
        return _parser, _compiler, _sre
    except ImportError:     # pragma: no cover
        return None


def _re_load() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _re_stored
    if _re_stored is None:
        _re_stored = read_store(re_store_path(), _PlainData)
    return _re_stored


def _re_build(pattern: str, flags: int, internals: tuple[Any, Any, Any]) -> tuple[Any, tuple[Any, ...]]:
    """Compile as `re.compile` does, keeping the parts `_sre.compile` takes."""
    parser, compiler, sre = internals
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain ints: the compiler's opcode constants refuse to pickle
    parts = (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex,
             tuple(indexgroup))
    return sre.compile(pattern, *parts), parts


def re_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, through the store (see above)."""
    import re
    flags = int(flags)
    internals = _re_internals() if stores_enabled() else None
    if internals is None:
        return re.compile(pattern, flags)
    parts = _re_load().get((pattern, flags))
    if parts is not None:
        try:
            result = internals[2].compile(pattern, *parts)
            if result.pattern == pattern:
                return result  # type: ignore[no-any-return]
        except Exception:   # a damaged entry: compile afresh below
            pass
    try:
        result, parts = _re_build(pattern, flags, internals)
    except re.error:
        raise
    except Exception:       # an internal API that changed: the public one always works
        return re.compile(pattern, flags)
    if not _re_added:
        import atexit
        atexit.register(save_re)
    _re_added[(pattern, flags)] = parts
    return result  # type: ignore[no-any-return]


def save_re() -> None:
    """Write the `re` store with this run's new patterns (atomically; a failure only costs speed)."""
    global _re_added
    if not _re_added or not stores_enabled():
        return
    added, _re_added = _re_added, {}
    write_store(re_store_path(), _re_load(), added, MAX_PATTERNS)


# -- facts about a pattern, worked out once --------------------------------------------------------
# Some facts about a rule's pattern (the strings every match needs, for the prefilter) take a
# parse of the pattern to work out: cheap per rule, but a cold process does it for every rule.
# `memo` keeps such facts, keyed by a name, a digest of the source file that computes them (so a
# change in that code is a new key, never a stale answer) and the caller's key. Values must be
# immutable plain data (str, int, bool, None, tuples and frozensets of them): they are shared.

_memo_stored: dict[tuple[Any, ...], Any] | None = None
_memo_added: dict[tuple[Any, ...], Any] = {}
_code_digests: dict[str, str] = {}


def memo_store_path() -> Path:
    # per Python build and `regex` version: the facts come from their parsers and case tables
    import regex
    version = getattr(regex, "__version__", "0")
    return cache_dir() / f"facts-{sys.implementation.cache_tag}-{sys.hexversion:x}-regex{version}.pickle"


def _code_digest(source_file: str) -> str:
    digest = _code_digests.get(source_file)
    if digest is None:
        import hashlib
        try:
            digest = hashlib.blake2b(Path(source_file).read_bytes(), digest_size=12).hexdigest()
        except OSError:
            digest = ""
        _code_digests[source_file] = digest
    return digest


def _memo_load() -> dict[tuple[Any, ...], Any]:
    global _memo_stored
    if _memo_stored is None:
        _memo_stored = read_store(memo_store_path(), _PlainData)
    return _memo_stored


def memo(name: str, key: tuple[Any, ...], compute: Any, source_file: str) -> Any:
    """compute(), or its stored value from an earlier run of the same code with the same key."""
    if not stores_enabled():
        return compute()
    digest = _code_digest(source_file)
    if not digest:          # the computing code cannot be read: nothing can be trusted
        return compute()
    full = (name, digest, key)
    if full in _memo_added:
        return _memo_added[full]
    stored = _memo_load()
    if full in stored:
        return stored[full]
    value = compute()
    if not _memo_added:
        import atexit
        atexit.register(save_memo)
    _memo_added[full] = value
    return value


def save_memo() -> None:
    """Write the facts store with this run's new entries (atomically; a failure only costs speed)."""
    global _memo_added
    if not _memo_added or not stores_enabled():
        return
    # facts computed by code that has changed since are never asked for again: drop them
    current = {(name, digest) for name, digest, _ in _memo_added}
    names = {name for name, _ in current}
    stored = {k: v for k, v in _memo_load().items() if k[0] not in names or (k[0], k[1]) in current}
    added, _memo_added = _memo_added, {}
    write_store(memo_store_path(), stored, added, MAX_PATTERNS)


class stored_re_patterns:
    """While importing a library that compiles many `re` patterns at import time (PyYAML,
    markdown-it-py), have `re.compile` go through the store above: the library gets the same
    pattern objects, and a later process skips the parsing. Used only around such an import;
    bytes patterns and anything unusual go to the original function."""

    def __enter__(self) -> None:
        import re
        self._original = original = re.compile

        def compile(pattern: Any, flags: Any = 0) -> Any:
            if isinstance(pattern, str):
                try:
                    return re_compile(pattern, int(flags))
                except (TypeError, ValueError):
                    pass
            return original(pattern, flags)

        re.compile = compile  # type: ignore[assignment]

    def __exit__(self, *exc: object) -> None:
        import re
        re.compile = self._original  # type: ignore[assignment]
