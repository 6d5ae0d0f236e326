"""YAML through libyaml when PyYAML was built with it: rule files, configs and front matter.

The pure-Python loader costs a few milliseconds per small file; with dozens of rule files that
alone would break the 0.3 s cold-start budget of a pre-commit hook. libyaml builds the same
Python values about 20x faster. Node trees (for line numbers in error messages) are built only
when an error needs one.
"""
from __future__ import annotations

import hashlib
import io
import pickle
import sys
from pathlib import Path
from typing import Any

from .compiled import cache_dir, read_store, stored_re_patterns, stores_enabled, write_store

with stored_re_patterns():   # PyYAML compiles its patterns at import: keep them between runs
    import yaml

SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> Any:
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader


def compose(text: str) -> "yaml.Node | None":
    return yaml.compose(text, Loader=SafeLoader)


class LazyNode:
    """The node tree of a YAML text, composed on first use (only error paths need it)."""

    __slots__ = ("text", "_node", "_done")

    def __init__(self, text: str) -> None:
        self.text = text
        self._node: yaml.Node | None = None
        self._done = False

    def get(self) -> "yaml.Node | None":
        if not self._done:
            self._done = True
            try:
                self._node = compose(self.text)
            except yaml.YAMLError:
                self._node = None
        return self._node


# -- parsed rule files kept between runs ----------------------------------------------------------
# Even through libyaml, parsing the bundled styles' fifty-odd rule and data files is a noticeable
# part of a cold start, and they rarely change. `load_cached` keeps each parsed text, keyed by a
# digest of the text itself, in one file in the user's cache folder (beside the compiled-pattern
# store), so an edited rule is simply a new key: a stored value can never be stale. Values are
# unpickled afresh for every call, so callers may modify what they get. Only plain YAML values
# (and the dates YAML can hold) are accepted from the file; anything else discards it.

_CACHE_LIMIT = 2000     # entries; beyond this the store starts afresh, so it cannot grow forever
_parsed: dict[bytes, bytes] | None = None
_new: dict[bytes, bytes] = {}


class _PlainValues(pickle.Unpickler):
    _ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "timezone"),
                ("datetime", "timedelta")}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self._ALLOWED:
            import datetime
            return getattr(datetime, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the parsed-YAML store")


def store_path() -> Path:
    loader = "c" if SafeLoader is not yaml.SafeLoader else "py"
    return cache_dir() / f"yaml-{yaml.__version__}-{loader}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"


def _store() -> dict[bytes, bytes]:
    global _parsed
    if _parsed is None:
        _parsed = read_store(store_path(), _PlainValues)
    return _parsed


def load_cached(text: str) -> Any:
    """`load(text)`, answered from the store when this exact text was parsed before."""
    if not stores_enabled():
        return load(text)
    key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    blob = _store().get(key) or _new.get(key)
    if blob is not None:
        try:
            return _PlainValues(io.BytesIO(blob)).load()
        except Exception:   # a damaged entry: parse afresh
            pass
    value = load(text)      # a YAML error propagates exactly as from load()
    try:
        blob = pickle.dumps(value, protocol=4)
    except Exception:       # a value pickle cannot hold: nothing to keep
        return value
    if not _new:
        import atexit
        atexit.register(save)
    _new[key] = blob
    return value


def save() -> None:
    """Write the store with this run's new entries (atomically; a failure only costs speed)."""
    global _new
    if not _new or not stores_enabled():
        return
    added, _new = _new, {}
    write_store(store_path(), _store(), added, _CACHE_LIMIT)
