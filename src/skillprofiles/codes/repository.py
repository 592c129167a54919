"""Repository codes (SP3xx): checks over every profile of a run."""

from __future__ import annotations

from skillprofiles.codes.registry import declare
from skillprofiles.diagnostics import Severity

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

DUPLICATE_PROFILE_CODE = declare(
    "SP301",
    "duplicate-profile-code",
    ERROR,
    """Two files of the run declare the same profile code; each file is reported, naming the other.

    Why: a profile code identifies one profile; relationships and catalogues resolve codes to
    files, so a duplicate makes every reference to it ambiguous.

    Passing: ``profiles/WSP-G3-003.yaml`` with ``code: WSP-G3-003`` and no other file with that code.

    Failing: ``profiles/WSP-G3-003.yaml`` and ``profiles/copy.yaml`` both with ``code: WSP-G3-003``.
    """,
    scope="repository",
)

UNRESOLVED_RELATIONSHIP = declare(
    "SP302",
    "unresolved-relationship",
    WARNING,
    """A relationship ("interacts with", "reports to") names no profile of the run or of the registry.

    Why: relationships are written as codes or titles ("Business Analyst"); one that resolves to
    nothing is a typo or a profile that was never written. Codes and titles are matched
    case-insensitively, against the profiles of the run and the WSP-G3 v1.0 registry of 21 profiles.

    Passing: ``interacts_with: [Business Analyst, WSP-G3-011]``

    Failing: ``interacts_with: [Buisness Analyst]`` (did you mean Business Analyst?)
    """,
    scope="repository",
)

FILE_NAME_MISMATCH = declare(
    "SP303",
    "file-name-mismatch",
    WARNING,
    """A profile's file name does not follow its code (or, for a profile without code, its title).

    Why: people and tools find a profile by its file name; ``WSP-G3-003.yaml`` holding WSP-G3-005
    sends them to the wrong sheet. A WSP-G3 file is named after its code; a role profile after its
    code if it has one, otherwise after its title in lower case with hyphens.

    Passing: ``WSP-G3-003.yaml`` with ``code: WSP-G3-003``; ``online-community-manager.yaml`` with
    ``title: Online Community Manager``.

    Failing: ``web-account-manager.yaml`` with ``code: WSP-G3-003``.
    """,
    scope="repository",
)

KNOWLEDGE_SKILL_WORDING_ACROSS = declare(
    "SP304",
    "knowledge-skill-wording-across",
    WARNING,
    """A knowledge/skill code is worded differently in two profiles of the run.

    Why: codes such as ``B11`` come from one project-wide list; a profile that words one differently
    has a wrong code or an edited text. Case, whitespace and ``&``/``and`` are ignored; differences
    within one profile are SP220's.

    Passing: ``B11: Can analyse`` in two profiles.

    Failing: ``B11: Can analyse`` in one profile and ``B11: Can analyze data`` in another.
    """,
    scope="repository",
)
