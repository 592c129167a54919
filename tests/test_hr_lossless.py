"""Lossless data: the default ``model_dump_json()`` loads back, JSON text loads, ``Profile`` simply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

import skillprofiles
from skillprofiles.models import RoleProfile, WSPG3Profile, parse_profile, parse_profile_json

PROFILES = sorted(Path(__file__).parent.parent.joinpath("profiles").glob("*.yaml"))


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_the_default_json_dump_loads_back(path: Path) -> None:
    profile = skillprofiles.load(path)
    text = profile.model_dump_json()
    assert type(profile).model_validate_json(text) == profile
    assert parse_profile_json(text) == profile
    assert parse_profile(profile.model_dump()) == profile
    assert skillprofiles.loads(text, filename="dump.json") == profile


def test_the_dump_uses_the_file_keys() -> None:
    profile = skillprofiles.load(PROFILES[0])
    data = json.loads(profile.model_dump_json())
    assert "$schema" in data
    assert "schema_" not in data
    if isinstance(profile, RoleProfile):
        assert "deliverables" in data
        assert "deliverables_" not in data


def test_parse_profile_picks_the_model_by_template() -> None:
    profile = skillprofiles.load(PROFILES[0])
    again = parse_profile(json.loads(profile.model_dump_json()))
    assert isinstance(again, (WSPG3Profile, RoleProfile))
    assert type(again) is type(profile)


def test_parse_profile_refuses_an_unknown_template() -> None:
    with pytest.raises(ValidationError):
        parse_profile({"template": "nope", "title": "x"})


def test_occupation_is_optional_and_checked() -> None:
    profile = skillprofiles.load(PROFILES[0])
    data = json.loads(profile.model_dump_json())
    assert data["occupation"] is None
    data["occupation"] = "2513"
    assert parse_profile(data).occupation == "2513"
    data["occupation"] = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"
    assert parse_profile(data).occupation is not None
    data["occupation"] = "web developer"
    with pytest.raises(ValidationError):
        parse_profile(data)
