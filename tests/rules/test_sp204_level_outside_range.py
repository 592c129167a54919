"""SP204 level-outside-range: a level outside a range two independent sources show is an error."""

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
    # D.5 gained e-4 in 4.0: e-4 passes in 4.0 and fails in 3.0 (both ranges from two sources)
    d5 = "  - {code: D.5, title: Sales Proposal Development, levels: [e-4]}\n"
    assert only("SP204", wsp("4.0", d5)) == []
    assert only("SP204", wsp("3.0", d5)) == [("SP204", 13, 61)]


def test_inferred_ranges_are_not_errors() -> None:
    assert only("SP204", wsp("2.0", "  - {code: A.7, title: Technology Watching, levels: [e-2]}\n")) == []


def test_single_source_ranges_are_not_errors() -> None:
    # 3.0 A.7 e-4..e-5 rests on one source only: SP205 reports it, never SP204
    a7 = "  - {code: A.7, title: Technology Trend Monitoring, levels: [e-3]}\n"
    assert only("SP204", wsp("3.0", a7)) == []
    assert only("SP205", wsp("3.0", a7)) == [("SP205", 13, 62)]
