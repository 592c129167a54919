"""The validator on profiles/: exactly the real inconsistencies of the two source documents."""

from __future__ import annotations

import subprocess
import sys

from skillprofiles import validate
from skillprofiles.tuning.config import Config
from tests.conftest import PROFILES, ROOT

OCM = "online-community-manager.yaml"

# Each line is a real inconsistency of the source document (see README, "What the validator finds").
EXPECTED = [
    # no e-CF version cited; 1.0 and 2.0 tie at 14 of 17 titles once A.4 and B.5 (titles only this
    # document attests) are not counted: the newest of the tied, 2.0, is assumed, with low confidence
    (OCM, "SP201", 9),
    (OCM, "SP207", 77),  # A.4 Specification Creation (1.0, this document only) vs Product or Project Planning
    (OCM, "SP207", 98),  # A.7 "Technology & Market Trends Watching" is not the official title
    (OCM, "SP205", 106),  # A.7 at e-2: outside the inferred 2.0 range e-4..e-5 (a warning, not an error)
    (OCM, "SP205", 106),  # A.7 at e-3
    (OCM, "SP220", 132),  # T05 "Drafts texts ..." under B.1 vs "Can draft texts ..." under A.3
    (OCM, "SP207", 189),  # B.5 Technical Publications Development vs Documentation Production (2.0)
    (
        OCM,
        "SP220",
        259,
    ),  # B01 "Is creative, imaginative, artistic" under D.6 vs "Has creativity ..." under B.1
    (OCM, "SP220", 335),  # B03 under E.3 carries B05's wording; "Is precise ..." under B.1
    (OCM, "SP220", 353),  # B09 "Can work in a team" under E.4 vs "Is able to work in a team" under B.1
]


def test_exact_findings_on_the_reference_profiles() -> None:
    report = validate(PROFILES)
    found = [(d.file.rsplit("/", 1)[-1], d.code, d.line) for d in report]
    assert found == EXPECTED
    assert report.counts() == {"error": 0, "warning": 10, "info": 0}


def test_messages_name_what_is_wrong() -> None:
    messages = [d.message for d in validate(PROFILES)]
    assert messages[0] == (
        "profile cites no e-CF version; assumed e-CF 2.0 (tie: 1.0 and 2.0 both match 14 of 17 titles; "
        "the newest is taken; A.4, B.5 not counted: titles attested only by this document; low confidence)"
    )
    assert messages[2] == (
        "A.7 is titled 'Technology & Market Trends Watching' but its e-CF 2.0 title is 'Technology Watching'"
    )
    assert messages[3] == (
        "A.7 Technology Watching is not defined at e-2 in e-CF 2.0: its range is e-4..e-5 "
        "(inferred from e-CF 3.0; no e-CF 2.0 source shows it)"
    )
    assert messages[8] == (
        "B03 is worded 'Is committed to corporate strategy and aware of corporate culture' here "
        "but 'Is precise and aware of details' under B.1"
    )


def test_wsp_g3_003_is_clean_against_e_cf_2_0_and_the_registry() -> None:
    # its five competences match e-CF 2.0 titles and (inferred) ranges; its four relationships are
    # registry titles (WSP-G3-005, -018, -011, -014)
    assert validate(PROFILES / "WSP-G3-003.yaml").diagnostics == []


def test_readme_shows_the_real_output() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "skillprofiles", "validate", "profiles/"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert result.stdout in readme, (
        "README.md must show the current output of 'skillprofiles validate profiles/'"
    )


def test_against_e_cf_2_0_the_1_0_titles_and_a7_levels_show() -> None:
    report = validate(PROFILES / OCM, config=Config(default_ecf_version="2.0", select=("SP2",)))
    found = [(d.code, d.line) for d in report if d.code != "SP220"]
    assert found == [
        ("SP201", 9),
        ("SP207", 77),  # A.4 Specification Creation (1.0) vs Product or Project Planning (2.0)
        ("SP207", 98),
        ("SP205", 106),  # A.7 at e-2: outside the inferred 2.0 range e-4..e-5
        ("SP205", 106),  # A.7 at e-3
        ("SP207", 189),  # B.5 Technical Publications Development (1.0) vs Documentation Production (2.0)
    ]
    assert report.diagnostics[1].hint == (
        "use the official title 'Product or Project Planning'; "
        "'Specification Creation' is the e-CF 1.0 title of A.4 (a title only this document attests)"
    )
