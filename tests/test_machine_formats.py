"""JSON and SARIF from real validator output: valid against their schemas; what code scanning reads."""

from __future__ import annotations

import json
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
        assert (region["endLine"], region["endColumn"]) == (d.span.end_line, d.span.end_column)
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
