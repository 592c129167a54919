"""Pydantic model of a catalogue file: e-CF versions, the CEFR scale and a profile registry, with sources."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from skillprofiles.catalogue.areas import Area

FORMAT = "skillprofiles-catalogue/2"
FORMATS = ("skillprofiles-catalogue/1", FORMAT)
SCHEMA_ID = "https://skillprofiles.dev/schemas/catalogue.schema.json"

Text = Annotated[str, Field(min_length=1, pattern=r"\S")]
SourceIds = Annotated[list[str], Field(default_factory=list, description="Ids of entries of 'sources'.")]
Evidence = Literal["two-sources", "one-source", "inferred", "unknown"]
RANGE_STATUS_EVIDENCE: dict[str, Evidence] = {
    "verified": "two-sources",  # format /1: the user vouches for the range (e.g. a licensed copy)
    "inferred": "inferred",
    "unknown": "unknown",
}


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Locator(_Record):
    """Where a reader finds a source: a repository file, a public code line to search for, or pages."""

    repository: str | None = Field(None, description="owner/name of a public repository.")
    path: str | None = Field(None, description="The file's path in the repository.")
    search: str | None = Field(
        None, description="An exact line of a public code file whose repository was not recorded."
    )
    file_id: str | None = Field(None, description="The id a code archive gives that file.")
    pages: list[Text] = Field(default_factory=list, description="Page addresses, as recorded.")
    mirror: str | None = None
    project_file: str | None = Field(None, description="A file of this repository.")

    @model_validator(mode="after")
    def _followable(self) -> Locator:
        if not ((self.repository and self.path) or self.search or self.pages or self.project_file):
            raise PydanticCustomError(
                "locator", "a locator needs repository and path, search, pages or project_file"
            )
        return self


class Source(_Record):
    """One source: what it is, where to find it, what it shows and what it may be cited for."""

    title: Text
    kind: Literal["repository-file", "code-file", "web-page", "web-pages", "project-file"]
    locator: Locator
    shows: Text = Field(description="What the source shows (and only that may be cited to it).")
    versions: list[str] = Field(default_factory=list, description="e-CF versions it is a source for.")
    evidence_for: list[Literal["ranges", "titles", "counts", "usage", "transversal-aspects"]] = Field(
        default_factory=list
    )
    pages_by_range: dict[str, str] = Field(
        default_factory=dict, description="'<version> <code>' -> the page showing that range."
    )
    same_origin_as: list[str] = Field(
        default_factory=list, description="Sources of the same origin; never two sources for one range."
    )


def _text_or_record(value: object) -> str:
    return "text" if isinstance(value, str) else "record"


SourceEntry = Annotated[
    Annotated[Source, Tag("record")] | Annotated[Text, Tag("text")], Discriminator(_text_or_record)
]


class CompetenceEntry(_Record):
    """One competence of one e-CF version: code, official title, area, level range and its evidence."""

    code: Annotated[str, Field(pattern=r"^[A-E]\.[1-9][0-9]?$", description="e-CF code, e.g. D.7.")]
    title: Text = Field(description="The official title in this version.")
    area: Area = Field(description="The e-CF area; must match the code's letter (A=PLAN ... E=MANAGE).")
    min_level: Annotated[int, Field(ge=1, le=5)] | None = Field(description="Lowest level (1..5), or null.")
    max_level: Annotated[int, Field(ge=1, le=5)] | None = Field(description="Highest level (1..5), or null.")
    evidence: Evidence | None = Field(
        None,
        description="Format /2. two-sources: two independent sources show the range; one-source: one "
        "does; inferred: taken from another version or from usage (inferred_from); unknown: no level "
        "data (then min_level and max_level are null).",
    )
    range_status: Literal["verified", "inferred", "unknown"] | None = Field(
        None,
        description="Format /1 only: verified (read as two-sources: the file's author vouches for it), "
        "inferred or unknown.",
    )
    sources: SourceIds
    inferred_from: list[str] = Field(
        default_factory=list, description="For an inferred range: the versions ('3.0') and/or 'usage'."
    )
    usage_sources: SourceIds
    title_evidence: Literal["source", "assumed", "profile-only"] | None = Field(
        None,
        description="source: title_sources show it; assumed: copied from title_from; profile-only: "
        "only the documents in title_attested_by write it (never evidence that they follow this version).",
    )
    title_sources: SourceIds
    title_from: str | None = None
    title_attested_by: list[str] = Field(
        default_factory=list, description="Documents writing the title, as 'profile:<slug of its title>'."
    )
    predecessor: str | None = Field(
        None, description="Code of the same competence in the previous version, when it moved."
    )
    new: bool = Field(
        False, description="True when the competence has no predecessor, even if its code existed."
    )
    note: str | None = Field(None, description="Provenance or caveats, in one line.")

    @property
    def grade(self) -> Evidence:
        """The evidence grade, read from ``evidence`` (/2) or ``range_status`` (/1)."""
        if self.evidence is not None:
            return self.evidence
        return RANGE_STATUS_EVIDENCE[self.range_status or "unknown"]

    @model_validator(mode="after")
    def _consistent(self) -> CompetenceEntry:
        if self.area.letter != self.code[0]:
            raise PydanticCustomError(
                "area_mismatch",
                "code {code} belongs to area {expected}, not {area}",
                {
                    "code": self.code,
                    "expected": list(Area)["ABCDE".index(self.code[0])].value,
                    "area": self.area.value,
                },
            )
        if (self.evidence is None) == (self.range_status is None):
            raise PydanticCustomError(
                "evidence", "give exactly one of evidence (format /2) and range_status (format /1)"
            )
        known = (self.min_level is not None, self.max_level is not None)
        field = "evidence" if self.evidence is not None else "range_status"
        if (self.grade == "unknown") != (known == (False, False)) or known[0] != known[1]:
            raise PydanticCustomError(
                "range_status",
                "min_level and max_level must both be null exactly when {field} is unknown",
                {"field": field},
            )
        if self.min_level is not None and self.max_level is not None and self.min_level > self.max_level:
            raise PydanticCustomError(
                "range_order",
                "min_level {low} is above max_level {high}",
                {"low": self.min_level, "high": self.max_level},
            )
        if self.evidence is not None:
            self._graded(self.evidence)
        if self.title_evidence == "profile-only" and not self.title_attested_by:
            raise PydanticCustomError("title_evidence", "a profile-only title needs title_attested_by")
        if self.title_evidence == "assumed" and not self.title_from:
            raise PydanticCustomError("title_evidence", "an assumed title needs title_from")
        return self

    def _graded(self, evidence: Evidence) -> None:
        distinct = len(set(self.sources))
        wrong = {
            "two-sources": "a two-sources range names at least two different sources",
            "one-source": "a one-source range names exactly one source",
            "inferred": "an inferred range names no source and says what it is inferred_from",
            "unknown": "an unknown range names no source",
        }[evidence]
        ok = {
            "two-sources": distinct >= 2,
            "one-source": len(self.sources) == 1,
            "inferred": not self.sources and bool(self.inferred_from),
            "unknown": not self.sources,
        }[evidence]
        if not ok:
            raise PydanticCustomError("evidence", wrong)


class AspectEntry(_Record):
    """A transversal aspect of a version (e-CF 4.0: T1 Accessibility ... T7 Usability)."""

    code: Annotated[str, Field(pattern=r"^T[1-9]$")]
    title: Text
    evidence: Literal["two-sources", "one-source"]
    sources: Annotated[list[str], Field(min_length=1)]


class VersionEntry(_Record):
    """One version of the framework: its designation, sources and competences."""

    designation: Text = Field(description="What the version is, e.g. 'e-CF 4.0 = EN 16234-1:2019'.")
    competence_count: int | None = Field(None, ge=0, description="Expected number of competences (checked).")
    sources: SourceIds
    notes: list[str] = Field(default_factory=list, description="Confidence notes for the version.")
    transversal_aspect_count: int | None = Field(None, ge=0, description="Expected number (checked).")
    transversal_aspects: list[AspectEntry] = Field(default_factory=list)
    competences: Annotated[list[CompetenceEntry], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique(self) -> VersionEntry:
        seen: set[str] = set()
        for entry in self.competences:
            if entry.code in seen:
                raise PydanticCustomError(
                    "duplicate_code", "competence {code} is listed twice", {"code": entry.code}
                )
            seen.add(entry.code)
        count = self.competence_count
        if count is not None and count != len(self.competences):
            raise PydanticCustomError(
                "competence_count",
                "competence_count says {count} but {found} competences are listed",
                {"count": count, "found": len(self.competences)},
            )
        aspects = self.transversal_aspect_count
        if aspects is not None and aspects != len(self.transversal_aspects):
            raise PydanticCustomError(
                "transversal_aspect_count",
                "transversal_aspect_count says {count} but {found} aspects are listed",
                {"count": aspects, "found": len(self.transversal_aspects)},
            )
        return self


class HistoryEntry(_Record):
    """How one code's title changed across versions, as the sources tell it (documentation only)."""

    code: str
    titles: dict[str, str]


