"""The published JSON Schemas: a registry of name → builder, each generated from a pydantic model."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_URL = "https://skillprofiles.dev/schemas/"

Schema = dict[str, Any]


def schema_id(name: str) -> str:
    """The stable ``$id`` of a published schema."""
    return f"{BASE_URL}{filename(name)}"


def filename(name: str) -> str:
    """The file a schema is published as, in ``schemas/``."""
    return f"{name}.schema.json"


def model_schema(name: str, target: str, title: str, description: str) -> Schema:
    """The Draft 2020-12 schema of a pydantic model or type named ``module:attribute``, with its header.

    The model is imported only here, so that the registry costs nothing until a schema is asked for.
    """
    from pydantic import TypeAdapter

    module, _, attribute = target.partition(":")
    model = getattr(importlib.import_module(module), attribute)
    body = TypeAdapter(model).json_schema(by_alias=True, mode="validation")
    body.pop("title", None)
    body.pop("description", None)
    header = {"$schema": DRAFT, "$id": schema_id(name), "title": title, "description": description}
    return {**header, **for_editors(body)}


def for_editors(schema: Schema) -> Schema:
    """A generated schema as editors present it well: nullable fields as type arrays, no null
    defaults, titles kept on references (each step below says why); the meaning is unchanged."""
    return _titled(nullable_as_type_arrays(_wrap_refs(schema)))


def _titled(schema: Schema) -> Schema:
    """Give a model-typed property the model's title where pydantic left it out.

    pydantic drops a field's ``title`` when it equals the title of the model it refers to; editors
    that read the property alone (hover in draft-07 readers) would then show no title at all.
    """
    definitions = schema.get("$defs", {})
    for definition in definitions.values():
        for prop in definition.get("properties", {}).values():
            refs = [item.get("$ref", "") for item in prop.get("allOf", [])]
            if "title" not in prop and len(refs) == 1 and refs[0].startswith("#/$defs/"):
                title = definitions.get(refs[0].removeprefix("#/$defs/"), {}).get("title")
                if title:
                    prop["title"] = title
    return schema


NULL = {"type": "null"}


def nullable_as_type_arrays(schema: Schema) -> Schema:
    """pydantic's ``anyOf: [T, {"type": "null"}]`` as ``type: [T's type, "null"]``, everywhere.

    Editors show each ``anyOf`` branch (the YAML language server hovers "e-CF version || e-CF version"
    and completes ``null`` as a value); a type array is one schema. The meaning is the same: the
    keywords beside ``type`` (``pattern``, ``minLength``, ``format``, ``properties``, ...) constrain
    only values of their own type, so they never reject ``null``. A nullable model
    (``anyOf: [{"$ref": D}, null]``) becomes ``type: ["object", "null"]`` with ``allOf: [{"$ref": D}]``,
    and the definition D's own ``type: object`` (which would reject ``null``) becomes
    ``["object", "null"]`` too: every reference to D must then be nullable, or this raises ValueError.
    D keeps a ``type`` beside its ``properties``, which Ajv's strict mode requires (it allows a type
    array with ``null``).

    pydantic's ``default: null`` of such a field is left out: it is an annotation only, and
    yaml-language-server (1.25) fails on a null default of a string when it builds the snippet of an
    object, losing every key completion after that property.
    """
    nullable_refs: list[str] = []

    def rewrite(node: Any) -> Any:
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {key: rewrite(value) for key, value in node.items()}
        branches = node.get("anyOf")
        if not (isinstance(branches, list) and len(branches) == 2 and NULL in branches):
            return node
        (other,) = [branch for branch in branches if branch != NULL]
        rest = {key: value for key, value in node.items() if key != "anyOf"}
        if "default" in rest and rest["default"] is None:
            del rest["default"]
        if set(other) == {"$ref"}:
            nullable_refs.append(other["$ref"])
            return {"type": ["object", "null"], "allOf": [other], **rest}
        if isinstance(other.get("type"), str) and "$ref" not in other and not set(other) & set(rest):
            constraints = {key: value for key, value in other.items() if key != "type"}
            return {"type": [other["type"], "null"], **constraints, **rest}
        return node

    result: Schema = rewrite(schema)
    definitions = result.get("$defs", {})
    for ref in sorted(set(nullable_refs)):
        name = ref.removeprefix("#/$defs/")
        everywhere = json.dumps(result).count(json.dumps({"$ref": ref})[1:-1])
        if everywhere != nullable_refs.count(ref) or definitions.get(name, {}).get("type") != "object":
            raise ValueError(f"{ref} is used both nullable and not: it cannot lose its 'type'")
        definitions[name]["type"] = ["object", "null"]
    return result


def _wrap_refs(node: Any) -> Any:
    """``{"$ref": R, "title": ...}`` as ``{"allOf": [{"$ref": R}], "title": ...}``, everywhere.

    The same meaning in 2020-12, but draft-07 readers ignore every keyword beside ``$ref``, and the
    YAML language server reads schemas as draft-07: the title, description and examples of a
    property that is a model would be lost from hover and completion.
    """
    if isinstance(node, list):
        return [_wrap_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    wrapped = {key: _wrap_refs(value) for key, value in node.items()}
    if "$ref" in wrapped and len(wrapped) > 1:
        ref = wrapped.pop("$ref")
        return {"allOf": [{"$ref": ref}], **wrapped}
    return wrapped


def profile_schema() -> Schema:
    """One schema for every profile, the ``template`` key selecting the template's definition."""
    schema = model_schema(
        "profile",
        "skillprofiles.models:Profile",
        "skillprofiles profile",
        "An e-CF competency profile in YAML: a WSP-G3 profile sheet (template: wsp-g3) or a European ICT "
        "role profile (template: ict-role-profile). The 'template' key selects the sections that apply.",
    )
    return _select_by_template(schema)


