"""Markdown sheets: sections in sheet order, official titles, and every piece of profile text escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillprofiles import load
from skillprofiles.export import export
from skillprofiles.export.markdown import escape
from tests.hr_helpers import ROLE_OCM, WSP_003, write, wsp


def headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def test_wsp_sections_in_appendix_b_order() -> None:
    text = export(load(WSP_003), "markdown")
    assert headings(text) == [
        "# Web Account Manager",
        "## Summary definition",
        "## Assignment",
        "## Documentation produced",
        "### Accountable",
        "### Responsible",
        "### Contributor",
        "## Primary duties",
        "## Assigned e-CF skills",
        "## Abilities, knowledge",
        "### Technical",
        "### Information technology",
        "### For development",
        "## Area of application of the KPI",
        "## Qualifications and certifications",
        "## Personal aptitudes",
        "### Interpersonal and organisational",
        "### Linguistic",
        "## Relationships and reporting lines",
        "### Interacts with",
        "### Reports to",
    ]
    assert "| D.7 | Sales Management | ENABLE | e-5 |" in text
    assert "| English | C1 | required | Excellent knowledge of the English language" in text


def test_role_profile_in_template_order_with_official_titles_when_version_given() -> None:
    text = export(load(ROLE_OCM), "markdown", default_version="2.0")
    top = [h for h in headings(text) if h.startswith("## ")]
    assert top == [
        "## Summary statement",
        "## Mission",
        "## Responsibility",
        "## Deliverables",
        "## Main tasks",
        "## Environment",
        "## KPIs",
        "## e-CF competences",
        "## Detailed profile",
    ]
    # the sheet writes the 1.0 title; the 2.0 catalogue title is shown, with the sheet's in brackets
    assert "| A.4 | Product or Project Planning (sheet: Specification Creation) | PLAN | e-2, e-3 |" in text
    assert "#### Proficiency levels (Dimension 3)" in text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a *b* _c_ `d`", "a \\*b\\* \\_c\\_ \\`d\\`"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("a | b", "a \\| b"),
        ("# not a heading", "\\# not a heading"),
        ("- not an item", "\\- not an item"),
        ("12. not an item", "12\\. not an item"),
        ("two\nlines", "two lines"),
        ("EQF-iServe 2.0", "EQF-iServe 2.0"),  # markup only where it would be read as markup
    ],
)
def test_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


def test_hostile_profile_text_stays_text(tmp_path: Path) -> None:
    hostile = wsp(title="'<img src=x onerror=alert(1)> | *x*'")
    text = export(load(write(tmp_path, "p.yaml", hostile)), "markdown")
    assert text.splitlines()[0] == "# \\<img src=x onerror=alert(1)\\> \\| \\*x\\*"


MARKUP = set("\\`*_[]<>|~&")


@given(st.text())
def test_escaped_text_has_no_bare_markup(text: str) -> None:
    escaped = escape(text)
    assert "\n" not in escaped
    assert "\r" not in escaped
    index = 0
    while index < len(escaped):
        if escaped[index] == "\\":
            assert escaped[index + 1] in MARKUP | set("#+-=.)"), escaped
            index += 2
            continue
        assert escaped[index] not in MARKUP, escaped
        index += 1
    assert escaped[:1] not in set("#+-=")  # a block marker at the start is escaped
    assert not re.match(r"\d+[.)]", escaped)  # so is an ordered-list number


def test_digits_before_other_marks_stay() -> None:
    assert escape("1#") == "1#"
    assert escape("3 - 4") == "3 - 4"
