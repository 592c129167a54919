"""SP222 duplicate-item: a list item repeated (duties, tasks, knowledge/skill items of one competence)."""

from __future__ import annotations

from tests.minimal import WSP
from tests.rules.helpers import messages, only, role


def test_distinct_items_pass() -> None:
    assert only("SP222", WSP) == []


def test_repeated_duty() -> None:
    text = WSP.replace("  - Plan things\n", "  - Plan things\n  - plan  things\n")
    assert only("SP222", text) == [("SP222", 12, 5)]
    assert messages("SP222", text)[0][0] == "'plan  things' repeats item 1 of this list"


def test_repeated_knowledge_skill_item_in_one_competence() -> None:
    items = (
        "    knowledge_skills:\n"
        "      - {code: B11, text: Can analyse}\n"
        "      - {code: B11, text: can analyse}\n"
    )
    text = role().replace("      e-3: Exploits knowledge.\n", "      e-3: Exploits knowledge.\n" + items)
    assert only("SP222", text) == [("SP222", 20, 9)]
