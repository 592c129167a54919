"""``skillprofiles rules``: list every rule, or show one rule's documentation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from skillprofiles.cli.common import EXIT_OK, EXIT_USAGE, guarded, write_atomic
from skillprofiles.codes import docs as rulesdoc
from skillprofiles.codes.registry import Rule, all_rules, code_of_name, resolve


def register(sub: Any) -> None:
    """Add the ``rules`` subcommand."""
    parser = sub.add_parser("rules", help="list the rules, or show one rule's documentation")
    parser.add_argument(
        "rule", nargs="?", metavar="RULE", help="a code (SP101), a name or a code prefix (SP1)"
    )
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="output format"
    )
    parser.add_argument("-o", "--output", type=Path, help="write to a file instead of stdout")
    parser.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    """Print the table, one rule's page, or the Markdown reference; 2 for a rule that does not exist."""
    chosen = all_rules() if args.rule is None else resolve(args.rule)
    if not chosen:
        from skillprofiles.tuning.config import (
            did_you_mean,  # reads YAML limits: not needed for the happy path
        )

        sys.stderr.write(f"skillprofiles: error: no rule {args.rule!r}{did_you_mean(args.rule)}\n")
        return EXIT_USAGE
    single = chosen[0] if args.rule is not None and _exact(args.rule, chosen) else None
    text = _render(args.format, chosen, single)
    if args.output:
        write_atomic(args.output, text)  # a directory or an unwritable place: exit 2, no traceback
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _exact(selector: str, chosen: list[Rule]) -> bool:
    return len(chosen) == 1 and (
        code_of_name(selector) is not None or selector.strip().upper() == chosen[0].code
    )


def _render(fmt: str, chosen: list[Rule], single: Rule | None) -> str:
    if fmt == "markdown":
        return rulesdoc.markdown(chosen)
    if fmt == "json":
        return rulesdoc.to_json(single if single is not None else chosen)
    return rulesdoc.page(single) if single is not None else rulesdoc.table(chosen)
