"""Baselines: write, then read back; old findings hidden, new ones shown, stale entries reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from skillprofiles.engine.checker import Checker
from skillprofiles.tuning.baseline import BaselineError, dump, fingerprint, load
from tests.minimal import WSP

# SP107 at 2:7 and SP105 at 15:14; the profile does not load, so a baseline that hides both still
# leaves SP904 (its rules did not run): a baseline may silence findings, never that fact
NOT_CHECKED = (
    "profiles/p.yaml:1:1: SP904 error profile did not load, so its catalogue and profile rules did not run; "
    "its own findings are suppressed or in the baseline"
)
LEGACY = WSP.replace("code: WSP-G3-099", "code: WSP-99").replace("levels: [e-2]", "levels: [e-6]")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillprofiles", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return result.stdout.splitlines()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "p.yaml").write_text(LEGACY, encoding="utf-8")
    return tmp_path


def test_write_then_read_hides_exactly_the_old_findings(repo: Path) -> None:
    written = run("validate", "--no-config", "--write-baseline", "baseline.json", "profiles", cwd=repo)
    assert (written.returncode, lines(written)) == (0, ["Wrote 2 findings to the baseline baseline.json."])
    document = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert document["format_version"] == 1
    assert [(f["file"], f["code"], f["message"]) for f in document["findings"]] == [
        ("profiles/p.yaml", "SP105", "'e-6' is not a proficiency level"),
        ("profiles/p.yaml", "SP107", "'WSP-99' is not a WSP-G3 code"),
    ]
    again = run("validate", "--no-config", "--no-hints", "--baseline", "baseline.json", "profiles", cwd=repo)
    assert (again.returncode, lines(again)) == (
        1,
        [
            NOT_CHECKED,
            "Found 1 error, 0 warnings, 0 infos in 1 file checked. 2 findings hidden by the baseline.",
        ],
    )


def test_edits_above_do_not_invalidate_and_a_new_finding_shows(repo: Path) -> None:
    run("validate", "--no-config", "--write-baseline", "baseline.json", "profiles", cwd=repo)
    edited = "# a comment\n# another\n" + LEGACY.replace(
        "title: Test Profile", "title: Test Profile\nnew_key: 1"
    )
    (repo / "profiles" / "p.yaml").write_text(edited, encoding="utf-8")
    result = run("validate", "--no-config", "--no-hints", "--baseline", "baseline.json", "profiles", cwd=repo)
    assert result.returncode == 1
    assert lines(result) == [
        "profiles/p.yaml:6:1: SP102 error unknown key 'new_key'",
        "Found 1 error, 0 warnings, 0 infos in 1 file checked. 2 findings hidden by the baseline.",
    ]


def test_a_fixed_finding_leaves_a_stale_entry_reported_at_its_line(repo: Path) -> None:
    run("validate", "--no-config", "--write-baseline", "baseline.json", "profiles", cwd=repo)
    (repo / "profiles" / "p.yaml").write_text(
        LEGACY.replace("code: WSP-99", "code: WSP-G3-099"), encoding="utf-8"
    )
    result = run("validate", "--no-config", "--no-hints", "--baseline", "baseline.json", "profiles", cwd=repo)
    assert result.returncode == 1  # the stale entry is information; the file still does not load
    assert lines(result) == [
        "baseline.json:15:7: SP903 info baseline entry matches no finding: "
        "profiles/p.yaml SP107 'WSP-99' is not a WSP-G3 code",
        NOT_CHECKED,
        "Found 1 error, 0 warnings, 1 info in 1 file checked. 1 finding hidden by the baseline.",
    ]
    strict = run(
        "validate", "--no-config", "--fail-on", "info", "--baseline", "baseline.json", "profiles", cwd=repo
    )
    assert strict.returncode == 1


def test_entries_of_files_not_checked_are_not_stale(repo: Path) -> None:
    (repo / "profiles" / "q.yaml").write_text(WSP, encoding="utf-8")
    run("validate", "--no-config", "--write-baseline", "baseline.json", "profiles", cwd=repo)
    result = run("validate", "--no-config", "--baseline", "baseline.json", "profiles/q.yaml", cwd=repo)
    # q.yaml's own finding (its name is not its code, SP303) is hidden; the other files' entries are not stale
    assert lines(result) == ["All checks passed (1 file checked). 1 finding hidden by the baseline."]


def test_paths_are_matched_from_the_baseline_directory(repo: Path) -> None:
    run("validate", "--no-config", "--write-baseline", "baseline.json", "profiles", cwd=repo)
    inside = run(
        "validate", "--no-config", "--no-hints", "--baseline", "../baseline.json", ".", cwd=repo / "profiles"
    )
    assert lines(inside) == [
        NOT_CHECKED.replace("profiles/p.yaml", "p.yaml"),
        "Found 1 error, 0 warnings, 0 infos in 1 file checked. 2 findings hidden by the baseline.",
    ]


def test_identical_lines_are_told_apart_by_occurrence(tmp_path: Path) -> None:
    twice = LEGACY.replace("code: WSP-99", "code: WSP-G3-099").replace(
        "competences:\n", "competences:\n  - code: B.2\n    title: Component Integration\n    levels: [e-6]\n"
    )
    path = tmp_path / "p.yaml"
    path.write_text(twice, encoding="utf-8")
    first = Checker().check_paths([path])
    assert [(d.code, d.line) for d in first] == [("SP105", 15), ("SP105", 18)]
    target = tmp_path / "b.json"
    target.write_text(dump(first.diagnostics, str(target)), encoding="utf-8")
    fingerprints = [f["fingerprint"] for f in json.loads(target.read_text(encoding="utf-8"))["findings"]]
    assert sorted(fingerprints) == sorted(fingerprint("SP105", "levels: [e-6]", n) for n in (0, 1))
    report = Checker(baseline=load(str(target))).check_paths([path])
    assert ([(d.code, d.line) for d in report.diagnostics], report.hidden) == ([("SP904", 1)], 2)


@pytest.mark.parametrize(
    ("content", "message", "position"),
    [
        ("{", "baseline is not valid JSON: Expecting property name enclosed in double quotes", "1:2"),
        ('{"format_version": 7, "findings": []}', "not a skillprofiles baseline of format version 1", "1:1"),
        ('{"format_version": 1, "findings": [{"file": 1}]}', "'findings' must be a list of", "1:1"),
    ],
)
def test_broken_baseline_exits_2(repo: Path, content: str, message: str, position: str) -> None:
    (repo / "baseline.json").write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as caught:
        load(str(repo / "baseline.json"))
    assert caught.value.diagnostic.message.startswith(message)
    result = run("validate", "--no-config", "--baseline", "baseline.json", "profiles", cwd=repo)
    assert result.returncode == 2
    assert result.stderr.startswith(f"skillprofiles: error: baseline.json:{position}: SP911 {message}")


def test_missing_baseline_exits_2(repo: Path) -> None:
    result = run("validate", "--no-config", "--baseline", "nope.json", "profiles", cwd=repo)
    assert result.returncode == 2
    assert result.stderr == (
        "skillprofiles: error: nope.json:1:1: SP911 cannot read baseline: No such file or directory\n"
    )
