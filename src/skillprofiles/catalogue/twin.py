"""The packaged catalogue's JSON twin: generated from the YAML files, and checked against them."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import yaml

from skillprofiles.catalogue.model import PACKAGED, TWIN, yaml_digests

NOTE = (
    "Generated from the packaged YAML files (the reviewed source) by "
    "'python -m tests.regenerate'; do not edit."
)


def twin_text() -> str:
    """The twin as it should be committed: each YAML file's data and the SHA-256 of its text."""
    texts = [_data_path(name).read_text(encoding="utf-8") for name in PACKAGED]
    files = [yaml.load(text, Loader=yaml.SafeLoader) for text in texts]  # the pure-Python reference
    document = {"note": NOTE, "sha256": yaml_digests(texts), "files": files}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def twin_path() -> Path:
    """Where the twin lives in the source tree (or the installed package)."""
    return _data_path(TWIN)


def _data_path(name: str) -> Path:
    return Path(str(resources.files("skillprofiles").joinpath("data").joinpath(name)))


def twin_is_current() -> bool:
    """Whether the committed twin is what the YAML gives now (a test fails while it is not)."""
    path = twin_path()
    return path.is_file() and path.read_text(encoding="utf-8") == twin_text()
