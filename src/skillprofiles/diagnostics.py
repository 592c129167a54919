"""Diagnostics and reports: plain, JSON-serialisable data with no behaviour beyond ordering."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

DocPath = tuple[str | int, ...]


class Severity(enum.IntEnum):
    """How serious a finding is; the order is used for ``--fail-on`` thresholds."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The lower-case name used in every output format."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read a severity from configuration or the command line (``error``, ``warning``, ``info``)."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}; use error, warning or info") from None


@dataclass(frozen=True, slots=True)
class Span:
    """A 1-based region of a source file; end is exclusive and may equal the start."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        """A zero-width span at one position."""
        return cls(line, column, line, column)


@dataclass(frozen=True, slots=True)
class Location:
    """Another place a finding concerns (SARIF ``relatedLocations``): a file and a 1-based position."""

    file: str
    line: int = 1
    column: int = 1

    def to_dict(self) -> dict[str, object]:
        """The JSON form of the ``related`` list."""
        return {"file": self.file, "line": self.line, "column": self.column}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: a stable code, a one-sentence message and where it is."""

    code: str
    rule: str
    severity: Severity
    message: str
    file: str
    span: Span = field(default_factory=lambda: Span.point(1, 1))
    hint: str | None = None
    path: DocPath = ()
    replacement: str | None = None  # text that fixes the finding in place of its span (see Rule.fix)
    related: tuple[Location, ...] = ()  # other places the finding concerns, as data, not in the message

    @property
    def line(self) -> int:
        """1-based line of the start of the finding."""
        return self.span.line

    @property
    def column(self) -> int:
        """1-based column of the start of the finding."""
        return self.span.column

    @property
    def pointer(self) -> str:
        """The location inside the document as a JSON Pointer (RFC 6901)."""
        parts = (str(p).replace("~", "~0").replace("/", "~1") for p in self.path)
        return "".join("/" + p for p in parts)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Stable order: file, position, code, message."""
        return (self.file, self.span.line, self.span.column, self.code, self.message)

    def with_severity(self, severity: Severity) -> Diagnostic:
        """A copy with another severity (configuration overrides)."""
        return replace(self, severity=severity)

    def to_dict(self) -> dict[str, object]:
        """The JSON form used by ``--format json`` and the baseline."""
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
            "hint": self.hint,
            "file": self.file,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "path": self.pointer,
        }


FRAME_WINDOW = 120  # characters of a long line that a code frame shows around a finding's column


def frame_start(length: int, column: int) -> int:
    """Where (0-based) the part of a line of ``length`` characters a code frame shows at ``column`` starts."""
    if length <= FRAME_WINDOW:
        return 0
    return max(0, min(column - 1 - FRAME_WINDOW // 4, length - FRAME_WINDOW))


@dataclass(frozen=True, slots=True)
class Excerpt:
    """What a run keeps of one source line with findings, taken while the text was in hand: the
    windows code frames show and the line's whitespace-normalised text that baseline fingerprints
    hash (a digest of it for a very long line), so neither reads the file again."""

    length: int  # characters in the line
    content: str
    windows: tuple[tuple[int, str], ...] = ()  # (start, text): at most FRAME_WINDOW characters each

    def window(self, column: int) -> tuple[int, str] | None:
        """The window a code frame shows at ``column``: (start, text), or None when it was not kept."""
        first = frame_start(self.length, column)
        return next((w for w in self.windows if w[0] == first), None)


class DiagnosticsError(Exception):
    """A file could not be loaded; ``diagnostics`` says why, each at its line and column."""

    kind = "file"  # what the file was meant to be, for the message: profile, catalogue, assessment

    def __init__(self, file: str, diagnostics: list[Diagnostic]) -> None:
        self.file = file
        self.diagnostics = diagnostics
        first = diagnostics[0] if diagnostics else None
        where = f"{file}:{first.line}:{first.column}: {first.message}" if first else file
        more = f" (and {len(diagnostics) - 1} more)" if len(diagnostics) > 1 else ""
        super().__init__(f"invalid {self.kind} {where}{more}")


@dataclass(slots=True)
class Report:
    """The result of a run: every diagnostic, sorted, and which files were checked."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    hidden: int = 0  # findings a baseline hid
    # file -> line -> what code frames and baseline fingerprints need of that line (checked files only)
    excerpts: dict[str, dict[int, Excerpt]] = field(default_factory=dict)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Add findings; call :meth:`finish` once all are in."""
        self.diagnostics.extend(diagnostics)

    def finish(self) -> Report:
        """Sort diagnostics and files into their stable order."""
        self.diagnostics.sort(key=Diagnostic.sort_key)
        self.files.sort()
        return self

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    def counts(self) -> dict[str, int]:
        """Number of findings per severity label, every label present."""
        counted = Counter(d.severity.label for d in self.diagnostics)
        return {s.label: counted.get(s.label, 0) for s in sorted(Severity, reverse=True)}

    def worst(self) -> Severity | None:
        """The highest severity found, or None for a clean run."""
        return max((d.severity for d in self.diagnostics), default=None)

    def fails(self, threshold: Severity | None) -> bool:
        """Whether any finding reaches ``threshold`` (None never fails)."""
        worst = self.worst()
        return threshold is not None and worst is not None and worst >= threshold

    def for_file(self, file: str) -> list[Diagnostic]:
        """The findings of one file, in order."""
        return [d for d in self.diagnostics if d.file == file]
