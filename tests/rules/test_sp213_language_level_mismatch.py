"""SP213 language-level-mismatch: the text names another level than min_level."""

from __future__ import annotations

from tests.minimal import WSP
from tests.rules.helpers import messages, only


def test_matching_text_passes() -> None:
    assert only("SP213", WSP.replace("minimum level C1", "minimum level: C1 QCER")) == []


def test_other_level_in_the_text() -> None:
    text = WSP.replace("min_level: C1", "min_level: B2")
    assert only("SP213", text) == [("SP213", 26, 18)]
    assert messages("SP213", text)[0][0] == "min_level is B2 but the text names C1"


def test_level_in_the_text_without_min_level() -> None:
    text = WSP.replace("      min_level: C1\n", "")
    assert only("SP213", text) == [("SP213", 25, 7)]
