"""deskcheck: an editorial fact-check and style linter for news articles."""
from __future__ import annotations

__version__ = "0.1.0"

from typing import Any  # noqa: E402


def check_text(text: str, format: str = "md", config: Any = None, **options: Any) -> Any:
    """Lint a string; returns a list of Finding. See deskcheck.api.check_text."""
    from .api import check_text as _check_text
    return _check_text(text, format=format, config=config, **options)


def check_path(path: Any, config: Any = None, **options: Any) -> Any:
    """Lint one article file; returns a list of Finding. See deskcheck.api.check_path."""
    from .api import check_path as _check_path
    return _check_path(path, config=config, **options)


__all__ = ["__version__", "check_text", "check_path"]
