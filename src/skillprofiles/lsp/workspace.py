"""The language server's view of the validator: one check of an editor's buffer, as ``validate`` gives it.

No LSP types and no pygls here. :class:`Workspace` reads a document's unsaved text through the
:class:`~skillprofiles.engine.pipeline.Pipeline` of its configuration (found from the document's
directory upwards, as ``Pipeline.discover`` does, with the command line's loading options on top),
runs the repository-wide rules against the other profiles of the workspace (their summaries read
once, then refreshed when a file is saved or changes on disk), and applies suppressions, configuration
and the baseline as ``validate`` does.

Calls come from one worker thread at a time, so the caches need no locks.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from skillprofiles.catalogue import CatalogueError
from skillprofiles.diagnostics import Diagnostic, Span
from skillprofiles.engine.checker import Checker
from skillprofiles.engine.discovery import discover
from skillprofiles.engine.pipeline import Pipeline
from skillprofiles.engine.results import FileResult
from skillprofiles.lsp import knowledge
from skillprofiles.lsp.fixes import Fix, fixes_for
from skillprofiles.lsp.positions import TextIndex
from skillprofiles.lsp.suppression import can_suppress
from skillprofiles.rules.summary import ProfileSummary
from skillprofiles.source.reader import Parsed, parse_bytes
from skillprofiles.tuning.baseline import BaselineError
from skillprofiles.tuning.config import Config
from skillprofiles.tuning.files import ConfigError, find_config, load_config
from skillprofiles.tuning.suppress import comment_start, value_at

MAX_CONTEXT_FILES = 2000  # profiles of a workspace read for the repository-wide rules, at most


@dataclass(frozen=True)
class Settings:
    """How documents are read: the configuration file (None: the nearest one to each document),
    whether to ignore configuration files, and the command line's options applied on top."""

    config_file: Path | None = None
    no_config: bool = False
    configure: Callable[[Config], Config] = lambda config: config


@dataclass(frozen=True)
class Finding:
    """One diagnostic as the server publishes it, with its fixes and whether a comment can suppress it."""

    diagnostic: Diagnostic
    fixes: tuple[Fix, ...] = ()
    suppressible: bool = True


class SetupError(Exception):
    """The configuration, catalogue or baseline that applies to a document cannot be used."""

    def __init__(self, message: str, diagnostics: list[Diagnostic]) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics


@dataclass
class _Context:
    """The summaries of one workspace root's profiles, by resolved path, with what they were read from."""

    files: dict[Path, str] = field(default_factory=dict)  # path -> display name
    summaries: dict[Path, tuple[tuple[int, int], ProfileSummary | None]] = field(default_factory=dict)
    truncated: bool = False


