"""Typed pydantic models of a profile sheet, one per template, with no I/O."""

from __future__ import annotations

import datetime
import enum
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Items = Annotated[list[Text], Field(min_length=1)]
OptionalItems = Annotated[list[Text], Field(default_factory=list)]

WSP_CODE_PATTERN = r"^WSP-G3-[0-9]{3}$"
ECF_CODE_PATTERN = r"^[A-E]\.[1-9][0-9]?$"
KS_CODE_PATTERN = r"^[A-Z][A-Z0-9]*[0-9]+$"
VERSION_PATTERN = r"^[0-9]+\.[0-9]+$"


class Level(str, enum.Enum):
    """An e-CF proficiency level, e-1 (lowest) to e-5 (highest)."""

    E1 = "e-1"
    E2 = "e-2"
    E3 = "e-3"
    E4 = "e-4"
    E5 = "e-5"

    @property
    def rank(self) -> int:
        """The level as a number, 1 to 5."""
        return int(self.value[2])

    @classmethod
    def of(cls, rank: int) -> Level:
        """The level with a given number (1 to 5)."""
        return cls(f"e-{rank}")

    def __str__(self) -> str:
        return self.value


class Template(str, enum.Enum):
    """The sheet layouts a profile can declare."""

    WSP_G3 = "wsp-g3"
    ICT_ROLE_PROFILE = "ict-role-profile"


class Record(BaseModel):
    """Base of every model: unknown keys are errors and instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _unique_levels(levels: list[Level]) -> list[Level]:
    seen: set[Level] = set()
    for level in levels:
        if level in seen:
            raise PydanticCustomError(
                "duplicate_level", "level {level} is listed twice", {"level": level.value}
            )
        seen.add(level)
    return levels


Levels = Annotated[
    list[Level],
    Field(min_length=1, json_schema_extra={"uniqueItems": True}),
    AfterValidator(_unique_levels),
]


class KnowledgeSkill(Record):
    """A knowledge or skill item (role-profile Dimension 4), such as ``B11: Can analyse``."""

    code: Annotated[str, Field(pattern=KS_CODE_PATTERN, description="Project-local code, e.g. B11.")]
    text: Annotated[Text, Field(description="The item's wording as the source writes it.")]


class CompetenceAssignment(Record):
    """An e-CF competence assigned to the profile at one or more proficiency levels."""

    code: Annotated[str, Field(pattern=ECF_CODE_PATTERN, description="e-CF code, e.g. D.7.")]
    title: Annotated[Text, Field(description="The competence title as the sheet writes it.")]
    levels: Annotated[Levels, Field(description="The proficiency levels assigned (a set, e-1..e-5).")]
    description: Text | None = Field(None, description="Profile-specific description (Dimension 2).")
    level_texts: dict[Level, Text] = Field(
        default_factory=dict, description="Per-level texts (Dimension 3), keyed by level."
    )
    knowledge_skills: list[KnowledgeSkill] = Field(
        default_factory=list, description="Knowledge and skill items (Dimension 4)."
    )

    @property
    def level_set(self) -> frozenset[Level]:
        """The assigned levels as a set."""
        return frozenset(self.levels)

    @property
    def max_level(self) -> Level:
        """The highest assigned level."""
        return max(self.levels, key=lambda level: level.rank)


class Source(Record):
    """Where a profile comes from: the document, its version, date and licence."""

    document: Text = Field(description="Title of the source document.")
    version: Text | None = Field(None, description="Version of the source document.")
    date: datetime.date | None = Field(None, description="Publication date (YYYY-MM-DD).")
    licence: Text | None = Field(None, description="Licence of the source document.")
    url: Text | None = Field(None, description="Where the source document is published.")


class Deliverables(Record):
    """Documents or deliverables by role: accountable, responsible and contributor."""

    accountable: OptionalItems = Field(description="Produced as manager (guarantee).")
    responsible: OptionalItems = Field(description="Produced as representative (support).")
    contributor: OptionalItems = Field(description="Produced as employee (contribution).")

    @property
    def all(self) -> list[str]:
        """Every deliverable, accountable first."""
        return [*self.accountable, *self.responsible, *self.contributor]


class RoleDeliverables(Record):
    """Deliverables of the European ICT role-profile template: accountable and contributor."""

    accountable: Items = Field(description="Deliverables the role is accountable for.")
    contributor: OptionalItems = Field(description="Deliverables the role contributes to.")


class AbilitiesKnowledge(Record):
    """Appendix B "Abilities, knowledge", subdivided into technical, IT and for development."""

    technical: Items = Field(description="Technical abilities and knowledge.")
    information_technology: Items = Field(description="Information-technology abilities and knowledge.")
    for_development: Items = Field(description="Abilities that strengthen the profile.")


class LanguageRequirement(Record):
    """A linguistic aptitude: a language, its minimum CEFR level when given, and the original wording."""

    language: Text = Field(description="The language, as the sheet names it.")
    min_level: Text | None = Field(None, description="Minimum CEFR level (A1..C2, Pre-A1, plus levels).")
    preferred: bool = Field(False, description="True when the language is only preferred, not required.")
    text: Text = Field(description="The requirement in the sheet's own words.")


class PersonalAptitudes(Record):
    """Appendix B "Personal aptitudes": interpersonal/organisational and linguistic."""

    interpersonal_organisational: Items = Field(description="Interpersonal and organisational aptitudes.")
    linguistic: Annotated[list[LanguageRequirement], Field(min_length=1)] = Field(
        description="Language requirements."
    )


class Relationships(Record):
    """Appendix B "Relationships and reporting lines" (informational)."""

    interacts_with: OptionalItems = Field(description="Profiles this one works with, by code or title.")
    reports_to: OptionalItems = Field(description="Profiles this one reports to, by code or title.")


class ProfileBase(Record):
    """Fields and questions common to every template."""

    schema_: str | None = Field(None, alias="$schema", description="JSON Schema the file declares.")
    title: Text = Field(description="The profile's name.")
    ecf_version: Annotated[str, Field(pattern=VERSION_PATTERN)] | None = Field(
        None, description="The e-CF version the sheet cites, e.g. '2.0' (quoted)."
    )
    source: Source | None = Field(None, description="The document the profile is transcribed from.")
    competences: Annotated[list[CompetenceAssignment], Field(min_length=1)] = Field(
        description="Assigned e-CF competences."
    )

    @property
    def name(self) -> str:
        """The profile's title."""
        return self.title

    def competence(self, code: str) -> CompetenceAssignment | None:
        """The assignment of one competence code, if the profile has it."""
        return next((c for c in self.competences if c.code == code), None)


