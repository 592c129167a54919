"""``full``: findings grouped by file, each with its source line and a caret under the span (rustc style)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from skillprofiles.diagnostics import FRAME_WINDOW, Diagnostic, Excerpt, Report, Severity, frame_start
from skillprofiles.render.base import RenderOptions, plural, summary_line
from skillprofiles.render.source import cells, read_lines
from skillprofiles.textsafe import printable

Segment = tuple[str, str]  # (text, rich style); text is always literal, never markup
Line = list[Segment]

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}
GUTTER = "bold blue"
TAB = "    "
WINDOW = FRAME_WINDOW  # characters of a long line shown around the finding's column, never the whole line
ELLIPSIS = "…"


def render_full(report: Report, options: RenderOptions) -> str:
    """The report as code frames; coloured through rich when ``options.color``, else plain text."""
    lines = list(_report_lines(report, options))
    return _to_ansi(lines) if options.color else "".join(_plain(line) + "\n" for line in lines)


def _report_lines(report: Report, options: RenderOptions) -> Iterator[Line]:
    for file, group in groupby(report, key=lambda d: d.file):
        findings = list(group)
        source = _sources(file, findings, report.excerpts.get(file, {})) if options.show_source else {}
        yield [(printable(file), "bold underline"), (f" ({plural(len(findings), 'finding')})", "")]
        width = max(len(str(d.line)) for d in findings)  # one gutter width per file, as rustc does
        for d in findings:
            yield from _finding(d, source.get(d.line), width, options)
            yield []
    yield [(summary_line(report), "bold")]


def _sources(file: str, findings: list[Diagnostic], kept: dict[int, Excerpt]) -> dict[int, Excerpt]:
    """The excerpts of the lines of a file's findings: those the check kept, and only for the lines
    it kept none of (a side file, a library caller's bare report) the file read again, bounded."""
    missing = {d.line for d in findings if d.line not in kept}
    if not missing:
        return kept
    read = {
        n: excerpt_of(text, [d.column for d in findings if d.line == n])
        for n, text in read_lines(file, missing).items()
    }
    return {**kept, **read}


def excerpt_of(line: str, columns: list[int]) -> Excerpt:
    """The excerpt of a whole line for findings at ``columns`` (content is not needed here)."""
    starts = sorted({frame_start(len(line), c) for c in columns})
    return Excerpt(len(line), "", tuple((s, line[s : s + WINDOW]) for s in starts))


def _finding(d: Diagnostic, source: Excerpt | None, width: int, options: RenderOptions) -> Iterator[Line]:
    style = STYLES[d.severity]
    yield [(f"{d.severity.label}[{d.code}]", style), (": ", "bold"), (printable(d.message), "bold")]
    pad = " " * width
    yield [(f"{pad}--> ", GUTTER), (f"{printable(d.file)}:{d.line}:{d.column}", "")]
    shown_frame = frame_excerpt(source, d) if source is not None else None
    if shown_frame is not None:
        shown, offset, length = shown_frame
        yield [(f"{pad} |", GUTTER)]
        yield [(f"{d.line:>{width}} | ", GUTTER), (shown, "")]
        yield [(f"{pad} | ", GUTTER), (" " * offset + "^" * length, style), (f" {d.rule}", style)]
    else:
        yield [(f"{pad} = ", GUTTER), (f"rule: {d.rule}", "")]
    if d.hint and options.show_hints:
        yield [(f"{pad} = ", GUTTER), ("hint: ", "bold cyan"), (printable(d.hint), "")]


def frame(source: str, d: Diagnostic) -> tuple[str, int, int]:
    """The line as shown, the caret's offset in cells and its length (at least 1, to the line's end).

    A line longer than WINDOW characters is cut to a window around the column (marked with ``…``), so
    the output of a finding is bounded whatever the length of the line it is on."""
    shown = frame_excerpt(excerpt_of(source, [d.column]), d)
    assert shown is not None, "the excerpt of the whole line has the window of every column"
    return shown


def frame_excerpt(excerpt: Excerpt, d: Diagnostic) -> tuple[str, int, int] | None:
    """:func:`frame` from the excerpt the check kept of the line; None when it kept no window there."""
    window = excerpt.window(d.column)
    if window is None:
        return None
    first, source = window
    length = excerpt.length
    column = d.column
    end_column = d.span.end_column if d.span.end_line == d.line else length + 1
    if length > WINDOW:
        head = ELLIPSIS if first > 0 else ""
        tail = ELLIPSIS if first + WINDOW < length else ""
        column, end_column = column - first, min(end_column - first, WINDOW + 1)
        source = head + source + tail
        column, end_column = column + len(head), end_column + len(head)
    start = max(0, min(column - 1, len(source)))
    stop = end_column - 1
    stop = max(start, min(stop, len(source)))
    before, inside, after = source[:start], source[start:stop], source[stop:]
    shown = [_show(part) for part in (before, inside, after)]
    # a column past the end of the line (e.g. an insertion point) still gets its caret
    offset = cells(shown[0]) + max(0, column - 1 - len(source))
    return "".join(shown), offset, max(1, cells(shown[1]))


def _show(text: str) -> str:
    return printable(text.replace("\t", TAB))


def _plain(line: Line) -> str:
    return "".join(text for text, _ in line).rstrip()


def _to_ansi(lines: list[Line]) -> str:
    # rich is imported only for coloured output: plain runs (CI, pre-commit) never pay for it
    import io

    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=True, color_system="standard", width=100_000, soft_wrap=True,
        markup=False, emoji=False, highlight=False,
    )  # fmt: skip
    for line in lines:
        text = Text(no_wrap=True, end="")
        for chunk, style in line:
            text.append(chunk, style or None)
        console.print(text, end="\n")
    return buffer.getvalue()
