"""Where the bundled rule styles live. Kept apart from rules.py so that finding them (the result
cache fingerprints their files) does not import the YAML loader and every rule kind."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def bundled_rules_dir() -> Path:
    """The `rules/` folder: inside the installed package, or beside `src/` in a checkout."""
    here = Path(__file__).resolve().parent
    if (here / "rules").is_dir():
        return here / "rules"
    if (here.parents[1] / "rules").is_dir():
        return here.parents[1] / "rules"
    # a zipped install: only then pay for importlib.resources (it imports zipfile and more)
    from importlib import resources
    return Path(str(resources.files("deskcheck") / "rules"))


@lru_cache(maxsize=1)
def _bundled_styles() -> tuple[str, ...]:
    root = bundled_rules_dir()
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))))


def bundled_styles() -> list[str]:
    return list(_bundled_styles())


def style_folder(style: str, base: Path | None) -> Path | None:
    """The folder a style name resolves to, as the rule loader resolves it; None if neither."""
    candidate = (base / style) if base is not None else Path(style)
    if not candidate.is_dir() and style in bundled_styles():
        return bundled_rules_dir() / style
    return candidate if candidate.is_dir() else None
