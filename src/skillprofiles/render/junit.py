"""``junit``: JUnit XML, one test case per file, for GitLab, Jenkins and Azure Pipelines.

The document keeps to what Jenkins' JUnit schema (the xunit plugin's ``junit-10.xsd``) allows, which
GitLab and Azure Pipelines read as well: ``testsuites`` with ``name``, ``tests``, ``failures``,
``errors`` and ``time``; ``testsuite`` with those, ``skipped`` and ``timestamp``; ``testcase`` with
``name``, ``classname`` and ``time``. (``testcase@file`` and ``testsuites@skipped`` are not in that
schema: the file is the test case's ``name``.)
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING

from skillprofiles.diagnostics import Diagnostic, Report, Severity
from skillprofiles.render.base import RenderOptions, plural
from skillprofiles.textsafe import xml_text

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element


def render_junit(report: Report, options: RenderOptions) -> str:
    """A ``testsuites`` document; a file fails when it has findings at or above ``options.fail_on``.

    ``time`` is the run's wall-clock time (``options.elapsed``); the validator does not time files one
    by one, so each test case gets an equal share of it, and the cases add up to the suite.
    ``timestamp`` is when the run started, in UTC, as JUnit writes it (ISO 8601 without a zone).
    """
    from xml.etree import ElementTree as ET

    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in report:
        by_file[d.file].append(d)
    files = sorted(set(report.files) | set(by_file))
    elapsed = max(0.0, options.elapsed or 0.0)
    share = seconds(elapsed / len(files)) if files else seconds(0.0)
    cases = [_case(file, by_file.get(file, []), options.fail_on, share) for file in files]
    failures = sum(1 for case in cases if case.find("failure") is not None)
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0"}
    total = seconds(float(share) * len(files))
    suites = ET.Element("testsuites", {"name": "skillprofiles", **counts, "time": total})
    started = options.started or datetime.datetime.now(datetime.timezone.utc)
    suite = ET.SubElement(
        suites,
        "testsuite",
        {"name": "skillprofiles", **counts, "skipped": "0", "time": total, "timestamp": timestamp(started)},
    )
    suite.extend(cases)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def seconds(value: float) -> str:
    """Seconds as JUnit writes them: a plain decimal with milliseconds (``0.042``), never ``1e-05``."""
    return f"{value:.3f}"


def timestamp(moment: datetime.datetime) -> str:
    """``2026-12-01T21:38:44``: the moment in UTC, to the second, without a zone (as Ant and Surefire)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat()


def _case(file: str, findings: list[Diagnostic], fail_on: Severity | None, time: str) -> Element:
    from xml.etree import ElementTree as ET

    case = ET.Element("testcase", {"classname": "skillprofiles", "name": xml_text(file), "time": time})
    failing: list[Diagnostic] = []
    passing: list[Diagnostic] = []
    for d in findings:  # one pass: a membership test per finding made this quadratic
        (failing if fail_on is not None and d.severity >= fail_on else passing).append(d)
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
