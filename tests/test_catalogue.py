"""The packaged catalogue: the data itself, the lookup API, version diffs and user catalogue files."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from skillprofiles.catalogue import (
    Area,
    CatalogueError,
    default_catalogue,
    fold,
    load_catalogue,
)
from skillprofiles.catalogue.fileformat import CatalogueFile, json_schema

ROOT = Path(__file__).resolve().parent.parent
CAT = default_catalogue()


@pytest.mark.parametrize(("version", "count"), [("1.0", 32), ("2.0", 36), ("3.0", 40), ("4.0", 41)])
def test_counts_per_version(version: str, count: int) -> None:
    assert len(CAT.versions[version].competences) == count


def test_versions_are_ordered_and_latest_is_4_0() -> None:
    assert list(CAT.versions) == ["1.0", "2.0", "3.0", "4.0"]
    assert CAT.latest() == "4.0"


def test_every_range_inside_e1_e5_and_ordered() -> None:
    for framework in CAT.versions.values():
        for c in framework.competences.values():
            if c.evidence == "unknown":
                assert (c.min_level, c.max_level, c.levels()) == (None, None, ())
            else:
                assert c.min_level is not None
                assert c.max_level is not None
                assert 1 <= c.min_level <= c.max_level <= 5, (c.version, c.code)


def test_areas_match_code_letters() -> None:
    for framework in CAT.versions.values():
        for c in framework.competences.values():
            assert "ABCDE"[list(Area).index(c.area)] == c.code[0], (c.version, c.code)


def test_evidence_grades_per_version() -> None:
    grades = {v: {c.evidence for c in f.competences.values()} for v, f in CAT.versions.items()}
    assert grades == {
        "1.0": {"unknown"},
        "2.0": {"one-source", "inferred"},
        "3.0": {"two-sources", "one-source"},
        "4.0": {"two-sources"},
    }
    assert not CAT.versions["1.0"].has_level_data
    assert CAT.versions["2.0"].has_level_data


def test_identity_is_version_and_code() -> None:
    assert CAT.competence("4.0", "D.6").title == "Digital Marketing"  # type: ignore[union-attr]
    assert CAT.competence("3.0", "D.6").title == "Channel Management"  # type: ignore[union-attr]
    assert CAT.competence("4.0", "D.7").title == "Data Science and Analytics"  # type: ignore[union-attr]
    assert CAT.competence("2.0", "D.7").title == "Sales Management"  # type: ignore[union-attr]
    assert CAT.competence("3.0", "D.12").title == "Digital Marketing"  # type: ignore[union-attr]
    assert CAT.competence("4.0", "D.12") is None
    assert CAT.competence("9.9", "A.1") is None


def test_competence_levels_and_defined_at() -> None:
    innovating = CAT.competence("4.0", "A.9")
    assert innovating is not None
    assert innovating.levels() == (4, 5)
    assert (innovating.defined_at(3), innovating.defined_at(4)) == (False, True)
    assert innovating.source == "S4a,S4b"
    unknown = CAT.competence("1.0", "A.9") or CAT.competence("1.0", "A.1")
    assert unknown is not None
    assert unknown.defined_at(3) is None


def test_by_area_groups_in_code_order() -> None:
    groups = CAT.versions["4.0"].by_area()
    assert [len(groups[a]) for a in Area] == [10, 6, 5, 11, 9]
    assert [c.code for c in groups[Area.PLAN]][-2:] == ["A.9", "A.10"]


def _codes(pairs: list[tuple[object, object]]) -> list[tuple[str | None, str | None]]:
    return [(getattr(a, "code", None), getattr(b, "code", None)) for a, b in pairs]


def test_diff_2_0_to_3_0() -> None:
    d = CAT.diff("2.0", "3.0")
    assert _codes(d.renamed) == [("A.4", "A.4"), ("A.7", "A.7"), ("B.1", "B.1"), ("B.2", "B.2")]
    assert _codes(d.added) == [(None, "A.9"), (None, "B.6"), (None, "D.12"), (None, "E.9")]
    assert _codes(d.range_changed) == [("B.1", "B.1"), ("E.4", "E.4")]
    assert (d.reused, d.removed, d.moved) == ([], [], [])
    assert d.renamed[1][1].title == "Technology Trend Monitoring"  # type: ignore[union-attr]


def test_diff_3_0_to_4_0() -> None:
    d = CAT.diff("3.0", "4.0")
    assert _codes(d.renamed) == [("A.8", "A.8"), ("B.6", "B.6"), ("D.5", "D.5"), ("E.9", "E.9")]
    assert _codes(d.reused) == [("D.6", "D.6"), ("D.7", "D.7")]
    assert [(a.title, b.title) for a, b in d.reused] == [  # type: ignore[union-attr]
        ("Channel Management", "Digital Marketing"),
        ("Sales Management", "Data Science and Analytics"),
    ]
    assert _codes(d.moved) == [("D.12", "D.6")]
    assert _codes(d.added) == [(None, "A.10"), (None, "C.5")]
    assert _codes(d.range_changed) == [("A.7", "A.7"), ("D.5", "D.5")]
    assert d.removed == []
    # 41 less: 2 added, 4 renamed (D.5 also range-changed), D.6 moved, D.7 reused, A.7 range-changed
    assert len(d.unchanged) == 32


def test_diff_across_versions_and_errors() -> None:
    d = CAT.diff("1.0", "2.0")
    assert _codes(d.added) == [(None, "A.8"), (None, "D.10"), (None, "D.11"), (None, "E.8")]
    assert _codes(d.renamed) == [("A.4", "A.4"), ("B.5", "B.5")]
    assert d.range_changed == []  # 1.0 has no ranges to compare
    with pytest.raises(KeyError, match=r"known: 1\.0, 2\.0, 3\.0, 4\.0"):
        CAT.diff("2.0", "5.0")
    with pytest.raises(ValueError, match="newer"):
        CAT.diff("4.0", "3.0")


def test_cefr_order_and_aliases() -> None:
    codes = [level.code for level in CAT.cefr.levels]
    assert codes == ["Pre-A1", "A1", "A2", "A2+", "B1", "B1+", "B2", "B2+", "C1", "C2"]
    for alias in ("CEFR", "QCER", "CECR"):
        assert alias in CAT.cefr.aliases
        assert CAT.cefr.parse(f"B1 {alias}").code == "B1"  # type: ignore[union-attr]
    assert CAT.cefr.parse("qcer c1").code == "C1"  # type: ignore[union-attr]
    assert CAT.cefr.parse("pre a1").code == "Pre-A1"  # type: ignore[union-attr]
    assert CAT.cefr.parse("B3") is None
    assert CAT.cefr.parse("fluent") is None
    assert CAT.cefr.rank("A2+") == 2.5
    assert CAT.cefr.rank("C1") > CAT.cefr.rank("B2+")  # type: ignore[operator]
    assert CAT.cefr.mentions("minimum level: B1 QCER, then C3") == ["B1", "C3"]


def test_wsp_g3_registry() -> None:
    assert len(CAT.profiles) == 21
    assert [e.code for e in CAT.profiles][:2] == ["WSP-G3-001", "WSP-G3-002"]
    assert CAT.profiles.by_code("wsp-g3-003").title == "Web Account Manager"  # type: ignore[union-attr]
    assert CAT.profiles.by_title("e-commerce specialist").code == "WSP-G3-018"  # type: ignore[union-attr]
    assert CAT.profiles.by_title("Nobody") is None
    assert sum(e.verified for e in CAT.profiles) == 14


def test_fold_ignores_case_space_and_ampersand() -> None:
    assert fold("Drafts texts,  clearly & concisely") == fold("drafts texts, clearly and concisely")
    assert fold("Can draft") != fold("Drafts")


def test_default_catalogue_is_cached() -> None:
    assert default_catalogue() is CAT


def test_sources_of_every_competence_are_listed() -> None:
    for framework in CAT.versions.values():
        for c in framework.competences.values():
            assert all(s in CAT.sources for s in c.sources), (c.version, c.code)
            assert c.source == ",".join(c.sources)


USER = """\
format: skillprofiles-catalogue/1
title: Organisation framework
sources:
  ORG: our licensed copy
