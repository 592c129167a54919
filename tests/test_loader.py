"""Structural validation: each kind of mistake reported at its own line and column."""

from __future__ import annotations

import pytest

from skillprofiles import ProfileError, load
from skillprofiles.models import Level, RoleProfile, WSPG3Profile
from tests.conftest import findings, where
from tests.minimal import ROLE, WSP


def test_minimal_profiles_are_clean() -> None:
    assert where(WSP) == []
    assert where(ROLE) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # a missing normative section, reported at the mapping that lacks it
        ("summary_definition: Does things.\n", "", [("SP101", 1, 1)]),
        ("  for_development: [Coordination]\n", "", [("SP101", 17, 3)]),
        # a misspelt key, at the key: one mistake, one finding (no SP101 for the section it holds)
        ("primary_duties:\n", "primary_dutes:\n", [("SP102", 10, 1)]),
        # a key that is no misspelling of the missing section: both are reported
        ("primary_duties:\n", "duties_of_the_role:\n", [("SP101", 1, 1), ("SP102", 10, 1)]),
        # wrong shapes
        ("kpi_areas: [Sales]", "kpi_areas: Sales", [("SP103", 20, 12)]),
        # YAML 1.1 reading where text was meant
        ("ecf_version: '2.0'", "ecf_version: 2.0", [("SP104", 4, 14)]),
        ("      min_level: C1", "      min_level: no", [("SP104", 26, 18)]),
        ("title: Test Profile", "title: 010", [("SP104", 3, 8)]),
        # values of the right type but not allowed
        ("levels: [e-2]", "levels: [e-6]", [("SP105", 15, 14)]),
        ("levels: [e-2]", "levels: [e-2, e-2]", [("SP108", 15, 13)]),
        ("  - code: B.1", "  - code: B1", [("SP105", 13, 11)]),
        ("code: WSP-G3-099", "code: WSP-99", [("SP107", 2, 7)]),
        # empty sections
        ("qualifications: [Degree]", "qualifications: []", [("SP106", 21, 17)]),
        ("summary_definition: Does things.", "summary_definition: '  '", [("SP106", 5, 21)]),
        ("  accountable: [Plan]", "  accountable: []", [("SP109", 9, 3)]),
        # the template itself
        ("template: wsp-g3", "template: wsp-g2", [("SP100", 1, 11)]),
    ],
)
def test_wsp_mistakes(old: str, new: str, expected: list[tuple[str, int, int]]) -> None:
    assert old in WSP
    assert where(WSP.replace(old, new, 1)) == expected


def test_missing_section_message_and_hint() -> None:
    [diagnostic] = findings(WSP.replace("summary_definition: Does things.\n", ""))
    assert diagnostic.message == "required section 'summary_definition' is missing"
    assert diagnostic.hint == "add 'summary_definition:' (The primary purpose of the profile.)"


def test_unknown_key_suggests_the_nearest() -> None:
    [diagnostic] = findings(WSP.replace("primary_duties:", "primary_dutes:"))
    assert diagnostic.hint == "did you mean 'primary_duties'?"


def test_implicit_type_message() -> None:
    [diagnostic] = findings(WSP.replace("ecf_version: '2.0'", "ecf_version: 3.10"))
    assert diagnostic.message == "'3.10' is read by YAML as the number 3.1, not as the text '3.10'"
    assert diagnostic.hint == "quote it: '3.10'"


def test_relationships_are_informational() -> None:
    assert "relationships" not in WSP
    assert where(WSP + "relationships:\n  interacts_with: [Business Analyst]\n") == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    description: Plans.\n", "", [("SP111", 12, 5)]),
        (
            "      e-3: Exploits knowledge.",
            "      e-4: Exploits knowledge.",
            [("SP110", 15, 13), ("SP110", 17, 7)],
        ),
        ("environment: Works online.\n", "", [("SP101", 1, 1)]),
        ("deliverables:\n  accountable: [Wiki.]\n", "deliverables: {}\n", [("SP101", 6, 15)]),
    ],
)
def test_role_profile_mistakes(old: str, new: str, expected: list[tuple[str, int, int]]) -> None:
    assert old in ROLE
    assert where(ROLE.replace(old, new, 1)) == expected


def test_load_returns_typed_models_and_raises_with_diagnostics(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    good, bad = folder / "good.yaml", folder / "bad.yaml"
    good.write_text(WSP, encoding="utf-8")
    bad.write_text(WSP.replace("levels: [e-2]", "levels: [e-9]"), encoding="utf-8")
    profile = load(good)
    assert isinstance(profile, WSPG3Profile)
    assert profile.competences[0].levels == [Level.E2]
    with pytest.raises(ProfileError) as caught:
        load(bad)
    assert [(d.code, d.line) for d in caught.value.diagnostics] == [("SP105", 15)]
    assert str(caught.value).startswith(f"invalid profile {bad}:15:14:")


def test_common_questions_answered_alike_for_both_templates(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "w.yaml").write_text(WSP, encoding="utf-8")
    (folder / "r.yaml").write_text(ROLE, encoding="utf-8")
    wsp, role = load(folder / "w.yaml"), load(folder / "r.yaml")
    assert isinstance(role, RoleProfile)
    assert [c.code for c in wsp.competences] == ["B.1"]
    assert [c.code for c in role.competences] == ["A.3"]
    assert wsp.deliverables.accountable == ["Plan"]
    assert role.deliverables.accountable == ["Wiki."]
    assert role.deliverables.responsible == []
    assert (wsp.kpis, role.kpis) == (["Sales"], ["Forum activity."])
    assert (wsp.tasks, role.tasks) == (["Plan things"], ["Provide tools."])
