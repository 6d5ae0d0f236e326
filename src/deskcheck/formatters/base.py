"""The formatter protocol: start, one call per file, finish with the summary."""
from __future__ import annotations

from typing import IO, ClassVar

from ..report import FileReport, Summary


def show_suggestion(text: str) -> str:
    """A suggestion as a reader can see it: an empty one means delete the span."""
    if not text:
        return "(remove)"
    return text if text.strip() else repr(text)


class Formatter:
    name: ClassVar[str]
    machine: ClassVar[bool] = True      # stdout holds only this output
    # formatters that describe rules (SARIF) get `rules={id: Rule}` among their options
    needs_rules: ClassVar[bool] = False

    def __init__(self, stream: IO[str], color: bool = False, **options: object) -> None:
        self.stream = stream
        self.color = color
        self.options = options

    def start(self) -> None:
        pass

    def file(self, report: FileReport) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass
