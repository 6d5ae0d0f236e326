"""`--format github`: GitHub Actions workflow commands, which annotate a pull request's diff.

    ::error file=news/a.md,line=3,col=5,endLine=3,endColumn=9,title=Deskcheck.X (style)::message

Property values escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF (GitHub's
own toolkit does the same), so an article cannot smuggle a second command into the log.
"""
from __future__ import annotations

from ..model import Severity
from ..report import FileReport
from .base import Formatter, show_suggestion

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    name = "github"

    def file(self, report: FileReport) -> None:
        for f in report.findings:
            p = f.position
            props = {
                "file": report.path.replace("\\", "/"), "line": p.line, "col": p.column,
                "endLine": p.end_line, "endColumn": p.end_column, "title": f"{f.rule} ({f.category})",
            }
            message = f.message
            if f.suggestions:
                message += f"\nSuggestion: {', '.join(map(show_suggestion, f.suggestions))}"
            for r in f.related:
                message += f"\nSee line {r.position.line}, column {r.position.column}: {r.message}"
            head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
            self.stream.write(f"::{COMMANDS[f.severity]} {head}::{escape_data(message)}\n")
