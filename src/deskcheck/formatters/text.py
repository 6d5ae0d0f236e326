"""`--format text`: what an editor reads in a terminal.

Findings are grouped by file (a blank line between files). Each gets a compiler-style line (`path:line:col: level Rule.Id
message`) that editors and terminals turn into links, then the source line with a caret under
the span, its suggestions and the other places it points at. The run ends with a table of
findings by category and level. Colour is the CLI's decision (a TTY and no NO_COLOR).
"""
from __future__ import annotations

from ..model import Document, Finding, Severity
from ..report import FileReport, Summary
from .base import Formatter, show_suggestion

COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.SUGGESTION: "\033[36m"}
RESET = "\033[0m"
BOLD = "\033[1m"
DIM = "\033[2m"
GREEN = "\033[32m"
MAX_LINE = 160          # longer source lines are shown as a window around the span
LEVELS = tuple(sorted(Severity, reverse=True))


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def source_line(doc: Document, line: int) -> tuple[int, str]:
    """Offset and text (without its line ending) of a 1-based source line."""
    starts = doc.line_starts()
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(doc.source)
    return start, doc.source[start:end].rstrip("\r\n")


def excerpt(doc: Document, line: int, start: int, end: int) -> tuple[str, int, int]:
    """The text of `line` to show, and the column range (0-based, in that text) of [start, end).

    The span is clipped to the line; long lines become a window around the span so the caret
    stays on screen. Tabs become spaces so the caret lines up.
    """
    line_start, text = source_line(doc, line)
    lo = max(0, start - line_start)
    hi = min(len(text), max(lo, end - line_start))
    if len(text) > MAX_LINE:
        first = max(0, lo - 60)
        window = text[first:first + MAX_LINE]
        prefix = "…" if first else ""
        suffix = "…" if first + MAX_LINE < len(text) else ""
        text = prefix + window + suffix
        lo, hi = lo - first + len(prefix), min(hi - first, MAX_LINE) + len(prefix)
    return text.replace("\t", " "), lo, hi


class TextFormatter(Formatter):
    name = "text"
    machine = False

    def start(self) -> None:
        self.table: dict[str, dict[Severity, int]] = {}
        self.first = True

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self.color else text

    def file(self, report: FileReport) -> None:
        if not report.findings:
            return
        w = self.stream.write
        if not self.first:
            w("\n")          # a blank line between files; each line names its file already
        self.first = False
        for f in report.findings:
            self.table.setdefault(f.category, {s: 0 for s in Severity})[f.severity] += 1
            self._finding(report, f)

    def _finding(self, report: FileReport, f: Finding) -> None:
        w = self.stream.write
        p = f.position
        level = self._c(COLORS[f.severity], str(f.severity))
        w(f"{report.path}:{p.line}:{p.column}: {level} {self._c(BOLD, f.rule)} {f.message} [{f.category}]\n")
        doc = report.document
        if self.options.get("context", True) and doc is not None:
            text, lo, hi = excerpt(doc, p.line, f.span.start, f.span.end)
            bar = self._c(DIM, "|")
            w(f"  {bar} {text}\n")
            # an empty span (a missing space) still gets one caret, at the insertion point
            marks = "^" * max(1, hi - lo)
            w(f"  {bar} {' ' * lo}{self._c(COLORS[f.severity], marks)}\n")
        if f.suggestions:
            label = "fix" if len(f.suggestions) == 1 else "suggestions"
            shown = ", ".join(show_suggestion(s) for s in f.suggestions[:5])
            w(f"  = {label}: {self._c(GREEN, shown)}\n")
        for r in f.related:
            rp = r.position
            w(f"  = note: {report.path}:{rp.line}:{rp.column}: {r.message}\n")

    def finish(self, summary: Summary) -> None:
        w = self.stream.write
        if self.options.get("quiet") and not summary.findings:
            return
        if summary.findings and self.options.get("table", True) and self.table:
            self._table()
        parts = [plural(summary.by_level[s], str(s)) for s in LEVELS]
        w(f"{plural(summary.findings, 'finding')} ({', '.join(parts)}) in {plural(summary.files, 'file')}\n")

    def _table(self) -> None:
        """Rows by category (most findings first), columns by level, with totals."""
        w = self.stream.write
        rows = sorted(self.table.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        width = max(len("category"), *(len(c) for c in self.table))
        cols = [str(s) for s in LEVELS] + ["total"]
        header = f"{'category':<{width}}  " + "  ".join(f"{c:>10}" for c in cols)
        w("\n" + self._c(BOLD, header) + "\n")
        totals = {s: 0 for s in Severity}
        for cat, counts in rows:
            cells = [f"{counts[s]:>10}" for s in LEVELS] + [f"{sum(counts.values()):>10}"]
            w(f"{cat:<{width}}  " + "  ".join(cells) + "\n")
            for s in Severity:
                totals[s] += counts[s]
        cells = [f"{totals[s]:>10}" for s in LEVELS] + [f"{sum(totals.values()):>10}"]
        w(f"{'total':<{width}}  " + "  ".join(cells) + "\n\n")
