"""Imports every built-in rule module so that each registers its rules."""

from skillprofiles.rules import meta, parse, structure

__all__ = ["meta", "parse", "structure"]
