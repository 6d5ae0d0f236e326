"""Analyses computed once per Document and shared by every rule that needs them.

An analysis is a function of the document alone; `cached` stores its result on the document, so
ten rules asking for sentences cost one sentence split.
"""
from __future__ import annotations

from functools import wraps
from typing import Any, Callable, TypeVar

from .. import profiling
from ..model import Document

T = TypeVar("T")


def cached(fn: Callable[[Document], T]) -> Callable[[Document], T]:
    key = f"{fn.__module__}.{fn.__qualname__}"

    @wraps(fn)
    def wrapper(doc: Document) -> T:
        cache: dict[str, Any] = doc.cache
        if key not in cache:
            if profiling.ENABLED:
                profiling.start()
                try:
                    cache[key] = fn(doc)
                finally:
                    profiling.stop("analysis:" + key)
            else:
                cache[key] = fn(doc)
        return cache[key]  # type: ignore[no-any-return]

    return wrapper
