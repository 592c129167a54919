"""A profile as the published sheet lays it out: titled sections in template order, for every renderer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from skillprofiles.hr.ecf import CompetenceId, lookup
from skillprofiles.models import (
    AnyProfile,
    CompetenceAssignment,
    LanguageRequirement,
    RoleProfile,
    WSPG3Profile,
)


@dataclass(frozen=True)
class Paragraphs:
    """Running text, one string per paragraph."""

    texts: list[str]


@dataclass(frozen=True)
class Bullets:
    """A list of items."""

    items: list[str]


@dataclass(frozen=True)
class CompetenceRow:
    """One assigned competence: code, titles (official and as written), area and levels."""

    cid: CompetenceId
    title: str
    sheet_title: str
    area: str
    levels: list[str]


@dataclass(frozen=True)
class Competences:
    """The table of assigned e-CF competences."""

    rows: list[CompetenceRow]


@dataclass(frozen=True)
class LanguageRow:
    """One language requirement."""

    language: str
    min_level: str
    preferred: bool
    text: str


@dataclass(frozen=True)
class Languages:
    """The table of language requirements."""

    rows: list[LanguageRow]


@dataclass(frozen=True)
class Section:
    """A headed part of the sheet; sections nest (sub-headings)."""

    heading: str
    blocks: list[Block] = field(default_factory=list)


Block = Union[Paragraphs, Bullets, Competences, Languages, Section]  # noqa: UP007


@dataclass(frozen=True)
class Sheet:
    """The whole sheet: a title line, facts about the sheet, and its sections."""

    title: str
    code: str | None
    template: str
    version: str | None
    facts: list[tuple[str, str]]
    sections: list[Section]


def build_sheet(profile: AnyProfile, default_version: str | None = None) -> Sheet:
    """The sheet of a profile: Appendix B order for ``wsp-g3``, template order for role profiles."""
    version = profile.ecf_version or default_version
    sections = (
        _wsp_sections(profile, version)
        if isinstance(profile, WSPG3Profile)
        else _role_sections(profile, version)
    )
    return Sheet(profile.title, profile.code, profile.template, version, _facts(profile, version), sections)


def _facts(profile: AnyProfile, version: str | None) -> list[tuple[str, str]]:
    facts = [("Identification code", profile.code)] if profile.code else []
    facts.append(("e-CF version", version or "not stated"))
    if profile.source is not None:
        source = profile.source
        facts.append(("Source", source.document + (f", version {source.version}" if source.version else "")))
        facts += [
            (label, str(value))
            for label, value in (("Date", source.date), ("Licence", source.licence), ("URL", source.url))
            if value
        ]
    return facts


def _row(assignment: CompetenceAssignment, version: str | None) -> CompetenceRow:
    cid = CompetenceId(version, assignment.code)
    entry = lookup(cid)
    title = entry.title if entry is not None else assignment.title
    levels = [str(lv) for lv in sorted(assignment.levels, key=lambda lv: lv.rank)]
    return CompetenceRow(cid, title, assignment.title, cid.area, levels)


def _language(requirement: LanguageRequirement) -> LanguageRow:
    return LanguageRow(
        requirement.language, requirement.min_level or "—", requirement.preferred, requirement.text
    )


def _wsp_sections(profile: WSPG3Profile, version: str | None) -> list[Section]:
    docs, abilities = profile.documentation_produced, profile.abilities_knowledge
    aptitudes, relations = profile.personal_aptitudes, profile.relationships
    return [
        Section("Summary definition", [Paragraphs([profile.summary_definition])]),
        Section("Assignment", [Paragraphs(list(profile.assignment))]),
        Section(
            "Documentation produced",
            _roles(
                ("Accountable", docs.accountable),
                ("Responsible", docs.responsible),
                ("Contributor", docs.contributor),
            ),
        ),
        Section("Primary duties", [Bullets(list(profile.primary_duties))]),
        Section("Assigned e-CF skills", [Competences([_row(c, version) for c in profile.competences])]),
        Section(
            "Abilities, knowledge",
            _roles(
                ("Technical", abilities.technical),
                ("Information technology", abilities.information_technology),
                ("For development", abilities.for_development),
            ),
        ),
        Section("Area of application of the KPI", [Bullets(list(profile.kpi_areas))]),
        Section("Qualifications and certifications", [Bullets(list(profile.qualifications))]),
        Section(
            "Personal aptitudes",
            [
                Section(
                    "Interpersonal and organisational",
                    [Bullets(list(aptitudes.interpersonal_organisational))],
                ),
                Section("Linguistic", [Languages([_language(r) for r in aptitudes.linguistic])]),
            ],
        ),
        Section(
            "Relationships and reporting lines",
            _roles(("Interacts with", relations.interacts_with), ("Reports to", relations.reports_to)),
        ),
    ]


def _roles(*groups: tuple[str, list[str]]) -> list[Block]:
    return [
        Section(label, [Bullets(list(items))] if items else [Paragraphs(["None listed."])])
        for label, items in groups
    ]


def _role_sections(profile: RoleProfile, version: str | None) -> list[Section]:
    deliverables = profile.deliverables_
    return [
        Section("Summary statement", [Paragraphs([profile.summary_statement])]),
        Section("Mission", [Paragraphs(list(profile.mission))]),
        Section("Responsibility", [Paragraphs([profile.responsibility])]),
        Section(
            "Deliverables",
            _roles(("Accountable", deliverables.accountable), ("Contributor", deliverables.contributor)),
        ),
        Section("Main tasks", [Bullets(list(profile.main_tasks))]),
        Section("Environment", [Paragraphs([profile.environment])]),
        Section("KPIs", [Bullets(list(profile.kpis_))]),
        Section("e-CF competences", [Competences([_row(c, version) for c in profile.competences])]),
        Section("Detailed profile", [_detail(c, version) for c in profile.competences]),
    ]


def _detail(assignment: CompetenceAssignment, version: str | None) -> Section:
    row = _row(assignment, version)
    blocks: list[Block] = []
    if assignment.description:
        blocks.append(Paragraphs([assignment.description]))
    if assignment.level_texts:
        ordered = sorted(assignment.level_texts.items(), key=lambda kv: kv[0].rank)
        items = [f"{level}: {text}" for level, text in ordered]
        blocks.append(Section("Proficiency levels (Dimension 3)", [Bullets(items)]))
    if assignment.knowledge_skills:
        items = [f"{ks.code}: {ks.text}" for ks in assignment.knowledge_skills]
        blocks.append(Section("Knowledge and skills (Dimension 4)", [Bullets(items)]))
    return Section(f"{row.cid.code} {row.title} ({', '.join(row.levels)})", blocks)
