"""``skillprofiles export``: a profile as Markdown or HTML for publication, or as JSON or JSON-LD."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from skillprofiles.cli.common import EXIT_OK, add_loading_options, guarded, open_profile, write

FORMATS = ("markdown", "html", "json", "jsonld")


def register(sub: Any) -> None:
    """Add the ``export`` subcommand."""
    parser = sub.add_parser("export", help="export a profile as Markdown, HTML, JSON or JSON-LD")
    parser.add_argument("profile", metavar="PROFILE", help="a profile file")
    parser.add_argument("--to", choices=FORMATS, required=True, help="the output format")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to a file instead of stdout")
    parser.add_argument("--base-uri", metavar="URI", help="base of the JSON-LD profile @id")
    add_loading_options(parser)
    parser.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    """Write the export; 0, 1 for an invalid profile, 2 for usage or I/O errors."""
    from skillprofiles.export import export

    profile, version = open_profile(args, args.profile)
    write(export(profile, args.to, version, args.base_uri), args.output)
    return EXIT_OK
