"""`deskcheck fix PATHS...`: apply the safe fixes, and nothing else.

A fix is safe when its finding offers exactly one suggestion (a substitution with one
replacement, a whitespace repair, a misspelling with one known correction, a preferred name
form). Everything else about the file stays as it was: its encoding and BOM, its line endings,
its permissions, and every byte outside the fixed spans. Findings only come from prose and raw
scopes, which leave out code blocks and front matter; a fix that would still touch such a span
is skipped anyway. Fixes that overlap are applied once, in a fixed order (earliest, then longest
first); the file is then checked again, and fixes that became possible are applied, a few
passes at most. Writes go to a temporary file in the same folder, then os.replace.
"""
from __future__ import annotations

import difflib
import html
import os
import stat
import tempfile
from dataclasses import dataclass, field
from typing import Iterable

from .api import ConfigCache, Options, check_document_with, load_document
from .discover import discover
from .errors import ReadError
from .model import Document, Finding
from .source import decode

BOM = b"\xef\xbb\xbf"
MAX_PASSES = 3


@dataclass(frozen=True, order=True)
class Edit:
    start: int
    end: int
    text: str
    rule: str


@dataclass
class FileFix:
    path: str
    original: str                  # decoded text (without its BOM)
    fixed: str
    bom: bool
    applied: list[Edit] = field(default_factory=list)
    skipped: list[Edit] = field(default_factory=list)       # lost to an overlapping fix
    remaining: list[Finding] = field(default_factory=list)  # findings after fixing

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        return unified_diff(self.original, self.fixed, self.path)


def _in_non_prose(doc: Document, start: int, end: int) -> bool:
    for s in doc.non_prose:
        if start < s.end and s.start < end:
            return True
        if start == end and s.start < start < s.end:   # an insertion inside code or front matter
            return True
    return False


def safe_edits(doc: Document, findings: Iterable[Finding]) -> list[Edit]:
    """The edits of findings with exactly one suggestion that really change prose."""
    edits = []
    for f in findings:
        if len(f.suggestions) != 1 or _in_non_prose(doc, f.span.start, f.span.end):
            continue
        text = f.suggestions[0]
        if doc.format == "html":
            text = html.escape(text, quote=False)    # the suggestion is prose; the file is markup
        if doc.source[f.span.start:f.span.end] == text:
            continue
        edits.append(Edit(f.span.start, f.span.end, text, f.rule))
    return edits


def _conflict(a: Edit, b: Edit) -> bool:
    if a.start < b.end and b.start < a.end:
        return True
    # two edits at one point where either inserts: their order would be a guess
    return a.start == b.start and (a.start == a.end or b.start == b.end)


def plan(edits: Iterable[Edit]) -> tuple[list[Edit], list[Edit]]:
    """Non-overlapping edits to apply, and those skipped; the same inputs give the same plan."""
    chosen: list[Edit] = []
    skipped: list[Edit] = []
    seen: set[tuple[int, int, str]] = set()
    for edit in sorted(edits, key=lambda e: (e.start, -(e.end - e.start), e.text, e.rule)):
        key = (edit.start, edit.end, edit.text)
        if key in seen:          # two rules proposing the same change: apply it once
            continue
        seen.add(key)
        if chosen and _conflict(chosen[-1], edit):
            skipped.append(edit)
        else:
            chosen.append(edit)
    return chosen, skipped


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for edit in sorted(edits):
        out.append(text[pos:edit.start])
        out.append(edit.text)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def unified_diff(before: str, after: str, path: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"a/{path}", f"b/{path}")
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def fix_file(path: str, options: Options, configs: ConfigCache | None = None) -> FileFix:
    configs = configs or ConfigCache(options)
    config = configs.for_path(path)
    try:
        data = open(path, "rb").read()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}", path) from None
    text = decode(data, path)
    result = FileFix(path, text, text, data.startswith(BOM))
    doc = load_document(path, options, text=text)
    seen = {text}
    findings, _ = check_document_with(doc, config, options)
    for _ in range(MAX_PASSES):
        chosen, skipped = plan(safe_edits(doc, findings))
        if not chosen:
            break
        new = apply_edits(doc.source, chosen)
        if new in seen:          # fixes that undo each other: stop rather than loop
            break
        seen.add(new)
        result.applied.extend(chosen)
        result.skipped.extend(skipped)
        result.fixed = new
        doc = load_document(path, options, text=new)
        findings, _ = check_document_with(doc, config, options)    # re-check what was written
    result.remaining = findings
    return result


def write_atomic(path: str, data: bytes) -> None:
    """Replace a file's contents in one step, keeping its permissions (and owner when allowed)."""
    real = os.path.realpath(path)          # through a symlink: replace the file, not the link
    folder = os.path.dirname(real) or "."
    st = os.stat(real)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(real)}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass               # not ours to give away: the new file keeps our ownership
        os.replace(tmp, real)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def save(fix: FileFix) -> None:
    write_atomic(fix.path, (BOM if fix.bom else b"") + fix.fixed.encode("utf-8"))


def fix_paths(paths: list[str], options: Options | None = None, dry_run: bool = False) -> list[FileFix]:
    """Fix every article under `paths` (written unless dry_run); the results, changed or not."""
    options = options or Options()
    configs = ConfigCache(options)
    results = []
    for path in discover(paths):
        if path == "-":
            raise ReadError("fix works on files; it cannot rewrite stdin", path)
        if configs.for_path(path).ignored(path):
            continue
        fix = fix_file(path, options, configs)
        if fix.changed and not dry_run:
            save(fix)
        results.append(fix)
    return results
