"""Gap analysis: a person's assessment against a profile, per requirement, with a fit score."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field

from skillprofiles.hr.assessment import Assessment
from skillprofiles.hr.ecf import CompetenceId, cefr_rank, defined_at, official_title
from skillprofiles.hr.versions import VersionMapping, translate
from skillprofiles.models import AnyProfile, CompetenceAssignment, LanguageRequirement, Level


class Status(str, enum.Enum):
    """How a requirement stands: met, below the required level, or not demonstrated at all."""

    MET = "met"
    BELOW = "below"
    MISSING = "missing"
    UNRESOLVED = "unresolved"  # a placeholder language with no language to match it against


@dataclass(frozen=True)
class CompetenceGap:
    """One competence requirement of the profile and how the assessment meets it."""

    competence: CompetenceId
    title: str
    required: Level
    demonstrated: Level | None
    status: Status
    next_level: Level | None

    @property
    def shortfall(self) -> int:
        """How many levels below the requirement the person is (0 when met; all of it when missing)."""
        have = self.demonstrated.rank if self.demonstrated else 0
        return max(0, self.required.rank - have)

    @property
    def credit(self) -> float:
        """The requirement's share in the fit score: min(demonstrated, required) / required."""
        have = self.demonstrated.rank if self.demonstrated else 0
        return min(have, self.required.rank) / self.required.rank


@dataclass(frozen=True)
class LanguageGap:
    """One language requirement and how the assessment meets it."""

    language: str
    required: str | None
    demonstrated: str | None
    status: Status
    preferred: bool
    placeholder: bool = False  # the sheet names no language ("national language or ...")
    matched: str | None = None  # the language a placeholder was matched against

    @property
    def credit(self) -> float:
        """The share in the fit score: 1 when met, CEFR rank demonstrated / rank required when below."""
        if self.status is Status.MET:
            return 1.0
        need, have = cefr_rank(self.required), cefr_rank(self.demonstrated)
        if self.status in (Status.MISSING, Status.UNRESOLVED) or not need or have is None:
            return 0.0
        return min(have, need) / need


@dataclass(frozen=True)
class GapReport:
    """The result of :func:`gap`; ``notes`` says every assumption made (versions, mapping)."""

    person: str
    profile: str
    version: str | None
    competences: list[CompetenceGap]
    languages: list[LanguageGap]
    notes: list[str] = field(default_factory=list)

    @property
    def fit(self) -> float:
        """Mean credit over the required competences and the required (not preferred) languages."""
        credits = [g.credit for g in self.competences] + [
            g.credit for g in self.languages if not g.preferred and g.status is not Status.UNRESOLVED
        ]
        return sum(credits) / len(credits) if credits else 1.0

    def competence_status(self, code: str) -> Status | None:
        """How the requirement of a competence code stands, or None when the profile does not require it."""
        return next((g.status for g in self.competences if g.competence.code == code), None)

    def main_gaps(self, count: int = 3) -> list[CompetenceGap]:
        """The competences furthest below their requirement (most levels short first), up to ``count``."""
        short = [g for g in self.competences if g.status is not Status.MET]
        return sorted(short, key=lambda g: (-g.shortfall, g.competence.sort_key()))[:count]

    @property
    def next_steps(self) -> list[tuple[CompetenceId, Level]]:
        """The next level to reach for every competence not yet met, in the profile's order."""
        return [(g.competence, g.next_level) for g in self.competences if g.next_level is not None]


