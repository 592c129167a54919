"""SP206 no-level-data: one INFO per profile whose version has no level data."""

from __future__ import annotations

from tests.rules.helpers import messages, only, role, wsp


def test_versions_with_level_data_pass() -> None:
    assert only("SP206", role("2.0")) == []


def test_one_info_per_profile_for_e_cf_1_0() -> None:
    two = (
        "  - {code: B.1, title: Design and Development, levels: [e-5]}\n"
        "  - {code: B.3, title: Testing, levels: [e-5]}\n"
    )
    assert only("SP206", wsp("1.0", two)) == [("SP206", 12, 1)]
    assert messages("SP206", wsp("1.0", two))[0][0] == (
        "e-CF 1.0 has no level data in the catalogue: the levels of 2 competences are not checked"
    )
    assert only("SP204", wsp("1.0", two)) + only("SP205", wsp("1.0", two)) == []
