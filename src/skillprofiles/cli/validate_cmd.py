"""``skillprofiles validate``: check profile files and directories."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skillprofiles.cli import output
from skillprofiles.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:  # imported where used: `skillprofiles --version` and --help read no YAML
    from skillprofiles.config import Config
    from skillprofiles.yamlread import Limits

FAIL_ON = ("error", "warning", "info", "never")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A flag, a configuration file or a baseline cannot be used; the run exits with 2."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def register(sub: Any) -> None:
    """Add the ``validate`` subcommand."""
    parser = sub.add_parser("validate", help="validate profile files and directories")
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="profile files or directories (*.yaml, *.yml)"
    )
    output.add_arguments(parser)
    parser.add_argument(
        "--fail-on", choices=FAIL_ON, help="lowest severity that fails the run (default: error)"
    )
    parser.add_argument(
        "--select", action="append", default=[], metavar="RULE", help="only these rules (code, prefix, name)"
    )
    parser.add_argument("--ignore", action="append", default=[], metavar="RULE", help="skip these rules")
    parser.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="RULE=LEVEL",
        help="report RULE at LEVEL (error, warning, info or off)",
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="use this configuration file")
    parser.add_argument("--no-config", action="store_true", help="ignore configuration files")
    parser.add_argument(
        "--baseline", type=Path, metavar="FILE", help="hide the findings this baseline records"
    )
    parser.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="record the current findings in FILE and exit 0"
    )
    parser.add_argument("--no-hints", action="store_true", help="leave out fix hints")
    parser.add_argument("-o", "--output", type=Path, help="write the report to a file instead of stdout")
    _add_catalogue_flags(parser)
    _add_reader_limits(parser)
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="processes to check on (default 0: automatic, serial below 200 files, else one per CPU)",
    )
    parser.set_defaults(run=run)


def _jobs(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of processes (0: automatic), not {text!r}")
    return int(text)


def _add_catalogue_flags(parser: Any) -> None:
    # repository mode: pre-commit passes only the changed files; DIR gives the cross-profile context
    parser.add_argument(
        "--repository",
        metavar="DIR",
        help="read every profile under DIR for repository-wide checks; report findings only in PATHs",
    )
    parser.add_argument("--catalogue", metavar="FILE", help="a catalogue file that extends the packaged one")


def _add_reader_limits(parser: Any) -> None:
    """Flags for the reader's safety limits (docs/security.md); defaults come from ``Limits``."""
    limits = parser.add_argument_group("reader limits")
    limits.add_argument("--max-file-size", type=_positive, metavar="BYTES", help="largest file read")
    limits.add_argument(
        "--max-depth",
        type=_positive,
        metavar="N",
        help="deepest nesting accepted (the reader caps it: docs/security.md)",
    )
    limits.add_argument("--allow-aliases", action="store_true", help="accept anchors, aliases, merge keys")
    limits.add_argument(
        "--follow-links", action="store_true", help="follow symbolic links out of the directories given"
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def _limits(args: argparse.Namespace, base: Limits) -> Limits:
    """The configured limits with the flags on top (a flag only ever loosens what it names)."""
    from skillprofiles.yamlread import MAX_DEPTH_CEILING

    changes: dict[str, Any] = {}
    if args.allow_aliases:
        changes["allow_aliases"] = True
    if args.follow_links:
        changes["follow_links"] = True
    if args.max_file_size:
        changes["max_bytes"] = args.max_file_size
    if args.max_depth:
        changes["max_depth"] = min(args.max_depth, MAX_DEPTH_CEILING)
    return dataclasses.replace(base, **changes)


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def base_config(args: argparse.Namespace) -> Config:
    """The configuration file's settings (``--config``, else the nearest one), or the defaults."""
    from skillprofiles.config import Config
    from skillprofiles.configfile import ConfigError, find_config, load_config

    if args.no_config:
        return Config()
    path = args.config or find_config()
    if path is None:
        return Config()
    try:
        return load_config(path)
    except ConfigError as exc:
        raise UsageError([_located(d) for d in exc.diagnostics]) from None


def build_config(args: argparse.Namespace, base: Config | None = None) -> Config:
    """The run configuration: the file's settings with the flags on top."""
    config = base if base is not None else base_config(args)
    select, ignore = _split(args.select), _split(args.ignore)
    severities, off = _severity_flags(args.severity)
    _check_selectors([*select, *ignore, *severities, *off])
    if select:  # a selection on the command line starts afresh, as in ruff: the file's ignores go too
        config = replace(config, select=select, ignore=(*ignore, *off))
    else:
        config = replace(config, ignore=(*config.ignore, *ignore, *off))
    config = replace(config, severities={**config.severities, **severities})
    if args.fail_on is not None:
        config = replace(config, fail_on=None if args.fail_on == "never" else Severity.parse(args.fail_on))
    if args.catalogue:
        config = replace(config, catalogue_path=args.catalogue)
    return replace(config, limits=_limits(args, config.limits))


def _severity_flags(values: list[str]) -> tuple[dict[str, Severity], tuple[str, ...]]:
    from skillprofiles.config import parse_level, split_levels

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
    from skillprofiles.config import unknown_selector

    problems = [message for message in map(unknown_selector, selectors) if message]
    if problems:
        raise UsageError(problems)


def _located(d: Diagnostic) -> str:
    return f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}"


