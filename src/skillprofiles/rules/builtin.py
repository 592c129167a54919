"""Imports every built-in rule module so that each registers its rules."""

from skillprofiles.rules import parse, schema_ref, structure

__all__ = ["parse", "schema_ref", "structure"]
