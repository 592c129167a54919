"""Hostile profile text through every export format and HR output of the CLI: it stays inert text."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.hr_helpers import DOCS, WSP_003, cli, write, wsp

# terminal escapes (CSI, OSC 8 link), a bidi override, NEL (C1), a CI workflow command, Markdown
# table and HTML markup, rich markup
TITLE = "Evil \x1b[2J \x1b]8;;http://x.example\x1b\\link\x1b]8;;\x1b\\ \u202e \x85 \x9b31m"
HOSTILE = TITLE + " ::error file=x::boom | <script>alert(1)</script> [bold]b[/bold]"
YAML = json.dumps(HOSTILE)  # a YAML double-quoted scalar
LINE_START = "::warning::line start"
# C0 controls but tab and newline, DEL, C1, line/paragraph separators, bidi embeddings and isolates
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def run(*args: object) -> subprocess.CompletedProcess[str]:
    return cli(*args, columns=400)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    profiles = folder / "profiles"
    profiles.mkdir()
    text = (
        wsp("WSP-G3-098", title=YAML)
        .replace("- Plan things", f"- {YAML}\n  - {json.dumps(LINE_START)}")
        .replace("title: Design and Development", f"title: {YAML}")
        .replace("text: English, minimum level C1", f"text: {YAML}")
        .replace("summary_definition: Does things.", f"summary_definition: {json.dumps(LINE_START)}")
    )
    profile = write(profiles, "WSP-G3-098.yaml", text)
    assessment = (DOCS / "examples" / "assessment.yaml").read_text(encoding="utf-8")
    person = write(folder, "person.yaml", assessment.replace("person: A. Candidate", f"person: {YAML}"))
    return {"profile": profile, "profiles": profiles, "person": person}


def inert(out: str, what: object) -> None:
    found = UNSAFE.search(out)
    assert found is None, (what, repr(found.group()) if found else None, out[:300])
    commands = [line for line in out.splitlines() if line.lstrip().startswith("::")]
    assert commands == [], what


@pytest.mark.parametrize("to", ["markdown", "html", "json", "jsonld"])
def test_every_export_format_is_inert(files: dict[str, Path], to: str) -> None:
    result = run("export", files["profile"], "--to", to)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    inert(out, to)
    if to == "html":
        assert "<script>" not in out
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
        assert "Evil \\e[2J \\e]8;;http://x.example\\e\\link" in out
    elif to == "markdown":
        assert "<script>" not in out
        rows = [line for line in out.splitlines() if line.startswith("|") and "Evil" in line]
        assert len(rows) == 2  # the competence and the language row
        assert all(len(re.findall(r"(?<!\\)\|", row)) == 5 for row in rows), rows  # no cell added
        assert "\\::warning::line start" in out
    else:
        data = json.loads(out)  # the escapes are JSON's: the data is the profile's, unchanged
        name = data["title"] if to == "json" else data["name"]
        assert name == HOSTILE


def test_matrix_in_every_format_is_inert(files: dict[str, Path], tmp_path: Path) -> None:
    heat = tmp_path / "heat.html"
    for fmt in ("text", "csv", "json"):
        result = run("matrix", files["profiles"], "--format", fmt, "--html", heat)
        assert result.returncode == 0, result.stderr
        inert(result.stdout, fmt)
        inert(heat.read_text(encoding="utf-8"), "heat map")
        if fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(result.stdout)))
            assert all(len(row) == 8 for row in rows)  # no cell split or added
            assert rows[0]["title"].startswith("Evil \\e[2J \\e]8;;http://x.example")
    assert "<script>" not in heat.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "csv", "json"])
@pytest.mark.parametrize("many", [False, True], ids=["gap", "rank"])
def test_gap_and_rank_are_inert(files: dict[str, Path], fmt: str, many: bool) -> None:
    target = files["profiles"] if many else files["profile"]
    result = (
        run("gap", files["person"], target, WSP_003, "--format", fmt)
        if many
        else run("gap", files["person"], target, "--format", fmt, "--language", HOSTILE)
    )
    assert result.returncode == 0, result.stderr
    inert(result.stdout, (fmt, many))
    inert(result.stderr, (fmt, many))
    if fmt == "text":
        assert "[bold]b[/bold]" in result.stdout
    if fmt == "json":
        data = json.loads(result.stdout)
        assert (data[0] if many else data)["person"] == HOSTILE


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_team_compare_and_show_are_inert(files: dict[str, Path], fmt: str) -> None:
    commands = [
        ("team", files["person"], "--profiles", files["profiles"], WSP_003, "--format", fmt),
        ("compare", files["profile"], WSP_003, "--format", fmt),
    ]
    if fmt == "text":
        commands.append(("show", files["profile"]))
    for args in commands:
        result = run(*args)
        assert result.returncode == 0, (args, result.stderr)
        inert(result.stdout, args)
        if fmt == "text" and args[0] != "compare":  # compare shows codes and official titles only
            assert "[bold]b[/bold]" in result.stdout, args
        elif fmt == "json":
            json.loads(result.stdout)
