"""The e-CF, CEFR and WSP-G3 catalogues: the model, the file format and loading, keyed by (version, code)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from skillprofiles.catalogue.model import (
    Area,
    Catalogue,
    CatalogueError,
    CefrScale,
    Competence,
    Evidence,
    FrameworkVersion,
    ProfileRegistry,
    RegistryEntry,
    TransversalAspect,
    code_key,
    configured_catalogue,
    default_catalogue,
    fold,
    load_catalogue,
    slug,
    version_key,
)

if TYPE_CHECKING:
    from skillprofiles.catalogue.cefr import CefrAlias, CefrLevel
    from skillprofiles.catalogue.diff import VersionDiff
    from skillprofiles.catalogue.sources import SourceInfo


def __getattr__(name: str) -> Any:
    # imported when first named: a run reads the CEFR level classes only for language levels, and
    # VersionDiff only where a diff between versions is shown, SourceInfo where a source is named
    if name in ("CefrAlias", "CefrLevel"):
        from skillprofiles.catalogue import cefr

        return getattr(cefr, name)
    if name == "VersionDiff":
        from skillprofiles.catalogue import diff

        return diff.VersionDiff
    if name == "SourceInfo":
        from skillprofiles.catalogue import sources

        return sources.SourceInfo
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Area",
    "Catalogue",
    "CatalogueError",
    "CefrAlias",
    "CefrLevel",
    "CefrScale",
    "Competence",
    "Evidence",
    "FrameworkVersion",
    "ProfileRegistry",
    "RegistryEntry",
    "SourceInfo",
    "TransversalAspect",
    "VersionDiff",
    "code_key",
    "configured_catalogue",
    "default_catalogue",
    "fold",
    "load_catalogue",
    "slug",
    "version_key",
]
