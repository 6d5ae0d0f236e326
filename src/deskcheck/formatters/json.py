"""`--format json`: the stable, versioned machine output documented in the README."""
from __future__ import annotations

from typing import Any

from .. import __version__
from ..model import Finding, RelatedLocation, Severity
from ..report import FileReport, Summary
from .base import Formatter
from .jsontext import _str, dumps

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


# The report's nesting, fixed by the schema: a finding's members are indented five levels
# (report > files > file > findings > finding), its lists' members six, a related place's seven.
_P5, _P6, _P7 = "\n" + " " * 5, "\n" + " " * 6, "\n" + " " * 7
_SEVERITY = {s: _str(str(s)) for s in Severity}


def _related_text(r: RelatedLocation) -> str:
    p = r.position
    return (f'{{{_P7}"line": {p.line},{_P7}"column": {p.column},{_P7}"end_line": {p.end_line},'
            f'{_P7}"end_column": {p.end_column},{_P7}"message": {_str(r.message)}{_P6}}}')


def finding_text(f: Finding) -> str:
    """`finding_dict(f)` as `json.dumps(..., ensure_ascii=False, indent=1)` writes it inside a
    report: the same bytes, one f-string instead of a dict walked token by token (a test holds
    the two equal)."""
    p = f.position
    sugg = f.suggestions
    rel = f.related
    return (
        f'{{{_P5}"rule": {_str(f.rule)},{_P5}"category": {_str(f.category)},'
        f'{_P5}"severity": {_SEVERITY[f.severity]},{_P5}"message": {_str(f.message)},'
        f'{_P5}"line": {p.line},{_P5}"column": {p.column},{_P5}"end_line": {p.end_line},'
        f'{_P5}"end_column": {p.end_column},{_P5}"match": {_str(f.match)},{_P5}"suggestions": '
        + (f"[{_P6}" + f",{_P6}".join(map(_str, sugg)) + f"{_P5}]" if sugg else "[]")
        + f',{_P5}"related": '
        + (f"[{_P6}" + f",{_P6}".join(map(_related_text, rel)) + f"{_P5}]" if rel else "[]")
        + "\n    }"
    )


def _exact(f: Finding) -> bool:
    """Whether finding_text's assumptions hold for `f`: plain ints and strs where the schema
    has them (anything else, such as a subclass, is written by the general encoder)."""
    p = f.position
    return (type(p.line) is int and type(p.column) is int and type(p.end_line) is int
            and type(p.end_column) is int and type(f.rule) is str and type(f.category) is str
            and type(f.message) is str and type(f.match) is str and f.severity in _SEVERITY
            and all(type(s) is str for s in f.suggestions)
            and all(type(r.message) is str and all(type(v) is int for v in r.position._key()) for r in f.related))


class JsonFormatter(Formatter):
    name = "json"

    def start(self) -> None:
        self.files: list[str] = []

    def file(self, report: FileReport) -> None:
        # each file's entry as text now (files > file: members indented three spaces)
        findings = report.findings
        if not findings:
            body = "[]"
        else:
            body = "[\n    " + ",\n    ".join([
                finding_text(f) if _exact(f) else dumps(finding_dict(f), indent=1).replace("\n", "\n    ")
                for f in findings]) + "\n   ]"
        self.files.append(f'{{\n   "path": {dumps(report.path)},\n   "findings": {body}\n  }}')

    def finish(self, summary: Summary) -> None:
        out = {
            "deskcheck": __version__,
            "schema": SCHEMA_VERSION,
            "files": [],
            "summary": {"files": summary.files, "findings": summary.findings,
                        **{str(s): summary.by_level[s] for s in sorted(Severity, reverse=True)}},
        }
        # json.dump(out, stream, ensure_ascii=False, indent=1) with the files' texts in place of
        # the empty list (the only "[]" at one space of indent before "summary")
        text = dumps(out, indent=1)
        if self.files:
            files = "[\n  " + ",\n  ".join(self.files) + "\n ]"
            head, _, tail = text.partition('\n "files": [],\n')
            text = f'{head}\n "files": {files},\n{tail}'
        self.stream.write(text + "\n")
