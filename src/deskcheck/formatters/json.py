"""`--format json`: the stable, versioned machine output documented in the README."""
from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..model import Finding, Severity
from ..report import FileReport, Summary
from .base import Formatter

SCHEMA_VERSION = 1


def finding_dict(f: Finding) -> dict[str, Any]:
    p = f.position
    return {
        "rule": f.rule, "category": f.category, "severity": str(f.severity), "message": f.message,
        "line": p.line, "column": p.column, "end_line": p.end_line, "end_column": p.end_column,
        "match": f.match, "suggestions": list(f.suggestions),
        "related": [
            {"line": r.position.line, "column": r.position.column, "end_line": r.position.end_line,
             "end_column": r.position.end_column, "message": r.message}
            for r in f.related
        ],
    }


class JsonFormatter(Formatter):
    name = "json"

    def start(self) -> None:
        self.files: list[dict[str, Any]] = []

    def file(self, report: FileReport) -> None:
        self.files.append({"path": report.path, "findings": [finding_dict(f) for f in report.findings]})

    def finish(self, summary: Summary) -> None:
        out = {
            "deskcheck": __version__,
            "schema": SCHEMA_VERSION,
            "files": self.files,
            "summary": {"files": summary.files, "findings": summary.findings,
                        **{str(s): summary.by_level[s] for s in sorted(Severity, reverse=True)}},
        }
        json.dump(out, self.stream, ensure_ascii=False, indent=1)
        self.stream.write("\n")
