"""The one answer to "which e-CF version does this profile follow": declared, configured or inferred."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from skillprofiles.catalogue.model import Catalogue, fold, slug
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
    """The version whose official titles the profile's competence titles match most often.

    A title that only this profile's own document attests (``title_evidence: profile-only``) does not
    count: the document cannot confirm itself. On a tie the newest of the tied versions is assumed and
    the reason names every tied version; confidence is low on a tie or when at most half the titles
    match, high otherwise.
    """
    document = slug(profile.title)
    pairs = [(c.code, fold(c.title)) for c in profile.competences]
    counts: dict[str, int] = {}
    uncounted: dict[str, None] = {}  # codes whose matching title only this document attests
    for version in catalogue.versions:
        count = 0
        for code, title in pairs:
            competence = catalogue.competence(version, code)
            if competence is None or fold(competence.title) != title:
                continue
            if competence.attested_only_by(document):
                uncounted.setdefault(code)
            else:
                count += 1
        counts[version] = count
    if not counts:
        return VersionDecision(None, "inferred", "no e-CF version in the catalogue", "low")
    best_count = max(counts.values())
    tied = tuple(v for v, n in counts.items() if n == best_count)  # oldest to newest
    best = tied[-1]  # ties go to the newest
    low = len(tied) > 1 or not pairs or best_count * 2 <= len(pairs)
    confidence: Literal["high", "low"] = "low" if low else "high"
    if len(tied) > 1:
        matched = "both match" if len(tied) == 2 else "each match"
        parts = [
            f"tie: {_names(tied)} {matched} {best_count} of {len(pairs)} titles",
            "the newest is taken",
        ]
    else:
        parts = [f"{best_count} of {len(pairs)} titles match"]
    if uncounted:
        parts.append(f"{', '.join(uncounted)} not counted: titles attested only by this document")
    parts.append(f"{confidence} confidence")
    reason = f"e-CF {best} ({'; '.join(parts)})"
    return VersionDecision(best, "inferred", reason, confidence, tied if len(tied) > 1 else ())


def _names(versions: tuple[str, ...]) -> str:
    return f"{', '.join(versions[:-1])} and {versions[-1]}"
