"""Collecting results: per-file findings, sorted and de-duplicated, and the run's summary."""
from __future__ import annotations

from .model import FACTORY, FINDING_ORDER, Document, Finding, Record, Severity


# written out, not built by @dataclass: a run answered from the result cache then never imports
# dataclasses (and inspect), and a cold run saves a millisecond a class (see model.FrozenRecord)
class FileReport(Record):
    _fields = _repr = __match_args__ = ("path", "findings", "document")
    path: str                       # as given on the command line
    findings: list[Finding]
    document: Document | None

    def __init__(self, path: str, findings: list[Finding], document: Document | None = None) -> None:
        self.path = path
        self.findings = findings
        self.document = document


class Summary(Record):
    _fields = _repr = __match_args__ = ("files", "findings", "by_level", "by_category")
    files: int
    findings: int
    by_level: dict[Severity, int]
    by_category: dict[str, int]

    def __init__(self, files: int = 0, findings: int = 0, by_level: dict[Severity, int] = FACTORY,
                 by_category: dict[str, int] = FACTORY) -> None:
        self.files = files
        self.findings = findings
        self.by_level = {s: 0 for s in Severity} if by_level is FACTORY else by_level
        self.by_category = {} if by_category is FACTORY else by_category

    def add(self, f: Finding) -> None:
        self.findings += 1
        self.by_level[f.severity] += 1
        self.by_category[f.category] = self.by_category.get(f.category, 0) + 1

    def worst(self) -> Severity | None:
        for s in sorted(Severity, reverse=True):
            if self.by_level[s]:
                return s
        return None


# Finding.sort_key's order, read in C (the property and a lambda cost two Python calls a finding)
_SORT_KEY = FINDING_ORDER


def collect(findings: list[Finding], min_level: Severity) -> list[Finding]:
    seen = set()
    out = []
    for f in sorted(findings, key=_SORT_KEY):
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
