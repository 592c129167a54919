"""The HTML sheet and heat map in headless Chromium, measured, photographed."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from skillprofiles import load
from skillprofiles.export import export, render_matrix_html
from skillprofiles.hr import ProfileCollection
from tests.conftest import PROFILES, ROOT
from tests.hr_helpers import ROLE_OCM, WSP_003, write, wsp

IMAGES = ROOT / "docs" / "img"
WIDTHS = [1280, 500]  # 500: the narrowest window headless Chromium opens
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
# Runs inside the page once it is laid out and writes what it measured into the DOM, where --dump-dom
# shows it: the document's width against the viewport's, elements that stick out, and the outline.
PROBE = """<script>
(() => {
  const root = document.documentElement, width = window.innerWidth;
  const outside = [...document.body.querySelectorAll('*')]
    .filter(e => !e.closest('.table-wrap') && e.getBoundingClientRect().right > width + 0.5)
    .map(e => e.tagName.toLowerCase());
  const result = {
    viewport: width, scrollWidth: root.scrollWidth, outside: outside,
    lang: root.lang, landmarks: ['header', 'main', 'footer'].map(t => document.querySelectorAll(t).length),
    headings: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]),
    thWithoutScope: document.querySelectorAll('th:not([scope])').length,
    tables: document.querySelectorAll('table').length,
    captions: document.querySelectorAll('table > caption').length,
  };
  const out = document.createElement('pre');
  out.id = 'probe';
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
})();
</script>"""


def browser() -> str:
    """The Chromium executable, or skip with the reason."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(
        "no headless Chromium on PATH (looked for " + ", ".join(BROWSERS) + "); "
        "install Debian's 'chromium' package (.ci/run does) to run the browser checks"
    )


def chromium(url: str, width: int, height: int, *extra: str, profile_dir: Path) -> str:
    command = [
        browser(),
        *FLAGS,
        f"--user-data-dir={profile_dir}",
        f"--window-size={width},{height}",
        *extra,
        url,
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"Chromium could not be run here: {exc}")
    if result.returncode != 0:
        pytest.skip(f"Chromium exited with {result.returncode}: {result.stderr.strip()[-300:]}")
    return result.stdout


def measure(html: str, width: int, tmp_path: Path) -> dict[str, object]:
    page = tmp_path / f"probe-{width}.html"
    page.write_text(html.replace("</body>", PROBE + "\n</body>"), encoding="utf-8")
    dom = chromium(page.as_uri(), width, 900, "--dump-dom", profile_dir=tmp_path / f"profile-{width}")
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found is not None, dom[-500:]
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))  # type: ignore[no-any-return]


def screenshot(html: str, name: str, width: int, height: int, tmp_path: Path) -> Path:
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    shot = tmp_path / f"{name}.png"
    chromium(page.as_uri(), width, height, f"--screenshot={shot}", profile_dir=tmp_path / f"profile-{name}")
    assert shot.stat().st_size > 10_000  # a blank page compresses to far less
    IMAGES.mkdir(parents=True, exist_ok=True)
    target = IMAGES / f"{name}.png"
    shutil.copyfile(shot, target)
    return target


def check_layout(result: dict[str, object], width: int) -> None:
    assert result["viewport"] == width
    assert result["scrollWidth"] == width, f"the page scrolls sideways: {result}"
    assert result["outside"] == [], f"elements overflow the page: {result['outside']}"
    assert result["lang"] == "en"
    assert result["landmarks"] == [1, 1, 1]
    headings = result["headings"]
    assert isinstance(headings, list)
    assert headings[0] == 1
    assert headings.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(headings))
    assert result["thWithoutScope"] == 0
    assert result["tables"] == result["captions"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [WSP_003, ROLE_OCM])
def test_sheet_fits_the_page(path: Path, width: int, tmp_path: Path) -> None:
    check_layout(measure(export(load(path), "html", "2.0"), width, tmp_path), width)


@pytest.mark.parametrize("width", WIDTHS)
def test_matrix_fits_the_page(width: int, tmp_path: Path) -> None:
    matrix = ProfileCollection.from_directory(PROFILES, default_version="2.0").matrix()
    result = measure(render_matrix_html(matrix), width, tmp_path)
    check_layout(result, width)
    assert result["tables"] == 1


