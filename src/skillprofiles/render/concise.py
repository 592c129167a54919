"""``concise`` (one line per finding) and ``text`` (the same with a hint line under each finding)."""

from __future__ import annotations

from skillprofiles.diagnostics import Diagnostic, Report
from skillprofiles.render.base import RenderOptions, summary_line
from skillprofiles.textsafe import printable


def concise_line(d: Diagnostic) -> str:
    """``path:line:col: CODE severity message``, every part printable."""
    return f"{printable(d.file)}:{d.line}:{d.column}: {d.code} {d.severity.label} {printable(d.message)}"


def render_concise(report: Report, options: RenderOptions) -> str:
    """One line per finding, then the summary line; no hints."""
    lines = [concise_line(d) for d in report]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def render_text(report: Report, options: RenderOptions) -> str:
    """``concise`` plus an indented ``hint:`` line under each finding that has one (unless hints are off)."""
    lines: list[str] = []
    for d in report:
        lines.append(concise_line(d))
        if d.hint and options.show_hints:
            lines.append(f"    hint: {printable(d.hint)}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
