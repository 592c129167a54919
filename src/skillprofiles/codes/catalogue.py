"""Semantic codes (SP2xx): what the e-CF, CEFR and registry catalogues say about a profile."""

from __future__ import annotations

from skillprofiles.codes.registry import declare
from skillprofiles.diagnostics import Severity

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

INVALID_CATALOGUE = declare(
    "SP200",
    "invalid-catalogue",
    ERROR,
    """A catalogue file (``--catalogue`` or ``load_catalogue``) does not follow the catalogue format.

    Why: every semantic rule trusts the catalogue; a range with min above max or a competence in the
    wrong area would turn into wrong findings on every profile.

    Passing::

        format: skillprofiles-catalogue/2
        title: My framework
        sources:
          ORG:
            title: our licensed copy of EN 16234-1:2019
            kind: project-file
            locator: {project_file: standards/EN16234-1-2019.pdf}
            shows: the ranges of our amended competences
        ecf:
          versions:
            '4.1':
              designation: e-CF 4.1 (organisation copy)
              competences:
                - {code: A.1, title: IS and Business Strategy Alignment, area: PLAN,
                   min_level: 4, max_level: 5, evidence: one-source, sources: [ORG]}

    Failing: the same entry with ``area: BUILD`` (A codes are PLAN), ``min_level: 5, max_level: 4``,
    ``evidence: two-sources`` with one source, or a source id that ``sources`` does not list. Files of
    the format ``skillprofiles-catalogue/1`` (``range_status: verified | inferred | unknown``, sources
    as plain texts) are still read; ``verified`` there counts as ``two-sources``: the file's author
    vouches for the range.
    """,
)

ECF_VERSION_MISSING = declare(
    "SP201",
    "ecf-version-missing",
    WARNING,
    """The profile cites no e-CF version; the message says which version was assumed and why.

    Why: a competence is identified by (version, code) - D.6 is Channel Management in e-CF 3.0 but
    Digital Marketing in 4.0 - so codes, titles and levels can only be checked against a version.
    The assumed version is ``default_ecf_version`` from the configuration if set, otherwise the
    version whose official titles match most of the profile's (code, title) pairs. A title that only
    the profile's own document attests (the catalogue marks it ``profile-only``) does not count: a
    document cannot confirm itself. On a tie the message names the tied versions and the newest of
    them is taken. The message states the confidence: low on a tie or when at most half the titles
    match, high otherwise.

    Passing: ``ecf_version: '2.0'``

    Failing: a profile without ``ecf_version`` (reported with, e.g., "assumed e-CF 2.0 (5 of 5
    titles match; high confidence)" or "assumed e-CF 2.0 (tie: 1.0 and 2.0 both match 14 of 17
    titles; the newest is taken; A.4, B.5 not counted: titles attested only by this document; low
    confidence)").
    """,
    scope="profile",
)

UNKNOWN_ECF_VERSION = declare(
    "SP202",
    "unknown-ecf-version",
    ERROR,
    """The e-CF version the profile cites (or the configured default) is not in the catalogue.

    Why: without a known version no competence can be checked; a typo such as ``'3'`` or ``'4.1'``
    would otherwise silently disable every semantic rule. Load your own catalogue file to check
    against a version that is not packaged.

    Passing: ``ecf_version: '3.0'``

    Failing: ``ecf_version: '5.0'`` (known versions: 1.0, 2.0, 3.0, 4.0).
    """,
    scope="profile",
)

UNKNOWN_COMPETENCE = declare(
    "SP203",
    "unknown-competence",
    ERROR,
    """A competence code that the profile's e-CF version does not define.

    Why: codes are reused and renumbered between versions (3.0 D.12 Digital Marketing is 4.0 D.6);
    a code the version lacks is a typo or a code from another version. The hint names the code
    whose title matches, or what the code means in another version.

    Passing (e-CF 4.0): ``{code: D.6, title: Digital Marketing}``

    Failing (e-CF 4.0): ``{code: D.12, title: Digital Marketing}`` (D.12 is e-CF 3.0; in 4.0 Digital
    Marketing is D.6).
    """,
    scope="profile",
)

