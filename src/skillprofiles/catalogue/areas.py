"""The five e-CF areas (PLAN, BUILD, RUN, ENABLE, MANAGE), which both the model and the file format name."""

from __future__ import annotations

import enum


class Area(str, enum.Enum):
    """The five e-CF areas, lettered A to E."""

    PLAN = "PLAN"
    BUILD = "BUILD"
    RUN = "RUN"
    ENABLE = "ENABLE"
    MANAGE = "MANAGE"

    @property
    def letter(self) -> str:
        """The letter that starts the codes of this area (A for PLAN ... E for MANAGE)."""
        return "ABCDE"[list(Area).index(self)]
