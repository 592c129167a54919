"""``skillprofiles matrix``: competences × profiles of a directory, in the terminal or as an HTML heat map."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from skillprofiles.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    add_loading_options,
    console,
    existing,
    guarded,
    pipeline_from,
    plain,
    print_diagnostics,
    write,
)
from skillprofiles.cli.export_cmd import add_template_option, rendered, template_dir


def register(sub: Any) -> None:
    """Add the ``matrix`` subcommand."""
    parser = sub.add_parser("matrix", help="competences × profiles of a directory")
    parser.add_argument("directory", metavar="DIR", help="a directory of profiles (*.yaml, *.yml)")
    parser.add_argument(
        "--format",
        choices=("text", "csv", "json", "parquet"),
        default="text",
        help="text table, or long form: one row per profile × competence × level",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the table here")
    parser.add_argument("--html", type=Path, metavar="FILE", help="also write a self-contained HTML heat map")
    parser.add_argument(
        "--target",
        metavar="VERSION",
        help="read every competence in this e-CF version (default: the newest the profiles use)",
    )
    add_template_option(parser)
    add_loading_options(parser)
    parser.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    """Print the matrix; files that are not valid profiles are listed with their diagnostics (exit 1)."""
    from skillprofiles.hr.collection import ProfileCollection

    templates = template_dir(args)
    if not existing(args.directory).is_dir():
        raise CommandError(EXIT_USAGE, f"not a directory: {args.directory}")
    collection = ProfileCollection.from_paths([args.directory], pipeline_from(args))
    for failure in collection.failures:
        print_diagnostics(failure.file, failure.diagnostics)
    pipeline = pipeline_from(args)
    if args.target and args.target not in pipeline.catalogue.versions:
        known = ", ".join(pipeline.catalogue.versions)
        raise CommandError(EXIT_USAGE, f"unknown e-CF version {args.target!r}; known: {known}")
    matrix = collection.matrix(args.target, pipeline.catalogue)
    if args.format == "text":
        console().print(matrix_table(matrix))
    else:
        _table(matrix, args)
    if args.html:
        from skillprofiles.export.html import render_matrix_html

        write(rendered(lambda: render_matrix_html(matrix, templates=templates)), args.html)
    return EXIT_FINDINGS if collection.failures else EXIT_OK


def matrix_table(matrix: Any) -> Any:
    """The matrix as a rich table: a row per competence, a column per profile."""
    from rich.table import Table

    from skillprofiles.hr.ecf import official_title

    table = Table(title="e-CF competences × profiles")
    table.add_column("Competence")
    for member in matrix.members:
        table.add_column(plain(member.label), justify="center")
    for cid in matrix.competences:
        label = f"{cid.code} {official_title(cid, matrix.titles[cid])} (e-CF {cid.version or '?'})"
        cells = [", ".join(str(lv) for lv in matrix.levels(cid, m)) or "·" for m in matrix.members]
        table.add_row(plain(label), *cells)
    return table


def _table(matrix: Any, args: argparse.Namespace) -> None:
    from skillprofiles.export.tables import MATRIX_COLUMNS, matrix_rows, to_csv, to_json, write_parquet

    rows = matrix_rows(matrix)
    if args.format == "parquet":
        if args.output is None:
            raise CommandError(EXIT_USAGE, "--format parquet needs --output FILE")
        try:
            write_parquet(rows, str(args.output))
        except ImportError as exc:
            raise CommandError(EXIT_USAGE, str(exc)) from None
        return
    text = to_csv(rows, MATRIX_COLUMNS) if args.format == "csv" else to_json(rows)
    write(text, args.output)
