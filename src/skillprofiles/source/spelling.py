"""Mechanical spellings of codes and levels that mean one thing: ``b.1``, ``B.01``, ``B1`` are B.1."""

from __future__ import annotations

import re

_CODE = re.compile(r"^\s*([A-Ea-e])\s*\.?\s*0*([1-9][0-9]?)\s*\.?\s*$")
_LEVEL = re.compile(r"^\s*(?:[eE]\s*[-_.]?\s*)?([1-5])\s*\.?\s*$")


def competence_code(text: object) -> str | None:
    """The e-CF code a mechanical misspelling stands for (``b.1``, ``B.01``, ``B1``, ``B.1.``), or None.

    None also for text that is already correct or that no mechanical rewrite can fix.
    """
    if isinstance(text, bool) or not isinstance(text, str | int | float):
        return None
    raw = str(text)
    match = _CODE.match(raw)
    if match is None:
        return None
    fixed = f"{match.group(1).upper()}.{match.group(2)}"
    return None if fixed == raw else fixed


def level(text: object) -> str | None:
    """The level a mechanical misspelling stands for (``3``, ``E-3``, ``e3``, ``e-3.``), or None."""
    if isinstance(text, bool) or not isinstance(text, str | int):
        return None
    raw = str(text)
    match = _LEVEL.match(raw)
    if match is None:
        return None
    fixed = f"e-{match.group(1)}"
    return None if fixed == raw else fixed
