"""Baselines: record today's findings so that only new ones are reported, matched without line numbers."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from skillprofiles.codes import meta
from skillprofiles.diagnostics import Diagnostic, Excerpt, Span
from skillprofiles.source.reader import UnreadableError, read_bounded

# content_of and MAX_CONTENT live with the line splitting, which a run without a baseline uses too
from skillprofiles.tuning.lines import MAX_CONTENT as MAX_CONTENT
from skillprofiles.tuning.lines import content_of as content_of
from skillprofiles.tuning.lines import split_lines

FORMAT_VERSION = 1
MAX_BASELINE_BYTES = 64 * 1024 * 1024  # a baseline is read whole: a larger one is refused (SP911)
MAX_SOURCE_BYTES = 64 * 1024 * 1024  # a line without an excerpt is read from its file up to this size
Key = tuple[str, str, str]  # file (relative to the baseline's directory), code, fingerprint
Excerpts = Mapping[str, Mapping[int, Excerpt]]  # Report.excerpts: file -> line -> excerpt


class BaselineError(Exception):
    """A baseline file cannot be used; ``diagnostic`` (SP911) says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass(frozen=True, slots=True)
class Entry:
    """One recorded finding."""

    file: str
    code: str
    message: str
    fingerprint: str

    @property
    def key(self) -> Key:
        """What a finding must share with the entry to match it."""
        return (self.file, self.code, self.fingerprint)


@dataclass(frozen=True)
class Baseline:
    """The entries of one baseline file; file names in it are relative to its directory."""

    path: str
    entries: tuple[Entry, ...]
    text: str = ""  # the file's text, to point at stale entries

    @property
    def root(self) -> str:
        """The directory file names are relative to."""
        return os.path.dirname(os.path.abspath(self.path))

    def apply(
        self, diagnostics: Iterable[Diagnostic], checked: Iterable[str], excerpts: Excerpts | None = None
    ) -> tuple[list[Diagnostic], int, list[Diagnostic]]:
        """Findings not in the baseline, how many were hidden, and SP903 for entries matching nothing.

        Only entries for ``checked`` files can be stale: a run over some files says nothing of others.
        ``excerpts`` (``Report.excerpts``) gives the lines the findings are on, as the check read them.
        """
        remaining = Counter(e.key for e in self.entries)
        kept: list[Diagnostic] = []
        hidden = 0
        for diagnostic, key in zip(*_keyed(list(diagnostics), self.root, excerpts), strict=True):
            if remaining[key] > 0:
                remaining[key] -= 1
                hidden += 1
            else:
                kept.append(diagnostic)
        files = {relative(f, self.root) for f in checked}
        stale = []
        for entry in self.entries:  # an entry recorded twice with one match left over is stale once
            if entry.file in files and remaining[entry.key] > 0:
                remaining[entry.key] -= 1
                stale.append(self._stale(entry))
        return kept, hidden, stale

    def _stale(self, entry: Entry) -> Diagnostic:
        meta_entry = meta.STALE_BASELINE_ENTRY
        message = f"baseline entry matches no finding: {entry.file} {entry.code} {entry.message}"
        return meta_entry.diagnostic(
            message,
            self.path,
            _position(self.text, entry.fingerprint),
            "regenerate the baseline with --write-baseline to lock the fix in",
        )


def _position(text: str, fingerprint: str) -> Span:
    index = text.find(f'"{fingerprint}"')
    if index < 0:
        return Span.point(1, 1)
    before = text[text.rfind("\n", 0, index) + 1 : index]  # the line up to the value
    return Span.point(text.count("\n", 0, index) + 1, len(before) - len(before.lstrip()) + 1)


def relative(file: str, root: str) -> str:
    """A finding's file as the baseline names it: relative to the baseline's directory, with '/'."""
    return Path(os.path.relpath(os.path.abspath(file), root)).as_posix()


