"""The checks: one function per code, in one explicit list that only the engine reads."""

from __future__ import annotations

from skillprofiles.codes import catalogue as catalogue_codes
from skillprofiles.codes import repository as repository_codes
from skillprofiles.codes import schema as schema_codes
from skillprofiles.codes import structure as structure_codes
from skillprofiles.codes.registry import Scope
from skillprofiles.rules import catalogue, repository, schema_ref, structure
from skillprofiles.rules.base import ADDED, Check, Context, Finding, rule

BUILTIN: tuple[Check, ...] = (
    Check(structure_codes.DOCUMENTATION_EMPTY, structure.documentation_empty),
    Check(structure_codes.LEVEL_TEXT_MISMATCH, structure.level_text_mismatch),
    Check(structure_codes.MISSING_DESCRIPTION, structure.missing_description),
    Check(structure_codes.PLACEHOLDER_TEXT, structure.placeholder_text),
    Check(schema_codes.SCHEMA_MISMATCH, schema_ref.schema_mismatch),
    Check(catalogue_codes.ECF_VERSION_MISSING, catalogue.ecf_version_missing),
    Check(catalogue_codes.UNKNOWN_ECF_VERSION, catalogue.unknown_ecf_version),
    Check(catalogue_codes.UNKNOWN_COMPETENCE, catalogue.unknown_competence),
    Check(catalogue_codes.LEVEL_OUTSIDE_RANGE, catalogue.level_outside_range),
    Check(catalogue_codes.LEVEL_OUTSIDE_INFERRED_RANGE, catalogue.level_outside_inferred_range),
    Check(catalogue_codes.NO_LEVEL_DATA, catalogue.no_level_data),
    Check(catalogue_codes.TITLE_MISMATCH, catalogue.title_mismatch),
    Check(catalogue_codes.INVALID_CEFR_LEVEL, catalogue.invalid_cefr_level),
    Check(catalogue_codes.CEFR_ORDER, catalogue.cefr_order),
    Check(catalogue_codes.LANGUAGE_TEXT_UNPARSED, catalogue.language_text_unparsed),
    Check(catalogue_codes.LANGUAGE_LEVEL_MISMATCH, catalogue.language_level_mismatch),
    Check(catalogue_codes.KNOWLEDGE_SKILL_WORDING, catalogue.knowledge_skill_wording),
    Check(catalogue_codes.DUPLICATE_COMPETENCE, catalogue.duplicate_competence),
    Check(catalogue_codes.DUPLICATE_ITEM, catalogue.duplicate_item),
    Check(
        repository_codes.DUPLICATE_PROFILE_CODE, repository.duplicate_profile_code, repository.DuplicateCodes
    ),
    Check(
        repository_codes.UNRESOLVED_RELATIONSHIP,
        repository.unresolved_relationship,
        repository.UnresolvedRelationships,
    ),
    Check(repository_codes.FILE_NAME_MISMATCH, repository.file_name_mismatch, repository.FileNames),
    Check(
        repository_codes.KNOWLEDGE_SKILL_WORDING_ACROSS,
        repository.knowledge_skill_wording_across,
        repository.WordingsAcross,
    ),
)


def checks(scope: Scope) -> list[Check]:
    """The checks of one scope: built-in ones by code, then those added at run time."""
    return [c for c in (*BUILTIN, *ADDED) if c.scope == scope]


def has_check(code: str) -> bool:
    """Whether a check reports this code (else the reader, loader or tuning does)."""
    return any(c.rule.code == code for c in (*BUILTIN, *ADDED))


__all__ = ["BUILTIN", "Check", "Context", "Finding", "checks", "has_check", "rule"]