LEVEL_OUTSIDE_RANGE = declare(
    "SP204",
    "level-outside-range",
    ERROR,
    """A competence is assigned at a level it is not defined at, in a range two independent sources show.

    Why: most e-CF competences are defined at two or three levels only (A.9 Innovating: e-4 and e-5);
    a level outside the range has no description in the framework, so the assignment means nothing.
    Only ranges graded ``two-sources`` (two independent public sources reproduce the CEN table, or a
    catalogue file of format /1 marks the range ``verified``) raise this error; a range with one
    source or an inferred one raises SP205, a warning. Every e-CF 4.0 range and 31 of the 40 e-CF 3.0
    ranges are two-sources (see docs/catalogue.md). Raise or lower it in the configuration like any
    code (``severity: {SP204: warning}``).

    Ranges graded two-sources in the packaged catalogue:

    - e-CF 4.0, all 41: S4a (arnokamphuis/ecf-explorer json/competencies.json) and S4b (a public SQL
      seed file; search public code for "INSERT INTO competence_level (competence_id,
      proficiency_level, description) VALUES (c_id,").
    - e-CF 3.0, 31: S3a (serhii-horobets82/Sandbox.API Database/init.sql) and one or more of S3b
      (e-competence-quality.com), S3c (ens.wiki), S3f (appcert.eu), S3g (a public code file): A.1,
      A.2, A.4, A.5, A.6, A.8, A.9, B.1, B.2, B.3, B.4, B.6, C.1, C.2, C.3, D.1, D.2, D.3, D.4, D.5,
      D.7, D.8, D.9, D.10, E.1, E.2, E.3, E.5, E.6, E.8, E.9.

    Passing (e-CF 4.0): ``{code: A.9, title: Innovating, levels: [e-4, e-5]}``

    Failing (e-CF 4.0): ``{code: A.9, title: Innovating, levels: [e-3]}`` (A.9 is defined at
    e-4..e-5).
    """,
    scope="profile",
)

LEVEL_OUTSIDE_INFERRED_RANGE = declare(
    "SP205",
    "level-outside-inferred-range",
    WARNING,
    """A competence is assigned at a level outside a range one source shows or the catalogue infers.

    Why: one public source is not enough to fail a build: it may be a transcription error. Nine e-CF
    3.0 ranges and ten e-CF 2.0 ranges rest on one source; the other 26 e-CF 2.0 ranges are inferred
    (from 3.0, and B.1 also from G3 usage), because no 2.0 level table could be read. A level outside
    such a range is probably wrong, but the source should be checked: the message names the single
    source (id, title and where to find it) or what the range is inferred from. Raise it to an error
    in the configuration (``severity: {SP205: error}``) to trust these ranges as much as SP204's.

    Ranges graded one-source or inferred in the packaged catalogue:

    - e-CF 3.0, one source, S3a (serhii-horobets82/Sandbox.API Database/init.sql): A.3, A.7, B.5,
      C.4, D.6, D.11, D.12, E.4, E.7.
    - e-CF 2.0, one source, S2e (e-competence-quality.com pages in the 2.0 wording): B.4, C.1, C.3,
      D.1, D.2, D.8, E.2, E.3, E.4, E.8.
    - e-CF 2.0, inferred from 3.0: A.1, A.2, A.3, A.4, A.5, A.6, A.7, A.8, B.2, B.3, B.5, C.2, C.4,
      D.3, D.4, D.5, D.6, D.7, D.9, D.10, D.11, E.1, E.5, E.6, E.7; and B.1 from 3.0 and from G3
      usage (S2d).

    Passing (e-CF 2.0): ``{code: A.7, title: Technology Watching, levels: [e-4]}``

    Failing (e-CF 2.0): ``{code: A.7, title: Technology Watching, levels: [e-2]}`` ("its range is
    e-4..e-5 (inferred from e-CF 3.0; no e-CF 2.0 source shows it)"); (e-CF 3.0) ``{code: E.4,
    title: Relationship Management, levels: [e-2]}`` ("(one source only: S3a, ...)").
    """,
    scope="profile",
)

NO_LEVEL_DATA = declare(
    "SP206",
    "no-level-data",
    INFO,
    """The profile's e-CF version has no level data, so its levels cannot be checked (once per profile).

    Why: no e-CF 1.0 level table was found; saying so keeps a clean run from implying the levels
    were checked.

    Passing: a profile of a version with level data (2.0, 3.0, 4.0).

    Failing: a profile checked against e-CF 1.0.
    """,
    scope="profile",
)

TITLE_MISMATCH = declare(
    "SP207",
    "title-mismatch",
    WARNING,
    """A competence title differs from the official title of its code in the profile's e-CF version.

    Why: the title is how readers recognise a competence; a different title is a typo, a local
    adaptation, or a sign that the code belongs to another version. Case, whitespace and
    ``&``/``and`` are ignored.

    Passing (e-CF 2.0): ``{code: B.1, title: Design and Development}``

    Failing (e-CF 3.0): ``{code: B.1, title: Design and Development}`` (3.0 calls B.1 "Application
    Development"; "Design and Development" is its e-CF 2.0 title).
    """,
    scope="profile",
    fix="unsafe",
)

