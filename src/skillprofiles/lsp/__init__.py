"""``skillprofiles lsp``: the validator as a Language Server Protocol server over stdio.

The server needs the ``lsp`` extra (pygls, lsprotocol). Importing this package, or any module of it
but :mod:`skillprofiles.lsp.server`, does not import them: ``skillprofiles --help`` and every other
command stay as fast as without the extra.

- :mod:`~skillprofiles.lsp.workspace`: one check of an editor's buffer, as ``validate`` gives it
- :mod:`~skillprofiles.lsp.fixes`: the fixes code actions offer (where ``skillprofiles fix`` plugs in)
- :mod:`~skillprofiles.lsp.knowledge`: hover and completion from the catalogue and the models
- :mod:`~skillprofiles.lsp.positions`: the CLI's positions to LSP's (UTF-16 by default) and back
- :mod:`~skillprofiles.lsp.server`: the LSP plumbing (pygls)
"""

from __future__ import annotations

import importlib.util

INSTALL_HINT = "pip install 'skillprofiles[lsp]'"
REQUIRES = ("pygls", "lsprotocol")


def missing_dependency_message() -> str | None:
    """None when the server can run; otherwise the sentence the command prints before exiting 2."""
    missing = [name for name in REQUIRES if importlib.util.find_spec(name) is None]
    if not missing:
        return None
    verb = "is" if len(missing) == 1 else "are"
    return (
        f"skillprofiles lsp needs {' and '.join(missing)}, which {verb} not installed; "
        f"install the language server's dependencies with: {INSTALL_HINT}"
    )


__all__ = ["INSTALL_HINT", "missing_dependency_message"]
