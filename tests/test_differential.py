"""The models and the committed JSON Schema accept exactly the same documents; no input crashes."""

from __future__ import annotations

import datetime
import functools
import json
import os
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from skillprofiles.codes import registry
from skillprofiles.engine.checker import Checker
from skillprofiles.models import NON_BLANK
from skillprofiles.source.profile import build
from skillprofiles.source.reader import Parsed, parse_bytes, parse_text
from tests import strategies as sp
from tests.conftest import PROFILES, ROOT
from tests.minimal import ROLE, WSP

SCHEMA_FILE = ROOT / "schemas" / "profile.schema.json"


@functools.cache
def validator() -> Draft202012Validator:
    """The committed schema, checked against the 2020-12 meta-schema, with format assertions on."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def models_accept(doc: Any) -> bool:
    """skillprofiles' structural verdict: the loader builds a profile with no diagnostic."""
    profile, diagnostics = build(Parsed("doc.yaml", data=doc))
    return profile is not None and not diagnostics


def schema_accepts(doc: Any) -> bool:
    """The JSON Schema's verdict on the same data, as JSON sees it (dates are text there)."""
    return bool(validator().is_valid(_as_json(doc)))


def _as_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def _disagreement(doc: Any) -> str:
    error = best_match(validator().iter_errors(_as_json(doc)))
    schema = f"{list(error.absolute_path)}: {error.message[:200]}" if error else "valid"
    _, diagnostics = build(Parsed("doc.yaml", data=doc))
    return f"models: {[(d.code, d.message) for d in diagnostics] or 'valid'}; schema: {schema}"


@given(sp.valid_profile)
def test_both_accept_valid_documents(doc: dict[str, Any]) -> None:
    assert models_accept(doc), _disagreement(doc)
    assert schema_accepts(doc), _disagreement(doc)


# Each example is a disagreement the differential test found, kept as a regression (docs/schemas.md).
@given(sp.mutated_profile())
@example(doc={**yaml.safe_load(WSP), "schema_": "x"})  # populate_by_name accepted the field name
@example(doc={("kpis_" if k == "kpis" else k): v for k, v in yaml.safe_load(ROLE).items()})
@example(doc={**yaml.safe_load(WSP), "title": "\x1c"})  # \S: Python's \s has \x1c-\x1f, Rust's not
@example(doc={**yaml.safe_load(WSP), "title": "\ufeff"})  # ECMAScript's \s has U+FEFF, Python's not
@example(doc={**yaml.safe_load(WSP), "code": "WSP-G3-003\n"})  # Python's $ matches before a final \n
@example(doc={**yaml.safe_load(WSP), "source": {"document": "d", "date": 1360800000}})  # int as a date
@example(doc={**yaml.safe_load(WSP), "source": {"document": "d", "date": "20130214"}})
@example(doc={**yaml.safe_load(WSP), "source": {"document": "d", "date": datetime.datetime(2013, 2, 14)}})
@example(
    doc={**yaml.safe_load(ROLE), "competences": [{"code": "A.1", "title": "t", "levels": ["e-1", "e-1"]}]}
)
def test_models_and_schema_agree_on_mutated_documents(doc: dict[str, Any]) -> None:
    assert models_accept(doc) == schema_accepts(doc), _disagreement(doc)


@pytest.mark.parametrize("preferred", [1, 0, "true", "yes", "no"])
def test_preferred_is_a_real_boolean(preferred: Any) -> None:
    # found by the differential test: pydantic's lax bool took 1 and 'yes'; the schema does not
    doc = yaml.safe_load(WSP)
    doc["personal_aptitudes"]["linguistic"][0]["preferred"] = preferred
    assert (models_accept(doc), schema_accepts(doc)) == (False, False)


@pytest.mark.parametrize("date", ["2013-02-14", datetime.date(2013, 2, 14)])
def test_dates_are_accepted_as_text_and_as_yaml_dates(date: Any) -> None:
    doc = {**yaml.safe_load(WSP), "source": {"document": "G3", "date": date}}
    assert (models_accept(doc), schema_accepts(doc)) == (True, True)


@pytest.mark.parametrize("char", sorted(sp.BLANKS + sp.NEAR_BLANKS))
def test_blank_is_the_same_set_in_every_regex_engine(char: str) -> None:
    import re

    import regress  # check-jsonschema's ECMAScript engine

    engines = {
        "python-re": re.search(NON_BLANK, char) is not None,
        "ecmascript": regress.Regex(NON_BLANK, flags="u").find(char) is not None,
    }
    doc = {**yaml.safe_load(WSP), "title": char}
    engines["models"], engines["schema"] = models_accept(doc), schema_accepts(doc)
    assert set(engines.values()) == {char not in sp.BLANKS}, engines


# -- never an unexpected exception -----------------------------------------------------------------


def _assert_well_formed(parsed: Parsed) -> None:
    result = Checker().check_parsed(parsed)
    known = {entry.code for entry in registry.all_rules()}
    for diagnostic in [*parsed.diagnostics, *result.diagnostics]:
        assert diagnostic.code in known
        assert diagnostic.line >= 1
        assert diagnostic.column >= 1


@given(sp.yaml_data, st.booleans())
def test_arbitrary_yaml_never_crashes(data: Any, flow: bool) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    _assert_well_formed(parse_text(text, "any.yaml"))


@given(sp.valid_profile, st.data())
def test_arbitrary_yaml_inside_a_profile_never_crashes(doc: dict[str, Any], data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(sp.paths(doc)[1:]))
    doc = sp.mutate(doc, path, "replace", data.draw(sp.yaml_data))
    _assert_well_formed(parse_text(yaml.safe_dump(doc, allow_unicode=True), "any.yaml"))


@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    _assert_well_formed(parse_bytes(data, "any.yaml"))


_REFERENCE = (PROFILES / "online-community-manager.yaml").read_bytes()


@given(st.integers(0, len(_REFERENCE) - 1), st.binary(min_size=0, max_size=8), st.integers(0, 8))
def test_corrupted_reference_profile_never_crashes(at: int, insert: bytes, drop: int) -> None:
    _assert_well_formed(parse_bytes(_REFERENCE[:at] + insert + _REFERENCE[at + drop :], "ocm.yaml"))


def test_ci_budget_is_fixed_and_deterministic() -> None:
    chosen = os.environ.get("HYPOTHESIS_PROFILE", "ci")
    current = settings.default
    if chosen == "ci":
        assert (current.max_examples, current.derandomize, current.database) == (150, True, None)
    else:
        assert current == settings.get_profile(chosen)
