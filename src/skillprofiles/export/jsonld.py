"""Interchange exports: the profile as plain JSON, and as JSON-LD naming competences by stable URIs."""

from __future__ import annotations

import json
import re
from typing import Any

from skillprofiles.hr.ecf import UNSPECIFIED, URI_BASE, CompetenceId, official_title
from skillprofiles.models import AnyProfile

PROFILE_BASE = "https://skillprofiles.dev/profiles"
VOCAB = "https://skillprofiles.dev/vocab#"
CONTEXT: dict[str, Any] = {
    "@vocab": "https://schema.org/",
    "sp": VOCAB,
    "ecf": URI_BASE + "/",
    "competenceRequirement": {"@id": "sp:competenceRequirement", "@container": "@set"},
    "competence": {"@id": "sp:competence", "@type": "@id"},
    "proficiencyLevel": {"@id": "sp:proficiencyLevel", "@container": "@set"},
    "languageRequirement": {"@id": "sp:languageRequirement", "@container": "@set"},
    "cefrLevel": "sp:cefrLevel",
    "preferred": "sp:preferred",
    "ecfVersion": "sp:ecfVersion",
    "template": "sp:template",
}


def render_json(profile: AnyProfile) -> str:
    """The profile as JSON, exactly the data of the YAML file (aliases as keys, no empty optionals)."""
    data = profile.model_dump(mode="json", by_alias=True, exclude_none=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def profile_uri(profile: AnyProfile) -> str:
    """``https://skillprofiles.dev/profiles/{code}``, or a slug of the title when there is no code."""
    key = profile.code or re.sub(r"[^a-z0-9]+", "-", profile.title.lower()).strip("-")
    return f"{PROFILE_BASE}/{key}"


def jsonld_document(profile: AnyProfile, default_version: str | None = None) -> dict[str, Any]:
    """A schema.org ``Occupation`` whose ``skills`` are ``DefinedTerm`` s with e-CF URIs.

    Competence URIs are ``https://skillprofiles.dev/ecf/{version}/{code}``; each term belongs to the
    ``DefinedTermSet`` ``https://skillprofiles.dev/ecf/{version}``. Levels are given per competence
    through ``sp:competenceRequirement`` (vocabulary ``https://skillprofiles.dev/vocab#``).
    """
    version = profile.ecf_version or default_version
    terms = [_term(CompetenceId(version, c.code), c.title) for c in profile.competences]
    requirements = [
        {
            "@type": "sp:CompetenceRequirement",
            "competence": CompetenceId(version, c.code).uri,
            "proficiencyLevel": [str(lv) for lv in sorted(c.levels, key=lambda lv: lv.rank)],
        }
        for c in profile.competences
    ]
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": profile_uri(profile),
        "@type": "Occupation",
        "name": profile.title,
        "template": profile.template,
        "ecfVersion": version or UNSPECIFIED,
        "skills": terms,
        "competenceRequirement": requirements,
    }
    return _with_text(doc, profile)


def _term(cid: CompetenceId, sheet_title: str) -> dict[str, Any]:
    version = cid.version or UNSPECIFIED
    return {
        "@id": cid.uri,
        "@type": "DefinedTerm",
        "termCode": cid.code,
        "name": official_title(cid, sheet_title),
        "inDefinedTermSet": {
            "@id": f"{URI_BASE}/{version}",
            "@type": "DefinedTermSet",
            "name": f"e-CF {version}",
        },
    }


def _with_text(doc: dict[str, Any], profile: AnyProfile) -> dict[str, Any]:
    if profile.code:
        doc["identifier"] = profile.code
    summary = getattr(profile, "summary_definition", None) or getattr(profile, "summary_statement", None)
    if summary:
        doc["description"] = summary
    doc["responsibilities"] = profile.tasks
    qualifications = getattr(profile, "qualifications", None)
    if qualifications:
        doc["qualifications"] = list(qualifications)
    if profile.languages:
        doc["languageRequirement"] = [
            {
                "@type": "sp:LanguageRequirement",
                "name": r.language,
                "cefrLevel": r.min_level,
                "preferred": r.preferred,
                "description": r.text,
            }
            for r in profile.languages
        ]
    if profile.source and profile.source.url:
        doc["subjectOf"] = {
            "@type": "CreativeWork",
            "name": profile.source.document,
            "url": profile.source.url,
        }
    return doc


def render_jsonld(profile: AnyProfile, default_version: str | None = None) -> str:
    """The JSON-LD document as text."""
    return json.dumps(jsonld_document(profile, default_version), ensure_ascii=False, indent=2) + "\n"
