"""SP220 knowledge-skill-wording: one knowledge/skill code, two wordings in one profile."""

from __future__ import annotations

from tests.rules.helpers import messages, only, role

KS = """\
    knowledge_skills:
      - {code: B03, text: Is precise & aware of details}
      - {code: B11, text: can analyse}
  - code: A.4
    title: Product / Service Planning
    description: Plans.
    levels: [e-3]
    level_texts: {e-3: Plans.}
    knowledge_skills:
      - {code: B11, text: Can analyse}
      - {code: B03, text: is precise and aware of  details}
      - {code: B03, text: Is committed to corporate strategy}
"""


def _profile(items: str) -> str:
    return role().replace("      e-3: Exploits knowledge.\n", "      e-3: Exploits knowledge.\n" + items)


def test_same_wording_ignoring_case_space_and_ampersand_passes() -> None:
    assert (
        only(
            "SP220",
            _profile(KS.replace("      - {code: B03, text: Is committed to corporate strategy}\n", "")),
        )
        == []
    )


def test_other_wording_is_reported_where_it_differs() -> None:
    assert only("SP220", _profile(KS)) == [("SP220", 29, 27)]
    assert messages("SP220", _profile(KS))[0][0] == (
        "B03 is worded 'Is committed to corporate strategy' here "
        "but 'Is precise & aware of details' under A.3"
    )
