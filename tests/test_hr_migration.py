"""migration_report(): how a 2.0 or 3.0 profile's competences read in e-CF 4.0, never a rewrite."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillprofiles import load
from skillprofiles.hr import Change, migration_report
from skillprofiles.models import Level
from tests.hr_helpers import ROLE_OCM, WSP_003, write, wsp


def test_wsp_g3_003_in_4_0() -> None:
    profile = load(WSP_003)
    before = profile.model_dump()
    report = migration_report(profile)
    assert (report.profile, report.source, report.target) == ("WSP-G3-003", "2.0", "4.0")
    rows = [(i.code, i.changes, i.new.code if i.new else None) for i in report.items]
    assert rows == [
        ("B.1", (Change.RENAMED, Change.RANGE_CHANGED), "B.1"),
        ("D.7", (Change.REUSED,), None),
        ("D.8", (Change.UNCHANGED,), "D.8"),
        ("E.1", (Change.UNCHANGED,), "E.1"),
        ("E.4", (Change.RANGE_CHANGED,), "E.4"),
    ]
    assert [i.describe() for i in report.items] == [
        "now B.1 Application Development; level range now e-1..e-3",
        "code reused: D.7 now means Data Science and Analytics; no counterpart in the target version",
        "unchanged: D.8 Contract Management",
        "unchanged: E.1 Forecast Development",
        "same competence: E.4 Relationship Management; level range now e-3..e-4",
    ]
    assert [i.code for i in report.changed()] == ["B.1", "D.7", "E.4"]
    assert profile.model_dump() == before  # a report, never a rewrite


def test_level_no_longer_defined_and_moved_code(tmp_path: Path) -> None:
    competences = """\
    - code: B.1
      title: Application Development
      levels: [e-3]
    - code: D.12
      title: Digital Marketing
      levels: [e-3]
    """
    profile = load(write(tmp_path, "p.yaml", wsp(version="3.0", competences=competences)))
    [b1, d12] = migration_report(profile).items
    assert b1.undefined_levels == ()
    assert d12.changes == (Change.MOVED,)
    assert d12.describe() == "now D.6 Digital Marketing"
    old = load(
        write(
            tmp_path, "q.yaml", wsp(competences="- code: B.1\n  title: Design\n  levels: [e-2, e-4, e-5]\n")
        )
    )
    [item] = migration_report(old).items
    assert item.undefined_levels == (Level.E4, Level.E5)
    assert item.describe().endswith("; not defined at e-4, e-5")


def test_profile_without_version_needs_one() -> None:
    with pytest.raises(ValueError, match="declares no e-CF version"):
        migration_report(load(ROLE_OCM))
    report = migration_report(load(ROLE_OCM), source="2.0")
    assert report.notes == ["the profile declares no e-CF version; read as 2.0"]
    assert [i.code for i in report.items if i.change is Change.REUSED] == ["D.6"]


def test_unknown_version_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"unknown e-CF version '9\.0'"):
        migration_report(load(WSP_003), target="9.0")
