"""`--format text`: what an editor reads in a terminal.

Findings are grouped by file (a blank line between files). Each gets a compiler-style line (`path:line:col: level Rule.Id
message`) that editors and terminals turn into links, then the source line with a caret under
the span, its suggestions and the other places it points at. The run ends with a table of
findings by category and level. Colour is the CLI's decision (a TTY and no NO_COLOR).
"""
from __future__ import annotations

from ..model import Severity
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


class TextFormatter(Formatter):
    name = "text"
    machine = False

    def start(self) -> None:
        self.table: dict[str, dict[Severity, int]] = {}
        self.first = True

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self.color else text

    def file(self, report: FileReport) -> None:
        findings = report.findings
        if not findings:
            return
        # everything that is the same for each finding of the file is worked out once here, and
        # the file's lines are written in one call: this runs for every finding of a run
        table = self.table
        for f in findings:
            counts = table.get(f.category)
            if counts is None:
                counts = table[f.category] = {s: 0 for s in Severity}
            counts[f.severity] += 1
        c = self._c
        path = report.path
        levels = {s: c(COLORS[s], str(s)) for s in Severity}
        rules: dict[str, str] = {}
        doc = report.document
        context = self.options.get("context", True) and doc is not None
        if context:
            assert doc is not None
            src = doc.source
            starts = doc.line_starts()
            n_lines, n_src = len(starts), len(src)
            bar = c(DIM, "|")
            carets = {s: (f"{COLORS[s]}" if self.color else "", RESET if self.color else "") for s in Severity}
        out: list[str] = [] if self.first else [""]     # a blank line between files
        self.first = False
        for f in findings:
            p = f.position
            line = p.line
            rule = rules.get(f.rule)
            if rule is None:
                rule = rules[f.rule] = c(BOLD, f.rule)
            out.append(f"{path}:{line}:{p.column}: {levels[f.severity]} {rule} {f.message} [{f.category}]")
            if context:
                # the span clipped to its line; a long line becomes a window around the span so
                # the caret stays on screen; tabs become spaces so the caret lines up
                line_start = starts[line - 1]
                text = src[line_start:starts[line] if line < n_lines else n_src].rstrip("\r\n")
                size = len(text)
                lo = f.span.start - line_start
                if lo < 0:
                    lo = 0
                hi = f.span.end - line_start
                if hi < lo:
                    hi = lo
                if hi > size:
                    hi = size
                if size > MAX_LINE:
                    first = lo - 60 if lo > 60 else 0
                    if first:
                        text = "…" + text[first:first + MAX_LINE] + ("…" if first + MAX_LINE < size else "")
                        lo, hi = lo - first + 1, (hi - first if hi - first < MAX_LINE else MAX_LINE) + 1
                    else:
                        text = text[:MAX_LINE] + "…"     # first + MAX_LINE < size here
                        if hi > MAX_LINE:
                            hi = MAX_LINE
                if "\t" in text:
                    text = text.replace("\t", " ")
                out.append(f"  {bar} {text}")
                # an empty span (a missing space) still gets one caret, at the insertion point
                on, off = carets[f.severity]
                out.append(f"  {bar} {' ' * lo}{on}{'^' * (hi - lo if hi > lo else 1)}{off}")
            if f.suggestions:
                label = "fix" if len(f.suggestions) == 1 else "suggestions"
                shown = ", ".join(map(show_suggestion, f.suggestions[:5]))
                out.append(f"  = {label}: {c(GREEN, shown)}")
            for r in f.related:
                rp = r.position
                out.append(f"  = note: {path}:{rp.line}:{rp.column}: {r.message}")
        out.append("")
        self.stream.write("\n".join(out))

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
