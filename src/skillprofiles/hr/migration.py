"""How a profile's competences read in another e-CF version: a report for people, never a rewrite."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from skillprofiles.hr.ecf import catalogue
from skillprofiles.models import AnyProfile, CompetenceAssignment, Level

if TYPE_CHECKING:
    from skillprofiles.catalogue import Competence

TARGET = "4.0"


class Change(str, enum.Enum):
    """What happened to a competence between two versions."""

    UNCHANGED = "unchanged"
    RENAMED = "renamed"
    RANGE_CHANGED = "range-changed"
    REUSED = "reused"
    REMOVED = "removed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class MigrationItem:
    """One competence of the profile and how it reads in the target version."""

    code: str
    title: str
    levels: tuple[Level, ...]
    change: Change
    new_code: str | None = None
    new_title: str | None = None
    undefined_levels: tuple[Level, ...] = ()
    reused_as: str | None = None

    def describe(self) -> str:
        """One sentence for people."""
        text = {
            Change.UNCHANGED: f"unchanged: {self.new_code} {self.new_title}",
            Change.RENAMED: f"renamed: now {self.new_code} {self.new_title}",
            Change.RANGE_CHANGED: f"level range changed: {self.new_code} {self.new_title}",
            Change.REUSED: f"code reused with another meaning: {self.code} is now {self.reused_as}",
            Change.REMOVED: "removed: no counterpart",
            Change.UNKNOWN: "not in the catalogue",
        }[self.change]
        if self.change is Change.REUSED and self.new_code:
            text += f"; the old meaning is now {self.new_code} {self.new_title}"
        if self.undefined_levels:
            text += f"; not defined at {', '.join(str(lv) for lv in self.undefined_levels)} any more"
        return text


@dataclass(frozen=True)
class MigrationReport:
    """Every competence of a profile read in the target version; the profile itself is not changed."""

    profile: str
    source: str
    target: str
    items: list[MigrationItem]
    notes: list[str] = field(default_factory=list)

    def changed(self) -> list[MigrationItem]:
        """The items that need a person's attention (everything but plain unchanged ones)."""
        return [i for i in self.items if i.change is not Change.UNCHANGED or i.undefined_levels]


def migration_report(profile: AnyProfile, target: str = TARGET, source: str | None = None) -> MigrationReport:
    """How each competence of ``profile`` (e-CF ``source``, default its own version) reads in ``target``.

    Raises ValueError when the profile's version is unknown and no ``source`` is given, or when the
    catalogue does not hold one of the versions.
    """
    version = profile.ecf_version or source
    if version is None:
        raise ValueError("the profile declares no e-CF version; say which one it follows (source=)")
    diff = catalogue().diff(version, target)
    items = [_item(assignment, diff) for assignment in profile.competences]
    return MigrationReport(profile.code or profile.title, version, target, items)


def _pairs(diff: Any, name: str, code: str) -> list[tuple[Competence | None, Competence | None]]:
    return [(old, new) for old, new in getattr(diff, name) if old is not None and old.code == code]


def _item(assignment: CompetenceAssignment, diff: Any) -> MigrationItem:
    code, levels = assignment.code, tuple(sorted(assignment.levels, key=lambda lv: lv.rank))
    base = {"code": code, "title": assignment.title, "levels": levels}
    reused = _pairs(diff, "reused", code)
    reused_as = reused[0][1].title if reused and reused[0][1] is not None else None
    for name, change in (
        ("unchanged", Change.UNCHANGED),
        ("renamed", Change.RENAMED),
        ("range_changed", Change.RANGE_CHANGED),
    ):
        for _old, new in _pairs(diff, name, code):
            if new is not None:
                undefined = tuple(lv for lv in levels if new.defined_at(lv.rank) is False)
                kind = Change.REUSED if reused else change
                return MigrationItem(**base, change=kind, new_code=new.code, new_title=new.title,
                                     undefined_levels=undefined, reused_as=reused_as)
    if reused:
        return MigrationItem(**base, change=Change.REUSED, reused_as=reused_as)
    if _pairs(diff, "removed", code):
        return MigrationItem(**base, change=Change.REMOVED)
    return MigrationItem(**base, change=Change.UNKNOWN)
