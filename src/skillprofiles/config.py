"""Run configuration: which rules run, at which severity, when a run fails, and the reader's limits."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from skillprofiles.diagnostics import Diagnostic, Severity
from skillprofiles.rules import registry
from skillprofiles.yamlread import Limits


@dataclass(frozen=True)
class Config:
    """Everything that tunes a run; the CLI and configuration files build one of these."""

    select: tuple[str, ...] = ()  # codes, prefixes or names; empty means every rule
    ignore: tuple[str, ...] = ()
    severities: dict[str, Severity] = field(default_factory=dict)  # code -> severity override
    fail_on: Severity | None = Severity.ERROR
    limits: Limits = field(default_factory=Limits)
    default_ecf_version: str | None = None
    catalogue_path: str | None = None  # a catalogue file that extends the packaged one

    def with_changes(self, **changes: object) -> Config:
        """A copy with some fields replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def enabled(self, code: str) -> bool:
        """Whether findings of a code are reported."""
        selected = not self.select or any(_matches(s, code) for s in self.select)
        return selected and not any(_matches(s, code) for s in self.ignore)

    def apply(self, diagnostic: Diagnostic) -> Diagnostic | None:
        """The diagnostic as this configuration reports it, or None when its rule is off."""
        if not self.enabled(diagnostic.code):
            return None
        override = self.severities.get(diagnostic.code)
        return diagnostic.with_severity(override) if override else diagnostic


def _matches(selector: str, code: str) -> bool:
    return any(r.code == code for r in registry.resolve(selector))
