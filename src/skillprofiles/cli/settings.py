"""The command line's settings as one Config: the configuration file found, then the flags on top."""

from __future__ import annotations

import argparse
import dataclasses
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from skillprofiles.cli.errors import UsageError
from skillprofiles.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:  # imported where used: `skillprofiles --version` and --help read no YAML
    from skillprofiles.source.reader import Limits
    from skillprofiles.tuning.config import Config


def _limits(args: argparse.Namespace, base: Limits) -> Limits:
    """The configured limits with the flags on top (a flag only ever loosens what it names)."""
    from skillprofiles.source.reader import MAX_DEPTH_CEILING

    changes: dict[str, Any] = {}
    if getattr(args, "allow_aliases", False):
        changes["allow_aliases"] = True
    if getattr(args, "follow_links", False):
        changes["follow_links"] = True
    if getattr(args, "max_file_size", None):
        changes["max_bytes"] = args.max_file_size
    if getattr(args, "max_depth", None):
        changes["max_depth"] = min(args.max_depth, MAX_DEPTH_CEILING)
    return dataclasses.replace(base, **changes)


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def base_config(args: argparse.Namespace) -> Config:
    """The configuration file's settings (``--config``, else the nearest one), or the defaults; found
    and read once per command (``validate`` asks for the baseline it names before the pipeline)."""
    cached: Config | None = getattr(args, "_base_config", None)
    if cached is None:
        from skillprofiles.cli.startup import start_up

        with start_up():  # the first thing a command reads: YAML and configuration modules are imported
            cached = args._base_config = _read_base_config(args)
    return cached


def _read_base_config(args: argparse.Namespace) -> Config:
    from skillprofiles.tuning.config import Config, find_config

    if getattr(args, "no_config", False):
        return Config()
    path = getattr(args, "config", None) or find_config()
    if path is None:
        return Config()
    # the file models (pydantic) are imported only when there is a file to read
    from skillprofiles.tuning.files import ConfigError, load_config

    try:
        return load_config(path)
    except ConfigError as exc:
        raise UsageError([located(d) for d in exc.diagnostics]) from None


def build_config(args: argparse.Namespace, base: Config | None = None) -> Config:
    """The run configuration: the file's settings with the flags on top."""
    config = base if base is not None else base_config(args)
    select, ignore = _split(getattr(args, "select", [])), _split(getattr(args, "ignore", []))
    severities, off = _severity_flags(getattr(args, "severity", []))
    _check_selectors([*select, *ignore, *severities, *off])
    if select:  # a selection on the command line starts afresh, as in ruff: the file's ignores go too
        config = replace(config, select=select, ignore=(*ignore, *off))
    else:
        config = replace(config, ignore=(*config.ignore, *ignore, *off))
    config = replace(config, severities={**config.severities, **severities})
    fail_on = getattr(args, "fail_on", None)
    if fail_on is not None:
        config = replace(config, fail_on=None if fail_on == "never" else Severity.parse(fail_on))
    if getattr(args, "catalogue", None):
        config = replace(config, catalogue_path=args.catalogue)
    if getattr(args, "ecf_version", None):
        config = replace(config, default_ecf_version=args.ecf_version)
    return replace(config, limits=_limits(args, config.limits))


def _severity_flags(values: list[str]) -> tuple[dict[str, Severity], tuple[str, ...]]:
    from skillprofiles.tuning.config import parse_level, split_levels

    levels: dict[str, Severity | None] = {}
    for item in _split(values):
        selector, equals, level = item.partition("=")
        if not equals or not selector.strip():
            raise UsageError([f"--severity {item!r}: write RULE=LEVEL, e.g. SP104=warning"])
        try:
            levels[selector.strip()] = parse_level(level)
        except ValueError as exc:
            raise UsageError([f"--severity {item!r}: {exc}"]) from None
    return split_levels(levels)


def _check_selectors(selectors: list[str]) -> None:
    from skillprofiles.tuning.config import unknown_selector

    problems = [message for message in map(unknown_selector, selectors) if message]
    if problems:
        raise UsageError(problems)


def located(d: Diagnostic) -> str:
    """A finding as one line of an error message: file:line:col: CODE message."""
    return f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}"
