"""Ranking: one assessment against many profiles (best fit first), and a team: many against many."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from skillprofiles.hr.assessment import Assessment
from skillprofiles.hr.collection import Member
from skillprofiles.hr.ecf import CompetenceId
from skillprofiles.hr.gap import CompetenceGap, GapReport, Status, gap
from skillprofiles.hr.versions import VersionMapping


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
    """
    reports = [(m, gap(assessment, m.profile, mapping, m.version, languages)) for m in members]
    reports.sort(key=lambda pair: (-pair[1].fit, pair[1].profile, pair[0].file))
    chosen = reports if top is None else reports[:top]
    return [Ranked(i, m.file, m.profile.title, r) for i, (m, r) in enumerate(chosen, 1)]


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


__all__ = ["Lack", "Ranked", "Status", "TeamView", "rank", "team"]