class Workspace:
    """Checks, hovers and completions for the documents of one editor session."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.roots: list[Path] = []
        self._pipelines: dict[Path | None, tuple[tuple[int, int] | None, Pipeline]] = {}
        self._contexts: dict[Path, _Context] = {}
        self._open: dict[Path, ProfileSummary | None] = {}  # summaries of open documents' buffers
        self._versions: dict[Path, str | None] = {}  # the e-CF version each document was last read in
        self.notes: list[str] = []  # messages for the client's log (context truncated, ...)

    # -- configuration ---------------------------------------------------------------------------
    def pipeline_for(self, path: Path) -> Pipeline:
        """The pipeline a document is read through; raises SetupError when its configuration is unusable."""
        config_path = None if self.settings.no_config else self.settings.config_file or _nearest(path)
        stamp = _stamp(config_path) if config_path is not None else None
        cached = self._pipelines.get(config_path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            base = load_config(config_path) if config_path is not None else Config()
            config = self.settings.configure(base)
            pipeline = Pipeline.from_config(config)
            if config.baseline_path:
                from skillprofiles.tuning.baseline import load as load_baseline

                pipeline = replace(pipeline, baseline=load_baseline(config.baseline_path))
        except ConfigError as exc:
            raise SetupError(
                f"the configuration file {config_path} cannot be used", exc.diagnostics
            ) from None
        except CatalogueError as exc:
            raise SetupError(f"the catalogue file {exc.file} cannot be used", exc.diagnostics) from None
        except BaselineError as exc:
            raise SetupError("the baseline file cannot be used", [exc.diagnostic]) from None
        self._pipelines[config_path] = (stamp, pipeline)
        return pipeline

    # -- checking --------------------------------------------------------------------------------
    def check(self, text: str, path: Path) -> list[Finding]:
        """The findings ``skillprofiles validate --repository ROOT`` gives this document with this text."""
        pipeline = self.pipeline_for(path)
        checker = pipeline.checker()
        display = str(path)
        data = _encodable(text).encode("utf-8")
        parsed = parse_bytes(data, display, pipeline.config.limits)
        result = checker.check_parsed(parsed)
        self._open[_resolved(path)] = result.summary
        self._versions[_resolved(path)] = _version(pipeline, result, parsed.data, text)
        summaries = [result.summary] if result.summary is not None else []
        summaries += self._context(checker, path)
        found = [d for d in checker.check_repository(summaries) if d.file == display]
        report = checker.finish([result], found, repository=True)
        index, strings = TextIndex(text), _multiline_strings(parsed)
        return [
            Finding(d, tuple(fixes_for(d, text, index)), _suppressible(d, text, index, strings))
            for d in report.diagnostics
            if d.file == display
        ]

    def closed(self, path: Path) -> None:
        """A document was closed: its file on disk is the context again."""
        self._open.pop(_resolved(path), None)
        self._versions.pop(_resolved(path), None)

    def changed_on_disk(self, path: Path) -> None:
        """A file was saved, created, changed or deleted: read its summary again when next needed."""
        resolved = _resolved(path)
        for root, context in self._contexts.items():
            if resolved.is_relative_to(root):
                context.summaries.pop(resolved, None)
                if resolved not in context.files and resolved.suffix in (".yaml", ".yml"):
                    self._contexts.pop(root, None)  # a new file: list the root again
                    break
        if resolved.name in _CONFIG_NAMES or resolved.suffix == ".json":
            self._pipelines.clear()  # a configuration or baseline file: read again

    def _root(self, path: Path) -> Path | None:
        resolved = _resolved(path)
        containing = [r for r in self.roots if resolved.is_relative_to(r)]
        if containing:
            return max(containing, key=lambda r: len(r.parts))
        config_path = None if self.settings.no_config else self.settings.config_file or _nearest(path)
        return config_path.resolve().parent if config_path is not None else None

    def _context(self, checker: Checker, path: Path) -> list[ProfileSummary]:
        """Summaries of the workspace's other profiles: open buffers as typed, the rest as saved."""
        root = self._root(path)
        if root is None:
            return []
        context = self._contexts.get(root)
        if context is None:
            context = self._contexts[root] = self._list(checker, root)
        own = _resolved(path)
        found: list[ProfileSummary] = []
        for other, display in context.files.items():
            if other == own:
                continue
            if other in self._open:
                summary = self._open[other]
            else:
                stamp = _stamp(other)
                cached = context.summaries.get(other)
                if cached is None or cached[0] != stamp:
                    cached = (stamp, checker.summary_of(other, display) if stamp != (-1, -1) else None)
                    context.summaries[other] = cached
                summary = cached[1]
            if summary is not None:
                found.append(summary)
        found += [s for p, s in self._open.items() if s is not None and p != own and p not in context.files]
        return found

    def _list(self, checker: Checker, root: Path) -> _Context:
        files, _ = discover([root], checker.config.limits.follow_links)
        context = _Context(truncated=len(files) > MAX_CONTEXT_FILES)
        if context.truncated:
            self.notes.append(
                f"{root} holds {len(files)} YAML files; the repository-wide rules read the first "
                f"{MAX_CONTEXT_FILES} (run 'skillprofiles validate' for all)"
            )
        for file, _display in files[:MAX_CONTEXT_FILES]:
            resolved = _resolved(file)
            context.files[resolved] = str(resolved)
        return context

    # -- knowledge -------------------------------------------------------------------------------
    def version_of(self, text: str, path: Path) -> str | None:
        """The e-CF version the document was last read in (checked first when it never was)."""
        resolved = _resolved(path)
        if resolved not in self._versions:
            self.check(text, path)
        return self._versions.get(resolved)

    def hover(self, text: str, path: Path, line: int, col: int) -> str | None:
        """Markdown for what is at (line, col), 1-based, or None."""
        pipeline = self.pipeline_for(path)
        if _too_large(text, pipeline):
            return None
        return knowledge.hover(pipeline.catalogue, self.version_of(text, path), text, line, col)

    def complete(self, text: str, path: Path, line: int, col: int) -> list[knowledge.Completion]:
        """Candidates at (line, col), 1-based: the cursor is before the character at col."""
        pipeline = self.pipeline_for(path)
        if _too_large(text, pipeline):
            return []
        version = self.version_of(text, path)
        return knowledge.complete(pipeline.catalogue, version, None, text, line, col)


