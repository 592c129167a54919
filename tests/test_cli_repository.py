"""The validate flags of the catalogue work: --repository (pre-commit mode) and --catalogue."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.minimal import WSP


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillprofiles", *args], capture_output=True, text=True, check=False
    )


def test_repository_mode_sees_the_other_files_but_reports_only_the_given_ones(tmp_path: Path) -> None:
    (tmp_path / "WSP-G3-099.yaml").write_text(WSP, encoding="utf-8")
    changed = tmp_path / "WSP-G3-098.yaml"
    changed.write_text(WSP.replace("title: Test Profile", "title: Copy"), encoding="utf-8")
    alone = run("validate", "--select", "SP301", str(changed))
    assert alone.returncode == 0
    result = run("validate", "--select", "SP3", "--repository", str(tmp_path), str(changed))
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if ": SP" in line]
    assert lines == [
        f"{changed}:2:7: SP301 error profile code WSP-G3-099 is also used by 1 other file",
        f"{changed}:2:7: SP303 warning file name 'WSP-G3-098' does not match its code: expected 'WSP-G3-099'",
    ]


def test_repository_must_be_a_directory(tmp_path: Path) -> None:
    result = run("validate", "--repository", str(tmp_path / "nope"), str(tmp_path))
    assert result.returncode == 2
    assert "--repository is not a directory" in result.stderr


def test_catalogue_flag_reports_a_broken_file(tmp_path: Path) -> None:
    catalogue = tmp_path / "cat.yaml"
    catalogue.write_text("format: skillprofiles-catalogue/1\ntitle: x\ncefr: {}\n", encoding="utf-8")
    profile = tmp_path / "WSP-G3-099.yaml"
    profile.write_text(WSP, encoding="utf-8")
    result = run("validate", "--catalogue", str(catalogue), "--fail-on", "never", str(profile))
    assert result.returncode == 2  # an unusable catalogue is a usage error, never a silent fallback
    assert result.stdout == ""
    assert (
        result.stderr.splitlines()[-1] == f"skillprofiles: error: cannot use the catalogue file {catalogue}"
    )
    found = [line.split()[:2] for line in result.stderr.splitlines() if ": SP" in line]
    # 'cefr: {}' lacks its name and its levels: two findings at line 3
    assert found == [[f"{catalogue}:3:7:", "SP200"], [f"{catalogue}:3:7:", "SP200"]]
