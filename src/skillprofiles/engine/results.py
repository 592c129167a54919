"""What checking one file gives: its diagnostics and, when it loaded, the profile and its summary."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from skillprofiles.diagnostics import FRAME_WINDOW, Diagnostic, Excerpt, frame_start
from skillprofiles.models import AnyProfile
from skillprofiles.rules.summary import ProfileSummary
from skillprofiles.tuning import suppress
from skillprofiles.tuning.baseline import content_of


@dataclass(slots=True)
class FileResult:
    """One file's outcome: its diagnostics and, when it loaded, the profile and its summary."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    profile: AnyProfile | None = None
    summary: ProfileSummary | None = None  # what repository-wide checks need; survives pickling
    suppressions: tuple[suppress.Directive, ...] = ()  # the file's suppression comments
    loaded: bool = False  # the profile loaded, so every profile rule ran (kept when profile is not)
    parsed: bool = False  # the YAML parsed, so the loader's structural checks ran
    # line -> what code frames and fingerprints need of it, for the lines findings can be on (never
    # the whole text: a window per finding column and the normalised line, see excerpts_of)
    excerpts: dict[int, Excerpt] = field(default_factory=dict)


def excerpts_of(text: str, positions: Iterable[tuple[int, int]]) -> dict[int, Excerpt]:
    """The excerpts of the lines at ``positions`` (1-based line, column) of a file's text."""
    columns: dict[int, set[int]] = {}
    for number, column in positions:
        columns.setdefault(number, set()).add(column)
    if not columns:
        return {}
    lines = suppress.split_lines(text.removeprefix("\ufeff"), upto=max(columns))
    kept = {}
    for number, wanted in sorted(columns.items()):
        if 1 <= number <= len(lines):
            line = lines[number - 1]
            starts = sorted({frame_start(len(line), column) for column in wanted})
            windows = tuple((start, line[start : start + FRAME_WINDOW]) for start in starts)
            content = content_of(line)
            # most lines with findings are already normalised: keep one string, not two equal ones
            kept[number] = Excerpt(len(line), line if content == line else content, windows)
    return kept


def positions(diagnostics: Iterable[Diagnostic], summary: ProfileSummary | None) -> list[tuple[int, int]]:
    """Where a file's findings can be: its own findings, and for repository-wide findings, which
    come after its text is gone, the code and title (and 1:1, where an unrecorded path points)."""
    found = [(d.line, d.column) for d in diagnostics]
    if summary is not None:
        found += [(span.line, span.column) for span in summary.spans.values()]
        found.append((1, 1))
    return found
