"""check-jsonschema, a real consumer of the schema, agrees with skillprofiles' structural verdicts."""

from __future__ import annotations

import functools
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from skillprofiles.codes import structure
from skillprofiles.diagnostics import Severity
from skillprofiles.engine.checker import Checker
from skillprofiles.source.profile import build
from skillprofiles.source.reader import parse_text
from skillprofiles.source.writer import dump_data
from tests import strategies as sp
from tests.conftest import PROFILES, ROOT
from tests.minimal import WSP
from tests.test_differential import validator

EXAMPLES = ROOT / "tests" / "schema_examples"
SCHEMA = ROOT / "schemas" / "profile.schema.json"
# The structural layer: reader codes (SP0xx) and the codes the loader turns pydantic errors into.
# SP109-SP111 are cross-field rules run on a loaded profile; no JSON Schema keyword expresses them.
STRUCTURAL = {
    entry.code
    for entry in (
        structure.TEMPLATE,
        structure.MISSING,
        structure.UNKNOWN_KEY,
        structure.WRONG_TYPE,
        structure.IMPLICIT_TYPE,
        structure.INVALID_VALUE,
        structure.EMPTY_SECTION,
        structure.PROFILE_CODE,
        structure.DUPLICATE_LEVEL,
    )
}

VALID = sorted(PROFILES.glob("*.yaml"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))


def _check_jsonschema() -> list[str]:
    found = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")
    return [found]


@functools.cache
def _failing_files(files: tuple[Path, ...]) -> frozenset[str]:
    """The files check-jsonschema rejects (schema errors or parse errors), in one run over all of them."""
    command = [*_check_jsonschema(), "-o", "json", "--schemafile", str(SCHEMA), *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    return frozenset(error["filename"] for error in [*report["errors"], *report["parse_errors"]])


def _all_files() -> tuple[Path, ...]:
    return (*VALID, *INVALID, *sorted((EXAMPLES / "yaml11").glob("*.yaml")))


def check_jsonschema_rejects(path: Path) -> bool:
    """check-jsonschema's verdict on one file."""
    return str(path) in _failing_files(_all_files())


def structural_codes(path: Path) -> list[str]:
    """skillprofiles' structural error codes for one file."""
    report = Checker().check_paths([path])
    return sorted(
        d.code
        for d in report.diagnostics
        if d.severity is Severity.ERROR and (d.code.startswith("SP0") or d.code in STRUCTURAL)
    )


def _declared(path: Path) -> str:
    """The code an example's second comment line says it triggers."""
    return path.read_text(encoding="utf-8").splitlines()[1].removeprefix("# ").split(":")[0]


def test_there_are_examples_of_every_structural_code() -> None:
    assert len(INVALID) == 20
    assert {_declared(path) for path in INVALID} >= STRUCTURAL


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_both_accept_the_reference_profiles(path: Path) -> None:
    assert (structural_codes(path), check_jsonschema_rejects(path)) == ([], False)


@pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
def test_both_reject_each_invalid_example(path: Path) -> None:
    assert _declared(path) in structural_codes(path)
    assert check_jsonschema_rejects(path)


# check-jsonschema reads YAML 1.2 (ruamel.yaml) and keeps dates as text; skillprofiles and PyYAML read
# YAML 1.1: unquoted yes/no/on/off, dates and 1e3-style numbers differ. These pin the difference;
# docs/schemas.md explains it.
@pytest.mark.parametrize(
    ("name", "codes", "rejected"),
    [
        ("language-no.yaml", ["SP104"], False),
        ("language-date.yaml", ["SP104"], False),
        ("preferred-yes.yaml", [], True),
        ("language-1e3.yaml", [], True),
    ],
)
def test_yaml_11_and_12_differ_only_on_unquoted_scalars(name: str, codes: list[str], rejected: bool) -> None:
    path = EXAMPLES / "yaml11" / name
    assert (structural_codes(path), check_jsonschema_rejects(path)) == (codes, rejected)


# -- the same differential through YAML text, read as check-jsonschema reads it -------------------------


def _check_jsonschema_reader() -> Callable[[bytes], Any]:
    from check_jsonschema.parsers.yaml import construct_yaml_implementation, impl2loader

    load = impl2loader(construct_yaml_implementation(), construct_yaml_implementation(pure=True))
    return lambda data: load(io.BytesIO(data))


def _schema_verdict(text: str) -> bool:
    try:
        data = _check_jsonschema_reader()(text.encode("utf-8"))
    except Exception:  # any parse failure is a rejection, as check-jsonschema reports it
        return False
    return bool(validator().is_valid(data))


def _skillprofiles_verdict(text: str) -> bool:
    parsed = parse_text(text, "doc.yaml")
    profile, diagnostics = build(parsed)
    errors = [d for d in [*parsed.diagnostics, *diagnostics] if d.severity is Severity.ERROR]
    return profile is not None and not errors


# Written with dump_data, which quotes what either YAML version reads as a non-string: plain
# yaml.safe_dump writes '0E0' unquoted (text in YAML 1.1, a number in YAML 1.2), found by the long run.
@given(sp.mutated_profile(), st.booleans())
@example(doc={**yaml.safe_load(WSP), "qualifications": ["0E0"]}, flow=False)
def test_yaml_text_gets_the_same_verdict_from_both_readers(doc: dict[str, Any], flow: bool) -> None:
    text = dump_data(doc, flow)
    assert _skillprofiles_verdict(text) == _schema_verdict(text), text
