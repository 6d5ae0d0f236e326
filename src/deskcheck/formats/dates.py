"""Reading the article's own date from metadata strings ("2021-04-21", "April 21, 2021")."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..analysis.dates import MONTH_NAMES
from ..compiled import re_compile
from ..model import Metadata, Span

MONTHS = {m: i + 1 for i, m in enumerate(MONTH_NAMES)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9

_ISO = re_compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MDY = re_compile(r"(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DMY = re_compile(r"(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
# every Unicode space, including the no-break spaces real copy carries
_SPACES = re_compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
# the same characters as a string for str.strip (a test holds the two equal)
SPACE_CHARS = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
               "\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff")


def _may_be_date(value: str) -> bool:
    """Every form parse_meta_date reads starts (ISO) or ends (the others) with a digit, once its
    spaces are trimmed: the readers ask it about whole paragraphs, which end in words or
    punctuation, so look at the two ends before normalising the spaces of the whole text."""
    core = value.strip(SPACE_CHARS)
    return core[:1].isdecimal() or core[-1:].isdecimal()


def parse_meta_date(value: object) -> dt.date | None:
    """A date from front matter or a date line; None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    if not _may_be_date(value):
        return None
    text = _SPACES.sub(" ", value).strip()
    try:
        m = _ISO.match(text)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = _MDY.fullmatch(text)
        if m and m[1].lower() in MONTHS:
            return dt.date(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
        m = _DMY.fullmatch(text)
        if m and m[2].lower() in MONTHS:
            return dt.date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    except ValueError:
        return None
    return None


_FILENAME = re_compile(r"^(\d{4})-(\d{2})-(\d{2})-")
_FILENAME_ANYWHERE = re_compile(r"\d{4}-\d{2}-\d{2}-")


def date_from_filename(name: str) -> dt.date | None:
    """Jekyll-style post names: 2021-04-21-title.md."""
    m = _FILENAME.match(name)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def settle_date(meta: Metadata, path: str) -> None:
    """Add the file name's date (2021-04-21-title.md) as the last date source, and take the
    article's date from the first source: every format ranks its own metadata above the name."""
    # the file's name is a piece of its path as written: a path without a dated piece anywhere
    # has no dated name, and needs no pathlib parse (~10 us an article)
    fd = date_from_filename(Path(path).name) if _FILENAME_ANYWHERE.search(path) else None
    if fd is not None:
        meta.date_sources.append(("file name", fd, None))
    if meta.date_sources:
        meta.date = meta.date_sources[0][1]


def front_matter_value_span(node: Any, yaml_start: int, key: str) -> Span | None:
    """Where a top-level front matter value sits in the source, so a finding can point at it."""
    if node is None or not isinstance(getattr(node, "value", None), list):
        return None
    for k, v in node.value:
        if getattr(k, "value", None) == key and hasattr(v, "start_mark"):
            return Span(yaml_start + v.start_mark.index, yaml_start + v.end_mark.index)
    return None
