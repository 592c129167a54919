"""Imports every built-in rule module so that each registers its rules."""

from skillprofiles.rules import catalogue_rules, meta, parse, repository, schema_ref, structure

__all__ = ["catalogue_rules", "meta", "parse", "repository", "schema_ref", "structure"]
