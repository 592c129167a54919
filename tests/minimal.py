"""Minimal valid profiles of each template, for tests that mutate one thing at a time."""

WSP = """\
template: wsp-g3
code: WSP-G3-099
title: Test Profile
ecf_version: '2.0'
summary_definition: Does things.
assignment:
  - Is assigned.
documentation_produced:
  accountable: [Plan]
primary_duties:
  - Plan things
competences:
  - code: B.1
    title: Design and Development
    levels: [e-2]
abilities_knowledge:
  technical: [CRM]
  information_technology: [Office]
  for_development: [Coordination]
kpi_areas: [Sales]
qualifications: [Degree]
personal_aptitudes:
  interpersonal_organisational: [Teamwork]
  linguistic:
    - language: English
      min_level: C1
      text: English, minimum level C1
"""

ROLE = """\
template: ict-role-profile
title: Test Role
summary_statement: Provides things.
mission: [Create things.]
responsibility: Things work.
deliverables:
  accountable: [Wiki.]
main_tasks: [Provide tools.]
environment: Works online.
kpis: [Forum activity.]
competences:
  - code: A.3
    title: Business Plan Development
    description: Plans.
    levels: [e-3]
    level_texts:
      e-3: Exploits knowledge.
ecf_version: '4.0'
"""
