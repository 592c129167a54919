"""The e-CF, CEFR and WSP-G3 catalogues: the model, the file format and loading, keyed by (version, code)."""

from __future__ import annotations

from skillprofiles.catalogue.model import (
    Area,
    Catalogue,
    CatalogueError,
    CefrLevel,
    CefrScale,
    Competence,
    FrameworkVersion,
    ProfileRegistry,
    RegistryEntry,
    VersionDiff,
    code_key,
    configured_catalogue,
    default_catalogue,
    fold,
    load_catalogue,
    version_key,
)

__all__ = [
    "Area",
    "Catalogue",
    "CatalogueError",
    "CefrLevel",
    "CefrScale",
    "Competence",
    "FrameworkVersion",
    "ProfileRegistry",
    "RegistryEntry",
    "VersionDiff",
    "code_key",
    "configured_catalogue",
    "default_catalogue",
    "fold",
    "load_catalogue",
    "version_key",
]
