"""Structural codes (SP1xx): the sections each template requires, their types and their forms."""

from __future__ import annotations

from collections.abc import Iterator

from skillprofiles.diagnostics import Severity
from skillprofiles.models import AnyProfile, Level, RoleProfile, WSPG3Profile
from skillprofiles.rules.base import Context, Finding
from skillprofiles.source.skeleton import PLACEHOLDER

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def documentation_empty(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A WSP-G3 sheet's "Documentation produced" lists no document under any role."""
    if isinstance(profile, WSPG3Profile) and not profile.documentation_produced.all:
        yield Finding(
            "'documentation_produced' lists no document",
            ("documentation_produced",),
            "list at least one document under accountable, responsible or contributor",
        )


def level_text_mismatch(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """Per-level texts do not match the assigned levels."""
    for index, competence in enumerate(profile.competences):
        base = ("competences", index)
        levels = competence.levels  # a list of at most five: no set (and no level hashed) per text
        for level in competence.level_texts:
            if level not in levels:
                message = f"{competence.code} has a text for {level} but is not assigned at {level}"
                yield Finding(
                    message, (*base, "level_texts", level.value), "add the level or drop the text", key=True
                )
        if isinstance(profile, RoleProfile):
            yield from _missing_texts(competence.code, competence.levels, competence.level_texts, base)


def _missing_texts(
    code: str, levels: list[Level], texts: dict[Level, str], base: tuple[str, int]
) -> Iterator[Finding]:
    for level in levels:
        if level not in texts:
            yield Finding(
                f"{code} is assigned at {level} but has no level text (Dimension 3)",
                (*base, "levels"),
                f"add level_texts.{level}",
            )


def missing_description(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A competence of a European ICT role profile has no description (Dimension 2)."""
    if not isinstance(profile, RoleProfile):
        return
    for index, competence in enumerate(profile.competences):
        if competence.description is None:
            yield Finding(
                f"{competence.code} has no description (Dimension 2)",
                ("competences", index),
                "add 'description:' with the profile-specific text",
            )


def placeholder_text(profile: AnyProfile, ctx: Context) -> Iterator[Finding]:
    """A text value still starts with TODO."""
    text = ctx.extra.get("text")
    if isinstance(text, str) and PLACEHOLDER not in text:
        return  # the common case costs one substring search
    for path, value in _strings(profile.model_dump(by_alias=True, exclude_none=True)):
        if value.lstrip().startswith(PLACEHOLDER):
            shown = value if len(value) <= 60 else value[:57] + "..."
            yield Finding(
                f"placeholder still to fill in: {shown!r}", path, "replace it with the profile's text"
            )


def _strings(data: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text value of a dumped profile with its document path, in document order."""
    pending: list[tuple[tuple[str | int, ...], object]] = [(path, data)]
    while pending:
        where, value = pending.pop()
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            pending.extend(((*where, k), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            pending.extend(((*where, i), v) for i, v in reversed(list(enumerate(value))))
