"""Typed pydantic models of a profile sheet, one per template, with no I/O."""

import datetime
import enum
import re
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StrictBool,
    StringConstraints,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError

# Patterns are shared verbatim by pydantic (Python ``re``), jsonschema (Python ``re``), check-jsonschema
# (ECMAScript, via regress) and editors (JavaScript), so they use only what all of them read alike:
# an explicit whitespace class instead of ``\S`` (each engine's ``\s`` is a different set), and
# ``$(?!\n)`` instead of ``$`` (Python's ``$`` also matches before a final newline).
WHITESPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
NON_BLANK = f"[^{WHITESPACE}]"
END = r"$(?!\n)"

Text = Annotated[str, StringConstraints(min_length=1, pattern=NON_BLANK)]
Items = Annotated[list[Text], Field(min_length=1)]
OptionalItems = Annotated[list[Text], Field(default_factory=list)]

WSP_CODE_PATTERN = r"^WSP-G3-[0-9]{3}" + END
ECF_CODE_PATTERN = r"^[A-E]\.[1-9][0-9]?" + END
KS_CODE_PATTERN = r"^[A-Z][A-Z0-9]*[0-9]+" + END
VERSION_PATTERN = r"^[0-9]+\.[0-9]+" + END
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}" + END
# An ISCO-08 code (major group to unit group: 1 to 4 digits) or an ESCO occupation URI.
OCCUPATION_PATTERN = r"^([0-9]{1,4}|http://data\.europa\.eu/esco/(occupation|isco)/[A-Za-z0-9-]+)" + END


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
    def of(cls, rank: int) -> "Level":
        """The level with a given number (1 to 5)."""
        return cls(f"e-{rank}")

    def __str__(self) -> str:
        return self.value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """The schema pydantic makes for the enum, titled for people (editors show it)."""
        schema = handler(core_schema)
        handler.resolve_ref_schema(schema)["title"] = "Proficiency level"
        return schema


class Template(str, enum.Enum):
    """The sheet layouts a profile can declare."""

    WSP_G3 = "wsp-g3"
    ICT_ROLE_PROFILE = "ict-role-profile"


class Record(BaseModel):
    """Base of every model: unknown keys are errors and instances are immutable."""

    # Keys are read by alias only ('$schema', 'deliverables', 'kpis'): accepting the Python field
    # names too would accept keys the JSON Schema forbids. Python ``re`` runs the patterns, as in
    # jsonschema. Dumps use the aliases too, so that the default ``model_dump_json()`` loads back.
    model_config = ConfigDict(
        extra="forbid", frozen=True, regex_engine="python-re", serialize_by_alias=True, defer_build=True
    )


def _unique_levels(levels: list[Level]) -> list[Level]:
    seen: set[Level] = set()
    for level in levels:
        if level in seen:
            raise PydanticCustomError(
                "duplicate_level", "level {level} is listed twice", {"level": level.value}
            )
        seen.add(level)
    return levels


def _iso_date(value: Any) -> Any:
    """A date, or text of the form YYYY-MM-DD; never a date-time, a number or other text."""
    if isinstance(value, datetime.datetime) or not isinstance(value, (datetime.date, str)):
        raise PydanticCustomError("date_type", "Input should be a valid date")
    if isinstance(value, str):
        try:
            if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) is None:
                raise ValueError(value)
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_parsing", "Input should be a date in the form YYYY-MM-DD"
            ) from None
    return value


IsoDate = Annotated[
    datetime.date,
    BeforeValidator(_iso_date),
    Field(json_schema_extra={"pattern": DATE_PATTERN}),
]

Levels = Annotated[
    list[Level],
    Field(min_length=1, json_schema_extra={"uniqueItems": True}),
    AfterValidator(_unique_levels),
]


def _catalogue_versions(schema: dict[str, Any]) -> None:
    """Offer every e-CF version of the packaged catalogue as an example (editors complete them).

    The catalogue is read only when a schema is generated; any version of the pattern stays valid.
    """
    from skillprofiles.catalogue import default_catalogue

    schema["examples"] = list(default_catalogue().versions)


