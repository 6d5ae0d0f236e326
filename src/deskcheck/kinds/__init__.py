"""The registry of rule kinds: one class per file, one line here each."""
from __future__ import annotations

from .acronyms import AcronymFirstUse
from .attribution import Attribution
from .base import Kind
from .capitalization import Capitalization
from .compound import CompoundModifier
from .conditional import Conditional
from .consistency import Consistency
from .dates import Dates
from .demonym import Demonym
from .existence import Existence
from .spelling import Spelling
from .substitution import Substitution
from .variety import Variety
from .names import Names
from .languagetool import LanguageToolKind
from .occurrence import Occurrence
from .percent_style import PercentStyle
from .proselint import Proselint
from .repeated_passage import RepeatedPassage
from .repetition import Repetition
from .unattributed import Unattributed

KINDS: dict[str, type[Kind]] = {
    "attribution": Attribution,
    "dates": Dates,
    "existence": Existence,
    "names": Names,
    "substitution": Substitution,
    "spelling": Spelling,
    "variety": Variety,
    "demonym": Demonym,
    "compound-modifier": CompoundModifier,
    "repeated-passage": RepeatedPassage,
    "acronym-first-use": AcronymFirstUse,
    "unattributed": Unattributed,
    "percent-style": PercentStyle,
    "proselint": Proselint,
    "languagetool": LanguageToolKind,
    "occurrence": Occurrence,
    "repetition": Repetition,
    "conditional": Conditional,
    "capitalization": Capitalization,
    "consistency": Consistency,
}

# Vale kinds deskcheck does not run: a rule of one of these loads with a warning and is skipped
UNSUPPORTED_VALE_KINDS = frozenset({"sequence", "metric", "script", "readability", "spelling-hunspell"})
