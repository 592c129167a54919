"""HTML sheets and the heat map: self-contained, escaped, accessible structure, contrast, print styles."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillprofiles import load
from skillprofiles.export import export, render_matrix_html
from skillprofiles.export.html import ACCENT, BACKGROUND, HEAT, TEXT, TemplateError, stylesheet
from skillprofiles.hr import ProfileCollection
from skillprofiles.textsafe import printable
from tests.conftest import PROFILES
from tests.hr_helpers import ROLE_OCM, WSP_003, write, wsp
from tests.hr_helpers import cli as run


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
    css = stylesheet()
    assert "@page { size: A4; margin: 15mm; }" in css
    media = css[css.index("@media print") :]
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
    assert heading.text == printable(title)  # bidi overrides and line separators shown as escapes
    plain = TextOf("h1")
    plain.feed(export(load(WSP_003), "html"))
    assert heading.tags == plain.tags  # no element was smuggled in


def test_every_page_carries_the_packaged_style_sheet() -> None:
    html = export(load(WSP_003), "html")
    assert f"<style>{stylesheet()}</style>" in html
    assert ".lvl-5 { background: #0b3d75; color: #ffffff; }" in stylesheet()


def test_a_template_in_the_directory_replaces_the_packaged_one(tmp_path: Path) -> None:
    write(tmp_path, "style.css.j2", "body { color: rebeccapurple; }\n")
    write(
        tmp_path,
        "sheet.html.j2",
        """{% extends "page.html.j2" %}
        {% block body %}<h1 class="brand">{{ sheet.title }}</h1>{% endblock %}
        """,
    )
    profile = load(WSP_003).model_copy(update={"title": "<b>Web</b> \x1b[2J"})
    html = export(profile, "html", templates=tmp_path)
    assert "<style>body { color: rebeccapurple; }\n</style>" in html
    # autoescape and the text safety hold in a user's template too
    assert '<h1 class="brand">&lt;b&gt;Web&lt;/b&gt; \\e[2J</h1>' in html
    assert "\x1b" not in html
    matrix = ProfileCollection.from_directory(PROFILES, default_version="2.0").matrix()
    heat = render_matrix_html(matrix, templates=tmp_path)
    assert "rebeccapurple" in heat
    assert '<table class="heat">' in heat  # matrix.html.j2 is still the packaged one


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{% if %}\n", r"sheet\.html\.j2:1: template syntax error: Expected an expression"),
        (
            '{% extends "page.html.j2" %}\n{% block body %}\n{{ sheet.nope }}{% endblock %}\n',
            r"sheet\.html\.j2:3: template error: .*'nope'",
        ),
        ('{% include "absent.html.j2" %}\n', r"absent\.html\.j2: template not found"),
    ],
)
def test_a_broken_template_is_located(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "sheet.html.j2").write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError, match=expected):
        export(load(WSP_003), "html", templates=tmp_path)


def test_cli_template_option(tmp_path: Path) -> None:
    write(tmp_path, "matrix.html.j2", "<p>{{ matrix.members | length }} profiles</p>\n")
    out = tmp_path / "heat.html"
    result = run("matrix", PROFILES, "--ecf-version", "2.0", "--html", out, "--template", tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == "<p>2 profiles</p>\n"
    write(tmp_path, "sheet.html.j2", "{{ sheet.title | nosuchfilter }}\n")
    result = run("export", WSP_003, "--to", "html", "--template", tmp_path)
    assert result.returncode == 2
    assert "sheet.html.j2:1: template syntax error: No filter named 'nosuchfilter'" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    result = run("export", WSP_003, "--to", "html", "--template", tmp_path / "absent")
    assert result.returncode == 2
    assert "--template: not a directory" in result.stderr


def test_jinja2_is_imported_only_for_html() -> None:
    code = (
        "import sys\nfrom skillprofiles.cli import main\n"
        "code = main(['export', 'profiles/WSP-G3-003.yaml', '--to', 'markdown', '-o', '/dev/null'])\n"
        "print(code, 'jinja2' in sys.modules)\n"
        "code = main(['export', 'profiles/WSP-G3-003.yaml', '--to', 'html', '-o', '/dev/null'])\n"
        "print(code, 'jinja2' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False", "0", "True"]


def test_a_template_added_to_the_directory_later_is_seen(tmp_path: Path) -> None:
    before = export(load(WSP_003), "html", templates=tmp_path)
    assert "<h1>Web Account Manager</h1>" in before
    write(tmp_path, "sheet.html.j2", "<h1>{{ sheet.title }}!</h1>\n")
    assert export(load(WSP_003), "html", templates=tmp_path) == "<h1>Web Account Manager!</h1>\n"
