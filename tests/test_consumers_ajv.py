"""Ajv (ajv-cli, draft 2020-12, reading YAML with js-yaml) agrees with the validator on profiles/."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PROFILES, ROOT
from tests.consumers import node, node_package
from tests.minimal import ROLE, WSP

SCHEMA = ROOT / "schemas" / "profile.schema.json"


def ajv(data: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``ajv validate --spec=draft2020 -c ajv-formats`` as a user runs it: strict mode on, as by default."""
    cli = node_package("ajv-cli/dist/index.js")
    command = [node(), str(cli), "validate", "--spec=draft2020", "-c", "ajv-formats", *extra]
    command += ["-s", str(SCHEMA), "-d", str(data), "--errors=json"]
    # run from the install so that `-c ajv-formats` resolves the pinned package
    where = cli.parents[2]
    return subprocess.run(command, cwd=where, capture_output=True, text=True, check=False, timeout=60)


def errors_of(done: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    """The JSON error list ajv-cli prints after the "invalid" line."""
    text = done.stderr
    found: list[dict[str, Any]] = json.loads(text[text.index("[") :])
    return found


@pytest.mark.parametrize("profile", sorted(PROFILES.glob("*.yaml")), ids=lambda p: p.name)
def test_ajv_accepts_every_reference_profile_in_strict_mode(profile: Path) -> None:
    done = ajv(profile)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith(" valid"), done.stdout
    assert "strict mode" not in done.stderr, done.stderr  # Ajv's schema checks find nothing to say


def test_ajv_rejects_what_the_validator_rejects(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    missing.write_text(WSP.replace("kpi_areas: [Sales]\n", ""), encoding="utf-8")
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(ROLE.replace("levels: [e-3]", "levels: e-3"), encoding="utf-8")
    done = ajv(missing)
    assert done.returncode == 1, done.stdout + done.stderr
    assert {"keyword": "required", "missing": "kpi_areas"} in [
        {"keyword": e["keyword"], "missing": e["params"].get("missingProperty")} for e in errors_of(done)
    ]
    done = ajv(wrong)
    assert done.returncode == 1, done.stdout + done.stderr
    assert ("/competences/0/levels", "must be array") in [
        (e["instancePath"], e["message"]) for e in errors_of(done)
    ]


def test_ajv_reads_an_unquoted_date_as_a_date(tmp_path: Path) -> None:
    """js-yaml, as most YAML readers, reads ``date: 2013-02-14`` as a date: why the profiles quote it."""
    reference = next(p for p in sorted(PROFILES.glob("*.yaml")) if "date: '" in p.read_text("utf-8"))
    unquoted = tmp_path / reference.name
    text = reference.read_text(encoding="utf-8")
    start = text.index("date: '")
    end = text.index("'", start + len("date: '"))
    unquoted.write_text(text[:start] + "date: " + text[start + 7 : end] + text[end + 1 :], "utf-8")
    shutil.copy2(reference, tmp_path / "quoted.yaml")
    assert ajv(tmp_path / "quoted.yaml").returncode == 0
    done = ajv(unquoted)
    assert done.returncode == 1, done.stdout + done.stderr
    first = errors_of(done)[0]
    assert (first["instancePath"], first["message"]) == ("/source/date", "must be string,null")
