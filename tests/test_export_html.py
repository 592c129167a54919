"""HTML sheets and the heat map: self-contained, escaped, accessible structure, contrast, print styles."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillprofiles import load
from skillprofiles.export import export, render_matrix_html
from skillprofiles.export.html import ACCENT, BACKGROUND, CSS, HEAT, TEXT
from skillprofiles.hr import ProfileCollection
from tests.conftest import PROFILES
from tests.hr_helpers import ROLE_OCM, WSP_003, write, wsp


class Outline(HTMLParser):
    """Collect what accessibility checks need: tags in order, headings, th scopes, html lang."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headings: list[int] = []
        self.th_scopes: list[str | None] = []
        self.attrs: dict[str, list[dict[str, str | None]]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.setdefault(tag, []).append(dict(attrs))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "th":
            self.th_scopes.append(dict(attrs).get("scope"))


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("path", [WSP_003, ROLE_OCM])
def test_sheet_structure(path: Path) -> None:
    html = export(load(path), "html")
    page = outline(html)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert page.tags.count("header") == page.tags.count("main") == page.tags.count("footer") == 1
    assert page.headings[0] == 1
    assert page.headings.count(1) == 1
    # headings never skip a level on the way down
    assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False))
    assert page.th_scopes
    assert set(page.th_scopes) <= {"col", "row"}
    assert page.tags.count("caption") == page.tags.count("table")
    # self-contained: no external style sheets, scripts, images or frames
    assert not {"script", "link", "img", "iframe", "object"} & set(page.tags)


def test_wsp_sheet_content() -> None:
    html = export(load(WSP_003), "html")
    assert '<h2 id="s8">Assigned e-CF skills</h2>' in html  # after 7 sections and sub-sections
    assert '<tr><th scope="row">D.7</th><td>Sales Management</td><td>ENABLE</td><td>e-5</td></tr>' in html
    assert '<a href="http://www.skillprofiles.eu/stable/g3/en/2013-02-14.pdf">' in html


def test_profile_text_is_escaped(tmp_path: Path) -> None:
    hostile = wsp(title="'<script>alert(1)</script>'").replace(
        "- Plan things", "- '\"><img src=x onerror=alert(1)>'"
    )
    html = export(load(write(tmp_path, "p.yaml", hostile)), "html")
    assert "<script>" not in html
    assert "<img" not in html
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in html
    assert "<li>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</li>" in html


def test_colours_have_sufficient_contrast() -> None:
    assert contrast(TEXT, BACKGROUND) >= 7
    assert contrast(ACCENT, BACKGROUND) >= 7
    for background, foreground in HEAT.values():
        assert contrast(background, foreground) >= 4.5, (background, foreground)


def test_print_stylesheet() -> None:
    media = CSS[CSS.index("@media print") :]
    assert "break-inside: avoid" in media
    assert "print-color-adjust: exact" in media
    assert 'a[href^="http"]::after { content: " (" attr(href) ")"; }' in media


def test_matrix_heat_map() -> None:
    collection = ProfileCollection.from_directory(PROFILES, default_version="2.0")
    html = render_matrix_html(collection.matrix())
    page = outline(html)
    assert [a.get("scope") for a in page.attrs["th"][:3]] == ["col", "col", "col"]
    assert (
        '<thead><tr><th scope="col">Competence</th>'
        '<th scope="col">Web Account Manager<br><small>WSP-G3-003</small></th>' in html
    )
    assert "e-3 Senior Professional" in html
    assert "@page { size: A4" in html
    # E.4: WSP-G3-003 at e-4, the role profile at e-3; each cell shaded by its highest level
    row = re.search(r'<tr><th scope="row">E\.4 .*?</tr>', html)
    assert row is not None
    assert row.group().endswith('<td class="lvl-4">e-4</td><td class="lvl-3">e-3</td></tr>')
    assert html.count('<tr><th scope="row">') == 17 + 2  # 17 role competences + D.7, D.8


class TextOf(HTMLParser):
    """The text inside one element, entities decoded."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.inside, self.text, self.tags = tag, False, "", 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags += 1
        self.inside = tag == self.tag

    def handle_endtag(self, tag: str) -> None:
        self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.text += data


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(str.strip))
def test_any_title_comes_back_as_text(title: str) -> None:
    profile = load(WSP_003).model_copy(update={"title": title})
    html = export(profile, "html")
    heading = TextOf("h1")
    heading.feed(html)
    assert heading.text == title
    plain = TextOf("h1")
    plain.feed(export(load(WSP_003), "html"))
    assert heading.tags == plain.tags  # no element was smuggled in
