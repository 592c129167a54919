"""Small picklable per-file records that repository-wide checks run on, instead of whole profiles."""

from __future__ import annotations

from dataclasses import dataclass, field

from skillprofiles.diagnostics import DocPath, Span
from skillprofiles.models import AnyProfile, WSPG3Profile
from skillprofiles.yamlread import SourceMap


@dataclass(frozen=True, slots=True)
class Relationship:
    """A relationship a profile declares: its kind, the target as written, and where."""

    kind: str  # "interacts_with" or "reports_to"
    target: str
    path: DocPath


@dataclass(frozen=True, slots=True)
class KnowledgeSkillUse:
    """One use of a knowledge/skill code: its wording, the competence it is under, and where."""

    code: str
    text: str
    competence: str
    path: DocPath


@dataclass(frozen=True, slots=True)
class ProfileSummary:
    """What repository-wide checks need from one file; spans of the paths they may report."""

    file: str
    template: str
    code: str | None
    title: str
    relationships: tuple[Relationship, ...] = ()
    knowledge_skills: tuple[KnowledgeSkillUse, ...] = ()
    spans: dict[DocPath, Span] = field(default_factory=dict)

    def span(self, path: DocPath, key: bool = False) -> Span:
        """Where a path of this file starts (its key with ``key``); 1:1 when it was not recorded."""
        return self.spans.get((*path, "<key>") if key else path) or Span.point(1, 1)


def summarize(profile: AnyProfile, file: str, source: SourceMap) -> ProfileSummary:
    """The summary of one loaded profile."""
    relationships = tuple(_relationships(profile))
    uses = tuple(
        KnowledgeSkillUse(item.code, item.text, c.code, ("competences", i, "knowledge_skills", j, "text"))
        for i, c in enumerate(profile.competences)
        for j, item in enumerate(c.knowledge_skills)
    )
    paths: list[DocPath] = [("code",), ("title",), *(r.path for r in relationships), *(u.path for u in uses)]
    spans = {p: source.values[p] for p in paths if p in source.values}
    spans.update({(*p, "<key>"): source.keys[p] for p in (("code",), ("title",)) if p in source.keys})
    template = profile.template
    return ProfileSummary(file, template, profile.code, profile.title, relationships, uses, spans)


def _relationships(profile: AnyProfile) -> list[Relationship]:
    if not isinstance(profile, WSPG3Profile):
        return []
    found = []
    for kind in ("interacts_with", "reports_to"):
        targets = getattr(profile.relationships, kind)
        found += [Relationship(kind, t, ("relationships", kind, i)) for i, t in enumerate(targets)]
    return found
