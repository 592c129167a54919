"""Structural codes (SP1xx): the sections each template requires, their types and their forms."""

from __future__ import annotations

from collections.abc import Iterator

from skillprofiles.diagnostics import Severity
from skillprofiles.models import AnyProfile, Level, RoleProfile, WSPG3Profile
from skillprofiles.rules.base import Context, Finding

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
        for level in competence.level_texts:
            if level not in competence.level_set:
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
