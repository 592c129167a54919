"""How a profile's competences read in another e-CF version: a report for people, never a rewrite."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from skillprofiles.hr.ecf import catalogue
from skillprofiles.models import AnyProfile, CompetenceAssignment, Level

if TYPE_CHECKING:
    from skillprofiles.catalogue import Competence, VersionDiff

TARGET = "4.0"


class Change(str, enum.Enum):
    """What happened to a competence between two versions, most important first."""

    REUSED = "reused"
    REMOVED = "removed"
    MOVED = "moved"
    RENAMED = "renamed"
    RANGE_CHANGED = "range-changed"
    UNCHANGED = "unchanged"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class MigrationItem:
    """One competence of the profile and how it reads in the target version.

    ``changes`` lists every change (a competence can be renamed and have its range changed);
    ``new`` is the same competence in the target version, None when it has no counterpart;
    ``reused_as`` is what the same code means in the target version when that is another competence.
    """

    code: str
    title: str
    levels: tuple[Level, ...]
    changes: tuple[Change, ...]
    new: Competence | None = None
    reused_as: Competence | None = None
    undefined_levels: tuple[Level, ...] = ()

    @property
    def change(self) -> Change:
        """The most important change."""
        return min(self.changes, key=list(Change).index)

    def describe(self) -> str:
        """One sentence for people."""
        parts = []
        if self.reused_as is not None:
            parts.append(f"code reused: {self.code} now means {self.reused_as.title}")
        if self.new is None:
            parts.append(
                "no counterpart in the target version"
                if self.changes != (Change.UNKNOWN,)
                else "not in the catalogue"
            )
        elif Change.MOVED in self.changes or Change.RENAMED in self.changes:
            parts.append(f"now {self.new.code} {self.new.title}")
        elif Change.UNCHANGED in self.changes:
            parts.append(f"unchanged: {self.new.code} {self.new.title}")
        else:
            parts.append(f"same competence: {self.new.code} {self.new.title}")
        if Change.RANGE_CHANGED in self.changes and self.new is not None:
            parts.append(f"level range now {self.new.range_text()}")
        if self.undefined_levels:
            parts.append(f"not defined at {', '.join(str(lv) for lv in self.undefined_levels)}")
        return "; ".join(parts)


@dataclass(frozen=True)
class MigrationReport:
    """Every competence of a profile read in the target version; the profile itself is not changed."""

    profile: str
    source: str
    target: str
    items: list[MigrationItem]
    notes: list[str] = field(default_factory=list)

    def changed(self) -> list[MigrationItem]:
        """The items that need a person's attention: all but the plainly unchanged."""
        return [i for i in self.items if i.changes != (Change.UNCHANGED,) or i.undefined_levels]


def migration_report(profile: AnyProfile, target: str = TARGET, source: str | None = None) -> MigrationReport:
    """How each competence of ``profile`` (e-CF ``source`` when it declares none) reads in ``target``.

    Raises ValueError when the version is unknown and no ``source`` is given, KeyError when the
    catalogue does not hold a version, ValueError when ``target`` is older than the profile's version.
    """
    version = profile.ecf_version or source
    if version is None:
        raise ValueError("the profile declares no e-CF version; say which one it follows")
    diff = catalogue().diff(version, target)
    items = [_item(assignment, diff) for assignment in profile.competences]
    notes = [] if profile.ecf_version else [f"the profile declares no e-CF version; read as {version}"]
    return MigrationReport(profile.code or profile.title, version, target, items, notes)


_KINDS = (
    ("moved", Change.MOVED),
    ("renamed", Change.RENAMED),
    ("range_changed", Change.RANGE_CHANGED),
    ("unchanged", Change.UNCHANGED),
)


def _item(assignment: CompetenceAssignment, diff: VersionDiff) -> MigrationItem:
    code = assignment.code
    levels = tuple(sorted(assignment.levels, key=lambda lv: lv.rank))
    changes: list[Change] = []
    new: Competence | None = None
    for name, kind in _KINDS:
        for old, now in getattr(diff, name):
            if old is not None and old.code == code:
                changes.append(kind)
                new = now
    reused_as = next((now for old, now in diff.reused if old is not None and old.code == code), None)
    if reused_as is not None:
        changes.insert(0, Change.REUSED)
    if any(old is not None and old.code == code for old, _ in diff.removed):
        changes.append(Change.REMOVED)
    undefined = tuple(lv for lv in levels if new is not None and new.defined_at(lv.rank) is False)
    return MigrationItem(
        code, assignment.title, levels, tuple(changes) or (Change.UNKNOWN,), new, reused_as, undefined
    )
