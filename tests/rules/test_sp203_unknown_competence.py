"""SP203 unknown-competence: a code the profile's e-CF version does not define, with a suggestion."""

from __future__ import annotations

from tests.rules.helpers import messages, only, wsp

D12 = """\
  - code: D.12
    title: Digital Marketing
    levels: [e-2]
"""


def test_known_code_passes() -> None:
    assert only("SP203", wsp("4.0", D12.replace("D.12", "D.6"))) == []


def test_code_of_another_version_points_to_the_code_with_that_title() -> None:
    assert only("SP203", wsp("4.0", D12)) == [("SP203", 13, 11)]
    assert messages("SP203", wsp("4.0", D12)) == [
        ("e-CF 4.0 has no competence D.12", "did you mean D.6? 'Digital Marketing' is D.6 in e-CF 4.0")
    ]


def test_code_with_another_title_says_what_it_means_elsewhere() -> None:
    text = wsp("2.0", "  - {code: E.9, title: IS Governanse, levels: [e-4]}\n")
    assert only("SP203", text) == [("SP203", 13, 12)]
    assert messages("SP203", text)[0][1] == "E.9 is 'Information Systems Governance' in e-CF 4.0"


def test_nearest_title_is_suggested() -> None:
    text = wsp("3.0", "  - {code: C.9, title: Problem Managment, levels: [e-2]}\n")
    assert messages("SP203", text)[0][1] == "the nearest e-CF 3.0 title is C.4 'Problem Management'"
