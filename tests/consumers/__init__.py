"""Where the consumer tests find the real tools they run (npm packages installed by install.sh, xmllint)."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).parent
# set by .ci/run: a consumer that is missing fails the test instead of skipping it
REQUIRED = "SKILLPROFILES_REQUIRE_CONSUMERS"


def cache_dir() -> Path:
    """The directory install.sh fills: $SKILLPROFILES_CONSUMERS, else one named after the lock file."""
    if os.environ.get("SKILLPROFILES_CONSUMERS"):
        return Path(os.environ["SKILLPROFILES_CONSUMERS"])
    key = hashlib.sha256((HERE / "package-lock.json").read_bytes()).hexdigest()[:16]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "skillprofiles-consumers" / key


def missing(reason: str, remedy: str = "install the consumers with tests/consumers/install.sh") -> None:
    """Skip, saying why and what to do; in CI (REQUIRED set) fail instead."""
    message = f"{reason}; {remedy}"
    if os.environ.get(REQUIRED):
        pytest.fail(f"{message} ({REQUIRED} is set)")
    pytest.skip(message)


def node_package(relative: str) -> Path:
    """A file inside the installed node_modules (e.g. ``yaml-language-server/bin/...``)."""
    path = cache_dir() / "node_modules" / relative
    if not path.is_file():
        missing(f"{path} is not installed")
    return path


def node() -> str:
    """The Node.js binary that runs the npm consumers."""
    found = shutil.which("node") or shutil.which("nodejs")
    if found is None:
        missing("Node.js is not installed (apt-get install nodejs npm)")
    assert found is not None
    return found


def program(name: str, package: str) -> str:
    """A program on the PATH (``xmllint``), or a skip naming the Debian package that has it."""
    found = shutil.which(name)
    if found is None:
        missing(f"{name} is not installed (apt-get install {package})")
    assert found is not None
    return found
