"""Competence identity (e-CF version, code) and the catalogue facts HR tooling needs about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from skillprofiles.models import AnyProfile, Level

if TYPE_CHECKING:
    from skillprofiles.catalogue import Catalogue, Competence

URI_BASE = "https://skillprofiles.dev/ecf"
UNSPECIFIED = "unspecified"
AREAS = {"A": "PLAN", "B": "BUILD", "C": "RUN", "D": "ENABLE", "E": "MANAGE"}


@dataclass(frozen=True, order=True)
class CompetenceId:
    """A competence as e-CF identifies it: the framework version and the code in that version.

    ``version`` is None when the profile does not say which e-CF version it follows.
    """

    version: str | None
    code: str

    def __str__(self) -> str:
        return f"{self.code} (e-CF {self.version or '?'})"

    @property
    def area(self) -> str:
        """The e-CF area the code's letter names (A PLAN … E MANAGE); the same in every version."""
        return AREAS[self.code[0]]

    @property
    def uri(self) -> str:
        """A stable URI: ``https://skillprofiles.dev/ecf/{version}/{code}`` (``unspecified`` version)."""
        return f"{URI_BASE}/{self.version or UNSPECIFIED}/{self.code}"

    def sort_key(self) -> tuple[str, str, int]:
        """Order by version, then area letter, then number (A.2 before A.10)."""
        return (self.version or "", self.code[0], int(self.code[2:]))


def as_level(level: Level | str | int) -> Level:
    """A level from ``Level.E4``, ``"e-4"`` or ``4``; ValueError otherwise."""
    if isinstance(level, Level):
        return level
    if isinstance(level, int) and not isinstance(level, bool):
        if 1 <= level <= 5:
            return Level.of(level)
        raise ValueError(f"no e-CF level {level}; levels run from 1 to 5")
    return Level(str(level).strip().lower())


def profile_version(profile: AnyProfile, default: str | None = None) -> str | None:
    """The e-CF version a profile follows: its own ``ecf_version``, else ``default``."""
    return profile.ecf_version or default


def catalogue() -> Catalogue:
    """The packaged e-CF catalogue (imported lazily: the CLI's start-up stays fast)."""
    from skillprofiles.catalogue import default_catalogue

    return default_catalogue()


def lookup(cid: CompetenceId, cat: Catalogue | None = None) -> Competence | None:
    """The catalogue entry of a competence, or None (unknown version, unknown code)."""
    if cid.version is None:
        return None
    return (cat or catalogue()).competence(cid.version, cid.code)


def official_title(cid: CompetenceId, fallback: str, cat: Catalogue | None = None) -> str:
    """The catalogue's title of a competence, or ``fallback`` (the sheet's title) when it has none."""
    entry = lookup(cid, cat)
    return entry.title if entry is not None else fallback


def defined_at(cid: CompetenceId, rank: int, cat: Catalogue | None = None) -> bool:
    """Whether the competence is defined at a level; True when the catalogue does not know."""
    entry = lookup(cid, cat)
    return entry is None or entry.defined_at(rank) is not False


def cefr_rank(text: str | None) -> float | None:
    """The rank of a CEFR level written as the sheets write it (``B1``, ``C1 QCER``), or None."""
    if text is None:
        return None
    level = catalogue().cefr.parse(text)
    return None if level is None else float(level.rank)