class EcfSection(_Record):
    """The e-CF versions of the catalogue, keyed by version ('4.0')."""

    versions: Annotated[dict[str, VersionEntry], Field(min_length=1)]
    history: list[HistoryEntry] = Field(default_factory=list)


class Band(_Record):
    """A CEFR band: A Basic, B Independent, C Proficient User."""

    band: Text
    name: Text


class CefrLevelEntry(_Record):
    """One CEFR level and its place in the order."""

    code: Annotated[str, Field(pattern=r"^(Pre-A1|[A-C][12]\+?)$")]
    rank: float = Field(description="Position in the order; plus levels sit half-way.")
    band: Text
    kind: Literal["core", "plus", "companion-volume"]
    name: str | None = None
    sources: SourceIds


class AliasEntry(_Record):
    """A name of the CEFR scale in one language (GER, MCER, CECRL ...)."""

    name: Text
    lang: Annotated[str, Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 code of the language.")]
    expansion: str | None = None
    case_sensitive: bool = Field(
        False, description="Match only as written (short labels that are also ordinary words)."
    )
    sources: SourceIds


class PhraseEntry(_Record):
    """A phrase of requirement texts in one language ("Mindestniveau", "mother tongue")."""

    text: Text
    lang: Annotated[str, Field(pattern=r"^[a-z]{2}$")]
    sources: SourceIds


class Phrases(_Record):
    """Requirement phrases: "minimum level" in several languages, and words for a level-less requirement."""

    minimum_level: list[PhraseEntry] = Field(default_factory=list)
    no_level: list[PhraseEntry] = Field(
        default_factory=list, description="native, mother tongue ...: a requirement with no CEFR level."
    )


class CefrSection(_Record):
    """The CEFR scale: its names in several languages and its levels, low to high."""

    name: Text
    aliases: list[
        Annotated[
            Annotated[AliasEntry, Tag("record")] | Annotated[Text, Tag("text")],
            Discriminator(_text_or_record),
        ]
    ] = Field(
        default_factory=list,
        description="Names of the scale (format /2: entries with their language; /1: plain names).",
    )
    phrases: Phrases = Field(default_factory=Phrases)
    sources: SourceIds
    notes: list[str] = Field(default_factory=list)
    bands: list[Band] = Field(default_factory=list)
    levels: Annotated[list[CefrLevelEntry], Field(min_length=1)]

    @model_validator(mode="after")
    def _ordered(self) -> CefrSection:
        ranks = [level.rank for level in self.levels]
        if ranks != sorted(set(ranks)):
            raise PydanticCustomError("cefr_order", "levels must be listed low to high, each rank once")
        return self


class RegistryProfile(_Record):
    """One profile of a registry: its code and title."""

    code: Text
    title: Text
    verified: bool = Field(False, description="True when a source shows the code beside the title.")
    sources: SourceIds
    code_page: str | None = Field(None, description="The page showing the code beside the title.")
    note: str | None = None


class RegistrySection(_Record):
    """A registry of published profiles (e.g. the 21 WSP-G3 v1.0 profiles)."""

    name: Text
    version: str | None = None
    date: str | None = None
    basis: str | None = None
    ecf_version: str | None = None
    sources: SourceIds
    spec_addresses: list[str] = Field(
        default_factory=list, description="Addresses the specification cites (not sources here)."
    )
    profiles: Annotated[list[RegistryProfile], Field(min_length=1)]


class CatalogueFile(BaseModel):
    """A catalogue file: any of the e-CF, CEFR and profile-registry sections, and the sources they cite."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        json_schema_extra={"$id": SCHEMA_ID},
        title="skillprofiles catalogue file",
    )

    schema_: str | None = Field(None, alias="$schema", description="JSON Schema the file declares.")
    format: Literal["skillprofiles-catalogue/1", "skillprofiles-catalogue/2"] = Field(
        description="The catalogue format and its version (/1 is still read)."
    )
    title: Text = Field(description="What the catalogue holds.")
    sources: dict[str, SourceEntry] = Field(
        default_factory=dict,
        description="Source id -> the source (format /2: title, kind, locator, shows; /1: a text).",
    )
    ecf: EcfSection | None = None
    cefr: CefrSection | None = None
    profile_registry: RegistrySection | None = None

    @model_validator(mode="after")
    def _format(self) -> CatalogueFile:
        if self.format == FORMAT:
            for problem in self._format2_problems():
                raise PydanticCustomError("format", problem)
        return self

    def _format2_problems(self) -> Iterator[str]:
        for name, source in self.sources.items():
            if isinstance(source, str):
                yield f"source {name!r}: format /2 sources have title, kind, locator and shows"
        for name, version in self.ecf.versions.items() if self.ecf else ():
            for entry in version.competences:
                if entry.range_status is not None:
                    yield f"{name} {entry.code}: format /2 grades a range with evidence, not range_status"
        if self.cefr is not None and any(isinstance(a, str) for a in self.cefr.aliases):
            yield "cefr.aliases: format /2 aliases have a name and a lang"

    def unknown_sources(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Source ids cited but not listed under ``sources``, each with the document path citing it."""
        return [(path, cited) for path, cited in self._cited() if cited not in self.sources]

    def _cited(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        if self.ecf is not None:
            for name, version in self.ecf.versions.items():
                base: tuple[str | int, ...] = ("ecf", "versions", name)
                yield from _ids((*base, "sources"), version.sources)
                for index, aspect in enumerate(version.transversal_aspects):
                    yield from _ids((*base, "transversal_aspects", index, "sources"), aspect.sources)
                for index, entry in enumerate(version.competences):
                    where = (*base, "competences", index)
                    yield from _ids((*where, "sources"), entry.sources)
                    yield from _ids((*where, "usage_sources"), entry.usage_sources)
                    yield from _ids((*where, "title_sources"), entry.title_sources)
        if self.cefr is not None:
            yield from _ids(("cefr", "sources"), self.cefr.sources)
            for index, alias in enumerate(self.cefr.aliases):
                if not isinstance(alias, str):
                    yield from _ids(("cefr", "aliases", index, "sources"), alias.sources)
            for kind in ("minimum_level", "no_level"):
                for index, phrase in enumerate(getattr(self.cefr.phrases, kind)):
                    yield from _ids(("cefr", "phrases", kind, index, "sources"), phrase.sources)
            for index, level in enumerate(self.cefr.levels):
                yield from _ids(("cefr", "levels", index, "sources"), level.sources)
        if self.profile_registry is not None:
            yield from _ids(("profile_registry", "sources"), self.profile_registry.sources)
            for index, profile in enumerate(self.profile_registry.profiles):
                yield from _ids(("profile_registry", "profiles", index, "sources"), profile.sources)


def _ids(path: tuple[str | int, ...], ids: list[str]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for index, cited in enumerate(ids):
        yield (*path, index), cited


def json_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of a catalogue file."""
    from skillprofiles.schemas import for_editors

    schema = for_editors(CatalogueFile.model_json_schema(by_alias=True))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


if __name__ == "__main__":  # python -m skillprofiles.catalogue.fileformat > schemas/catalogue.schema.json
    import json
    import sys

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
