"""The command line: output, exit codes and the JSON format, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROFILES
from tests.minimal import WSP


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillprofiles", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def test_reference_profiles_without_catalogue_rules_exit_0() -> None:
    result = run("validate", "--select", "SP0,SP1", str(PROFILES))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("(2 files checked).")


def test_findings_exit_1_with_path_line_col(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(WSP.replace("levels: [e-2]", "levels: [e-6]"), encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first == f"{bad}:15:14: SP105 error 'e-6' is not a proficiency level"
    assert "Found 1 error" in result.stdout


def test_fail_on_never_and_ignore(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(WSP.replace("levels: [e-2]", "levels: [e-6]"), encoding="utf-8")
    assert run("validate", "--fail-on", "never", str(bad)).returncode == 0
    assert run("validate", "--ignore", "invalid-value", str(bad)).returncode == 0


def test_missing_path_is_an_input_error_and_nothing_passes(tmp_path: Path) -> None:
    good = tmp_path / "WSP-G3-099.yaml"  # named after its code, or SP303 reports it
    good.write_text(WSP, encoding="utf-8")
    result = run("validate", str(good), str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert result.stderr == f"skillprofiles: error: path does not exist: {tmp_path / 'nope.yaml'}\n"
    assert result.stdout == ""  # no report, so no "All checks passed" beside the usage error


def test_usage_error_exits_2() -> None:
    assert run("validate").returncode == 2
    assert run("validate", "--format", "nope", "x").returncode == 2
    assert run().returncode == 2


def test_json_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("template: wsp-g3\ntitle: a\ntitle: b\n", encoding="utf-8")
    result = run("validate", "--format", "json", str(bad))
    document = json.loads(result.stdout)
    assert document["format_version"] == "1"
    duplicate = next(d for d in document["diagnostics"] if d["code"] == "SP011")
    assert {k: duplicate[k] for k in ("code", "severity", "file", "line", "column")} == {
        "code": "SP011",
        "severity": "error",
        "file": str(bad),
        "line": 3,
        "column": 1,
    }
    assert document["summary"]["error"] == len(document["diagnostics"])


def test_broken_files_never_produce_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"\x00\x01binary")
    (tmp_path / "b.yaml").write_text("a: [", encoding="utf-8")
    (tmp_path / "c.yml").write_bytes(b"title: caf\xe9\n")
    (tmp_path / "WSP-G3-099.yaml").write_text(WSP, encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    codes = [line.split()[1] for line in result.stdout.splitlines() if ": SP" in line]
    assert codes == ["SP003", "SP010", "SP004"]
    assert "in 4 files checked." in result.stdout
