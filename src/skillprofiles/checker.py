"""Paths to a report: discover files, read, validate and run the rules; never prints, never exits."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from skillprofiles import parallel, suppress
from skillprofiles.baseline import Baseline
from skillprofiles.catalogue import Catalogue, CatalogueError, default_catalogue, load_catalogue
from skillprofiles.config import Config
from skillprofiles.diagnostics import Diagnostic, Report, Span
from skillprofiles.loader import build
from skillprofiles.models import AnyProfile
from skillprofiles.rules import parse as parse_codes
from skillprofiles.rules import registry
from skillprofiles.rules.registry import Context, Finding, Rule
from skillprofiles.summary import ProfileSummary, summarize
from skillprofiles.yamlread import Parsed, read_path, shown

PROFILE_SUFFIXES = (".yaml", ".yml")


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

    def __init__(
        self, config: Config | None = None, baseline: Baseline | None = None, jobs: int | None = 1
    ) -> None:
        self.config = config or Config()
        self.baseline = baseline
        self.jobs = jobs  # processes for check_paths: 1 serial, None or 0 automatic
        self.profile_rules: list[Rule] = registry.checks("profile")
        self.repository_rules: list[Rule] = registry.checks("repository")
        self.catalogue, self.catalogue_problems = _catalogue(self.config)

    def check_paths(self, paths: Iterable[str | Path], repository: str | Path | None = None) -> Report:
        """Check files and directories (recursing into *.yaml and *.yml), then the run as a whole.

        With ``repository``, every profile under that directory is read for the repository-wide
        checks (codes, relationships, wordings), but only findings in ``paths`` are reported.
        """
        files, problems = discover(paths, self.config.limits.follow_links)
        # results carry diagnostics and small summaries, never the parsed profiles (see parallel.py)
        results = list(parallel.check_files(self, files, self.jobs))
        summaries = [r.summary for r in results if r.summary is not None]
        context = self._context_summaries(repository, [p for p, _ in files]) if repository else []
        shown = {display for _, display in files}
        found = [d for d in self.check_repository([*summaries, *context]) if d.file in shown]
        return self.finish(results, [*self.catalogue_problems, *problems, *found], repository=True)

    def _context_summaries(self, repository: str | Path, checked: list[Path]) -> list[ProfileSummary]:
        done = {p.resolve() for p in checked}
        others, _ = discover([repository], self.config.limits.follow_links)
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
        """Run the repository-wide rules over the summaries of one run (configured in finish)."""
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
        return found

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
        """Validate already-parsed data and run the profile rules; suppressions are applied by finish."""
        config = self.config.for_file(parsed.file)
        profile, structural = build(parsed)
        directives, malformed = suppress.scan(parsed.text, parsed.file, parsed.source, parsed.data)
        found = [*parsed.diagnostics, *structural, *malformed]
        if profile is not None:
            found.extend(self._run_rules(profile, parsed, config))
        configured = list(_configured(config, found))
        summary = summarize(profile, parsed.file, parsed.source) if profile is not None else None
        loaded, was_parsed = profile is not None, parsed.data is not None
        return FileResult(parsed.file, configured, profile, summary, tuple(directives), loaded, was_parsed)

    def _run_rules(self, profile: AnyProfile, parsed: Parsed, config: Config) -> Iterator[Diagnostic]:
        ctx = Context(parsed.file, parsed.source, config, self.catalogue, extra={"text": parsed.text})
        for entry in self.profile_rules:
            if not config.enabled(entry.code) or entry.check is None:
                continue
            for finding in entry.check(profile, ctx):
                yield stamp(entry, finding, parsed)

    def finish(
        self, results: Iterable[FileResult], extra: Iterable[Diagnostic] = (), repository: bool = False
    ) -> Report:
        """The report of a run: per-file results plus ``extra`` findings (repository-wide rules, paths
        that do not exist), configured, with suppression comments and the baseline applied.

        ``repository`` says whether the repository-wide rules ran: only then can a suppression of one
        of them be known to be unused.
        """
        pending: dict[str, list[Diagnostic]] = {}
        for diagnostic in extra:
            pending.setdefault(diagnostic.file, []).append(diagnostic)
        report = Report()
        for result in results:
            report.files.append(result.file)
            found = [*result.diagnostics, *_configured(self.config, pending.pop(result.file, []))]
            report.extend(self._suppressed(result, found, repository))
        report.extend(_configured(self.config, (d for group in pending.values() for d in group)))
        if self.baseline is not None:
            self._apply_baseline(report, self.baseline)
        return report.finish()

    def _suppressed(self, result: FileResult, found: list[Diagnostic], repository: bool) -> list[Diagnostic]:
        if not result.suppressions:
            return found
        config = self.config.for_file(result.file)
        ran = _ran(result, config, repository)
        kept, unused = suppress.suppress(result.file, found, result.suppressions, ran)
        return kept + list(_configured(config, unused))

    def _apply_baseline(self, report: Report, baseline: Baseline) -> None:
        kept, hidden, stale = baseline.apply(report.diagnostics, report.files)
        report.diagnostics = [*kept, *_configured(self.config, stale)]
        report.hidden += hidden


def _ran(result: FileResult, config: Config, repository: bool) -> Callable[[str], bool] | None:
    """Which codes surely had their chance on a file: a suppression of any other may still be needed."""
    if not result.parsed:
        return None

    def ran(code: str) -> bool:
        entry = registry.get(code)
        if entry.scope == "repository":
            return repository and config.enabled(code)
        # the loader's codes ran once the YAML parsed; the profile rules only once the profile loaded
        return config.enabled(code) and (result.loaded or entry.check is None)

    return ran


def _configured(config: Config, diagnostics: Iterable[Diagnostic]) -> Iterator[Diagnostic]:
    for diagnostic in diagnostics:
        kept = config.apply(diagnostic)
        if kept is not None:
            yield kept


def stamp(entry: Rule, finding: Finding, parsed: Parsed) -> Diagnostic:
    """Turn a rule's finding into a diagnostic at the span it gives, else where its document path points."""
    span = finding.span or parsed.source.span(finding.path, key=finding.key)
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
    *paths: str | Path,
    config: Config | None = None,
    baseline: Baseline | None = None,
    repository: str | Path | None = None,
    jobs: int | None = 1,
) -> Report:
    """Validate files and directories; bad content becomes diagnostics, never an exception.

    ``repository``: a directory whose profiles give the repository-wide checks their context
    while only findings in ``paths`` are reported (for pre-commit, which passes changed files).
    ``jobs`` is the number of processes (1, the default, checks on this one; None: automatic).
    """
    return Checker(config, baseline, jobs).check_paths(paths, repository)
