"""Helpers for the rule tests: one rule at a time, on a variant of a minimal profile."""

from __future__ import annotations

from pathlib import Path

from skillprofiles import validate
from skillprofiles.engine.checker import Checker
from skillprofiles.tuning.config import Config
from tests.conftest import findings, where
from tests.minimal import ROLE, WSP


def only(code: str, text: str, **config: object) -> list[tuple[str, int, int]]:
    """The (code, line, column) of the findings of one rule on a YAML text."""
    return where(text, Checker(Config(select=(code,)).with_changes(**config)))


def messages(code: str, text: str, **config: object) -> list[tuple[str, str | None]]:
    """The (message, hint) of the findings of one rule on a YAML text."""
    checker = Checker(Config(select=(code,)).with_changes(**config))
    return [(d.message, d.hint) for d in findings(text, checker)]


def wsp(version: str = "2.0", competences: str | None = None) -> str:
    """The minimal WSP-G3 profile citing ``version``, its competences replaced when given."""
    text = WSP.replace("ecf_version: '2.0'", f"ecf_version: '{version}'")
    if competences is not None:
        head, rest = text.split("competences:\n", 1)
        tail = rest[rest.index("abilities_knowledge:") :]
        text = head + "competences:\n" + competences + tail
    return text


def role(version: str | None = "4.0") -> str:
    """The minimal role profile, citing ``version`` (none when None)."""
    text = ROLE.replace("ecf_version: '4.0'\n", "")
    return text + (f"ecf_version: '{version}'\n" if version else "")


def run_files(
    tmp_path: Path, files: dict[str, str], code: str, **kwargs: object
) -> list[tuple[str, str, int, int]]:
    """Write files under tmp_path, validate the directory, and return (file name, code, line, column)."""
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = validate(tmp_path, config=Config(select=(code,)), **kwargs)  # type: ignore[arg-type]
    return [(Path(d.file).name, d.code, d.line, d.column) for d in report]
