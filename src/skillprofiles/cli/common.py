"""Shared plumbing of every command: exit codes, the error type, loading options, output, console."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skillprofiles.cli.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CommandError
from skillprofiles.cli.startup import start_up
from skillprofiles.diagnostics import Diagnostic, Report
from skillprofiles.textsafe import printable

if TYPE_CHECKING:
    from rich.console import Console

    from skillprofiles.engine.pipeline import Pipeline
    from skillprofiles.models import AnyProfile
    from skillprofiles.tuning.baseline import Baseline


def error(message: str) -> None:
    """Print an error line to stderr, control characters escaped."""
    sys.stderr.write(f"skillprofiles: error: {printable(message)}\n")


def print_diagnostics(file: str, diagnostics: list[Diagnostic]) -> None:
    """The diagnostics of one file, in the validate command's text format, on stderr."""
    from skillprofiles.render import RenderOptions
    from skillprofiles.render.concise import render_text

    report = Report(list(diagnostics), [file]).finish()
    sys.stderr.write(render_text(report, RenderOptions()))


def existing(path: str) -> Path:
    """The path, or CommandError(2) when it does not exist."""
    if not Path(path).exists():
        error(f"path does not exist: {path}")
        raise CommandError(EXIT_USAGE)
    return Path(path)


def open_profile(args: Any, path: str) -> tuple[AnyProfile, str | None]:
    """A profile read through the command's pipeline and the e-CF version it is read in; else its
    diagnostics and CommandError(1)."""
    from skillprofiles.source.profile import ProfileError

    existing(path)
    if Path(path).is_dir():
        raise CommandError(EXIT_USAGE, f"expected a profile file, got a directory: {path}")
    loaded = pipeline_from(args).read(path)
    try:
        profile = loaded.require()
    except ProfileError as exc:
        print_diagnostics(path, exc.diagnostics)
        raise CommandError(EXIT_FINDINGS) from None
    return profile, loaded.version.version if loaded.version is not None else None


def write(text: str, output: Path | None) -> None:
    """Text to a file, or to stdout."""
    if output is None:
        emit(text)
        return
    write_atomic(output, text, _READ)  # never over a file the command read; exit 2 on any OS error


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
            for message in getattr(exc, "messages", None) or ([exc.message] if exc.message else []):
                error(message)
            return exc.code

    wrapper.__doc__ = run.__doc__
    return wrapper


def emit(text: str) -> None:
    """Text to stdout; a reader that closed the pipe (``| head``) ends the output quietly, and any other
    write error is CommandError(2)."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_stdout()
    except OSError as exc:  # a full disk, a revoked descriptor: an I/O error (exit 2), not a traceback
        quiet_stdout()  # what is still buffered is lost either way; the final flush must not fail again
        raise CommandError(EXIT_USAGE, f"cannot write to standard output: {exc.strerror or exc}") from None


def quiet_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's final flush cannot fail again."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def add_loading_options(parser: Any) -> None:
    """The options every command reads profiles with: configuration, catalogue, e-CF version, limits."""
    group = parser.add_argument_group("loading (the same for every command)")
    group.add_argument("--config", type=Path, metavar="FILE", help="use this configuration file")
    group.add_argument("--no-config", action="store_true", help="ignore configuration files")
    group.add_argument("--catalogue", metavar="FILE", help="a catalogue file that extends the packaged one")
    group.add_argument(
        "--ecf-version",
        metavar="VERSION",
        help="e-CF version to assume for profiles that do not declare one (e.g. 2.0)",
    )
    group.add_argument("--max-file-size", type=_file_size, metavar="BYTES", help="largest file read")
    group.add_argument(
        "--max-depth",
        type=_positive,
        metavar="N",
        help="deepest nesting accepted (the reader caps it: docs/security.md)",
    )
    group.add_argument("--allow-aliases", action="store_true", help="accept anchors, aliases, merge keys")
    group.add_argument(
        "--follow-links", action="store_true", help="follow symbolic links out of the directories given"
    )


def _positive(text: str) -> int:
    import argparse

    if not text.isdigit() or len(text) > 12 or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text[:20]!r}")
    return int(text)


def _file_size(text: str) -> int:
    import argparse

    from skillprofiles.source.reader import MAX_BYTES_CEILING

    size = _positive(text)
    if size > MAX_BYTES_CEILING:
        raise argparse.ArgumentTypeError(f"the largest file size accepted is {MAX_BYTES_CEILING} bytes")
    return size


# every file a command names as an input (profiles, directories, assessment, mapping, configuration,
# baseline, catalogue): ``write`` never writes over one of them, whichever command it is
_READ: list[str] = []
_OUTPUTS = {"output", "html", "write", "write_baseline", "github_summary", "check"}


def _named_inputs(args: Any) -> list[str]:
    import os

    names = []
    for attribute, value in vars(args).items():
        candidates = value if isinstance(value, list) else [value]
        for item in candidates:
            if attribute not in _OUTPUTS and isinstance(item, (str, Path)) and not attribute.startswith("_"):
                try:
                    if os.path.lexists(item):
                        names.append(str(item))
                except (ValueError, TypeError):
                    continue
    return names


def pipeline_from(args: Any) -> Pipeline:
    """The command's one pipeline: configuration discovery, then the command line on top (built once)."""
    cached = getattr(args, "_pipeline", None)
    if cached is None:
        with start_up():  # the engine's imports and the catalogue: no collections (see start_up)
            cached = _build_pipeline(args)
        args._pipeline = cached
    return cached