def _select_by_template(schema: Schema) -> Schema:
    """pydantic's ``oneOf`` + OpenAPI ``discriminator`` as ``if``/``then`` on ``template``.

    ``discriminator`` is no JSON Schema keyword: validators and editors ignore it and try every
    ``oneOf`` branch, so an error in a wsp-g3 sheet is also reported against the role template
    ("'template': 'wsp-g3' was expected"), and completion offers both templates' keys. With
    ``if``/``then`` only the named template's definition applies, to validation and completion alike.
    """
    mapping: dict[str, str] = schema.pop("discriminator")["mapping"]
    schema.pop("oneOf")
    definitions = schema.pop("$defs")
    template = {
        "title": "Template",
        "description": "The sheet layout, which decides the sections the profile has.",
        "enum": list(mapping),
        "examples": list(mapping),
    }
    branches = [
        {"if": {"properties": {"template": {"const": name}}, "required": ["template"]}, "then": {"$ref": ref}}
        for name, ref in mapping.items()
    ]
    selection = {"type": "object", "properties": {"template": template}, "required": ["template"]}
    return {**schema, **selection, "allOf": branches, "$defs": definitions}


def _imported(target: str) -> Callable[[], Schema]:
    """A builder that lives beside its model (``module:function``), imported only when called."""

    def builder() -> Schema:
        module, _, attribute = target.partition(":")
        return dict(getattr(importlib.import_module(module), attribute)())

    return builder


# One line per published schema: name → builder.
SCHEMAS: dict[str, Callable[[], Schema]] = {
    "profile": profile_schema,
    "catalogue": _imported("skillprofiles.catalogue.fileformat:json_schema"),
    "report": _imported("skillprofiles.render.report_model:report_schema"),
    "assessment": _imported("skillprofiles.hr.assessment:assessment_schema"),
}


def build(name: str) -> Schema:
    """The schema registered under ``name``; KeyError when there is none."""
    return SCHEMAS[name]()


def render(schema: Schema) -> str:
    """A schema as the committed file holds it: stable key order as generated, two-space indent."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_all(directory: Path) -> list[Path]:
    """Write every registered schema into ``directory``; return the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = directory / filename(name)
        path.write_text(render(build(name)), encoding="utf-8")
        written.append(path)
    return written


def stale(directory: Path) -> list[str]:
    """Names of the registered schemas whose file in ``directory`` is missing or differs from the models."""
    found = []
    for name in SCHEMAS:
        path = directory / filename(name)
        if not path.is_file() or path.read_text(encoding="utf-8") != render(build(name)):
            found.append(name)
    return found
