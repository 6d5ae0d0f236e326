"""Collecting results: per-file findings, sorted and de-duplicated, and the run's summary."""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Document, Finding, Severity


@dataclass
class FileReport:
    path: str                       # as given on the command line
    findings: list[Finding]
    document: Document | None = None


@dataclass
class Summary:
    files: int = 0
    findings: int = 0
    by_level: dict[Severity, int] = field(default_factory=lambda: {s: 0 for s in Severity})
    by_category: dict[str, int] = field(default_factory=dict)

    def add(self, f: Finding) -> None:
        self.findings += 1
        self.by_level[f.severity] += 1
        self.by_category[f.category] = self.by_category.get(f.category, 0) + 1

    def worst(self) -> Severity | None:
        for s in sorted(Severity, reverse=True):
            if self.by_level[s]:
                return s
        return None


def collect(findings: list[Finding], min_level: Severity) -> list[Finding]:
    seen = set()
    out = []
    for f in sorted(findings, key=lambda f: f.sort_key):
        if f.severity < min_level:
            continue
        key = (f.rule, f.span, f.message)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def summarize(reports: list[FileReport]) -> Summary:
    s = Summary(files=len(reports))
    for r in reports:
        for f in r.findings:
            s.add(f)
    return s
