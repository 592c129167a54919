"""The two reference profiles load, and say what their source documents say, in their own words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from skillprofiles import load
from skillprofiles.models import Level, RoleProfile, WSPG3Profile
from tests.conftest import PROFILES

WAM_SEED = "000_65b8720df080f9aa.txt"
OCM_SEED = "002_2f6989110e9a8821.txt"


def _norm(text: str) -> str:
    """Whitespace folded; the seed's HTML and list bullets removed."""
    text = re.sub(r"(?m)^[-\t ]*-[-\t ]*$", " ", text)  # a table row of dashes at a page break
    text = re.sub(r"<[^>]+>|[•✓]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.fixture(scope="module")
def wam() -> WSPG3Profile:
    profile = load(PROFILES / "WSP-G3-003.yaml")
    assert isinstance(profile, WSPG3Profile)
    return profile


@pytest.fixture(scope="module")
def ocm() -> RoleProfile:
    profile = load(PROFILES / "online-community-manager.yaml")
    assert isinstance(profile, RoleProfile)
    return profile


def _content(profile: WSPG3Profile | RoleProfile) -> list[str]:
    data = profile.model_dump(mode="json", exclude={"source", "schema_", "template", "ecf_version"})
    return _strings(data)


@pytest.mark.parametrize(("name", "seed"), [("wam", WAM_SEED), ("ocm", OCM_SEED)])
def test_every_string_is_in_the_source(
    name: str, seed: str, shared_dir: Path, request: pytest.FixtureRequest
) -> None:
    source = _norm((shared_dir / "seeds" / seed).read_text(encoding="utf-8"))
    profile = request.getfixturevalue(name)
    missing = [s for s in _content(profile) if _norm(s) not in source]
    # languages are a short name for the requirement's subject; the wording itself is checked
    allowed = {"English", "national language or the language used by the working group"}
    allowed |= {"another language (European and other)"}
    assert [m for m in missing if m not in allowed and not re.fullmatch(r"e-\d|[A-E]\.\d+|B1|C1", m)] == []


def test_web_account_manager_sections(wam: WSPG3Profile) -> None:
    assert (wam.code, wam.title, wam.ecf_version) == ("WSP-G3-003", "Web Account Manager", "2.0")
    assert len(wam.assignment) == 2
    assert wam.documentation_produced.all == [
        "Strategic sales plan",
        "Business relationships",
        "Sales forecasts",
        "Technical proposals",
        "Production forecasts",
    ]
    assert len(wam.primary_duties) == 7
    assert [(c.code, c.title, [lv.value for lv in c.levels]) for c in wam.competences] == [
        ("B.1", "Design and Development", ["e-2"]),
        ("D.7", "Sales Management", ["e-5"]),
        ("D.8", "Contract Management", ["e-4"]),
        ("E.1", "Forecast Development", ["e-3"]),
        ("E.4", "Relationship Management", ["e-4"]),
    ]
    ability = wam.abilities_knowledge
    assert (len(ability.technical), len(ability.information_technology), len(ability.for_development)) == (
        4,
        3,
        2,
    )
    assert len(wam.kpi_areas) == 3
    assert len(wam.qualifications) == 1
    assert len(wam.personal_aptitudes.interpersonal_organisational) == 5
    assert [(x.min_level, x.preferred) for x in wam.languages] == [("B1", False), ("C1", False), (None, True)]
    assert wam.relationships.interacts_with == [
        "Business Analyst",
        "E-commerce Specialist",
        "Web Content Specialist",
        "Digital Strategic Planner",
    ]
    assert wam.relationships.reports_to == []


def test_web_account_manager_competences_match_the_seed(wam: WSPG3Profile, shared_dir: Path) -> None:
    text = (shared_dir / "seeds" / WAM_SEED).read_text(encoding="utf-8")
    seed = re.findall(r"^- ([A-E]\.\d+)\.? (.+): Level e-(\d)$", text, flags=re.MULTILINE)
    assert [(c.code, c.title, c.levels[0].rank) for c in wam.competences] == [
        (a, b, int(n)) for a, b, n in seed
    ]


def _seed_competences(text: str) -> dict[str, dict[int, str]]:
    """Per competence code, the level texts of the seed's Dimension 3 rows that have text."""
    blocks = re.split(r"\n([A-E]\.\d+)\. [^\n]+\n", text)
    found: dict[str, dict[int, str]] = {}
    for code, body in zip(blocks[1::2], blocks[2::2], strict=False):
        dimension3 = body.split("Dimension 4")[0]
        rows = re.findall(r"Level (\d)\t([^\t\n]*)", dimension3)
        found[code] = {int(n): _norm(t) for n, t in rows if t.strip()}
    return found


def test_online_community_manager_levels_and_texts_match_the_seed(ocm: RoleProfile, shared_dir: Path) -> None:
    seed = _seed_competences((shared_dir / "seeds" / OCM_SEED).read_text(encoding="utf-8"))
    assert [c.code for c in ocm.competences] == list(seed)
    for competence in ocm.competences:
        texts = {level.rank: _norm(text) for level, text in competence.level_texts.items()}
        assert texts == seed[competence.code], competence.code
        assert {lv.rank for lv in competence.levels} == set(seed[competence.code])


def test_online_community_manager_dimension_4(ocm: RoleProfile, shared_dir: Path) -> None:
    text = (shared_dir / "seeds" / OCM_SEED).read_text(encoding="utf-8")
    seed_items = re.findall(r"([TBM]\d\d): ", text)
    profile_items = [k.code for c in ocm.competences for k in c.knowledge_skills]
    assert profile_items == seed_items
    assert len(profile_items) == 35
    empty = [c.code for c in ocm.competences if not c.knowledge_skills]
    assert empty == ["B.5", "E.6"]


def test_online_community_manager_role_description(ocm: RoleProfile) -> None:
    assert ocm.title == "Online Community Manager"
    assert ocm.ecf_version is None  # the document does not say
    assert len(ocm.mission) == 2
    assert ocm.deliverables.accountable[0] == "Wiki."
    assert len(ocm.deliverables.accountable) == 5
    assert ocm.deliverables.contributor == ["Infrastructure planning.", "Hotline Operator support."]
    assert len(ocm.main_tasks) == 5
    assert len(ocm.kpis) == 4
    assert all(c.description for c in ocm.competences)
    assert ocm.competence("A.7") is not None
    assert ocm.competence("A.7").levels == [Level.E2, Level.E3]  # type: ignore[union-attr]
