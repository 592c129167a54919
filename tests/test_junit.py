"""JUnit from real validator output, as Jenkins (its JUnit schema) and GitLab (its report parser) read it."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from skillprofiles.diagnostics import Report
from skillprofiles.engine.checker import Checker
from skillprofiles.render import RENDERERS, RenderOptions
from tests.minimal import ROLE, WSP

XSD = Path(__file__).parent / "junit" / "jenkins-junit.xsd"
STARTED = datetime.datetime(2026, 12, 1, 21, 38, 44, 123456, tzinfo=datetime.timezone.utc)
TIMESTAMP = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$")  # Ant's ISO8601_DATETIME


@pytest.fixture
def real_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Report:
    monkeypatch.chdir(tmp_path)
    Path("profiles").mkdir()
    Path("profiles/WSP-G3-099.yaml").write_text(WSP.replace("levels: [e-2]", "levels: [e-6]"), "utf-8")
    Path("profiles/test-role.yaml").write_text(ROLE, encoding="utf-8")
    Path("profiles/WSP-G3-098.yaml").write_text(
        "# yaml-language-server: $schema=x.json\n" + WSP.replace("WSP-G3-099", "WSP-G3-098"), "utf-8"
    )
    return Checker().check_paths(["profiles"])


def junit(report: Report, **options: object) -> str:
    return RENDERERS["junit"](report, RenderOptions(started=STARTED, **options))  # type: ignore[arg-type]


def test_junit_is_valid_against_jenkins_junit_schema(real_report: Report) -> None:
    etree = pytest.importorskip(
        "lxml.etree", reason="lxml (a dependency of the test extra's PyLD) is missing"
    )
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    for options in ({"elapsed": 0.5}, {"elapsed": None}, {"elapsed": 1234.5678}):
        document = etree.fromstring(junit(real_report, **options).encode("utf-8"))
        assert schema.validate(document), schema.error_log
    # the attributes that schema rejects are gone, so the check above has teeth
    bad = etree.fromstring(junit(real_report, elapsed=0.5).encode("utf-8"))
    bad.find("testsuite/testcase").set("file", "profiles/x.yaml")
    assert not schema.validate(bad)
    bad = etree.fromstring(junit(real_report, elapsed=0.5).encode("utf-8"))
    bad.set("skipped", "0")
    assert not schema.validate(bad)


def test_junit_times_and_timestamp_as_gitlab_reads_them(real_report: Report) -> None:
    root = ET.fromstring(junit(real_report, elapsed=0.9))
    suite = root.find("testsuite")
    assert suite is not None
    assert root.attrib == {
        "name": "skillprofiles",
        "tests": "3",
        "failures": "1",
        "errors": "0",
        "time": "0.900",
    }
    assert suite.attrib == {
        "name": "skillprofiles",
        "tests": "3",
        "failures": "1",
        "errors": "0",
        "skipped": "0",
        "time": "0.900",
        "timestamp": "2026-12-01T21:38:44",
    }
    cases = suite.findall("testcase")
    # GitLab adds the cases' times up for the suite's duration: each file gets its share of the run
    assert [c.attrib for c in cases] == [
        {"classname": "skillprofiles", "name": f"profiles/{name}", "time": "0.300"}
        for name in ("WSP-G3-098.yaml", "WSP-G3-099.yaml", "test-role.yaml")
    ]
    assert [c.find("failure") is not None for c in cases] == [False, True, False]
    assert cases[0].findtext("system-out", "").startswith("1:33: SP120 warning ")


def test_junit_without_timing_still_carries_both_attributes(real_report: Report) -> None:
    root = ET.fromstring(RENDERERS["junit"](real_report, RenderOptions()))
    suite = root.find("testsuite")
    assert suite is not None
    assert root.attrib["time"] == suite.attrib["time"] == "0.000"
    assert TIMESTAMP.match(suite.attrib["timestamp"])
    local = datetime.datetime(2026, 12, 1, 23, 38, 44, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    stamped = ET.fromstring(RENDERERS["junit"](real_report, RenderOptions(started=local)))
    assert stamped.find("testsuite").attrib["timestamp"] == "2026-12-01T21:38:44"  # type: ignore[union-attr]


def test_the_command_measures_its_run(real_report: Report) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "skillprofiles", "validate", "--format", "junit", "profiles"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    root = ET.fromstring(done.stdout)
    suite = root.find("testsuite")
    assert suite is not None
    assert float(suite.attrib["time"]) > 0
    assert TIMESTAMP.match(suite.attrib["timestamp"])
    stamp = datetime.datetime.fromisoformat(suite.attrib["timestamp"]).replace(tzinfo=datetime.timezone.utc)
    assert abs((datetime.datetime.now(datetime.timezone.utc) - stamp).total_seconds()) < 120
    assert sum(float(c.attrib["time"]) for c in suite.iter("testcase")) == pytest.approx(
        float(suite.attrib["time"]), abs=0.005
    )
