"""The CI page and the hook file stay usable: every command they show parses, every hook they name exists."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from skillprofiles.cli import build_parser
from tests.conftest import ROOT

CI_PAGE = ROOT / "docs" / "ci.md"
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def yaml_blocks(path: Path) -> list[Any]:
    """Every ```yaml block of a Markdown page, parsed."""
    text = path.read_text(encoding="utf-8")
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def commands(value: Any) -> list[str]:
    """Every ``skillprofiles …`` command line inside a parsed YAML value."""
    if isinstance(value, dict):
        return [c for v in value.values() for c in commands(v)]
    if isinstance(value, list):
        return [c for v in value for c in commands(v)]
    if isinstance(value, str):
        return [m.group(0) for m in re.finditer(r"skillprofiles validate[^\n&|#]*", value)]
    return []


def hooks() -> dict[str, dict[str, Any]]:
    return {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}


def test_the_ci_page_shows_both_ci_systems_and_the_sarif_upload() -> None:
    blocks = yaml_blocks(CI_PAGE)
    workflow = blocks[0]
    steps = workflow["jobs"]["validate"]["steps"]
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif@") for step in steps)
    assert workflow["jobs"]["validate"]["permissions"]["security-events"] == "write"
    gitlab = blocks[1]["skillprofiles"]
    assert gitlab["artifacts"]["reports"]["junit"] == "skillprofiles-junit.xml"


@pytest.mark.parametrize("line", commands(yaml_blocks(CI_PAGE)) + [h["entry"] for h in hooks().values()])
def test_every_documented_command_parses(line: str) -> None:
    args = build_parser().parse_args([*shlex.split(line)[1:], *([] if "profiles/" in line else ["profiles"])])
    assert args.command == "validate"


def test_documented_hook_ids_exist_and_no_finding_is_printed_twice() -> None:
    defined = hooks()
    assert set(defined) == {"skillprofiles-validate", "skillprofiles-validate-repo"}
    configs = [b for b in yaml_blocks(CI_PAGE) if isinstance(b, dict) and "repos" in b]
    # the documented configuration names one hook: both together would report every finding twice
    assert [[h["id"] for h in c["repos"][0]["hooks"]] for c in configs] == [["skillprofiles-validate"]]
    # the per-file hook reads the tree it runs in as context, whatever batch pre-commit gives it
    assert shlex.split(defined["skillprofiles-validate"]["entry"])[-2:] == ["--repository", "."]
    assert defined["skillprofiles-validate"]["types"] == ["yaml"]
    repo_hook = defined["skillprofiles-validate-repo"]
    assert repo_hook["pass_filenames"] is False
    assert repo_hook["args"] == ["profiles"]
