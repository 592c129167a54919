"""SP205 level-outside-inferred-range: a level outside an inferred range is a warning that says so."""

from __future__ import annotations

from tests.rules.helpers import messages, only, wsp

A7 = """\
  - code: A.7
    title: Technology Watching
    levels: [e-2, e-4]
"""


def test_level_inside_an_inferred_range_passes() -> None:
    assert only("SP205", wsp("2.0", A7.replace("e-2, e-4", "e-4, e-5"))) == []


def test_level_outside_an_inferred_range() -> None:
    assert only("SP205", wsp("2.0", A7)) == [("SP205", 15, 14)]
    assert messages("SP205", wsp("2.0", A7)) == [
        (
            "A.7 Technology Watching is not defined at e-2 in e-CF 2.0: its range is e-4..e-5 "
            "(an inferred range: check the source)",
            "use a level in e-4..e-5",
        )
    ]


def test_verified_ranges_are_not_warnings() -> None:
    a9 = "  - {code: A.9, title: Innovating, levels: [e-1]}\n"
    assert only("SP205", wsp("4.0", a9)) == []
