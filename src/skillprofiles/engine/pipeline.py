"""The one way in: configuration, catalogue and baseline built once, through which every command reads."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from skillprofiles.catalogue import Catalogue, configured_catalogue
from skillprofiles.catalogue.inference import VersionDecision, decide_version
from skillprofiles.diagnostics import Report
from skillprofiles.engine.checker import Checker
from skillprofiles.models import AnyProfile
from skillprofiles.source.reader import Limits, parse_bytes
from skillprofiles.tuning.config import Config

if TYPE_CHECKING:
    from skillprofiles.engine.fixes import Fix  # imported by fix_text, which a plain validation never calls
    from skillprofiles.engine.fixes import Fixed as Fixed
    from skillprofiles.engine.loaded import Loaded as Loaded
    from skillprofiles.tuning.baseline import Baseline  # imported only by a run that reads a baseline


@dataclass(frozen=True, eq=False)  # a service: compared and hashed by identity
class Pipeline:
    """Configuration (selection, severities, limits, e-CF version policy, suppression), catalogue and
    baseline, assembled once; ``validate``, ``load``, :class:`ProfileCollection` and every command use one.

    Build it with :meth:`from_config` (explicit settings) or :meth:`discover` (the nearest
    ``.skillprofiles.yaml`` or ``[tool.skillprofiles]``, with overrides on top).
    """

    config: Config = field(default_factory=Config)
    catalogue: Catalogue = field(default_factory=lambda: configured_catalogue(None))
    baseline: Baseline | None = None

    @classmethod
    def from_config(
        cls,
        config: Config | None = None,
        baseline: Baseline | None = None,
        catalogue: Catalogue | None = None,
    ) -> Pipeline:
        """A pipeline for ``config``; its catalogue file is read now (:class:`CatalogueError` if unusable)."""
        config = config or Config()
        return cls(config, catalogue or configured_catalogue(config.catalogue_path), baseline)

    @classmethod
    def discover(cls, start: str | Path | None = None, **overrides: object) -> Pipeline:
        """The configuration file found from ``start`` (default: the working directory) upwards, with
        ``overrides`` (fields of :class:`Config`) on top; raises ConfigError for an invalid file."""
        from skillprofiles.tuning.config import find_config

        path = find_config(Path(start) if start is not None else None)
        config = _load_config(path) if path is not None else Config()
        return cls.from_config(replace(config, **overrides) if overrides else config)  # type: ignore[arg-type]

    def checker(self, jobs: int | None = 1) -> Checker:
        """The engine, configured by this pipeline."""
        return Checker(self.config, self.baseline, jobs, self.catalogue)

    def validate(
        self, *paths: str | Path, repository: str | Path | None = None, jobs: int | None = 1
    ) -> Report:
        """Validate files and directories; bad content becomes diagnostics, never an exception."""
        return self.checker(jobs).check_paths(paths, repository)

    def version_of(self, profile: AnyProfile) -> VersionDecision:
        """The e-CF version a profile is read in: declared, configured default, or inferred."""
        return decide_version(profile, self.catalogue, self.config.default_ecf_version)

    def read(self, path: str | Path, display: str | None = None) -> Loaded:
        """One profile file with the findings ``validate`` gives it (repository-wide rules aside)."""
        checker = self.checker()
        name = display if display is not None else str(path)
        result = checker.check_file(Path(path), name)
        return self._loaded(checker, result)

    def reads(self, text: str | bytes, filename: str = "<string>") -> Loaded:
        """Like :meth:`read`, for YAML (or JSON) text held in memory, named ``filename`` in findings."""
        checker = self.checker()
        data = text.encode("utf-8") if isinstance(text, str) else text
        result = checker.check_parsed(parse_bytes(data, filename, self.config.limits))
        return self._loaded(checker, result)

    def _loaded(self, checker: Checker, result: object) -> Loaded:
        from skillprofiles.engine.loaded import Loaded
        from skillprofiles.engine.results import FileResult

        assert isinstance(result, FileResult)
        report = checker.finish([result])
        version = self.version_of(result.profile) if result.profile is not None else None
        return Loaded(result.file, result.profile, report, version)

    def load(self, path: str | Path) -> AnyProfile:
        """The profile of a file; raises :class:`ProfileError` when it does not load."""
        return self.read(path).require()

    def loads(self, text: str | bytes, filename: str = "<string>") -> AnyProfile:
        """The profile of YAML or JSON text; raises :class:`ProfileError` when it does not load."""
        return self.reads(text, filename).require()


def load(path: str | Path, limits: Limits | None = None, pipeline: Pipeline | None = None) -> AnyProfile:
    """Load one profile file; raise :class:`ProfileError` with every diagnostic when it is invalid.

    Read through ``pipeline`` (default: the default configuration, or ``limits``).
    """
    return (pipeline or _default(limits)).load(path)


def loads(text: str | bytes, filename: str = "<string>", pipeline: Pipeline | None = None) -> AnyProfile:
    """Load a profile from YAML or JSON text; findings name ``filename``."""
    return (pipeline or _default(None)).loads(text, filename)


def _default(limits: Limits | None) -> Pipeline:
    return Pipeline.from_config(Config(limits=limits) if limits is not None else None)


def validate(
    *paths: str | Path,
    config: Config | None = None,
    baseline: Baseline | None = None,
    repository: str | Path | None = None,
    jobs: int | None = 1,
    pipeline: Pipeline | None = None,
) -> Report:
    """Validate files and directories; bad content becomes diagnostics, never an exception.

    ``repository``: a directory whose profiles give the repository-wide checks their context
    while only findings in ``paths`` are reported (for pre-commit, which passes changed files).
    ``jobs`` is the number of processes (1, the default, checks on this one; None: automatic).
    A configured catalogue file that cannot be used raises :class:`~skillprofiles.CatalogueError`.
    """
    chosen = pipeline or Pipeline.from_config(config, baseline)
    return chosen.validate(*paths, repository=repository, jobs=jobs)


def fix_text(pipeline: Pipeline, text: str, filename: str, unsafe: bool = False) -> Fixed:
    """Apply the findings' fixes to a profile's text until none is left (bounded), through ``pipeline``.

    The text must be what the reader sees (decoded, without a byte order mark): positions are counted
    in it. Applying it twice changes nothing the second time.
    """
    from skillprofiles.engine.fixes import MAX_PASSES, Fixed, apply, fixes

    applied: list[Fix] = []
    for _ in range(MAX_PASSES):
        found = pipeline.reads(text, filename).diagnostics
        chosen = fixes(found, text, unsafe)
        if not chosen:
            return Fixed(text, applied, found)
        text = apply(text, chosen)
        applied.extend(chosen)
    return Fixed(text, applied, pipeline.reads(text, filename).diagnostics)


def __getattr__(name: str) -> object:
    """Loaded and Fixed, importable from here, are defined where only read and fix_text need them."""
    if name == "Loaded":
        from skillprofiles.engine.loaded import Loaded

        return Loaded
    if name == "Fixed":
        from skillprofiles.engine.fixes import Fixed

        return Fixed
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _load_config(path: Path) -> Config:
    from skillprofiles.tuning.files import load_config  # the file models, only when there is a file

    return load_config(path)
