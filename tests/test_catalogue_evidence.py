"""The packaged reference data checked as data: sources that resolve and can be followed, evidence grades
that mean what they say, the counts docs/catalogue.md states, the transversal aspects, and the CEFR
forms Europe writes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from skillprofiles.catalogue import CatalogueError, default_catalogue, load_catalogue
from skillprofiles.catalogue.fileformat import CatalogueFile
from skillprofiles.engine.checker import Checker
from skillprofiles.tuning.config import Config
from tests.conftest import findings
from tests.minimal import WSP
from tests.rules.helpers import messages, only, wsp

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "skillprofiles" / "data"
CAT = default_catalogue()
GRADES = ("two-sources", "one-source", "inferred", "unknown")


def _data(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return loaded


def _files() -> list[tuple[str, CatalogueFile]]:
    return [(n, CatalogueFile.model_validate(_data(n))) for n in ("ecf.yaml", "cefr.yaml", "wsp-g3.yaml")]


# --- provenance -------------------------------------------------------------------------------------


def test_every_packaged_file_is_format_2() -> None:
    assert {file.format for _, file in _files()} == {"skillprofiles-catalogue/2"}


def test_every_cited_source_resolves_to_an_entry_with_a_locator() -> None:
    for name, file in _files():
        assert file.unknown_sources() == [], name
        for source_id, source in file.sources.items():
            assert not isinstance(source, str), (name, source_id)
            locator = source.locator
            followable = (locator.repository and locator.path) or locator.search or locator.pages
            assert followable or locator.project_file, (name, source_id)
            if locator.project_file:  # a file of this repository must exist
                assert (ROOT / locator.project_file).is_file(), (name, source_id)
    for source_id, info in CAT.sources.items():
        assert info.locator, source_id


def test_every_source_is_cited_somewhere() -> None:
    for name, file in _files():
        cited = {source for _, source in file._cited()}
        assert set(file.sources) <= cited, (name, sorted(set(file.sources) - cited))


def test_no_workplace_paths_or_unfollowable_markers_in_the_data() -> None:
    for name in ("ecf.yaml", "cefr.yaml", "wsp-g3.yaml"):
        text = (DATA / name).read_text(encoding="utf-8")
        for marker in ("/work/", "NOT RECORDED", "seeds/"):
            assert marker not in text, (name, marker)


def _ranges() -> list[tuple[str, Any]]:
    ecf = dict(_files())["ecf.yaml"].ecf
    assert ecf is not None
    return [(v, c) for v, entry in ecf.versions.items() for c in entry.competences]


def test_two_sources_means_two_different_independent_sources() -> None:
    sources = dict(_files())["ecf.yaml"].sources

    def origin(source_id: str) -> frozenset[str]:  # a source and those of the same origin
        source = sources[source_id]
        return frozenset({source_id, *getattr(source, "same_origin_as", ())})

    assert origin("S3b") == origin("S2e") == {"S3b", "S2e"}  # e-competence-quality.com, both wordings
    for version, entry in _ranges():
        if entry.evidence == "two-sources":
            origins = {min(origin(s)) for s in entry.sources}
            assert len(origins) >= 2, (version, entry.code, entry.sources)


def test_a_range_cites_sources_of_its_version_that_show_ranges() -> None:
    sources = dict(_files())["ecf.yaml"].sources
    for version, entry in _ranges():
        for cited in entry.sources:
            source = sources[cited]
            assert not isinstance(source, str)
            assert version in source.versions, (version, entry.code, cited)
            assert "ranges" in source.evidence_for, (version, entry.code, cited)
        for cited in entry.title_sources:
            source = sources[cited]
            assert not isinstance(source, str)
            assert "titles" in source.evidence_for, (version, entry.code, cited)


def test_grades_carry_what_they_rest_on() -> None:
    for version, entry in _ranges():
        if entry.evidence == "one-source":
            assert len(entry.sources) == 1, (version, entry.code)
        if entry.evidence == "inferred":
            assert entry.sources == [], (version, entry.code)
            assert entry.inferred_from, (version, entry.code)
        if entry.evidence == "unknown":
            assert (entry.sources, entry.min_level, entry.max_level) == ([], None, None)


def test_no_source_is_cited_for_what_the_audit_found_it_does_not_show() -> None:
    # 3.0 E.4: S3b shows e-2..e-4; 3.0 A.3, B.2, D.12: S3b's pages are cut off
    for code in ("E.4", "A.3", "B.2", "D.12"):
        assert "S3b" not in CAT.competence("3.0", code).sources  # type: ignore[union-attr]
    # no 3.0 file is a source for a 2.0 range; T1/T2 (not independent 2.0 sources) are gone
    for competence in CAT.versions["2.0"].competences.values():
        assert not {"S3a", "T1", "T2"} & set(competence.sources), competence.code
    assert "T1" not in CAT.sources
    assert "T2" not in CAT.sources
    # 2.0 B.1's widening to e-5 rests on G3 usage only
    b1 = CAT.competence("2.0", "B.1")
    assert b1 is not None
    assert (b1.evidence, b1.inferred_from) == ("inferred", ("3.0", "usage"))


def _documented_counts() -> dict[str, dict[str, int]]:
    text = (ROOT / "docs" / "catalogue.md").read_text(encoding="utf-8")
    rows = re.findall(
        r"^\| e-CF (\d\.\d) \|[^|]*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)", text, re.M
    )
    return {v: dict(zip(("competences", *GRADES), map(int, counts), strict=True)) for v, *counts in rows}


def test_counts_per_grade_are_the_documented_ones() -> None:
    documented = _documented_counts()
    assert set(documented) == {"1.0", "2.0", "3.0", "4.0"}
    for version, framework in CAT.versions.items():
        counted = {"competences": len(framework.competences), **framework.grades()}
        assert documented[version] == counted, version


def test_counts_per_grade_are_the_audited_ones() -> None:
    assert {v: f.grades() for v, f in CAT.versions.items()} == {
        "4.0": {"two-sources": 41, "one-source": 0, "inferred": 0, "unknown": 0},
        "3.0": {"two-sources": 31, "one-source": 9, "inferred": 0, "unknown": 0},
        "2.0": {"two-sources": 0, "one-source": 10, "inferred": 26, "unknown": 0},
        "1.0": {"two-sources": 0, "one-source": 0, "inferred": 0, "unknown": 32},
    }
    single = [c.code for c in CAT.versions["3.0"].competences.values() if c.evidence == "one-source"]
    assert single == ["A.3", "A.7", "B.5", "C.4", "D.6", "D.11", "D.12", "E.4", "E.7"]


def test_titles_only_the_online_community_manager_attests() -> None:
    marked = [
        c.code
        for c in CAT.versions["1.0"].competences.values()
        if c.attested_only_by("online-community-manager")
    ]
    assert marked == ["A.4", "B.5"]


# --- transversal aspects ----------------------------------------------------------------------------


def test_e_cf_4_0_transversal_aspects() -> None:
    aspects = CAT.transversal("4.0")
    assert [(a.code, a.title) for a in aspects] == [
        ("T1", "Accessibility"),
        ("T2", "Ethics"),
        ("T3", "Legal issues"),
        ("T4", "Privacy"),
        ("T5", "Security"),
        ("T6", "Sustainability"),
        ("T7", "Usability"),
    ]
    assert {(a.evidence, a.sources) for a in aspects} == {("one-source", ("S4d",))}
    assert CAT.transversal("3.0") == ()
    assert CAT.transversal("9.9") == ()


# --- user catalogue files ---------------------------------------------------------------------------

USER_1 = """\
format: skillprofiles-catalogue/1
title: Organisation framework
sources:
  ORG: our licensed copy
