"""Files to a report: read, load, run the checks, then apply configuration, suppressions and baseline once."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from skillprofiles.catalogue import Catalogue, configured_catalogue
from skillprofiles.catalogue.inference import VersionDecision, decide_version
from skillprofiles.codes import meta, registry
from skillprofiles.codes import reader as reader_codes
from skillprofiles.diagnostics import Diagnostic, DocPath, Excerpt, Report, Severity, Span
from skillprofiles.engine import parallel
from skillprofiles.engine.discovery import discover
from skillprofiles.engine.results import Clean, FileResult, excerpts_of, positions, pruned, windows_at
from skillprofiles.models import AnyProfile
from skillprofiles.rules import Check, checks, has_check
from skillprofiles.rules.base import Context, Finding, Fold
from skillprofiles.rules.summary import ProfileSummary, summarize
from skillprofiles.source.profile import build, build_models
from skillprofiles.source.reader import Parsed, read_path, shown
from skillprofiles.tuning.config import Config
from skillprofiles.tuning.lines import MARK

if TYPE_CHECKING:  # a baseline is read (and its module imported) only by a run that names one
    from skillprofiles.tuning.baseline import Baseline
    from skillprofiles.tuning.suppress import Directive

ERROR = Severity.ERROR


class Checker:
    """Validates files under one configuration and one catalogue; :class:`Pipeline` builds one."""

    def __init__(
        self,
        config: Config | None = None,
        baseline: Baseline | None = None,
        jobs: int | None = 1,
        catalogue: Catalogue | None = None,
    ) -> None:
        self.config = config or Config()
        # a configured catalogue that cannot be used raises CatalogueError: no silent fallback
        self.catalogue = catalogue or configured_catalogue(self.config.catalogue_path)
        self.baseline = baseline
        self.jobs = jobs  # processes for check_paths: 1 serial, None or 0 automatic
        self.profile_checks: list[Check] = checks("profile")
        self.repository_checks: list[Check] = checks("repository")

    def check_paths(self, paths: Iterable[str | Path], repository: str | Path | None = None) -> Report:
        """Check files and directories (recursing into *.yaml and *.yml), then the run as a whole.

        With ``repository``, every profile under that directory is read for the repository-wide
        checks (codes, relationships, wordings), but only findings in ``paths`` are reported.
        """
        found_files, problems = discover(paths, self.config.limits.follow_links)
        files = parallel.Files(found_files)  # names only: a Path object a file costs more than its result
        del found_files
        if parallel.effective_jobs(self.jobs, len(files)) > 1:
            build_models()  # once, before the workers fork, rather than once in each of them
        # results carry diagnostics and small summaries, never the parsed profiles (see parallel.py);
        # each summary is folded into the repository checks as it comes, and each result kept compact
        stage = _RepositoryStage(self)
        results = [stage.take(result) for result in parallel.check_files(self.check_file, files, self.jobs)]
        if repository:
            for summary in self._context_summaries(repository, files):
                stage.fold(summary)
        found = stage.end()
        if found:
            shown_files = set(files.names)
            found = [d for d in found if d.file in shown_files]
        return self.finish(results, [*problems, *found], repository=True)

    def _context_summaries(
        self, repository: str | Path, checked: Iterable[tuple[Path, str]]
    ) -> Iterator[ProfileSummary]:
        # os.path.realpath, not Path.resolve(): on Python <= 3.12 resolve() raises RuntimeError on a link loop
        done = {os.path.realpath(p) for p, _ in checked}
        others, _ = discover([repository], self.config.limits.follow_links)
        summaries = (self.summary_of(p, d) for p, d in others if os.path.realpath(p) not in done)
        return (s for s in summaries if s is not None)

    def summary_of(self, path: Path, display: str) -> ProfileSummary | None:
        """The summary of a file that gives context only: read and loaded, but its rules are not run."""
        try:
            parsed = read_path(path, display, self.config.limits)
            profile, _ = build(parsed)
        except (RecursionError, MemoryError, ValueError, TypeError, KeyError, AttributeError):
            return None  # a context file that cannot be read adds nothing; it is not reported
        return summarize(profile, display, parsed.source) if profile is not None else None

    def check_repository(self, summaries: list[ProfileSummary]) -> list[Diagnostic]:
        """Run the repository-wide checks over the summaries of one run (configured in finish)."""
        ctx = Context("", None, self.config, self.catalogue)
        enabled = [c for c in self.repository_checks if self.config.enabled(c.rule.code)]
        return [d for check in enabled for d in _listed(check, summaries, ctx)]

    def check_file(self, path: Path, display: str) -> FileResult:
        """Read, validate and run every profile check on one file; a fault here is reported, not raised."""
        try:
            return self.check_parsed(read_path(path, display, self.config.limits))
        except Exception as exc:
            # a bug of ours must cost one file, never the run: report it as a finding
            message = f"internal error while checking this file: {type(exc).__name__}: {shown(str(exc))}"
            return FileResult(display, [reader_codes.INTERNAL.diagnostic(message, display)])

    def check_parsed(self, parsed: Parsed) -> FileResult:
        """Validate already-parsed data and run the profile checks; :meth:`finish` configures the findings."""
        profile, structural = build(parsed)
        directives, malformed = _scan(parsed)
        found = [*parsed.diagnostics, *structural, *malformed]
        if profile is not None:
            found.extend(self._run_checks(profile, parsed))
        elif structural and parsed.data is not None:
            found.extend(self._salvaged_checks(parsed, {(d.code, d.path) for d in structural}))
        summary = summarize(profile, parsed.file, parsed.source) if profile is not None else None
        loaded, was_parsed = profile is not None, parsed.data is not None
        # taken now, while the text is in hand: code frames and fingerprints never read the file again
        excerpts = excerpts_of(parsed.text, positions(found, summary))
        directives_kept = tuple(directives)
        return FileResult(parsed.file, found, profile, summary, directives_kept, loaded, was_parsed, excerpts)

    def _run_checks(self, profile: AnyProfile, parsed: Parsed) -> Iterator[Diagnostic]:
        config = self.config.for_file(parsed.file)
        extra: dict[str, object] = {"text": parsed.text, "ecf_version": self.version_of(profile)}
        ctx = Context(parsed.file, parsed.source, config, self.catalogue, extra=extra)
        for check in self.profile_checks:
            if config.enabled(check.rule.code):  # a check that is off need not run at all
                for finding in check.run(profile, ctx):
                    yield stamp(check, finding, parsed)

    def _salvaged_checks(self, parsed: Parsed, known: set[tuple[str, DocPath]]) -> Iterator[Diagnostic]:
        """The profile checks on the parts of a profile that typed correctly (all findings in one run).

        A check that needs a part that did not type cannot run and is skipped; its findings come
        once the structure is fixed. Findings already reported by the loader are not repeated.
        """
        from skillprofiles.source.salvage import salvage  # pydantic's TypeAdapter: only for invalid files

        salvaged = salvage(parsed.data)
        if salvaged is None:
            return
        config = self.config.for_file(parsed.file)
        try:
            decision: object = self.version_of(salvaged.profile)
        except (AttributeError, KeyError, TypeError, ValueError):
            decision = None
        ctx = Context(parsed.file, parsed.source, config, self.catalogue, extra={"text": parsed.text})
        if decision is not None:
            ctx.extra["ecf_version"] = decision
        for check in self.profile_checks:
            if not config.enabled(check.rule.code):
                continue
            try:
                findings = list(check.run(salvaged.profile, ctx))
            except (AttributeError, KeyError, TypeError, ValueError, IndexError):
                continue  # it reads a part that did not type: it runs once the structure is fixed
            for finding in findings:
                moved = replace(finding, path=salvaged.document_path(finding.path))
                if (check.rule.code, moved.path) not in known:
                    yield stamp(check, moved, parsed)

    def version_of(self, profile: AnyProfile) -> VersionDecision:
        """The e-CF version the profile is read in: the one decision every command uses."""
        return decide_version(profile, self.catalogue, self.config.default_ecf_version)

    def finish(
        self,
        results: Iterable[FileResult | Clean],
        extra: Iterable[Diagnostic] = (),
        repository: bool = False,
    ) -> Report:
        """The report of a run: per-file results plus ``extra`` findings (repository-wide rules, paths
        that do not exist, the catalogue's problems), with suppression comments, configuration and the
        baseline applied, in that order, here and nowhere else.

        ``repository`` says whether the repository-wide rules ran: only then can a suppression of one
        of them be known to be unused.
        """
        pending: dict[str, list[Diagnostic]] = {}
        for diagnostic in extra:
            pending.setdefault(diagnostic.file, []).append(diagnostic)
        report = Report()
        silenced: set[str] = set()  # files that did not load and whose errors were suppressed or baselined
        for result in results:
            if isinstance(result, Clean):
                if result.file not in pending:  # nothing to report: its excerpt would be dropped
                    report.files.append(result.file)
                    continue
                result = result.result()
            report.files.append(result.file)
            if result.excerpts:
                report.excerpts[result.file] = result.excerpts
            found = list(self._configured([*result.diagnostics, *pending.pop(result.file, [])]))
            kept = self._suppressed(result, found, repository)
            if not result.loaded and _errors(found) > _errors(kept):
                silenced.add(result.file)
            report.extend(_capped(kept, self.config.max_findings_per_code))
        report.extend(self._configured(d for group in pending.values() for d in group))
        if self.baseline is not None:
            kept, hidden, stale = self.baseline.apply(report.diagnostics, report.files, report.excerpts)
            silenced.update(d.file for d in set(report.diagnostics) - set(kept) if d.severity >= ERROR)
            report.diagnostics = [*kept, *self._configured(stale)]
            report.hidden += hidden
        report.extend(_not_checked(report, silenced))
        return _keep_used_excerpts(report.finish())

    def _configured(self, diagnostics: Iterable[Diagnostic]) -> Iterator[Diagnostic]:
        """The one place where configuration (selection, severities, per-path overrides) meets findings."""
        for diagnostic in diagnostics:
            kept = self.config.apply(diagnostic)
            if kept is not None:
                yield kept

    def _suppressed(self, result: FileResult, found: list[Diagnostic], repository: bool) -> list[Diagnostic]:
        if not result.suppressions:
            return found
        from skillprofiles.tuning import suppress  # imported by _scan: the file had suppression comments

        ran = _ran(result, self.config.for_file(result.file), repository)
        kept, unused = suppress.suppress(result.file, found, result.suppressions, ran)
        return kept + list(self._configured(unused))


@dataclass(eq=False, repr=False)  # a stage of one run: never compared or shown
class _RepositoryStage:
    """The repository-wide checks of one run, fed each file's summary as its result comes, so that no
    summary is kept per file: checks that fold (:class:`~skillprofiles.rules.base.Fold`) keep what a
    later finding can need; the others (checks added at run time) get the list of summaries at the end.

    Each result is kept compact (:meth:`take`): its excerpts only for lines a finding can still be on.
    """

    checker: Checker
    folds: list[tuple[int, Check, Fold]] = field(default_factory=list)
    listed: list[tuple[int, Check]] = field(default_factory=list)
    found: list[list[Diagnostic]] = field(default_factory=list)  # per enabled check, in check order
    summaries: list[ProfileSummary] = field(default_factory=list)  # only for checks that do not fold

    def __post_init__(self) -> None:
        config = self.checker.config
        self.ctx = Context("", None, config, self.checker.catalogue)
        enabled = [c for c in self.checker.repository_checks if config.enabled(c.rule.code)]
        self.folds = [(i, c, c.fold(self.ctx)) for i, c in enumerate(enabled) if c.fold is not None]
        self.listed = [(i, c) for i, c in enumerate(enabled) if c.fold is None]
        self.found = [[] for _ in enabled]

    def take(self, result: FileResult) -> FileResult | Clean:
        """The result to keep of one checked file, its summary folded into the repository checks."""
        summary, result.summary = result.summary, None
        baseline = self.checker.baseline
        if baseline is not None and result.file == baseline.path:
            return result  # stale baseline entries point into the baseline: keep every excerpt
        at = [(d.line, d.column) for d in result.diagnostics]
        at += ((d.line, d.column) for d in result.suppressions)  # unused ones are reported there
        at += self.fold(summary) if summary is not None else [(1, 1)]  # 1:1: "not checked" (SP904)
        if baseline is not None:
            at.append((1, 1))  # a file whose errors the baseline hides is "not checked" too
        result.excerpts = pruned(result.excerpts, at)
        return Clean.of(result)

    def fold(self, summary: ProfileSummary) -> list[tuple[int, int]]:
        """Fold one summary in; where in its file a repository finding is or can still be."""
        at: list[tuple[int, int]] = []
        for index, check, fold in self.folds:
            for finding in fold.add(summary):
                span = finding.span or summary.span(finding.path, finding.key)
                diagnostic = _diagnostic(check, finding, finding.file or "", span)
                self.found[index].append(diagnostic)
                if diagnostic.file == summary.file:
                    at.append((diagnostic.line, diagnostic.column))
            at += ((span.line, span.column) for span in fold.later(summary))
        if self.listed:
            self.summaries.append(summary)
            at += positions((), summary)
        return at

    def end(self) -> list[Diagnostic]:
        """Every repository finding of the run, check by check (as :meth:`Checker.check_repository`)."""
        for index, check, fold in self.folds:
            for finding in fold.end():
                span = finding.span or Span.point(1, 1)
                self.found[index].append(_diagnostic(check, finding, finding.file or "", span))
        for index, check in self.listed:
            self.found[index] += _listed(check, self.summaries, self.ctx)
        return [d for found in self.found for d in found]


def _listed(check: Check, summaries: list[ProfileSummary], ctx: Context) -> list[Diagnostic]:
    """A repository check's findings over a list of summaries, at the span its path has in its file."""
    by_file = {s.file: s for s in summaries}
    found = []
    for finding in check.run(summaries, ctx):
        summary = by_file.get(finding.file or "")
        span = summary.span(finding.path, finding.key) if summary else Span.point(1, 1)
        found.append(_diagnostic(check, finding, finding.file or "", span))
    return found


def _scan(parsed: Parsed) -> tuple[list[Directive], list[Diagnostic]]:
    """A file's suppression comments, and findings for the malformed ones."""
    if MARK not in parsed.text:  # most files have none: the suppression module is not even imported
        return [], []
    from skillprofiles.tuning import suppress

    return suppress.scan(parsed.text, parsed.file, parsed.source, parsed.data)


def _capped(diagnostics: list[Diagnostic], cap: int) -> list[Diagnostic]:
    """At most ``cap`` findings of one code in one file (the first ones), then one summary finding of
    that code, at the first one left out, that says how many more there are: output stays bounded."""
    counts: dict[tuple[str, str], int] = {}
    for d in diagnostics:
        counts[(d.file, d.code)] = counts.get((d.file, d.code), 0) + 1
    if cap <= 0 or max(counts.values(), default=0) <= cap:
        return diagnostics
    kept: list[Diagnostic] = []
    seen: dict[tuple[str, str], int] = {}
    for d in sorted(diagnostics, key=Diagnostic.sort_key):
        key = (d.file, d.code)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= cap:
            kept.append(d)
        elif seen[key] == cap + 1:
            more = counts[key] - cap
            message = f"{more} more finding{'s' if more != 1 else ''} of {d.code} in this file not shown"
            hint = f"only the first {cap} findings of a code are shown per file (max_findings_per_code)"
            summary = registry.get(d.code).diagnostic(message, d.file, d.span, hint, d.path)
            kept.append(summary.with_severity(d.severity))
    return kept


def _keep_used_excerpts(report: Report) -> Report:
    """Only the excerpts of lines, and the windows of columns, a reported finding is at: the rest
    were kept for findings that the cap, configuration, suppressions or the baseline took away."""
    used: dict[str, dict[int, set[int]]] = {}
    for d in report.diagnostics:
        used.setdefault(d.file, {}).setdefault(d.line, set()).add(d.column)
    kept: dict[str, dict[int, Excerpt]] = {}
    for file, lines in report.excerpts.items():
        wanted = used.get(file, {})
        kept[file] = {n: windows_at(e, wanted[n]) for n, e in lines.items() if n in wanted}
    report.excerpts = {file: lines for file, lines in kept.items() if lines}
    return report


def _errors(diagnostics: Iterable[Diagnostic]) -> int:
    return sum(1 for d in diagnostics if d.severity >= ERROR)


def _not_checked(report: Report, silenced: set[str]) -> Iterator[Diagnostic]:
    """A file that did not load is never a pass: once its errors were all suppressed or baselined, say so.

    This finding is not configurable and cannot be suppressed: the file's own findings can be
    silenced, not the fact that its catalogue and profile rules never ran.
    """
    failing = {d.file for d in report.diagnostics if d.severity >= ERROR}
    for file in sorted(silenced):
        if file not in failing:
            yield meta.NOT_CHECKED.diagnostic(
                "profile did not load, so its catalogue and profile rules did not run; its own findings "
                "are suppressed or in the baseline",
                file,
                hint="fix the structural errors (run without the baseline or the suppressions to see them)",
            )


def _ran(result: FileResult, config: Config, repository: bool) -> Callable[[str], bool] | None:
    """Which codes surely had their chance on a file: a suppression of any other may still be needed."""
    if not result.parsed:
        return None

    def ran(code: str) -> bool:
        entry = registry.get(code)
        if entry.scope == "repository":
            return repository and config.enabled(code)
        # the loader's codes ran once the YAML parsed; the profile checks only once the profile loaded
        return config.enabled(code) and (result.loaded or not has_check(code))

    return ran


def stamp(check: Check, finding: Finding, parsed: Parsed) -> Diagnostic:
    """Turn a check's finding into a diagnostic at the span it gives, else where its document path points."""
    span = finding.span or parsed.source.span(finding.path, key=finding.key)
    return _diagnostic(check, finding, finding.file or parsed.file, span)


def _diagnostic(check: Check, finding: Finding, file: str, span: Span) -> Diagnostic:
    return check.rule.diagnostic(
        finding.message, file, span, finding.hint, finding.path, finding.replacement, finding.related
    )
