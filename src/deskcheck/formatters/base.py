"""The formatter protocol: start, one call per file, finish with the summary."""
from __future__ import annotations

from typing import IO, ClassVar

from ..report import FileReport, Summary


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
