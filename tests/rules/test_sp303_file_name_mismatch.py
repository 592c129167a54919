"""SP303 file-name-mismatch: a file named after neither the profile's code nor (code-less) its title."""

from __future__ import annotations

from pathlib import Path

from skillprofiles.rules.repository import slug
from tests.minimal import ROLE, WSP
from tests.rules.helpers import run_files


def test_names_after_code_and_title_pass(tmp_path: Path) -> None:
    assert run_files(tmp_path, {"WSP-G3-099.yaml": WSP, "test-role.yaml": ROLE}, "SP303") == []


def test_misnamed_files(tmp_path: Path) -> None:
    found = run_files(tmp_path, {"web-account.yaml": WSP, "role.yml": ROLE}, "SP303")
    assert found == [("role.yml", "SP303", 2, 8), ("web-account.yaml", "SP303", 2, 7)]


def test_role_profile_with_a_code_may_use_it(tmp_path: Path) -> None:
    coded = ROLE.replace("title: Test Role\n", "title: Test Role\ncode: OCM-1\n")
    assert run_files(tmp_path, {"OCM-1.yaml": coded}, "SP303") == []


def test_slug() -> None:
    assert slug("Online Community Manager") == "online-community-manager"
    assert slug("E-commerce Spécialist / Web") == "e-commerce-specialist-web"
