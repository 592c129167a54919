"""Structure-aware fuzzing of profiles and every side file (issue 17): tags, swapped types, renamed
keys, items turned into mappings, duplicated sections, through ``validate()`` and every loader.

Each input must end in diagnostics or the loader's own error type: never an exception of another
kind, never SP000, never a control character in a message or hint.

CI budget: the ``ci`` hypothesis profile (150 examples per target, derandomized; tests/strategies.py).
Long budget: ``HYPOTHESIS_PROFILE=long SKILLPROFILES_FUZZ_STRUCTURE=N`` (N examples per target).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillprofiles.catalogue.model import CatalogueError, load_catalogue
from skillprofiles.diagnostics import Diagnostic, DiagnosticsError
from skillprofiles.engine.checker import Checker
from skillprofiles.hr.assessment import load_assessment
from skillprofiles.hr.versions import load_mapping
from skillprofiles.source.reader import parse_bytes
from skillprofiles.textsafe import printable
from skillprofiles.tuning.baseline import BaselineError
from skillprofiles.tuning.baseline import load as load_baseline
from skillprofiles.tuning.files import ConfigError, load_config
from tests import strategies  # noqa: F401 - registers the ci and long profiles
from tests.conftest import PROFILES, ROOT

LONG = int(os.environ.get("SKILLPROFILES_FUZZ_STRUCTURE", "0"))
BUDGET = settings(max_examples=LONG) if LONG else settings()
EXAMPLES = ROOT / "docs" / "examples"
CONFIG_SEED = """\
select: [SP1, SP2]
ignore: [SP207]
severity: {SP105: warning, SP3: off}
fail_on: warning
default_ecf_version: '4.0'
max_file_size: 100000
max_depth: 32
allow_aliases: false
max_findings_per_code: 10
per_path:
  - paths: [legacy/**, '*.yml']
    ignore: [SP220]
    severity: {SP1: info}
"""
BASELINE_SEED = """\
{
  "format_version": 1,
  "tool": "skillprofiles",
  "findings": [
    {"file": "p.yaml", "code": "SP105", "message": "m", "fingerprint": "0123456789abcdef0123"}
  ]
}
"""
CATALOGUE_SEED = """\
format: skillprofiles-catalogue/1
title: Organisation framework
sources:
  ORG: our licensed copy
ecf:
  versions:
    '4.1':
      designation: e-CF 4.0 as amended by us
      sources: [ORG]
      competences:
        - {code: A.1, title: Alignment, area: PLAN, min_level: 3, max_level: 5, range_status: verified}
        - code: A.2
          title: Service Levels
          area: PLAN
          min_level: 2
          max_level: 4
          range_status: inferred
"""
PROFILE_SEEDS = [p.read_text(encoding="utf-8") for p in sorted(PROFILES.glob("*.yaml"))]
TAGS = ["!!bool maybe", "!!timestamp x", "!!int ''", "!!float ''", "!!int 0x", "!!float .", "!!binary %",
        "!!timestamp 2020-13-45", "!!null x", "!!str", "!!set", "!!omap", "!!python/name:os.system",
        "!!int 99999999999999999999999", "!!float 1e99999", "!!bool", "!custom x", "!<tag:x> y"]  # fmt: skip
SWAPS = ["[]", "{}", "~", "true", "0", "-1", "1e23", "''", "'x'", "[1, [2]]", "{a: {b: c}}", "2020-01-01",
         "0o17", ".nan", "'\\u202e'", '"\\e[2J"', '"\\n::error::x"', "'/dev/zero'", "'\\0'", "'[z-a]'",
         "'" + "*" * 40 + "x'", "1000", "'http://[x'"]  # fmt: skip
KEYS = ["x", "template", "code", "title", "levels", "competences", "<<", "? a", "'\\x1b'", "baseline",
        "max_depth", "per_path", "paths", "findings", "format_version", "versions", "1", "null"]  # fmt: skip
KEY_LINE = re.compile(
    r"^(?P<indent>[ ]*(?:- )?)(?P<key>[^\s:#'\"\[{][^:#]*?|'[^']*'|\"[^\"]*\"):(?P<rest>[ ].*|)$"
)
ITEM_LINE = re.compile(r"^(?P<indent>[ ]*)- (?P<value>.+)$")
SCALAR_REST = re.compile(r"^ (?P<value>[^\s\[{|>#&*!].*)$")


@st.composite
def mutated_text(draw: st.DrawFn, seeds: list[str]) -> str:
    """A real file with one to four structural mutations of its lines."""
    lines = draw(st.sampled_from(seeds)).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        kind = draw(st.sampled_from(["tag", "swap", "rename", "to-mapping", "duplicate", "nest", "drop"]))
        key = KEY_LINE.match(line)
        item = ITEM_LINE.match(line)
        if kind == "tag" and key and SCALAR_REST.match(key["rest"]):
            lines[index] = f"{key['indent']}{key['key']}: {draw(st.sampled_from(TAGS))}"
        elif kind == "tag" and item:
            lines[index] = f"{item['indent']}- {draw(st.sampled_from(TAGS))}"
        elif kind == "swap" and key and key["rest"]:
            lines[index] = f"{key['indent']}{key['key']}: {draw(st.sampled_from(SWAPS))}"
        elif kind == "swap" and item:
            lines[index] = f"{item['indent']}- {draw(st.sampled_from(SWAPS))}"
        elif kind == "rename" and key:
            lines[index] = f"{key['indent']}{draw(st.sampled_from(KEYS))}:{key['rest']}"
        elif kind == "to-mapping" and item:
            lines[index] = f"{item['indent']}- {{{draw(st.sampled_from(KEYS))}: {item['value']}}}"
        elif kind == "duplicate":
            # a section: this line and the following more-indented ones, written twice
            indent = len(line) - len(line.lstrip())
            end = index + 1
            while end < len(lines) and (
                not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
            ):
                end += 1
            lines[index:end] = lines[index:end] * 2
        elif kind == "nest" and key:
            lines[index] = f"{key['indent']}{key['key']}:{' [' * 30}{key['rest']}{']' * 30}"
        elif kind == "drop":
            del lines[index]
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\r\n", "\x0b\n", "\x85"]))


def assert_clean(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        assert d.code != "SP000", d
        assert d.line >= 1
        assert d.column >= 1
        assert printable(d.message) == d.message, d
        assert d.hint is None or printable(d.hint) == d.hint, d
        assert printable(d.file) == d.file or "\n" not in d.message


CHECKER = Checker()


@BUDGET
@given(mutated_text(PROFILE_SEEDS))
def test_mutated_profiles_through_validate(text: str) -> None:
    parsed = parse_bytes(text.encode("utf-8", "surrogatepass"), "fuzz.yaml")
    report = CHECKER.finish([CHECKER.check_parsed(parsed)])
    assert_clean(report.diagnostics)


def _through_file(text: str, suffix: str, load: object, errors: tuple[type[Exception], ...]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"side{suffix}"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            load(path)  # type: ignore[operator]
        except ConfigError as exc:
            assert_clean(exc.diagnostics)
        except BaselineError as exc:
            assert_clean([exc.diagnostic])
        except DiagnosticsError as exc:
            assert_clean(exc.diagnostics)
        except errors:
            pass


@BUDGET
@given(mutated_text([CONFIG_SEED]))
def test_mutated_configuration_files(text: str) -> None:
    _through_file(text, ".yaml", load_config, ())


@BUDGET
@given(mutated_text([BASELINE_SEED]))
def test_mutated_baselines(text: str) -> None:
    _through_file(text, ".json", lambda p: load_baseline(str(p)), ())


@BUDGET
@given(mutated_text([CATALOGUE_SEED]))
def test_mutated_catalogues(text: str) -> None:
    _through_file(text, ".yaml", load_catalogue, (CatalogueError,))


@BUDGET
@given(
    mutated_text([(EXAMPLES / "assessment.yaml").read_text(), (EXAMPLES / "assessment-4.0.yaml").read_text()])
)
def test_mutated_assessments(text: str) -> None:
    _through_file(text, ".yaml", load_assessment, ())


@BUDGET
@given(mutated_text([(EXAMPLES / "mapping-4.0-to-2.0.yaml").read_text()]))
def test_mutated_mappings(text: str) -> None:
    _through_file(text, ".yaml", load_mapping, ())


@pytest.mark.parametrize("tagged", TAGS)
def test_every_tag_of_the_mutator_is_handled_in_every_side_file(tagged: str) -> None:
    for seed, suffix, load in [
        ("x: " + tagged + "\n", ".yaml", load_config),
        ("x: " + tagged + "\n", ".yaml", load_catalogue),
        ("x: " + tagged + "\n", ".yaml", load_assessment),
        ("x: " + tagged + "\n", ".yaml", load_mapping),
    ]:
        _through_file(seed, suffix, load, ())
