"""SP120: the JSON Schema a profile names for editors must fit its template."""

from __future__ import annotations

from skillprofiles.codes.registry import declare
from skillprofiles.diagnostics import Severity

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

SCHEMA_MISMATCH = declare(
    "SP120",
    "schema-mismatch",
    WARNING,
    """The profile names a JSON Schema that is not a skillprofiles profile schema for its template.

    Why: editors (VS Code, JetBrains, Neovim through yaml-language-server) complete and check a
    file against the schema it names in a ``# yaml-language-server: $schema=…`` comment or a
    ``$schema`` key. A wrong schema gives wrong completions and errors the validator does not
    report, or none at all.

    Passing::

        # yaml-language-server: $schema=../schemas/profile.schema.json
        template: wsp-g3

    Failing::

        # yaml-language-server: $schema=https://json.schemastore.org/github-workflow.json
        template: wsp-g3
    """,
    scope="profile",
)
