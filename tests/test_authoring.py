"""Authoring: fix (safe fixes as minimal edits), new (skeletons), standard input, statistics, --help."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from skillprofiles import Pipeline
from skillprofiles.cli.errors import UsageError
from skillprofiles.cli.fix_cmd import _write_back
from skillprofiles.engine.pipeline import fix_text
from skillprofiles.source import spelling
from tests.minimal import ROLE, WSP

BROKEN = (
    WSP.replace("ecf_version: '2.0'", "ecf_version: 2.0  # the sheet says 2.0")
    .replace("code: B.1", "code: b.01")
    .replace("levels: [e-2]", "levels: [2, E-3]   # as written")
)
FIXED = WSP.replace("ecf_version: '2.0'", "ecf_version: '2.0'  # the sheet says 2.0").replace(
    "levels: [e-2]", "levels: [e-2, e-3]   # as written"
)


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillprofiles", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=cwd,
        check=False,
    )


@pytest.mark.parametrize(
    ("written", "code", "level"),
    [
        ("b.1", "B.1", None),
        ("B.01", "B.1", None),
        ("B1", "B.1", None),
        ("B.1.", "B.1", None),
        ("B.1", None, None),  # already right: nothing to fix
        ("3", None, "e-3"),
        ("E-3", None, "e-3"),
        ("e3", "E.3", "e-3"),  # as a competence code, e3 can only be E.3
        ("e-3.", None, "e-3"),
        ("e-3", None, None),
        ("e-6", None, None),  # no mechanical rewrite means e-6
        ("F.1", None, None),
    ],
)
def test_spellings(written: str, code: str | None, level: str | None) -> None:
    assert spelling.competence_code(written) == code
    assert spelling.level(written) == level


def test_fix_rewrites_only_what_it_fixes_and_twice_is_once(tmp_path: Path) -> None:
    result = fix_text(Pipeline.from_config(), BROKEN, "p.yaml")
    assert result.text == FIXED.replace("code: B.1", "code: B.1")
    assert [(f.code, f.edit.new) for f in result.applied] == [
        ("SP104", "'2.0'"),
        ("SP105", "B.1"),
        ("SP105", "e-2"),
        ("SP105", "e-3"),
    ]
    assert result.remaining == []
    assert fix_text(Pipeline.from_config(), result.text, "p.yaml").applied == []


def test_fix_command_keeps_every_other_byte_line_endings_and_permissions(tmp_path: Path) -> None:
    path = tmp_path / "WSP-G3-099.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BROKEN.replace("\n", "\r\n").encode("utf-8"))
    path.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(path.name)
    done = run("fix", str(path))
    assert (done.returncode, done.stdout) == (0, "Fixed 4 findings in 1 file (0 left).\n")
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert link.is_symlink()
    assert run("fix", str(path)).stdout == "Fixed 0 findings in 0 files (0 left).\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_fix_diff_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "WSP-G3-099.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    done = run("fix", "--diff", str(path))
    assert done.returncode == 1
    assert f"--- {path}\n+++ {path}\n" in done.stdout
    assert (
        "-ecf_version: 2.0  # the sheet says 2.0\n+ecf_version: '2.0'  # the sheet says 2.0\n" in done.stdout
    )
    assert path.read_text(encoding="utf-8") == BROKEN
    assert run("validate", "--fix", "--diff", str(path)).returncode == 1
    assert path.read_text(encoding="utf-8") == BROKEN
    assert run("validate", "--diff", str(path)).returncode == 2  # --diff goes with --fix


def test_validate_fix_then_reports_what_is_left(tmp_path: Path) -> None:
    path = tmp_path / "WSP-G3-099.yaml"
    path.write_text(
        BROKEN.replace("title: Test Profile", "title: Test Profile\nnew_key: 1"), encoding="utf-8"
    )
    done = run("validate", "--fix", "--no-hints", str(path))
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == f"{path}:4:1: SP102 error unknown key 'new_key'"
    assert "ecf_version: '2.0'" in path.read_text(encoding="utf-8")


def test_a_file_changed_since_it_was_read_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("changed meanwhile\n", encoding="utf-8")
    _write_back(path, "p.yaml", b"what was read\n", b"the fix\n")
    assert path.read_text(encoding="utf-8") == "changed meanwhile\n"
    assert capsys.readouterr().err == "skillprofiles: error: p.yaml: changed since it was read; left alone\n"
    (tmp_path / "ro").mkdir()
    locked = tmp_path / "ro" / "p.yaml"
    locked.write_bytes(b"x\n")
    (tmp_path / "ro").chmod(0o500)
    try:
        if os.geteuid() != 0:  # root writes anywhere: the check only means something for others
            with pytest.raises(UsageError):
                _write_back(locked, "p.yaml", b"x\n", b"y\n")
    finally:
        (tmp_path / "ro").chmod(0o700)


def test_fix_reads_standard_input_and_writes_standard_output() -> None:
    done = run("fix", "--stdin-filename", "profiles/p.yaml", "-", stdin=BROKEN)
    assert (done.returncode, done.stdout) == (0, FIXED)


def test_validate_reads_standard_input_under_the_name_given() -> None:
    done = run(
        "validate",
        "--no-hints",
        "--select",
        "SP104",
        "--stdin-filename",
        "profiles/p.yaml",
        "-",
        stdin=BROKEN,
    )
    assert done.stdout.splitlines() == [
        "profiles/p.yaml:4:14: SP104 error '2.0' is read by YAML as the number 2.0, not as the text '2.0'",
        "Found 1 error, 0 warnings, 0 infos in 1 file checked.",
    ]
    assert done.returncode == 1


def test_statistics_counts_per_code(tmp_path: Path) -> None:
    path = tmp_path / "WSP-G3-099.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    done = run("validate", "--statistics", str(path))
    assert done.stdout == (
        "3  SP105  invalid-value\n1  SP104  implicit-yaml-type\nFound 4 findings in 1 file checked.\n"
    )


@pytest.mark.parametrize(("template", "code"), [("wsp-g3", "WSP-G3-022"), ("ict-role-profile", None)])
def test_new_skeleton_loads_and_names_only_its_placeholders(
    tmp_path: Path, template: str, code: str | None
) -> None:
    name = code or "web-analyst"
    target = tmp_path / f"{name}.yaml"
    extra = ["--code", code] if code else []
    done = run("new", "--template", template, *extra, "--title", "Web Analyst", "-o", str(target))
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    loaded = Pipeline.from_config().read(target)
    assert loaded.profile is not None
    assert loaded.profile.title == "Web Analyst"
    codes = {d.code for d in loaded.diagnostics}
    assert codes == {"SP112"}
    assert all(d.message.startswith("placeholder still to fill in: ") for d in loaded.diagnostics)
    assert all("TODO" in d.message for d in loaded.diagnostics)
    again = run("new", "--template", template, "-o", str(target))
    assert again.returncode == 2  # never over an existing file
    assert target.read_text(encoding="utf-8") == text


def test_new_refuses_a_malformed_code() -> None:
    done = run("new", "--template", "wsp-g3", "--code", "WSP-99")
    assert (done.returncode, done.stderr) == (
        2,
        "skillprofiles: error: 'WSP-99' is not a WSP-G3 code (WSP-G3-NNN)\n",
    )


def test_placeholder_rule_reports_each_todo() -> None:
    text = ROLE.replace("environment: ", "environment: TODO later ")
    line = next(i for i, text_line in enumerate(ROLE.splitlines(), 1) if text_line.startswith("environment"))
    found = Pipeline.from_config().reads(text, "r.yaml").diagnostics
    assert [(d.code, d.line, d.column) for d in found if d.code == "SP112"] == [("SP112", line, 14)]


@pytest.mark.parametrize(
    "command",
    [
        "validate",
        "fix",
        "new",
        "rules",
        "schema",
        "show",
        "matrix",
        "gap",
        "compare",
        "export",
        "catalogue",
        "lsp",
        "team",
    ],
)
def test_every_help_has_a_description_examples_and_exit_codes(command: str) -> None:
    text = run(command, "--help").stdout
    assert "examples:\n  skillprofiles " + command in text
    assert "exit codes: 0 " in text


def test_every_finding_of_a_file_in_one_run() -> None:
    """Catalogue rules run on the parts that typed, while the structure is still broken elsewhere."""
    text = WSP.replace(
        "competences:\n  - code: B.1\n    title: Design and Development\n    levels: [e-2]\n",
        "competences:\n  - code: B.1\n    title: Design and Development\n    levels: [e-6]\n"
        "  - code: D.7\n    title: Sales Management\n    levels: [e-1]\n"
        "  - code: A.99\n    title: Nothing\n    levels: [e-2]\n",
    ).replace("primary_duties:", "primary_dutes:")
    found = Pipeline.from_config().reads(text, "p.yaml").diagnostics
    assert [(d.code, d.line, d.column) for d in found] == [
        ("SP102", 10, 1),  # structure
        ("SP105", 15, 14),  # structure: the first competence did not type ...
        ("SP205", 18, 14),  # ... but the second and third are still checked against the catalogue,
        ("SP203", 19, 11),  # at their own lines although the first is left out of the partial profile
    ]
    assert found[0].hint == "did you mean 'primary_duties'?"


def test_a_reused_code_is_named_as_such_and_never_fixed_to_the_new_title(tmp_path: Path) -> None:
    text = ROLE.replace("code: A.3", "code: D.7").replace(
        "title: Business Plan Development", "title: Sales Management"
    )
    [finding] = [d for d in Pipeline.from_config().reads(text, "r.yaml").diagnostics if d.code == "SP207"]
    assert finding.hint == (
        "D.7 was reused in e-CF 4.0 for 'Data Science and Analytics': 'Sales Management' is D.7 in e-CF "
        "1.0, 2.0, 3.0; the catalogue lists no e-CF 4.0 counterpart of it; "
        "check which version the profile follows"
    )
    assert finding.replacement is None
    path = tmp_path / "test-role.yaml"
    path.write_text(text, encoding="utf-8")
    run("fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == text  # nothing that would change what the profile requires


def test_an_official_title_is_an_unsafe_fix(tmp_path: Path) -> None:
    text = ROLE.replace("title: Business Plan Development", "title: Business Planning")
    path = tmp_path / "test-role.yaml"
    path.write_text(text, encoding="utf-8")
    assert run("fix", str(path)).stdout.startswith("Fixed 0 findings")
    assert path.read_text(encoding="utf-8") == text
    assert run("fix", "--unsafe-fixes", str(path)).stdout.startswith("Fixed 1 finding in 1 file")
    assert path.read_text(encoding="utf-8") == text.replace(
        "title: Business Planning", "title: 'Business Plan Development'"
    )


def test_catalogue_command_lists_shows_and_diffs() -> None:
    shown = run("catalogue", "show", "d.7").stdout.splitlines()
    assert shown[0] == "D.7"
    assert shown[1] == "  e-CF 1.0: Sales Management (ENABLE), -, no level data"
    assert "  e-CF 4.0: Data Science and Analytics (ENABLE), e-2..e-5, two independent sources" in shown
    listing = json.loads(run("catalogue", "list", "3.0", "--format", "json").stdout)
    assert len(listing["competences"]) == 40
    assert listing["evidence"] == {"two-sources": 31, "one-source": 9, "inferred": 0, "unknown": 0}
    diff = json.loads(run("catalogue", "diff", "3.0", "4.0", "--format", "json").stdout)
    assert [(p["old"]["code"], p["new"]["title"]) for p in diff["reused"]] == [
        ("D.6", "Digital Marketing"),
        ("D.7", "Data Science and Analytics"),
    ]
    assert run("catalogue", "diff", "4.0", "3.0").returncode == 2
    assert run("catalogue", "list", "9.9").returncode == 2