ecf:
  versions:
    '4.1':
      designation: e-CF 4.0 as amended by us
      competences:
        - {code: A.9, title: Innovating, area: PLAN, min_level: 4, max_level: 5,
           range_status: verified, sources: [ORG]}
        - {code: A.7, title: Technology Trend Monitoring, area: PLAN, min_level: 4, max_level: 5,
           range_status: inferred}
"""

USER_2 = """\
format: skillprofiles-catalogue/2
title: Organisation framework
sources:
  ORG:
    title: our licensed copy of EN 16234-1:2019
    kind: project-file
    locator: {project_file: standards/EN16234-1-2019.pdf}
    shows: our amended ranges
ecf:
  versions:
    '4.1':
      designation: e-CF 4.0 as amended by us
      competences:
        - {code: A.9, title: Innovating, area: PLAN, min_level: 4, max_level: 5,
           evidence: one-source, sources: [ORG]}
"""

PROFILE_41 = """\
  - {code: A.9, title: Innovating, levels: [e-3]}
  - {code: A.7, title: Technology Trend Monitoring, levels: [e-3]}
"""


def _codes_with(catalogue_text: str, tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / "org.yaml"
    path.write_text(catalogue_text, encoding="utf-8")
    checker = Checker(Config(select=("SP204", "SP205")), catalogue=load_catalogue(path))
    return [(d.code, d.severity.name.lower()) for d in findings(wsp("4.1", PROFILE_41), checker)]


def test_format_1_verified_is_vouched_for_as_two_sources(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(USER_1, encoding="utf-8")
    cat = load_catalogue(path)
    a9, a7 = cat.competence("4.1", "A.9"), cat.competence("4.1", "A.7")
    assert a9 is not None
    assert a7 is not None
    assert (a9.evidence, a9.sources, a7.evidence) == ("two-sources", ("ORG",), "inferred")
    assert _codes_with(USER_1, tmp_path) == [("SP204", "error"), ("SP205", "warning")]


def test_format_2_user_file(tmp_path: Path) -> None:
    assert _codes_with(USER_2, tmp_path) == [("SP205", "warning")]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("evidence: one-source, sources: [ORG]", "a two-sources range names at least two different sources"),
        ("range_status", "format /2 grades a range with evidence, not range_status"),
        ("locator", "a locator needs repository and path, search, pages or project_file"),
        ("text source", "format /2 sources have title, kind, locator and shows"),
    ],
)
def test_invalid_format_2_files(tmp_path: Path, change: str, message: str) -> None:
    broken = {
        "evidence: one-source, sources: [ORG]": USER_2.replace(
            "evidence: one-source, sources: [ORG]", "evidence: two-sources, sources: [ORG, ORG]"
        ),
        "range_status": USER_2.replace("evidence: one-source", "range_status: verified"),
        "locator": USER_2.replace("{project_file: standards/EN16234-1-2019.pdf}", "{mirror: somewhere}"),
        "text source": USER_2.replace(
            "  ORG:\n    title: our licensed copy of EN 16234-1:2019\n    kind: project-file\n"
            "    locator: {project_file: standards/EN16234-1-2019.pdf}\n    shows: our amended ranges\n",
            "  ORG: our licensed copy\n",
        ),
    }[change]
    path = tmp_path / "bad.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert [d.code for d in caught.value.diagnostics] == ["SP200"]
    assert message in caught.value.diagnostics[0].message


# --- CEFR as Europe writes it -----------------------------------------------------------------------

NAMES = [
    "GER",
    "GeR",
    "GERS",
    "MCER",
    "CECR",
    "CECRL",
    "QCER",
    "QECR",
    "ERK",
    "ESOKJ",
    "SERR",
    "KER",
    "ERR",
    "CEFR",
    "CEF",
]
CEFR_CODES = ("SP210", "SP211", "SP212", "SP213")


def _language(min_level: str, text: str) -> str:
    return WSP.replace(
        "      min_level: C1\n      text: English, minimum level C1\n",
        f"      min_level: {min_level}\n      text: '{text}'\n",
    )


def _cefr_findings(min_level: str, text: str) -> list[str]:
    checker = Checker(Config(select=CEFR_CODES))
    return [d.code for d in findings(_language(min_level, text), checker)]


@pytest.mark.parametrize("name", NAMES)
def test_every_name_of_the_scale_after_and_before_the_level(name: str) -> None:
    assert name in CAT.cefr.aliases
    for written in (f"B1 {name}", f"{name} B1", f"B1 ({name})", f"B1 [{name}]"):
        assert CAT.cefr.parse(written).code == "B1", written  # type: ignore[union-attr]
        assert _cefr_findings(written, f"German, {written}") == [], written
    assert _cefr_findings(f"B1 {name}", f"German, minimum level: {name}") == ["SP212"]


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [
        ("en", "minimum level"),
        ("de", "Mindestniveau"),
        ("es", "nivel mínimo"),
        ("fr", "niveau minimum"),
        ("it", "livello minimo"),
        ("nl", "minimumniveau"),
        ("pl", "poziom minimalny"),
        ("pt", "nível mínimo"),
    ],
)
def test_the_minimum_level_phrase_in_each_language(lang: str, phrase: str) -> None:
    assert _cefr_findings("B2", f"{phrase}: B2") == [], lang
    assert _cefr_findings("B2", f"{phrase.upper()}: B2") == [], lang
    assert _cefr_findings("B2", f"{phrase}: à définir") == ["SP212"], lang
    assert _cefr_findings("B2", f"{phrase}: C1") == ["SP213"], lang


def test_accents_are_optional_in_the_phrases() -> None:
    assert _cefr_findings("B2", "nivel minimo: por definir") == ["SP212"]


@pytest.mark.parametrize(
    "text",
    [
        "native",
        "Native speaker",
        "mother tongue",
        "mother-tongue level",
        "Muttersprache",
        "lengua materna",
        "langue maternelle",
        "madrelingua",
        "moedertaal",
        "język ojczysty",
        "língua materna",
    ],
)
def test_native_is_a_requirement_without_a_level(text: str) -> None:
    checker = Checker(Config(select=CEFR_CODES))
    no_level = WSP.replace(
        "      min_level: C1\n      text: English, minimum level C1\n", f"      text: 'CEFR: {text}'\n"
    )
    assert [d.code for d in findings(no_level, checker)] == [], text
    assert _cefr_findings(f"'{text}'", f"English ({text})") == [], text


def test_a_level_beside_native_wins() -> None:
    assert _cefr_findings("C2", "C2 (near-native), CEFR") == []
    assert _cefr_findings("B2", "C2 (near-native), CEFR") == ["SP213"]


def test_short_labels_are_matched_only_as_written_in_free_text() -> None:
    # "err" and "ker" as words do not name the scale; "minimum level" alone still promises a level
    assert _cefr_findings("B1", "B1, to err is human") == []
    assert not CAT.cefr.names_scale("to err is human; ker-ching")
    assert CAT.cefr.names_scale("Deutsch B2 GER")


def test_examples_of_the_issue() -> None:
    for written in (
        "B1 GER",
        "C1 (CEFR)",
        "B2 MCER",
        "B2 CECRL",
        "B1 ERK",
        "C1 QECR",
        "B2 ESOKJ",
        "B1 SERR",
        "C1 KER",
    ):
        assert only("SP210", _language(written, written)) == [], written
    assert messages("SP210", _language("B3 GER", "B3 GER"))[0][0] == "'B3 GER' is not a CEFR level"


def test_the_second_sources_of_the_audit_agree_with_the_packaged_ranges(shared_dir: Path) -> None:
    # second-sources.yaml is read line by line: its unquoted addresses are not valid YAML flow sequences
    text = (shared_dir / "reference" / "second-sources.yaml").read_text(encoding="utf-8")
    version, checked = "", 0
    for line in text.splitlines():
        header = re.match(r"^'(\d\.\d)':", line)
        if header:
            version = header.group(1)
            continue
        entry = re.match(r"^\s+([A-E]\.\d+): (.*)$", line)
        if not entry or not version:
            continue
        competence = CAT.competence(version, entry.group(1))
        assert competence is not None, (version, entry.group(1))
        assert competence.evidence in ("two-sources", "one-source"), (version, entry.group(1))
        for levels in re.findall(r"\[(\d(?:\s*,\s*\d)*)\]", entry.group(2)):
            shown = tuple(int(n) for n in levels.split(","))
            assert shown == competence.levels(), (version, entry.group(1), shown)
            checked += 1
    assert checked == 16  # 15 pages for 3.0 ranges, 1 for 2.0 B.4


def _listed(doc: str, heading: str) -> list[str]:
    """The codes a rule's documentation lists after a heading, up to the end of that item."""
    start = doc.index(heading)
    after = re.compile(r"\n\s*-\s|\n\s*\n").search(doc, start + 1)
    item = " ".join(doc[start : after.start() if after else len(doc)].split())
    return re.findall(r"\b[A-E]\.\d+\b", item)


def test_the_rule_docs_list_the_ranges_of_each_grade() -> None:
    from skillprofiles.codes.catalogue import LEVEL_OUTSIDE_INFERRED_RANGE, LEVEL_OUTSIDE_RANGE

    def graded(version: str, grade: str) -> list[str]:
        return [c.code for c in CAT.versions[version].competences.values() if c.evidence == grade]

    assert _listed(LEVEL_OUTSIDE_RANGE.doc, "e-CF 3.0, 31") == graded("3.0", "two-sources")
    weak = LEVEL_OUTSIDE_INFERRED_RANGE.doc
    assert _listed(weak, "e-CF 3.0, one source") == graded("3.0", "one-source")
    assert _listed(weak, "e-CF 2.0, one source") == graded("2.0", "one-source")
    assert sorted(_listed(weak, "e-CF 2.0, inferred")) == sorted(graded("2.0", "inferred"))
