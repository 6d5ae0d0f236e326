"""YAML through libyaml when PyYAML was built with it: rule files, configs and front matter.

The pure-Python loader costs a few milliseconds per small file; with dozens of rule files that
alone would break the 0.3 s cold-start budget of a pre-commit hook. libyaml builds the same
Python values about 20x faster. Node trees (for line numbers in error messages) are built only
when an error needs one.
"""
from __future__ import annotations

from typing import Any

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
