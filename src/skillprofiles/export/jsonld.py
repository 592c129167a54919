"""Interchange exports: the profile as plain JSON, and as JSON-LD naming competences by stable URIs."""

from __future__ import annotations

import re
from typing import Any

from skillprofiles.hr.ecf import URI_BASE, CompetenceId, official_title
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
    """The profile as JSON, exactly the data of the YAML file (aliases as keys, no empty optionals);
    every character a terminal would obey is a JSON escape."""
    from skillprofiles.textsafe import json_dumps

    data = profile.model_dump(mode="json", by_alias=True, exclude_none=True)
    return json_dumps(data)  # C1 controls and bidi overrides as \u escapes: the same data, inert


def profile_uri(profile: AnyProfile, base_uri: str | None = None) -> str:
    """``{base}/{code}`` (base ``https://skillprofiles.dev/profiles``), else a slug of the title."""
    key = profile.code or re.sub(r"[^a-z0-9]+", "-", profile.title.lower()).strip("-")
    base = base_uri or PROFILE_BASE
    return f"{base}{key}" if base.endswith(("/", ":", "#")) else f"{base}/{key}"


def jsonld_document(
    profile: AnyProfile, default_version: str | None = None, base_uri: str | None = None
) -> dict[str, Any]:
    """A schema.org ``Occupation`` whose ``skills`` are ``DefinedTerm`` s with e-CF URIs.

    Competence URIs are ``https://skillprofiles.dev/ecf/{version}/{code}``; each term belongs to the
    ``DefinedTermSet`` ``https://skillprofiles.dev/ecf/{version}``. Levels are given per competence
    through ``sp:competenceRequirement`` (vocabulary ``https://skillprofiles.dev/vocab#``).

    ``default_version`` is the version the pipeline decided for the profile; when no version is known
    at all, competences are blank nodes with their code (no invented version IRI) and ``ecfVersion``
    is left out. ``base_uri`` replaces the base of the profile's ``@id``. The source's document,
    version, date, licence and URL are kept (``isBasedOn``), and an occupation code becomes
    ``occupationalCategory``.
    """
    version = profile.ecf_version or default_version
    terms = [_term(CompetenceId(version, c.code), c.title) for c in profile.competences]
    requirements = [
        {
            "@type": "sp:CompetenceRequirement",
            "competence": _reference(CompetenceId(version, c.code), c.title),
            "proficiencyLevel": [str(lv) for lv in sorted(c.levels, key=lambda lv: lv.rank)],
        }
        for c in profile.competences
    ]
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": profile_uri(profile, base_uri),
        "@type": "Occupation",
        "name": profile.title,
        "template": profile.template,
    }
    if version is not None:
        doc["ecfVersion"] = version
    doc["skills"] = terms
    doc["competenceRequirement"] = requirements
    if profile.occupation:
        doc["occupationalCategory"] = (
            {"@id": profile.occupation} if profile.occupation.startswith("http") else profile.occupation
        )
    return _with_text(doc, profile)


def _reference(cid: CompetenceId, sheet_title: str) -> Any:
    return cid.uri if cid.version is not None else _term(cid, sheet_title)


def _term(cid: CompetenceId, sheet_title: str) -> dict[str, Any]:
    term: dict[str, Any] = {"@type": "DefinedTerm", "termCode": cid.code}
    if cid.version is None:
        return {**term, "name": sheet_title}
    return {
        "@id": cid.uri,
        **term,
        "name": official_title(cid, sheet_title),
        "inDefinedTermSet": {
            "@id": f"{URI_BASE}/{cid.version}",
            "@type": "DefinedTermSet",
            "name": f"e-CF {cid.version}",
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
    if profile.source:
        source = profile.source
        work: dict[str, Any] = {"@type": "CreativeWork", "name": source.document}
        optional = {
            "url": source.url,
            "version": source.version,
            "datePublished": source.date.isoformat() if source.date else None,
            "license": source.licence,
        }
        work.update({key: value for key, value in optional.items() if value is not None})
        doc["isBasedOn"] = work
    return doc


def render_jsonld(
    profile: AnyProfile, default_version: str | None = None, base_uri: str | None = None
) -> str:
    """The JSON-LD document as text (control characters and bidi overrides escaped)."""
    from skillprofiles.textsafe import json_dumps

    return json_dumps(jsonld_document(profile, default_version, base_uri))
