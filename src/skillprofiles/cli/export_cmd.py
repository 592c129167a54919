"""``skillprofiles export``: a profile as Markdown or HTML for publication, or as JSON or JSON-LD."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from skillprofiles.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    add_loading_options,
    guarded,
    open_profile,
    write,
)

FORMATS = ("markdown", "html", "json", "jsonld")


def register(sub: Any) -> None:
    """Add the ``export`` subcommand."""
    parser = sub.add_parser("export", help="export a profile as Markdown, HTML, JSON or JSON-LD")
    parser.add_argument("profile", metavar="PROFILE", help="a profile file")
    parser.add_argument("--to", choices=FORMATS, required=True, help="the output format")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to a file instead of stdout")
    parser.add_argument("--base-uri", metavar="URI", help="base of the JSON-LD profile @id")
    add_template_option(parser)
    add_loading_options(parser)
    parser.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    """Write the export; 0, 1 for an invalid profile, 2 for usage or I/O errors."""
    from skillprofiles.export import export

    templates = template_dir(args)
    profile, version = open_profile(args, args.profile)
    write(rendered(lambda: export(profile, args.to, version, args.base_uri, templates)), args.output)
    return EXIT_OK


def add_template_option(parser: Any) -> None:
    """The ``--template DIR`` option of the commands that write HTML."""
    parser.add_argument(
        "--template",
        metavar="DIR",
        help="HTML templates that replace the packaged ones of the same name "
        "(page.html.j2, style.css.j2, sheet.html.j2, matrix.html.j2)",
    )


def template_dir(args: argparse.Namespace) -> Path | None:
    """The ``--template`` directory, or CommandError(2) when it is not one."""
    if args.template is None:
        return None
    path = Path(args.template)
    if not path.is_dir():
        raise CommandError(EXIT_USAGE, f"--template: not a directory: {args.template}")
    return path


def rendered(render: Callable[[], str]) -> str:
    """What ``render`` returns; a template that fails is a usage error (exit 2) saying where."""
    from skillprofiles.export.html import TemplateError

    try:
        return render()
    except TemplateError as exc:
        raise CommandError(EXIT_USAGE, str(exc)) from None
