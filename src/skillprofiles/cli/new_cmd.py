"""``skillprofiles new``: a complete skeleton of a profile sheet to fill in."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from skillprofiles.cli.common import EXIT_OK, guarded
from skillprofiles.cli.errors import UsageError


def register(sub: Any) -> None:
    """Add the ``new`` subcommand."""
    parser = sub.add_parser("new", help="start a profile from a complete skeleton")
    parser.add_argument("--template", choices=("wsp-g3", "ict-role-profile"), required=True)
    parser.add_argument("--code", help="the profile's code (WSP-G3 sheets: WSP-G3-NNN)")
    parser.add_argument("--title", help="the profile's title")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here (never over a file)")
    parser.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    """Print or write the skeleton; an existing output file is never overwritten."""
    from skillprofiles.cli.common import emit
    from skillprofiles.source.skeleton import skeleton

    try:
        text = skeleton(args.template, args.code, args.title)
    except ValueError as exc:
        raise UsageError([str(exc)]) from None
    if args.output is None:
        emit(text)
        return EXIT_OK
    try:
        with args.output.open("x", encoding="utf-8") as handle:  # "x": never over an existing file
            handle.write(text)
    except FileExistsError:
        raise UsageError([f"{args.output} exists; choose another file"]) from None
    except OSError as exc:
        raise UsageError([f"cannot write {args.output}: {exc.strerror or exc}"]) from None
    emit(f"Wrote {args.output}: fill in the placeholders the validator names.\n")
    return EXIT_OK
