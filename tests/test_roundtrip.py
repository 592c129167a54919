"""Model → YAML → model and model → JSON → model are identity; written YAML is stable to the position."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from hypothesis import example, given

from skillprofiles import load
from skillprofiles.models import MODELS, AnyProfile
from skillprofiles.source.profile import build
from skillprofiles.source.reader import Parsed, parse_text
from skillprofiles.source.writer import dump_yaml
from tests import strategies as sp
from tests.conftest import PROFILES
from tests.minimal import WSP

MODELINE = "../schemas/profile.schema.json"


def _model(doc: dict[str, Any]) -> AnyProfile:
    return MODELS[doc["template"]].model_validate(doc)


def _reread(text: str) -> tuple[AnyProfile | None, Parsed, list[Any]]:
    parsed = parse_text(text, "written.yaml")
    profile, diagnostics = build(parsed)
    return profile, parsed, diagnostics


# One generated document serves every round-trip property: generating documents is the slow part.
@given(sp.valid_profile)
@example(doc={**yaml.safe_load((PROFILES / "WSP-G3-003.yaml").read_text(encoding="utf-8"))})
@example(doc={**yaml.safe_load((PROFILES / "online-community-manager.yaml").read_text(encoding="utf-8"))})
@example(doc={**yaml.safe_load(WSP), "title": "0\x85"})  # PyYAML wrote NEL raw in single quotes
def test_round_trips(doc: dict[str, Any]) -> None:
    profile = _model(doc)
    _yaml_round_trip_is_identity_with_no_diagnostics(profile)
    _json_round_trip_is_identity(profile)
    _written_twice_is_the_same_text_at_the_same_positions(profile)
    _each_value_sits_at_its_source_position(profile)
    _yaml_12_reads_the_same_values(profile)


def _yaml_round_trip_is_identity_with_no_diagnostics(profile: AnyProfile) -> None:
    text = dump_yaml(profile, MODELINE)
    again, parsed, diagnostics = _reread(text)
    assert (parsed.diagnostics, diagnostics) == ([], []), text
    assert again == profile, text


def _yaml12_reader() -> Callable[[bytes], Any]:
    from check_jsonschema.parsers.yaml import construct_yaml_implementation, impl2loader

    load = impl2loader(construct_yaml_implementation(), construct_yaml_implementation(pure=True))
    return lambda data: load(io.BytesIO(data))


def _yaml_12_reads_the_same_values(profile: AnyProfile) -> None:
    """check-jsonschema's YAML 1.2 reader sees the values of the profile's JSON form."""
    expected = profile.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    assert _yaml12_reader()(dump_yaml(profile).encode()) == expected


def _json_round_trip_is_identity(profile: AnyProfile) -> None:
    assert type(profile).model_validate_json(profile.model_dump_json(by_alias=True)) == profile


def _written_twice_is_the_same_text_at_the_same_positions(profile: AnyProfile) -> None:
    first = dump_yaml(profile)
    again, parsed, _ = _reread(first)
    assert again is not None
    second = dump_yaml(again)
    assert second == first
    assert parse_text(second, "second.yaml").source.values == parsed.source.values


def _each_value_sits_at_its_source_position(profile: AnyProfile) -> None:
    """The text at each scalar's recorded span is that scalar, read on its own."""
    text = dump_yaml(profile)
    parsed = parse_text(text, "written.yaml")
    lines = text.splitlines(keepends=True)
    for path in sp.paths(parsed.data):
        value = sp.get(parsed.data, path)
        if isinstance(value, (dict, list)):
            continue
        span = parsed.source.values[path]
        start = sum(len(line) for line in lines[: span.line - 1]) + span.column - 1
        end = sum(len(line) for line in lines[: span.end_line - 1]) + span.end_column - 1
        assert yaml.safe_load(text[start:end]) == value, (path, text[start:end])


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("no", "'no'"),
        ("2.0", "'2.0'"),
        ("010", "'010'"),
        ("on", "'on'"),
        ("null", "'null'"),
        ("~", "'~'"),
        ("2013-02-14", "'2013-02-14'"),
        ("1e3", "'1e3'"),
        ("0E0", "'0E0'"),
        ("0o17", "'0o17'"),
        (".Inf", "'.Inf'"),
        ("0\x85", '"0\\N"'),
    ],
)
def test_values_yaml_11_would_misread_are_quoted(value: str, written: str) -> None:
    doc = yaml.safe_load((PROFILES / "WSP-G3-003.yaml").read_text(encoding="utf-8"))
    doc["personal_aptitudes"]["linguistic"][0]["language"] = value
    text = dump_yaml(_model(doc))
    assert f"  - language: {written}\n" in text
    again, parsed, diagnostics = _reread(text)
    assert (again, parsed.diagnostics, diagnostics) == (_model(doc), [], [])
    assert _yaml12_reader()(text.encode())["personal_aptitudes"]["linguistic"][0]["language"] == value


def test_reference_profiles_write_back_in_block_style_with_the_modeline() -> None:
    text = dump_yaml(load(PROFILES / "WSP-G3-003.yaml"), MODELINE)
    assert text.splitlines()[:5] == [
        "# yaml-language-server: $schema=../schemas/profile.schema.json",
        "template: wsp-g3",
        "code: WSP-G3-003",
        "title: Web Account Manager",
        "ecf_version: '2.0'",
    ]
    assert "  date: 2013-02-14\n" in text
    assert "    levels:\n      - e-2\n" in text
    assert "{" not in text
    assert "[" not in text
