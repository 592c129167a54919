"""``--format github`` annotations of real output lie on one line, as GitHub shows them in a pull request."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.minimal import ROLE, WSP
from tests.test_render import parse_command


def annotations(cwd: Path, *paths: str) -> list[tuple[str, dict[str, str], str]]:
    done = subprocess.run(
        [sys.executable, "-m", "skillprofiles", "validate", "--format", "github", *paths],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    return [parse_command(line) for line in done.stdout.splitlines() if line.startswith("::")]


def test_a_missing_section_is_annotated_on_the_first_line_of_its_mapping(tmp_path: Path) -> None:
    # the whole file lacks 'mission' (SP101 spans lines 1 to the end); a nested mapping lacks 'language'
    (tmp_path / "role.yaml").write_text(ROLE.replace("mission:", "# mission:"), encoding="utf-8")
    nested = WSP.replace("    - language: English\n      min_level: C1\n", "    - min_level: C1\n")
    (tmp_path / "WSP-G3-099.yaml").write_text(nested, encoding="utf-8")
    found = annotations(tmp_path, "role.yaml", "WSP-G3-099.yaml")
    missing = {props["file"]: props for _, props, _ in found if props["title"].startswith("SP101 ")}
    first = ROLE.splitlines()[0]
    assert missing["role.yaml"] == {
        "file": "role.yaml",
        "line": "1",
        "endLine": "1",
        "col": "1",
        "endColumn": str(len(first) + 1),
        "title": "SP101 missing-section",
    }
    inner = missing["WSP-G3-099.yaml"]
    line = nested.splitlines()[int(inner["line"]) - 1]
    assert line.strip() == "- min_level: C1"
    assert inner["endLine"] == inner["line"]
    assert (inner["col"], inner["endColumn"]) == (str(line.index("min_level") + 1), str(len(line) + 1))
    # every other finding lies on one line too, with its columns
    assert all(props["line"] == props["endLine"] and "col" in props for _, props, _ in found)


def test_a_wrong_type_is_annotated_at_its_value(tmp_path: Path) -> None:
    (tmp_path / "role.yaml").write_text(ROLE.replace("levels: [e-3]", "levels: e-3"), encoding="utf-8")
    found = annotations(tmp_path, "role.yaml")
    [(name, props, message)] = [f for f in found if f[1]["title"].startswith("SP103 ")]
    line = ROLE.replace("levels: [e-3]", "levels: e-3").splitlines()[int(props["line"]) - 1]
    assert name == "error"
    assert line[int(props["col"]) - 1 : int(props["endColumn"]) - 1] == "e-3"
    assert "should be a list" in message