class KnowledgeSkill(Record):
    """A knowledge or skill item (role-profile Dimension 4), such as ``B11: Can analyse``."""

    model_config = ConfigDict(title="Knowledge or skill item")

    code: Annotated[
        str,
        Field(pattern=KS_CODE_PATTERN, description="Project-local code, e.g. B11.", examples=["B11", "T05"]),
    ]
    text: Annotated[
        Text, Field(description="The item's wording as the source writes it.", examples=["Can analyse"])
    ]


class CompetenceAssignment(Record):
    """An e-CF competence assigned to the profile at one or more proficiency levels."""

    model_config = ConfigDict(title="Competence assignment")

    code: Annotated[
        str,
        Field(pattern=ECF_CODE_PATTERN, description="e-CF code, e.g. D.7.", examples=["D.7", "A.4", "E.10"]),
    ]
    title: Annotated[
        Text,
        Field(description="The competence title as the sheet writes it.", examples=["Sales Management"]),
    ]
    levels: Annotated[
        Levels,
        Field(description="The proficiency levels assigned (a set, e-1..e-5).", examples=[["e-2", "e-3"]]),
    ]
    description: Text | None = Field(
        None,
        description="Profile-specific description (Dimension 2).",
        examples=["The online community manager is responsible for the design and structure of ..."],
    )
    level_texts: dict[Level, Text] = Field(
        default_factory=dict,
        title="Level texts",
        description="Per-level texts (Dimension 3), keyed by level.",
        examples=[{"e-3": "Exploits specialist knowledge to provide understanding of market environment."}],
    )
    knowledge_skills: list[KnowledgeSkill] = Field(
        default_factory=list,
        title="Knowledge and skills",
        description="Knowledge and skill items (Dimension 4).",
        examples=[[{"code": "B11", "text": "Can analyse"}]],
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

    model_config = ConfigDict(title="Source document")

    document: Text = Field(
        description="Title of the source document.",
        examples=["G3 Web Skills Profiles – version 1.0 – Generation 3 European ICT Professional Profiles"],
    )
    version: Text | None = Field(None, description="Version of the source document.", examples=["1.0"])
    date: IsoDate | None = Field(None, description="Publication date (YYYY-MM-DD).", examples=["2013-02-14"])
    licence: Text | None = Field(
        None, description="Licence of the source document.", examples=["CC BY-ND 3.0"]
    )
    url: Text | None = Field(
        None,
        description="Where the source document is published.",
        examples=["http://www.skillprofiles.eu/stable/g3/en/2013-02-14.pdf"],
    )


class Deliverables(Record):
    """Documents or deliverables by role: accountable, responsible and contributor."""

    model_config = ConfigDict(title="Documentation by role")

    accountable: OptionalItems = Field(
        description="Produced as manager (guarantee).", examples=[["Strategic sales plan"]]
    )
    responsible: OptionalItems = Field(
        description="Produced as representative (support).", examples=[["Sales forecasts"]]
    )
    contributor: OptionalItems = Field(
        description="Produced as employee (contribution).", examples=[["Production forecasts"]]
    )

    @property
    def all(self) -> list[str]:
        """Every deliverable, accountable first."""
        return [*self.accountable, *self.responsible, *self.contributor]


class RoleDeliverables(Record):
    """Deliverables of the European ICT role-profile template: accountable and contributor."""

    model_config = ConfigDict(title="Deliverables by role")

    accountable: Items = Field(
        description="Deliverables the role is accountable for.", examples=[["Wiki.", "Forum."]]
    )
    contributor: OptionalItems = Field(
        description="Deliverables the role contributes to.", examples=[["Infrastructure planning."]]
    )


class AbilitiesKnowledge(Record):
    """Appendix B "Abilities, knowledge", subdivided into technical, IT and for development."""

    model_config = ConfigDict(title="Abilities and knowledge")

    technical: Items = Field(
        description="Technical abilities and knowledge.", examples=[["Communication techniques"]]
    )
    information_technology: Items = Field(
        title="Information technology",
        description="Information-technology abilities and knowledge.",
        examples=[["Basic technical training in the Web environment"]],
    )
    for_development: Items = Field(
        title="For development",
        description="Abilities that strengthen the profile.",
        examples=[["Coordination skills"]],
    )


class LanguageRequirement(Record):
    """A linguistic aptitude: a language, its minimum CEFR level when given, and the original wording."""

    model_config = ConfigDict(title="Language requirement")

    language: Text = Field(description="The language, as the sheet names it.", examples=["English"])
    min_level: Text | None = Field(
        None,
        title="Minimum level",
        description="Minimum CEFR level (A1..C2, Pre-A1, plus levels).",
        examples=["C1", "B1"],
    )
    preferred: StrictBool = Field(
        False, description="True when the language is only preferred, not required.", examples=[True]
    )
    text: Text = Field(
        description="The requirement in the sheet's own words.",
        examples=["Excellent knowledge of the English language – minimum level: C1 QCER"],
    )


class PersonalAptitudes(Record):
    """Appendix B "Personal aptitudes": interpersonal/organisational and linguistic."""

    model_config = ConfigDict(title="Personal aptitudes")

    interpersonal_organisational: Items = Field(
        title="Interpersonal and organisational",
        description="Interpersonal and organisational aptitudes.",
        examples=[["Conflict management", "Teamwork"]],
    )
    linguistic: Annotated[list[LanguageRequirement], Field(min_length=1)] = Field(
        description="Language requirements.",
        examples=[[{"language": "English", "min_level": "C1", "text": "English – minimum level: C1 QCER"}]],
    )


class Relationships(Record):
    """Appendix B "Relationships and reporting lines" (informational)."""

    model_config = ConfigDict(title="Relationships and reporting lines")

    interacts_with: OptionalItems = Field(
        title="Interacts with",
        description="Profiles this one works with, by code or title.",
        examples=[["Business Analyst", "WSP-G3-004"]],
    )
    reports_to: OptionalItems = Field(
        title="Reports to",
        description="Profiles this one reports to, by code or title.",
        examples=[["Chief Information Officer"]],
    )


class ProfileBase(Record):
    """Fields and questions common to every template."""

    schema_: str | None = Field(
        None,
        alias="$schema",
        title="JSON Schema",
        description="JSON Schema the file declares.",
        examples=["https://skillprofiles.dev/schemas/profile.schema.json"],
    )
    title: Text = Field(description="The profile's name.", examples=["Web Account Manager"])
    ecf_version: Annotated[str, Field(pattern=VERSION_PATTERN)] | None = Field(
        None,
        title="e-CF version",
        description="The e-CF version the sheet cites, e.g. '2.0' (quoted).",
        json_schema_extra=_catalogue_versions,
    )
    occupation: Annotated[str, Field(pattern=OCCUPATION_PATTERN)] | None = Field(
        None,
        title="Occupation",
        description="The occupation the profile describes: an ESCO occupation URI or an ISCO-08 code.",
        examples=["http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1", "2513"],
    )
    source: Source | None = Field(
        None,
        title="Source document",
        description="The document the profile is transcribed from.",
        examples=[{"document": "EQF-iServe project job descriptions – Online Community Manager"}],
    )
    competences: Annotated[list[CompetenceAssignment], Field(min_length=1)] = Field(
        description="Assigned e-CF competences.",
        examples=[[{"code": "D.7", "title": "Sales Management", "levels": ["e-5"]}]],
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

    model_config = ConfigDict(title="WSP-G3 profile sheet")

    template: Literal["wsp-g3"] = Field(
        description="The sheet layout: a WSP-G3 profile sheet.", examples=["wsp-g3"]
    )
    code: Annotated[
        str,
        Field(
            pattern=WSP_CODE_PATTERN, description="Identification code WSP-G3-NNN.", examples=["WSP-G3-003"]
        ),
    ]
    summary_definition: Text = Field(
        title="Summary definition",
        description="The primary purpose of the profile.",
        examples=["Professional position responsible for managing prospective and/or loyal customers ..."],
    )
    assignment: Items = Field(
        description="The basic assignment of the profile, one item per paragraph.",
        examples=[["The Web Account Manager is part of the Web Marketing & Accounting sector. ..."]],
    )
    documentation_produced: Deliverables = Field(
        title="Documentation produced",
        description="Documentation produced, by role.",
        examples=[{"accountable": ["Strategic sales plan"], "responsible": ["Sales forecasts"]}],
    )
    primary_duties: Items = Field(
        title="Primary duties",
        description="Typical tasks carried out by the profile.",
        examples=[["Make value presentations for products and/or services"]],
    )
    abilities_knowledge: AbilitiesKnowledge = Field(
        title="Abilities, knowledge",
        description="Abilities and knowledge.",
        examples=[
            {
                "technical": ["Communication techniques"],
                "information_technology": ["Basic technical training in the Web environment"],
                "for_development": ["Coordination skills"],
            }
        ],
    )
    kpi_areas: Items = Field(
        title="KPI areas",
        description="Area of application of the KPI.",
        examples=[["Achievement of sales quotas", "Volume, receipts, profits"]],
    )
    qualifications: Items = Field(
        description="Recommended qualifications and certifications.",
        examples=[["Masters degree/Training courses in marketing"]],
    )
    personal_aptitudes: PersonalAptitudes = Field(
        title="Personal aptitudes",
        description="Personal aptitudes.",
        examples=[
            {
                "interpersonal_organisational": ["Teamwork"],
                "linguistic": [{"language": "English", "min_level": "C1", "text": "English, C1 QCER"}],
            }
        ],
    )
    relationships: Relationships = Field(
        default_factory=lambda: Relationships(interacts_with=[], reports_to=[]),
        title="Relationships and reporting lines",
        description="Relationships and reporting lines.",
        examples=[{"interacts_with": ["Business Analyst"], "reports_to": []}],
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

    model_config = ConfigDict(title="European ICT role profile")

    template: Literal["ict-role-profile"] = Field(
        description="The sheet layout: a European ICT role profile.", examples=["ict-role-profile"]
    )
    code: Text | None = Field(
        None, description="An identifier, when the source gives one.", examples=["OCM-01"]
    )
    summary_statement: Text = Field(
        title="Summary statement",
        description="Summary statement of the role.",
        examples=[
            "Provides an interactive environment in which users, customers and colleagues can collaborate."
        ],
    )
    mission: Items = Field(
        description="Mission, one item per paragraph.",
        examples=[["Create and maintain such collaborative applications as wikis and forums ..."]],
    )
    responsibility: Text = Field(
        description="What the role is responsible for.",
        examples=["The ability for customers and users to quickly and effectively resolve issues ..."],
    )
    deliverables_: RoleDeliverables = Field(
        alias="deliverables",
        title="Deliverables",
        description="Deliverables by role.",
        examples=[{"accountable": ["Wiki.", "Forum."], "contributor": ["Infrastructure planning."]}],
    )
    main_tasks: Items = Field(
        title="Main tasks", description="Main tasks.", examples=[["Provide collaboration tools."]]
    )
    environment: Text = Field(
        description="The environment the role works in.",
        examples=["Usually works in tandem with infrastructure and internal development teams."],
    )
    kpis_: Items = Field(
        alias="kpis",
        title="KPIs",
        description="Key performance indicators.",
        examples=[["Customer satisfaction.", "Forum activity."]],
    )

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


def _profile_adapter() -> Any:
    from pydantic import TypeAdapter

    global _ADAPTER
    if _ADAPTER is None:
        _ADAPTER = TypeAdapter(Profile)
    return _ADAPTER


_ADAPTER: Any = None


def parse_profile(data: Any) -> AnyProfile:
    """Python data (a dict as ``model_dump()`` gives it) as the profile model its ``template`` names.

    ``Profile`` is a discriminated union, not a class: this is its ``validate_python``. It checks the
    structure only; :func:`skillprofiles.loads` also runs the catalogue checks and reports positions.
    Raises :class:`pydantic.ValidationError`.
    """
    return _profile_adapter().validate_python(data)  # type: ignore[no-any-return]


def parse_profile_json(text: str | bytes) -> AnyProfile:
    """JSON text (as the default ``model_dump_json()`` writes it) as a profile; see :func:`parse_profile`."""
    return _profile_adapter().validate_json(text)  # type: ignore[no-any-return]
