"""SP200 invalid-catalogue: a configured catalogue file that breaks the format is reported at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillprofiles import CatalogueError, validate
from skillprofiles.tuning.config import Config
from tests.conftest import PROFILES

BAD = """\
format: skillprofiles-catalogue/1
title: Broken
ecf:
  versions:
    '9.0':
      designation: test
      competences:
        - {code: A.1, title: X, area: RUN, min_level: 2, max_level: 3, range_status: verified}
"""


def test_broken_catalogue_is_raised_with_located_diagnostics(tmp_path: Path) -> None:
    catalogue = tmp_path / "cat.yaml"
    catalogue.write_text(BAD, encoding="utf-8")
    config = Config(select=("SP200", "SP202"), catalogue_path=str(catalogue))
    with pytest.raises(CatalogueError) as caught:  # never a silent fallback to the packaged catalogue
        validate(PROFILES / "WSP-G3-003.yaml", config=config)
    found = caught.value.diagnostics
    assert [(d.file, d.code, d.line, d.column) for d in found] == [(str(catalogue), "SP200", 8, 11)]
    assert "code A.1 belongs to area PLAN, not RUN" in found[0].message


def test_good_catalogue_adds_a_version(tmp_path: Path) -> None:
    catalogue = tmp_path / "cat.yaml"
    catalogue.write_text(BAD.replace("area: RUN", "area: PLAN"), encoding="utf-8")
    profile = tmp_path / "p.yaml"
    text = (PROFILES / "WSP-G3-003.yaml").read_text(encoding="utf-8")
    profile.write_text(text.replace("ecf_version: '2.0'", "ecf_version: '9.0'"), encoding="utf-8")
    config = Config(select=("SP200", "SP202", "SP203"), catalogue_path=str(catalogue))
    # 9.0 is known now: no SP202; its only competence is A.1, so the profile's five codes are SP203
    assert [d.code for d in validate(profile, config=config)] == ["SP203"] * 5
