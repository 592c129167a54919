"""ProfileCollection: loading a directory, failures with diagnostics, queries and the matrix."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillprofiles.hr import AmbiguousCompetenceError, CompetenceId, ProfileCollection
from skillprofiles.models import Level
from tests.conftest import PROFILES
from tests.hr_helpers import write, wsp


@pytest.fixture
def reference() -> ProfileCollection:
    return ProfileCollection.from_directory(PROFILES)


def labels(members: list) -> list[str]:  # type: ignore[type-arg]
    return [m.label for m in members]


def test_reference_directory_loads_both_profiles(reference: ProfileCollection) -> None:
    # in path order: "WSP-G3-003.yaml" sorts before "online-community-manager.yaml"
    assert labels(reference.members) == ["WSP-G3-003", "Online Community Manager"]
    assert reference.failures == []
    assert [m.version for m in reference] == ["2.0", "2.0"]  # declared; inferred as validate infers it
    assert [m.decision.how for m in reference if m.decision] == ["declared", "inferred"]


def test_invalid_file_is_listed_with_its_diagnostics(tmp_path: Path) -> None:
    write(tmp_path, "good.yaml", wsp())
    write(tmp_path, "bad.yml", wsp(code="WSP-G3-098").replace("levels: [e-2]", "levels: [e-7]"))
    collection = ProfileCollection.from_directory(tmp_path)
    assert labels(collection.members) == ["WSP-G3-099"]
    [failure] = collection.failures
    assert failure.file == str(tmp_path / "bad.yml")
    assert [(d.code, d.line, d.column) for d in failure.diagnostics] == [("SP105", 15, 14)]


@pytest.mark.parametrize(
    ("code", "min_level", "expected"),
    [
        ("D.7", None, ["WSP-G3-003"]),
        ("D.7", "e-4", ["WSP-G3-003"]),  # assigned at e-5, so at or above e-4
        ("D.7", Level.E5, ["WSP-G3-003"]),
        ("D.8", "e-5", []),  # assigned at e-4 only
        ("D.8", 4, ["WSP-G3-003"]),
        ("A.9", None, []),
    ],
)
def test_requiring(reference: ProfileCollection, code: str, min_level: object, expected: list[str]) -> None:
    assert labels(reference.requiring(code, min_level=min_level)) == expected  # type: ignore[arg-type]


def test_a_code_used_under_two_versions_needs_a_version(tmp_path: Path) -> None:
    d7 = "- code: D.7\n  title: Sales Management\n  levels: [e-4]\n"
    write(tmp_path, "old.yaml", wsp("WSP-G3-001", "2.0", d7))
    write(tmp_path, "new.yaml", wsp("WSP-G3-002", "4.0", d7.replace("Sales Management", "Data Science")))
    collection = ProfileCollection.from_directory(tmp_path)
    with pytest.raises(AmbiguousCompetenceError, match=r"D\.7 is used under e-CF versions 2\.0, 4\.0"):
        collection.requiring("D.7")
    assert labels(collection.requiring("D.7", version="4.0")) == ["WSP-G3-002"]
    assert labels(collection.requiring("D.7", min_level="e-4", version="2.0")) == ["WSP-G3-001"]


def test_default_version_for_profiles_without_one() -> None:
    collection = ProfileCollection.from_directory(PROFILES, default_version="2.0")
    assert [m.version for m in collection] == ["2.0", "2.0"]
    assert labels(collection.requiring("E.4", min_level="e-3")) == ["WSP-G3-003", "Online Community Manager"]


def test_by_area(reference: ProfileCollection) -> None:
    assert labels(reference.in_area("PLAN")) == ["Online Community Manager"]
    assert labels(reference.in_area("d")) == ["WSP-G3-003", "Online Community Manager"]
    with pytest.raises(ValueError, match="unknown e-CF area 'PLANS'"):
        reference.in_area("PLANS")


def test_by_cefr_requirement(reference: ProfileCollection) -> None:
    assert labels(reference.requiring_language("C1")) == ["WSP-G3-003"]
    assert labels(reference.requiring_language("C2")) == []
    assert labels(reference.requiring_language("B2", language="english")) == ["WSP-G3-003"]
    assert labels(reference.requiring_language("A1", language="French")) == []
    with pytest.raises(ValueError, match="'Z9' is not a CEFR level"):
        reference.requiring_language("Z9")


def test_matrix(reference: ProfileCollection) -> None:
    matrix = reference.matrix()
    wsp_003 = reference.get("WSP-G3-003")
    role = reference.get("Online Community Manager")
    assert wsp_003 is not None
    assert role is not None
    # 17 of the role profile (inferred 1.0) + 5 of WSP-G3-003 (2.0); B.1, E.1, E.4 mean the same in
    # both versions and share a row, read in the newest version used
    assert len(matrix.competences) == 19
    assert matrix.competences[0] == CompetenceId("2.0", "A.3")
    assert {c.version for c in matrix.competences} == {"2.0"}
    assert matrix.levels(CompetenceId("2.0", "D.7"), wsp_003) == (Level.E5,)
    assert matrix.levels(CompetenceId("2.0", "D.7"), role) == ()
    assert matrix.levels(CompetenceId("2.0", "A.4"), role) == (Level.E2, Level.E3)
    assert matrix.levels(CompetenceId("2.0", "B.1"), wsp_003) != ()
    assert matrix.levels(CompetenceId("2.0", "B.1"), role) != ()
    in_4 = reference.matrix(target="4.0")  # 2.0 D.6/D.7 are other competences in 4.0: they stay apart
    assert CompetenceId("2.0", "D.7") in in_4.competences
    assert CompetenceId("4.0", "B.1") in in_4.competences
