"""The registry of rule kinds: one class per file, one line here each."""
from __future__ import annotations

from .attribution import Attribution
from .base import Kind
from .capitalization import Capitalization
from .conditional import Conditional
from .consistency import Consistency
from .dates import Dates
from .existence import Existence
from .occurrence import Occurrence
from .repetition import Repetition
from .substitution import Substitution

KINDS: dict[str, type[Kind]] = {
    "attribution": Attribution,
    "dates": Dates,
    "existence": Existence,
    "substitution": Substitution,
    "occurrence": Occurrence,
    "repetition": Repetition,
    "conditional": Conditional,
    "capitalization": Capitalization,
    "consistency": Consistency,
}

# Vale kinds deskcheck does not run: a rule of one of these loads with a warning and is skipped
UNSUPPORTED_VALE_KINDS = frozenset({"sequence", "metric", "script", "readability", "spelling-hunspell"})
