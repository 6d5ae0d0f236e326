"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other static-analysis viewers.

One run; the driver lists every rule that produced a finding, with its description as help text
and its link. Each result carries its region (line/column and character offsets), the snippet,
related locations, and a fix when the finding has exactly one suggestion. Columns count Unicode
code points, as deskcheck's do, which the run declares with `columnKind`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..model import Finding, Position, Severity, Span
from ..report import FileReport, Summary
from .base import Formatter, show_suggestion
from .jsontext import dumps

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}


def artifact_uri(path: str) -> str:
    """A relative path stays relative (code scanning resolves it against the checkout)."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/-._~")


def region(span: Span, pos: Position, source: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "startLine": pos.line, "startColumn": pos.column, "endLine": pos.end_line, "endColumn": pos.end_column,
        "charOffset": span.start, "charLength": span.end - span.start,
    }
    if source is not None and span.end > span.start:
        out["snippet"] = {"text": source[span.start:span.end]}
    return out


def rule_descriptor(rule_id: str, rule: Any | None, category: str) -> dict[str, Any]:
    """Rule metadata from the loaded Rule object (or just its id when it is unknown)."""
    d: dict[str, Any] = {"id": rule_id, "name": rule_id.replace(".", "")}
    props: dict[str, Any] = {"category": category, "tags": [category]}
    if rule is not None:
        short = rule.description or rule.message
        d["shortDescription"] = {"text": short.split(". ")[0].strip() or rule_id}
        if rule.description:
            d["fullDescription"] = {"text": rule.description}
        help_text = rule.description or rule.message
        examples = rule.examples.get("bad", []) if isinstance(rule.examples, dict) else []
        md = help_text
        if examples:
            ex = examples[0]["text"] if isinstance(examples[0], dict) else examples[0]
            md += f"\n\nFlagged: `{' '.join(str(ex).split())}`"
        if rule.link:
            md += f"\n\n[More about this rule]({rule.link})"
            d["helpUri"] = rule.link
        d["help"] = {"text": help_text, "markdown": md}
        d["defaultConfiguration"] = {"level": LEVELS[rule.level]}
        props["kind"] = rule.kind_name
        props["category"] = rule.category
        props["tags"] = [rule.category]
    d["properties"] = props
    return d


class SarifFormatter(Formatter):
    name = "sarif"
    needs_rules = True

    def start(self) -> None:
        self.results: list[dict[str, Any]] = []
        self.rule_index: dict[str, int] = {}
        self.descriptors: list[dict[str, Any]] = []

    def _index(self, f: Finding) -> int:
        if f.rule not in self.rule_index:
            rules = self.options.get("rules") or {}
            rule = rules.get(f.rule) if isinstance(rules, dict) else None
            self.rule_index[f.rule] = len(self.descriptors)
            self.descriptors.append(rule_descriptor(f.rule, rule, f.category))
        return self.rule_index[f.rule]

    def file(self, report: FileReport) -> None:
        uri = artifact_uri(report.path)
        source = report.document.source if report.document is not None else None
        for f in report.findings:
            loc = {"artifactLocation": {"uri": uri}}
            result: dict[str, Any] = {
                "ruleId": f.rule, "ruleIndex": self._index(f), "level": LEVELS[f.severity],
                "message": {"text": f.message + (f" Suggestion: {', '.join(map(show_suggestion, f.suggestions))}." if f.suggestions else "")},
                "locations": [{"physicalLocation": {**loc, "region": region(f.span, f.position, source)}}],
                "properties": {"category": f.category, "match": f.match},
            }
            if f.suggestions:
                result["properties"]["suggestions"] = list(f.suggestions)
            if f.related:
                result["relatedLocations"] = [
                    {"id": i, "message": {"text": r.message},
                     "physicalLocation": {**loc, "region": region(r.span, r.position, source)}}
                    for i, r in enumerate(f.related, 1)
                ]
            if len(f.suggestions) == 1:
                result["fixes"] = [{
                    "description": {"text": f"Replace with '{f.suggestions[0]}'" if f.suggestions[0] else "Remove this text"},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri},
                        "replacements": [{
                            "deletedRegion": {"charOffset": f.span.start, "charLength": f.span.end - f.span.start},
                            "insertedContent": {"text": f.suggestions[0]},
                        }],
                    }],
                }]
            self.results.append(result)

    def finish(self, summary: Summary) -> None:
        log = {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "deskcheck", "version": __version__, "semanticVersion": __version__,
                    "rules": self.descriptors,
                }},
                "columnKind": "unicodeCodePoints",
                "results": self.results,
            }],
        }
        # json.dump(log, stream, ensure_ascii=False, indent=1), built in one string (see jsontext)
        self.stream.write(dumps(log, indent=1) + "\n")
