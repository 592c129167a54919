"""Mechanical fixes as minimal text edits: each finding that carries a replacement rewrites its span only."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from skillprofiles.codes import registry
from skillprofiles.diagnostics import Diagnostic

# the line breaks the reader counts (those of libyaml): a span's line and column are found the same way
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
MAX_PASSES = 10  # a fix can let the next finding through (e.g. once a file parses); bounded all the same


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (code point offsets) with ``new``."""

    start: int
    end: int
    new: str


@dataclass(frozen=True, slots=True)
class Fix:
    """One finding's fix: what it does, whether it is safe, and its edit."""

    code: str
    title: str
    safe: bool
    edit: Edit


def line_starts(text: str) -> list[int]:
    """The offset at which each line starts (line 1 at index 0)."""
    return [0, *(m.end() for m in _BREAK.finditer(text))]


def offset(starts: list[int], text: str, line: int, column: int) -> int:
    """The code point offset of a 1-based line and column (clamped to the text)."""
    index = max(0, min(line, len(starts)) - 1)
    return min(starts[index] + max(column, 1) - 1, len(text))


def fix_of(diagnostic: Diagnostic, text: str, starts: list[int] | None = None) -> Fix | None:
    """The fix a finding carries, as an edit of ``text``; None when it carries none."""
    if diagnostic.replacement is None or diagnostic.code not in registry.REGISTRY:
        return None
    kind = registry.get(diagnostic.code).fix
    if kind is None:
        return None
    starts = starts if starts is not None else line_starts(text)
    span = diagnostic.span
    start = offset(starts, text, span.line, span.column)
    end = offset(starts, text, span.end_line, span.end_column)
    if end <= start or "\n" in text[start:end]:
        return None  # only single-line scalars are rewritten: a multi-line value is left to the author
    old = text[start:end]
    title = f"replace {old!r} with {diagnostic.replacement!r}"
    return Fix(diagnostic.code, title, kind == "safe", Edit(start, end, diagnostic.replacement))


def fixes(diagnostics: Iterable[Diagnostic], text: str, unsafe: bool = False) -> list[Fix]:
    """The fixes to apply to one file's text: safe ones (and unsafe ones when asked), never overlapping."""
    starts = line_starts(text)
    chosen: list[Fix] = []
    for fix in sorted(
        (f for f in (fix_of(d, text, starts) for d in diagnostics) if f is not None),
        key=lambda f: (f.edit.start, f.edit.end),
    ):
        if not (fix.safe or unsafe):
            continue
        if chosen and fix.edit.start < chosen[-1].edit.end:
            continue  # overlapping: the next pass sees what is left
        chosen.append(fix)
    return chosen


def apply(text: str, chosen: Iterable[Fix]) -> str:
    """``text`` with the edits applied; every other character stays as it was."""
    parts: list[str] = []
    position = 0
    for fix in sorted(chosen, key=lambda f: f.edit.start):
        parts.append(text[position : fix.edit.start])
        parts.append(fix.edit.new)
        position = fix.edit.end
    parts.append(text[position:])
    return "".join(parts)


@dataclass(frozen=True)
class Fixed:
    """The outcome of fixing one text: the new text, the fixes applied, and what is left."""

    text: str
    applied: list[Fix]
    remaining: list[Diagnostic]
