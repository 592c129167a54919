"""Compare two profiles: shared competences with level differences, the rest, and an overlap score."""

from __future__ import annotations

from dataclasses import dataclass, field

from skillprofiles.hr.ecf import CompetenceId, official_title
from skillprofiles.hr.versions import Levels, VersionMapping, translate
from skillprofiles.models import AnyProfile, Level


@dataclass(frozen=True)
class SharedCompetence:
    """A competence both profiles require, with the levels each assigns."""

    competence: CompetenceId
    title: str
    levels_a: tuple[Level, ...]
    levels_b: tuple[Level, ...]

    @property
    def difference(self) -> int:
        """Highest level in B minus highest level in A (positive: B asks more)."""
        return max(lv.rank for lv in self.levels_b) - max(lv.rank for lv in self.levels_a)


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare`; competences are identified in B's e-CF version."""

    a: str
    b: str
    version: str | None
    shared: list[SharedCompetence]
    only_a: list[tuple[CompetenceId, tuple[Level, ...]]]
    only_b: list[tuple[CompetenceId, tuple[Level, ...]]]
    pairs_a: frozenset[tuple[str, Level]]
    pairs_b: frozenset[tuple[str, Level]]
    notes: list[str] = field(default_factory=list)

    @property
    def overlap(self) -> float:
        """Jaccard index over (competence, level) pairs: |A ∩ B| / |A ∪ B|, 0.0 to 1.0."""
        union = self.pairs_a | self.pairs_b
        return len(self.pairs_a & self.pairs_b) / len(union) if union else 1.0

    @property
    def competence_overlap(self) -> float:
        """Jaccard index over competences alone, levels ignored."""
        codes_a, codes_b = {c for c, _ in self.pairs_a}, {c for c, _ in self.pairs_b}
        union = codes_a | codes_b
        return len(codes_a & codes_b) / len(union) if union else 1.0


def compare(
    a: AnyProfile,
    b: AnyProfile,
    mapping: VersionMapping | None = None,
    default_version: str | None = None,
    versions: tuple[str | None, str | None] | None = None,
) -> Comparison:
    """Compare profile ``a`` with profile ``b``, reading A's codes in B's e-CF version.

    Profiles of different versions are compared only where the catalogue says the codes keep their
    meaning, or through ``mapping`` (from A's version to B's); otherwise
    :class:`~skillprofiles.hr.versions.VersionMismatchError` is raised. ``versions`` gives the two
    profiles' versions as :meth:`Pipeline.version_of` decided them; else ``default_version`` stands in
    for a version a profile does not declare.
    """
    notes: list[str] = []
    if versions is not None:  # as a pipeline decided them (declared, configured or inferred)
        version_a, version_b = versions
    else:
        version_a, version_b = a.ecf_version or default_version, b.ecf_version or default_version
    if version_a is None or version_b is None:
        version_a = version_b = version_a or version_b
        if version_a is not None:
            notes.append(f"a profile declares no e-CF version; read as {version_a}, the other's version")
        else:
            notes.append("neither profile declares an e-CF version; codes are compared as written")
    levels_a = {c.code: frozenset(c.levels) for c in a.competences}
    if version_a is not None and version_b is not None and version_a != version_b:
        what = "the first profile uses e-CF {source} and the second e-CF {target}"
        levels_a, more = translate(levels_a, version_a, version_b, mapping, what)
        notes.extend(more)
    levels_b = {c.code: frozenset(c.levels) for c in b.competences}
    return _build(_name(a), _name(b), version_b, levels_a, levels_b, b, notes)


def _name(profile: AnyProfile) -> str:
    return profile.code or profile.title


def _ordered(levels: Levels) -> tuple[Level, ...]:
    return tuple(sorted(levels, key=lambda lv: lv.rank))


def _build(
    name_a: str,
    name_b: str,
    version: str | None,
    levels_a: dict[str, Levels],
    levels_b: dict[str, Levels],
    b: AnyProfile,
    notes: list[str],
) -> Comparison:
    def cid(code: str) -> CompetenceId:
        return CompetenceId(version, code)

    shared = [
        SharedCompetence(cid(code), _title(b, cid(code)), _ordered(levels_a[code]), _ordered(levels_b[code]))
        for code in sorted(set(levels_a) & set(levels_b), key=lambda c: cid(c).sort_key())
    ]
    only_a = [(cid(c), _ordered(levels_a[c])) for c in sorted(set(levels_a) - set(levels_b), key=_order)]
    only_b = [(cid(c), _ordered(levels_b[c])) for c in sorted(set(levels_b) - set(levels_a), key=_order)]
    pairs_a = frozenset((c, lv) for c, found in levels_a.items() for lv in found)
    pairs_b = frozenset((c, lv) for c, found in levels_b.items() for lv in found)
    return Comparison(name_a, name_b, version, shared, only_a, only_b, pairs_a, pairs_b, notes)


def _title(profile: AnyProfile, cid: CompetenceId) -> str:
    assignment = profile.competence(cid.code)
    return official_title(cid, assignment.title if assignment else cid.code)


def _order(code: str) -> tuple[str, int]:
    return (code[0], int(code[2:]))
