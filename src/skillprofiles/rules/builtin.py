"""Imports every built-in rule module so that each registers its rules."""

from skillprofiles.rules import catalogue_rules, parse, repository, structure

__all__ = ["catalogue_rules", "parse", "repository", "structure"]
