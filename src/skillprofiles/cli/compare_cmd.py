"""``skillprofiles compare``: two profiles side by side, with their overlap score."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from skillprofiles.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    add_loading_options,
    console,
    emit,
    guarded,
    open_profile,
    plain,
    print_diagnostics,
)
from skillprofiles.textsafe import json_dumps


def register(sub: Any) -> None:
    """Add the ``compare`` subcommand."""
    parser = sub.add_parser("compare", help="compare the competences of two profiles")
    parser.add_argument("a", metavar="A", help="the first profile file")
    parser.add_argument("b", metavar="B", help="the second profile file")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--mapping", type=Path, metavar="FILE", help="code mapping from A's e-CF version to B's"
    )
    add_loading_options(parser)
    parser.set_defaults(run=guarded(run))


def load_mapping_or_exit(path: Path | None) -> Any:
    """The mapping file given, or None; its diagnostics and exit 1 when it is invalid."""
    if path is None:
        return None
    from skillprofiles.cli.common import EXIT_FINDINGS, existing
    from skillprofiles.hr.versions import MappingError, load_mapping

    existing(str(path))
    try:
        return load_mapping(path)
    except MappingError as exc:
        print_diagnostics(str(path), exc.diagnostics)
        raise CommandError(EXIT_FINDINGS) from None


def run(args: argparse.Namespace) -> int:
    """Print the comparison; 0, 1 for an invalid input, 2 for usage errors and version mismatches."""
    from skillprofiles.hr.compare import compare
    from skillprofiles.hr.versions import VersionMismatchError

    (a, version_a), (b, version_b) = open_profile(args, args.a), open_profile(args, args.b)
    mapping = load_mapping_or_exit(args.mapping)
    try:
        result = compare(a, b, mapping, versions=(version_a, version_b))
    except VersionMismatchError as exc:
        raise CommandError(EXIT_USAGE, str(exc)) from None
    if args.format == "json":
        emit(json_dumps(comparison_document(result)))
    else:
        _print(comparison_renderables(result))
    return EXIT_OK


def _print(renderables: list[Any]) -> None:
    out = console()
    for renderable in renderables:
        out.print(renderable)


def _levels(levels: Any) -> str:
    return ", ".join(str(lv) for lv in levels)


def comparison_document(result: Any) -> dict[str, Any]:
    """The comparison as JSON data."""
    return {
        "a": result.a,
        "b": result.b,
        "ecf_version": result.version,
        "overlap": round(result.overlap, 4),
        "competence_overlap": round(result.competence_overlap, 4),
        "shared": [
            {
                "code": s.competence.code,
                "title": s.title,
                "levels_a": _levels(s.levels_a).split(", "),
                "levels_b": _levels(s.levels_b).split(", "),
                "difference": s.difference,
            }
            for s in result.shared
        ],
        "only_a": [{"code": c.code, "levels": [str(lv) for lv in lv_]} for c, lv_ in result.only_a],
        "only_b": [{"code": c.code, "levels": [str(lv) for lv in lv_]} for c, lv_ in result.only_b],
        "notes": result.notes,
    }


def comparison_renderables(result: Any) -> list[Any]:
    """Rich renderables: the shared table, the competences of one side only, the scores."""
    from rich.table import Table

    shared = Table("Code", "Competence", "A", "B", "B − A", title="Shared competences")
    for s in result.shared:
        shared.add_row(
            plain(s.competence.code),
            plain(s.title),
            _levels(s.levels_a),
            _levels(s.levels_b),
            f"{s.difference:+d}",
        )
    only = Table("Code", "Only in", "Levels", title="Competences in one profile only")
    for side, name in ((result.only_a, result.a), (result.only_b, result.b)):
        for cid, levels in side:
            only.add_row(plain(cid.code), plain(name), _levels(levels))
    lines = [
        plain(f"A: {result.a}    B: {result.b}    e-CF {result.version or '?'}"),
        shared,
        only,
        plain(f"Overlap (Jaccard over (competence, level) pairs): {result.overlap:.2f}"),
        plain(f"Competence overlap (Jaccard over competences): {result.competence_overlap:.2f}"),
    ]
    return lines + [plain(f"Note: {note}") for note in result.notes]
