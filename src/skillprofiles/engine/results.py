"""What checking one file gives: its diagnostics and, when it loaded, the profile and its summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from skillprofiles.diagnostics import Diagnostic
from skillprofiles.models import AnyProfile
from skillprofiles.rules.summary import ProfileSummary
from skillprofiles.tuning import suppress


@dataclass(slots=True)
class FileResult:
    """One file's outcome: its diagnostics and, when it loaded, the profile and its summary."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    profile: AnyProfile | None = None
    summary: ProfileSummary | None = None  # what repository-wide checks need; survives pickling
    suppressions: tuple[suppress.Directive, ...] = ()  # the file's suppression comments
    loaded: bool = False  # the profile loaded, so every profile rule ran (kept when profile is not)
    parsed: bool = False  # the YAML parsed, so the loader's structural checks ran
