"""A progress bar on stderr for long runs, drawn only when stderr is a terminal.

Output formats go to stdout, so the bar never mixes into a report or a pipe; it redraws in place
at most a few times a second and erases itself when the run ends.
"""
from __future__ import annotations

import time
from typing import IO

MIN_FILES = 10          # fewer files finish before a bar would be worth reading
INTERVAL = 0.1          # seconds between redraws


class ProgressBar:
    def __init__(self, stream: IO[str], enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.last = 0.0
        self.drawn = False

    @classmethod
    def for_stream(cls, stream: IO[str]) -> "ProgressBar":
        return cls(stream, hasattr(stream, "isatty") and stream.isatty())

    def __call__(self, done: int, total: int, path: str = "") -> None:
        if not self.enabled or total < MIN_FILES:
            return
        now = time.monotonic()
        if done < total and now - self.last < INTERVAL:
            return
        self.last = now
        import shutil       # (here, not at the top: it imports bz2 and lzma, which most runs never need)
        width = shutil.get_terminal_size((80, 20)).columns
        count = f" {done}/{total} "
        bar_width = max(10, min(40, width // 3))
        filled = bar_width * done // max(total, 1)
        name = path[-max(0, width - bar_width - len(count) - 4):] if path else ""
        line = f"[{'#' * filled}{'.' * (bar_width - filled)}]{count}{name}"
        self.stream.write("\r" + line[:width - 1].ljust(width - 1))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            import shutil
            width = shutil.get_terminal_size((80, 20)).columns
            self.stream.write("\r" + " " * (width - 1) + "\r")
            self.stream.flush()
            self.drawn = False
