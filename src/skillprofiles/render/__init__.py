"""Output formats: one module per format, each a function from a report to text, chosen from ``RENDERERS``."""

from __future__ import annotations

from skillprofiles.render.base import Renderer, RenderOptions, summary_line
from skillprofiles.render.concise import render_concise, render_text
from skillprofiles.render.full import render_full
from skillprofiles.render.github import render_github, render_github_summary
from skillprofiles.render.json_format import JSON_FORMAT_VERSION, render_json, report_document
from skillprofiles.render.junit import render_junit
from skillprofiles.render.sarif import render_sarif

RENDERERS: dict[str, Renderer] = {
    "full": render_full,
    "concise": render_concise,
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
}

__all__ = [
    "JSON_FORMAT_VERSION",
    "RENDERERS",
    "RenderOptions",
    "Renderer",
    "render_concise",
    "render_full",
    "render_github",
    "render_github_summary",
    "render_json",
    "render_junit",
    "render_sarif",
    "render_text",
    "report_document",
    "summary_line",
]