def test_screenshots_for_the_readme(tmp_path: Path) -> None:
    sheet = screenshot(export(load(WSP_003), "html"), "sheet", 1000, 2000, tmp_path)
    matrix = ProfileCollection.from_directory(PROFILES, default_version="2.0").matrix()
    heat = screenshot(render_matrix_html(matrix), "matrix", 1000, 1200, tmp_path)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"](docs/img/{sheet.name})" in readme
    assert f"](docs/img/{heat.name})" in readme


def test_sheet_prints(tmp_path: Path) -> None:
    page = tmp_path / "print.html"
    page.write_text(export(load(ROLE_OCM), "html", "2.0"), encoding="utf-8")
    pdf = tmp_path / "sheet.pdf"
    chromium(
        page.as_uri(),
        1000,
        1400,
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
        profile_dir=tmp_path / "profile-print",
    )
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 3  # the role profile runs over several pages


def _print(html: str, name: str, tmp_path: Path) -> bytes:
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    chromium(
        page.as_uri(), 1000, 1400, f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
        profile_dir=tmp_path / f"profile-{name}",
    )  # fmt: skip
    return pdf.read_bytes()


def _media_boxes(data: bytes) -> set[tuple[int, int]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]", data)
    return {(round(float(w)), round(float(h))) for w, h in boxes}


def test_sheet_and_heat_map_print_on_a4(tmp_path: Path) -> None:
    a4 = {(595, 842)}  # 210 × 297 mm in PostScript points
    assert _media_boxes(_print(export(load(WSP_003), "html", "2.0"), "sheet-a4", tmp_path)) == a4
    matrix = ProfileCollection.from_directory(PROFILES, default_version="2.0").matrix()
    html = render_matrix_html(matrix)
    data = _print(html, "matrix-a4", tmp_path)
    assert _media_boxes(data) == a4
    # the heat map comes first and may break across pages (rows never do), the legend after it
    assert html.index('<table class="heat">') < html.index('id="legend"')
    assert "table.heat { break-inside: auto;" in html
    assert len(re.findall(rb"/Type\s*/Page\b", data)) <= 2


def first_page_text(pdf: Path) -> tuple[str, int]:
    """The text of page 1 of a PDF (poppler's ``pdftotext``) and the number of pages, or skip."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip(
            "no pdftotext on PATH; install Debian's 'poppler-utils' package (.ci/run does) "
            "to check what each printed page holds"
        )
    first = subprocess.run(
        [tool, "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    every = subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True)
    return first.stdout, every.stdout.count("\f")


def _wide_directory(tmp_path: Path) -> Path:
    """Three profiles that between them require every e-CF 2.0 competence: a table of 36 rows."""
    from skillprofiles.catalogue import default_catalogue

    catalogue = default_catalogue()
    codes = sorted(catalogue.versions["2.0"].competences)
    directory = tmp_path / "wide"
    directory.mkdir()
    for index in range(3):
        lines = []
        for code in codes[index::3]:
            entry = catalogue.competence("2.0", code)
            assert entry is not None
            level = (entry.levels() or (3,))[-1]
            lines.append(f"- code: {code}\n  title: {entry.title}\n  levels: [e-{level}]\n")
        write(directory, f"p{index}.yaml", wsp(f"WSP-G3-09{index}", competences="".join(lines)))
    return directory


@pytest.mark.parametrize("wide", [False, True], ids=["profiles", "all-competences"])
def test_heat_map_table_starts_on_page_one(wide: bool, tmp_path: Path) -> None:
    directory = _wide_directory(tmp_path) if wide else PROFILES
    matrix = ProfileCollection.from_directory(directory, default_version="2.0").matrix()
    _print(render_matrix_html(matrix), "heat-pages", tmp_path)
    page, pages = first_page_text(tmp_path / "heat-pages.pdf")
    # page 1: the title, then the table with its caption, the profile titles as column headers and
    # the first rows, not only the legend
    assert "e-CF competences required by each profile" in page
    assert "Competence" in page
    words = page.split()  # a header cell wraps its title over lines
    for member in matrix.members:
        assert set(member.profile.title.split()) <= set(words), member.profile.title
    for cid in matrix.competences[:3]:
        assert f"{cid.code} " in page, cid
    assert page.index("e-CF competences required") < page.find("Legend") or "Legend" not in page
    assert pages >= 1
    if wide:
        assert len(matrix.competences) == 36
        assert "Legend" not in page  # 36 rows fill page 1; the legend comes after the table
        assert pages >= 2  # and the table breaks across pages rather than moving off page 1
