"""`--format json`: the stable, versioned machine output documented in the README."""
from __future__ import annotations

from typing import Any

from .. import __version__
from ..model import Finding, Position, RelatedLocation, Severity
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
_INT = {int}


def _plain_ints(p: Position) -> bool:
    """A position's four numbers are plain ints (which an f-string writes as json.dumps does)."""
    return {type(p.line), type(p.column), type(p.end_line), type(p.end_column)} == _INT


def _related_text(r: RelatedLocation) -> str:
    p = r.position
    if not _plain_ints(p):
        raise TypeError("not a plain int")
    return (f'{{{_P7}"line": {p.line},{_P7}"column": {p.column},{_P7}"end_line": {p.end_line},'
            f'{_P7}"end_column": {p.end_column},{_P7}"message": {_str(r.message)}{_P6}}}')


def finding_text(f: Finding) -> str:
    """`finding_dict(f)` as `json.dumps(..., ensure_ascii=False, indent=1)` writes it inside a
    report: the same bytes, one f-string instead of a dict walked token by token (a test holds
    the two equal). Raises TypeError for a finding it cannot write exactly so (a number that is
    not a plain int, a level that is not a Severity, text that is not a str, which the C escaper
    refuses): the caller then takes the general path."""
    p = f.position
    if type(f.severity) is not Severity or not _plain_ints(p):
        raise TypeError("not a plain int or Severity")
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


def _general_text(f: Finding) -> str:
    """A finding as json.dumps writes it at its depth in the report, whatever its fields hold."""
    return dumps(finding_dict(f), indent=1).replace("\n", "\n    ")


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
            try:
                texts = [finding_text(f) for f in findings]
            except TypeError:
                texts = [_general_text(f) for f in findings]
            body = "[\n    " + ",\n    ".join(texts) + "\n   ]"
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
