"""SP221 duplicate-competence: the same competence code assigned twice."""

from __future__ import annotations

from tests.rules.helpers import messages, only, wsp

TWICE = """\
  - {code: B.1, title: Design and Development, levels: [e-2]}
  - {code: B.3, title: Testing, levels: [e-2]}
  - {code: B.1, title: Design and Development, levels: [e-3]}
"""


def test_distinct_codes_pass() -> None:
    assert only("SP221", wsp()) == []


def test_second_entry_is_reported() -> None:
    assert only("SP221", wsp("2.0", TWICE)) == [("SP221", 15, 12)]
    assert messages("SP221", wsp("2.0", TWICE))[0][0] == "B.1 is assigned twice (also competences[0])"
