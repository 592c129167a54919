"""SP204 level-outside-range: a level outside a verified range is an error."""

from __future__ import annotations

from tests.rules.helpers import messages, only, wsp

A9 = """\
  - code: A.9
    title: Innovating
    levels: [e-3, e-4]
"""


def test_levels_inside_the_range_pass() -> None:
    assert only("SP204", wsp("4.0", A9.replace("e-3, e-4", "e-4, e-5"))) == []


def test_level_outside_a_verified_range() -> None:
    assert only("SP204", wsp("4.0", A9)) == [("SP204", 15, 14)]
    assert messages("SP204", wsp("4.0", A9)) == [
        ("A.9 Innovating is not defined at e-3 in e-CF 4.0: its range is e-4..e-5", "use a level in e-4..e-5")
    ]


def test_same_code_checked_against_its_own_version() -> None:
    # A.7 gained e-3 in 4.0: e-3 passes in 4.0 and fails in 3.0
    a7 = "  - {code: A.7, title: Technology Trend Monitoring, levels: [e-3]}\n"
    assert only("SP204", wsp("4.0", a7)) == []
    assert only("SP204", wsp("3.0", a7)) == [("SP204", 13, 62)]


def test_inferred_ranges_are_not_errors() -> None:
    assert only("SP204", wsp("2.0", "  - {code: A.7, title: Technology Watching, levels: [e-2]}\n")) == []
