"""`--format text`: compiler-style lines (`path:line:col: level Rule.Id message`) and a summary."""
from __future__ import annotations

from ..model import Severity
from ..report import FileReport, Summary
from .base import Formatter

COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.SUGGESTION: "\033[36m"}
RESET = "\033[0m"
BOLD = "\033[1m"
DIM = "\033[2m"


class TextFormatter(Formatter):
    name = "text"
    machine = False

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self.color else text

    def file(self, report: FileReport) -> None:
        w = self.stream.write
        for f in report.findings:
            p = f.position
            level = self._c(COLORS[f.severity], str(f.severity))
            fix = f" (suggestion: {', '.join(f.suggestions[:3])})" if f.suggestions else ""
            w(f"{report.path}:{p.line}:{p.column}: {level} {self._c(BOLD, f.rule)} {f.message}{fix}\n")
            if self.options.get("context", True) and report.document is not None:
                self._context(report, f)
            for r in f.related:
                w(f"    {report.path}:{r.position.line}:{r.position.column}: note: {r.message}\n")

    def _context(self, report: FileReport, f: "object") -> None:
        doc = report.document
        assert doc is not None
        span = f.span  # type: ignore[attr-defined]
        starts = doc.line_starts()
        line = f.position.line  # type: ignore[attr-defined]
        ls = starts[line - 1]
        le = starts[line] if line < len(starts) else len(doc.source)
        text = doc.source[ls:le].rstrip("\r\n")
        line_len = len(text)
        if len(text) > 160:
            # show a window around the span on long lines
            lo = max(0, span.start - ls - 60)
            text_window = text[lo:lo + 160]
            offset = span.start - ls - lo
            prefix = "…" if lo else ""
            text = prefix + text_window
            offset += len(prefix)
        else:
            offset = span.start - ls
        width = max(1, min(span.end, ls + line_len + 1) - span.start)
        shown = text.replace("\t", " ")
        self.stream.write(f"  {self._c(DIM, '|')} {shown}\n")
        self.stream.write(f"  {self._c(DIM, '|')} {' ' * offset}{self._c(COLORS[f.severity], '^' * min(width, max(1, len(shown) - offset)))}\n")  # type: ignore[attr-defined]

    def finish(self, summary: Summary) -> None:
        if self.options.get("quiet") and not summary.findings:
            return
        parts = [f"{summary.by_level[s]} {s}{'s' if summary.by_level[s] != 1 else ''}"
                 for s in sorted(Severity, reverse=True)]
        files = f"{summary.files} file{'s' if summary.files != 1 else ''}"
        if summary.findings and self.options.get("table", True) and summary.by_category:
            cats = ", ".join(f"{c} {n}" for c, n in sorted(summary.by_category.items(), key=lambda kv: (-kv[1], kv[0])))
            self.stream.write(f"\nby category: {cats}\n")
        self.stream.write(f"{summary.findings} finding{'s' if summary.findings != 1 else ''} "
                          f"({', '.join(parts)}) in {files}\n")