def _build_pipeline(args: Any) -> Pipeline:
    from skillprofiles.cli.settings import build_config
    from skillprofiles.engine.pipeline import Pipeline

    config = build_config(args)
    _READ[:] = run_inputs(args, None, config) + _named_inputs(args)  # this command's inputs only
    return Pipeline.from_config(config, _loaded_baseline(args), _catalogue(config))


def _loaded_baseline(args: Any) -> Baseline | None:
    baseline = getattr(args, "_baseline", None)
    if baseline is None:  # no baseline: its module need not be imported to say so
        return None
    from skillprofiles.tuning.baseline import Baseline

    return baseline if isinstance(baseline, Baseline) else None


def _catalogue(config: Any) -> Any:
    from skillprofiles.catalogue import CatalogueError, configured_catalogue

    try:
        return configured_catalogue(config.catalogue_path)
    except CatalogueError as exc:
        print_diagnostics(exc.file, exc.diagnostics)
        raise CommandError(EXIT_USAGE, f"cannot use the catalogue file {exc.file}") from None


__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "CommandError",
    "add_loading_options",
    "console",
    "emit",
    "error",
    "existing",
    "guarded",
    "open_profile",
    "pipeline_from",
    "plain",
    "print_diagnostics",
    "quiet_stdout",
    "write",
]


def _same_file(a: str, b: str) -> bool:
    import os

    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)  # hard links too
    except (OSError, ValueError):
        return False


def write_atomic(path: str | Path, text: str, inputs: Any = (), *, append: bool = False) -> Path:
    """Write ``text`` to ``path`` (after its current text when ``append``), atomically: a temporary file
    in the same directory, then ``os.replace``, so that a full disk or a kill never leaves half a file.

    ``inputs`` are the files the run reads (profiles, repository files, configuration, baseline,
    catalogue, assessment) and directories whose profiles it reads; writing over one of them, directly
    or through a link, is refused (UsageError, exit 2), and so is every OS error. A symbolic link at
    ``path`` is kept: its target is replaced. The permissions of a replaced file are kept.
    """
    import contextlib
    import os
    import stat
    import tempfile

    from skillprofiles.cli.errors import UsageError

    target = str(path)
    real = os.path.realpath(target)
    for item in inputs:
        if item is None:
            continue
        name = str(item)
        if os.path.isdir(name) and not os.path.isdir(real):
            inside = os.path.commonpath([os.path.realpath(name), real]) == os.path.realpath(name)
            if inside and real.endswith((".yaml", ".yml")):
                raise UsageError([f"refusing to write over a profile this run reads: {target}"])
        elif _same_file(name, target):
            raise UsageError([f"refusing to write over a file this run reads: {target}"])
    if os.path.isdir(real):
        raise UsageError([f"cannot write {target}: it is a directory"])
    if os.path.exists(real) and not os.path.isfile(real):
        _write_special(real, target, text)  # /dev/null, /dev/stdout, a pipe: never replaced by a file
        return Path(target)
    directory, base = os.path.split(real)
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode) if os.path.exists(real) else None
        before = Path(real).read_text(encoding="utf-8", errors="replace") if append and mode else ""
        fd, temporary = tempfile.mkstemp(prefix=f".{base}.", suffix=".tmp", dir=directory or ".")
    except (OSError, ValueError) as exc:
        raise UsageError([f"cannot write {target}: {getattr(exc, 'strerror', None) or exc}"]) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(before + text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        os.replace(temporary, real)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UsageError([f"cannot write {target}: {exc.strerror or exc}"]) from None
    return Path(target)


def _write_special(real: str, target: str, text: str) -> None:
    """Write to a device or a named pipe in place: renaming a file over it would destroy it (as root,
    ``-o /dev/null`` would replace the device). Opened non-blocking: a pipe nobody reads is an error."""
    import os

    from skillprofiles.cli.errors import UsageError

    try:
        fd = os.open(real, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise UsageError([f"cannot write {target}: {exc.strerror or exc}"]) from None
    try:
        os.set_blocking(fd, True)  # the open did not wait; the writes may, as for any slow reader
        data = text.encode("utf-8")
        while data:
            data = data[os.write(fd, data) :]
    except OSError as exc:
        raise UsageError([f"cannot write {target}: {exc.strerror or exc}"]) from None
    finally:
        os.close(fd)


def run_inputs(args: Any, report: Report | None = None, config: Any = None) -> list[str]:
    """Every file (and directory of profiles) a command read: what ``write_atomic`` may never overwrite."""
    names: list[str] = list(report.files) if report is not None else []
    names += [str(p) for p in getattr(args, "paths", None) or ()]
    for attribute in ("repository", "baseline", "catalogue", "config", "assessment", "mapping"):
        value = getattr(args, attribute, None)
        if isinstance(value, (str, Path)):
            names.append(str(value))
    if config is not None:
        names += [n for n in (config.source, config.baseline_path, config.catalogue_path) if n]
    return names
