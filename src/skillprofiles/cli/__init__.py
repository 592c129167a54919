"""The command line: the only place that parses arguments, prints or exits."""

from __future__ import annotations

import os
import sys

from skillprofiles._version import __version__
from skillprofiles.cli.errors import EXIT_OK, EXIT_USAGE
from skillprofiles.source import MissingLibyamlError

TYPE_CHECKING = False  # not typing's: `skillprofiles --version` imports neither typing nor re
if TYPE_CHECKING:  # argparse and every command's plumbing are imported where a parser is built
    import argparse
    from collections.abc import Sequence
    from typing import NoReturn

# command name -> its module, in --help order; a command's module is imported only when it is
# registered, and a run of one command registers that one only (see build_parser)
COMMANDS: dict[str, str] = {
    "validate": "validate_cmd",
    "fix": "fix_cmd",
    "new": "new_cmd",
    "rules": "rules_cmd",
    "catalogue": "catalogue_cmd",
    "schema": "schema_cmd",
    "show": "show_cmd",
    "matrix": "matrix_cmd",
    "gap": "gap_cmd",
    "compare": "compare_cmd",
    "team": "team_cmd",
    "export": "export_cmd",
    "lsp": "lsp_cmd",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered, or only the command ``only``.

    Importing every command's module costs a one-file run a tenth of its start-up (the HR and
    export packages, the language server's options); when the command to run is known, the
    others need not exist: the top-level parser then sees nothing but that command's name.
    """
    import importlib

    from skillprofiles.cli.help import Parser, describe

    parser = Parser(prog="skillprofiles", description="Validate and query e-CF competency profiles.")
    parser.add_argument("--version", action="version", version=f"skillprofiles {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name, module in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(f"skillprofiles.cli.{module}").register(sub)
    describe(sub.choices)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``skillprofiles`` script; returns the exit code."""
    _never_fail_on_encoding()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--version"]:  # what argparse's version action prints, without building a parser
        sys.stdout.write(f"skillprofiles {__version__}\n")
        raise SystemExit(EXIT_OK)
    _without_pydantic_plugins()
    # the first argument is the command's name (the top level has no option taking a value): then
    # only that command is registered, and every argument after it is that command's to parse
    first = arguments[0] if arguments else None
    from skillprofiles.cli.startup import start_up

    with start_up():
        parser = build_parser(first if first in COMMANDS else None)
        args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except MissingLibyamlError as exc:
        sys.stderr.write(f"skillprofiles: error: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("skillprofiles: interrupted\n")
        return 130
    except BrokenPipeError:  # the reader of our output went away (``| head``): end quietly
        from skillprofiles.cli.common import quiet_stdout

        quiet_stdout()
        return EXIT_OK


def script() -> NoReturn:
    """The ``skillprofiles`` executable: :func:`main`, then its exit code.

    When nothing is registered to run at exit (no ``atexit`` function: no coverage, no multiprocessing, no
    temporary directory, no logging) and no other thread runs, the process ends with ``os._exit`` once
    stdout and stderr are flushed: the interpreter's teardown frees every object of every module one by
    one, a twentieth of a one-file run, for a process that is ending anyway. Otherwise it exits as
    usual, running whatever was registered.
    """
    code = main()
    if _flushed() and _nothing_at_exit():
        os._exit(code)
    raise SystemExit(code)


def _flushed() -> bool:
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed or broken stream: let the usual exit deal with it
            return False
    return True


def _nothing_at_exit() -> bool:
    import atexit

    count = getattr(atexit, "_ncallbacks", None)  # CPython's count of registered exit functions
    if count is None or count() != 0:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def _never_fail_on_encoding() -> None:
    # profile text can hold any character; a console that cannot show one (cp1252, ascii) gets an escape
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


# the values of PYDANTIC_DISABLE_PLUGINS with which pydantic itself loads no plugin at all
PLUGINS_OFF = ("__all__", "1", "true")
_PLUGIN_LOADER = "pydantic.plugin._loader"


def _without_pydantic_plugins() -> None:
    """Let the command line's models run without pydantic plugins, unless PYDANTIC_DISABLE_PLUGINS asks
    for them (any value other than those in PLUGINS_OFF, e.g. empty: every plugin is loaded).

    pydantic's plugin loader imports importlib.metadata (and with it email) and scans every installed
    distribution's entry points when the first validator is built: 6 % of a one-file run. A plugin
    (tracing, say) has nothing to observe in a command's own internal models, and a broken one would
    warn on every run. With the variable unset or "off", this installs a loader that finds no plugin,
    which is what pydantic's own loader returns for those values. Only ``main`` does this (for the rest of
    its process); the library API never does.
    """
    if (
        os.environ.get("PYDANTIC_DISABLE_PLUGINS", "__all__") not in PLUGINS_OFF
        or _PLUGIN_LOADER in sys.modules
    ):
        return
    import types

    loader = types.ModuleType(_PLUGIN_LOADER, "No pydantic plugins: the command line runs without them.")
    loader.get_plugins = lambda *_args, **_kwargs: ()  # type: ignore[attr-defined]
    # any other name (one a later pydantic imports from its loader) comes from the real loader, so
    # the stand-in can only ever skip the plugin scan, never break an import
    loader.__getattr__ = _real_loader_attribute  # type: ignore[method-assign]
    sys.modules[_PLUGIN_LOADER] = loader


def _real_loader_attribute(name: str) -> object:
    """``name`` from pydantic's own plugin loader, executed apart from the stand-in on first need."""
    if name.startswith("__"):  # the import system asks modules for __path__ and the like
        raise AttributeError(name)
    import importlib.util
    from importlib.machinery import PathFinder

    import pydantic.plugin

    spec = PathFinder.find_spec(_PLUGIN_LOADER, list(pydantic.plugin.__path__))
    if spec is None or spec.loader is None:
        raise AttributeError(name)
    real = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(real)
    return getattr(real, name)
