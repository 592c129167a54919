"""The CEFR levels and scale names of a catalogue, built only when a run first reads the CEFR scale."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CefrLevel:
    """A CEFR level; ``rank`` orders levels (plus levels sit half-way)."""

    code: str
    rank: float
    band: str
    kind: str
    name: str | None = None


@dataclass(frozen=True)
class CefrAlias:
    """A name of the CEFR scale (GER, MCER, CECRL ...); short labels may be matched only as written."""

    name: str
    lang: str = ""
    case_sensitive: bool = False
    sources: tuple[str, ...] = ()


# what a CefrScale is made of: levels, names of the scale, "minimum level" and "no level" phrases
ScaleParts = tuple[tuple[CefrLevel, ...], tuple["str | CefrAlias", ...], tuple[str, ...], tuple[str, ...]]


def as_alias(alias: str | CefrAlias) -> CefrAlias:
    """A name of the scale given as plain text, as an alias matched in any case."""
    return alias if isinstance(alias, CefrAlias) else CefrAlias(alias)


def scale_parts(section: dict[str, Any]) -> ScaleParts:
    """The parts of the scale a catalogue file's ``cefr`` section describes."""
    levels = tuple(
        CefrLevel(lv["code"], float(lv["rank"]), lv["band"], lv["kind"], lv.get("name"))
        for lv in section["levels"]
    )
    aliases = tuple(
        a
        if isinstance(a, str)
        else CefrAlias(
            a["name"], a.get("lang", ""), bool(a.get("case_sensitive")), tuple(a.get("sources", ()))
        )
        for a in section.get("aliases", ())
    )
    phrases = section.get("phrases") or {}
    return (
        levels,
        aliases,
        tuple(p["text"] for p in phrases.get("minimum_level", ())),
        tuple(p["text"] for p in phrases.get("no_level", ())),
    )
