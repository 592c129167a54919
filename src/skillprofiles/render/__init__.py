"""Output formats: one module per format, each a function from a report to text, chosen from ``RENDERERS``."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from skillprofiles.render.base import JSON_FORMAT_VERSION, Renderer, RenderOptions, summary_line

if TYPE_CHECKING:
    from skillprofiles.render.concise import render_concise, render_text
    from skillprofiles.render.full import render_full
    from skillprofiles.render.github import render_github, render_github_summary
    from skillprofiles.render.json_format import render_json, report_document
    from skillprofiles.render.junit import render_junit
    from skillprofiles.render.sarif import render_sarif

# format -> (module, function); a run imports the module of the format it prints only
_FORMATS = {
    "full": ("full", "render_full"),
    "concise": ("concise", "render_concise"),
    "text": ("concise", "render_text"),
    "json": ("json_format", "render_json"),
    "sarif": ("sarif", "render_sarif"),
    "github": ("github", "render_github"),
    "junit": ("junit", "render_junit"),
}
# every other public function -> its module, imported on first use as well
_EXPORTS = {
    **{function: module for module, function in _FORMATS.values()},
    "render_github_summary": "github",
    "report_document": "json_format",
}


def _load(module: str, name: str) -> Any:
    return getattr(importlib.import_module(f"skillprofiles.render.{module}"), name)


class _Renderers(Mapping[str, Renderer]):
    """The formats by name, each renderer's module imported when it is first looked up."""

    def __getitem__(self, name: str) -> Renderer:
        module, function = _FORMATS[name]
        renderer: Renderer = _load(module, function)
        return renderer

    def __iter__(self) -> Iterator[str]:
        return iter(_FORMATS)

    def __len__(self) -> int:
        return len(_FORMATS)


RENDERERS: Mapping[str, Renderer] = _Renderers()


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'skillprofiles.render' has no attribute {name!r}")
    value = _load(module, name)
    globals()[name] = value
    return value


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
