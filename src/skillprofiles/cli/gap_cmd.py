"""``skillprofiles gap``: a person's assessment against a profile, requirement by requirement."""

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
    emit,
    existing,
    guarded,
    open_profile,
    pipeline_from,
    plain,
    print_diagnostics,
)
from skillprofiles.cli.compare_cmd import load_mapping_or_exit
from skillprofiles.textsafe import json_dumps


def register(sub: Any) -> None:
    """Add the ``gap`` subcommand."""
    parser = sub.add_parser("gap", help="gap analysis of an assessment against profiles, best fit first")
    parser.add_argument("assessment", metavar="ASSESSMENT", help="an assessment file (YAML or JSON)")
    parser.add_argument(
        "profile", metavar="PROFILE|DIR", nargs="+", help="a profile file; several, or directories: a ranking"
    )
    parser.add_argument("--format", choices=("text", "json", "csv"), default="text", help="output format")
    parser.add_argument("--top", type=int, metavar="N", help="with several profiles, show the N best")
    parser.add_argument(
        "--language",
        action="append",
        default=[],
        metavar="LANG",
        help="a working language that a sheet's 'national language' placeholder stands for (repeatable)",
    )
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


def load_assessment_or_exit(path: str, args: Any = None) -> Any:
    """The assessment checked against the catalogue, or its diagnostics and exit 1 (warnings on stderr)."""
    from skillprofiles.cli.common import pipeline_from
    from skillprofiles.hr.assessment import AssessmentError, read_assessment

    existing(path)
    catalogue = pipeline_from(args).catalogue if args is not None else None
    loaded = read_assessment(path, catalogue=catalogue)
    try:
        assessment = loaded.require()
    except AssessmentError as exc:
        print_diagnostics(path, exc.diagnostics)
        raise CommandError(EXIT_FINDINGS) from None
    if loaded.diagnostics:
        print_diagnostics(path, loaded.diagnostics)
    return assessment


def run(args: argparse.Namespace) -> int:
    """Print the gap report (a ranking with several profiles); 0 (1 below ``--fail-under``), 1 invalid
    input, 2 usage or version mismatch."""
    from skillprofiles.hr.gap import gap
    from skillprofiles.hr.versions import VersionMismatchError

    assessment = load_assessment_or_exit(args.assessment, args)
    mapping = load_mapping_or_exit(args.mapping)
    if len(args.profile) > 1 or Path(existing(args.profile[0])).is_dir():
        return _rank(args, assessment, mapping)
    profile, version = open_profile(args, args.profile[0])
    try:
        report = gap(assessment, profile, mapping, version, args.language)
    except VersionMismatchError as exc:
        raise CommandError(EXIT_USAGE, str(exc)) from None
    if args.format == "csv":
        from skillprofiles.export.tables import gap_rows, to_csv

        emit(to_csv(gap_rows([(args.profile[0], profile.title, report)])))
    elif args.format == "json":
        emit(json_dumps(gap_document(report)))
    else:
        _print(gap_renderables(report))
    failed = args.fail_under is not None and report.fit < args.fail_under
    return EXIT_FINDINGS if failed else EXIT_OK


def _rank(args: argparse.Namespace, assessment: Any, mapping: Any) -> int:
    from skillprofiles.hr.collection import ProfileCollection
    from skillprofiles.hr.rank import rank
    from skillprofiles.hr.versions import VersionMismatchError

    collection = ProfileCollection.from_paths(args.profile, pipeline_from(args))
    for failure in collection.failures:
        print_diagnostics(failure.file, failure.diagnostics)
    try:
        ranking = rank(assessment, collection, mapping, args.top, args.language)
    except VersionMismatchError as exc:
        raise CommandError(EXIT_USAGE, str(exc)) from None
    if args.format == "csv":
        from skillprofiles.export.tables import gap_rows, to_csv

        emit(to_csv(gap_rows([(r.file, r.title, r.report) for r in ranking])))
    elif args.format == "json":
        document = [
            {"place": r.place, "file": r.file, "title": r.title, **gap_document(r.report)} for r in ranking
        ]
        emit(json_dumps(document))
    else:
        console().print(ranking_table(assessment.person, ranking))
    best = ranking[0].fit if ranking else 0.0
    failed = collection.failures or (args.fail_under is not None and best < args.fail_under)
    return EXIT_FINDINGS if failed else EXIT_OK


def ranking_table(person: str, ranking: list[Any]) -> Any:
    """The ranking as a rich table: place, profile, fit and main gaps; every text inert."""
    from rich.table import Table

    table = Table("#", "Profile", "Title", "Fit", "Main gaps", title=plain(f"{person}: profiles by fit"))
    for r in ranking:
        gaps = ", ".join(f"{g.competence.code} {_status(g)}" for g in r.main_gaps) or "—"
        table.add_row(str(r.place), plain(r.report.profile), plain(r.title), f"{r.fit:.2f}", plain(gaps))
    return table


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
                "placeholder": g.placeholder,
                "matched": g.matched,
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
        title=plain(f"{report.person} against {report.profile}"),
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
            if lg.placeholder:
                status += f" (placeholder: {lg.matched})" if lg.matched else " (placeholder)"
            languages.add_row(
                plain(lg.language), plain(lg.required or "any"), plain(lg.demonstrated or "—"), plain(status)
            )
        items.append(languages)
    items.append(plain(f"Fit: {report.fit:.2f} (mean credit over required competences and languages)"))
    return items + [plain(f"Note: {note}") for note in report.notes]
