"""Finding the articles: files as given, folders searched for known article extensions."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import ReadError
from .source import FORMATS_BY_SUFFIX

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", "_site"}


def discover(paths: list[str]) -> list[str]:
    """Article paths in a stable order; a missing path is an error."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in files:
                    if Path(name).suffix.lower() in FORMATS_BY_SUFFIX and not name.startswith("."):
                        found.append(os.path.join(root, name))
            out.extend(sorted(found))
        elif path.exists():
            out.append(p)
        else:
            raise ReadError("no such file or directory", p)
    return out
