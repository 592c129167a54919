"""Tidy tables for analytics: one row per profile × competence × level, and per gap requirement.

Rows are plain dicts of str/int/float/None; every text goes through :func:`printable`, so no table
carries a control character or a bidi override. ``to_csv`` and ``to_json`` need nothing more; the
pandas, Arrow and Parquet forms import their library on first use (``pip install skillprofiles[arrow]``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from skillprofiles.hr.ecf import official_title
from skillprofiles.textsafe import json_dumps, printable

if TYPE_CHECKING:
    from skillprofiles.hr.collection import Matrix
    from skillprofiles.hr.gap import GapReport

Row = dict[str, Any]

MATRIX_COLUMNS = ("file", "profile", "title", "profile_version", "version", "code", "competence", "level")
GAP_COLUMNS = (
    "file", "profile", "title", "person", "version", "fit", "kind", "code", "name", "required",
    "demonstrated", "status", "shortfall",
)  # fmt: skip


def _safe(value: Any) -> Any:
    return printable(value) if isinstance(value, str) else value


def matrix_rows(matrix: Matrix) -> list[Row]:
    """The matrix in long form: one row per profile × competence × level, in the matrix's order."""
    rows: list[Row] = []
    for member in matrix.members:
        for cid in matrix.competences:
            for level in matrix.levels(cid, member):
                row = {
                    "file": member.file,
                    "profile": member.label,
                    "title": member.profile.title,
                    "profile_version": member.version,
                    "version": cid.version,
                    "code": cid.code,
                    "competence": official_title(cid, matrix.titles[cid]),
                    "level": level.rank,
                }
                rows.append({k: _safe(v) for k, v in row.items()})
    return rows


def gap_rows(reports: Iterable[tuple[str, str, GapReport]]) -> list[Row]:
    """Gap or rank results in long form: one row per (file, title, report) × requirement."""
    rows: list[Row] = []
    for file, title, report in reports:
        base = {
            "file": file,
            "profile": report.profile,
            "title": title,
            "person": report.person,
            "version": report.version,
            "fit": round(report.fit, 4),
        }
        for g in report.competences:
            rows.append({
                **base, "kind": "competence", "code": g.competence.code, "name": g.title,
                "required": g.required.rank, "demonstrated": g.demonstrated.rank if g.demonstrated else None,
                "status": g.status.value, "shortfall": g.shortfall,
            })  # fmt: skip
        for lg in report.languages:
            rows.append({
                **base, "kind": "language", "code": None, "name": lg.language, "required": lg.required,
                "demonstrated": lg.demonstrated, "status": lg.status.value, "shortfall": None,
            })  # fmt: skip
    return [{k: _safe(v) for k, v in row.items()} for row in rows]


# a cell a spreadsheet would read as a formula (OWASP's CSV injection list)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(rows: Sequence[Row], columns: Sequence[str] | None = None) -> str:
    """Rows as CSV text with a header line (empty cells for None).

    CSV goes to spreadsheets, which run a cell that starts like a formula (``=HYPERLINK(...)`` in a
    profile title): such a text cell gets a leading apostrophe, which spreadsheets show as text.
    Numbers are left alone; JSON, pandas, Arrow and Parquet keep every text as it is."""
    names = list(columns or (rows[0].keys() if rows else ()))
    out = io.StringIO()
    writer = csv.DictWriter(out, names, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: _inert(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def _inert(value: object) -> object:
    """A text cell that would start a formula, quoted for spreadsheets; anything else unchanged."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def to_json(rows: Sequence[Row]) -> str:
    """Rows as a JSON array of objects."""
    return json_dumps(list(rows))


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(f"this needs {module.split('.')[0]}: pip install 'skillprofiles[arrow]'") from None


def to_dataframe(rows: Sequence[Row]) -> Any:
    """Rows as a pandas DataFrame (``pip install 'skillprofiles[arrow]'``)."""
    return _require("pandas").DataFrame.from_records(list(rows))


def to_arrow(rows: Sequence[Row]) -> Any:
    """Rows as a pyarrow Table, for polars, DuckDB or Spark (``pip install 'skillprofiles[arrow]'``)."""
    return _require("pyarrow").Table.from_pylist(list(rows))


def write_parquet(rows: Sequence[Row], path: str) -> None:
    """Rows written as a Parquet file (``pip install 'skillprofiles[arrow]'``)."""
    table = to_arrow(rows)
    _require("pyarrow.parquet").write_table(table, path)