INVALID_CEFR_LEVEL = declare(
    "SP210",
    "invalid-cefr-level",
    ERROR,
    """A language requirement names a level that is not a CEFR level.

    Why: CEFR levels are A1, A2, B1, B2, C1, C2, Pre-A1 and the plus levels A2+, B1+, B2+; anything
    else (B3, C) cannot be compared or certified. The level may carry the scale's name in any EU
    language, before or after it, bare or in brackets: ``B1 GER``, ``C1 (CEFR)``, ``B2 MCER``,
    ``CECRL B2``, ``B1 ERK``, ``C1 QECR``, ``B2 ESOKJ``, ``B1 SERR``, ``B2 KER``. A ``min_level`` of
    "native" or "mother tongue" (or a translation: Muttersprache, langue maternelle ...) is a
    requirement without a CEFR level, not an invalid one.

    Passing: ``{language: English, min_level: C1, text: "minimum level: C1 QCER"}``

    Failing: ``{language: English, min_level: C3, text: "minimum level: C3 QCER"}``
    """,
    scope="profile",
)

CEFR_ORDER = declare(
    "SP211",
    "cefr-order",
    ERROR,
    """A language requirement gives a range of CEFR levels from high to low (e.g. "C1-B2").

    Why: a range reads low to high; "C1-B2" is either a typo or two requirements run together.

    Passing: ``text: "from B2 to C1 QCER"``

    Failing: ``text: "from C1 to B2 QCER"``
    """,
    scope="profile",
)

LANGUAGE_TEXT_UNPARSED = declare(
    "SP212",
    "language-text-unparsed",
    WARNING,
    """A language requirement names the CEFR scale (or a minimum level) but no level can be read.

    Why: "minimum level: QCER" or "level B QCER" promises a level the reader cannot find. The scale
    is recognised under its names in the EU languages (CEFR, GER, MCER, CECR, QCER, QECR, ERK,
    ESOKJ, SERR, KER, ERR ...) and "minimum level" in en, de, es, fr, it, nl, pl and pt
    (Mindestniveau, nivel mínimo, niveau minimum, livello minimo, minimumniveau, poziom minimalny,
    nível mínimo). A requirement of a native speaker ("native", "mother tongue", "Muttersprache",
    "langue maternelle" ...) has no CEFR level and is not reported.

    Passing: ``text: "Good knowledge of English - minimum level: B1 QCER."``, ``text: "Deutsch als
    Muttersprache"``

    Failing: ``text: "Good knowledge of English - minimum level: QCER."``, ``text: "Deutsch -
    Mindestniveau: GER"``
    """,
    scope="profile",
)

LANGUAGE_LEVEL_MISMATCH = declare(
    "SP213",
    "language-level-mismatch",
    ERROR,
    """The level a language requirement's text names differs from its ``min_level``.

    Why: ``min_level`` is what tools compare; the text is what people read. When they disagree one
    of them is a transcription error.

    Passing: ``{min_level: B1, text: "minimum level: B1 QCER"}``

    Failing: ``{min_level: B2, text: "minimum level: B1 QCER"}``
    """,
    scope="profile",
)

KNOWLEDGE_SKILL_WORDING = declare(
    "SP220",
    "knowledge-skill-wording",
    WARNING,
    """A knowledge/skill code is worded differently in two places of one profile.

    Why: a code such as ``B03`` names one item; two wordings mean either a wrong code or an edited
    text. Case, whitespace and ``&``/``and`` are ignored.

    Passing: ``B11: Can analyse`` under B.3 and ``B11: can analyse`` under C.4.

    Failing: ``B03: Is precise and aware of details`` under B.2 and ``B03: Is committed to corporate
    strategy`` under E.3.
    """,
    scope="profile",
)

DUPLICATE_COMPETENCE = declare(
    "SP221",
    "duplicate-competence",
    ERROR,
    """The same competence code is assigned twice.

    Why: a competence is assigned once, with all its levels in one list; a second entry splits or
    contradicts the first.

    Passing: ``- {code: B.3, title: Testing, levels: [e-1, e-2]}``

    Failing: two entries ``{code: B.3, ...}``.
    """,
    scope="profile",
)

DUPLICATE_ITEM = declare(
    "SP222",
    "duplicate-item",
    WARNING,
    """A list repeats an item: a duty, task, deliverable, KPI or knowledge/skill item of one competence.

    Why: a repeated item is a copy-paste slip; it inflates the profile and hides what was meant.
    Case, whitespace and ``&``/``and`` are ignored.

    Passing: ``primary_duties: [Make value presentations, Conduct negotiations]``

    Failing: ``primary_duties: [Make value presentations, make value presentations]``
    """,
    scope="profile",
)
