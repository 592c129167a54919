"""Configuration files: find, read and validate ``.skillprofiles.yaml`` or ``[tool.skillprofiles]``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PositiveInt, ValidationError, field_validator
from pydantic_core import ErrorDetails

from skillprofiles.codes import meta
from skillprofiles.diagnostics import Diagnostic, DocPath, Severity, Span
from skillprofiles.source.reader import (
    MAX_BYTES_CEILING,
    MAX_DEPTH_CEILING,
    Limits,
    SourceMap,
    UnreadableError,
    parse_text,
    read_bounded,
)
from skillprofiles.tuning.config import (
    MAX_CONFIG_BYTES,
    PYPROJECT,
    Config,
    parse_level,
    split_levels,
    toml_loads,
    tool_table,
    unknown_selector,
)
from skillprofiles.tuning.config import find_config as find_config  # found without this module

if TYPE_CHECKING:
    from skillprofiles.tuning.paths import PathOverride

Level = Literal["error", "warning", "info", "off"]


class ConfigError(Exception):
    """A configuration file cannot be used; ``diagnostics`` (SP910 and reader codes) say where and why."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
        super().__init__("; ".join(d.message for d in self.diagnostics))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    @field_validator("severity", mode="before", check_fields=False)
    @classmethod
    def _off(cls, value: Any) -> Any:
        # YAML 1.1 reads an unquoted `off` as false; nobody means "false" as a severity
        if isinstance(value, dict):
            return {k: "off" if v is False else v for k, v in value.items()}
        return value


class PerPathModel(_Strict):
    """One ``per_path`` entry: globs relative to the configuration file, and what changes there."""

    paths: list[str] = Field(min_length=1)
    ignore: list[str] = []
    severity: dict[str, Level] = {}

    @field_validator("paths")
    @classmethod
    def _globs(cls, value: list[str]) -> list[str]:
        from skillprofiles.tuning.paths import glob_problem  # only a file with per_path entries

        for pattern in value:
            problem = glob_problem(pattern)
            if problem:
                raise ValueError(problem)
        return value


class ConfigFile(_Strict):
    """The keys of a configuration file (``.skillprofiles.yaml`` or ``[tool.skillprofiles]``)."""

    select: list[str] | None = None
    ignore: list[str] = []
    severity: dict[str, Level] = {}
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    default_ecf_version: str | None = None
    catalogue: str | None = None
    baseline: str | None = None
    per_path: list[PerPathModel] = []
    max_file_size: PositiveInt | None = Field(default=None, le=MAX_BYTES_CEILING)
    max_depth: PositiveInt | None = Field(default=None, le=MAX_DEPTH_CEILING)
    allow_aliases: bool | None = None
    max_findings_per_code: int | None = Field(default=None, ge=0, le=1_000_000)

    @field_validator("catalogue", "baseline")
    @classmethod
    def _file_name(cls, value: str | None) -> str | None:
        if value is not None and ("\x00" in value or not value.strip()):
            raise ValueError("a file name cannot be empty or hold a NUL byte")
        return value


KEYS = tuple(ConfigFile.model_fields)


def load_config(path: Path) -> Config:
    """The run configuration a file describes; raises ConfigError with every mistake found."""
    display = str(path)
    try:
        text = read_bounded(path, MAX_CONFIG_BYTES).decode("utf-8")
    except (UnreadableError, UnicodeDecodeError) as exc:
        raise ConfigError(
            [_diagnostic(display, f"cannot read configuration: {exc}", Span.point(1, 1))]
        ) from None
    if path.name == PYPROJECT or path.suffix == ".toml":
        data, locate = _read_toml(text, display)
    else:
        data, locate = _read_yaml(text, display)
    root = path.resolve().parent
    return _to_config(_validate(data, display, locate, root), root, display)


# -- reading ---------------------------------------------------------------------------------------
Locator = Callable[[DocPath, bool], Span]  # where a key path (or its key, when True) is written


def _read_yaml(text: str, display: str) -> tuple[Any, Locator]:
    parsed = parse_text(text, display)
    problems = [d for d in parsed.diagnostics if d.code != "SP016"]  # an empty file configures nothing
    if problems:
        raise ConfigError(problems)
    source: SourceMap = parsed.source
    return (parsed.data or {}), lambda path, key: source.span(path, key=key)


def _read_toml(text: str, display: str) -> tuple[Any, Locator]:
    try:
        document = toml_loads(text)
    except ValueError as exc:
        message, span = _toml_error(exc)
        raise ConfigError([_diagnostic(display, f"invalid TOML: {message}", span)]) from None
    table = tool_table(document)
    if table is None:
        span = Span.point(1, 1)
        raise ConfigError([_diagnostic(display, "no [tool.skillprofiles] table in this file", span)])
    lines = text.splitlines()
    return table, lambda path, key: _toml_span(lines, path)


def _toml_error(exc: ValueError) -> tuple[str, Span]:
    text = str(exc)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)", text)
    if found is None:
        return text, Span.point(1, 1)
    return text[: found.start()], Span.point(int(found[1]), int(found[2]))


def _toml_span(lines: list[str], path: DocPath) -> Span:
    """The line of the top-level key a path starts with, inside [tool.skillprofiles] (TOML keeps no
    positions, so deeper keys are located at their top-level key; the message names the full path)."""
    header = re.compile(r"\s*\[\[?\s*tool\.skillprofiles\s*(?:\.\s*(?P<sub>[\w-]+))?[^\]]*\]")
    key = str(path[0]) if path else ""
    assign = re.compile(rf"\s*(?:tool\.skillprofiles\.)?{re.escape(key)}\s*[=.]") if key else None
    inside, table_line = False, None
    for number, line in enumerate(lines, 1):
        match = header.match(line)
        if match:
            inside = match["sub"] is None
            table_line = table_line or number
            if match["sub"] == key:
                return Span.point(number, line.index(key) + 1)
        elif line.lstrip().startswith("["):
            inside = False
        elif inside and assign is not None and assign.match(line):
            return Span.point(number, len(line) - len(line.lstrip()) + 1)
    return Span.point(table_line or 1, 1)


