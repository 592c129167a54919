"""``skillprofiles schema``: print a published JSON Schema, or regenerate every one into a folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from skillprofiles import schemas
from skillprofiles.cli.common import guarded, write_atomic
from skillprofiles.cli.errors import UsageError


def register(sub: Any) -> None:
    """Add the ``schema`` subcommand."""
    parser = sub.add_parser(
        "schema",
        help="print a JSON Schema of the file formats, or write them all",
        description=f"Print a JSON Schema ({', '.join(schemas.SCHEMAS)}); --write DIR writes them all.",
    )
    parser.add_argument("name", nargs="?", default="profile", help="which schema (default: profile)")
    parser.add_argument("--write", type=Path, metavar="DIR", help="write every schema into DIR")
    parser.add_argument(
        "--check", type=Path, metavar="DIR", help="exit 1 when a schema in DIR differs from the models"
    )
    parser.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    """Print, write or check schemas; 0 on success, 1 when --check finds a stale file, 2 on bad usage."""
    if args.write is not None:
        for path in _write_all(args.write):
            sys.stdout.write(f"wrote {path.as_posix()}\n")
        return 0
    if args.check is not None:
        return _check(args.check)
    if args.name not in schemas.SCHEMAS:
        known = ", ".join(schemas.SCHEMAS)
        sys.stderr.write(f"skillprofiles: error: no schema named {args.name!r} (known: {known})\n")
        return 2
    sys.stdout.write(schemas.render(schemas.build(args.name)))
    return 0


def _write_all(directory: Path) -> list[Path]:
    """Every schema written atomically into ``directory``; a file or a read-only place is exit 2."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError([f"cannot write schemas into {directory}: {exc.strerror or exc}"]) from None
    if not directory.is_dir():
        raise UsageError([f"cannot write schemas into {directory}: it is not a directory"])
    return [
        write_atomic(directory / schemas.filename(name), schemas.render(schemas.build(name)))
        for name in schemas.SCHEMAS
    ]


def _check(directory: Path) -> int:
    names = schemas.stale(directory)
    for name in names:
        sys.stderr.write(
            f"{(directory / schemas.filename(name)).as_posix()}: differs from the models; "
            f"regenerate with: skillprofiles schema --write {directory.as_posix()}\n"
        )
    return 1 if names else 0
