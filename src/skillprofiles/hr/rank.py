"""Ranking: one assessment against many profiles (best fit first), and a team: many against many."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from skillprofiles.hr.assessment import Assessment
from skillprofiles.hr.collection import Member
from skillprofiles.hr.ecf import CompetenceId
from skillprofiles.hr.gap import (
    CompetenceGap,
    GapReport,
    LanguageGap,
    Status,
    demonstrated_levels,
    gap,
    language_gap,
    named_languages,
)
from skillprofiles.hr.versions import VersionMapping
from skillprofiles.models import LanguageRequirement


@dataclass(frozen=True)
class Ranked:
    """One profile's place in a ranking: its file, the gap report and its main gaps."""

    place: int
    file: str
    title: str
    report: GapReport

    @property
    def fit(self) -> float:
        """The fit score of the gap report."""
        return self.report.fit

    @property
    def main_gaps(self) -> list[CompetenceGap]:
        """The competences furthest below their requirement (three at most)."""
        return self.report.main_gaps()


# Scores are kept as integers over a common denominator, so that equal fits compare equal (a float
# sum depends on the order of its terms) and a pair costs a few integer additions: levels are e-1…e-5
# and CEFR ranks 1…6, so every credit min(have, need) / need is a whole multiple of 1/60.
SCALE = math.lcm(*range(1, 7))


@dataclass(frozen=True)
class _Language:
    """A profile's language requirement, with the languages the profile names (for placeholders)."""

    requirement: LanguageRequirement
    named: frozenset[str]


class Ranker:
    """Profiles prepared once to rank many assessments: the requirements indexed by competence code.

    Each assessment is scored against every profile with integer additions over the codes it
    demonstrates; full :class:`GapReport` s are built only for the profiles it returns. The scores
    are the fits of :func:`gap` exactly (the reports returned carry them).
    """

    def __init__(
        self, members: Iterable[Member], mapping: VersionMapping | None = None, languages: Sequence[str] = ()
    ) -> None:
        self.members = list(members)
        self.mapping, self.languages = mapping, tuple(languages)
        self._order = [(m.profile.code or m.profile.title, m.file) for m in self.members]
        # e-CF version (None: the assessment's) -> code -> (profile index, required rank)
        self._index: dict[str | None, dict[str, list[tuple[int, int]]]] = {}
        self._counts: list[int] = []
        self._spoken: list[tuple[int, list[_Language]]] = []
        for i, member in enumerate(self.members):
            self._prepare(i, member)

    def _prepare(self, i: int, member: Member) -> None:
        profile = member.profile
        codes = self._index.setdefault(profile.ecf_version or member.version, {})
        for c in profile.competences:
            codes.setdefault(c.code, []).append((i, c.max_level.rank))
        named = frozenset(named_languages(profile))
        required = [_Language(r, named) for r in profile.languages if not r.preferred]
        self._counts.append(len(profile.competences) + len(required))
        if required:
            self._spoken.append((i, required))

    def scores(self, assessment: Assessment) -> list[float]:
        """Every profile's fit for the assessment, in the order of the members.

        Raises :class:`~skillprofiles.hr.versions.VersionMismatchError` as :func:`gap`.
        """
        totals, counts = [0] * len(self.members), list(self._counts)
        for version, codes in self._index.items():
            demonstrated, _notes = demonstrated_levels(
                assessment, version or assessment.ecf_version, self.mapping
            )
            for code, level in demonstrated.items():
                have = level.rank
                for i, need in codes.get(code, ()):
                    totals[i] += SCALE * min(have, need) // need
        seen: dict[tuple[str, str | None, frozenset[str]], LanguageGap] = {}
        for i, required in self._spoken:
            for lang in required:
                key = (lang.requirement.language, lang.requirement.min_level, lang.named)
                if key not in seen:
                    seen[key] = language_gap(lang.requirement, assessment, self.languages, set(lang.named))
                found = seen[key]
                if found.status is Status.UNRESOLVED:
                    counts[i] -= 1
                else:
                    totals[i] += round(SCALE * found.credit)
        return [t / (SCALE * n) if n else 1.0 for t, n in zip(totals, counts, strict=True)]

    def rank(self, assessment: Assessment, top: int | None = None) -> list[Ranked]:
        """The profiles, best fit first (ties by profile label, then file), ``top`` of them when given."""
        fits = self.scores(assessment)

        def order(i: int) -> tuple[float, str, str]:
            return (-fits[i], *self._order[i])

        chosen = (
            sorted(range(len(fits)), key=order)
            if top is None
            else heapq.nsmallest(top, range(len(fits)), key=order)
        )
        return [self._ranked(place, self.members[i], assessment) for place, i in enumerate(chosen, 1)]

    def _ranked(self, place: int, member: Member, assessment: Assessment) -> Ranked:
        report = gap(assessment, member.profile, self.mapping, member.version, self.languages)
        return Ranked(place, member.file, member.profile.title, report)


