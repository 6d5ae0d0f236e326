"""`--format junit`: JUnit XML, the test-report format nearly every CI system reads natively.

JUnit beats Checkstyle XML on reach: GitLab (merge-request widget), Jenkins (core junit step),
Azure Pipelines, CircleCI, Bitbucket Pipelines, TeamCity and Buildkite all show it without a
plug-in, and GitHub through common report actions; Checkstyle XML mostly needs Jenkins'
warnings plug-in or reviewdog. Layout (as linters usually map findings onto tests): one
<testsuite> per article, one failing <testcase> per finding; an article without findings gets
one passing test case so it still counts as checked.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..report import FileReport, Summary
from .base import Formatter, show_suggestion

# characters XML 1.0 cannot carry at all, even escaped (articles sometimes contain them)
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


class JunitFormatter(Formatter):
    name = "junit"

    def start(self) -> None:
        self.root = ET.Element("testsuites", name="deskcheck")

    def file(self, report: FileReport) -> None:
        suite = ET.SubElement(self.root, "testsuite", name=clean(report.path),
                              tests=str(max(1, len(report.findings))),
                              failures=str(len(report.findings)), errors="0", skipped="0")
        if not report.findings:
            ET.SubElement(suite, "testcase", name="deskcheck", classname=clean(report.path))
            return
        for f in report.findings:
            p = f.position
            case = ET.SubElement(suite, "testcase", name=clean(f"{f.rule} at {p.line}:{p.column}"),
                                 classname=clean(report.path), file=clean(report.path), line=str(p.line))
            lines = [f"{report.path}:{p.line}:{p.column}: {f.severity} {f.rule} [{f.category}] {f.message}",
                     f"match: {f.match}"]
            if f.suggestions:
                lines.append(f"suggestions: {', '.join(map(show_suggestion, f.suggestions))}")
            lines += [f"see {report.path}:{r.position.line}:{r.position.column}: {r.message}" for r in f.related]
            failure = ET.SubElement(case, "failure", message=clean(f.message), type=str(f.severity))
            failure.text = clean("\n".join(lines))

    def finish(self, summary: Summary) -> None:
        failures = sum(int(s.get("failures", "0")) for s in self.root)
        self.root.set("tests", str(sum(int(s.get("tests", "0")) for s in self.root)))
        self.root.set("failures", str(failures))
        self.root.set("errors", "0")
        ET.indent(self.root, space=" ")
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(self.root, encoding="unicode"))
        self.stream.write("\n")
