"""The wheel carries the type marker, the licence and the packaged data (built when a build backend is there).

.ci/run builds the wheel and sdist with `python -m build`, checks them with twine and installs the wheel
alone; this test checks the wheel's contents, building it with the backend pyproject.toml names.
"""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    if importlib.util.find_spec("hatchling") is None:
        pytest.skip("hatchling is not installed; .ci/run builds and checks the wheel with python -m build")
    from hatchling.builders.wheel import WheelBuilder

    out = tmp_path_factory.mktemp("dist")
    built = [Path(p) for p in WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"])]
    return zipfile.ZipFile(built[0])


def test_the_wheel_carries_py_typed_licence_and_data(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "skillprofiles/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), sorted(names)
    assert any(n.startswith("skillprofiles/data/") for n in names)
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = wheel.read(metadata).decode()
    assert "License-Expression: MIT" in text
    assert not any(n.startswith(("tests/", "profiles/")) for n in names)
