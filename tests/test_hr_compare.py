"""compare(): shared competences with level differences, one-sided ones, overlap scores, versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillprofiles import load
from skillprofiles.hr import CompetenceId, VersionMapping, VersionMismatchError, compare
from skillprofiles.models import Level
from tests.hr_helpers import ROLE_OCM, WSP_003, write, wsp

D7_D8 = """\
- code: D.7
  title: Sales Management
  levels: [e-3, e-4]
- code: D.8
  title: Contract Management
  levels: [e-2]
"""


def test_reference_profiles() -> None:
    result = compare(load(WSP_003), load(ROLE_OCM))
    assert (result.a, result.b, result.version) == ("WSP-G3-003", "Online Community Manager", "2.0")
    assert [(s.competence.code, s.levels_a, s.levels_b, s.difference) for s in result.shared] == [
        ("B.1", (Level.E2,), (Level.E2,), 0),
        ("E.1", (Level.E3,), (Level.E3,), 0),
        ("E.4", (Level.E4,), (Level.E3,), -1),
    ]
    assert [cid.code for cid, _ in result.only_a] == ["D.7", "D.8"]
    assert len(result.only_b) == 14
    # pairs: A has 5, B has 22, shared pairs (B.1, e-2) and (E.1, e-3): 2 / (5 + 22 - 2)
    assert result.overlap == pytest.approx(2 / 25)
    assert result.competence_overlap == pytest.approx(3 / 19)
    assert result.notes == ["a profile declares no e-CF version; read as 2.0, the other's version"]


def test_overlap_is_jaccard_over_competence_level_pairs(tmp_path: Path) -> None:
    a = load(write(tmp_path, "a.yaml", wsp("WSP-G3-001", competences=D7_D8)))
    b = load(write(tmp_path, "b.yaml", wsp("WSP-G3-002", competences=D7_D8.replace("[e-3, e-4]", "[e-4]"))))
    result = compare(a, b)
    # A: (D.7,e-3) (D.7,e-4) (D.8,e-2); B: (D.7,e-4) (D.8,e-2): 2 shared of 3
    assert result.overlap == pytest.approx(2 / 3)
    assert result.competence_overlap == 1.0
    assert [s.difference for s in result.shared] == [0, 0]
    assert compare(a, a).overlap == 1.0


def test_versions_with_reused_codes_use_the_packaged_mapping(tmp_path: Path) -> None:
    old = load(write(tmp_path, "a.yaml", wsp("WSP-G3-001", "2.0", D7_D8)))
    new = load(write(tmp_path, "b.yaml", wsp("WSP-G3-002", "4.0", D7_D8)))
    result = compare(old, new)
    assert [s.competence.code for s in result.shared] == ["D.8"]
    assert (
        result.notes[0]
        == "e-CF 2.0 codes read as e-CF 4.0 through the packaged mapping (derived from the catalogue)"
    )
    with pytest.raises(VersionMismatchError, match=r"e-CF 1\.0 and the second e-CF 4\.0, where D\.7 mean"):
        compare(load(write(tmp_path, "c.yaml", wsp("WSP-G3-001", "1.0", D7_D8))), new)


def test_versions_without_reused_codes_are_compared_with_a_note(tmp_path: Path) -> None:
    old = load(write(tmp_path, "a.yaml", wsp("WSP-G3-001", "2.0", D7_D8)))
    newer = load(write(tmp_path, "b.yaml", wsp("WSP-G3-002", "3.0", D7_D8)))
    result = compare(old, newer)
    assert result.version == "3.0"
    assert [s.competence for s in result.shared] == [CompetenceId("3.0", "D.7"), CompetenceId("3.0", "D.8")]
    assert result.notes == ["e-CF 2.0 codes read as e-CF 3.0 where the catalogue says they mean the same"]


def test_a_mapping_bridges_reused_codes(tmp_path: Path) -> None:
    old = load(write(tmp_path, "a.yaml", wsp("WSP-G3-001", "2.0", D7_D8)))
    new = load(write(tmp_path, "b.yaml", wsp("WSP-G3-002", "4.0", D7_D8)))
    mapping = VersionMapping.model_validate({"from": "2.0", "to": "4.0", "codes": {"D.7": None}})
    result = compare(old, new, mapping)
    assert [s.competence.code for s in result.shared] == ["D.8"]
    assert [cid.code for cid, _ in result.only_b] == ["D.7"]
    assert result.notes == ["e-CF 2.0 codes read as e-CF 4.0 through the mapping given"]


def test_neither_version_known() -> None:
    role = load(ROLE_OCM)
    result = compare(role, role)
    assert (result.version, result.overlap) == (None, 1.0)
    assert result.notes == ["neither profile declares an e-CF version; codes are compared as written"]
