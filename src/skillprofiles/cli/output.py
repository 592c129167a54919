"""Output flags shared by commands that print a report: ``--format``, ``--color``, ``--github-summary``."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from pathlib import Path
from typing import Any

from skillprofiles.diagnostics import Report, Severity
from skillprofiles.render import RENDERERS, RenderOptions
from skillprofiles.render.base import RULES_DOCS

# when the command started (this module is imported before any file is read): junit's timestamp and time
_STARTED = (datetime.datetime.now(datetime.timezone.utc), time.perf_counter())


def add_arguments(parser: Any) -> None:
    """Add ``--format``, ``--color`` and ``--github-summary`` to a subcommand."""
    parser.add_argument(
        "--format",
        choices=sorted(RENDERERS),
        default=None,
        help="output format (default: full on a terminal, text otherwise)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the full format (auto: on a terminal, unless NO_COLOR is set)",
    )
    parser.add_argument(
        "--github-summary",
        type=Path,
        metavar="FILE",
        help="append a Markdown summary to FILE (with --format github: to $GITHUB_STEP_SUMMARY when set)",
    )
    parser.add_argument(
        "--sarif-help-base",
        metavar="URL",
        default=RULES_DOCS,
        help=f"sarif: the rules page each rule's helpUri points into (default: {RULES_DOCS})",
    )


def _terminal(args: argparse.Namespace) -> bool:
    return getattr(args, "output", None) is None and sys.stdout.isatty()


def format_name(args: argparse.Namespace) -> str:
    """The format asked for, else ``full`` on a terminal and ``text`` in pipes, files and CI logs."""
    return str(args.format or ("full" if _terminal(args) else "text"))


def use_color(args: argparse.Namespace) -> bool:
    """``--color``; ``auto`` colours a terminal unless NO_COLOR is set to anything (https://no-color.org)."""
    if args.color != "auto":
        return bool(args.color == "always")
    return _terminal(args) and not os.environ.get("NO_COLOR")


def options(args: argparse.Namespace, fail_on: Severity | None) -> RenderOptions:
    """What the renderers need from the flags."""
    hints = not getattr(args, "no_hints", False)
    docs = getattr(args, "sarif_help_base", RULES_DOCS)
    started, clock = _STARTED
    return RenderOptions(
        color=use_color(args),
        show_hints=hints,
        fail_on=fail_on,
        rules_docs=docs,
        started=started,
        elapsed=time.perf_counter() - clock,
    )


def render(args: argparse.Namespace, report: Report, fail_on: Severity | None) -> str:
    """The report in the chosen format; appends the GitHub summary where asked."""
    chosen = options(args, fail_on)
    write_github_summary(args, report, chosen)
    return RENDERERS[format_name(args)](report, chosen)


def write_github_summary(args: argparse.Namespace, report: Report, chosen: RenderOptions) -> None:
    """Append the Markdown summary to --github-summary, or to $GITHUB_STEP_SUMMARY for --format github."""
    target = args.github_summary
    if target is None and args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        target = Path(os.environ["GITHUB_STEP_SUMMARY"])
    if target is None:
        return
    from skillprofiles.cli.common import write_atomic
    from skillprofiles.cli.errors import UsageError
    from skillprofiles.render.github import render_github_summary

    inputs = getattr(args, "_inputs", None) or [*report.files, *(getattr(args, "paths", None) or ())]
    try:
        write_atomic(target, render_github_summary(report, chosen), inputs, append=True)
    except UsageError as exc:
        if args.github_summary is not None and "refusing" in " ".join(exc.messages or []):
            raise  # a summary named on the command line over an input: a usage error
        # the annotations and the exit code still tell the story: warn, do not fail the run for this
        why = "; ".join(exc.messages or []).replace(f"cannot write {target}: ", "")
        sys.stderr.write(f"skillprofiles: warning: cannot write the summary to {target}: {why}\n")