_CITED = re.compile(
    r"^ecf_version:[ \t]*['\"]?(?P<version>[0-9]+\.[0-9]+)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE
)
_CONFIG_NAMES = (".skillprofiles.yaml", ".skillprofiles.yml", "pyproject.toml")


def _too_large(text: str, pipeline: Pipeline) -> bool:
    """Whether the reader refuses the text for its size (then hover and completion say nothing)."""
    limit = pipeline.config.limits.max_bytes
    return len(text) > limit or (len(text) * 4 > limit and len(_encodable(text).encode("utf-8")) > limit)


def _nearest(path: Path) -> Path | None:
    return find_config(path.parent if path.parent.is_dir() else Path.cwd())


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1)
    return (info.st_mtime_ns, info.st_size)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _encodable(text: str) -> str:
    """The text with lone surrogates (a hostile buffer can hold them) replaced, one for one, so that
    positions stay those of the editor's text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _version(pipeline: Pipeline, result: FileResult, data: Any, text: str) -> str | None:
    """The e-CF version the document is read in; for one that does not load, the version it cites
    (if the catalogue has it; read from the text when the YAML does not parse, as while typing),
    else the configured default, else the newest."""
    if result.profile is not None:
        return pipeline.version_of(result.profile).version
    versions = pipeline.catalogue.versions
    cited = data.get("ecf_version") if isinstance(data, dict) else None
    if data is None and (written := _CITED.search(text)) is not None:
        cited = written["version"]
    if isinstance(cited, (str, float, int)) and not isinstance(cited, bool) and str(cited) in versions:
        return str(cited)
    default = pipeline.config.default_ecf_version
    return default if default in versions else pipeline.catalogue.latest()


def _suppressible(diagnostic: Diagnostic, text: str, index: TextIndex, strings: list[Span]) -> bool:
    """Whether a trailing ``# skillprofiles: ignore[...]`` on the finding's line would be a comment
    (not text inside a multi-line string) that the validator reads."""
    if not can_suppress(diagnostic.code):
        return False
    start = index.offset_of(diagnostic.line, 1)
    end = index.offset_of(diagnostic.line + 1, 1)
    line = text[start:end].rstrip("\r\n\x85\u2028\u2029")
    hash_at = comment_start(line)
    column = (hash_at if hash_at is not None else len(line.rstrip()) + 2) + 1
    where = (diagnostic.line, column)
    return not any((s.line, s.column) < where < (s.end_line, s.end_column) for s in strings)


def _multiline_strings(parsed: Parsed) -> list[Span]:
    """The spans the suppression scanner treats as string content, not comments."""
    spans = []
    for path, span in parsed.source.values.items():
        if span.end_line > span.line and isinstance(value_at(parsed.data, path), str):
            spans.append(span)
    return spans
