"""Every diagnostic code's identity: reader, structure, catalogue, repository and meta codes.

Importing the package registers them all; it imports nothing but :mod:`skillprofiles.diagnostics`,
so the reader, the loader and tuning can name codes without pulling in the checks or the catalogue.
"""

from __future__ import annotations

from skillprofiles.codes import catalogue, meta, reader, registry, repository, schema, structure
from skillprofiles.codes.registry import Rule, all_rules, code_of_name, declare, get, resolve

__all__ = [
    "Rule",
    "all_rules",
    "catalogue",
    "code_of_name",
    "declare",
    "get",
    "meta",
    "reader",
    "registry",
    "repository",
    "resolve",
    "schema",
    "structure",
]
