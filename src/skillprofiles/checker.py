"""Paths to a report: discover files, read, validate and run the rules; never prints, never exits."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from skillprofiles.catalogue import Catalogue, CatalogueError, default_catalogue, load_catalogue
from skillprofiles.config import Config
from skillprofiles.diagnostics import Diagnostic, Report, Span
from skillprofiles.loader import build
from skillprofiles.models import AnyProfile
from skillprofiles.rules import parse as parse_codes
from skillprofiles.rules import registry
from skillprofiles.rules.registry import Context, Finding, Rule
from skillprofiles.summary import ProfileSummary, summarize
from skillprofiles.yamlread import Parsed, read_path

PROFILE_SUFFIXES = (".yaml", ".yml")


@dataclass(slots=True)
class FileResult:
    """One file's outcome: its diagnostics and, when it loaded, the profile and its summary."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    profile: AnyProfile | None = None
    summary: ProfileSummary | None = None  # what repository-wide checks need; survives pickling


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

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.profile_rules: list[Rule] = registry.checks("profile")
        self.repository_rules: list[Rule] = registry.checks("repository")
        self.catalogue, self.catalogue_problems = _catalogue(self.config)

    def check_paths(self, paths: Iterable[str | Path], repository: str | Path | None = None) -> Report:
        """Check files and directories (recursing into *.yaml and *.yml), then the run as a whole.

        With ``repository``, every profile under that directory is read for the repository-wide
        checks (codes, relationships, wordings), but only findings in ``paths`` are reported.
        """
        files, problems = discover(paths)
        report = Report()
        report.extend(self._configured([*self.catalogue_problems, *problems]))
        summaries: list[ProfileSummary] = []
        for path, display in files:
            result = self.check_file(path, display)
            report.files.append(display)
            report.extend(result.diagnostics)
            summaries += [result.summary] if result.summary else []
        context = self._context_summaries(repository, [p for p, _ in files]) if repository else []
        shown = {display for _, display in files}
        found = self.check_repository([*summaries, *context])
        report.extend(d for d in found if d.file in shown)
        return report.finish()

    def _context_summaries(self, repository: str | Path, checked: list[Path]) -> list[ProfileSummary]:
        done = {p.resolve() for p in checked}
        others, _ = discover([repository])
        summaries = (self.summary_of(p, d) for p, d in others if p.resolve() not in done)
        return [s for s in summaries if s is not None]

    def summary_of(self, path: Path, display: str) -> ProfileSummary | None:
        """The summary of a file that gives context only: read and loaded, but its rules are not run."""
        try:
            parsed = read_path(path, display, self.config.limits)
            profile, _ = build(parsed)
        except (RecursionError, MemoryError, ValueError, TypeError, KeyError, AttributeError):
            return None  # a context file that cannot be read adds nothing; it is not reported
        return summarize(profile, display, parsed.source) if profile is not None else None

    def check_repository(self, summaries: list[ProfileSummary]) -> list[Diagnostic]:
        """Run the repository-wide rules over the summaries of one run."""
        by_file = {s.file: s for s in summaries}
        ctx = Context("", None, self.config, self.catalogue)
        found: list[Diagnostic] = []
        for entry in self.repository_rules:
            if entry.check is None or not self.config.enabled(entry.code):
                continue
            for finding in entry.check(summaries, ctx):
                summary = by_file.get(finding.file or "")
                span = summary.span(finding.path, finding.key) if summary else Span.point(1, 1)
                found.append(_diagnostic(entry, finding, finding.file or "", span))
        return list(self._configured(found))

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
        summary = None
        if profile is not None:
            found.extend(self._run_rules(profile, parsed))
            summary = summarize(profile, parsed.file, parsed.source)
        return FileResult(parsed.file, list(self._configured(found)), profile, summary)

    def _run_rules(self, profile: AnyProfile, parsed: Parsed) -> Iterator[Diagnostic]:
        ctx = Context(parsed.file, parsed.source, self.config, self.catalogue)
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
    return _diagnostic(entry, finding, finding.file or parsed.file, span)


def _diagnostic(entry: Rule, finding: Finding, file: str, span: Span) -> Diagnostic:
    return Diagnostic(
        entry.code, entry.name, entry.severity, finding.message, file, span, finding.hint, finding.path
    )


def _catalogue(config: Config) -> tuple[Catalogue, list[Diagnostic]]:
    """The catalogue a run checks against, and the problems of a configured catalogue file."""
    if not config.catalogue_path:
        return default_catalogue(), []
    try:
        return load_catalogue(config.catalogue_path), []
    except CatalogueError as exc:
        # the run goes on against the packaged catalogue; the broken file is reported first
        return default_catalogue(), exc.diagnostics


def validate(
    *paths: str | Path, config: Config | None = None, repository: str | Path | None = None
) -> Report:
    """Validate files and directories; bad content becomes diagnostics, never an exception.

    ``repository``: a directory whose profiles give the repository-wide checks their context
    while only findings in ``paths`` are reported (for pre-commit, which passes changed files).
    """
    return Checker(config).check_paths(paths, repository)
