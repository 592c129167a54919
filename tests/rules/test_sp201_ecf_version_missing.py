"""SP201 ecf-version-missing: no cited version; the message says which one was assumed and why."""

from __future__ import annotations

from tests.rules.helpers import messages, only, role, wsp


def test_cited_version_passes() -> None:
    assert only("SP201", role("4.0")) == []


def test_missing_version_is_reported_at_the_title() -> None:
    assert only("SP201", role(None)) == [("SP201", 2, 1)]


def test_tie_goes_to_the_newest_version_and_says_so() -> None:
    # Business Plan Development is A.3 in every version
    assert messages("SP201", role(None)) == [
        (
            "profile cites no e-CF version; assumed e-CF 4.0 (tie: 1.0, 2.0, 3.0 and 4.0 each match "
            "1 of 1 titles; the newest is taken; low confidence)",
            "add ecf_version: '4.0' (quoted) if that is the version the source follows",
        )
    ]


def test_the_version_whose_titles_match_most_is_assumed() -> None:
    competences = """\
  - {code: B.1, title: Design and Development, levels: [e-2]}
  - {code: B.2, title: Systems Integration, levels: [e-2]}
  - {code: A.9, title: Innovating, levels: [e-4]}
"""
    text = wsp(competences=competences).replace("ecf_version: '2.0'\n", "")
    # 1.0 and 2.0 match B.1 and B.2, 3.0 and 4.0 only A.9: the tie between 1.0 and 2.0 goes to 2.0
    assert messages("SP201", text)[0][0] == (
        "profile cites no e-CF version; assumed e-CF 2.0 (tie: 1.0 and 2.0 both match 2 of 3 titles; "
        "the newest is taken; low confidence)"
    )
    assert only("SP201", text) == [("SP201", 3, 1)]


def test_a_clear_majority_is_high_confidence() -> None:
    competences = """\
  - {code: B.1, title: Application Development, levels: [e-2]}
  - {code: A.9, title: Innovating, levels: [e-4]}
  - {code: D.12, title: Digital Marketing, levels: [e-3]}
"""
    text = wsp(competences=competences).replace("ecf_version: '2.0'\n", "")
    # only 3.0 has D.12 Digital Marketing; 4.0 matches B.1 and A.9
    assert messages("SP201", text)[0][0] == (
        "profile cites no e-CF version; assumed e-CF 3.0 (3 of 3 titles match; high confidence)"
    )


def test_titles_attested_only_by_the_profile_itself_do_not_count() -> None:
    # the packaged 1.0 titles of A.4 and B.5 are written only by the Online Community Manager document
    competences = """\
  - {code: A.4, title: Specification Creation, levels: [e-2]}
  - {code: B.5, title: Technical Publications Development, levels: [e-2]}
  - {code: B.1, title: Design and Development, levels: [e-2]}
"""
    text = wsp(competences=competences).replace("ecf_version: '2.0'\n", "")
    own = text.replace("title: Test Profile", "title: Online Community Manager")
    assert messages("SP201", own)[0][0] == (
        "profile cites no e-CF version; assumed e-CF 2.0 (tie: 1.0 and 2.0 both match 1 of 3 titles; "
        "the newest is taken; A.4, B.5 not counted: titles attested only by this document; "
        "low confidence)"
    )
    # another document writing the same titles is evidence of its own: they count for 1.0
    assert messages("SP201", text)[0][0] == (
        "profile cites no e-CF version; assumed e-CF 1.0 (3 of 3 titles match; high confidence)"
    )


def test_configured_default_version_is_assumed() -> None:
    assert messages("SP201", role(None), default_ecf_version="3.0")[0][0] == (
        "profile cites no e-CF version; assumed e-CF 3.0 (default_ecf_version)"
    )
