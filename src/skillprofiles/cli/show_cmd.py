"""``skillprofiles show``: a profile sheet in the terminal, laid out like the published sheet."""

from __future__ import annotations

import argparse
from typing import Any

from skillprofiles.cli.common import (
    EXIT_OK,
    CommandError,
    add_loading_options,
    console,
    guarded,
    open_profile,
    plain,
)


def register(sub: Any) -> None:
    """Add the ``show`` subcommand."""
    parser = sub.add_parser("show", help="show a profile sheet, sections in the published order")
    parser.add_argument("profile", metavar="PROFILE", help="a profile file")
    add_loading_options(parser)
    parser.add_argument(
        "--migration",
        metavar="VERSION",
        nargs="?",
        const="4.0",
        help="also report how the competences read in another e-CF version (default 4.0)",
    )
    parser.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    """Print the sheet (and the migration report when asked); 0, 1 for an invalid profile, 2 usage."""
    from skillprofiles.export.sheet import build_sheet

    profile, version = open_profile(args, args.profile)
    out = console()
    for renderable in sheet_renderables(build_sheet(profile, version)):
        out.print(renderable)
    if args.migration:
        for renderable in migration_renderables(profile, args.migration, version):
            out.print(renderable)
    return EXIT_OK


def sheet_renderables(sheet: Any) -> list[Any]:
    """Rich renderables of a sheet: a title panel, the facts, then each section under a rule."""
    from rich.panel import Panel
    from rich.table import Table

    facts = Table.grid(padding=(0, 2))
    for label, value in sheet.facts:
        facts.add_row(plain(label), plain(value))
    items: list[Any] = [Panel(plain(sheet.title), title="Profile", expand=False), facts]
    for section in sheet.sections:
        items += _section(section, 0)
    return items


def _section(section: Any, depth: int) -> list[Any]:
    from rich.rule import Rule
    from rich.text import Text

    heading = plain(section.heading)
    heading.stylize("bold")
    items: list[Any] = [Rule(heading, align="left")] if depth == 0 else [Text("  " * depth) + heading]
    for block in section.blocks:
        items += _block(block, depth)
    return items


def _block(block: Any, depth: int) -> list[Any]:
    from rich.padding import Padding

    from skillprofiles.export.sheet import Bullets, Competences, Languages, Paragraphs, Section

    indent = 2 * (depth + 1)
    if isinstance(block, Section):
        return _section(block, depth + 1)
    if isinstance(block, Paragraphs):
        return [Padding(_line(text), (0, 0, 1, indent)) for text in block.texts]
    if isinstance(block, Bullets):
        return [Padding(_bullets(block.items), (0, 0, 0, indent))]
    if isinstance(block, Competences):
        return [Padding(_competences(block), (0, 0, 0, indent))]
    if isinstance(block, Languages):
        return [Padding(_languages(block), (0, 0, 0, indent))]
    raise CommandError(2, f"unknown block {type(block).__name__}")


def _line(text: str) -> Any:
    # a line that starts with "::" would be a workflow command in a CI log: show it escaped
    return plain("\\" + text if text.lstrip().startswith("::") else text)


def _bullets(items: list[str]) -> Any:
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    for item in items:
        grid.add_row("•", plain(item))
    return grid


def _competences(block: Any) -> Any:
    from rich.table import Table

    table = Table("Code", "Competence", "Area", "Levels")
    for row in block.rows:
        title = row.title if row.sheet_title == row.title else f"{row.title} (sheet: {row.sheet_title})"
        table.add_row(plain(row.cid.code), plain(title), plain(row.area), plain(", ".join(row.levels)))
    return table


def _languages(block: Any) -> Any:
    from rich.table import Table

    table = Table("Language", "Minimum CEFR level", "Status")
    for row in block.rows:
        table.add_row(plain(row.language), plain(row.min_level), "preferred" if row.preferred else "required")
    return table


def migration_renderables(profile: Any, target: str, default_version: str | None) -> list[Any]:
    """The migration report as a rule and a table."""
    from rich.rule import Rule
    from rich.table import Table

    from skillprofiles.hr.migration import migration_report

    try:
        report = migration_report(profile, target, default_version)
    except (KeyError, ValueError) as exc:
        raise CommandError(2, f"cannot report a migration: {exc}") from None
    table = Table("Code", "As written", "Levels", f"In e-CF {report.target}")
    for item in report.items:
        levels = ", ".join(str(lv) for lv in item.levels)
        table.add_row(plain(item.code), plain(item.title), levels, plain(item.describe()))
    title = f"Migration from e-CF {report.source} to e-CF {report.target} (a report; the file is not changed)"
    return [Rule(plain(title), align="left"), table]
