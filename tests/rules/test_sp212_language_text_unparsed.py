"""SP212 language-text-unparsed: the text promises a CEFR level but none can be read."""

from __future__ import annotations

from tests.conftest import PROFILES
from tests.minimal import WSP
from tests.rules.helpers import only


def test_text_with_a_level_passes() -> None:
    assert only("SP212", WSP) == []


def test_text_without_any_level_promise_passes() -> None:
    # "Excellent knowledge of another language preferred" (WSP-G3-003) names no level: nothing to parse
    assert only("SP212", (PROFILES / "WSP-G3-003.yaml").read_text(encoding="utf-8")) == []


def test_scale_named_without_a_level() -> None:
    assert only("SP212", WSP.replace("minimum level C1", "minimum level QCER")) == [("SP212", 27, 13)]


def test_level_as_an_ordinary_word_is_no_promise() -> None:
    assert only("SP212", WSP.replace("English, minimum level C1", "English at a high level, C1")) == []
    assert only("SP212", WSP.replace("English, minimum level C1", "'English, minimum level: fluent'")) == [
        ("SP212", 27, 13)
    ]
