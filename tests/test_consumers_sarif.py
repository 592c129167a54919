"""Microsoft's SARIF Multitool, with the rules GitHub code scanning applies, accepts real SARIF output."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import ROOT
from tests.consumers import missing, node_package
from tests.minimal import ROLE, WSP

# the rules of the Multitool's `validate` that GitHub code scanning applies (GHxxxx); its other kind,
# `Sarif`, adds advice at the note level and fetches every URI of the log, which takes seconds each
RULE_KINDS = "Gh"


def multitool() -> Path:
    """The .NET binary the npm package ships (for Linux x64; elsewhere the test skips)."""
    if sys.platform != "linux" or platform.machine() not in ("x86_64", "AMD64"):
        missing(f"the Multitool's npm package ships no binary for {sys.platform} {platform.machine()}")
    return node_package("@microsoft/sarif-multitool-linux/Sarif.Multitool")


def sarif_of(cwd: Path, *paths: str) -> Path:
    """``validate --format sarif`` run from ``cwd``, as the workflow runs it from the repository root."""
    out = cwd / "skillprofiles.sarif"
    command = [sys.executable, "-m", "skillprofiles", "validate", "--format", "sarif"]
    command += ["--fail-on", "never", "-o", str(out), *paths]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return out


def findings_of_multitool(log: Path, levels: str = "Error;Warning") -> list[dict[str, Any]]:
    """The Multitool's own results (its rule violations) on ``log`` at ``levels``."""
    out = log.with_suffix(".multitool.sarif")
    out.unlink(missing_ok=True)  # the Multitool refuses to overwrite its output
    command = [str(multitool()), "validate", "--rule-kind", RULE_KINDS, "--level", levels, "-o", str(out)]
    env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1", "DOTNET_CLI_TELEMETRY_OPTOUT": "1"}
    command.append(str(log))
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.is_file(), done.stdout
    assert "1 files scanned" in done.stdout, done.stdout
    results: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"]
    return results


def _broken_profiles(tmp_path: Path) -> Path:
    """A repository whose profiles lack a section (SP101 over the whole file) and have a wrong type."""
    (tmp_path / "profiles").mkdir()
    role = ROLE.replace("mission:", "# mission:").replace("levels: [e-3]", "levels: e-3")
    (tmp_path / "profiles" / "role.yaml").write_text(role, encoding="utf-8")
    (tmp_path / "profiles" / "WSP-G3-099.yaml").write_text(WSP.replace("kpi_areas", "kpi_aeras"), "utf-8")
    return tmp_path


def test_github_rules_accept_the_reference_profiles_log(tmp_path: Path) -> None:
    log = sarif_of(ROOT, "profiles")
    copy = tmp_path / "profiles.sarif"  # the Multitool writes beside its input: keep the checkout clean
    copy.write_bytes(log.read_bytes())
    log.unlink()
    assert json.loads(copy.read_text(encoding="utf-8"))["runs"][0]["results"], "the reference has findings"
    assert findings_of_multitool(copy) == []


def test_github_rules_accept_a_missing_section_and_its_one_line_region(tmp_path: Path) -> None:
    log = sarif_of(_broken_profiles(tmp_path), "profiles")
    results = json.loads(log.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert {"SP101", "SP102", "SP103"} <= {r["ruleId"] for r in results}
    assert findings_of_multitool(log) == []
    for missing_section in (r for r in results if r["ruleId"] == "SP101"):
        region = missing_section["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == region["endLine"], missing_section
    whole_file = next(r for r in results if r["ruleId"] == "SP101" and "mission" in r["message"]["text"])
    place = whole_file["locations"][0]["physicalLocation"]
    assert place["region"] == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 27}
    assert place["contextRegion"]["endLine"] > 10  # the mapping it is about, kept as context


def test_github_rules_reject_what_code_scanning_refuses(tmp_path: Path) -> None:
    """The same check finds GitHub's errors in a log with them, so its silence above means something."""
    log = sarif_of(_broken_profiles(tmp_path), "profiles")
    document = json.loads(log.read_text(encoding="utf-8"))
    results = document["runs"][0]["results"]
    results[0]["message"] = {"id": "default"}  # GitHub needs the text
    del results[1]["locations"]  # and a location
    log.write_text(json.dumps(document), encoding="utf-8")
    found = findings_of_multitool(log)
    assert {f["ruleId"] for f in found} >= {"GH1015", "GH1017"}
    assert all(f["level"] == "error" for f in found if f["ruleId"].startswith("GH"))
