"""A directory of profiles, loaded through the validator's loader, queried by competence, area or language."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from skillprofiles.catalogue import Catalogue, default_catalogue, version_key
from skillprofiles.catalogue.inference import VersionDecision
from skillprofiles.diagnostics import Diagnostic
from skillprofiles.engine.discovery import discover
from skillprofiles.engine.pipeline import Pipeline
from skillprofiles.hr.ecf import AREAS, CompetenceId, as_level, cefr_rank
from skillprofiles.models import AnyProfile, LanguageRequirement, Level
from skillprofiles.source.profile import ProfileError
from skillprofiles.tuning.config import Config


class AmbiguousCompetenceError(ValueError):
    """A code was queried without a version while the collection uses it under several e-CF versions."""


@dataclass(frozen=True)
class Member:
    """One loaded profile of a collection, with the file it came from and the e-CF version it follows."""

    file: str
    profile: AnyProfile
    version: str | None
    decision: VersionDecision | None = None  # how the version was decided (declared, configured, inferred)

    @property
    def label(self) -> str:
        """The profile's code when it has one, else its title."""
        return self.profile.code or self.profile.title

    def competence_ids(self) -> list[CompetenceId]:
        """Every competence of the profile, identified by (version, code)."""
        return [CompetenceId(self.version, c.code) for c in self.profile.competences]


@dataclass(frozen=True)
class LoadFailure:
    """A file of the directory that is not a valid profile, with every diagnostic that says why."""

    file: str
    diagnostics: list[Diagnostic]


@dataclass(frozen=True)
class Matrix:
    """Competences × profiles: ``cells[(competence, member file)]`` holds the levels assigned."""

    competences: list[CompetenceId]
    members: list[Member]
    titles: dict[CompetenceId, str]
    cells: dict[tuple[CompetenceId, str], tuple[Level, ...]]

    def levels(self, cid: CompetenceId, member: Member) -> tuple[Level, ...]:
        """The levels a profile assigns to a competence; empty when it does not require it."""
        return self.cells.get((cid, member.file), ())


