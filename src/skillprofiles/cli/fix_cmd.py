"""``skillprofiles fix``: apply the safe fixes (``--unsafe-fixes``: the others too) as minimal text edits."""

from __future__ import annotations

import argparse
import codecs
import os
from pathlib import Path
from typing import Any

from skillprofiles.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_loading_options,
    emit,
    error,
    guarded,
    pipeline_from,
)
from skillprofiles.cli.errors import UsageError


def register(sub: Any) -> None:
    """Add the ``fix`` subcommand."""
    parser = sub.add_parser("fix", help="apply mechanical fixes to profile files")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="profile files or directories")
    add_fix_options(parser)
    parser.add_argument(
        "--stdin-filename", metavar="NAME", help="the name of a profile read from standard input ('-')"
    )
    add_loading_options(parser)
    parser.set_defaults(run=guarded(run))


def add_fix_options(parser: Any) -> None:
    """``--diff`` and ``--unsafe-fixes``, shared by ``fix`` and ``validate --fix``."""
    parser.add_argument("--diff", action="store_true", help="print a unified diff and write nothing")
    parser.add_argument(
        "--unsafe-fixes", action="store_true", help="also apply fixes that change what a profile says"
    )


def run(args: argparse.Namespace) -> int:
    """Fix the files; report what was fixed and what is left."""
    if "-" in args.paths:
        return _fix_stdin(args)
    changed, remaining = fix_paths(args, args.paths)
    if args.diff:
        return EXIT_FINDINGS if changed else EXIT_OK
    fail_on = pipeline_from(args).config.fail_on
    left = [d for d in remaining if fail_on is not None and d.severity >= fail_on]
    return EXIT_FINDINGS if left else EXIT_OK


def _fix_stdin(args: argparse.Namespace) -> int:
    """A profile on standard input, fixed, on standard output (as editors pipe a buffer)."""
    import sys

    from skillprofiles.engine.pipeline import fix_text

    if args.paths != ["-"]:
        raise UsageError(["'-' (standard input) cannot be combined with other paths"])
    pipeline = pipeline_from(args)
    data = sys.stdin.buffer.read(pipeline.config.limits.max_bytes + 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(["standard input is not UTF-8"]) from None
    result = fix_text(pipeline, text, args.stdin_filename or "<stdin>", unsafe=args.unsafe_fixes)
    if args.diff:
        name = args.stdin_filename or "<stdin>"
        emit(_unified(text, result.text, name))
        return EXIT_FINDINGS if result.applied else EXIT_OK
    emit(result.text)
    return EXIT_OK


def fix_paths(args: argparse.Namespace, paths: list[str]) -> tuple[int, list[Any]]:
    """Fix every profile under ``paths``; the number of files changed and the findings left."""
    from skillprofiles.engine.discovery import discover

    pipeline = pipeline_from(args)
    files, problems = discover(paths, pipeline.config.limits.follow_links)
    if problems:
        raise UsageError([f"{d.file}: {d.message}" for d in problems])
    changed, fixed, remaining = 0, 0, []
    for path, display in files:
        count, left = _fix_file(args, path, display)
        changed += count > 0
        fixed += count
        remaining.extend(left)
    if not args.diff and not getattr(args, "quiet_fix", False):
        emit(
            f"Fixed {fixed} finding{'s' if fixed != 1 else ''} in {changed} file{'s' if changed != 1 else ''}"
            f" ({len(remaining)} left).\n"
        )
    return changed, remaining


def _unified(before: str, after: str, name: str) -> str:
    import difflib  # only --diff shows one; validate imports this module for its options

    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    return "".join(difflib.unified_diff(old, new, name, name))


def _fix_file(args: argparse.Namespace, path: Path, display: str) -> tuple[int, list[Any]]:
    from skillprofiles.engine.pipeline import fix_text
    from skillprofiles.source.reader import UnreadableError, read_bounded

    pipeline = pipeline_from(args)
    try:
        original = read_bounded(path, pipeline.config.limits.max_bytes)
    except UnreadableError as exc:
        error(f"{display}: {exc}; not fixed")
        return 0, []
    bom = codecs.BOM_UTF8 if original.startswith(codecs.BOM_UTF8) else b""
    try:
        text = original[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        error(f"{display}: not UTF-8; not fixed (the validator reports why)")
        return 0, []
    result = fix_text(pipeline, text, display, unsafe=args.unsafe_fixes)
    if not result.applied:
        return 0, result.remaining
    if args.diff:
        emit(_unified(text, result.text, display))
        return len(result.applied), result.remaining
    _write_back(path, display, original, bom + result.text.encode("utf-8"))
    return len(result.applied), result.remaining


def _write_back(path: Path, display: str, original: bytes, data: bytes) -> None:
    """Replace the file atomically, unless it changed since it was read."""
    from skillprofiles.source.reader import UnreadableError, read_bounded

    target = Path(os.path.realpath(path))  # a link stays a link: its target is rewritten
    try:
        try:
            now = read_bounded(target, len(original))
        except UnreadableError:
            now = None  # grown, gone or no longer a regular file: changed all the same
        if now != original:
            error(f"{display}: changed since it was read; left alone")
            return
        import tempfile  # here: `validate` imports this module for its options, and never writes

        mode = target.stat().st_mode & 0o7777
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as exc:
        raise UsageError([f"cannot write {display}: {exc.strerror or exc}"]) from None
