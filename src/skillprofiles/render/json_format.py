"""``json``: the versioned report document (its schema is ``schemas/report.schema.json``)."""

from __future__ import annotations

from skillprofiles.diagnostics import Report
from skillprofiles.render.base import JSON_FORMAT_VERSION, RenderOptions
from skillprofiles.textsafe import json_dumps

__all__ = ["JSON_FORMAT_VERSION", "render_json", "report_document"]


def report_document(report: Report) -> dict[str, object]:
    """The versioned JSON document of a report, as plain data."""
    # the pydantic model is built only when a JSON report is asked for (import time matters in pre-commit)
    from skillprofiles.render.report_model import ReportDocument

    return ReportDocument.of(report).model_dump(mode="json")


def render_json(report: Report, options: RenderOptions) -> str:
    """The report as a versioned JSON document; text is exact, terminal controls are \\u-escaped."""
    return json_dumps(report_document(report))
