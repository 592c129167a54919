"""The JSON report document as a pydantic model: the single source of its JSON Schema."""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from skillprofiles._version import __version__
from skillprofiles.diagnostics import Diagnostic, Report
from skillprofiles.render.base import JSON_FORMAT_VERSION

SCHEMA_ID = "https://skillprofiles.dev/schemas/report.schema.json"
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"

SeverityLabel = Literal["error", "warning", "info"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ToolInfo(_Strict):
    """The program that wrote the document."""

    name: Literal["skillprofiles"] = Field(description="Always 'skillprofiles'.")
    version: str = Field(description="The skillprofiles version, e.g. '0.1.0'.")


class Summary(_Strict):
    """How many files were checked and how many findings of each severity were made."""

    files: int = Field(ge=0, description="Number of files checked.")
    error: int = Field(ge=0, description="Number of findings of severity error.")
    warning: int = Field(ge=0, description="Number of findings of severity warning.")
    info: int = Field(ge=0, description="Number of findings of severity info.")
    hidden: int = Field(0, ge=0, description="Number of findings hidden by the baseline.")


class RelatedLocation(_Strict):
    """Another place a finding concerns, e.g. another file that uses the same profile code."""

    file: str = Field(description="The file, named as in 'file'.")
    line: int = Field(ge=1, description="Line.")
    column: int = Field(ge=1, description="Column, in Unicode code points.")


class DiagnosticEntry(_Strict):
    """One finding. Lines and columns are 1-based; the end is exclusive and may equal the start."""

    code: str = Field(pattern=r"^SP[0-9]{3}$", description="Stable rule code, e.g. 'SP105'.")
    rule: str = Field(description="The rule's name, e.g. 'invalid-value'.")
    severity: SeverityLabel = Field(description="Severity after configuration.")
    message: str = Field(description="One sentence; contains no location.")
    hint: str | None = Field(description="How to fix it, when known.")
    file: str = Field(description="The file as it was named on the command line or found in a directory.")
    line: int = Field(ge=1, description="Start line.")
    column: int = Field(ge=1, description="Start column, in Unicode code points.")
    end_line: int = Field(ge=1, description="End line.")
    end_column: int = Field(ge=1, description="End column (exclusive), in Unicode code points.")
    path: str = Field(
        pattern=r"^(/([^~/]|~[01])*)*$",
        description="Where in the document, as a JSON Pointer (RFC 6901); '' for the whole document.",
    )
    related: list[RelatedLocation] = Field(
        default_factory=list, description="Other places the finding concerns (at most 10); often empty."
    )

    @classmethod
    def of(cls, d: Diagnostic) -> DiagnosticEntry:
        """The entry of one diagnostic; fields are named here so the document changes only with its schema."""
        span = d.span
        return cls(
            code=d.code,
            rule=d.rule,
            severity=d.severity.label,
            message=d.message,
            hint=d.hint,
            file=d.file,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            path=d.pointer,
            related=[RelatedLocation(file=r.file, line=r.line, column=r.column) for r in d.related],
        )


class ReportDocument(_Strict):
    """The document ``skillprofiles validate --format json`` writes."""

    model_config = ConfigDict(
        title="skillprofiles report",
        json_schema_extra={"$schema": DRAFT_2020_12, "$id": SCHEMA_ID},
    )

    format_version: Literal["1"] = Field(description="Changes only when the document changes incompatibly.")
    tool: ToolInfo
    summary: Summary
    files: list[str] = Field(description="Every file checked, in order.")
    diagnostics: list[DiagnosticEntry] = Field(description="Every finding, ordered by file and position.")

    @classmethod
    def of(cls, report: Report) -> ReportDocument:
        """The document of a report."""
        counts = report.counts()
        return cls(
            format_version=JSON_FORMAT_VERSION,
            tool=ToolInfo(name="skillprofiles", version=__version__),
            summary=Summary(files=len(report.files), hidden=report.hidden, **counts),
            files=list(report.files),
            diagnostics=[DiagnosticEntry.of(d) for d in report],
        )


def report_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of the report document, with ``$schema`` and ``$id`` first."""
    from skillprofiles.schemas import nullable_as_type_arrays

    schema = ReportDocument.model_json_schema(mode="serialization")
    head = {"$schema": schema.pop("$schema"), "$id": schema.pop("$id")}
    return {**head, **nullable_as_type_arrays(schema)}


def report_schema_text() -> str:
    """The committed form of the schema (``schemas/report.schema.json``)."""
    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"
