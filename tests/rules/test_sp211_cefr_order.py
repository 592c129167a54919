"""SP211 cefr-order: a range of CEFR levels written from high to low."""

from __future__ import annotations

from tests.minimal import WSP
from tests.rules.helpers import messages, only


def test_low_to_high_passes() -> None:
    assert only("SP211", WSP.replace("minimum level C1", "from C1 to C2 QCER")) == []


def test_high_to_low_is_reported() -> None:
    text = WSP.replace("minimum level C1", "from C1 to B2 QCER")
    assert only("SP211", text) == [("SP211", 27, 13)]
    assert messages("SP211", text)[0][0] == "CEFR levels out of order: C1 then B2"
