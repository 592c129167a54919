"""``github``: workflow-command annotations, and a Markdown summary for ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

import re

from skillprofiles.diagnostics import Diagnostic, Report, Severity
from skillprofiles.render.base import RenderOptions, summary_line, under_root
from skillprofiles.render.sarif import first_line_ends
from skillprofiles.textsafe import printable

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SUMMARY_ROWS = 500  # the step summary is limited to 1 MiB; the annotations carry the rest
_MARKDOWN = re.compile(r"([\\`*_\[\]|~>])")  # what Markdown or a table cell would interpret


def escape_data(text: str) -> str:
    """GitHub's escaping of a command's message: % CR LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """GitHub's escaping of a command property value: % CR LF, and the separators : and ,."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic, options: RenderOptions, line_end: int | None = None) -> str:
    """One ``::error file=…,line=…::message`` command; profile text is printable, then escaped.

    ``line_end``: the end column (exclusive) of the first line of a finding that spans lines.
    """
    # GitHub resolves annotation paths against the workspace: name files relative to it where possible
    file = under_root(d.file, options.root) or d.file
    props = {"file": file, **place(d, line_end), "title": f"{d.code} {d.rule}"}
    joined = ",".join(f"{k}={escape_property(printable(v))}" for k, v in props.items())
    message = printable(d.message)
    if d.hint and options.show_hints:
        message += "\nhint: " + printable(d.hint)  # a real line break, escaped as %0A below
    return f"::{COMMANDS[d.severity]} {joined}::{escape_data(message)}"


def place(d: Diagnostic, line_end: int | None = None) -> dict[str, str]:
    """The annotation's lines and columns: always one line, as SARIF's ``region``.

    A finding that spans lines (SP101: the mapping that lacks a section, often to the end of the file)
    is shown on its first line, from its start to the end of that line (``line_end``), so a pull
    request that changes that line shows it; GitHub refuses columns on an annotation over several
    lines, and a span to the end of the file would hide the finding from every change above its end.
    """
    line = str(d.span.line)
    if d.span.end_line == d.span.line:
        end_column = d.span.end_column
    elif line_end is not None:
        end_column = max(line_end, d.span.column)
    else:  # the file cannot be read again: the line alone, without columns
        return {"line": line, "endLine": line}
    return {"line": line, "endLine": line, "col": str(d.span.column), "endColumn": str(end_column)}


def render_github(report: Report, options: RenderOptions) -> str:
    """One workflow command per finding, then the plain summary line."""
    line_ends = first_line_ends(report)
    lines = [annotation(d, options, line_ends.get((d.file, d.line))) for d in report]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def markdown(text: str) -> str:
    """Profile text as inert Markdown: one line, punctuation backslash-escaped, HTML as entities."""
    escaped = _MARKDOWN.sub(r"\\\1", printable(text))
    return escaped.replace("&", "&amp;").replace("<", "&lt;")


def render_github_summary(report: Report, options: RenderOptions) -> str:
    """A Markdown job summary: counts, then a table of findings (GitHub shows only a few annotations)."""
    lines = ["## skillprofiles", "", markdown(summary_line(report)), ""]
    if report.diagnostics:
        lines += ["| file | line | column | code | severity | message |", "|---|---:|---:|---|---|---|"]
        lines += [_row(d) for d in report.diagnostics[:SUMMARY_ROWS]]
        hidden = len(report.diagnostics) - SUMMARY_ROWS
        if hidden > 0:
            lines += ["", f"… and {hidden} more; see the annotations or the job log."]
    return "\n".join(lines) + "\n"


def _row(d: Diagnostic) -> str:
    cells = (markdown(d.file), str(d.line), str(d.column), f"{d.code} {markdown(d.rule)}")
    return "| " + " | ".join((*cells, d.severity.label, markdown(d.message))) + " |"
