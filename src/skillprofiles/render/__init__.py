"""Output formats: one function per format, from a report to text, chosen from ``RENDERERS``."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from skillprofiles._version import __version__
from skillprofiles.diagnostics import Report
from skillprofiles.textsafe import printable

JSON_FORMAT_VERSION = "1"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a renderer may need besides the report."""

    color: bool = False
    show_hints: bool = True


Renderer = Callable[[Report, RenderOptions], str]


def summary_line(report: Report) -> str:
    """'Found 2 errors, 1 warning and 0 infos in 3 files.' or 'All checks passed (3 files).'"""
    counts = report.counts()
    files = len(report.files)
    checked = f"{files} file{'s' if files != 1 else ''}"
    hidden = _hidden_note(report.hidden)
    if not report.diagnostics:
        return f"All checks passed ({checked} checked).{hidden}"
    parts = [f"{n} {label}{'s' if n != 1 else ''}" for label, n in counts.items()]
    return f"Found {', '.join(parts)} in {checked} checked.{hidden}"


def _hidden_note(hidden: int) -> str:
    return f" {hidden} finding{'s' if hidden != 1 else ''} hidden by the baseline." if hidden else ""


def render_text(report: Report, options: RenderOptions) -> str:
    """``path:line:col: CODE severity message``, a hint line where there is one, then a summary."""
    lines: list[str] = []
    for d in report:
        lines.append(
            f"{printable(d.file)}:{d.line}:{d.column}: {d.code} {d.severity.label} {printable(d.message)}"
        )
        if d.hint and options.show_hints:
            lines.append(f"    hint: {printable(d.hint)}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def report_document(report: Report) -> dict[str, object]:
    """The versioned JSON document of a report."""
    return {
        "format_version": JSON_FORMAT_VERSION,
        "tool": {"name": "skillprofiles", "version": __version__},
        "summary": {"files": len(report.files), **report.counts()},
        "files": list(report.files),
        "diagnostics": [d.to_dict() for d in report],
    }


def render_json(report: Report, options: RenderOptions) -> str:
    """The report as a versioned JSON document."""
    return json.dumps(report_document(report), indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
}
