"""Readers of YAML and their verdicts: skillprofiles, check-jsonschema (ruamel.yaml, YAML 1.2) and the most
common third-party pair, ``jsonschema`` + ``yaml.safe_load`` (PyYAML, YAML 1.1). docs/schemas.md lists
each difference; these tests pin them on real files."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from skillprofiles.diagnostics import Severity
from skillprofiles.source.profile import build
from skillprofiles.source.reader import parse_text
from tests.conftest import PROFILES, ROOT

SCHEMA = json.loads((ROOT / "schemas" / "profile.schema.json").read_text(encoding="utf-8"))
YAML11 = ROOT / "tests" / "schema_examples" / "yaml11"
REFERENCE = sorted(PROFILES.glob("*.yaml"))


def _valid(data: Any) -> bool:
    validator = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return bool(validator.is_valid(data))


def safe_load_verdict(text: str) -> bool:
    """``jsonschema`` on what ``yaml.safe_load`` reads: what most scripts and CI checks do."""
    return _valid(yaml.safe_load(text))


def check_jsonschema_verdict(text: str) -> bool:
    """The schema on what check-jsonschema's reader (ruamel.yaml, dates kept as text) reads."""
    pytest.importorskip("check_jsonschema", reason="check-jsonschema is in the test extra")
    from check_jsonschema.parsers.yaml import construct_yaml_implementation, impl2loader

    load = impl2loader(construct_yaml_implementation(), construct_yaml_implementation(pure=True))
    return _valid(load(io.BytesIO(text.encode("utf-8"))))


def skillprofiles_verdict(text: str) -> bool:
    """skillprofiles' structural verdict: no reader or loader error."""
    parsed = parse_text(text, "doc.yaml")
    _, diagnostics = build(parsed)
    return not [d for d in [*parsed.diagnostics, *diagnostics] if d.severity is Severity.ERROR]


@pytest.mark.parametrize("path", REFERENCE, ids=[p.name for p in REFERENCE])
def test_every_reader_accepts_the_reference_profiles(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    verdicts = (skillprofiles_verdict(text), safe_load_verdict(text), check_jsonschema_verdict(text))
    assert verdicts == (True, True, True)


def test_the_reference_date_is_text_for_every_reader() -> None:
    text = (PROFILES / "WSP-G3-003.yaml").read_text(encoding="utf-8")
    assert "  date: '2013-02-14'\n" in text  # quoted: a YAML 1.1 reader would make it a date object
    assert yaml.safe_load(text)["source"]["date"] == "2013-02-14"


# (file, skillprofiles, jsonschema + yaml.safe_load, check-jsonschema): True is "valid"
DIFFERENCES = [
    ("source-date.yaml", True, False, True),  # a date object is no JSON string
    ("language-date.yaml", False, False, True),  # SP104: text read as a date
    ("language-no.yaml", False, False, True),  # SP104: text read as a boolean
    ("preferred-yes.yaml", True, True, False),  # YAML 1.2: 'yes' is text, not a boolean
    ("language-1e3.yaml", True, True, False),  # YAML 1.2: 1e3 is a number
]


@pytest.mark.parametrize(
    ("name", "ours", "safe_load", "ruamel"), DIFFERENCES, ids=[d[0] for d in DIFFERENCES]
)
def test_readers_differ_only_on_unquoted_scalars(
    name: str, ours: bool, safe_load: bool, ruamel: bool
) -> None:
    text = (YAML11 / name).read_text(encoding="utf-8")
    assert (skillprofiles_verdict(text), safe_load_verdict(text), check_jsonschema_verdict(text)) == (
        ours,
        safe_load,
        ruamel,
    )


@pytest.mark.parametrize("name", [d[0] for d in DIFFERENCES])
def test_quoting_makes_every_reader_agree(name: str) -> None:
    text = (YAML11 / name).read_text(encoding="utf-8")
    quoted = (
        text.replace("date: 2013-02-14", "date: '2013-02-14'")
        .replace("language: 2013-02-14", "language: '2013-02-14'")
        .replace("language: no", "language: 'no'")
        .replace("language: 1e3", "language: '1e3'")
        .replace("preferred: yes", "preferred: true")
    )
    assert quoted != text
    assert (
        skillprofiles_verdict(quoted) == safe_load_verdict(quoted) == check_jsonschema_verdict(quoted) is True
    )


def test_every_difference_file_is_pinned() -> None:
    assert sorted(p.name for p in YAML11.glob("*.yaml")) == sorted(d[0] for d in DIFFERENCES)
