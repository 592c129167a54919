"""SP120 schema-mismatch: the schema a profile names (modeline or ``$schema`` key) must fit its template."""

from __future__ import annotations

import pytest

from skillprofiles.rules.schema_ref import modelines, schema_problem
from tests.conftest import PROFILES, findings, where
from tests.minimal import ROLE, WSP


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # the reference profiles' modeline, and the published URL, fit both templates
        ("# yaml-language-server: $schema=../schemas/profile.schema.json\n", []),
        ("# yaml-language-server: $schema=https://skillprofiles.dev/schemas/profile.schema.json\n", []),
        ("$schema: ../schemas/profile.schema.json\n", []),
        ("$schema: https://skillprofiles.dev/schemas/wsp-g3.schema.json\n", []),
        ("# yaml-language-server: $schema=file:///home/me/schemas/wsp-g3.schema.json\n", []),
        # another tool's schema, at the column where the reference starts
        (
            "# yaml-language-server: $schema=https://json.schemastore.org/github-workflow.json\n",
            [("SP120", 1, 33)],
        ),
        ("#yaml-language-server:$schema=report.schema.json\n", [("SP120", 1, 31)]),
        # ours, but for the other template
        ("$schema: ict-role-profile.schema.json\n", [("SP120", 1, 10)]),
        # a look-alike on another host
        ("$schema: https://example.com/profile.schema.json\n", [("SP120", 1, 10)]),
        # modeline and key both wrong: both reported, each at its place
        ("# yaml-language-server: $schema=a.json\n$schema: b.json\n", [("SP120", 1, 33), ("SP120", 2, 10)]),
        # not a modeline: text in a value, or a comment about something else
        ("# see yaml-language-server docs\n", []),
    ],
)
def test_schema_references(head: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(head + WSP) == expected


def test_a_later_modeline_is_found_at_its_line() -> None:
    text = WSP + "# yaml-language-server: $schema=../schemas/wsp-g3.schema.json\n"
    assert where(text) == []
    role = ROLE + "  # yaml-language-server: $schema=../schemas/wsp-g3.schema.json\n"
    (finding,) = findings(role)
    line = role.count("\n")
    assert (finding.code, finding.line, finding.column, finding.span.end_column) == ("SP120", line, 35, 64)
    assert finding.message == (
        "the schema '../schemas/wsp-g3.schema.json' is for template 'wsp-g3', "
        "but this profile's template is 'ict-role-profile'"
    )
    assert finding.severity.label == "warning"


def test_messages_and_spans() -> None:
    assert schema_problem("x.json", "wsp-g3") == "the schema 'x.json' is not a skillprofiles profile schema"
    assert schema_problem("profile.schema.json", "wsp-g3") is None
    assert [
        (ref, span.line, span.column, span.end_column)
        for ref, span in modelines("a: 1\r\n# yaml-language-server: $schema=s.json\r\n")
    ] == [("s.json", 2, 33, 39)]


def test_reference_profiles_name_the_profile_schema() -> None:
    for path in sorted(PROFILES.glob("*.yaml")):
        refs = [ref for ref, _ in modelines(path.read_text(encoding="utf-8"))]
        assert refs == ["../schemas/profile.schema.json"], path
