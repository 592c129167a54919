"""Meta codes (SP9xx): suppression comments, baselines and configuration files."""

from __future__ import annotations

from skillprofiles.codes.registry import declare
from skillprofiles.diagnostics import Severity

UNUSED_SUPPRESSION = declare(
    "SP901",
    "unused-suppression",
    Severity.WARNING,
    """A suppression comment names a rule that reports nothing where the comment applies.

    Why: a suppression outlives the finding it hid; left in place, it would silently hide the next,
    unrelated finding of that rule on the same line. Delete it. A suppression of a rule that is not
    enabled for the file (``--select``, ``ignore``) is not reported: it may be needed in another run.
    The position is that of the rule's name inside the comment.

    Passing (the comment hides a finding on its own line)::

        levels: [e-6]  # skillprofiles: ignore[SP105]

    Failing (nothing on this line is an SP105 finding)::

        levels: [e-2]  # skillprofiles: ignore[SP105]
    """,
)

INVALID_SUPPRESSION = declare(
    "SP902",
    "invalid-suppression",
    Severity.WARNING,
    """A suppression comment names no known rule, or is not of the form ``ignore[...]`` or
    ``ignore-file[...]``.

    Why: a misspelt code suppresses nothing, so the finding it was meant to hide is still
    reported, and the comment misleads the reader. The message suggests the nearest code or name.

    Passing: ``# skillprofiles: ignore[SP105]`` or ``# skillprofiles: ignore[invalid-value]``

    Failing: ``# skillprofiles: ignore[SP1O5]`` (letter O) or ``# skillprofiles: ignore SP105``.
    """,
)

STALE_BASELINE_ENTRY = declare(
    "SP903",
    "stale-baseline-entry",
    Severity.INFO,
    """A baseline entry matches no finding any more: the legacy finding was fixed (or changed).

    Why: regenerating the baseline (``--write-baseline``) locks the improvement in, so the finding
    cannot come back unnoticed. Only entries for files checked in the run are reported. The
    position is the entry's line in the baseline file.

    Passing: a baseline whose every entry still matches a finding.

    Failing: a baseline entry for an ``SP105`` finding on ``levels: [e-6]`` after the level was
    corrected to ``e-5``.
    """,
)

INVALID_CONFIGURATION = declare(
    "SP910",
    "invalid-configuration",
    Severity.ERROR,
    """The configuration file (``.skillprofiles.yaml`` or ``[tool.skillprofiles]`` in
    ``pyproject.toml``) has an unknown key, a selector that matches no rule, a bad severity or a
    value of the wrong type. The run stops with exit code 2.

    Why: a typo in a configuration file would otherwise be silently ignored, and the run would not
    be tuned the way its author believes.

    Passing::

        ignore: [SP104]
        severity: {missing-section: warning}

    Failing::

        ignroe: [SP104]            # unknown key (did you mean 'ignore'?)
        severity: {SP999: loud}    # no such rule, no such severity
    """,
)

INVALID_BASELINE = declare(
    "SP911",
    "invalid-baseline",
    Severity.ERROR,
    """The baseline file cannot be read: it is missing, not JSON, or not in the baseline format.
    The run stops with exit code 2.

    Why: a broken baseline would otherwise hide nothing, and every legacy finding would fail CI.

    Passing: a file written by ``skillprofiles validate --write-baseline FILE``.

    Failing: a baseline edited by hand into invalid JSON.
    """,
)

NOT_CHECKED = declare(
    "SP904",
    "profile-not-checked",
    Severity.ERROR,
    """A profile did not load, and every error that says why is suppressed or in the baseline.

    Why: a suppression comment or a baseline entry may silence a finding, but not the fact that the
    file never became a profile, so that no catalogue or profile rule ran on it: the run must not
    call such a file a pass. This finding is reported at the top of the file and cannot itself be
    suppressed, baselined or turned off.

    Passing: a file whose suppressed finding leaves a loadable profile, e.g.
    ``title: ' x'  # skillprofiles: ignore[SP106]`` when SP106 is a warning.

    Failing::

        levels: [e-6]  # skillprofiles: ignore[SP105]
    """,
)
