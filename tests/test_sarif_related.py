"""SARIF carries a finding's related places (SP301: the other files with the same code) as data."""

from __future__ import annotations

import json
from pathlib import Path

from skillprofiles.engine.checker import Checker
from skillprofiles.render import RENDERERS, RenderOptions
from tests.minimal import WSP


def test_duplicate_code_lists_the_other_files_as_related_locations(
    tmp_path: Path, monkeypatch: object
) -> None:
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "WSP-G3-099.yaml").write_text(WSP, encoding="utf-8")
    report = Checker().check_paths([tmp_path])
    document = json.loads(RENDERERS["sarif"](report, RenderOptions()))
    results = [r for r in document["runs"][0]["results"] if r["ruleId"] == "SP301"]
    assert len(results) == 3
    first = results[0]
    related = first["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2]
    uris = [r["physicalLocation"]["artifactLocation"]["uri"] for r in related]
    assert all(uri.endswith("WSP-G3-099.yaml") for uri in uris)
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] not in uris
    assert all(r["physicalLocation"]["region"]["startLine"] == 2 for r in related)