class WSPG3Profile(ProfileBase):
    """A WSP-G3 profile sheet, structured as in Appendix B of the G3 Web Skills Profiles spec."""

    template: Literal["wsp-g3"] = Field(description="The sheet layout: a WSP-G3 profile sheet.")
    code: Annotated[str, Field(pattern=WSP_CODE_PATTERN, description="Identification code WSP-G3-NNN.")]
    summary_definition: Text = Field(description="The primary purpose of the profile.")
    assignment: Items = Field(description="The basic assignment of the profile, one item per paragraph.")
    documentation_produced: Deliverables = Field(description="Documentation produced, by role.")
    primary_duties: Items = Field(description="Typical tasks carried out by the profile.")
    abilities_knowledge: AbilitiesKnowledge = Field(description="Abilities and knowledge.")
    kpi_areas: Items = Field(description="Area of application of the KPI.")
    qualifications: Items = Field(description="Recommended qualifications and certifications.")
    personal_aptitudes: PersonalAptitudes = Field(description="Personal aptitudes.")
    relationships: Relationships = Field(
        default_factory=lambda: Relationships(interacts_with=[], reports_to=[]),
        description="Relationships and reporting lines.",
    )

    @property
    def deliverables(self) -> Deliverables:
        """Documentation produced, in the common form."""
        return self.documentation_produced

    @property
    def kpis(self) -> list[str]:
        """Area of application of the KPI."""
        return list(self.kpi_areas)

    @property
    def tasks(self) -> list[str]:
        """Primary duties."""
        return list(self.primary_duties)

    @property
    def languages(self) -> list[LanguageRequirement]:
        """Language requirements."""
        return list(self.personal_aptitudes.linguistic)


class RoleProfile(ProfileBase):
    """A profile in the European ICT role-profile template (role description plus e-CF dimensions)."""

    template: Literal["ict-role-profile"] = Field(
        description="The sheet layout: a European ICT role profile."
    )
    code: Text | None = Field(None, description="An identifier, when the source gives one.")
    summary_statement: Text = Field(description="Summary statement of the role.")
    mission: Items = Field(description="Mission, one item per paragraph.")
    responsibility: Text = Field(description="What the role is responsible for.")
    deliverables_: RoleDeliverables = Field(alias="deliverables", description="Deliverables by role.")
    main_tasks: Items = Field(description="Main tasks.")
    environment: Text = Field(description="The environment the role works in.")
    kpis_: Items = Field(alias="kpis", description="Key performance indicators.")

    @property
    def deliverables(self) -> Deliverables:
        """Deliverables, in the common form (no 'responsible' list in this template)."""
        accountable, contributor = list(self.deliverables_.accountable), list(self.deliverables_.contributor)
        return Deliverables(accountable=accountable, responsible=[], contributor=contributor)

    @property
    def kpis(self) -> list[str]:
        """Key performance indicators."""
        return list(self.kpis_)

    @property
    def tasks(self) -> list[str]:
        """Main tasks."""
        return list(self.main_tasks)

    @property
    def languages(self) -> list[LanguageRequirement]:
        """This template has no language section."""
        return []


Profile = Annotated[Union[WSPG3Profile, RoleProfile], Field(discriminator="template")]  # noqa: UP007
AnyProfile = Union[WSPG3Profile, RoleProfile]  # noqa: UP007
MODELS: dict[str, type[WSPG3Profile] | type[RoleProfile]] = {
    Template.WSP_G3.value: WSPG3Profile,
    Template.ICT_ROLE_PROFILE.value: RoleProfile,
}


def model_for(data: Any) -> type[WSPG3Profile] | type[RoleProfile] | None:
    """The model class a document declares through its ``template`` key, if it names a known one."""
    template = data.get("template") if isinstance(data, dict) else None
    return MODELS.get(template) if isinstance(template, str) else None
