"""The sources a catalogue cites; built only when a run first names a source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SourceInfo:
    """A source of the catalogue: what it is, where a reader finds it, what it shows."""

    id: str
    title: str
    kind: str = ""
    locator: str = ""  # rendered: "owner/name path", "search public code for '...'", page addresses
    shows: str = ""
    same_origin_as: tuple[str, ...] = ()

    def describe(self) -> str:
        """``S3a, <title> (<locator>)``, as findings name a source."""
        where = f" ({self.locator})" if self.locator and self.locator != self.title else ""
        return f"{self.id}, {self.title}{where}"


def source_info(source_id: str, entry: str | dict[str, Any]) -> SourceInfo:
    """The source an entry of a catalogue file's ``sources`` section describes."""
    if isinstance(entry, str):  # format /1: one text says what and where
        return SourceInfo(source_id, entry, locator=entry)
    return SourceInfo(
        source_id,
        entry["title"],
        entry.get("kind", ""),
        _locator(entry.get("locator") or {}),
        entry.get("shows", ""),
        tuple(entry.get("same_origin_as", ())),
    )


def _locator(locator: dict[str, Any]) -> str:
    parts = []
    if locator.get("repository"):
        parts.append(f"{locator['repository']} {locator.get('path', '')}".strip())
    if locator.get("search"):
        parts.append(f"search public code for '{locator['search']}'")
    if locator.get("project_file"):
        parts.append(locator["project_file"])
    parts.extend(locator.get("pages", ()))
    return "; ".join(parts)
