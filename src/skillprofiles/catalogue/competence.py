"""A competence of one e-CF version, and the evidence grades of its level range."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from skillprofiles.catalogue.areas import Area

Evidence = Literal["two-sources", "one-source", "inferred", "unknown"]
Pair = tuple["Competence | None", "Competence | None"]  # one change between two versions: (old, new)


@dataclass(frozen=True)
class Competence:
    """One competence of one e-CF version; (version, code) identifies it."""

    version: str
    code: str
    title: str
    area: Area
    min_level: int | None
    max_level: int | None
    evidence: Evidence  # two-sources, one-source, inferred (see inferred_from) or unknown
    sources: tuple[str, ...]  # the sources of the range (two or more, one, or none)
    note: str | None
    predecessor: str | None = None  # code of the same competence in the previous version, when it moved
    new: bool = False  # no predecessor, even where the code existed before
    inferred_from: tuple[str, ...] = ()  # versions ('3.0') and/or 'usage', for an inferred range
    title_evidence: str | None = None  # source, assumed or profile-only
    title_attested_by: tuple[str, ...] = ()  # 'profile:<slug>': documents writing the title

    @property
    def source(self) -> str:
        """The range's source ids joined by commas (``S4a,S4b``)."""
        return ",".join(self.sources)

    def attested_only_by(self, document_slug: str) -> bool:
        """Whether the title is written only by that document (so it is no evidence about it)."""
        return self.title_evidence == "profile-only" and f"profile:{document_slug}" in self.title_attested_by

    def levels(self) -> tuple[int, ...]:
        """The levels (1..5) it is defined at; () when the version has no level data."""
        if self.min_level is None or self.max_level is None:
            return ()
        return tuple(range(self.min_level, self.max_level + 1))

    def defined_at(self, rank: int) -> bool | None:
        """Whether it is defined at a level (1..5); None when the range is unknown."""
        levels = self.levels()
        return (rank in levels) if levels else None

    def range_text(self) -> str:
        """The range as written in the framework, e.g. ``e-2..e-4``."""
        return f"e-{self.min_level}..e-{self.max_level}" if self.levels() else "unknown"