# -- validating ------------------------------------------------------------------------------------
def _validate(data: Any, display: str, locate: Locator, root: Path) -> ConfigFile:
    if not isinstance(data, dict):
        message = "the configuration must be a mapping of keys"
        raise ConfigError([_diagnostic(display, message, locate((), False))])
    problems = [
        _diagnostic(display, message, locate(path, key)) for path, key, message in _bad_selectors(data)
    ]
    catalogue = data.get("catalogue")
    if isinstance(catalogue, str) and "\x00" not in catalogue and not (root / catalogue).is_file():
        message = f"catalogue: no such file {catalogue!r} (relative to the configuration file)"
        problems.append(_diagnostic(display, message, locate(("catalogue",), False)))
    try:
        model = ConfigFile.model_validate(data)
    except ValidationError as exc:
        problems += [_from_pydantic(error, display, locate) for error in exc.errors()]
    if problems:
        raise ConfigError(problems)
    return model


def _from_pydantic(error: ErrorDetails, display: str, locate: Locator) -> Diagnostic:
    path = tuple(error["loc"])
    dotted = ".".join(str(p) for p in path)
    if error["type"] == "extra_forbidden":
        known = KEYS if len(path) == 1 else tuple(PerPathModel.model_fields)
        import difflib  # only a file with a mistake gets a suggestion

        close = difflib.get_close_matches(str(path[-1]), known, n=1)
        suggestion = f" (did you mean {close[0]!r}?)" if close else f"; known keys: {', '.join(known)}"
        return _diagnostic(display, f"unknown key {dotted!r}{suggestion}", locate(path, True))
    if error["type"] == "literal_error" and _is_level(path):
        message = f"{dotted}: {error['input']!r} is not a severity; use error, warning, info or off"
        return _diagnostic(display, message, locate(path, False))
    return _diagnostic(display, f"{dotted}: {error['msg']}", locate(path, False))


def _is_level(path: DocPath) -> bool:
    return len(path) >= 2 and path[-2] == "severity"


def _bad_selectors(data: dict[str, Any]) -> Iterator[tuple[DocPath, bool, str]]:
    """(where, at the key?, message) for every selector that names no rule; other mistakes in the
    same places are left to the model, so both kinds are reported in one run."""
    yield from _in_list(data, ())
    entries = data.get("per_path")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict):
            yield from _in_list(entry, ("per_path", index), keys=("ignore",))


def _in_list(
    table: dict[str, Any], base: DocPath, keys: tuple[str, ...] = ("select", "ignore")
) -> Iterator[tuple[DocPath, bool, str]]:
    for key in keys:
        values = table.get(key)
        for index, selector in enumerate(values if isinstance(values, list) else []):
            if isinstance(selector, str):
                yield from _check((*base, key, index), False, selector)
    levels = table.get("severity")
    for selector in levels if isinstance(levels, dict) else {}:
        if isinstance(selector, str):
            yield from _check((*base, "severity", selector), True, selector)


def _check(path: DocPath, key: bool, selector: str) -> Iterator[tuple[DocPath, bool, str]]:
    message = unknown_selector(selector)
    if message:
        yield path, key, f"{'.'.join(str(p) for p in path)}: {message}"


def _diagnostic(display: str, message: str, span: Span) -> Diagnostic:
    entry = meta.INVALID_CONFIGURATION
    hint = "see docs/configuration.md for every key"
    return entry.diagnostic(message, display, span, hint)


# -- building --------------------------------------------------------------------------------------
def _to_config(model: ConfigFile, root: Path, display: str) -> Config:
    severities, off = _levels(model.severity)
    config = Config(
        select=tuple(model.select or ()),
        ignore=(*model.ignore, *off),
        severities=severities,
        default_ecf_version=model.default_ecf_version,
        catalogue_path=str(root / model.catalogue) if model.catalogue else None,
        baseline_path=str(root / model.baseline) if model.baseline else None,
        per_path=tuple(_override(entry, root) for entry in model.per_path),
        source=display,
    )
    if model.max_findings_per_code is not None:
        config = replace(config, max_findings_per_code=model.max_findings_per_code)
    if model.fail_on is not None:
        config = replace(config, fail_on=None if model.fail_on == "never" else Severity.parse(model.fail_on))
    return replace(config, limits=_limits(model, config))


def _levels(levels: dict[str, Level]) -> tuple[dict[str, Severity], tuple[str, ...]]:
    return split_levels({selector: parse_level(level) for selector, level in levels.items()})


def _override(entry: PerPathModel, root: Path) -> PathOverride:
    from skillprofiles.tuning.paths import PathOverride  # only a file with per_path entries

    severities, off = _levels(entry.severity)
    return PathOverride(tuple(entry.paths), str(root), (*entry.ignore, *off), severities)


def _limits(model: ConfigFile, config: Config) -> Limits:
    changes: dict[str, Any] = {}
    if model.max_file_size is not None:
        changes["max_bytes"] = model.max_file_size
    if model.max_depth is not None:
        changes["max_depth"] = model.max_depth
    if model.allow_aliases is not None:
        changes["allow_aliases"] = model.allow_aliases
    return replace(config.limits, **changes)
