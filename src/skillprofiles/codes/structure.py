"""Structural codes (SP1xx): the sections each template requires, their types and their forms."""

from __future__ import annotations

from skillprofiles.codes.registry import declare
from skillprofiles.diagnostics import Severity

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

TEMPLATE = declare(
    "SP100",
    "unknown-template",
    ERROR,
    """The profile does not declare a known template (``wsp-g3`` or ``ict-role-profile``).

    Why: the template says which sections are required; without it nothing else can be checked.

    Passing: ``template: wsp-g3``

    Failing: ``template: wsp-g2`` (did you mean ``wsp-g3``?), or no ``template`` key at all.
    """,
)

MISSING = declare(
    "SP101",
    "missing-section",
    ERROR,
    """A section or field the template requires is missing.

    Why: WSP-G3 Appendix B makes every section normative except "Relationships and reporting
    lines"; the European ICT role-profile template likewise requires its role description fields.

    Passing::

        summary_definition: Professional position responsible for managing ...

    Failing: a ``wsp-g3`` profile without ``summary_definition``.
    """,
)

UNKNOWN_KEY = declare(
    "SP102",
    "unknown-key",
    ERROR,
    """A key that the template does not define; the hint suggests the nearest known key.

    Why: a misspelt section name would otherwise be silently ignored, and the real section
    reported missing far from the typo.

    Passing: ``primary_duties:``

    Failing: ``primary_dutes:`` (did you mean ``primary_duties``?)
    """,
)

WRONG_TYPE = declare(
    "SP103",
    "wrong-type",
    ERROR,
    """A value has the wrong shape: a list where text is expected, text where a list is, and so on.

    Why: the models, the JSON Schema and every tool reading the profile rely on the shapes.

    Passing: ``primary_duties: [Make value presentations]``

    Failing: ``primary_duties: Make value presentations`` (text, not a list).
    """,
)

IMPLICIT_TYPE = declare(
    "SP104",
    "implicit-yaml-type",
    ERROR,
    """YAML 1.1 read an unquoted value as a boolean, number, date or null where text was meant.

    Why: ``no`` becomes false, ``3.10`` becomes 3.1 and ``010`` becomes 8 without a word; quoting
    the value keeps what was written.

    Passing: ``ecf_version: '2.0'`` and ``language: 'no'``

    Failing: ``ecf_version: 2.0`` (read as the number 2.0) or ``language: no`` (read as false).
    """,
    fix="safe",
)

INVALID_VALUE = declare(
    "SP105",
    "invalid-value",
    ERROR,
    """A value is of the right type but not an allowed one: a proficiency level outside e-1..e-5,
    an e-CF code not of the form ``B.1``, a knowledge/skill code not like ``B11``.

    Why: levels and codes are what every later check and every query relies on.

    Passing: ``levels: [e-2, e-3]``

    Failing: ``levels: [e-6]`` or ``code: B1``.
    """,
    fix="safe",
)

EMPTY_SECTION = declare(
    "SP106",
    "empty-section",
    ERROR,
    """A required section is present but empty (an empty list, or blank text).

    Why: Appendix B requires normative sections to have content; an empty section usually means a
    transcription stopped halfway.

    Passing: ``qualifications: [Masters degree in marketing]``

    Failing: ``qualifications: []``
    """,
)

PROFILE_CODE = declare(
    "SP107",
    "invalid-profile-code",
    ERROR,
    """A WSP-G3 profile's identification code is not of the form ``WSP-G3-NNN``.

    Why: Appendix B identifies every profile by an unambiguous code from the IWA catalogue.

    Passing: ``code: WSP-G3-003``

    Failing: ``code: WSP-3`` or ``code: wsp-g3-003``.
    """,
)

DUPLICATE_LEVEL = declare(
    "SP108",
    "duplicate-level",
    ERROR,
    """A competence lists the same proficiency level twice.

    Why: levels are a set; a repeated level is a typo for another level.

    Passing: ``levels: [e-1, e-2, e-3]``

    Failing: ``levels: [e-2, e-2]``
    """,
)

DOCUMENTATION_EMPTY = declare(
    "SP109",
    "documentation-empty",
    ERROR,
    """A WSP-G3 sheet's "Documentation produced" lists no document under any role.

    Why: Appendix B requires the section; accountable, responsible and contributor may each be
    empty, but not all three.

    Passing::

        documentation_produced:
          accountable: [Strategic sales plan]

    Failing::

        documentation_produced: {accountable: [], responsible: [], contributor: []}
    """,
    scope="profile",
)

LEVEL_TEXT_MISMATCH = declare(
    "SP110",
    "level-text-mismatch",
    ERROR,
    """Per-level texts do not match the assigned levels.

    Why: a text for a level that is not assigned describes nothing; in the European ICT
    role-profile template every assigned level has its Dimension 3 text, so a missing one is a
    gap in the transcription.

    Passing::

        levels: [e-2, e-3]
        level_texts: {e-2: Acts systematically ..., e-3: Exploits specialist knowledge ...}

    Failing::

        levels: [e-2]
        level_texts: {e-3: Exploits specialist knowledge ...}
    """,
    scope="profile",
)

MISSING_DESCRIPTION = declare(
    "SP111",
    "missing-description",
    ERROR,
    """A competence of a European ICT role profile has no description (Dimension 2).

    Why: the role-profile template describes, per competence, how it applies to the role.

    Passing::

        - code: A.3
          title: Business Plan Development
          description: The online community manager is responsible for ...

    Failing: the same competence without ``description``.
    """,
    scope="profile",
)


PLACEHOLDER_TEXT = declare(
    "SP112",
    "placeholder-text",
    WARNING,
    """A text value is still a placeholder: it starts with ``TODO``.

    Why: ``skillprofiles new`` starts a sheet with a placeholder in every section to fill in; each
    one left is named here, so that a sheet is finished when this rule reports nothing.

    Passing: ``summary_definition: Manages the customer's web presence.``

    Failing: ``summary_definition: 'TODO: what the profile is, in one or two sentences'``
    """,
    scope="profile",
)
