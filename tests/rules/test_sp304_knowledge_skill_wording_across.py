"""SP304 knowledge-skill-wording-across: one knowledge/skill code worded differently in two profiles."""

from __future__ import annotations

from pathlib import Path

from tests.minimal import ROLE
from tests.rules.helpers import run_files

ITEMS = "    knowledge_skills:\n      - {code: B11, text: WORDING}\n"


def _role(title: str, wording: str) -> str:
    text = ROLE.replace("title: Test Role", f"title: {title}")
    return text.replace(
        "      e-3: Exploits knowledge.\n",
        "      e-3: Exploits knowledge.\n" + ITEMS.replace("WORDING", wording),
    )


def test_same_wording_across_profiles_passes(tmp_path: Path) -> None:
    files = {"role-a.yaml": _role("Role A", "Can analyse"), "role-b.yaml": _role("Role B", "can  analyse")}
    assert run_files(tmp_path, files, "SP304") == []


def test_other_wording_in_a_later_profile(tmp_path: Path) -> None:
    files = {
        "role-a.yaml": _role("Role A", "Can analyse"),
        "role-b.yaml": _role("Role B", "Can analyze data"),
    }
    assert run_files(tmp_path, files, "SP304") == [("role-b.yaml", "SP304", 19, 27)]
