"""The committed schemas are what the models generate, and carry what an editor needs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from skillprofiles import schemas
from skillprofiles.cli import main
from tests.conftest import ROOT
from tests.minimal import WSP

SCHEMAS_DIR = ROOT / "schemas"
PROFILE = json.loads((SCHEMAS_DIR / "profile.schema.json").read_text(encoding="utf-8"))


def test_committed_schemas_match_the_models() -> None:
    stale = schemas.stale(SCHEMAS_DIR)
    assert stale == [], (
        f"schemas/ differs from the models for {stale}; "
        "regenerate with: skillprofiles schema --write schemas/"
    )


def test_stale_names_a_schema_that_differs(tmp_path: Path) -> None:
    schemas.write_all(tmp_path)
    assert schemas.stale(tmp_path) == []
    (tmp_path / "profile.schema.json").write_text("{}\n", encoding="utf-8")
    assert schemas.stale(tmp_path) == ["profile"]


def test_every_schema_is_valid_draft_2020_12_with_a_stable_id() -> None:
    for name in schemas.SCHEMAS:
        schema = schemas.build(name)
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == f"https://skillprofiles.dev/schemas/{name}.schema.json"
        assert schema["title"]
        assert schema["description"]


def test_template_selects_the_definition_that_applies() -> None:
    assert PROFILE["required"] == ["template"]
    assert PROFILE["properties"]["template"]["enum"] == ["ict-role-profile", "wsp-g3"]
    assert PROFILE["allOf"] == [
        {
            "if": {"properties": {"template": {"const": template}}, "required": ["template"]},
            "then": {"$ref": f"#/$defs/{name}"},
        }
        for template, name in (("ict-role-profile", "RoleProfile"), ("wsp-g3", "WSPG3Profile"))
    ]
    for name, template in (("WSPG3Profile", "wsp-g3"), ("RoleProfile", "ict-role-profile")):
        definition = PROFILE["$defs"][name]
        assert definition["properties"]["template"]["const"] == template
        assert "template" in definition["required"]


def test_errors_are_reported_against_the_named_template_only() -> None:
    validator = Draft202012Validator(PROFILE, format_checker=Draft202012Validator.FORMAT_CHECKER)
    doc = {**yaml.safe_load(WSP), "kpis": ["x"]}
    errors = [(list(e.absolute_path), e.message) for e in validator.iter_errors(doc)]
    assert errors == [([], "Additional properties are not allowed ('kpis' was unexpected)")]


def _objects(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    # a definition only ever used nullable (Source) leaves `type` to its references ("object", "null")
    for name, definition in schema["$defs"].items():
        if definition.get("type") == "object" or "properties" in definition:
            yield name, definition


def test_every_object_forbids_unknown_keys() -> None:
    objects = dict(_objects(PROFILE))
    assert len(objects) == 11
    assert {name for name, d in objects.items() if d.get("additionalProperties") is not False} == set()


def _properties() -> Iterator[tuple[str, dict[str, Any]]]:
    for name, definition in _objects(PROFILE):
        for key, prop in definition["properties"].items():
            yield f"{name}.{key}", prop


@pytest.mark.parametrize(("where", "prop"), list(_properties()), ids=[w for w, _ in _properties()])
def test_every_property_has_a_title_a_description_and_valid_examples(
    where: str, prop: dict[str, Any]
) -> None:
    assert prop.get("title"), where
    assert prop.get("description"), where
    assert prop.get("examples"), where
    # an example the property's own schema rejects would teach a mistake in the editor's hover
    checked = {**prop, "$defs": PROFILE["$defs"]}
    validator = Draft202012Validator(checked, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for sample in prop["examples"]:
        assert list(validator.iter_errors(sample)) == [], (where, sample)


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    for child in children:
        yield from _nodes(child)


def test_no_ref_has_siblings_that_draft_07_readers_would_drop() -> None:
    refs = [node for node in _nodes(PROFILE) if isinstance(node, dict) and "$ref" in node]
    assert len(refs) == 15
    assert [node for node in refs if len(node) > 1] == []
    wrapped = PROFILE["$defs"]["WSPG3Profile"]["properties"]["documentation_produced"]
    assert wrapped["allOf"] == [{"$ref": "#/$defs/Deliverables"}]
    assert wrapped["title"] == "Documentation produced"


def test_level_text_keys_must_be_levels() -> None:
    level_texts = PROFILE["$defs"]["CompetenceAssignment"]["properties"]["level_texts"]
    assert level_texts["propertyNames"] == {"$ref": "#/$defs/Level"}
    assert PROFILE["$defs"]["Level"]["enum"] == ["e-1", "e-2", "e-3", "e-4", "e-5"]


def test_cli_prints_the_profile_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "profile"]) == 0
    assert json.loads(capsys.readouterr().out) == PROFILE


def test_cli_rejects_an_unknown_schema_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "profiles"]) == 2
    assert capsys.readouterr().err == (
        "skillprofiles: error: no schema named 'profiles' (known: profile, catalogue, report, assessment)\n"
    )


def test_cli_writes_and_checks_every_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--write", str(tmp_path)]) == 0
    names = ["profile", "catalogue", "report", "assessment"]
    expected = "".join(f"wrote {(tmp_path / f'{n}.schema.json').as_posix()}\n" for n in names)
    assert capsys.readouterr().out == expected
    assert main(["schema", "--check", str(tmp_path)]) == 0
    (tmp_path / "profile.schema.json").write_text("{}\n", encoding="utf-8")
    assert main(["schema", "--check", str(tmp_path)]) == 1
    assert "regenerate with: skillprofiles schema --write" in capsys.readouterr().err


def test_a_new_schema_is_one_registry_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def sources() -> dict[str, Any]:
        return schemas.model_schema("source", "skillprofiles.models:Source", "Source", "Where from.")

    monkeypatch.setitem(schemas.SCHEMAS, "source", sources)
    written_names = [p.name for p in schemas.write_all(tmp_path)]
    assert written_names[0] == "profile.schema.json"
    assert written_names[-1] == "source.schema.json"
    written = json.loads((tmp_path / "source.schema.json").read_text(encoding="utf-8"))
    assert written["$id"] == "https://skillprofiles.dev/schemas/source.schema.json"
    assert written["required"] == ["document"]


# --- what editors present ---------------------------------------------------------------------------


def _nullable_properties(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        f"{name}.{key}": prop
        for name, definition in schema["$defs"].items()
        for key, prop in definition.get("properties", {}).items()
        if isinstance(prop.get("type"), list) and "null" in prop["type"]
    }


def test_nullable_fields_are_type_arrays_not_any_of() -> None:
    assert [n for n in _nodes(PROFILE) if isinstance(n, dict) and "anyOf" in n] == []
    nullable = _nullable_properties(PROFILE)
    # 11 optional fields; the four of the common base appear under both templates
    assert sorted(nullable) == [
        "CompetenceAssignment.description",
        "LanguageRequirement.min_level",
        "RoleProfile.$schema",
        "RoleProfile.code",
        "RoleProfile.ecf_version",
        "RoleProfile.occupation",
        "RoleProfile.source",
        "Source.date",
        "Source.licence",
        "Source.url",
        "Source.version",
        "WSPG3Profile.$schema",
        "WSPG3Profile.ecf_version",
        "WSPG3Profile.occupation",
        "WSPG3Profile.source",
    ]
    assert nullable["WSPG3Profile.ecf_version"]["type"] == ["string", "null"]
    assert nullable["WSPG3Profile.source"]["type"] == ["object", "null"]
    assert nullable["WSPG3Profile.source"]["allOf"] == [{"$ref": "#/$defs/Source"}]
    # a null default breaks yaml-language-server's completion (tests/test_consumers_yamlls.py)
    assert [name for name, prop in nullable.items() if "default" in prop] == []
    # 'object' alone would reject null through the reference; Ajv's strict mode wants a type there
    assert PROFILE["$defs"]["Source"]["type"] == ["object", "null"]


@pytest.mark.parametrize("value", [None, "2.0", "17.3"])
def test_a_nullable_field_accepts_null_and_its_form(value: object) -> None:
    validator = Draft202012Validator(PROFILE, format_checker=Draft202012Validator.FORMAT_CHECKER)
    doc = {**yaml.safe_load(WSP), "ecf_version": value, "source": None}
    assert list(validator.iter_errors(doc)) == []
    doc = {**yaml.safe_load(WSP), "source": {"document": "x", "date": None, "version": None}}
    assert list(validator.iter_errors(doc)) == []
    for wrong in ({"source": {"document": "x", "date": 20130214}}, {"ecf_version": "2"}, {"source": []}):
        assert list(validator.iter_errors({**yaml.safe_load(WSP), **wrong})) != [], wrong


def test_a_model_both_nullable_and_not_cannot_lose_its_type() -> None:
    mixed = {
        "properties": {"a": {"anyOf": [{"$ref": "#/$defs/D"}, {"type": "null"}]}, "b": {"$ref": "#/$defs/D"}},
        "$defs": {"D": {"type": "object"}},
    }
    with pytest.raises(ValueError, match="both nullable and not"):
        schemas.nullable_as_type_arrays(mixed)


def test_definitions_have_titles_for_people() -> None:
    titles = {name: definition["title"] for name, definition in PROFILE["$defs"].items()}
    assert titles["WSPG3Profile"] == "WSP-G3 profile sheet"
    assert titles["RoleProfile"] == "European ICT role profile"
    assert titles["CompetenceAssignment"] == "Competence assignment"
    assert titles["Level"] == "Proficiency level"
    # no class name shows through: every title is words, not CamelCase
    assert [t for t in titles.values() if " " not in t and t != t.capitalize()] == []
    assert [name for name, title in titles.items() if title == name] == []


def test_ecf_version_offers_every_packaged_version_and_accepts_any_of_the_form() -> None:
    from skillprofiles.catalogue import default_catalogue

    versions = list(default_catalogue().versions)
    assert versions == ["1.0", "2.0", "3.0", "4.0"]
    for template in ("WSPG3Profile", "RoleProfile"):
        assert PROFILE["$defs"][template]["properties"]["ecf_version"]["examples"] == versions
    assert "enum" not in PROFILE["$defs"]["WSPG3Profile"]["properties"]["ecf_version"]


def test_the_catalogue_is_read_only_when_a_schema_is_generated() -> None:
    import subprocess
    import sys

    script = "import sys, skillprofiles.models; print('skillprofiles.catalogue' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
