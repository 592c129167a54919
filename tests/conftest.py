"""Shared helpers: check a YAML text and project its findings to (code, line, column)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from skillprofiles.diagnostics import Diagnostic
from skillprofiles.engine.checker import Checker
from skillprofiles.source.reader import parse_text

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
SHARED = ROOT.parent / "shared"


def children(pid: int) -> list[int]:
    """The live child processes of ``pid``: in Linux's /proc, whose parent it is and not a zombie."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def printed(code: str, *args: str, **options: Any) -> str:
    """What ``python -c code ARGS`` prints in a fresh interpreter, whose ``sys.modules`` then tells what
    the code imported; ``options`` go to :func:`subprocess.run` (``cwd``, ``env``)."""
    run = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, **options
    )
    return run.stdout


def findings(text: str, checker: Checker | None = None) -> list[Diagnostic]:
    """Every diagnostic of a profile given as (dedented) YAML text."""
    parsed = parse_text(textwrap.dedent(text), "test.yaml")
    checker = checker or Checker()
    return checker.finish([checker.check_parsed(parsed)]).diagnostics


def where(text: str, checker: Checker | None = None) -> list[tuple[str, int, int]]:
    """The (code, line, column) of every diagnostic of a YAML text."""
    return [(d.code, d.line, d.column) for d in findings(text, checker)]


@pytest.fixture
def shared_dir() -> Path:
    """The shared/ folder beside the checkout (seeds, reference, corpora)."""
    if not SHARED.is_dir():
        pytest.skip("shared/ is not beside this checkout")
    return SHARED
