"""``skillprofiles rules``: the table, one rule's page, JSON, unknown rules, and docs/rules.md kept fresh."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from skillprofiles.codes import docs as rulesdoc
from skillprofiles.codes.registry import all_rules, get
from tests.conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillprofiles", "rules", *args], capture_output=True, text=True, check=False
    )


def test_table_lists_every_rule() -> None:
    result = run()
    assert result.returncode == 0
    rows = result.stdout.splitlines()
    assert rows[0].split() == ["CODE", "NAME", "SEVERITY", "FIX", "SUMMARY"]
    assert [row.split()[0] for row in rows[1:]] == [r.code for r in all_rules()]
    columns = [row.split(None, 4) for row in rows]
    assert [
        "SP101",
        "missing-section",
        "error",
        "-",
        "A section or field the template requires is missing.",
    ] in columns
    assert ["SP104", "implicit-yaml-type", "error", "safe"] in [row[:4] for row in columns]
    assert any(row[:3] == ["SP901", "unused-suppression", "warning"] for row in columns)


def test_prefix_lists_a_subset() -> None:
    rows = run("SP9").stdout.splitlines()
    assert [row.split()[0] for row in rows[1:]] == ["SP901", "SP902", "SP903", "SP904", "SP910", "SP911"]


@pytest.mark.parametrize("selector", ["SP101", "sp101", "missing-section"])
def test_one_rule_shows_its_documentation(selector: str) -> None:
    result = run(selector)
    assert result.returncode == 0
    assert result.stdout.splitlines()[:3] == [
        "SP101 missing-section",
        "=====================",
        "Default severity: error. Scope: file. Fix: none.",
    ]
    assert get("SP101").doc in result.stdout


def test_json_for_one_and_for_all() -> None:
    one = json.loads(run("SP105", "--format", "json").stdout)
    assert {k: one[k] for k in ("code", "name", "severity", "scope")} == {
        "code": "SP105",
        "name": "invalid-value",
        "severity": "error",
        "scope": "file",
    }
    assert one["summary"] == (
        "A value is of the right type but not an allowed one: a proficiency level outside e-1..e-5, "
        "an e-CF code not of the form ``B.1``, a knowledge/skill code not like ``B11``."
    )
    every = json.loads(run("--format", "json").stdout)
    assert [r["code"] for r in every] == [r.code for r in all_rules()]


@pytest.mark.parametrize(
    ("selector", "message"),
    [
        ("SP1O1", "no rule 'SP1O1' (did you mean 'SP101'?)"),
        ("missing-sektion", "no rule 'missing-sektion' (did you mean 'missing-section'?)"),
        ("zzzz", "no rule 'zzzz'"),
    ],
)
def test_unknown_rule_exits_2_with_a_suggestion(selector: str, message: str) -> None:
    result = run(selector)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"skillprofiles: error: {message}\n")


def test_every_rule_documents_why_passing_and_failing() -> None:
    for entry in all_rules():
        assert "Why:" in entry.doc, entry.code
        assert "Passing" in entry.doc, entry.code
        assert "Failing" in entry.doc, entry.code


def test_markdown_turns_literal_blocks_into_fenced_yaml() -> None:
    text = rulesdoc.markdown([get("SP011")])
    assert "### SP011 duplicate-key\n\nDefault severity: **error**. Scope: file. Fix: none.\n" in text
    assert "Passing:\n\n```yaml\ntitle: Web Account Manager\nsummary_definition:" in text
    assert (
        "| [SP011](#sp011-duplicate-key) | `duplicate-key` | error | - | A mapping has the same key twice. |"
        in text
    )


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rulesdoc.markdown(), (
        f"docs/rules.md is stale; regenerate it with: {rulesdoc.REGENERATE}"
    )


def test_markdown_command_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "rules.md"
    assert run("--format", "markdown", "-o", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8") == rulesdoc.markdown()
