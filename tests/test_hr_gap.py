"""gap(): per-requirement status, shortfall, next levels, fit score, and the e-CF version rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillprofiles import load
from skillprofiles.hr import Assessment, CompetenceId, Status, VersionMismatchError, gap, load_assessment
from skillprofiles.hr.versions import VersionMapping, translate
from skillprofiles.models import Level
from tests.hr_helpers import DOCS, ROLE_OCM, WSP_003

EXAMPLE = DOCS / "examples" / "assessment.yaml"


WHAT = "the assessment uses e-CF {source} and the profile e-CF {target}"


def assessment(
    version: str, competences: dict[str, str], languages: dict[str, str] | None = None
) -> Assessment:
    return Assessment.model_validate(
        {
            "person": "P",
            "ecf_version": version,
            "competences": [{"code": c, "level": lv} for c, lv in competences.items()],
            "languages": [{"language": n, "level": lv} for n, lv in (languages or {}).items()],
        }
    )


def test_example_assessment_against_wsp_g3_003() -> None:
    report = gap(load_assessment(EXAMPLE), load(WSP_003))
    rows = [
        (g.competence.code, g.required, g.demonstrated, g.status, g.shortfall) for g in report.competences
    ]
    assert rows == [
        ("B.1", Level.E2, Level.E2, Status.MET, 0),
        ("D.7", Level.E5, Level.E3, Status.BELOW, 2),
        ("D.8", Level.E4, None, Status.MISSING, 4),
        ("E.1", Level.E3, None, Status.MISSING, 3),
        ("E.4", Level.E4, Level.E4, Status.MET, 0),
    ]
    # the next level is the lowest one above what was shown at which the competence is defined:
    # 2.0 D.8 starts at e-2 and E.1 at e-3 in the catalogue
    assert report.next_steps == [
        (CompetenceId("2.0", "D.7"), Level.E4),
        (CompetenceId("2.0", "D.8"), Level.E2),
        (CompetenceId("2.0", "E.1"), Level.E3),
    ]
    languages = [(g.language, g.required, g.demonstrated, g.status, g.preferred) for g in report.languages]
    # the placeholder is matched against the assessment's languages the sheet does not name: Italian
    assert report.languages[0].placeholder
    assert report.languages[0].matched == "Italian"
    assert languages == [
        ("national language or the language used by the working group", "B1", "C2", Status.MET, False),
        ("English", "C1", "B2", Status.BELOW, False),
        ("another language (European and other)", None, None, Status.MISSING, True),
    ]
    # competences 1 + 3/5 + 0 + 0 + 1, languages 1 + 4/5 (B2 rank 4 of C1 rank 5); preferred ones left out
    assert report.fit == pytest.approx((1 + 0.6 + 0 + 0 + 1 + 1 + 0.8) / 7)
    assert report.notes == []


def test_everything_met_gives_fit_1() -> None:
    person = assessment(
        "2.0",
        {"B.1": "e-3", "D.7": "e-5", "D.8": "e-4", "E.1": "e-4", "E.4": "e-4"},
        {"English": "C2", "national language or the language used by the working group": "B1"},
    )
    report = gap(person, load(WSP_003))
    assert {g.status for g in report.competences} == {Status.MET}
    assert report.fit == 1.0
    assert report.next_steps == []


def test_reused_codes_are_read_through_the_packaged_mapping() -> None:
    report = gap(assessment("4.0", {"D.7": "e-4", "E.4": "e-3"}), load(WSP_003))
    # 4.0 D.7 (Data Science) is not 2.0 D.7 (Sales Management): the packaged mapping drops it
    assert report.competence_status("D.7") is Status.MISSING
    assert report.competence_status("E.4") is Status.BELOW
    assert report.notes == [
        "e-CF 4.0 codes read as e-CF 2.0 through the packaged mapping (derived from the catalogue)",
        "reused codes read through it: D.7",
    ]


def test_versions_without_a_reused_code_involved_are_compared_directly() -> None:
    report = gap(assessment("4.0", {"E.4": "e-4"}), load(WSP_003))
    assert report.competence_status("E.4") is Status.MET
    assert report.notes == ["e-CF 4.0 codes read as e-CF 2.0 where the catalogue says they mean the same"]


def test_without_a_packaged_mapping_reused_codes_are_refused() -> None:
    with pytest.raises(
        VersionMismatchError, match=r"assessment uses e-CF 4\.0 and the profile e-CF 1\.0, where D\.7"
    ):
        translate({"D.7": frozenset({Level.E4})}, "4.0", "1.0", None, WHAT)


def test_a_mapping_reads_the_assessment_in_the_profile_version() -> None:
    mapping = VersionMapping.model_validate(
        {"from": "4.0", "to": "2.0", "codes": {"D.7": None, "D.12": "D.7"}}
    )
    report = gap(assessment("4.0", {"D.7": "e-4", "D.12": "e-5", "E.4": "e-3"}), load(WSP_003), mapping)
    assert [(g.competence.code, g.status) for g in report.competences] == [
        ("B.1", Status.MISSING),
        ("D.7", Status.MET),
        ("D.8", Status.MISSING),
        ("E.1", Status.MISSING),
        ("E.4", Status.BELOW),
    ]
    assert report.notes == ["e-CF 4.0 codes read as e-CF 2.0 through the mapping given"]


def test_a_mapping_for_other_versions_is_refused() -> None:
    mapping = VersionMapping.model_validate({"from": "3.0", "to": "2.0", "codes": {}})
    with pytest.raises(
        VersionMismatchError, match=r"mapping goes from e-CF 3\.0 to 2\.0, but the assessment uses"
    ):
        gap(assessment("4.0", {}), load(WSP_003), mapping)


def test_newer_version_without_reused_codes_is_read_with_a_note() -> None:
    report = gap(assessment("3.0", {"D.7": "e-5", "A.9": "e-4"}), load(WSP_003))
    assert report.competences[1].status is Status.MET
    assert report.notes == [
        "e-CF 3.0 codes read as e-CF 2.0 where the catalogue says they mean the same",
        "not carried to e-CF 2.0 (no counterpart): A.9",
    ]


def test_profile_without_version_is_read_in_the_assessment_version() -> None:
    report = gap(assessment("2.0", {"A.3": "e-3"}), load(ROLE_OCM))
    assert report.version == "2.0"
    assert report.competences[0].status is Status.MET
    assert report.notes == ["the profile declares no e-CF version; read as 2.0, the assessment's version"]
    assert report.languages == []
    asked = gap(assessment("4.0", {}), load(ROLE_OCM), profile_version="4.0")
    assert asked.notes == ["the profile declares no e-CF version; read as 4.0, as asked"]


def test_assessment_from_json(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"person": "J", "ecf_version": "4.0", "competences": [{"code": "B.1", "level": "e-3"}]}')
    loaded = load_assessment(path)
    assert loaded.level_of("B.1") is Level.E3
    assert loaded.level_of("B.2") is None


def test_a_mapping_to_codes_the_target_lacks_is_noted() -> None:
    mapping = VersionMapping.model_validate(
        {"from": "4.0", "to": "2.0", "codes": {"D.7": "D.13", "E.4": "E.4"}}
    )
    report = gap(assessment("4.0", {"D.7": "e-4"}), load(WSP_003), mapping)
    assert report.notes == [
        "e-CF 4.0 codes read as e-CF 2.0 through the mapping given",
        "the mapping names codes e-CF 2.0 does not define: D.13",
    ]