def gap(
    assessment: Assessment,
    profile: AnyProfile,
    mapping: VersionMapping | None = None,
    profile_version: str | None = None,
    languages: Sequence[str] = (),
) -> GapReport:
    """Compare an assessment with a profile's requirements.

    The assessment's codes are read in the profile's e-CF version: directly when the versions agree,
    through ``mapping`` otherwise; :class:`~skillprofiles.hr.versions.VersionMismatchError` is raised
    when the versions differ in what their codes mean and no mapping is given. ``profile_version``
    is assumed for a profile that does not declare its version (the pipeline's decision).

    A language requirement that names no language ("national language or the language used by the
    working group") is matched against ``languages`` (the working languages a configuration or the
    caller names) and, without those, against the languages of the assessment that the profile does
    not require by name; with neither it is ``unresolved``, never ``missing``, and not in the fit.
    """
    notes: list[str] = []
    version = profile.ecf_version or profile_version
    if profile.ecf_version is None and version is not None:
        notes.append(f"the profile declares no e-CF version; read as {version}, as asked")
    if version is None:
        version = assessment.ecf_version
        notes.append(f"the profile declares no e-CF version; read as {version}, the assessment's version")
    demonstrated, more = demonstrated_levels(assessment, version, mapping)
    notes.extend(more)
    competences = [
        _competence_gap(CompetenceId(version, c.code), c, demonstrated) for c in profile.competences
    ]
    named = named_languages(profile)
    language_gaps = [language_gap(r, assessment, languages, named) for r in profile.languages]
    name = profile.code or profile.title
    return GapReport(assessment.person, name, version, competences, language_gaps, notes)


def demonstrated_levels(
    assessment: Assessment, version: str, mapping: VersionMapping | None = None
) -> tuple[dict[str, Level], list[str]]:
    """The highest level the assessment shows per code of e-CF ``version``, and notes on how it was read."""
    levels = {c.code: frozenset({c.level}) for c in assessment.competences}
    what = "the assessment uses e-CF {source} and the profile e-CF {target}"
    translated, notes = translate(levels, assessment.ecf_version, version, mapping, what)
    return {code: max(found, key=lambda lv: lv.rank) for code, found in translated.items()}, notes


def named_languages(profile: AnyProfile) -> set[str]:
    """The languages a profile requires by name (casefolded), which a placeholder never stands for."""
    return {r.language.casefold() for r in profile.languages if not is_placeholder(r.language)}


def _competence_gap(
    cid: CompetenceId, assignment: CompetenceAssignment, demonstrated: dict[str, Level]
) -> CompetenceGap:
    required = assignment.max_level
    have = demonstrated.get(cid.code)
    status = Status.MISSING if have is None else Status.MET if have.rank >= required.rank else Status.BELOW
    title = official_title(cid, assignment.title)
    return CompetenceGap(cid, title, required, have, status, _next_level(cid, have, required))


def _next_level(cid: CompetenceId, have: Level | None, required: Level) -> Level | None:
    """The lowest level above the one demonstrated at which the competence is defined, up to the target."""
    start = have.rank + 1 if have else 1
    for rank in range(start, required.rank + 1):
        if defined_at(cid, rank):
            return Level.of(rank)
    return None


PLACEHOLDERS = ("national language", "language used by", "local language", "working language")


def is_placeholder(language: str) -> bool:
    """Whether a sheet's language is a placeholder for one it does not name."""
    folded = language.casefold()
    return any(p in folded for p in PLACEHOLDERS)


def language_gap(
    requirement: LanguageRequirement, assessment: Assessment, working: Sequence[str], named: set[str]
) -> LanguageGap:
    """How the assessment meets one language requirement; ``named``: the languages the profile names."""
    wanted = requirement.language.casefold()
    spoken = {lang.language.casefold(): lang for lang in assessment.languages}
    need = requirement.min_level
    exact = spoken.get(wanted)
    if exact is not None or not is_placeholder(requirement.language):
        have = exact.level if exact else None
        return LanguageGap(requirement.language, need, have, _status(have, need), requirement.preferred)
    pool = [w.casefold() for w in working] or [n for n in spoken if n not in named]
    candidates = [spoken[n] for n in pool if n in spoken]
    if not candidates:
        status = Status.UNRESOLVED if not working else Status.MISSING
        matched = ", ".join(working) or None
        return LanguageGap(requirement.language, need, None, status, requirement.preferred, True, matched)
    best = max(candidates, key=lambda lang: cefr_rank(lang.level) or 0)
    return LanguageGap(
        requirement.language,
        need,
        best.level,
        _status(best.level, need),
        requirement.preferred,
        True,
        best.language,
    )


def _status(have: str | None, need: str | None) -> Status:
    if have is None:
        return Status.MISSING
    if need is None or (cefr_rank(have) or 0) >= (cefr_rank(need) or 0):
        return Status.MET
    return Status.BELOW
