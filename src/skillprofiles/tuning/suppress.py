"""Inline suppression comments: ``# skillprofiles: ignore[CODE, name]`` and ``ignore-file[CODE]``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from skillprofiles.codes import meta, registry
from skillprofiles.diagnostics import Diagnostic, DocPath, Span
from skillprofiles.tuning.config import did_you_mean, specificity
from skillprofiles.tuning.lines import MARK as MARK
from skillprofiles.tuning.lines import split_lines as split_lines

_DIRECTIVE = re.compile(r"#\s*skillprofiles:\s*")
_FORM = re.compile(r"(?P<kind>ignore-file|ignore)\[(?P<body>[^\]]*)\]")
_QUOTE_OPENERS = " \t[{,"
FILE = 0  # the target line of a file-level directive


@dataclass(frozen=True, slots=True)
class Directive:
    """One rule named in a suppression comment, and the line it applies to (FILE: the whole file)."""

    selector: str
    line: int  # where the selector is written
    column: int
    target: int  # the line whose findings it suppresses, FILE for all, -1 for none

    def covers(self, diagnostic: Diagnostic) -> bool:
        """Whether this directive suppresses a finding."""
        on_target = self.target == FILE or self.target == diagnostic.line
        return on_target and specificity(self.selector, diagnostic.code) is not None


def scan(
    text: str, file: str, source: Any = None, data: Any = None
) -> tuple[list[Directive], list[Diagnostic]]:
    """The directives of a file's suppression comments, and SP902 findings for the malformed ones.

    With the parsed document's ``source`` map and ``data``, text inside multi-line strings (block
    scalars, quoted strings over several lines) that looks like a comment is left alone.
    """
    if MARK not in text:  # the common case costs one substring search
        return [], []
    lines = split_lines(text)
    directives: list[Directive] = []
    problems: list[Diagnostic] = []
    for index, line in enumerate(lines):
        if MARK in line:
            _scan_line(lines, index, file, directives, problems)
    if source is not None and (directives or problems):
        inside = _string_spans(source, data)
        directives = [d for d in directives if not _within(inside, d.line, d.column)]
        problems = [p for p in problems if not _within(inside, p.line, p.column)]
    return directives, problems


def _string_spans(source: Any, data: Any) -> list[Span]:
    """The spans of the document's strings that run over several lines."""
    return [
        span
        for path, span in source.values.items()
        if span.end_line > span.line and isinstance(value_at(data, path), str)
    ]


def value_at(data: Any, path: DocPath) -> Any:
    """The value at a document path of plain YAML data, or None."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _within(spans: list[Span], line: int, column: int) -> bool:
    return any(
        (line, column) > (s.line, s.column) and (line, column) < (s.end_line, s.end_column) for s in spans
    )


def _scan_line(
    lines: list[str], index: int, file: str, directives: list[Directive], problems: list[Diagnostic]
) -> None:
    line = lines[index]
    start = comment_start(line)
    found = _DIRECTIVE.match(line, start) if start is not None else None
    if start is None or found is None:
        return
    form = _FORM.match(line, found.end())
    if form is None:
        problems.append(_invalid(file, index + 1, start + 1, "suppression comment is not ignore[...]"))
        return
    alone = not line[:start].strip()
    target = FILE if form["kind"] == "ignore-file" else _target(lines, index) if alone else index + 1
    before = len(directives)
    for selector, column in _selectors(form["body"], form.start("body")):
        message = None if registry.resolve(selector) else f"{selector!r} names no rule"
        if message:
            problems.append(_invalid(file, index + 1, column + 1, message + did_you_mean(selector)))
        else:
            directives.append(Directive(selector, index + 1, column + 1, target))
    if len(directives) == before and not any(p.line == index + 1 for p in problems):
        problems.append(_invalid(file, index + 1, start + 1, "suppression comment names no rule"))


def _selectors(body: str, offset: int) -> Iterator[tuple[str, int]]:
    position = offset
    for part in body.split(","):
        if part.strip():
            yield part.strip(), position + len(part) - len(part.lstrip())
        position += len(part) + 1


def _target(lines: list[str], index: int) -> int:
    """The next line that is neither blank nor a comment (1-based), or -1."""
    for later in range(index + 1, len(lines)):
        stripped = lines[later].strip()
        if stripped and not stripped.startswith("#"):
            return later + 1
    return -1


def comment_start(line: str) -> int | None:
    """Index of the ``#`` that starts a YAML comment on this line, skipping ``#`` inside quotes."""
    quote: str | None = None
    i = 0
    while i < len(line):
        char = line[i]
        if quote is None:
            if char == "#" and (i == 0 or line[i - 1] in " \t"):
                return i
            if char in "'\"" and (i == 0 or line[i - 1] in _QUOTE_OPENERS):
                quote = char
        elif quote == '"' and char == "\\":
            i += 1  # skip the escaped character
        elif char == quote:
            if quote == "'" and line.startswith("''", i):
                i += 1  # '' is an escaped quote inside single quotes
            else:
                quote = None
        i += 1
    return None


def _invalid(file: str, line: int, column: int, message: str) -> Diagnostic:
    entry = meta.INVALID_SUPPRESSION
    hint = "write '# skillprofiles: ignore[CODE]' with a code or name from 'skillprofiles rules'"
    return entry.diagnostic(message, file, Span.point(line, column), hint)


def suppress(
    file: str,
    diagnostics: Iterable[Diagnostic],
    directives: Iterable[Directive],
    enabled: Callable[[str], bool] | None = None,
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """The findings of ``file`` no directive covers, and SP901 findings for directives that covered nothing.

    ``enabled`` says whether a code is enabled for the file: a directive whose rules are all off is
    not reported, since it may serve another run. None reports no unused directive at all (for a
    file whose rules did not all run). Meta findings (SP9xx) are never suppressed.
    """
    pending = list(directives)
    used: set[Directive] = set()
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        covering = [] if diagnostic.code.startswith("SP9") else [d for d in pending if d.covers(diagnostic)]
        used.update(covering)
        if not covering:
            kept.append(diagnostic)
    if enabled is None:
        return kept, []
    unused = [d for d in pending if d not in used and _could_apply(d, enabled)]
    return kept, [_unused(d, file) for d in unused]


def _could_apply(directive: Directive, enabled: Callable[[str], bool]) -> bool:
    return any(enabled(r.code) for r in registry.resolve(directive.selector))


def _unused(directive: Directive, file: str) -> Diagnostic:
    entry = meta.UNUSED_SUPPRESSION
    where = "in this file" if directive.target == FILE else "on its line"
    message = f"suppression of {directive.selector!r} suppresses nothing {where}"
    span = Span.point(directive.line, directive.column)
    return entry.diagnostic(message, file, span, "delete it")
