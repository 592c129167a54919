"""``junit``: JUnit XML, one test case per file, for GitLab, Jenkins and Azure Pipelines."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from skillprofiles.diagnostics import Diagnostic, Report, Severity
from skillprofiles.render.base import RenderOptions, plural
from skillprofiles.textsafe import xml_text

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element


def render_junit(report: Report, options: RenderOptions) -> str:
    """A ``testsuites`` document; a file fails when it has findings at or above ``options.fail_on``."""
    from xml.etree import ElementTree as ET

    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in report:
        by_file[d.file].append(d)
    files = sorted(set(report.files) | set(by_file))
    cases = [_case(file, by_file.get(file, []), options.fail_on) for file in files]
    failures = sum(1 for case in cases if case.find("failure") is not None)
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "skillprofiles", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "skillprofiles", **counts})
    suite.extend(cases)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _case(file: str, findings: list[Diagnostic], fail_on: Severity | None) -> Element:
    from xml.etree import ElementTree as ET

    name = xml_text(file)
    case = ET.Element("testcase", {"classname": "skillprofiles", "name": name, "file": name})
    failing = [d for d in findings if fail_on is not None and d.severity >= fail_on]
    passing = [d for d in findings if d not in failing]
    if failing:
        first = failing[0]
        message = f"{plural(len(failing), 'finding')}; first: {first.code} {first.message}"
        failure = ET.SubElement(case, "failure", {"message": xml_text(message), "type": first.code})
        failure.text = _listing(failing)
    if passing:
        ET.SubElement(case, "system-out").text = _listing(passing)
    return case


def _listing(findings: list[Diagnostic]) -> str:
    lines = []
    for d in findings:
        lines.append(f"{d.line}:{d.column}: {d.code} {d.severity.label} {xml_text(d.message)} ({d.rule})")
        if d.hint:
            lines.append(f"    hint: {xml_text(d.hint)}")
    return "\n".join(lines) + "\n"
