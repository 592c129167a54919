"""``skillprofiles validate``: check profile files and directories."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import Any

from skillprofiles.checker import Checker
from skillprofiles.config import Config
from skillprofiles.diagnostics import Severity
from skillprofiles.render import RENDERERS, RenderOptions
from skillprofiles.yamlread import MAX_DEPTH_CEILING, Limits

FAIL_ON = ("error", "warning", "info", "never")


def register(sub: Any) -> None:
    """Add the ``validate`` subcommand."""
    parser = sub.add_parser("validate", help="validate profile files and directories")
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="profile files or directories (*.yaml, *.yml)"
    )
    parser.add_argument("--format", choices=sorted(RENDERERS), default="text", help="output format")
    parser.add_argument(
        "--fail-on", choices=FAIL_ON, default="error", help="lowest severity that fails the run"
    )
    parser.add_argument("--select", action="append", default=[], metavar="RULE", help="only these rules")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULE", help="skip these rules")
    parser.add_argument("--no-hints", action="store_true", help="leave out fix hints")
    parser.add_argument("-o", "--output", type=Path, help="write the report to a file instead of stdout")
    _add_reader_limits(parser)
    parser.set_defaults(run=run)


def _add_reader_limits(parser: Any) -> None:
    """Flags for the reader's safety limits (docs/security.md); defaults come from ``Limits``."""
    limits = parser.add_argument_group("reader limits")
    limits.add_argument("--max-file-size", type=_positive, metavar="BYTES", help="largest file read")
    limits.add_argument(
        "--max-depth",
        type=_positive,
        metavar="N",
        help=f"deepest nesting accepted (capped at {MAX_DEPTH_CEILING})",
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


def _limits(args: argparse.Namespace) -> Limits:
    changes: dict[str, Any] = {"allow_aliases": args.allow_aliases, "follow_links": args.follow_links}
    if args.max_file_size:
        changes["max_bytes"] = args.max_file_size
    if args.max_depth:
        changes["max_depth"] = min(args.max_depth, MAX_DEPTH_CEILING)
    return dataclasses.replace(Limits(), **changes)


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def build_config(args: argparse.Namespace) -> Config:
    """The run configuration the flags describe."""
    fail_on = None if args.fail_on == "never" else Severity.parse(args.fail_on)
    return Config(
        select=_split(args.select), ignore=_split(args.ignore), fail_on=fail_on, limits=_limits(args)
    )


def run(args: argparse.Namespace) -> int:
    """Validate, print the report, and return 0, 1 or 2."""
    missing = [p for p in args.paths if not os.path.lexists(p)]  # lexists: never raises
    config = build_config(args)
    report = Checker(config).check_paths([p for p in args.paths if p not in missing])
    text = RENDERERS[args.format](report, RenderOptions(show_hints=not args.no_hints))
    if args.output and _is_checked(args.output, report.files):
        sys.stderr.write(f"skillprofiles: error: refusing to overwrite a checked file: {args.output}\n")
        return 2
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            sys.stderr.write(f"skillprofiles: error: cannot write {args.output}: {exc.strerror or exc}\n")
            return 2
    else:
        sys.stdout.write(text)
    for path in missing:
        sys.stderr.write(f"skillprofiles: error: path does not exist: {path}\n")
    if missing:
        return 2
    return 1 if report.fails(config.fail_on) else 0


def _is_checked(output: Path, files: list[str]) -> bool:
    """Whether the report would be written over one of the files it checks (docs/security.md)."""
    target = os.path.realpath(output)
    return any(os.path.realpath(name) == target for name in files)
