"""Exports for people and machines: Markdown and HTML sheets, the HTML heat map, JSON and JSON-LD."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from skillprofiles.export.html import TemplateError, render_html, render_matrix_html
from skillprofiles.export.jsonld import jsonld_document, render_json, render_jsonld
from skillprofiles.export.markdown import render_markdown
from skillprofiles.export.sheet import Sheet, build_sheet
from skillprofiles.models import AnyProfile


def _markdown(profile: AnyProfile, version: str | None) -> str:
    return render_markdown(build_sheet(profile, version))


def _html(profile: AnyProfile, version: str | None) -> str:
    return render_html(build_sheet(profile, version))


def _json(profile: AnyProfile, version: str | None) -> str:
    return render_json(profile)


EXPORTERS: dict[str, Callable[[AnyProfile, str | None], str]] = {
    "markdown": _markdown,
    "html": _html,
    "json": _json,
    "jsonld": render_jsonld,
}


def export(
    profile: AnyProfile,
    to: str,
    default_version: str | None = None,
    base_uri: str | None = None,
    templates: Path | None = None,
) -> str:
    """The profile in one of the formats of :data:`EXPORTERS`; ``default_version`` for undeclared versions,
    ``base_uri`` for the JSON-LD ``@id``, ``templates`` a directory of HTML templates that replace the
    packaged ones of the same name (:class:`TemplateError` when one fails)."""
    if to == "jsonld":
        return render_jsonld(profile, default_version, base_uri)
    if to == "html":
        return render_html(build_sheet(profile, default_version), templates)
    try:
        exporter = EXPORTERS[to]
    except KeyError:
        raise ValueError(f"unknown export format {to!r}; use one of {', '.join(EXPORTERS)}") from None
    return exporter(profile, default_version)


__all__ = [
    "EXPORTERS",
    "Sheet",
    "TemplateError",
    "build_sheet",
    "export",
    "jsonld_document",
    "render_html",
    "render_json",
    "render_jsonld",
    "render_markdown",
    "render_matrix_html",
]
