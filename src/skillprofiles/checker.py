"""Paths to a report: discover files, read, validate and run the rules; never prints, never exits."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from skillprofiles import parallel
from skillprofiles.config import Config
from skillprofiles.diagnostics import Diagnostic, Report, Span
from skillprofiles.loader import build
from skillprofiles.models import AnyProfile
from skillprofiles.rules import parse as parse_codes
from skillprofiles.rules import registry
from skillprofiles.rules.registry import Context, Finding, Rule
from skillprofiles.yamlread import Parsed, read_path

PROFILE_SUFFIXES = (".yaml", ".yml")


@dataclass(slots=True)
class FileResult:
    """One file's outcome: its diagnostics and, when it loaded, the profile."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    profile: AnyProfile | None = None


def discover(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """Files to check (path, display name) in a stable order, and diagnostics for paths that are not there."""
    found: dict[str, Path] = {}
    problems: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.update((_display(p), p) for p in _walk(path))
        elif path.exists() or path.is_symlink():
            found[_display(path)] = path
        else:
            entry = parse_codes.UNREADABLE
            problems.append(
                Diagnostic(
                    entry.code, entry.name, entry.severity, "path does not exist", str(raw), Span.point(1, 1)
                )
            )
    return [(found[name], name) for name in sorted(found)], problems


def _walk(root: Path) -> Iterator[Path]:
    # os.walk does not follow directory links, so link loops cannot make it run forever
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(PROFILE_SUFFIXES) and not name.startswith("."):
                yield Path(directory, name)


def _display(path: Path) -> str:
    return path.as_posix()


class Checker:
    """Validates files under one configuration."""

    def __init__(self, config: Config | None = None, jobs: int | None = 1) -> None:
        self.config = config or Config()
        self.jobs = jobs  # processes for check_paths: 1 serial, None or 0 automatic
        self.profile_rules: list[Rule] = registry.checks("profile")

    def check_paths(self, paths: Iterable[str | Path]) -> Report:
        """Check files and directories (recursing into *.yaml and *.yml)."""
        files, problems = discover(paths)
        report = Report()
        report.extend(self._configured(problems))
        for result in parallel.check_files(self, files, self.jobs):
            report.files.append(result.file)
            report.extend(result.diagnostics)
        return report.finish()

    def check_file(self, path: Path, display: str) -> FileResult:
        """Read, validate and run every profile rule on one file; a fault here is reported, not raised."""
        try:
            return self.check_parsed(read_path(path, display, self.config.limits))
        except (RecursionError, MemoryError, ValueError, TypeError, KeyError, AttributeError) as exc:
            # a bug of ours must cost one file, never the run: report it as a finding
            entry = parse_codes.INTERNAL
            message = f"internal error while checking this file: {type(exc).__name__}: {exc}"
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


def validate(*paths: str | Path, config: Config | None = None, jobs: int | None = 1) -> Report:
    """Validate files and directories; bad content becomes diagnostics, never an exception.

    ``jobs`` is the number of processes (1, the default, checks on this one; None: automatic).
    """
    return Checker(config, jobs).check_paths(paths)
