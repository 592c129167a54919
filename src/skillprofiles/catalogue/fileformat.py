"""Pydantic model of a catalogue file: e-CF versions, the CEFR scale and a profile registry, with sources."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from skillprofiles.catalogue.areas import Area

FORMAT = "skillprofiles-catalogue/1"
SCHEMA_ID = "https://skillprofiles.dev/schemas/catalogue.schema.json"

Text = Annotated[str, Field(min_length=1, pattern=r"\S")]
SourceIds = Annotated[list[str], Field(default_factory=list, description="Ids of entries of 'sources'.")]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CompetenceEntry(_Record):
    """One competence of one e-CF version: code, official title, area and level range."""

    code: Annotated[str, Field(pattern=r"^[A-E]\.[1-9][0-9]?$", description="e-CF code, e.g. D.7.")]
    title: Text = Field(description="The official title in this version.")
    area: Area = Field(description="The e-CF area; must match the code's letter (A=PLAN ... E=MANAGE).")
    min_level: Annotated[int, Field(ge=1, le=5)] | None = Field(description="Lowest level (1..5), or null.")
    max_level: Annotated[int, Field(ge=1, le=5)] | None = Field(description="Highest level (1..5), or null.")
    range_status: Literal["verified", "inferred", "unknown"] = Field(
        description="verified: read in a source of this version; inferred: taken from another version; "
        "unknown: no level data (then min_level and max_level are null)."
    )
    sources: SourceIds
    predecessor: str | None = Field(
        None, description="Code of the same competence in the previous version, when it moved."
    )
    new: bool = Field(
        False, description="True when the competence has no predecessor, even if its code existed."
    )
    note: str | None = Field(None, description="Provenance or caveats, in one line.")

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
        known = (self.min_level is not None, self.max_level is not None)
        if (self.range_status == "unknown") != (known == (False, False)) or known[0] != known[1]:
            raise PydanticCustomError(
                "range_status",
                "min_level and max_level must both be null exactly when range_status is unknown",
            )
        if self.min_level is not None and self.max_level is not None and self.min_level > self.max_level:
            raise PydanticCustomError(
                "range_order",
                "min_level {low} is above max_level {high}",
                {"low": self.min_level, "high": self.max_level},
            )
        return self


class VersionEntry(_Record):
    """One version of the framework: its designation, sources and competences."""

    designation: Text = Field(description="What the version is, e.g. 'e-CF 4.0 = EN 16234-1:2019'.")
    competence_count: int | None = Field(None, ge=0, description="Expected number of competences (checked).")
    sources: SourceIds
    notes: list[str] = Field(default_factory=list, description="Confidence notes for the version.")
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


class CefrSection(_Record):
    """The CEFR scale: its names in several languages and its levels, low to high."""

    name: Text
    aliases: list[Text] = Field(
        default_factory=list, description="Names of the scale, e.g. CEFR, QCER, CECR."
    )
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


class RegistrySection(_Record):
    """A registry of published profiles (e.g. the 21 WSP-G3 v1.0 profiles)."""

    name: Text
    version: str | None = None
    date: str | None = None
    basis: str | None = None
    ecf_version: str | None = None
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
    format: Literal["skillprofiles-catalogue/1"] = Field(description="The catalogue format and its version.")
    title: Text = Field(description="What the catalogue holds.")
    sources: dict[str, Text] = Field(
        default_factory=dict, description="Source id -> where the facts come from."
    )
    ecf: EcfSection | None = None
    cefr: CefrSection | None = None
    profile_registry: RegistrySection | None = None

    def unknown_sources(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Source ids cited but not listed under ``sources``, each with the document path citing it."""
        return [(path, cited) for path, cited in self._cited() if cited not in self.sources]

    def _cited(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        if self.ecf is not None:
            for name, version in self.ecf.versions.items():
                base: tuple[str | int, ...] = ("ecf", "versions", name)
                yield from _ids((*base, "sources"), version.sources)
                for index, entry in enumerate(version.competences):
                    yield from _ids((*base, "competences", index, "sources"), entry.sources)
        if self.cefr is not None:
            yield from _ids(("cefr", "sources"), self.cefr.sources)
            for index, level in enumerate(self.cefr.levels):
                yield from _ids(("cefr", "levels", index, "sources"), level.sources)
        if self.profile_registry is not None:
            for index, profile in enumerate(self.profile_registry.profiles):
                yield from _ids(("profile_registry", "profiles", index, "sources"), profile.sources)


def _ids(path: tuple[str | int, ...], ids: list[str]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for index, cited in enumerate(ids):
        yield (*path, index), cited


def json_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of a catalogue file."""
    schema = CatalogueFile.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


if __name__ == "__main__":  # python -m skillprofiles.catalogue.fileformat > schemas/catalogue.schema.json
    import json
    import sys

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