def rank(
    assessment: Assessment,
    members: Iterable[Member],
    mapping: VersionMapping | None = None,
    top: int | None = None,
    languages: Sequence[str] = (),
) -> list[Ranked]:
    """Every profile scored against the assessment, best fit first (ties by profile label, then file).

    ``members`` are profiles as :class:`ProfileCollection` holds them, each with the e-CF version the
    pipeline decided. Raises :class:`~skillprofiles.hr.versions.VersionMismatchError` as :func:`gap`.
    To rank many assessments against the same profiles, build one :class:`Ranker` and reuse it.
    """
    return Ranker(members, mapping, languages).rank(assessment, top)


@dataclass(frozen=True)
class Lack:
    """A competence the profiles require that no member of the team meets: best level in the team."""

    competence: CompetenceId
    title: str
    required: int
    best: int
    profiles: tuple[str, ...]


@dataclass
class TeamView:
    """Many assessments against many profiles: every fit, who fits which role, what the team lacks."""

    people: list[str]
    profiles: list[str]
    reports: dict[tuple[str, str], GapReport] = field(default_factory=dict)
    lacking: list[Lack] = field(default_factory=list)

    def fit(self, person: str, profile: str) -> float:
        """The fit of one person for one profile."""
        return self.reports[(person, profile)].fit

    def best_role(self, person: str) -> tuple[str, float]:
        """The profile a person fits best, with the fit (ties by profile label)."""
        scored = [(self.fit(person, p), p) for p in self.profiles]
        fit, profile = max(scored, key=lambda pair: (pair[0], [-ord(c) for c in pair[1]]))
        return profile, fit

    def best_person(self, profile: str) -> tuple[str, float]:
        """The person who fits a profile best, with the fit (ties by name)."""
        scored = sorted(((self.fit(p, profile), p) for p in self.people), key=lambda x: (-x[0], x[1]))
        return scored[0][1], scored[0][0]


def team(
    assessments: Sequence[Assessment],
    members: Sequence[Member],
    mapping: VersionMapping | None = None,
    languages: Sequence[str] = (),
) -> TeamView:
    """Every assessment against every profile, and the competences no one in the team meets."""
    view = TeamView([a.person for a in assessments], [m.label for m in members])
    best: dict[CompetenceId, int] = {}
    need: dict[CompetenceId, tuple[int, str, list[str]]] = {}
    for assessment in assessments:
        for member in members:
            report = gap(assessment, member.profile, mapping, member.version, languages)
            view.reports[(assessment.person, member.label)] = report
            for g in report.competences:
                have = g.demonstrated.rank if g.demonstrated else 0
                best[g.competence] = max(best.get(g.competence, 0), have)
                required, title, names = need.get(g.competence, (0, g.title, []))
                if member.label not in names:
                    names.append(member.label)
                need[g.competence] = (max(required, g.required.rank), title, names)
    for cid in sorted(need, key=CompetenceId.sort_key):
        required, title, names = need[cid]
        if best.get(cid, 0) < required:
            view.lacking.append(Lack(cid, title, required, best.get(cid, 0), tuple(names)))
    return view


__all__ = ["Lack", "Ranked", "Ranker", "Status", "TeamView", "rank", "team"]
