"""Imports every built-in rule module so that each registers its rules."""

from skillprofiles.rules import parse, structure

__all__ = ["parse", "structure"]
