"""Paths to a report: discover files, read, validate and run the rules; never prints, never exits."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from skillprofiles.config import Config
from skillprofiles.diagnostics import Diagnostic, Report, Span
from skillprofiles.loader import build
from skillprofiles.models import AnyProfile
from skillprofiles.rules import parse as parse_codes
from skillprofiles.rules import registry
from skillprofiles.rules.registry import Context, Finding, Rule
from skillprofiles.yamlread import Parsed, read_path, shown

PROFILE_SUFFIXES = (".yaml", ".yml")


@dataclass(slots=True)
class FileResult:
    """One file's outcome: its diagnostics and, when it loaded, the profile."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    profile: AnyProfile | None = None


def discover(
    paths: Iterable[str | Path], follow_links: bool = False
) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """Files to check (path, display name) in a stable order, and diagnostics for paths that are not there.

    Directories are walked for *.yaml and *.yml, skipping hidden names. A symbolic link met on the way is
    followed only when it stays inside the directory given (or when ``follow_links``); link loops are
    cut. Files named directly are read even when they are links: the user asked for them.
    """
    found: dict[str, Path] = {}
    problems: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        problem = _unusable(path)
        if problem is not None:
            problems.append(_problem(parse_codes.UNREADABLE, problem, str(raw)))
        elif os.path.isdir(path):
            found.update((_display(p), p) for p in _walk(path, follow_links, problems))
        else:  # files, links and the rest: the reader says what they are
            found[_display(path)] = path
    return _unique(found), sorted(problems, key=Diagnostic.sort_key)


def _unusable(path: Path) -> str | None:
    """Why a path given by the user cannot be checked at all, or None."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return "path does not exist"
    except OSError as exc:
        return f"cannot use this path: {exc.strerror or exc}"
    except ValueError:
        return "cannot use this path: it contains a NUL character"
    return None


def _unique(found: dict[str, Path]) -> list[tuple[Path, str]]:
    # a file reached twice (named twice, or through an inner link) is checked once, under its first name
    seen: set[str] = set()
    files = []
    for name in sorted(found):
        real = os.path.realpath(found[name])
        if real not in seen:
            seen.add(real)
            files.append((found[name], name))
    return files


def _problem(entry: Rule, message: str, file: str) -> Diagnostic:
    return Diagnostic(entry.code, entry.name, entry.severity, message, file, Span.point(1, 1))


def _walk(root: Path, follow_links: bool, problems: list[Diagnostic]) -> Iterator[Path]:
    """Profile files under ``root``, depth first in name order, without recursion."""
    top = os.path.realpath(root)
    visited = {top}
    pending = [root]
    while pending:
        directory = pending.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name, reverse=True)
        except OSError as exc:
            message = f"cannot read directory: {exc.strerror or exc}"
            problems.append(_problem(parse_codes.UNREADABLE, message, _display(directory)))
            continue
        files = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(directory, entry.name)
            if entry.is_symlink() and not _may_follow(path, top, follow_links, problems):
                continue
            if os.path.isdir(path):  # follows a link let through; False for loops and broken links
                if _first_visit(path, visited, problems):
                    pending.append(path)
            elif entry.name.endswith(PROFILE_SUFFIXES):
                files.append(path)
        yield from reversed(files)


def _may_follow(link: Path, top: str, follow_links: bool, problems: list[Diagnostic]) -> bool:
    target = os.path.realpath(link)
    if follow_links or target == top or target.startswith(top.rstrip(os.sep) + os.sep):
        return True
    message = f"symbolic link leads out of the checked directory (to {target}); not followed"
    problems.append(_problem(parse_codes.LINK_OUTSIDE, message, _display(link)))
    return False


def _first_visit(directory: Path, visited: set[str], problems: list[Diagnostic]) -> bool:
    real = os.path.realpath(directory)
    if real in visited:
        parent = os.path.realpath(directory.parent)
        if parent == real or parent.startswith(real.rstrip(os.sep) + os.sep):
            message = f"symbolic link loops back to {real}, which encloses it; not followed"
            problems.append(_problem(parse_codes.LINK_LOOP, message, _display(directory)))
        return False
    visited.add(real)
    return True


def _display(path: Path) -> str:
    return path.as_posix()


class Checker:
    """Validates files under one configuration."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.profile_rules: list[Rule] = registry.checks("profile")

    def check_paths(self, paths: Iterable[str | Path]) -> Report:
        """Check files and directories (recursing into *.yaml and *.yml)."""
        files, problems = discover(paths, self.config.limits.follow_links)
        report = Report()
        report.extend(self._configured(problems))
        for path, display in files:
            result = self.check_file(path, display)
            report.files.append(display)
            report.extend(result.diagnostics)
        return report.finish()

    def check_file(self, path: Path, display: str) -> FileResult:
        """Read, validate and run every profile rule on one file; a fault here is reported, not raised."""
        try:
            return self.check_parsed(read_path(path, display, self.config.limits))
        except Exception as exc:
            # a bug of ours must cost one file, never the run: report it as a finding
            entry = parse_codes.INTERNAL
            message = f"internal error while checking this file: {type(exc).__name__}: {shown(str(exc))}"
            diagnostic = Diagnostic(
                entry.code, entry.name, entry.severity, message, display, Span.point(1, 1)
            )
            return FileResult(display, [diagnostic])

    def check_parsed(self, parsed: Parsed) -> FileResult:
        """Validate already-parsed data and run the profile rules."""
        profile, structural = build(parsed)
        found = [*parsed.diagnostics, *structural]
        if profile is not None:
            found.extend(self._run_rules(profile, parsed))
        return FileResult(parsed.file, list(self._configured(found)), profile)

    def _run_rules(self, profile: AnyProfile, parsed: Parsed) -> Iterator[Diagnostic]:
        ctx = Context(parsed.file, parsed.source, self.config)
        for entry in self.profile_rules:
            if not self.config.enabled(entry.code) or entry.check is None:
                continue
            for finding in entry.check(profile, ctx):
                yield stamp(entry, finding, parsed)

    def _configured(self, diagnostics: Iterable[Diagnostic]) -> Iterator[Diagnostic]:
        for diagnostic in diagnostics:
            kept = self.config.apply(diagnostic)
            if kept is not None:
                yield kept


def stamp(entry: Rule, finding: Finding, parsed: Parsed) -> Diagnostic:
    """Turn a rule's finding into a diagnostic at the position its document path names."""
    span = parsed.source.span(finding.path, key=finding.key)
    return Diagnostic(
        entry.code,
        entry.name,
        entry.severity,
        finding.message,
        finding.file or parsed.file,
        span,
        finding.hint,
        finding.path,
    )


def validate(*paths: str | Path, config: Config | None = None) -> Report:
    """Validate files and directories; bad content becomes diagnostics, never an exception."""
    return Checker(config).check_paths(paths)
