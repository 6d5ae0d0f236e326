"""The registry of rule kinds: one class per file, one line here each."""
from __future__ import annotations

from .attribution import Attribution
from .base import Kind
from .existence import Existence
from .substitution import Substitution

KINDS: dict[str, type[Kind]] = {
    "attribution": Attribution,
    "existence": Existence,
    "substitution": Substitution,
}

# Vale kinds deskcheck does not run: a rule of one of these loads with a warning and is skipped
UNSUPPORTED_VALE_KINDS = frozenset({"sequence", "metric", "script", "readability", "spelling-hunspell"})
