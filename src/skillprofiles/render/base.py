"""What every renderer shares: its options, its signature and the summary line."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from skillprofiles.diagnostics import Report, Severity

# the rules page of the documentation site (mkdocs builds docs/rules.md as rules/); configurable with
# ``validate --sarif-help-base URL`` or ``RenderOptions(rules_docs=...)`` for a mirror of the docs
RULES_DOCS = "https://skillprofiles.dev/rules/"
JSON_FORMAT_VERSION = "1"  # of the json format's document; changes only on an incompatible change


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a renderer may need besides the report."""

    color: bool = False
    show_hints: bool = True
    fail_on: Severity | None = Severity.ERROR  # junit: findings at or above it are failures
    root: Path | None = None  # sarif: URIs are relative to it (None: the working directory)
    show_source: bool = True  # full: quote the offending source lines
    # sarif: each rule's helpUri is this page plus the rule's anchor (``#sp101-missing-section``)
    rules_docs: str = RULES_DOCS
    # junit: when the run started (UTC) and how long it took, in seconds (None: now, and 0)
    started: datetime.datetime | None = None
    elapsed: float | None = None


Renderer = Callable[[Report, RenderOptions], str]


def plural(count: int, noun: str) -> str:
    """'1 error', '2 errors'."""
    return f"{count} {noun}{'s' if count != 1 else ''}"


def summary_line(report: Report) -> str:
    """'Found 2 errors, 1 warning and 0 infos in 3 files.' or 'All checks passed (3 files).'"""
    counts = report.counts()
    checked = plural(len(report.files), "file")
    hidden = f" {plural(report.hidden, 'finding')} hidden by the baseline." if report.hidden else ""
    if not report.diagnostics:
        return f"All checks passed ({checked} checked).{hidden}"
    parts = [plural(n, label) for label, n in counts.items()]
    return f"Found {', '.join(parts)} in {checked} checked.{hidden}"


def under_root(file: str, root: Path | None) -> str | None:
    """The file relative to ``root`` (default: the working directory) in POSIX form, or None if outside it."""
    base = Path(os.path.abspath(root or Path.cwd()))
    try:
        return Path(os.path.abspath(file)).relative_to(base).as_posix()
    except ValueError:
        return None
