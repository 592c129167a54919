"""Every command's description, examples and exit codes, as ``--help`` prints them."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import Any

from skillprofiles.cli.errors import EXIT_USAGE


class Parser(argparse.ArgumentParser):
    """The parser of the command line and of each command: a usage error is exit 2, as ours are."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"skillprofiles: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


_EXITS = "exit codes: 0 {ok}, 1 {findings}, 2 usage, configuration or I/O error."

HELP: dict[str, tuple[str, str, dict[str, str]]] = {
    # command: (description, examples, exit code meanings)
    "validate": (
        "Check profile files and directories against the Appendix B structure, the e-CF and CEFR "
        "catalogues and each other; every finding at its file:line:col with a code and a hint.",
        "skillprofiles validate profiles/\n"
        "skillprofiles validate --format sarif -o results.sarif profiles/\n"
        "skillprofiles validate --fix profiles/\n"
        "cat sheet.yaml | skillprofiles validate --stdin-filename profiles/sheet.yaml -\n"
        "skillprofiles validate --statistics profiles/",
        {"ok": "no finding at or above --fail-on", "findings": "findings at or above --fail-on"},
    ),
    "rules": (
        "List every rule (code, name, default severity, fix, summary) or show one rule's documentation.",
        (
            "skillprofiles rules\n"
            "skillprofiles rules SP104\n"
            "skillprofiles rules --format markdown -o docs/rules.md"
        ),
        {"ok": "printed", "findings": "(not used)"},
    ),
    "schema": (
        "Print a JSON Schema of the file formats, write them all, or check that written ones are current.",
        (
            "skillprofiles schema profile\n"
            "skillprofiles schema --write schemas/\n"
            "skillprofiles schema --check schemas/"
        ),
        {"ok": "printed, written or current", "findings": "--check found a stale schema"},
    ),
    "show": (
        "Show a profile sheet in the terminal, sections in the order of the published sheet.",
        (
            "skillprofiles show profiles/WSP-G3-003.yaml\n"
            "skillprofiles show profiles/WSP-G3-003.yaml --migration 4.0"
        ),
        {"ok": "shown", "findings": "the profile did not load (its findings are printed)"},
    ),
    "matrix": (
        "Competences × profiles of a directory, each competence on one row whatever version a profile uses.",
        ("skillprofiles matrix profiles/\nskillprofiles matrix profiles/ --target 4.0 --html matrix.html"),
        {"ok": "every file loaded", "findings": "some files did not load (their findings are printed)"},
    ),
    "gap": (
        "A person's assessment against a profile, requirement by requirement, with a fit score.",
        "skillprofiles gap docs/examples/assessment.yaml profiles/WSP-G3-003.yaml",
        {"ok": "compared (and the fit is at least --fail-under)", "findings": "invalid input or fit too low"},
    ),
    "compare": (
        "Two profiles side by side: shared competences, levels, and an overlap score.",
        "skillprofiles compare profiles/WSP-G3-003.yaml profiles/online-community-manager.yaml",
        {"ok": "compared", "findings": "an input did not load"},
    ),
    "export": (
        "A profile as Markdown or HTML for publication, or as JSON or JSON-LD for machines.",
        "skillprofiles export profiles/WSP-G3-003.yaml --to html -o sheet.html",
        {"ok": "exported", "findings": "the profile did not load"},
    ),
    "fix": (
        "Apply the fixes the validator's findings carry, as minimal text edits: only the bytes a fix "
        "rewrites change (comments, layout and line endings stay); each file is written atomically "
        "(permissions kept), a file that changed since it was read is left alone, and running it twice "
        "changes nothing. Safe fixes only, unless --unsafe-fixes.",
        (
            "skillprofiles fix profiles/\n"
            "skillprofiles fix --diff profiles/\n"
            "skillprofiles fix --unsafe-fixes profiles/"
        ),
        {
            "ok": "nothing left at the fail level",
            "findings": "findings remain (with --diff: changes would be made)",
        },
    ),
    "new": (
        "Start a profile: every section of its template in the documented order, with comments.",
        "skillprofiles new --template wsp-g3 --code WSP-G3-022 --title 'Web Analyst' "
        "-o profiles/WSP-G3-022.yaml",
        {"ok": "written", "findings": "(not used)"},
    ),
    "team": (
        "Many assessments against many profiles: who fits which role best, and which competences nobody "
        "in the team meets.",
        "skillprofiles team docs/examples/assessment.yaml --profiles profiles/",
        {"ok": "compared", "findings": "an input did not load"},
    ),
    "lsp": (
        "A Language Server Protocol server over standard input and output: the validator's findings, "
        "quick fixes, hover and completion in any editor (see docs/editors.md). Needs the lsp extra.",
        "skillprofiles lsp\nskillprofiles lsp --catalogue our-framework.yaml",
        {"ok": "the editor shut the server down", "findings": "(not used)"},
    ),
    "catalogue": (
        "The packaged (or --catalogue) e-CF catalogue: a version's competences with level ranges and their "
        "evidence, one competence across versions, what changed between two versions.",
        (
            "skillprofiles catalogue list 4.0\n"
            "skillprofiles catalogue show D.7\n"
            "skillprofiles catalogue diff 2.0 4.0"
        ),
        {"ok": "printed", "findings": "(not used)"},
    ),
}


def describe(parsers: dict[str, Any]) -> None:
    """Give each registered subcommand its description, examples and exit codes."""
    for name, parser in parsers.items():
        if name not in HELP:
            continue
        description, examples, exits = HELP[name]
        parser.description = description
        indented = "\n".join("  " + line for line in examples.splitlines())
        parser.epilog = f"examples:\n{indented}\n\n{textwrap.fill(_EXITS.format(**exits), 100)}"
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