def run(args: argparse.Namespace) -> int:
    """Validate, print the report, and return 0, 1 or 2."""
    try:
        return _run(args)
    except UsageError as exc:
        for message in exc.messages:
            sys.stderr.write(f"skillprofiles: error: {message}\n")
        return EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    from skillprofiles.checker import Checker

    config = build_config(args)
    if args.repository and not Path(args.repository).is_dir():
        raise UsageError([f"--repository is not a directory: {args.repository}"])
    missing = [p for p in args.paths if not os.path.lexists(p)]  # lexists: never raises
    paths = [p for p in args.paths if p not in missing]
    if args.write_baseline:
        return _write_baseline(
            args, Checker(config, jobs=args.jobs).check_paths(paths, args.repository), missing
        )
    report = Checker(config, _baseline(args, config), args.jobs).check_paths(paths, args.repository)
    text = output.render(args, report, config.fail_on)
    if args.output and _is_checked(args.output, report.files):
        raise UsageError([f"refusing to overwrite a checked file: {args.output}"])
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError([f"cannot write {args.output}: {exc.strerror or exc}"]) from None
    else:
        sys.stdout.write(text)
    for path in missing:
        sys.stderr.write(f"skillprofiles: error: path does not exist: {path}\n")
    if missing:
        return EXIT_USAGE
    return EXIT_FINDINGS if report.fails(config.fail_on) else EXIT_OK


def _is_checked(target: Path, files: list[str]) -> bool:
    """Whether the report would be written over one of the files it checks (docs/security.md)."""
    real = os.path.realpath(target)
    return any(os.path.realpath(name) == real for name in files)


def _baseline(args: argparse.Namespace, config: Config) -> Any:
    from skillprofiles.baseline import BaselineError, load

    path = args.baseline or config.baseline_path
    if path is None:
        return None
    try:
        return load(str(path))
    except BaselineError as exc:
        raise UsageError([_located(exc.diagnostic)]) from None


def _write_baseline(args: argparse.Namespace, report: Any, missing: list[str]) -> int:
    from skillprofiles.baseline import dump

    target = str(args.write_baseline)
    try:
        args.write_baseline.write_text(dump(report.diagnostics, target), encoding="utf-8")
    except OSError as exc:
        raise UsageError([f"cannot write baseline {target}: {exc.strerror or exc}"]) from None
    count = len(report.diagnostics)
    sys.stdout.write(f"Wrote {count} finding{'s' if count != 1 else ''} to the baseline {target}.\n")
    for path in missing:
        sys.stderr.write(f"skillprofiles: error: path does not exist: {path}\n")
    return EXIT_USAGE if missing else EXIT_OK
