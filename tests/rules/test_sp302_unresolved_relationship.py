"""SP302 unresolved-relationship: a relationship that names no profile of the run or the registry."""

from __future__ import annotations

from pathlib import Path

from skillprofiles import validate
from skillprofiles.tuning.config import Config
from tests.minimal import ROLE, WSP
from tests.rules.helpers import run_files

RELATIONS = """\
relationships:
  interacts_with: [Business Analyst, wsp-g3-011, test role, Buisness Analist]
  reports_to: [Nobody Atall]
"""


def test_registry_titles_codes_and_profiles_of_the_run_resolve(tmp_path: Path) -> None:
    text = WSP + RELATIONS.replace(", Buisness Analist", "").replace("Nobody Atall", "Knowledge Manager")
    assert run_files(tmp_path, {"WSP-G3-099.yaml": text, "test-role.yaml": ROLE}, "SP302") == []


def test_unresolved_targets_are_warnings_with_the_nearest_title(tmp_path: Path) -> None:
    found = run_files(tmp_path, {"WSP-G3-099.yaml": WSP + RELATIONS, "test-role.yaml": ROLE}, "SP302")
    assert found == [("WSP-G3-099.yaml", "SP302", 29, 61), ("WSP-G3-099.yaml", "SP302", 30, 16)]
    report = validate(tmp_path, config=Config(select=("SP302",)))
    first = report.diagnostics[0]
    assert first.message == (
        "interacts_with 'Buisness Analist' is no profile of this run "
        "or of the G3 Web Skills Profiles registry"
    )
    assert first.hint == "did you mean 'Business Analyst'?"
