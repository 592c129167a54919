"""``skillprofiles validate``: check profile files and directories."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from skillprofiles.cli import output
from skillprofiles.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_loading_options,
    emit,
    guarded,
    pipeline_from,
    run_inputs,
    write_atomic,
)
from skillprofiles.cli.errors import UsageError
from skillprofiles.cli.fix_cmd import add_fix_options
from skillprofiles.cli.settings import located
from skillprofiles.diagnostics import Report

FAIL_ON = ("error", "warning", "info", "never")


def register(sub: Any) -> None:
    """Add the ``validate`` subcommand."""
    parser = sub.add_parser("validate", help="validate profile files and directories")
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="profile files or directories (*.yaml, *.yml)"
    )
    output.add_arguments(parser)
    add_selection_options(parser)
    parser.add_argument(
        "--baseline", type=Path, metavar="FILE", help="hide the findings this baseline records"
    )
    parser.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="record the current findings in FILE and exit 0"
    )
    parser.add_argument("--no-hints", action="store_true", help="leave out fix hints")
    parser.add_argument("--fix", action="store_true", help="apply the safe fixes first (see 'fix')")
    add_fix_options(parser)
    parser.add_argument(
        "--statistics", action="store_true", help="print the number of findings per code instead of them"
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name findings give a profile read from standard input ('-')",
    )
    parser.add_argument("-o", "--output", type=Path, help="write the report to a file instead of stdout")
    # repository mode: pre-commit passes only the changed files; DIR gives the cross-profile context
    parser.add_argument(
        "--repository",
        metavar="DIR",
        help="read every profile under DIR for repository-wide checks; report findings only in PATHs",
    )
    add_loading_options(parser)
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="processes to check on (default 0: automatic, serial below 200 files, else one per CPU)",
    )
    parser.set_defaults(run=guarded(run))


def add_selection_options(parser: Any) -> None:
    """``--fail-on``, ``--select``, ``--ignore`` and ``--severity``: which findings count, and how."""
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


def _jobs(text: str) -> int:
    from skillprofiles.engine.parallel import MAX_JOBS

    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of processes (0: automatic), not {text[:20]!r}")
    if len(text) > 6 or int(text) > MAX_JOBS:
        raise argparse.ArgumentTypeError(
            f"at most {MAX_JOBS} processes (more are capped at 4 per CPU anyway)"
        )
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Validate, print the report, and return 0, 1 or 2."""
    if (args.diff or args.unsafe_fixes) and not args.fix:
        raise UsageError(["--diff and --unsafe-fixes go with --fix"])
    missing = [p for p in args.paths if p != "-" and not os.path.lexists(p)]  # lexists: never raises
    if missing:  # an input error: nothing is checked and nothing is called a pass
        raise UsageError([f"path does not exist: {p}" for p in missing])
    if args.repository and not Path(args.repository).is_dir():
        raise UsageError([f"--repository is not a directory: {args.repository}"])
    if not args.write_baseline:
        args._baseline = _baseline(args)
    pipeline = pipeline_from(args)
    if args.fix:
        return _fix_then_validate(args)
    report = _validate(args)
    inputs = run_inputs(args, report, pipeline.config)
    args._inputs = inputs  # --github-summary may not be one of them either
    if args.write_baseline:
        return _write_baseline(args, report, inputs)
    text = statistics(report) if args.statistics else output.render(args, report, pipeline.config.fail_on)
    if args.output:
        write_atomic(args.output, text, inputs)
    else:
        emit(text)
    return EXIT_FINDINGS if report.fails(pipeline.config.fail_on) else EXIT_OK


def _validate(args: argparse.Namespace) -> Report:
    """The report over the paths given, a profile read from standard input (``-``) among them."""
    pipeline = pipeline_from(args)
    paths = [p for p in args.paths if p != "-"]
    report = pipeline.validate(*paths, repository=args.repository, jobs=args.jobs) if paths else Report()
    if "-" in args.paths:
        name = args.stdin_filename or "<stdin>"
        data = sys.stdin.buffer.read(pipeline.config.limits.max_bytes + 1)
        piped = pipeline.reads(data, name).report
        report.files.extend(piped.files)
        report.extend(piped.diagnostics)
        report.hidden += piped.hidden
        report.finish()
    return report


def _fix_then_validate(args: argparse.Namespace) -> int:
    from skillprofiles.cli import fix_cmd

    if "-" in args.paths:
        raise UsageError(["--fix cannot rewrite standard input; use 'skillprofiles fix -'"])
    args.quiet_fix = True
    changed, _ = fix_cmd.fix_paths(args, args.paths)
    if args.diff:
        return EXIT_FINDINGS if changed else EXIT_OK
    args.fix = False
    return run(args)


def statistics(report: Report) -> str:
    """Findings counted per code, most frequent first: ``count  code  name``."""
    counts = Counter((d.code, d.rule) for d in report.diagnostics)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = [f"{n:>{width}}  {code}  {name}" for (code, name), n in rows]
    total = sum(counts.values())
    lines.append(
        f"Found {total} finding{'s' if total != 1 else ''} in {len(report.files)} "
        f"file{'s' if len(report.files) != 1 else ''} checked."
    )
    return "\n".join(lines) + "\n"


def _baseline(args: argparse.Namespace) -> Any:
    from skillprofiles.cli.settings import base_config

    path = args.baseline or base_config(args).baseline_path
    if path is None:
        return None
    from skillprofiles.tuning.baseline import BaselineError, load  # only a run with a baseline reads one

    try:
        return load(str(path))
    except BaselineError as exc:
        raise UsageError([located(exc.diagnostic)]) from None


def _write_baseline(args: argparse.Namespace, report: Any, inputs: list[str]) -> int:
    from skillprofiles.tuning.baseline import dump

    target = str(args.write_baseline)
    write_atomic(args.write_baseline, dump(report.diagnostics, target, report.excerpts), inputs)
    count = len(report.diagnostics)
    emit(f"Wrote {count} finding{'s' if count != 1 else ''} to the baseline {target}.\n")
    return EXIT_OK


__all__ = ["EXIT_USAGE", "register", "run"]
