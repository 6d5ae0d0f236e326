"""Errors that end a run with exit 2 and one clear line, never a traceback."""
from __future__ import annotations


class DeskcheckError(Exception):
    """A problem with input the user gave: a file, a rule, the config or an option."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class RuleError(DeskcheckError):
    """A rule file is malformed."""


class ConfigError(DeskcheckError):
    """The configuration is malformed."""


class ReadError(DeskcheckError):
    """An article cannot be read."""
