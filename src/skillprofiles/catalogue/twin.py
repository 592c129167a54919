"""The packaged catalogue's JSON twin: generated from the YAML files, and checked against them."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path

import yaml

from skillprofiles.catalogue.model import PACKAGED, TWIN, yaml_digests

NOTE = (
    "Generated from the packaged YAML files (the reviewed source) by "
    "'python -m skillprofiles.catalogue.twin --write'; do not edit."
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


def main(argv: list[str] | None = None) -> int:
    """``--check``: exit 1 when the twin is stale; ``--write``: regenerate it."""
    parser = argparse.ArgumentParser(prog="python -m skillprofiles.catalogue.twin", description=__doc__)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--check", action="store_true", help="exit 1 when the twin differs from the YAML")
    action.add_argument("--write", action="store_true", help="regenerate the twin from the YAML")
    args = parser.parse_args(argv)
    path, text = twin_path(), twin_text()
    if args.write:
        path.write_text(text, encoding="utf-8")
        return 0
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        sys.stderr.write(f"{path}: differs from the YAML; regenerate with: {parser.prog} --write\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