ecf:
  versions:
    '4.1':
      designation: e-CF 4.0 as amended by us
      sources: [ORG]
      competences:
        - {code: A.1, title: Alignment, area: PLAN, min_level: 3, max_level: 5, range_status: verified}
        - {code: A.2, title: Service Levels, area: PLAN, min_level: 2, max_level: 4, range_status: inferred}
"""


def test_load_user_catalogue_extends_the_packaged_one(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(USER, encoding="utf-8")
    cat = load_catalogue(path)
    assert list(cat.versions) == ["1.0", "2.0", "3.0", "4.0", "4.1"]
    assert cat.latest() == "4.1"
    assert cat.competence("4.1", "A.1").levels() == (3, 4, 5)  # type: ignore[union-attr]
    assert cat.competence("4.0", "A.1") is not None
    assert len(cat.profiles) == 21
    assert _codes(cat.diff("4.0", "4.1").renamed) == [("A.1", "A.1"), ("A.2", "A.2")]


@pytest.mark.parametrize(
    ("change", "line", "column", "message"),
    [
        ("area: PLAN, min_level: 3", 11, 11, "belongs to area PLAN, not BUILD"),
        ("min_level: 3, max_level: 5", 11, 11, "min_level 5 is above max_level 3"),
        ("range_status: verified}", 11, 11, "both be null exactly when range_status is unknown"),
        ("sources: [ORG]", 9, 17, "source 'NOPE' is not listed under 'sources'"),
    ],
)
def test_invalid_user_catalogue_has_positions(
    tmp_path: Path, change: str, line: int, column: int, message: str
) -> None:
    broken = {
        "area: PLAN, min_level: 3": USER.replace("area: PLAN, min_level: 3", "area: BUILD, min_level: 3"),
        "min_level: 3, max_level: 5": USER.replace(
            "min_level: 3, max_level: 5", "min_level: 5, max_level: 3"
        ),
        "range_status: verified}": USER.replace(
            "min_level: 3, max_level: 5, range_status: verified}",
            "min_level: 3, max_level: 5, range_status: unknown}",
        ),
        "sources: [ORG]": USER.replace("sources: [ORG]", "sources: [NOPE]"),
    }[change]
    path = tmp_path / "bad.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    found = [(d.code, d.line, d.column) for d in caught.value.diagnostics]
    assert found == [("SP200", line, column)]
    assert message in caught.value.diagnostics[0].message


def test_yaml_error_in_user_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("format: [skillprofiles\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    # an error at the end of the file is shown at the end of its last line, where an editor can show it
    assert [(d.code, d.line) for d in caught.value.diagnostics] == [("SP010", 1)]
    assert str(caught.value).startswith(f"invalid catalogue {path}:1:")


def test_unknown_key_in_user_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        textwrap.dedent(USER).replace("title: Organisation", "titel: Organisation"), encoding="utf-8"
    )
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert sorted((d.line, d.message.split(":")[0]) for d in caught.value.diagnostics) == [
        (1, "title"),
        (2, "titel"),
    ]


def test_committed_schema_is_current() -> None:
    committed = ROOT / "schemas" / "catalogue.schema.json"
    current = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    assert committed.exists()
    assert committed.read_text(encoding="utf-8") == current, (
        "schemas/catalogue.schema.json is stale; regenerate it with: "
        "python -m skillprofiles.catalogue.fileformat > schemas/catalogue.schema.json"
    )


def test_packaged_files_validate_against_the_schema() -> None:
    import jsonschema
    import yaml

    schema = json_schema()
    for name in ("ecf.yaml", "cefr.yaml", "wsp-g3.yaml"):
        data = yaml.safe_load((ROOT / "src" / "skillprofiles" / "data" / name).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(data)
        assert CatalogueFile.model_validate(data).unknown_sources() == []


def test_packaged_data_matches_the_reference_compilation(shared_dir: Path) -> None:
    import yaml

    reference = shared_dir / "reference"
    ecf = yaml.safe_load((reference / "ecf-catalogue.yaml").read_text(encoding="utf-8"))
    for version, entry in ecf["versions"].items():
        assert len(CAT.versions[version].competences) == entry["competence_count"]
        for c in entry["competences"]:
            ours = CAT.competence(version, c["code"])
            assert ours is not None
            low, high = (None if c[k] == "unknown" else c[k] for k in ("min_level", "max_level"))
            assert (ours.title, ours.area.value, ours.min_level, ours.max_level) == (
                c["title"],
                c["area"],
                low,
                high,
            ), (version, c["code"])
    registry = yaml.safe_load((reference / "g3-profiles.yaml").read_text(encoding="utf-8"))
    assert [(e.code, e.title, e.verified) for e in CAT.profiles] == [
        (p["code"], p["title"], p["code_verified"]) for p in registry["profiles"]
    ]
    cefr = yaml.safe_load((reference / "cefr.yaml").read_text(encoding="utf-8"))
    assert [(lv.code, lv.rank) for lv in CAT.cefr.levels] == [
        (lv["code"], lv["rank"]) for lv in cefr["levels"]
    ]
