"""What changed between two e-CF versions; imported only where a diff is shown, not by a plain run."""

from __future__ import annotations

from dataclasses import dataclass, field

from skillprofiles.catalogue.competence import Pair


@dataclass(frozen=True)
class VersionDiff:
    """What changed from one version to another; each entry an (old, new) pair."""

    old: str
    new: str
    added: list[Pair] = field(default_factory=list)  # (None, new): a new competence under a fresh code
    removed: list[Pair] = field(default_factory=list)  # (old, None): gone, and its code not reused
    renamed: list[Pair] = field(default_factory=list)  # same competence, same code, another title
    reused: list[Pair] = field(default_factory=list)  # same code, another competence
    moved: list[Pair] = field(default_factory=list)  # same competence under another code
    range_changed: list[Pair] = field(default_factory=list)  # same competence, both ranges known, differ
    unchanged: list[Pair] = field(default_factory=list)  # same code, title and range
