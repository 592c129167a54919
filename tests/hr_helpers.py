"""Helpers of the HR and export tests: write profiles and assessments into a temporary directory."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import PROFILES
from tests.minimal import WSP

WSP_003 = PROFILES / "WSP-G3-003.yaml"
ROLE_OCM = PROFILES / "online-community-manager.yaml"
DOCS = PROFILES.parent / "docs"


def wsp(
    code: str = "WSP-G3-099", version: str = "2.0", competences: str | None = None, title: str = ""
) -> str:
    """The minimal WSP-G3 profile with another code, e-CF version and (YAML) competence list."""
    text = WSP.replace("WSP-G3-099", code).replace("ecf_version: '2.0'", f"ecf_version: '{version}'")
    if title:
        text = text.replace("title: Test Profile", f"title: {title}")
    if competences is not None:
        start = text.index("competences:\n")
        end = text.index("abilities_knowledge:")
        text = (
            text[:start] + "competences:\n" + textwrap.indent(textwrap.dedent(competences), "  ") + text[end:]
        )
    return text


def write(directory: Path, name: str, text: str) -> Path:
    """Write a (dedented) text file and return its path."""
    path = directory / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def cli(*args: object, columns: int | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m skillprofiles ARGS`` in a subprocess. With ``columns``, in a clean environment with a
    terminal that wide and UTF-8 output (what rich wraps at is then fixed); else in this one's."""
    env = None
    if columns is not None:
        env = {"COLUMNS": str(columns), "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "skillprofiles", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
