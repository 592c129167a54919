"""The HR commands end to end as subprocesses: output, files written and exit codes 0/1/2."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PROFILES
from tests.hr_helpers import DOCS, ROLE_OCM, WSP_003, cli, write, wsp

ASSESSMENT = DOCS / "examples" / "assessment.yaml"
ASSESSMENT_40 = DOCS / "examples" / "assessment-4.0.yaml"
MAPPING = DOCS / "examples" / "mapping-4.0-to-2.0.yaml"


def run(*args: object) -> subprocess.CompletedProcess[str]:
    return cli(*args, columns=200)


@pytest.fixture
def invalid(tmp_path: Path) -> Path:
    return write(tmp_path, "bad.yaml", wsp().replace("levels: [e-2]", "levels: [e-6]"))


def test_show_wsp_sections_in_order_with_official_titles() -> None:
    result = run("show", WSP_003)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    order = [
        "Summary definition",
        "Assignment",
        "Documentation produced",
        "Primary duties",
        "Assigned e-CF skills",
        "Abilities, knowledge",
        "Area of application of the KPI",
        "Qualifications and certifications",
        "Personal aptitudes",
        "Relationships and reporting lines",
    ]
    positions = [out.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "│ D.7  │ Sales Management        │ ENABLE │ e-5    │" in out


def test_show_role_profile_and_migration() -> None:
    result = run("show", ROLE_OCM, "--ecf-version", "2.0", "--migration")
    assert result.returncode == 0, result.stderr
    assert "Product or Project Planning (sheet: Specification Creation)" in result.stdout
    assert "Migration from e-CF 2.0 to e-CF 4.0 (a report; the file is not changed)" in result.stdout
    assert "code reused: D.6 now means Digital Marketing" in result.stdout


def test_show_errors(invalid: Path, tmp_path: Path) -> None:
    bad = run("show", invalid)
    assert bad.returncode == 1
    assert bad.stderr.splitlines()[0] == f"{invalid}:15:14: SP105 error 'e-6' is not a proficiency level"
    missing = run("show", tmp_path / "nope.yaml")
    assert (missing.returncode, missing.stderr) == (
        2,
        f"skillprofiles: error: path does not exist: {tmp_path / 'nope.yaml'}\n",
    )
    assert run("show", tmp_path).returncode == 2
    # the profile declares no version: show reads it in the version validate infers (one pipeline)
    inferred = run("show", ROLE_OCM, "--migration")
    assert inferred.returncode == 0, inferred.stderr
    assert "Migration from e-CF 2.0 to e-CF 4.0" in inferred.stdout


def test_matrix_terminal_and_html(tmp_path: Path) -> None:
    out = tmp_path / "matrix.html"
    result = run("matrix", PROFILES, "--html", out)
    assert result.returncode == 0, result.stderr
    assert "D.7 Sales Management (e-CF 2.0)" in result.stdout
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_matrix_lists_invalid_files_and_exits_1(tmp_path: Path, invalid: Path) -> None:
    write(tmp_path, "good.yaml", wsp("WSP-G3-001"))
    result = run("matrix", tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"{invalid}:15:14: SP105 error 'e-6' is not a proficiency level"
    assert "WSP-G3-001" in result.stdout
    assert run("matrix", invalid).returncode == 2  # a file, not a directory


def test_gap_text_json_and_fail_under() -> None:
    result = run("gap", ASSESSMENT, WSP_003)
    assert result.returncode == 0, result.stderr
    assert "│ D.7  │ Sales Management" in result.stdout
    assert "below by 2" in result.stdout
    assert "Fit: 0.63" in result.stdout
    data = json.loads(run("gap", "--format", "json", ASSESSMENT, WSP_003).stdout)
    assert data["fit"] == 0.6286
    assert [(c["code"], c["status"], c["next_level"]) for c in data["competences"]] == [
        ("B.1", "met", None),
        ("D.7", "below", "e-4"),
        ("D.8", "missing", "e-2"),
        ("E.1", "missing", "e-3"),
        ("E.4", "met", None),
    ]
    assert run("gap", "--fail-under", "0.7", ASSESSMENT, WSP_003).returncode == 1
    assert run("gap", "--fail-under", "0.6", ASSESSMENT, WSP_003).returncode == 0
    assert run("gap", ASSESSMENT, ROLE_OCM).returncode == 0


def test_gap_versions_and_mapping() -> None:
    packaged = run("gap", ASSESSMENT_40, WSP_003)
    assert packaged.returncode == 0, packaged.stderr
    assert "through the packaged mapping (derived from the catalogue)" in packaged.stdout
    mapped = run("gap", "--mapping", MAPPING, ASSESSMENT_40, WSP_003)
    assert mapped.returncode == 0, mapped.stderr
    assert "Note: e-CF 4.0 codes read as e-CF 2.0 through the mapping given" in mapped.stdout


def test_gap_invalid_assessment(tmp_path: Path) -> None:
    bad = write(
        tmp_path, "a.yaml", "person: X\necf_version: '4.0'\ncompetences:\n  - {code: D.7, level: e-9}\n"
    )
    result = run("gap", bad, WSP_003)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"{bad}:4:24: SP105 error 'e-9' is not a proficiency level"


def test_compare_text_and_json() -> None:
    result = run("compare", WSP_003, ROLE_OCM)
    assert result.returncode == 0, result.stderr
    assert "Overlap (Jaccard over (competence, level) pairs): 0.08" in result.stdout
    data = json.loads(run("compare", "--format", "json", WSP_003, ROLE_OCM).stdout)
    assert (data["overlap"], data["competence_overlap"]) == (0.08, 0.1579)
    assert [(s["code"], s["difference"]) for s in data["shared"]] == [("B.1", 0), ("E.1", 0), ("E.4", -1)]


def test_compare_refuses_reused_codes(tmp_path: Path) -> None:
    d7 = "- code: D.7\n  title: X\n  levels: [e-4]\n"
    a = write(tmp_path, "a.yaml", wsp("WSP-G3-001", "2.0", d7))
    b = write(tmp_path, "b.yaml", wsp("WSP-G3-002", "4.0", d7))
    result = run("compare", a, b)
    assert result.returncode == 0, result.stderr
    assert "through the packaged mapping" in result.stdout
    mapping = write(tmp_path, "m.yaml", "from: '2.0'\nto: '4.0'\ncodes: {D.7: null}\n")
    mapped = run("compare", "--format", "json", "--mapping", mapping, a, b)
    assert mapped.returncode == 0, mapped.stderr
    assert json.loads(mapped.stdout)["only_b"] == [{"code": "D.7", "levels": ["e-4"]}]
    bad = write(tmp_path, "bad.yaml", "from: '2.0'\nto: '4.0'\ncodes: {D7: null}\n")
    invalid = run("compare", "--mapping", bad, a, b)
    assert invalid.returncode == 1
    assert invalid.stderr.splitlines()[0] == f"{bad}:3:9: SP105 error key 'D7' is not an e-CF code"


@pytest.mark.parametrize("fmt", ["markdown", "html", "json", "jsonld"])
@pytest.mark.parametrize("profile", [WSP_003, ROLE_OCM])
def test_export_every_format_of_both_profiles(fmt: str, profile: Path, tmp_path: Path) -> None:
    out = tmp_path / f"sheet.{fmt}"
    result = run("export", profile, "--to", fmt, "-o", out)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    first = {"markdown": "# ", "html": "<!DOCTYPE html>", "json": "{", "jsonld": "{"}[fmt]
    assert text.startswith(first)
    assert run("export", profile, "--to", fmt).stdout == text


def test_export_errors(invalid: Path, tmp_path: Path) -> None:
    assert run("export", invalid, "--to", "html").returncode == 1
    assert run("export", WSP_003, "--to", "pdf").returncode == 2
    unwritable = run("export", WSP_003, "--to", "json", "-o", tmp_path / "no" / "such" / "dir.json")
    assert unwritable.returncode == 2
    assert "cannot write" in unwritable.stderr


def test_show_prints_hostile_text_as_text(tmp_path: Path) -> None:
    hostile = wsp(title='"[bold red]x[/] \\e[31mred"')
    result = run("show", write(tmp_path, "p.yaml", hostile))
    assert result.returncode == 0, result.stderr
    assert "[bold red]x[/] \\e[31mred" in result.stdout  # markup shown as written, the escape made visible
    assert "\x1b" not in result.stdout
