"""Real ``--format junit`` output as Jenkins (xmllint with its JUnit schema) and GitLab (its parser) read it.

GitLab has no schema: it reads a report with ``Gitlab::Ci::Parsers::Test::Junit``
(lib/gitlab/ci/parsers/test/junit.rb), on a hash made of the XML as ActiveSupport's ``Hash.from_xml``
makes it. ``gitlab_cases`` below follows the same rules, step by step, so the test sees what GitLab's
test report shows: each case's suite, name, class name, file, duration, status and output.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from tests.consumers import program
from tests.minimal import ROLE, WSP

XSD = Path(__file__).parent / "junit" / "jenkins-junit.xsd"


def from_xml(text: str) -> dict[str, Any]:
    """ActiveSupport's ``Hash.from_xml``: attributes and children as keys (``-`` as ``_``), text as value."""
    root = ET.fromstring(text)
    return {_key(root.tag): _value(root)}


def _key(tag: str) -> str:
    return tag.replace("-", "_")


def _value(element: ET.Element) -> Any:
    node: dict[str, Any] = {_key(k): v for k, v in element.attrib.items()}
    for child in element:
        key, value = _key(child.tag), _value(child)
        if key in node:  # a repeated element becomes a list
            node[key] = node[key] if isinstance(node[key], list) else [node[key]]
            node[key].append(value)
        else:
            node[key] = value
    content = (element.text or "").strip() and element.text
    if content and not list(element):
        return content  # text, with or without attributes: the text (ActiveSupport's "__content__")
    return node or None


@dataclass
class GitlabCase:
    """``Gitlab::Ci::Reports::TestCase`` as the parser builds it."""

    suite_name: str | None
    classname: str | None
    name: str | None
    file: str | None
    execution_time: float
    status: str
    system_output: str | None


def gitlab_cases(text: str) -> list[GitlabCase]:
    """The test cases GitLab's JUnit parser reads from a report."""
    return [_case(data) for data in _all_cases(from_xml(text))]


def _all_cases(root: Any, parent: Any = None) -> Iterator[dict[str, Any]]:
    # one top-level 'testsuites'; test cases at least one level down; 'testsuite' nested at will
    for node in root if isinstance(root, list) else [root]:
        if not isinstance(node, dict):
            continue
        if parent is None and node.get("testsuites"):
            yield from _all_cases(node["testsuites"], root)
        if parent is not None and node.get("testcase"):
            cases = node["testcase"] if isinstance(node["testcase"], list) else [node["testcase"]]
            for case in cases:
                yield {**case, "suite_name": node.get("name")}
        if node.get("testsuite"):
            yield from _all_cases(node["testsuite"], root)


def _case(data: dict[str, Any]) -> GitlabCase:
    system_out = f"System Out:\n\n{data['system_out']}" if "system_out" in data else None
    status, output = "success", None
    if "failure" in data:
        status, output = "failed", "\n\n".join(x for x in (data["failure"], system_out) if x)
    elif "error" in data:
        status, output = "error", "\n\n".join(x for x in (data["error"], system_out) if x)
    elif "skipped" in data:
        status, output = "skipped", data["skipped"]
    time = float(data.get("time") or 0)  # Ruby's to_f
    return GitlabCase(
        data.get("suite_name"),
        data.get("classname"),
        data.get("name"),
        data.get("file"),
        time,
        status,
        output,
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """Profiles with an error (a missing section), a warning only, and none."""
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "WSP-G3-099.yaml").write_text(WSP.replace("kpi_areas: [Sales]\n", ""), "utf-8")
    warned = "# yaml-language-server: $schema=x.json\n" + WSP.replace("WSP-G3-099", "WSP-G3-098")
    (tmp_path / "profiles" / "WSP-G3-098.yaml").write_text(warned, encoding="utf-8")
    (tmp_path / "profiles" / "role.yaml").write_text(ROLE, encoding="utf-8")
    return tmp_path


def junit_of(cwd: Path, *flags: str) -> str:
    command = [sys.executable, "-m", "skillprofiles", "validate", "--format", "junit", *flags, "profiles"]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_xmllint_validates_real_output_against_jenkins_junit_schema(repository: Path) -> None:
    xmllint = program("xmllint", "libxml2-utils")
    for name, flags in (("errors.xml", ()), ("all.xml", ("--fail-on", "info"))):
        (repository / name).write_text(junit_of(repository, *flags), encoding="utf-8")
        done = subprocess.run(
            [xmllint, "--noout", "--schema", str(XSD), name], cwd=repository, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        assert f"{name} validates" in done.stderr
    # the schema refuses what Jenkins' refuses, so the silence above means something
    bad = (repository / "errors.xml").read_text(encoding="utf-8").replace("<testcase ", '<testcase file="x" ')
    (repository / "bad.xml").write_text(bad, encoding="utf-8")
    done = subprocess.run([xmllint, "--noout", "--schema", str(XSD), "bad.xml"], cwd=repository, text=True)
    assert done.returncode != 0


def test_gitlab_reads_every_profile_as_a_test_case(repository: Path) -> None:
    text = junit_of(repository)
    cases = gitlab_cases(text)
    assert [(c.suite_name, c.classname, c.name, c.file) for c in cases] == [
        ("skillprofiles", "skillprofiles", f"profiles/{name}", None)
        for name in ("WSP-G3-098.yaml", "WSP-G3-099.yaml", "role.yaml")
    ]
    assert [c.status for c in cases] == ["success", "failed", "success"]
    suite = ET.fromstring(text).find("testsuite")
    assert suite is not None
    # GitLab adds the cases' durations up for the suite: the run's time, not 0 s
    assert sum(c.execution_time for c in cases) == pytest.approx(float(suite.attrib["time"]), abs=0.005)
    assert all(c.execution_time > 0 for c in cases)
    failed = cases[1].system_output or ""
    assert failed.startswith("1:1: SP101 error required section 'kpi_areas' is missing (missing-section)\n")
    assert "hint: add 'kpi_areas:'" in failed
    # a passing case's output (its warnings) is not shown by GitLab: only failures carry output
    assert cases[0].system_output is None


def test_gitlab_shows_warnings_when_they_fail_the_run(repository: Path) -> None:
    cases = gitlab_cases(junit_of(repository, "--fail-on", "warning"))
    assert [c.status for c in cases][:2] == ["failed", "failed"]
    assert (cases[0].system_output or "").startswith("1:33: SP120 warning ")


def test_the_port_reads_what_gitlab_reads() -> None:
    """The port's own rules: nested suites (PHPUnit), a case directly under testsuites, skipped, errors."""
    text = (
        '<testsuites name="all"><testcase name="top" time="1.5"/>'
        '<testsuite name="outer"><testsuite name="inner">'
        '<testcase name="a" classname="A" file="a.rb" time="0.25"><failure message="m">boom</failure>'
        "<system-out>log</system-out></testcase>"
        '<testcase name="b"><skipped/></testcase><testcase name="c"><error type="E">bad</error></testcase>'
        "</testsuite></testsuite></testsuites>"
    )
    cases = gitlab_cases(text)
    assert [(c.suite_name, c.name, c.status) for c in cases] == [
        ("all", "top", "success"),
        ("inner", "a", "failed"),
        ("inner", "b", "skipped"),
        ("inner", "c", "error"),
    ]
    assert (cases[0].execution_time, cases[1].execution_time, cases[2].execution_time) == (1.5, 0.25, 0.0)
    assert cases[1].system_output == "boom\n\nSystem Out:\n\nlog"
    assert cases[1].file == "a.rb"
    assert gitlab_cases('<testcase name="alone"/>') == []  # a case needs a suite around it
