"""``skillprofiles validate``: check profile files and directories."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skillprofiles.render import RENDERERS, RenderOptions

if TYPE_CHECKING:
    from skillprofiles.config import Config

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


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def build_config(args: argparse.Namespace) -> Config:
    """The run configuration the flags describe."""
    from skillprofiles.config import Config
    from skillprofiles.diagnostics import Severity

    fail_on = None if args.fail_on == "never" else Severity.parse(args.fail_on)
    return Config(select=_split(args.select), ignore=_split(args.ignore), fail_on=fail_on)


def run(args: argparse.Namespace) -> int:
    """Validate, print the report, and return 0, 1 or 2."""
    # imported here, not at the top: `skillprofiles --version` and --help need no pydantic
    from skillprofiles.checker import Checker

    missing = [p for p in args.paths if not Path(p).exists() and not Path(p).is_symlink()]
    config = build_config(args)
    report = Checker(config, jobs=args.jobs).check_paths([p for p in args.paths if p not in missing])
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
