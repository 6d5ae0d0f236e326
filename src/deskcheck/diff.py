"""`--diff REF` / `--changed-since REF`: keep only findings on lines changed since a git ref.

A pull request then shows what its author wrote, not every old problem in the file. The lines
come from `git diff` between the merge base of REF and HEAD and the working tree (so uncommitted
edits count, and changes made on the base branch since do not); a file git
does not track yet is new, so every line of it counts. Article-level findings (a name spelt two
ways, dates that disagree) point at several places through `related`: they stay when any of
those places is on a changed line.
"""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from .errors import DeskcheckError
from .model import Finding, Position
from .report import FileReport

ALL_LINES = None          # marker: every line of the file counts as changed
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise DeskcheckError("--diff needs git, which is not installed") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DeskcheckError(f"git {' '.join(args[:2])} failed: {msg[-1] if msg else 'exit ' + str(proc.returncode)}")
    return proc.stdout.decode("utf-8", "surrogateescape")


def unquote_path(raw: str) -> str:
    """A path as git prints it in a diff header (C-quoted when it has unusual characters)."""
    if not (raw.startswith('"') and raw.endswith('"')):
        return raw
    body, out, i = raw[1:-1], bytearray(), 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in "01234567":
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            out.extend(_ESCAPES.get(nxt, nxt).encode())
            i += 2
            continue
        out.extend(ch.encode("utf-8", "surrogateescape"))
        i += 1
    return out.decode("utf-8", "replace")


def parse_diff(text: str) -> dict[str, set[int]]:
    """New-side line numbers added or changed, by path (relative to the repository root)."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            target = line[4:].rstrip("\t")
            if target == "/dev/null":
                current = None
                continue
            path = unquote_path(target)
            path = path[2:] if path.startswith("b/") else path
            current = changed.setdefault(path, set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
                current.update(range(start, start + count))
    return changed


class ChangedLines:
    """Which lines of which files changed since a ref, for one repository."""

    def __init__(self, ref: str, cwd: Path | None = None) -> None:
        cwd = cwd or Path.cwd()
        self.root = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip()).resolve()
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], self.root)
        # compare with where this branch left REF, so a pull request against a base branch that
        # moved on shows only its own lines (for an ancestor such as HEAD~1 this is REF itself)
        try:
            base = _git(["merge-base", ref, "HEAD"], self.root).strip() or ref
        except DeskcheckError:
            base = ref            # unrelated histories (or no commit yet): compare with REF as is
        diff = _git(["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--unified=0",
                     "-M", base, "--"], self.root)
        self.lines = parse_diff(diff)
        untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], self.root)
        self.new_files = {p for p in untracked.split("\0") if p}

    def for_path(self, path: str) -> set[int] | None:
        """Changed lines of an article (None: all of them; empty: none)."""
        if path == "-":
            return ALL_LINES
        try:
            rel = Path(os.path.realpath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return ALL_LINES      # outside the repository: nothing to compare, keep everything
        if rel in self.new_files:
            return ALL_LINES
        return self.lines.get(rel, set())


def _lines(pos: Position) -> range:
    # a span that ends at the very start of a line does not touch that line
    end = pos.end_line - 1 if pos.end_column == 1 and pos.end_line > pos.line else pos.end_line
    return range(pos.line, end + 1)


def on_changed_line(f: Finding, changed: set[int]) -> bool:
    if any(n in changed for n in _lines(f.position)):
        return True
    return any(n in changed for r in f.related for n in _lines(r.position))


def filter_reports(reports: list[FileReport], ref: str, cwd: Path | None = None) -> list[FileReport]:
    """The reports with only the findings on changed lines (files keep their place)."""
    changes = ChangedLines(ref, cwd)
    out = []
    for r in reports:
        changed = changes.for_path(r.path)
        findings = r.findings if changed is ALL_LINES else [f for f in r.findings if on_changed_line(f, changed)]
        out.append(FileReport(r.path, findings, r.document))
    return out
