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
    # the CEFR level classes, VersionDiff and SourceInfo are imported when first named: the model
    # module's own __getattr__ knows where each lives
    if name in ("CefrAlias", "CefrLevel", "VersionDiff", "SourceInfo"):
        from skillprofiles.catalogue import model

        return getattr(model, name)
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
