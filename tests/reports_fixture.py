"""Shared by the report, fix and diff tests: a short article of our own with fixture rules.

The fixture style (tests/fixtures/reports/Desk) has a rule with one-suggestion fixes, a raw-scope
whitespace rule and a rule without a fix, so these tests do not depend on the bundled rules.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from deskcheck.api import Options, run
from deskcheck.model import Document, Finding, RelatedLocation, Severity, Span
from deskcheck.report import FileReport

FIXTURE = Path(__file__).parent / "fixtures" / "reports"


def copy_fixture(dest: Path) -> Path:
    """The fixture folder (config, style, article.md) copied into `dest`."""
    shutil.copytree(FIXTURE, dest, dirs_exist_ok=True)
    return dest


def article_level(doc: Document, word: str, other: str) -> Finding:
    """An article-level finding like the names checks make: one span, a related second one."""
    start = doc.source.index(word)
    rel_start = doc.source.rindex(other)
    span, rspan = Span(start, start + len(word)), Span(rel_start, rel_start + len(other))
    return Finding(
        rule="Desk.Names", category="names", severity=Severity.WARNING,
        message=f"'{word}' is spelt '{other}' elsewhere in the article.", span=span,
        position=doc.position(span), match=doc.source[span.start:span.end], suggestions=(other,),
        related=(RelatedLocation(rspan, doc.position(rspan), f"'{other}' is written here."),),
    )


def fixture_reports(folder: Path) -> list[FileReport]:
    """A run over the copied fixture article (paths relative to `folder`, the cwd), plus one
    article-level finding so every format shows related places."""
    result = run(["article.md"], Options())
    report = result.files[0]
    assert report.document is not None
    extra = article_level(report.document, "Okafur", "Okafor")
    findings = sorted([*report.findings, extra], key=lambda f: f.sort_key)
    return [FileReport(report.path, findings, report.document)]
