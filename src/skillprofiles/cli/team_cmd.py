"""``skillprofiles team``: assessments × profiles: who fits which role, what the team lacks."""

from __future__ import annotations

import argparse
from typing import Any

from skillprofiles.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    add_loading_options,
    console,
    emit,
    guarded,
    pipeline_from,
    plain,
    print_diagnostics,
)


def register(sub: Any) -> None:
    """Add the ``team`` subcommand."""
    parser = sub.add_parser("team", help="assessments × profiles: who fits which role, what the team lacks")
    parser.add_argument("assessments", metavar="ASSESSMENT", nargs="+", help="assessment files")
    parser.add_argument(
        "--profiles", nargs="+", required=True, metavar="PROFILE|DIR", help="profile files or directories"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--language", action="append", default=[], metavar="LANG", help="a working language")
    add_loading_options(parser)
    parser.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    """Print every fit, each person's best role and the competences no one meets."""
    from skillprofiles.cli.gap_cmd import load_assessment_or_exit
    from skillprofiles.hr.collection import ProfileCollection
    from skillprofiles.hr.rank import team
    from skillprofiles.hr.versions import VersionMismatchError
    from skillprofiles.textsafe import json_dumps

    assessments = [load_assessment_or_exit(path, args) for path in args.assessments]
    collection = ProfileCollection.from_paths(args.profiles, pipeline_from(args))
    for failure in collection.failures:
        print_diagnostics(failure.file, failure.diagnostics)
    if not collection.members:
        raise CommandError(EXIT_USAGE, "no profile to compare with")
    try:
        view = team(assessments, collection.members, None, args.language)
    except VersionMismatchError as exc:
        raise CommandError(EXIT_USAGE, str(exc)) from None
    if args.format == "json":
        emit(json_dumps(team_document(view)))
    else:
        for renderable in team_renderables(view):
            console().print(renderable)
    return EXIT_FINDINGS if collection.failures else EXIT_OK


def team_document(view: Any) -> dict[str, Any]:
    """The team view as JSON data."""
    return {
        "fits": [
            {"person": p, "profile": r, "fit": round(view.fit(p, r), 4)}
            for p in view.people
            for r in view.profiles
        ],
        "best_roles": [{"person": p, "profile": view.best_role(p)[0]} for p in view.people],
        "lacking": [
            {
                "code": lack.competence.code,
                "version": lack.competence.version,
                "title": lack.title,
                "required": lack.required,
                "best_in_team": lack.best,
                "profiles": list(lack.profiles),
            }
            for lack in view.lacking
        ],
    }


def team_renderables(view: Any) -> list[Any]:
    """Fits (people × profiles, best role marked) and the competences the team lacks, every text inert."""
    from rich.table import Table

    fits = Table("Person", title="Fit by person and profile")
    for profile in view.profiles:
        fits.add_column(plain(profile), justify="center")
    for person in view.people:
        best = view.best_role(person)[0]
        cells = [f"{view.fit(person, p):.2f}" + (" *" if p == best else "") for p in view.profiles]
        fits.add_row(plain(person), *cells)
    lacking = Table("Code", "Competence", "Required", "Best in team", "Profiles", title="What the team lacks")
    for lack in view.lacking:
        lacking.add_row(
            plain(lack.competence.code), plain(lack.title), f"e-{lack.required}",
            f"e-{lack.best}" if lack.best else "—", plain(", ".join(lack.profiles)),
        )  # fmt: skip
    return [fits, plain("* the profile each person fits best"), lacking]
