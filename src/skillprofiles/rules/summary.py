"""Small picklable per-file records that repository-wide checks run on, instead of whole profiles."""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from skillprofiles.diagnostics import DocPath, Span
from skillprofiles.models import AnyProfile, WSPG3Profile
from skillprofiles.source.reader import SourceMap

if TYPE_CHECKING:
    from skillprofiles.rules.summary_items import KnowledgeSkillUse as KnowledgeSkillUse
    from skillprofiles.rules.summary_items import Relationship as Relationship


@dataclass(frozen=True, slots=True)
class ProfileSummary:
    """What repository-wide checks need from one file, kept small: one is held per file of a run.

    Strings are interned (a repository repeats its wordings and titles in every file) and positions
    are kept on the items themselves, so a run of 10,000 profiles holds a few kilobytes per file.
    The knowledge/skill uses, a dozen or more a file, are kept packed (their strings in one tuple,
    their indexes and positions in one array of machine integers) and unpacked when read: an
    object and a span per use took most of a kept summary.
    """

    file: str
    template: str
    code: str | None
    title: str
    relationships: tuple[Relationship, ...] = ()
    uses_text: tuple[str, ...] = ()  # code, text, competence of each knowledge/skill use
    uses_at: array[int] = field(default_factory=lambda: array("I"))  # _PACKED integers per use
    spans: dict[DocPath, Span] = field(default_factory=dict)  # code and title, values and keys

    @property
    def knowledge_skills(self) -> tuple[KnowledgeSkillUse, ...]:
        """Every knowledge/skill use of the file, in document order."""
        return tuple(self.use(n) for n in range(len(self.uses_text) // 3))

    def wordings(self) -> Iterator[tuple[int, str, str]]:
        """Each use's number, code and text, without unpacking the rest (see :meth:`use`)."""
        texts = self.uses_text
        for n in range(len(texts) // 3):
            yield n, texts[3 * n], texts[3 * n + 1]

    def use(self, n: int) -> KnowledgeSkillUse:
        """The ``n``-th knowledge/skill use of the file (0-based)."""
        from skillprofiles.rules.summary_items import KnowledgeSkillUse  # see __getattr__

        texts, at = self.uses_text, self.uses_at
        base = _PACKED * n
        where = Span(at[base + 2], at[base + 3], at[base + 4], at[base + 5])
        code, text, competence = texts[3 * n : 3 * n + 3]
        return KnowledgeSkillUse(code, text, competence, at[base], at[base + 1], where)

    def span(self, path: DocPath, key: bool = False) -> Span:
        """Where a path of this file starts (its key with ``key``); 1:1 when it was not recorded."""
        found = self.spans.get((*path, "<key>") if key else path)
        if found is None and not key:
            items: tuple[Relationship | KnowledgeSkillUse, ...] = (
                *self.relationships,
                *self.knowledge_skills,
            )
            found = next((item.where for item in items if item.path == path), None)
        return found or Span.point(1, 1)


_PACKED = 6  # competence index, item index, line, column, end line, end column


def summarize(profile: AnyProfile, file: str, source: SourceMap) -> ProfileSummary:
    """The summary of one loaded profile."""
    values = source.values
    texts: list[str] = []
    at = array("I")
    for i, c in enumerate(profile.competences):
        competence = sys.intern(c.code)
        for j, item in enumerate(c.knowledge_skills):
            where = values.get(("competences", i, "knowledge_skills", j, "text"), _ORIGIN)
            texts += (sys.intern(item.code), sys.intern(item.text), competence)
            at.extend((i, j, where.line, where.column, where.end_line, where.end_column))
    named: tuple[DocPath, ...] = (("code",), ("title",))
    spans: dict[DocPath, Span] = {p: values[p] for p in named if p in values}
    spans.update({_KEY_PATHS[p]: source.keys[p] for p in named if p in source.keys})
    relationships = _relationships(profile, values)
    return ProfileSummary(
        file, profile.template, profile.code, profile.title, relationships, tuple(texts), at, spans
    )


def _relationships(profile: AnyProfile, values: dict[DocPath, Span]) -> tuple[Relationship, ...]:
    if not isinstance(profile, WSPG3Profile):
        return ()
    from skillprofiles.rules.summary_items import Relationship  # see __getattr__

    found = []
    for kind in ("interacts_with", "reports_to"):
        targets = getattr(profile.relationships, kind)
        for i, target in enumerate(targets):
            where = values.get(("relationships", kind, i), _ORIGIN)
            found.append(Relationship(sys.intern(kind), sys.intern(target), i, where))
    return tuple(found)


_ORIGIN = Span.point(1, 1)
_KEY_PATHS: dict[DocPath, DocPath] = {p: (*p, "<key>") for p in (("code",), ("title",))}  # one tuple each


def __getattr__(name: str) -> Any:
    # the item classes are defined in summary_items, imported only when a file has relationships or a
    # use is unpacked: the generated methods of two frozen dataclasses cost every start of a run whose
    # files have neither (an ICT role profile has no relationships), and a run of one file seldom unpacks
    if name in ("KnowledgeSkillUse", "Relationship"):
        from skillprofiles.rules import summary_items

        return getattr(summary_items, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
