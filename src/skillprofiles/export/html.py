"""Self-contained, accessible, printable HTML from Jinja2 templates: a profile sheet and the heat map.

The templates are package data (``export/templates/*.j2``); a directory given as ``templates`` comes
first, so a file there with the same name (``page.html.j2``, ``style.css.j2``, ``sheet.html.j2``,
``matrix.html.j2``) replaces the packaged one. Autoescape is on, and every value a template prints is
made visible first (control characters and bidi overrides escaped), so no profile text becomes
markup or reorders the page. Jinja2 is imported only when a page is rendered.
"""

from __future__ import annotations

import functools
import html
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skillprofiles._version import __version__
from skillprofiles.export.sheet import Bullets, Competences, Paragraphs, Section, Sheet
from skillprofiles.hr.ecf import official_title
from skillprofiles.textsafe import printable

if TYPE_CHECKING:
    import jinja2

    from skillprofiles.hr.collection import Matrix

# heat-map shades by highest level (background, text); every pair has a WCAG contrast ratio ≥ 4.5
HEAT = {
    0: ("#ffffff", "#595959"),
    1: ("#e8f1fb", "#1a1a1a"),
    2: ("#bcd6f2", "#1a1a1a"),
    3: ("#6fa3dc", "#000000"),
    4: ("#2a6cb6", "#ffffff"),
    5: ("#0b3d75", "#ffffff"),
}
# the e-CF proficiency levels (EN 16234-1), shade of the heat map = the highest level a profile assigns
LEVEL_NAMES = {
    1: "Associate",
    2: "Professional",
    3: "Senior Professional",
    4: "Lead Professional / Senior Manager",
    5: "Principal",
}
EMPTY_CELL = '<span aria-hidden="true">—</span><span class="sr-only">not required</span>'
TEXT, BACKGROUND, ACCENT = "#1a1a1a", "#ffffff", "#0b3d75"
COLOURS = {"text": TEXT, "background": BACKGROUND, "accent": ACCENT}
TEMPLATES = ("page.html.j2", "style.css.j2", "sheet.html.j2", "matrix.html.j2")


class TemplateError(ValueError):
    """A template that could not be found, parsed or rendered; the message starts with ``file:line:``."""


def visible(text: str) -> str:
    """Text with every control character and bidi override shown as an escape, line breaks as spaces.

    HTML shows a line break in running text as a space anyway; folding it keeps every value on the
    line it starts on, so no profile text opens a line of the file (``::error`` in a CI log).
    """
    return printable(text.replace("\r\n", " ").replace("\n", " "))


def _finalize(value: Any) -> Any:
    # runs on every {{ }} before autoescape: keep the escaping of html.escape (&#x27; and &quot;)
    from markupsafe import Markup

    if isinstance(value, Markup):
        return value
    return Markup(html.escape(visible(value if isinstance(value, str) else str(value))))


def _kind(block: object) -> str:
    kinds = {Section: "section", Paragraphs: "paragraphs", Bullets: "bullets", Competences: "competences"}
    return kinds.get(type(block), "languages")


def _fingerprint(templates: Path | None) -> tuple[str, tuple[tuple[str, int], ...]] | None:
    # the environment is cached per directory and its files, so that a template added there is seen
    if templates is None:
        return None
    try:
        files = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in templates.iterdir()))
    except OSError:
        files = ()
    return str(templates), files


@functools.lru_cache(maxsize=8)
def _environment(key: tuple[str, tuple[tuple[str, int], ...]] | None) -> jinja2.Environment:
    import jinja2

    loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("skillprofiles.export", "templates")]
    if key is not None:
        loaders.insert(0, jinja2.FileSystemLoader(key[0]))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        kind=_kind, heat=HEAT, colours=COLOURS, level_names=LEVEL_NAMES, version=__version__, lang="en"
    )
    return env


def render_template(name: str, templates: Path | None = None, **context: Any) -> str:
    """Render one template (the packaged one, or its namesake in ``templates``); TemplateError if it fails."""
    import jinja2

    try:
        return _environment(_fingerprint(templates)).get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        where = printable(exc.filename or exc.name or name)
        message = printable(exc.message or "")
        raise TemplateError(f"{where}:{exc.lineno}: template syntax error: {message}") from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"{printable(str(exc.name or name))}: template not found") from None
    except Exception as exc:  # a user's template may fail in any way: report where, never a traceback
        raise TemplateError(f"{_where(exc, name)}: template error: {printable(str(exc))}") from None


def _where(exc: BaseException, name: str) -> str:
    # Jinja2 rewrites tracebacks so that a template's frames carry its file and line
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name


def stylesheet(templates: Path | None = None) -> str:
    """The CSS every page carries (``style.css.j2``)."""
    return render_template("style.css.j2", templates)


def render_html(sheet: Sheet, templates: Path | None = None) -> str:
    """The sheet as one HTML page (``sheet.html.j2``): header with the facts, a section per sheet section."""
    return render_template("sheet.html.j2", templates, sheet=sheet, title=sheet.title)


@dataclass(frozen=True)
class MatrixRow:
    """One row of the heat map: a competence and, per profile, its shade and the levels assigned."""

    code: str
    title: str
    version: str
    cells: list[tuple[int, str]]


def matrix_rows(matrix: Matrix) -> list[MatrixRow]:
    """The heat map's rows, in the matrix's order."""
    rows = []
    for cid in matrix.competences:
        cells = []
        for member in matrix.members:
            levels = matrix.levels(cid, member)
            top = max((lv.rank for lv in levels), default=0)
            cells.append((top, ", ".join(str(lv) for lv in levels)))
        title = official_title(cid, matrix.titles[cid])
        rows.append(MatrixRow(cid.code, title, cid.version or "?", cells))
    return rows


def render_matrix_html(
    matrix: Matrix, title: str = "Competences × profiles", templates: Path | None = None
) -> str:
    """The matrix as a heat map (``matrix.html.j2``): a row per competence, a column per profile."""
    from markupsafe import Markup

    legend = [(n, "not required" if n == 0 else f"e-{n} {LEVEL_NAMES[n]}") for n in HEAT]
    return render_template(
        "matrix.html.j2",
        templates,
        matrix=matrix,
        rows=matrix_rows(matrix),
        legend=legend,
        heading=title,
        title=title,
        empty=Markup(EMPTY_CELL),
    )
