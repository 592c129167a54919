"""skillprofiles: typed models and a validator for e-CF competency profiles."""

from __future__ import annotations

from skillprofiles._version import __version__

# not typing.TYPE_CHECKING: importing typing (and with it re) would be most of `skillprofiles --version`
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from skillprofiles.catalogue import Catalogue, CatalogueError, default_catalogue, load_catalogue
    from skillprofiles.diagnostics import Diagnostic, DiagnosticsError, Report, Severity, Span
    from skillprofiles.engine.checker import Checker
    from skillprofiles.engine.pipeline import Loaded, Pipeline, load, loads, validate
    from skillprofiles.models import (
        AnyProfile,
        CompetenceAssignment,
        Deliverables,
        KnowledgeSkill,
        LanguageRequirement,
        Level,
        Profile,
        RoleProfile,
        WSPG3Profile,
    )
    from skillprofiles.source.profile import ProfileError
    from skillprofiles.tuning.config import Config

# The public names and the modules that define them, imported on first use: `skillprofiles --version`
# and the CLI's start-up must not pay for pydantic and the models (see docs/performance.md).
_EXPORTS = {
    "Catalogue": "catalogue",
    "CatalogueError": "catalogue",
    "default_catalogue": "catalogue",
    "load_catalogue": "catalogue",
    "Checker": "engine.checker",
    "Loaded": "engine.pipeline",
    "Pipeline": "engine.pipeline",
    "load": "engine.pipeline",
    "loads": "engine.pipeline",
    "validate": "engine.pipeline",
    "Config": "tuning.config",
    "Diagnostic": "diagnostics",
    "DiagnosticsError": "diagnostics",
    "Report": "diagnostics",
    "Severity": "diagnostics",
    "Span": "diagnostics",
    "ProfileError": "source.profile",
    **dict.fromkeys(
        [
            "AnyProfile",
            "CompetenceAssignment",
            "Deliverables",
            "KnowledgeSkill",
            "LanguageRequirement",
            "Level",
            "Profile",
            "RoleProfile",
            "WSPG3Profile",
        ],
        "models",
    ),
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'skillprofiles' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"skillprofiles.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = [
    "AnyProfile",
    "Catalogue",
    "CatalogueError",
    "Checker",
    "CompetenceAssignment",
    "Config",
    "Deliverables",
    "Diagnostic",
    "DiagnosticsError",
    "KnowledgeSkill",
    "LanguageRequirement",
    "Level",
    "Loaded",
    "Pipeline",
    "Profile",
    "ProfileError",
    "Report",
    "RoleProfile",
    "Severity",
    "Span",
    "WSPG3Profile",
    "__version__",
    "default_catalogue",
    "load",
    "load_catalogue",
    "loads",
    "validate",
]
