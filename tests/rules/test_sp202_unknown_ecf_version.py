"""SP202 unknown-ecf-version: a cited or configured version the catalogue does not know."""

from __future__ import annotations

from tests.rules.helpers import messages, only, role, wsp


def test_known_version_passes() -> None:
    assert only("SP202", wsp("3.0")) == []


def test_unknown_cited_version_points_at_it() -> None:
    assert only("SP202", wsp("5.0")) == [("SP202", 4, 14)]
    assert messages("SP202", wsp("5.0")) == [
        (
            "unknown e-CF version '5.0'",
            "known versions: 1.0, 2.0, 3.0, 4.0; load a catalogue file for another version",
        )
    ]


def test_unknown_default_version() -> None:
    assert only("SP202", role(None), default_ecf_version="9.9") == [("SP202", 2, 1)]
    assert only("SP201", role(None), default_ecf_version="9.9") == []


def test_unknown_version_silences_the_version_rules() -> None:
    text = wsp("5.0", "  - {code: Z.1, title: Nothing, levels: [e-2]}\n".replace("Z.1", "A.9"))
    assert only("SP203", text) == []
    assert only("SP204", text) == []