@dataclass
class ProfileCollection:
    """Profiles loaded from files; invalid files are kept in ``failures`` with their diagnostics."""

    members: list[Member] = field(default_factory=list)
    failures: list[LoadFailure] = field(default_factory=list)

    @classmethod
    def from_directory(
        cls, directory: str | Path, default_version: str | None = None, pipeline: Pipeline | None = None
    ) -> ProfileCollection:
        """Load every ``*.yaml``/``*.yml`` file under ``directory`` (recursively, in path order).

        ``default_version`` is the e-CF version assumed for profiles that do not declare one (it
        overrides the pipeline's ``default_ecf_version``).
        """
        return cls.from_paths([directory], _pipeline(pipeline, default_version))

    @classmethod
    def from_files(
        cls, files: Iterable[str | Path], default_version: str | None = None, pipeline: Pipeline | None = None
    ) -> ProfileCollection:
        """Load the given profile files; a file that fails validation becomes a :class:`LoadFailure`."""
        return cls.from_paths(files, _pipeline(pipeline, default_version))

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path], pipeline: Pipeline | None = None) -> ProfileCollection:
        """Files and directories read through ``pipeline``, as ``validate`` discovers and reads them.

        Each member carries the e-CF version the pipeline decided for it (declared, configured or
        inferred), so that every command reads a profile in the same version.
        """
        pipeline = pipeline or _pipeline(None, None)
        files, problems = discover(paths, pipeline.config.limits.follow_links)
        collection = cls(failures=[LoadFailure(d.file, [d]) for d in problems])
        for path, display in files:
            loaded = pipeline.read(path, display)
            try:
                profile = loaded.require()
            except ProfileError as exc:
                collection.failures.append(LoadFailure(display, exc.diagnostics))
                continue
            version = loaded.version.version if loaded.version is not None else None
            collection.members.append(Member(display, profile, version, loaded.version))
        return collection

    def __iter__(self) -> Iterator[Member]:
        return iter(self.members)

    def __len__(self) -> int:
        return len(self.members)

    def get(self, label: str) -> Member | None:
        """The member with a code or title, if any."""
        return next((m for m in self.members if label in (m.label, m.profile.title)), None)

    def requiring(
        self, code: str, min_level: Level | str | int | None = None, version: str | None = None
    ) -> list[Member]:
        """Profiles that require a competence, optionally at ``min_level`` or above (their highest level).

        Without ``version`` the code must be used under one e-CF version only in the collection:
        codes are reused with other meanings across versions (4.0 D.7 is not 2.0 D.7).
        """
        holders = [m for m in self.members if m.profile.competence(code) is not None]
        if version is None:
            version = self._only_version(code, holders)
        floor = as_level(min_level).rank if min_level is not None else 1
        return [m for m in holders if m.version == version and _highest(m, code) >= floor]

    def _only_version(self, code: str, holders: list[Member]) -> str | None:
        versions = sorted({m.version or "?" for m in holders})
        if len(versions) > 1:
            raise AmbiguousCompetenceError(
                f"{code} is used under e-CF versions {', '.join(versions)}, where a code can mean different "
                f"things; pass version= to say which one"
            )
        return holders[0].version if holders else None

    def in_area(self, area: str) -> list[Member]:
        """Profiles that require at least one competence of an e-CF area (``PLAN`` … ``MANAGE`` or A … E)."""
        letter = _area_letter(area)
        return [m for m in self.members if any(c.code[0] == letter for c in m.profile.competences)]

    def requiring_language(
        self, min_level: str, language: str | None = None, include_preferred: bool = False
    ) -> list[Member]:
        """Profiles that require a language (any, or the one named) at CEFR ``min_level`` or above."""
        floor = cefr_rank(min_level)
        if floor is None:
            raise ValueError(f"{min_level!r} is not a CEFR level")
        return [
            m
            for m in self.members
            if any(_language_meets(r, floor, language, include_preferred) for r in m.profile.languages)
        ]

    def matrix(self, target: str | None = None, catalogue: Catalogue | None = None) -> Matrix:
        """The competence × profile matrix, competences in (version, area, number) order.

        Rows are competences read in ``target`` (default: the newest version the members use): a
        competence that keeps its meaning across versions (B.1 in 1.0-4.0) has one row whatever
        version each profile follows; a code whose meaning changed (4.0 D.6 and D.7) keeps a row of
        its own version, and so does a profile whose version is not known.
        """
        cat = catalogue or default_catalogue()
        known = [m.version for m in self.members if m.version in cat.versions]
        goal = target or (max(known, key=version_key) if known else None)
        cells: dict[tuple[CompetenceId, str], tuple[Level, ...]] = {}
        titles: dict[CompetenceId, str] = {}
        for member in self.members:
            for assignment in member.profile.competences:
                cid = _row(cat, member.version, assignment.code, goal)
                cells[(cid, member.file)] = tuple(sorted(assignment.levels, key=lambda lv: lv.rank))
                titles.setdefault(cid, assignment.title)
        return Matrix(sorted(titles, key=CompetenceId.sort_key), list(self.members), titles, cells)


def _row(cat: Catalogue, version: str | None, code: str, target: str | None) -> CompetenceId:
    """The matrix row of a competence: its counterpart in ``target``, else itself in its own version."""
    if version is None or target is None or version not in cat.versions or target not in cat.versions:
        return CompetenceId(version, code)
    counterpart = cat.counterpart(version, code, target)
    return CompetenceId(target, counterpart) if counterpart else CompetenceId(version, code)


def _pipeline(pipeline: Pipeline | None, default_version: str | None) -> Pipeline:
    if pipeline is None:
        return Pipeline.from_config(Config(default_ecf_version=default_version))
    if default_version is None:
        return pipeline
    config = pipeline.config.with_changes(default_ecf_version=default_version)
    return Pipeline.from_config(config, pipeline.baseline, pipeline.catalogue)


def _highest(member: Member, code: str) -> int:
    assignment = member.profile.competence(code)
    return assignment.max_level.rank if assignment else 0


def _area_letter(area: str) -> str:
    name = area.strip().upper()
    for letter, area_name in AREAS.items():
        if name in (letter, area_name):
            return letter
    raise ValueError(f"unknown e-CF area {area!r}; use one of {', '.join(AREAS.values())}")


def _language_meets(
    requirement: LanguageRequirement, floor: float, language: str | None, include_preferred: bool
) -> bool:
    if requirement.preferred and not include_preferred:
        return False
    if language is not None and requirement.language.casefold() != language.casefold():
        return False
    rank = cefr_rank(requirement.min_level) if requirement.min_level else None
    return rank is not None and rank >= floor
