"""``skillprofiles validate``: check profile files and directories."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from skillprofiles.checker import Checker
from skillprofiles.config import Config
from skillprofiles.diagnostics import Severity
from skillprofiles.render import RENDERERS, RenderOptions

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
    _add_catalogue_flags(parser)
    parser.set_defaults(run=run)


def _add_catalogue_flags(parser: Any) -> None:
    # repository mode: pre-commit passes only the changed files; DIR gives the cross-profile context
    parser.add_argument(
        "--repository",
        metavar="DIR",
        help="read every profile under DIR for repository-wide checks; report findings only in PATHs",
    )
    parser.add_argument("--catalogue", metavar="FILE", help="a catalogue file that extends the packaged one")


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def build_config(args: argparse.Namespace) -> Config:
    """The run configuration the flags describe."""
    fail_on = None if args.fail_on == "never" else Severity.parse(args.fail_on)
    config = Config(select=_split(args.select), ignore=_split(args.ignore), fail_on=fail_on)
    return config.with_changes(catalogue_path=args.catalogue) if args.catalogue else config


def run(args: argparse.Namespace) -> int:
    """Validate, print the report, and return 0, 1 or 2."""
    missing = [p for p in args.paths if not Path(p).exists() and not Path(p).is_symlink()]
    if args.repository and not Path(args.repository).is_dir():
        sys.stderr.write(f"skillprofiles: error: --repository is not a directory: {args.repository}\n")
        return 2
    config = build_config(args)
    report = Checker(config).check_paths([p for p in args.paths if p not in missing], args.repository)
    text = RENDERERS[args.format](report, RenderOptions(show_hints=not args.no_hints))
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    for path in missing:
        sys.stderr.write(f"skillprofiles: error: path does not exist: {path}\n")
    if missing:
        return 2
    return 1 if report.fails(config.fail_on) else 0
