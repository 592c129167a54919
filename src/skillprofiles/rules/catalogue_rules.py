"""Semantic codes (SP2xx): what the e-CF, CEFR and registry catalogues say about a profile."""

from __future__ import annotations

from skillprofiles.diagnostics import Severity
from skillprofiles.rules.registry import declare

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

INVALID_CATALOGUE = declare(
    "SP200",
    "invalid-catalogue",
    ERROR,
    """A catalogue file (``--catalogue`` or ``load_catalogue``) does not follow the catalogue format.

    Why: every semantic rule trusts the catalogue; a range with min above max or a competence in the
    wrong area would turn into wrong findings on every profile.

    Passing::

        format: skillprofiles-catalogue/1
        title: My framework
        ecf:
          versions:
            '4.1':
              designation: e-CF 4.1 (organisation copy)
              competences:
                - {code: A.1, title: IS and Business Strategy Alignment, area: PLAN,
                   min_level: 4, max_level: 5, range_status: verified}

    Failing: the same entry with ``area: BUILD`` (A codes are PLAN) or ``min_level: 5, max_level: 4``.
    """,
)
