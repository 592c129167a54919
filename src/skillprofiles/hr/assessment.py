"""A person's assessment (demonstrated e-CF levels and CEFR language levels): model and positional loader."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from pydantic import BaseModel, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from skillprofiles.diagnostics import Diagnostic, DiagnosticsError, DocPath, Severity, Span
from skillprofiles.models import ECF_CODE_PATTERN, VERSION_PATTERN, Level, Record, Text
from skillprofiles.source.reader import Limits, Parsed, SourceMap, parse_bytes, read_path

if TYPE_CHECKING:
    from skillprofiles.catalogue import Catalogue

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


@dataclass(frozen=True)
class LoadedAssessment:
    """An assessment file read and checked: the assessment (None when it did not load) and every finding."""

    file: str
    assessment: Assessment | None
    diagnostics: list[Diagnostic]

    def require(self) -> Assessment:
        """The assessment, or :class:`AssessmentError` when it did not load or a finding is an error."""
        errors = [d for d in self.diagnostics if d.severity >= Severity.ERROR]
        if self.assessment is None or errors:
            raise AssessmentError(self.file, errors or self.diagnostics)
        return self.assessment


def read_assessment(
    path: str | Path, limits: Limits | None = None, catalogue: Catalogue | None = None
) -> LoadedAssessment:
    """Read an assessment (YAML or JSON) and check it against the catalogue of its e-CF version."""
    return checked(read_path(Path(path), str(path), limits), catalogue)


def reads_assessment(
    text: str | bytes, filename: str = "<string>", catalogue: Catalogue | None = None
) -> LoadedAssessment:
    """Like :func:`read_assessment`, for YAML or JSON text held in memory."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return checked(parse_bytes(data, filename), catalogue)


def load_assessment(
    path: str | Path, limits: Limits | None = None, catalogue: Catalogue | None = None
) -> Assessment:
    """Read and check an assessment; raise :class:`AssessmentError` on any error, each at line:col."""
    return read_assessment(path, limits, catalogue).require()


def assessment_from(parsed: Parsed) -> Assessment:
    """Validate parsed data as an assessment; every problem becomes a diagnostic at its position."""
    return validated(parsed, Assessment, AssessmentError)


def checked(parsed: Parsed, catalogue: Catalogue | None = None) -> LoadedAssessment:
    """Parsed data as an assessment, with its structural and its catalogue findings."""
    try:
        assessment = assessment_from(parsed)
    except AssessmentError as exc:
        return LoadedAssessment(parsed.file, None, list(exc.diagnostics))
    warnings = [d for d in parsed.diagnostics if d.severity < Severity.ERROR]
    found = check_assessment(assessment, parsed.file, parsed.source, catalogue)
    return LoadedAssessment(parsed.file, assessment, warnings + found)


def check_assessment(
    assessment: Assessment,
    file: str = "<assessment>",
    source: SourceMap | None = None,
    catalogue: Catalogue | None = None,
) -> list[Diagnostic]:
    """The assessment against the catalogue of its e-CF version, with the profile codes for the same
    mistakes: unknown version (SP202), unknown competence (SP203), a level the competence does not
    have (SP204, SP205 for an inferred range) and a CEFR level that is not one (SP210)."""
    from skillprofiles.catalogue import default_catalogue
    from skillprofiles.codes import catalogue as codes

    cat = catalogue or default_catalogue()

    def at(path: DocPath) -> Span | None:
        return source.span(path) if source is not None else None

    found: list[Diagnostic] = []
    version = assessment.ecf_version
    if version not in cat.versions:
        found.append(
            codes.UNKNOWN_ECF_VERSION.diagnostic(
                f"unknown e-CF version '{version}'",
                file,
                at(("ecf_version",)),
                f"known versions: {', '.join(cat.versions)}; load a catalogue file for another version",
                ("ecf_version",),
            )
        )
    else:
        for index, shown in enumerate(assessment.competences):
            found.extend(_competence_findings(cat, version, index, shown, file, at))
    for index, language in enumerate(assessment.languages):
        if cat.cefr.parse(language.level) is None:
            path: DocPath = ("languages", index, "level")
            nearest = cat.cefr.nearest(language.level)
            found.append(
                codes.INVALID_CEFR_LEVEL.diagnostic(
                    f"'{language.level}' is not a CEFR level (A1 … C2, Pre-A1, A2+, B1+, B2+)",
                    file,
                    at(path),
                    f"did you mean {nearest}?" if nearest else "use a CEFR level such as B2",
                    path,
                )
            )
    return found


def _competence_findings(
    cat: Catalogue, version: str, index: int, shown: DemonstratedCompetence, file: str, at: Any
) -> list[Diagnostic]:
    from skillprofiles.codes import catalogue as codes

    competence = cat.competence(version, shown.code)
    if competence is None:
        path: DocPath = ("competences", index, "code")
        return [
            codes.UNKNOWN_COMPETENCE.diagnostic(
                f"e-CF {version} has no competence {shown.code}",
                file,
                at(path),
                f"e-CF {version} defines {_first_last(cat, version)}",
                path,
            )
        ]
    if competence.defined_at(shown.level.rank) is not False:
        return []
    path = ("competences", index, "level")
    from skillprofiles.rules.catalogue import evidence_note

    # as for profiles: an error only where two independent sources show the range
    rule = (
        codes.LEVEL_OUTSIDE_RANGE
        if competence.evidence == "two-sources"
        else codes.LEVEL_OUTSIDE_INFERRED_RANGE
    )
    inferred = evidence_note(cat, competence)
    return [
        rule.diagnostic(
            f"{competence.code} {competence.title} is not defined at {shown.level} in e-CF {version}: "
            f"its range is {competence.range_text()}{inferred}",
            file,
            at(path),
            f"use a level in {competence.range_text()}",
            path,
        )
    ]


def _first_last(cat: Catalogue, version: str) -> str:
    codes = sorted(cat.versions[version].competences, key=lambda c: (c[0], int(c[2:])))
    return f"{len(codes)} competences, {codes[0]} … {codes[-1]}" if codes else "no competences"


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

    # model_diagnostics drops errors it folds into another (a misspelt key), so the errors are
    # matched to diagnostics by path, not by position
    key_paths = {
        tuple(p for p in e["loc"] if p != "[key]")
        for e in exc.errors(include_url=False)
        if e["loc"][-1:] == ("[key]",)
    }
    return [
        _at_key(d, parsed) if tuple(d.path) in key_paths else d for d in model_diagnostics(exc, model, parsed)
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
    from skillprofiles.schemas import for_editors

    schema = for_editors(Assessment.model_json_schema(by_alias=True))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
