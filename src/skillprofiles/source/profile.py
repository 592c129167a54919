"""Plain YAML data plus source map to a typed profile; each pydantic error becomes its own diagnostic."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from skillprofiles.codes import structure as codes
from skillprofiles.codes.registry import Rule
from skillprofiles.diagnostics import Diagnostic, DiagnosticsError, DocPath
from skillprofiles.models import MODELS, NON_BLANK, AnyProfile, model_for
from skillprofiles.source.reader import Parsed, SourceMap
from skillprofiles.textsafe import printable

_TYPE_NAMES = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date (YYYY-MM-DD)",
}
_YAML_READINGS = {bool: "the boolean", int: "the integer", float: "the number", type(None): "null"}


class ProfileError(DiagnosticsError):
    """A profile file could not be loaded; ``diagnostics`` says why, each with its position."""

    kind = "profile"


def build_models() -> None:
    """Build every profile model's validator now (they are built on first use otherwise).

    Before workers are forked, so that the workers inherit the validators instead of each
    building the same ones again.
    """
    for model in MODELS.values():
        model.model_rebuild()


def build(parsed: Parsed) -> tuple[AnyProfile | None, list[Diagnostic]]:
    """Validate parsed data against the model its template names."""
    if parsed.data is None:
        return None, []
    model = model_for(parsed.data)
    if model is None:
        return None, [_template_problem(parsed)]
    try:
        return model.model_validate(parsed.data), []
    except ValidationError as exc:
        return None, list(_convert(exc.errors(include_url=False), model, parsed))


def _template_problem(parsed: Parsed) -> Diagnostic:
    value = parsed.data.get("template")
    known = ", ".join(MODELS)
    if value is None:
        return _diag(
            codes.TEMPLATE, parsed, (), "profile does not declare its template", f"add 'template:' ({known})"
        )
    import difflib  # only a profile with a mistake gets a suggestion

    close = difflib.get_close_matches(str(value), list(MODELS), n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"use one of: {known}"
    return _diag(codes.TEMPLATE, parsed, ("template",), f"unknown template {_shown(value)}", hint)


def _diag(
    entry: Rule,
    parsed: Parsed,
    path: DocPath,
    message: str,
    hint: str | None = None,
    key: bool = False,
    replacement: str | None = None,
) -> Diagnostic:
    span = parsed.source.span(path, key=key)
    return entry.diagnostic(message, parsed.file, span, hint, path, replacement)


def model_diagnostics(exc: ValidationError, model: type[BaseModel], parsed: Parsed) -> list[Diagnostic]:
    """Each error of a pydantic validation as its own diagnostic at its line:col, for any model."""
    return list(_convert(exc.errors(include_url=False), model, parsed))


def _convert(errors: Iterable[ErrorDetails], model: type[BaseModel], parsed: Parsed) -> Iterable[Diagnostic]:
    located = [(error, tuple(p for p in error["loc"] if p != "[key]")) for error in errors]
    misspelt = _misspelt(located, model)
    for error, path in located:
        if error["type"] == "missing" and path in misspelt:
            continue  # one mistake, one finding: the misspelt key (SP102) says what it should be
        is_key = bool(error["loc"]) and error["loc"][-1] == "[key]"
        yield _one(error, path, is_key, model, parsed)


def _misspelt(located: list[tuple[ErrorDetails, DocPath]], model: type[BaseModel]) -> set[DocPath]:
    """Paths of missing fields that are present under a misspelt key beside them."""
    unknown: dict[DocPath, list[str]] = {}
    for error, path in located:
        if error["type"] == "extra_forbidden" and path:
            unknown.setdefault(path[:-1], []).append(str(path[-1]))
    found: set[DocPath] = set()
    import difflib  # only a profile with a mistake gets a suggestion

    for error, path in located:
        if error["type"] != "missing" or not path or path[:-1] not in unknown:
            continue
        allowed = _fields_at(model, path[:-1])
        for key in unknown[path[:-1]]:
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            if close and close[0] == path[-1]:
                found.add(path)
    return found


def _one(
    error: ErrorDetails, path: DocPath, is_key: bool, model: type[BaseModel], parsed: Parsed
) -> Diagnostic:
    kind = error["type"]
    name = _name(path)
    if kind == "missing":
        return _missing(path, model, parsed)
    if kind == "extra_forbidden":
        return _unknown_key(path, model, parsed)
    if kind == "too_short" or (kind == "string_pattern_mismatch" and error["ctx"]["pattern"] == NON_BLANK):
        return _diag(codes.EMPTY_SECTION, parsed, path, f"'{name}' is empty", _empty_hint(path))
    if kind == "duplicate_level":
        message = printable(error["msg"].capitalize())
        return _diag(codes.DUPLICATE_LEVEL, parsed, path, message, "list each level once")
    if kind in _TYPE_NAMES:
        return _wrong_type(error, path, parsed)
    if kind == "string_pattern_mismatch":
        return _pattern(error, path, parsed)
    if kind == "enum" and "e-1" in str(error.get("ctx", {}).get("expected", "")):
        from skillprofiles.source import spelling  # its patterns only for a profile with a bad value

        message = f"{_shown(error['input'])} is not a proficiency level"
        meant = spelling.level(error["input"])
        hint = f"write {meant}" if meant else "use e-1, e-2, e-3, e-4 or e-5"
        return _diag(codes.INVALID_VALUE, parsed, path, message, hint, key=is_key, replacement=meant)
    return _diag(codes.INVALID_VALUE, parsed, path, f"'{name}': {printable(error['msg'])}", key=is_key)


def _name(path: DocPath) -> str:
    # keys are user text: escaped so that a message stays one plain line whatever the profile holds
    name = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")
    return printable(name) or "profile"


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return printable(text if len(text) <= 60 else text[:57] + "...'")


def _missing(path: DocPath, model: type[BaseModel], parsed: Parsed) -> Diagnostic:
    field = path[-1]
    where = f" in '{_name(path[:-1])}'" if len(path) > 1 else ""
    description = _description(model, path)
    hint = f"add '{field}:'" + (f" ({description})" if description else "")
    return _diag(codes.MISSING, parsed, path[:-1], f"required section '{field}' is missing{where}", hint)


def _unknown_key(path: DocPath, model: type[BaseModel], parsed: Parsed) -> Diagnostic:
    allowed = _fields_at(model, path[:-1])
    import difflib

    close = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
    hint = (
        f"did you mean '{close[0]}'?"
        if close
        else ("allowed here: " + ", ".join(allowed) if allowed else None)
    )
    return _diag(codes.UNKNOWN_KEY, parsed, path, f"unknown key {_shown(path[-1])}", hint, key=True)


def _wrong_type(error: ErrorDetails, path: DocPath, parsed: Parsed) -> Diagnostic:
    expected = _TYPE_NAMES[error["type"]]
    value = error["input"]
    raw = parsed.source.raw.get(path)
    if raw is not None and expected == "text":
        reading = _YAML_READINGS.get(type(value), "a value of another type")
        message = f"{_shown(raw)} is read by YAML as {reading} {value!r}, not as the text {_shown(raw)}"
        quoted = _quoted(raw)
        return _diag(codes.IMPLICIT_TYPE, parsed, path, message, f"quote it: {quoted}", replacement=quoted)
    found = _kind(value)
    return _diag(codes.WRONG_TYPE, parsed, path, f"'{_name(path)}' should be {expected}, not {found}")


def _kind(value: Any) -> str:
    names = {
        dict: "a mapping",
        list: "a list",
        str: "text",
        bool: "a boolean",
        int: "a number",
        float: "a number",
    }
    return "null (empty)" if value is None else names.get(type(value), type(value).__name__)


def _pattern(error: ErrorDetails, path: DocPath, parsed: Parsed) -> Diagnostic:
    value = error["input"]
    field = path[-1] if path else ""
    if field == "code" and len(path) == 1:
        hint = "profile codes have the form WSP-G3-NNN, e.g. WSP-G3-003"
        return _diag(codes.PROFILE_CODE, parsed, path, f"{_shown(value)} is not a WSP-G3 code", hint)
    from skillprofiles.source import spelling  # its patterns only for a profile with a bad value

    meant = spelling.competence_code(value) if field == "code" else None
    hints = {
        "code": "e-CF codes are an area letter A-E, a dot and a number, e.g. B.1 or D.10"
        + (f"; did you mean '{meant}'?" if meant else ""),
        "ecf_version": "write the version quoted, e.g. '2.0' or '4.0'",
    }
    if "knowledge_skills" in path and field == "code":
        hints["code"] = "knowledge/skill codes are letters then digits, e.g. B11 or T05"
        meant = None
    message = f"{_shown(value)} is not a valid '{field}'"
    return _diag(codes.INVALID_VALUE, parsed, path, message, hints.get(str(field)), replacement=meant)


def _quoted(raw: str) -> str:
    """A plain scalar as a single-quoted YAML string with the same text."""
    return "'" + raw.replace("'", "''") + "'"


def _empty_hint(path: DocPath) -> str:
    return (
        "Appendix B requires this section to have content"
        if len(path) <= 2
        else "write the text or remove the key"
    )


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes and containers an annotation can hold, Optional/Annotated removed."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _step(annotation: Any, part: str | int) -> Any:
    for option in _unwrap(annotation):
        origin = typing.get_origin(option)
        if origin is list and isinstance(part, int):
            return typing.get_args(option)[0]
        if origin is dict:
            return typing.get_args(option)[1]
        if isinstance(option, type) and issubclass(option, BaseModel) and isinstance(part, str):
            for name, info in option.model_fields.items():
                if part in (name, info.alias):
                    return info.annotation
    return None


def _model_at(model: type[BaseModel], path: DocPath) -> type[BaseModel] | None:
    annotation: Any = model
    for part in path:
        annotation = _step(annotation, part)
        if annotation is None:
            return None
    for option in _unwrap(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            return option
    return None


def _fields_at(model: type[BaseModel], path: DocPath) -> list[str]:
    found = _model_at(model, path)
    if found is None:
        return []
    return [info.alias or name for name, info in found.model_fields.items()]


def _description(model: type[BaseModel], path: DocPath) -> str | None:
    parent = _model_at(model, path[:-1])
    if parent is None:
        return None
    for name, info in parent.model_fields.items():
        if path[-1] in (name, info.alias):
            return info.description
    return None


__all__ = ["ProfileError", "SourceMap", "build", "model_diagnostics"]
