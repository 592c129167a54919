""".ci/run runs the README's test command exactly, and that command installs the pinned versions."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Two commands\n.*?```sh\n(.*?)```", readme, re.S)
    assert block, "README.md has no 'Two commands' block"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    tests = [line for line in readme_commands() if "pytest" in line]
    assert len(tests) == 1, tests
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests[0] in ci, "the README's test command and .ci/run differ: keep them in step"


def test_the_test_command_uses_the_committed_constraints() -> None:
    (test,) = [line for line in readme_commands() if "pytest" in line]
    match = re.search(r"-c (\S+)", test)
    assert match, "the README's test command installs unpinned versions"
    pins = (ROOT / match.group(1)).read_text(encoding="utf-8")
    for package in ("pydantic", "pyyaml", "pytest", "hypothesis", "ruff", "mypy", "mkdocs-material"):
        assert re.search(rf"^{package}==", pins, re.M | re.I), f"{package} is not pinned in {match.group(1)}"
