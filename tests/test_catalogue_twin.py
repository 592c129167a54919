"""The packaged catalogue's JSON twin holds exactly the YAML's data, and a stale twin is never used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from skillprofiles.catalogue import model
from skillprofiles.catalogue.twin import twin_is_current, twin_path, twin_text


def _from_yaml() -> list[dict[str, object]]:
    return [yaml.load(model._data_file(name), Loader=yaml.SafeLoader) for name in model.PACKAGED]


def test_the_committed_twin_is_what_the_yaml_gives() -> None:
    assert twin_path().read_text(encoding="utf-8") == twin_text(), (
        "src/skillprofiles/data/catalogue.json is stale; regenerate it with: "
        ".venv/bin/python -m tests.regenerate"
    )
    assert twin_is_current()


def test_the_twin_is_used_and_its_data_is_the_yaml_data(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_yaml(*args: object, **kwargs: object) -> None:
        raise AssertionError("the packaged YAML was parsed although the twin is current")

    monkeypatch.setattr(model.yaml, "load", no_yaml)
    files = model.packaged_files()
    monkeypatch.undo()
    expected = _from_yaml()
    assert files == expected
    assert json.dumps(files) == json.dumps(expected)  # the same keys in the same order, the same types


@pytest.mark.parametrize("twin", ["{}", "not json", '{"sha256": {"ecf.yaml": "0"}, "files": []}', "[]"])
def test_a_stale_or_broken_twin_falls_back_to_the_yaml(monkeypatch: pytest.MonkeyPatch, twin: str) -> None:
    read = model._data_file
    monkeypatch.setattr(model, "_data_file", lambda name: twin if name == model.TWIN else read(name))
    assert model.packaged_files() == _from_yaml()


def test_a_missing_twin_falls_back_to_the_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    read = model._data_file

    def without_twin(name: str) -> str:
        if name == model.TWIN:
            raise FileNotFoundError(name)
        return read(name)

    monkeypatch.setattr(model, "_data_file", without_twin)
    assert model.packaged_files() == _from_yaml()


def test_a_stale_twin_is_told(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("skillprofiles.catalogue.twin.twin_text", lambda: "{}\n")
    assert not twin_is_current()


def test_packaged_files_are_found_through_importlib_resources_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # a package that is not a directory (imported from a zip) is read through importlib.resources
    direct = model._data_file("cefr.yaml")
    monkeypatch.setattr(model, "_DATA", tmp_path / "missing")
    assert model._data_file("cefr.yaml") == direct
