"""The items of a summary, made only for a file that has them: relationships and unpacked uses."""

from __future__ import annotations

from dataclasses import dataclass

from skillprofiles.diagnostics import DocPath, Span


@dataclass(frozen=True, slots=True)
class Relationship:
    """A relationship a profile declares: its kind, the target as written, and where."""

    kind: str  # "interacts_with" or "reports_to"
    target: str
    index: int
    where: Span

    @property
    def path(self) -> DocPath:
        """Where the relationship is in its document."""
        return ("relationships", self.kind, self.index)


@dataclass(frozen=True, slots=True)
class KnowledgeSkillUse:
    """One use of a knowledge/skill code: its wording, the competence it is under, and where."""

    code: str
    text: str
    competence: str
    competence_index: int
    item_index: int
    where: Span

    @property
    def path(self) -> DocPath:
        """Where the wording is in its document."""
        return ("competences", self.competence_index, "knowledge_skills", self.item_index, "text")
