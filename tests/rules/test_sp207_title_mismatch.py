"""SP207 title-mismatch: a title that is not the official one for the profile's version."""

from __future__ import annotations

from tests.rules.helpers import messages, only, wsp


def test_official_title_passes_ignoring_case_space_and_ampersand() -> None:
    text = wsp("4.0", "  - {code: D.3, title: education  &  training provision, levels: [e-2]}\n")
    assert only("SP207", text) == []


def test_title_of_another_version_is_named() -> None:
    text = wsp("3.0")  # B.1 Design and Development is the 1.0/2.0 title
    assert only("SP207", text) == [("SP207", 14, 12)]
    assert messages("SP207", text) == [
        (
            "B.1 is titled 'Design and Development' but its e-CF 3.0 title is 'Application Development'",
            "use the official title 'Application Development'; "
            "'Design and Development' is the e-CF 1.0, 2.0 title of B.1",
        )
    ]


def test_title_of_another_code_suggests_a_wrong_code() -> None:
    text = wsp("4.0", "  - {code: D.6, title: Channel Management, levels: [e-3]}\n")
    assert messages("SP207", text)[0][1] == (  # D.6 was reused: Digital Marketing is not what it meant
        "D.6 was reused in e-CF 4.0 for 'Digital Marketing': 'Channel Management' is D.6 in e-CF 1.0, "
        "2.0, 3.0; the catalogue lists no e-CF 4.0 counterpart of it; check which version the profile follows"
    )
    text = wsp("4.0", "  - {code: D.8, title: Purchasing, levels: [e-3]}\n")
    assert messages("SP207", text)[0][1] == (
        # the official title would change what the profile requires: not suggested
        "'Purchasing' is D.4 in e-CF 4.0: is the code wrong?"
    )
