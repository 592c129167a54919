"""``skillprofiles gap``: a person's assessment against a profile, requirement by requirement."""

from __future__ import annotations

import argparse
import json
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
    open_profile,
    plain,
    print_diagnostics,
)
from skillprofiles.cli.compare_cmd import load_mapping_or_exit


def register(sub: Any) -> None:
    """Add the ``gap`` subcommand."""
    parser = sub.add_parser("gap", help="gap analysis of an assessment against a profile")
    parser.add_argument("assessment", metavar="ASSESSMENT", help="an assessment file (YAML or JSON)")
    parser.add_argument("profile", metavar="PROFILE", help="a profile file")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE",
        help="code mapping from the assessment's e-CF version to the profile's",
    )
    parser.add_argument(
        "--fail-under", type=float, metavar="FIT", help="exit 1 when the fit score is below FIT (0 to 1)"
    )
    add_loading_options(parser)
    parser.set_defaults(run=guarded(run))


def load_assessment_or_exit(path: str) -> Any:
    """The assessment, or its diagnostics and exit 1."""
    from skillprofiles.hr.assessment import AssessmentError, load_assessment

    existing(path)
    try:
        return load_assessment(path)
    except AssessmentError as exc:
        print_diagnostics(path, exc.diagnostics)
        raise CommandError(EXIT_FINDINGS) from None


def run(args: argparse.Namespace) -> int:
    """Print the gap report; 0 (1 below ``--fail-under``), 1 invalid input, 2 usage or version mismatch."""
    from skillprofiles.hr.gap import gap
    from skillprofiles.hr.versions import VersionMismatchError

    assessment = load_assessment_or_exit(args.assessment)
    profile, version = open_profile(args, args.profile)
    mapping = load_mapping_or_exit(args.mapping)
    try:
        report = gap(assessment, profile, mapping, version)
    except VersionMismatchError as exc:
        raise CommandError(EXIT_USAGE, str(exc)) from None
    if args.format == "json":
        print(json.dumps(gap_document(report), ensure_ascii=False, indent=2))
    else:
        _print(gap_renderables(report))
    failed = args.fail_under is not None and report.fit < args.fail_under
    return EXIT_FINDINGS if failed else EXIT_OK


def gap_document(report: Any) -> dict[str, Any]:
    """The gap report as JSON data."""
    return {
        "person": report.person,
        "profile": report.profile,
        "ecf_version": report.version,
        "fit": round(report.fit, 4),
        "competences": [
            {
                "code": g.competence.code,
                "title": g.title,
                "required": str(g.required),
                "demonstrated": str(g.demonstrated) if g.demonstrated else None,
                "status": g.status.value,
                "levels_below": g.shortfall,
                "next_level": str(g.next_level) if g.next_level else None,
            }
            for g in report.competences
        ],
        "languages": [
            {
                "language": g.language,
                "required": g.required,
                "demonstrated": g.demonstrated,
                "status": g.status.value,
                "preferred": g.preferred,
            }
            for g in report.languages
        ],
        "notes": report.notes,
    }


def _print(renderables: list[Any]) -> None:
    out = console()
    for renderable in renderables:
        out.print(renderable)


def _status(g: Any) -> str:
    return f"below by {g.shortfall}" if g.status.value == "below" else g.status.value


def gap_renderables(report: Any) -> list[Any]:
    """Rich renderables: competence and language tables, the fit score and the notes."""
    from rich.table import Table

    table = Table(
        "Code",
        "Competence",
        "Required",
        "Demonstrated",
        "Status",
        "Next level",
        title=f"{report.person} against {report.profile}",
    )
    for g in report.competences:
        table.add_row(
            plain(g.competence.code),
            plain(g.title),
            str(g.required),
            str(g.demonstrated) if g.demonstrated else "—",
            _status(g),
            str(g.next_level) if g.next_level else "—",
        )
    items: list[Any] = [table]
    if report.languages:
        languages = Table("Language", "Required", "Demonstrated", "Status", title="Languages")
        for lg in report.languages:
            status = lg.status.value + (" (preferred)" if lg.preferred else "")
            languages.add_row(
                plain(lg.language), plain(lg.required or "any"), plain(lg.demonstrated or "—"), status
            )
        items.append(languages)
    items.append(plain(f"Fit: {report.fit:.2f} (mean credit over required competences and languages)"))
    return items + [plain(f"Note: {note}") for note in report.notes]
