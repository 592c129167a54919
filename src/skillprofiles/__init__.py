"""skillprofiles: typed models and a validator for e-CF competency profiles."""

from __future__ import annotations

from skillprofiles._version import __version__
from skillprofiles.checker import Checker, validate
from skillprofiles.config import Config
from skillprofiles.diagnostics import Diagnostic, Report, Severity, Span
from skillprofiles.loader import ProfileError, load
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

__all__ = [
    "AnyProfile",
    "Checker",
    "CompetenceAssignment",
    "Config",
    "Deliverables",
    "Diagnostic",
    "KnowledgeSkill",
    "LanguageRequirement",
    "Level",
    "Profile",
    "ProfileError",
    "Report",
    "RoleProfile",
    "Severity",
    "Span",
    "WSPG3Profile",
    "__version__",
    "load",
    "validate",
]
