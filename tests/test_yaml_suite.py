"""The official YAML test suite through the reader and the validator: exact counts against CSafeLoader."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.yaml_suite import Outcome, run_suite, suite_dir

SUITE = suite_dir()
pytestmark = pytest.mark.skipif(SUITE is None, reason="the YAML test suite is not beside this checkout")


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    assert SUITE is not None
    return run_suite(Path(SUITE))  # each case under a time limit; a crash or hang fails here


def test_every_case_is_read_and_validated(outcomes: list[Outcome]) -> None:
    assert len(outcomes) == 402
    assert sum(o.error for o in outcomes) == 94


def test_error_cases_detected_exactly(outcomes: list[Outcome]) -> None:
    errors = [o for o in outcomes if o.error]
    assert sum(bool(o.ours) for o in errors) == 79
    assert sum(o.pyyaml is not None for o in errors) == 79
    # never worse than the parser underneath: each error case CSafeLoader rejects, we reject too
    assert [o.case for o in errors if o.pyyaml and not o.ours] == []


def test_valid_cases_rejected_exactly(outcomes: list[Outcome]) -> None:
    valid = [o for o in outcomes if not o.error]
    assert sum(bool(o.ours) for o in valid) == 67
    assert sum(o.pyyaml is not None for o in valid) == 80
    # a syntax error we report on valid YAML, libyaml reports too; we add only the three core tags
    # that profiles do not use (!!set, !!binary, !!omap), which CSafeLoader constructs
    ours_only = sorted(o.case for o in valid if o.ours and not o.pyyaml)
    assert ours_only == ["2XXW", "565N", "J7PZ"]
    assert all(o.ours[0].startswith("SP013") for o in valid if o.case in ours_only)


def test_no_case_stops_the_validator(outcomes: list[Outcome]) -> None:
    # every case, valid or not, ends in findings: none is a profile, and none is an internal error
    assert all(o.policy for o in outcomes)
    assert not [o.case for o in outcomes if "SP000" in o.policy]
