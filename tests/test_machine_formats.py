"""JSON and SARIF from real validator output: valid against their schemas; what code scanning reads."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from skillprofiles.codes.registry import all_rules
from skillprofiles.diagnostics import Report
from skillprofiles.engine.checker import Checker
from skillprofiles.render import RENDERERS, RenderOptions
from skillprofiles.render.report_model import SCHEMA_ID
from skillprofiles.render.sarif import artifact_uri
from skillprofiles.tuning.config import Config
from tests.conftest import ROOT, SHARED
from tests.minimal import ROLE, WSP

SARIF_SCHEMA = Path("corpora", "sarif", "sarif-schema-2.1.0.json")
# a YAML double-quoted level: ESC, rich markup, CR LF, a workflow command, %, XML, a bidi override
HOSTILE_LEVEL = r'"\e[31m [bold]x[/] \r\n::error::x %0A <&> \u202e"'


def sarif_schema() -> dict[str, Any]:
    """The official SARIF 2.1.0 schema from shared/ (beside the checkout or its worktree folder)."""
    for base in (SHARED, ROOT.parent.parent / "shared"):
        if (base / SARIF_SCHEMA).is_file():
            return dict(json.loads((base / SARIF_SCHEMA).read_text(encoding="utf-8")))
    pytest.skip("shared/corpora/sarif/sarif-schema-2.1.0.json is not beside this checkout")


@pytest.fixture
def real_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Report:
    """Findings of several rules over three files, one of them with hostile text, checked from tmp_path."""
    monkeypatch.chdir(tmp_path)
    Path("profiles").mkdir()
    Path("profiles/bad level.yaml").write_text(
        WSP.replace("levels: [e-2]", "levels: [e-6]"), encoding="utf-8"
    )
    Path("profiles/typo.yaml").write_text(ROLE.replace("mission:", "misson:"), encoding="utf-8")
    hostile = WSP.replace("levels: [e-2]", f"levels: [{HOSTILE_LEVEL}]")
    Path("profiles/hostile.yaml").write_text(hostile, encoding="utf-8")
    Path("profiles/modeline.yaml").write_text(
        "# yaml-language-server: $schema=x.json\n" + WSP, encoding="utf-8"
    )
    # the file names are chosen for the test, not after profile codes: leave out SP303
    return Checker(Config(ignore=("SP303",))).check_paths(["profiles"])


# --- json ---------------------------------------------------------------------------------------------


def report_schema() -> dict[str, Any]:
    return dict(json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8")))


def test_json_output_is_valid_against_the_committed_schema(real_report: Report) -> None:
    schema = report_schema()
    assert schema["$id"] == SCHEMA_ID
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads(RENDERERS["json"](real_report, RenderOptions()))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert [(d["code"], d["file"], d["line"], d["column"]) for d in document["diagnostics"]] == [
        ("SP105", "profiles/bad level.yaml", 15, 14),
        ("SP105", "profiles/hostile.yaml", 15, 14),
        ("SP120", "profiles/modeline.yaml", 1, 33),
        ("SP102", "profiles/typo.yaml", 4, 1),
    ]
    assert document["summary"] == {"files": 4, "error": 3, "warning": 1, "info": 0, "hidden": 0}
    assert document["diagnostics"][1]["path"] == "/competences/0/levels/0"
    assert (
        document["diagnostics"][1]["message"]
        # the loader escapes control characters in the message itself, so every consumer is safe
        == "'\\e[31m [bold]x[/] \\r\\n::error::x %0A <&> \\u202e' is not a proficiency level"
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [("severity", "fatal"), ("line", 0), ("code", "E1"), ("path", "levels/0"), ("extra", 1)],
)
def test_the_report_schema_rejects_malformed_documents(
    real_report: Report, field: str, value: object
) -> None:
    document = json.loads(RENDERERS["json"](real_report, RenderOptions()))
    document["diagnostics"][0][field] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(report_schema()).validate(document)


# --- sarif --------------------------------------------------------------------------------------------


def sarif(report: Report) -> dict[str, Any]:
    return dict(json.loads(RENDERERS["sarif"](report, RenderOptions())))


def test_sarif_is_valid_sarif_2_1_0(real_report: Report) -> None:
    schema = sarif_schema()
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    log = sarif(real_report)
    validator.validate(log)
    assert log["version"] == "2.1.0"
    assert log["$schema"] == schema["id"]


def test_sarif_describes_every_registered_rule(real_report: Report) -> None:
    driver = sarif(real_report)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "skillprofiles"
    assert [r["id"] for r in driver["rules"]] == [r.code for r in all_rules()]
    for descriptor, entry in zip(driver["rules"], all_rules(), strict=True):
        assert descriptor["name"] == entry.name
        assert descriptor["shortDescription"]["text"] == entry.summary
        assert descriptor["fullDescription"]["text"].startswith(entry.summary)
        assert "Passing" not in descriptor["fullDescription"]["text"]
        assert descriptor["help"]["text"] == entry.doc
        assert "Failing" in descriptor["help"]["markdown"]
        level = {"error": "error", "warning": "warning", "info": "note"}[entry.severity.label]
        assert descriptor["defaultConfiguration"]["level"] == level


def test_sarif_results_carry_what_code_scanning_reads(real_report: Report) -> None:
    run = sarif(real_report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert len(results) == len(real_report)
    for result, d in zip(results, real_report, strict=True):
        assert result["ruleId"] == d.code == rules[result["ruleIndex"]]["id"]
        assert result["level"] == {"error": "error", "warning": "warning"}[d.severity.label]
        assert result["message"]["text"].startswith(d.message)
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        region = location["region"]
        assert (region["startLine"], region["startColumn"]) == (d.line, d.column)
        # every region is one line; a finding that spans lines keeps its whole span as context
        assert region["endLine"] == d.line
        whole = location.get("contextRegion", region)
        assert (whole["endLine"], whole["endColumn"]) == (d.span.end_line, d.span.end_column)
        assert len(result["partialFingerprints"]["skillprofiles/v1"]) == 32
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert uris[:3] == ["profiles/bad%20level.yaml", "profiles/hostile.yaml", "profiles/modeline.yaml"]


def test_sarif_fingerprint_survives_a_line_move(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    bad = WSP.replace("levels: [e-2]", "levels: [e-6]")
    Path("p.yaml").write_text(bad, encoding="utf-8")
    before = sarif(Checker().check_paths(["p.yaml"]))["runs"][0]["results"][0]
    Path("p.yaml").write_text("# moved\n# down\n" + bad, encoding="utf-8")
    after = sarif(Checker().check_paths(["p.yaml"]))["runs"][0]["results"][0]
    line = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in (before, after)]
    assert line == [15, 17]
    assert before["partialFingerprints"] == after["partialFingerprints"]


def test_sarif_uri_outside_the_root_is_absolute(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    assert artifact_uri(str(root / "a b" / "x.yaml"), root) == ("a%20b/x.yaml", True)
    outside = tmp_path / "elsewhere.yaml"
    assert artifact_uri(str(outside), root) == (outside.as_uri(), False)


def test_sarif_help_markdown_uses_markdown_literals() -> None:
    from skillprofiles.render.sarif import help_markdown

    doc = "Summary with ``code``.\n\nPassing::\n\n    template: wsp-g3\n\nFailing: ``x: y``"
    assert help_markdown(doc) == "Summary with `code`.\n\nPassing:\n\n    template: wsp-g3\n\nFailing: `x: y`"


def test_sarif_rules_link_their_documentation_and_rate_themselves(real_report: Report) -> None:
    rules = sarif(real_report)["runs"][0]["tool"]["driver"]["rules"]
    headings = set(
        re.findall(r"^### (SP\d+) ([a-z0-9-]+)$", (ROOT / "docs" / "rules.md").read_text("utf-8"), re.M)
    )
    for descriptor in rules:
        code, name = descriptor["id"], descriptor["name"]
        assert (code, name) in headings  # the page the link points into has the rule's heading
        # mkdocs builds docs/rules.md as rules/ and slugs "### SP101 missing-section" as below
        assert descriptor["helpUri"] == f"https://skillprofiles.dev/rules/#{code.lower()}-{name}"
        level = descriptor["defaultConfiguration"]["level"]
        expected = {"error": "error", "warning": "warning", "note": "recommendation"}[level]
        assert descriptor["properties"]["problem.severity"] == expected
        assert descriptor["properties"]["precision"] in ("very-high", "high", "medium")
    by_id = {r["id"]: r for r in rules}
    assert by_id["SP101"]["properties"] == {
        "tags": ["skillprofiles", "file"],
        "precision": "very-high",
        "problem.severity": "error",
    }


def test_sarif_help_base_is_configurable(real_report: Report) -> None:
    options = RenderOptions(rules_docs="https://docs.example.org/skillprofiles/rules.html")
    log = json.loads(RENDERERS["sarif"](real_report, options))
    uris = {r["id"]: r["helpUri"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert uris["SP301"] == "https://docs.example.org/skillprofiles/rules.html#sp301-duplicate-profile-code"


def test_sarif_help_base_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from skillprofiles.cli import main

    monkeypatch.chdir(tmp_path)
    Path("p.yaml").write_text(WSP, encoding="utf-8")
    flags = ["--format", "sarif", "--sarif-help-base", "https://m.example/r/", "-o", "out.sarif"]
    assert main(["validate", *flags, "p.yaml"]) in (0, 1)
    rules = json.loads(Path("out.sarif").read_text(encoding="utf-8"))["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"] == "https://m.example/r/#sp000-internal-error"


def test_sarif_missing_section_points_at_one_line(real_report: Report) -> None:
    """SP101 spans the mapping that lacks the section (here the whole file): code scanning gets its
    first line, start to end of line, so a pull request that edits the file shows the alert there."""
    # a section left out (a misspelt one is SP102 only): mission is missing from the whole file
    Path("profiles/missing.yaml").write_text(ROLE.replace("mission:", "# mission:"), encoding="utf-8")
    checked = Checker(Config(ignore=("SP303",))).check_paths(["profiles/missing.yaml"])
    results = sarif(checked)["runs"][0]["results"]
    missing = next(r for r in results if r["ruleId"] == "SP101")
    location = missing["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "profiles/missing.yaml"
    first_line = ROLE.splitlines()[0]  # 'template: ict-role-profile'
    assert location["region"] == {
        "startLine": 1,
        "startColumn": 1,
        "endLine": 1,
        "endColumn": len(first_line) + 1,
    }
    lines = ROLE.count("\n")
    assert location["contextRegion"]["startLine"] == 1
    assert location["contextRegion"]["endLine"] >= lines  # the whole mapping, to the end of the file
    # a nested mapping: the line where the mapping that should hold the key starts
    nested = WSP.replace("    - language: English\n      min_level: C1\n", "    - min_level: C1\n")
    Path("profiles/nested.yaml").write_text(nested, encoding="utf-8")
    report = Checker(Config(ignore=("SP303",))).check_paths(["profiles/nested.yaml"])
    found = [r for r in sarif(report)["runs"][0]["results"] if r["ruleId"] == "SP101"]
    assert len(found) == 1, found
    region = found[0]["locations"][0]["physicalLocation"]["region"]
    text_lines = nested.splitlines()
    assert text_lines[region["startLine"] - 1].strip() == "- min_level: C1"
    assert region["endLine"] == region["startLine"]
    assert region["endColumn"] == len(text_lines[region["startLine"] - 1]) + 1


def test_sarif_line_ends_come_from_what_the_check_read(
    real_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first line's end column of a multi-line finding is the length the check kept: the file is
    not read again, so a file rewritten after the check still gets its region from the checked text."""
    Path("profiles/missing.yaml").write_text(ROLE.replace("mission:", "# mission:"), encoding="utf-8")
    checked = Checker(Config(ignore=("SP303",))).check_paths(["profiles/missing.yaml"])
    Path("profiles/missing.yaml").write_text("x\n", encoding="utf-8")  # changed after the check

    def refused(*args: object, **kwargs: object) -> object:
        raise AssertionError("the file was read again")

    monkeypatch.setattr("skillprofiles.render.sarif.read_lines", refused)
    results = sarif(checked)["runs"][0]["results"]
    region = next(r for r in results if r["ruleId"] == "SP101")["locations"][0]["physicalLocation"]["region"]
    assert region["endColumn"] == len(ROLE.splitlines()[0]) + 1
