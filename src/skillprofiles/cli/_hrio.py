"""Shared plumbing of the HR commands: load inputs or report why not, write outputs, the rich console."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skillprofiles.diagnostics import Diagnostic, Report
from skillprofiles.render import RenderOptions, render_text
from skillprofiles.textsafe import printable

if TYPE_CHECKING:
    from rich.console import Console

    from skillprofiles.models import AnyProfile

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """Stop a command with an exit code; the message (if any) was printed or is printed by the caller."""

    def __init__(self, code: int, message: str | None = None) -> None:
        super().__init__(message or "")
        self.code = code
        self.message = message


def error(message: str) -> None:
    """Print an error line to stderr, control characters escaped."""
    sys.stderr.write(f"skillprofiles: error: {printable(message)}\n")


def print_diagnostics(file: str, diagnostics: list[Diagnostic]) -> None:
    """The diagnostics of one file, in the validate command's text format, on stderr."""
    report = Report(list(diagnostics), [file]).finish()
    sys.stderr.write(render_text(report, RenderOptions()))


def existing(path: str) -> Path:
    """The path, or CommandError(2) when it does not exist."""
    if not Path(path).exists():
        error(f"path does not exist: {path}")
        raise CommandError(EXIT_USAGE)
    return Path(path)


def load_profile(path: str) -> AnyProfile:
    """Load a profile or print its diagnostics and raise CommandError(1)."""
    from skillprofiles.loader import ProfileError, load

    existing(path)
    if Path(path).is_dir():
        error(f"expected a profile file, got a directory: {path}")
        raise CommandError(EXIT_USAGE)
    try:
        return load(path)
    except ProfileError as exc:
        print_diagnostics(path, exc.diagnostics)
        raise CommandError(EXIT_FINDINGS) from None


def write(text: str, output: Path | None) -> None:
    """Text to a file, or to stdout."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        error(f"cannot write {output}: {exc.strerror or exc}")
        raise CommandError(EXIT_USAGE) from None


def console() -> Console:
    """A rich console on stdout (plain text when stdout is not a terminal)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def plain(text: str) -> Any:
    """Untrusted text as a rich Text: never read as markup, control characters escaped."""
    from rich.text import Text

    return Text(printable(text))


def guarded(run: Any) -> Any:
    """Wrap a command's ``run`` so that CommandError becomes its exit code."""

    def wrapper(args: Any) -> int:
        try:
            return int(run(args))
        except CommandError as exc:
            if exc.message:
                error(exc.message)
            return exc.code

    wrapper.__doc__ = run.__doc__
    return wrapper


def add_version_option(parser: Any) -> None:
    """``--ecf-version``: the e-CF version assumed for profiles that do not declare one."""
    parser.add_argument(
        "--ecf-version",
        metavar="VERSION",
        help="e-CF version to assume for profiles that do not declare one (e.g. 2.0)",
    )
