"""What checking one file gives: its diagnostics and, when it loaded, the profile and its summary."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from skillprofiles.diagnostics import FRAME_WINDOW, Diagnostic, Excerpt, frame_start
from skillprofiles.models import AnyProfile
from skillprofiles.rules.summary import ProfileSummary
from skillprofiles.tuning.lines import content_of, split_lines

if TYPE_CHECKING:  # suppression comments are scanned only in files that have the marker (checker.py)
    from skillprofiles.tuning.suppress import Directive


@dataclass(slots=True)
class FileResult:
    """One file's outcome: its diagnostics and, when it loaded, the profile and its summary."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    profile: AnyProfile | None = None
    summary: ProfileSummary | None = None  # what repository-wide checks need; survives pickling
    suppressions: tuple[Directive, ...] = ()  # the file's suppression comments
    loaded: bool = False  # the profile loaded, so every profile rule ran (kept when profile is not)
    parsed: bool = False  # the YAML parsed, so the loader's structural checks ran
    # line -> what code frames and fingerprints need of it, for the lines findings can be on (never
    # the whole text: a window per finding column and the normalised line, see excerpts_of)
    excerpts: dict[int, Excerpt] = field(default_factory=dict)


CheckFile = Callable[[Path, str], FileResult]  # check one file: its path and its display name


def without_profile(result: FileResult) -> FileResult:
    """``result`` without its parsed profile: what a run keeps, on one process as on several."""
    return replace(result, profile=None) if result.profile is not None else result


def excerpts_of(text: str, positions: Iterable[tuple[int, int]]) -> dict[int, Excerpt]:
    """The excerpts of the lines at ``positions`` (1-based line, column) of a file's text."""
    columns: dict[int, set[int]] = {}
    for number, column in positions:
        columns.setdefault(number, set()).add(column)
    if not columns:
        return {}
    lines = split_lines(text.removeprefix("\ufeff"), upto=max(columns))
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


def pruned(excerpts: dict[int, Excerpt], at: Iterable[tuple[int, int]]) -> dict[int, Excerpt]:
    """The excerpts of the lines at ``at`` (line, column), with the windows of those columns only."""
    wanted: dict[int, set[int]] = {}
    for number, column in at:
        wanted.setdefault(number, set()).add(column)
    return {n: windows_at(e, wanted[n]) for n, e in excerpts.items() if n in wanted}


def windows_at(excerpt: Excerpt, columns: set[int]) -> Excerpt:
    """The excerpt with only the windows a code frame shows at ``columns``."""
    starts = {frame_start(excerpt.length, column) for column in columns}
    windows = tuple(w for w in excerpt.windows if w[0] in starts)
    return excerpt if windows == excerpt.windows else replace(excerpt, windows=windows)


@dataclass(frozen=True, slots=True)
class Clean:
    """What a run keeps of a file that loaded with no finding and no suppression comment (most files):
    its name and the lines a repository-wide finding can still land on (its code's; line 1 too when
    a baseline is used), each as the line's text when it is short (its excerpt is made again from
    it) or as its excerpt."""

    file: str
    line: int = 0  # 0: no line is kept
    kept: str | Excerpt = ""
    more: tuple[tuple[int, str | Excerpt], ...] = ()  # the other lines kept, in order

    @classmethod
    def of(cls, result: FileResult) -> Clean | FileResult:
        """The compact form of ``result``, or ``result`` itself when it has findings or suppressions."""
        clean = result.loaded and result.parsed and not result.diagnostics and not result.suppressions
        if not clean:
            return result
        lines = [(n, _compact(e)) for n, e in result.excerpts.items()]
        if not lines:
            return cls(result.file)
        (line, kept), *more = lines
        return cls(result.file, line, kept, tuple(more))

    def result(self) -> FileResult:
        """The full form, as the check gave it (after its excerpts were pruned)."""
        lines = ((self.line, self.kept), *self.more) if self.line else ()
        excerpts = {n: kept if isinstance(kept, Excerpt) else _excerpt(kept) for n, kept in lines}
        return FileResult(self.file, loaded=True, parsed=True, excerpts=excerpts)


def _compact(excerpt: Excerpt) -> str | Excerpt:
    """A short line's text, from which its excerpt is made again; else the excerpt itself."""
    if len(excerpt.windows) != 1:
        return excerpt
    start, text = excerpt.windows[0]
    whole = start == 0 and len(text) == excerpt.length  # the window is the line
    # a normalised line's excerpt holds the same string as its content (see excerpts_of)
    return text if whole and (excerpt.content is text or excerpt.content == content_of(text)) else excerpt


def _excerpt(line: str) -> Excerpt:
    """The excerpt :func:`excerpts_of` keeps of a short line (one window: the whole line)."""
    content = content_of(line)
    return Excerpt(len(line), line if content == line else content, ((0, line),))
