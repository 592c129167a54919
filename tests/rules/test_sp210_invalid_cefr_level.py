"""SP210 invalid-cefr-level: a min_level or a level in the text that is not a CEFR level."""

from __future__ import annotations

from tests.minimal import WSP
from tests.rules.helpers import messages, only


def test_valid_levels_pass() -> None:
    assert only("SP210", WSP) == []
    assert only("SP210", WSP.replace("min_level: C1", "min_level: B2+")) == []


def test_invalid_min_level_and_text() -> None:
    text = WSP.replace("min_level: C1", "min_level: C3").replace("minimum level C1", "minimum level C3")
    assert only("SP210", text) == [("SP210", 26, 18), ("SP210", 27, 13)]
    message, hint = messages("SP210", text)[0]
    assert message == "'C3' is not a CEFR level"
    assert hint is not None
    assert hint.startswith("did you mean C")


def test_other_letters_and_lower_case_are_not_levels() -> None:
    text = WSP.replace("English, minimum level C1", "English, minimum level C1 (e-2, H2 team, Windows 10)")
    assert only("SP210", text) == []
