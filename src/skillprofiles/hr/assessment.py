"""A person's assessment (demonstrated e-CF levels and CEFR language levels): model and positional loader."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from skillprofiles.diagnostics import Diagnostic, DiagnosticsError
from skillprofiles.models import ECF_CODE_PATTERN, VERSION_PATTERN, Level, Record, Text
from skillprofiles.source.reader import Limits, Parsed, read_path

M = TypeVar("M", bound=BaseModel)

SCHEMA_ID = "https://skillprofiles.dev/schemas/assessment.schema.json"


class DemonstratedCompetence(Record):
    """An e-CF competence the person has shown, at the highest level demonstrated."""

    code: Annotated[str, Field(pattern=ECF_CODE_PATTERN, description="e-CF code, e.g. D.7.")]
    level: Level = Field(description="The highest proficiency level demonstrated (e-1..e-5).")
    evidence: Text | None = Field(None, description="Where the level was demonstrated (optional).")


class LanguageLevel(Record):
    """A language the person speaks, with the CEFR level assessed."""

    language: Text = Field(description="The language, e.g. English.")
    level: Text = Field(description="The CEFR level (A1..C2, Pre-A1, plus levels), e.g. C1.")

    @field_validator("level")
    @classmethod
    def _cefr(cls, value: str) -> str:
        from skillprofiles.hr.ecf import cefr_rank

        if cefr_rank(value) is None:
            raise PydanticCustomError(
                "cefr_level",
                "'{value}' is not a CEFR level (A1 … C2, Pre-A1, A2+, B1+, B2+)",
                {"value": value},
            )
        return value


class Assessment(Record):
    """What one person has demonstrated, against the e-CF version the assessment used."""

    schema_: str | None = Field(None, alias="$schema", description="JSON Schema the file declares.")
    person: Text = Field(description="The person assessed: a name or an identifier.")
    ecf_version: Annotated[str, Field(pattern=VERSION_PATTERN)] = Field(
        description="The e-CF version the assessment's codes follow, e.g. '4.0' (quoted)."
    )
    date: Text | None = Field(None, description="When the assessment was made (free text or YYYY-MM-DD).")
    competences: list[DemonstratedCompetence] = Field(
        default_factory=list, description="Competences demonstrated, each once."
    )
    languages: list[LanguageLevel] = Field(default_factory=list, description="Languages with CEFR levels.")

    @field_validator("competences")
    @classmethod
    def _each_once(cls, value: list[DemonstratedCompetence]) -> list[DemonstratedCompetence]:
        codes = [c.code for c in value]
        twice = sorted({code for code in codes if codes.count(code) > 1})
        if twice:
            raise PydanticCustomError(
                "duplicate_competence",
                "competence {codes} is listed more than once",
                {"codes": ", ".join(twice)},
            )
        return value

    def level_of(self, code: str) -> Level | None:
        """The level demonstrated for a competence code, or None."""
        return next((c.level for c in self.competences if c.code == code), None)


class AssessmentError(DiagnosticsError):
    """An assessment file could not be loaded; ``diagnostics`` says why, each at its line:col."""

    kind = "assessment"


def load_assessment(path: str | Path, limits: Limits | None = None) -> Assessment:
    """Read an assessment (YAML or JSON) with the positional reader; raise :class:`AssessmentError`."""
    parsed = read_path(Path(path), str(path), limits)
    return assessment_from(parsed)


def assessment_from(parsed: Parsed) -> Assessment:
    """Validate parsed data as an assessment; every problem becomes a diagnostic at its position."""
    return validated(parsed, Assessment, AssessmentError)


def validated(parsed: Parsed, model: type[M], error: type[DiagnosticsError]) -> M:
    """Parsed data as ``model``, or ``error`` carrying every reader and model problem at its position."""
    errors = [d for d in parsed.diagnostics if d.severity.name == "ERROR"]
    if errors or parsed.data is None:
        raise error(parsed.file, errors or parsed.diagnostics)
    try:
        return model.model_validate(parsed.data)
    except ValidationError as exc:
        raise error(parsed.file, located(exc, model, parsed)) from None


def located(exc: ValidationError, model: type[BaseModel], parsed: Parsed) -> list[Diagnostic]:
    """Each pydantic error as a diagnostic at its line:col (a bad mapping key at the key itself)."""
    from skillprofiles.source.profile import model_diagnostics

    errors = exc.errors(include_url=False)
    diagnostics = model_diagnostics(exc, model, parsed)
    return [
        _at_key(d, parsed) if e["loc"][-1:] == ("[key]",) else d
        for e, d in zip(errors, diagnostics, strict=True)
    ]


def _at_key(diagnostic: Diagnostic, parsed: Parsed) -> Diagnostic:
    """A diagnostic about a mapping key, at the key, naming what the key should be."""
    key = diagnostic.path[-1] if diagnostic.path else ""
    return replace(
        diagnostic,
        span=parsed.source.span(diagnostic.path, key=True),
        message=f"key '{key}' is not an e-CF code",
        hint="e-CF codes are an area letter A-E, a dot and a number, e.g. D.7",
    )


def assessment_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of the assessment format, from the pydantic model."""
    schema = Assessment.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
