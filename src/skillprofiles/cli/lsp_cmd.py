"""``skillprofiles lsp``: the validator as a language server over stdio (needs the ``lsp`` extra)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from skillprofiles.cli.common import EXIT_USAGE, add_loading_options


def register(sub: Any) -> None:
    """Add the ``lsp`` subcommand."""
    parser = sub.add_parser(
        "lsp",
        help="run the language server (LSP over stdio) for editors",
        description=(
            "Serve the Language Server Protocol over stdin and stdout: the findings of 'validate' while "
            "typing, quick fixes, hover and completion. Each document is read with the configuration "
            "found from its directory upwards, with the loading options below on top. Needs the 'lsp' "
            "extra: pip install 'skillprofiles[lsp]'."
        ),
    )
    parser.add_argument(
        "--stdio", action="store_true", help="accepted for clients that pass it; stdio is the only transport"
    )
    parser.add_argument(
        "--debounce-ms",
        type=_milliseconds,
        default=200,
        metavar="MS",
        help="wait this long after the last change before checking (default 200)",
    )
    add_loading_options(parser)
    parser.set_defaults(run=run)


def _milliseconds(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a number of milliseconds, not {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Serve until the client exits; 2 with the install command when pygls is missing."""
    from skillprofiles.lsp import missing_dependency_message

    message = missing_dependency_message()
    if message is not None:
        sys.stderr.write(f"skillprofiles: error: {message}\n")
        return EXIT_USAGE
    from skillprofiles.cli.settings import build_config
    from skillprofiles.lsp.server import serve
    from skillprofiles.lsp.workspace import Settings
    from skillprofiles.tuning.config import Config

    def configure(base: Config) -> Config:
        return build_config(args, base)

    settings = Settings(config_file=args.config, no_config=args.no_config, configure=configure)
    return serve(settings, debounce=args.debounce_ms / 1000)


__all__ = ["register", "run"]