def _keyed(
    diagnostics: list[Diagnostic], root: str, excerpts: Excerpts | None = None
) -> tuple[list[Diagnostic], list[Key]]:
    """Each finding with its key, in the order given."""
    keys = [("", "", "")] * len(diagnostics)
    content = _Contents(excerpts or {})
    seen: Counter[tuple[str, str, str]] = Counter()
    order = sorted(range(len(diagnostics)), key=lambda i: diagnostics[i].sort_key())
    for i in order:
        d = diagnostics[i]
        text = content(d.file, d.line)
        occurrence = seen[(d.file, d.code, text)]
        seen[(d.file, d.code, text)] += 1
        keys[i] = (relative(d.file, root), d.code, fingerprint(d.code, text, occurrence))
    return diagnostics, keys


class _Contents:
    """The fingerprint content of a line: from the run's excerpts, else (a library caller giving
    bare diagnostics, a line no excerpt was kept for) read once per file through the bounded reader."""

    def __init__(self, excerpts: Excerpts) -> None:
        self.excerpts = excerpts
        self.read: dict[str, list[str]] = {}

    def __call__(self, file: str, line: int) -> str:
        excerpt = self.excerpts.get(file, {}).get(line)
        if excerpt is not None:
            return excerpt.content
        if file not in self.read:
            self.read[file] = _lines(file)
        lines = self.read[file]
        return content_of(lines[line - 1]) if 0 < line <= len(lines) else ""


def fingerprint(code: str, content: str, occurrence: int) -> str:
    """A finding's identity: its code, the whitespace-normalised text of its line and which one of
    that code's findings on identical lines of the file it is (0, 1, ...): no line number."""
    digest = hashlib.sha256(f"{code}\0{content}\0{occurrence}".encode())
    return digest.hexdigest()[:20]


def _lines(file: str) -> list[str]:
    # through the bounded, non-blocking reader: a named pipe or a device in the tree is never waited on
    try:
        data = read_bounded(Path(file), MAX_SOURCE_BYTES)
    except UnreadableError:
        return []
    return split_lines(data.decode("utf-8", errors="replace"))


def dump(diagnostics: Iterable[Diagnostic], path: str, excerpts: Excerpts | None = None) -> str:
    """The text of a baseline file recording ``diagnostics``, to be written at ``path``
    (``excerpts``: ``Report.excerpts``, the lines as the check read them)."""
    root = os.path.dirname(os.path.abspath(path))
    listed, keys = _keyed(list(diagnostics), root, excerpts)
    entries = sorted(
        (Entry(file, code, d.message, print_) for d, (file, code, print_) in zip(listed, keys, strict=True)),
        key=lambda e: (e.file, e.code, e.fingerprint),
    )
    document = {
        "format_version": FORMAT_VERSION,
        "tool": "skillprofiles",
        "findings": [
            {"file": e.file, "code": e.code, "message": e.message, "fingerprint": e.fingerprint}
            for e in entries
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def load(path: str) -> Baseline:
    """Read a baseline file; raises BaselineError (SP911) when it cannot be used."""
    try:
        text = read_bounded(Path(path), MAX_BASELINE_BYTES).decode("utf-8")
    except UnreadableError as exc:
        raise _error(path, f"cannot read baseline: {exc}".replace(": cannot read file", "")) from None
    except UnicodeDecodeError as exc:
        raise _error(path, f"cannot read baseline: {exc.reason} at byte {exc.start}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _error(path, f"baseline is not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    return Baseline(path, _entries(document, path), text)


def _entries(document: object, path: str) -> tuple[Entry, ...]:
    if not isinstance(document, dict) or document.get("format_version") != FORMAT_VERSION:
        raise _error(path, f"not a skillprofiles baseline of format version {FORMAT_VERSION}")
    findings = document.get("findings")
    fields = ("file", "code", "message", "fingerprint")
    if not isinstance(findings, list) or not all(
        isinstance(f, dict) and all(isinstance(f.get(k), str) for k in fields) for f in findings
    ):
        raise _error(path, "'findings' must be a list of {file, code, message, fingerprint} strings")
    return tuple(Entry(*(f[k] for k in fields)) for f in findings)


def _error(path: str, message: str, line: int = 1, column: int = 1) -> BaselineError:
    entry = meta.INVALID_BASELINE
    hint = "write a new one with --write-baseline"
    return BaselineError(entry.diagnostic(message, path, Span.point(line, column), hint))
