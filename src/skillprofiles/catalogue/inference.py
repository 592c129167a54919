"""The one answer to "which e-CF version does this profile follow": declared, configured or inferred."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from skillprofiles.catalogue.model import Catalogue, fold
from skillprofiles.models import AnyProfile

How = Literal["declared", "configured", "inferred"]


@dataclass(frozen=True)
class VersionDecision:
    """The e-CF version a profile is read in, how it was decided and how sure that is.

    ``version`` is None when the version the profile cites (or the configured default) is not in the
    catalogue: its competences cannot be looked up in any version.
    """

    version: str | None
    how: How
    reason: str
    confidence: Literal["certain", "high", "low"] = "certain"
    candidates: tuple[str, ...] = ()  # the versions an inference could not tell apart

    @property
    def cited(self) -> bool:
        """Whether the profile itself names its version."""
        return self.how == "declared"

    @property
    def label(self) -> str:
        """``e-CF 2.0`` (or ``e-CF ?`` for a version the catalogue does not know)."""
        return f"e-CF {self.version or '?'}"


def decide_version(profile: AnyProfile, catalogue: Catalogue, default: str | None = None) -> VersionDecision:
    """The version cited, else the configured ``default``, else the version whose titles match best."""
    if profile.ecf_version is not None:
        known = profile.ecf_version in catalogue.versions
        version = profile.ecf_version if known else None
        return VersionDecision(version, "declared", f"cited e-CF {profile.ecf_version}")
    if default:
        known = default in catalogue.versions
        return VersionDecision(
            default if known else None, "configured", f"e-CF {default} (default_ecf_version)"
        )
    return infer_version(profile, catalogue)


def infer_version(profile: AnyProfile, catalogue: Catalogue) -> VersionDecision:
    """The version whose official titles the profile's competence titles match most often."""
    pairs = [(c.code, fold(c.title)) for c in profile.competences]
    best, best_count = catalogue.latest(), -1
    for version in reversed(catalogue.versions):  # newest first, so that ties go to the newest
        count = sum(1 for code, title in pairs if _title_of(catalogue, version, code) == title)
        if count > best_count:
            best, best_count = version, count
    confidence: Literal["high", "low"] = "high" if pairs and best_count * 2 > len(pairs) else "low"
    reason = f"e-CF {best}: {best_count} of {len(pairs)} titles match"
    return VersionDecision(best, "inferred", reason, confidence)


def _title_of(catalogue: Catalogue, version: str, code: str) -> str | None:
    competence = catalogue.competence(version, code)
    return fold(competence.title) if competence else None
