"""The assessment format: its mistakes are diagnostics at line:col, like a profile's."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from skillprofiles.hr import AssessmentError, MappingError, assessment_schema, load_assessment, load_mapping
from tests.hr_helpers import DOCS

ROOT = DOCS.parent
SCHEMA = ROOT / "schemas" / "assessment.schema.json"


def problems(tmp_path: Path, text: str) -> list[tuple[str, int, int, str]]:
    path = tmp_path / "a.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(AssessmentError) as caught:
        load_assessment(path)
    return [(d.code, d.line, d.column, d.message) for d in caught.value.diagnostics]


def test_each_mistake_at_its_position(tmp_path: Path) -> None:
    text = """\
        person: X
        ecf_version: '4.0'
        competences:
          - code: D7
            level: e-6
        languages:
          - {language: English, level: X1}
        nam: 1
        """
    assert problems(tmp_path, text) == [
        ("SP105", 4, 11, "'D7' is not a valid 'code'"),
        ("SP105", 5, 12, "'e-6' is not a proficiency level"),
        ("SP102", 8, 1, "unknown key 'nam'"),
    ]


def test_checked_against_the_catalogue_with_the_profile_codes(tmp_path: Path) -> None:
    text = """\
        person: X
        ecf_version: '4.0'
        competences:
          - code: A.99
            level: e-2
          - code: E.4
            level: e-1
        languages:
          - {language: English, level: X1}
        """
    assert problems(tmp_path, text) == [
        ("SP203", 4, 11, "e-CF 4.0 has no competence A.99"),
        (
            "SP204",
            7,
            12,
            "E.4 Relationship Management is not defined at e-1 in e-CF 4.0: its range is e-3..e-4",
        ),
        ("SP210", 9, 32, "'X1' is not a CEFR level (A1 … C2, Pre-A1, A2+, B1+, B2+)"),
    ]


def test_an_unknown_version_is_sp202(tmp_path: Path) -> None:
    assert problems(tmp_path, "person: X\necf_version: '9.0'\n") == [
        ("SP202", 2, 14, "unknown e-CF version '9.0'")
    ]


def test_assessments_load_from_text() -> None:
    from skillprofiles.hr.assessment import reads_assessment

    loaded = reads_assessment(
        '{"person": "X", "ecf_version": "4.0", "competences": [{"code": "A.99", "level": "e-2"}]}', "a.json"
    )
    assert [(d.code, d.line, d.column) for d in loaded.diagnostics] == [("SP203", 1, 64)]


def test_unquoted_version_and_missing_person(tmp_path: Path) -> None:
    assert problems(tmp_path, "ecf_version: 4.0\n") == [
        ("SP101", 1, 1, "required section 'person' is missing"),
        ("SP104", 1, 14, "'4.0' is read by YAML as the number 4.0, not as the text '4.0'"),
    ]


def test_a_competence_listed_twice(tmp_path: Path) -> None:
    text = """\
        person: X
        ecf_version: '4.0'
        competences:
          - {code: D.7, level: e-2}
          - {code: D.7, level: e-3}
        """
    assert problems(tmp_path, text) == [
        ("SP105", 4, 3, "'competences': competence D.7 is listed more than once")
    ]


def test_reader_problems_and_empty_files(tmp_path: Path) -> None:
    assert problems(tmp_path, "") == [("SP016", 1, 1, "file holds no YAML content")]
    assert problems(tmp_path, "person: [x\n")[0][:3] == ("SP010", 1, 9)  # where the unclosed [ opens


def test_mapping_file_mistakes(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("from: '2.0'\nto: 4.0\ncodes:\n  D7: D.12\n", encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        load_mapping(path)
    assert [(d.code, d.line, d.column) for d in caught.value.diagnostics] == [
        ("SP104", 2, 5),
        ("SP105", 4, 3),
    ]


def test_committed_schema_is_current() -> None:
    expected = json.dumps(assessment_schema(), indent=2, ensure_ascii=False) + "\n"
    assert SCHEMA.read_text(encoding="utf-8") == expected, (
        "schemas/assessment.schema.json is stale: regenerate it with "
        "python -c 'import json, skillprofiles.hr as h; "
        "print(json.dumps(h.assessment_schema(), indent=2, ensure_ascii=False))' "
        "> schemas/assessment.schema.json"
    )


def test_schema_accepts_the_examples_and_rejects_a_bad_level() -> None:
    import jsonschema
    import yaml

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for name in ("assessment.yaml", "assessment-4.0.yaml"):
        document = yaml.safe_load((DOCS / "examples" / name).read_text(encoding="utf-8"))
        assert list(validator.iter_errors(document)) == []
    bad = {"person": "X", "ecf_version": "4.0", "competences": [{"code": "D.7", "level": "e-9"}]}
    assert [e.json_path for e in validator.iter_errors(bad)] == ["$.competences[0].level"]
