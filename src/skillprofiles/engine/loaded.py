"""One profile file read through the pipeline: what Pipeline.read gives; a plain validation builds none."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from skillprofiles.diagnostics import Diagnostic, Report, Severity
from skillprofiles.source.profile import ProfileError

if TYPE_CHECKING:
    from skillprofiles.catalogue.inference import VersionDecision
    from skillprofiles.models import AnyProfile


@dataclass(frozen=True)
class Loaded:
    """One profile file read through the pipeline: the profile (None when it did not load), the same
    findings ``validate`` reports for the file on its own, and the e-CF version it is read in."""

    file: str
    profile: AnyProfile | None
    report: Report
    version: VersionDecision | None = None

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """The file's findings, configured, suppressed and baselined as in ``validate``."""
        return self.report.diagnostics

    def require(self) -> AnyProfile:
        """The profile, or :class:`ProfileError` when it did not load or its YAML or structure has errors.

        Catalogue findings (a level outside a range, an unknown title) do not stop a profile from being
        used: they are in :attr:`diagnostics`.
        """
        errors = [d for d in self.diagnostics if d.severity >= Severity.ERROR and _structural(d.code)]
        if self.profile is None or errors:
            raise ProfileError(self.file, errors or self.diagnostics)
        return self.profile


def _structural(code: str) -> bool:
    from skillprofiles.codes import registry

    return code not in registry.REGISTRY or registry.get(code).scope == "file"
