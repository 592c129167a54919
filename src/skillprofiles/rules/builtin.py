"""Imports every built-in rule module so that each registers its rules."""

from skillprofiles.rules import catalogue_rules, parse, structure

__all__ = ["catalogue_rules", "parse", "structure"]
