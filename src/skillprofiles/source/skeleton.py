"""Skeletons of both templates: every section in the documented order, commented, ready to fill in."""

from __future__ import annotations

import re

PLACEHOLDER = "TODO"  # a text value starting with this is a placeholder (SP112 names each one)
MODELINE = "# yaml-language-server: $schema=https://skillprofiles.dev/schemas/profile.schema.json\n"

_WSP = """\
{modeline}# A WSP-G3 profile sheet (G3 Web Skills Profiles v1.0, Appendix B "Profile Sheet Structure").
# Sections are in the order of Appendix B; every one is normative except 'relationships'.
# Fill in each 'TODO' value: `skillprofiles validate` names every one still left (SP112).
template: wsp-g3
# Profile Title: the identification code (WSP-G3-NNN) and the name
code: {code}
title: {title}
# the e-CF version the sheet cites, quoted so that YAML keeps it as text
ecf_version: '2.0'
# Summary definition
summary_definition: 'TODO: what the profile is, in one or two sentences'
# Assignment: the profile's mission, one paragraph per item
assignment:
  - 'TODO: the profile''s assignment'
# Documentation produced, by role: accountable, responsible, contributor (at least one document)
documentation_produced:
  accountable:
    - 'TODO: a document the profile is accountable for'
  responsible: []
  contributor: []
# Primary duties
primary_duties:
  - 'TODO: a primary duty'
# Assigned e-CF skills: code, the title as the source writes it, and the levels assigned.
# Replace this example with the profile's competences.
competences:
  - code: B.1
    title: Design and Development
    levels: [e-2, e-3]
# Abilities, knowledge: technical, information technology, for development
abilities_knowledge:
  technical:
    - 'TODO: a technical ability or knowledge'
  information_technology:
    - 'TODO: an information technology ability'
  for_development:
    - 'TODO: an ability for development'
# Area of application of the KPI
kpi_areas:
  - 'TODO: an area of application of the KPI'
# Qualifications and certifications (recommended, not essential)
qualifications:
  - 'TODO: a qualification or certification'
# Personal aptitudes: interpersonal and organisational, and linguistic (CEFR levels)
personal_aptitudes:
  interpersonal_organisational:
    - 'TODO: an interpersonal or organisational aptitude'
  linguistic:
    - language: English
      min_level: B2
      text: 'TODO: the requirement as the sheet words it, e.g. English, minimum level: B2'
# Relationships and reporting lines (informational): profile codes or titles
relationships:
  interacts_with: []
  reports_to: []
"""

_ROLE = """\
{modeline}# A European ICT role profile: the role description, then the e-CF profile per competence.
# Fill in each 'TODO' value: `skillprofiles validate` names every one still left (SP112).
template: ict-role-profile
# Profile title
title: {title}
{code_line}# Summary statement
summary_statement: 'TODO: the role in one sentence'
# Mission, one paragraph per item
mission:
  - 'TODO: the role''s mission'
# Responsibility
responsibility: 'TODO: what the role is responsible for'
# Deliverables: accountable (at least one) and contributor
deliverables:
  accountable:
    - 'TODO: a deliverable the role is accountable for'
  contributor: []
# Main task/s
main_tasks:
  - 'TODO: a main task'
# Environment
environment: 'TODO: where and with whom the role works'
# KPI's
kpis:
  - 'TODO: a key performance indicator'
# the e-CF version the profile follows, quoted
ecf_version: '4.0'
# Detailed profile: per competence its code and title (Dimensions 1-2), how it applies here
# (description), the text of each assigned level (Dimension 3) and knowledge/skill items (Dimension 4).
# Replace this example with the role's competences.
competences:
  - code: B.1
    title: Application Development
    description: 'TODO: how the competence applies to this role'
    levels: [e-2]
    level_texts:
      e-2: 'TODO: the text of level e-2 for this role'
    knowledge_skills: []
"""


def skeleton(template: str, code: str | None = None, title: str | None = None) -> str:
    """The skeleton of ``template`` (``wsp-g3`` or ``ict-role-profile``) with the code and title given."""
    if template == "wsp-g3":
        if code is not None and not re.fullmatch(r"WSP-G3-[0-9]{3}", code):
            raise ValueError(f"{code!r} is not a WSP-G3 code (WSP-G3-NNN)")
        return _WSP.format(
            modeline=MODELINE,
            code=_scalar(code or "WSP-G3-000"),
            title=_scalar(title or "TODO: the profile's title"),
        )
    if template == "ict-role-profile":
        code_line = (
            f"# the organisation's code for the role (optional)\ncode: {_scalar(code)}\n" if code else ""
        )
        return _ROLE.format(
            modeline=MODELINE, title=_scalar(title or "TODO: the role's title"), code_line=code_line
        )
    raise ValueError(f"unknown template {template!r}; use wsp-g3 or ict-role-profile")


def _scalar(text: str) -> str:
    """Text as a single-quoted YAML scalar: whatever it holds, YAML reads it back as the same text."""
    cleaned = "".join(ch for ch in text if ch.isprintable())
    return "'" + cleaned.replace("'", "''") + "'"
