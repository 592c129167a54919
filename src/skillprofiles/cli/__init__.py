"""The command line: the only place that parses arguments, prints or exits."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from skillprofiles._version import __version__
from skillprofiles.cli import (
    catalogue_cmd,
    compare_cmd,
    export_cmd,
    fix_cmd,
    gap_cmd,
    lsp_cmd,
    matrix_cmd,
    new_cmd,
    rules_cmd,
    schema_cmd,
    show_cmd,
    team_cmd,
    validate_cmd,
)
from skillprofiles.cli.common import EXIT_OK, EXIT_USAGE, quiet_stdout
from skillprofiles.cli.help import describe
from skillprofiles.source import MissingLibyamlError

COMMANDS = (
    validate_cmd,
    fix_cmd,
    new_cmd,
    rules_cmd,
    catalogue_cmd,
    schema_cmd,
    show_cmd,
    matrix_cmd,
    gap_cmd,
    compare_cmd,
    team_cmd,
    export_cmd,
    lsp_cmd,
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"skillprofiles: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = _Parser(prog="skillprofiles", description="Validate and query e-CF competency profiles.")
    parser.add_argument("--version", action="version", version=f"skillprofiles {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        command.register(sub)
    describe(sub.choices)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``skillprofiles`` script; returns the exit code."""
    _never_fail_on_encoding()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except MissingLibyamlError as exc:
        sys.stderr.write(f"skillprofiles: error: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("skillprofiles: interrupted\n")
        return 130
    except BrokenPipeError:  # the reader of our output went away (``| head``): end quietly
        quiet_stdout()
        return EXIT_OK


def _never_fail_on_encoding() -> None:
    # profile text can hold any character; a console that cannot show one (cp1252, ascii) gets an escape
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
