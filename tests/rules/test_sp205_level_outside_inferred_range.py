"""SP205 level-outside-inferred-range: a level outside a range one source shows or the catalogue infers
is a warning that names the single source or the inference."""

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
            "(inferred from e-CF 3.0; no e-CF 2.0 source shows it)",
            "use a level in e-4..e-5",
        )
    ]


def test_verified_ranges_are_not_warnings() -> None:
    a9 = "  - {code: A.9, title: Innovating, levels: [e-1]}\n"
    assert only("SP205", wsp("4.0", a9)) == []


def test_a_range_inferred_from_usage_says_so() -> None:
    b1 = "  - {code: B.1, title: Design and Development, levels: [e-1, e-5]}\n"
    assert only("SP205", wsp("2.0", b1)) == []
    b4 = "  - {code: B.4, title: Solution Deployment, levels: [e-4]}\n"
    assert messages("SP205", wsp("2.0", b4)) == [
        (
            "B.4 Solution Deployment is not defined at e-4 in e-CF 2.0: its range is e-1..e-3 "
            "(one source only: S2e, e-competence-quality.com pages that carry the older e-CF 2.0 "
            "wording (http://www.e-competence-quality.com/about/?action=show&id=N))",
            "use a level in e-1..e-3",
        )
    ]


def test_a_single_source_range_names_its_source() -> None:
    e4 = "  - {code: E.4, title: Relationship Management, levels: [e-2]}\n"
    assert only("SP205", wsp("3.0", e4)) == [("SP205", 13, 58)]
    assert only("SP204", wsp("3.0", e4)) == []
    assert messages("SP205", wsp("3.0", e4)) == [
        (
            "E.4 Relationship Management is not defined at e-2 in e-CF 3.0: its range is e-3..e-4 "
            "(one source only: S3a, Sandbox.API database seed (EcfCompetence / EcfCompetenceLevel, "
            "40 competences, 3.0 texts) (serhii-horobets82/Sandbox.API Database/init.sql))",
            "use a level in e-3..e-4",
        )
    ]


def test_severity_follows_the_configuration() -> None:
    e4 = "  - {code: E.4, title: Relationship Management, levels: [e-2]}\n"
    from skillprofiles.diagnostics import Severity
    from skillprofiles.engine.checker import Checker
    from skillprofiles.tuning.config import Config
    from tests.conftest import findings

    raised = Checker(Config(select=("SP205",), severities={"SP205": Severity.ERROR}))
    assert [d.severity for d in findings(wsp("3.0", e4), raised)] == [Severity.ERROR]
