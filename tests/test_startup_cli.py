"""The command line's start-up region, the executable's exit, and write errors on standard output."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from skillprofiles.cli import main
from skillprofiles.cli.startup import start_up

ROOT = Path(__file__).resolve().parent.parent
PROFILE = str(ROOT / "profiles" / "online-community-manager.yaml")

# a site hook in the child: an object whose finaliser speaks at teardown, and optionally an exit function
SITE = """
import sys

class Speaker:
    def __del__(self):
        sys.stderr.write("teardown ran\\n")

speaker = Speaker()
"""
AT_EXIT = """
import atexit
atexit.register(lambda: sys.stderr.write("exit function ran\\n"))
"""
SCRIPT = "import sys\nfrom skillprofiles.cli import script\nsys.argv[1:] = sys.argv[1:]\nscript()\n"


def executable(tmp_path: Path, *args: str, exit_function: bool = False, **options: Any) -> Any:
    """The ``skillprofiles`` executable's function run in a child, with the site hook above."""
    (tmp_path / "sitecustomize.py").write_text(SITE + (AT_EXIT if exit_function else ""))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **options}
    return subprocess.run([sys.executable, "-c", SCRIPT, *args], text=True, env=env, **streams)


def test_the_start_up_region_turns_collections_off_and_back_as_found() -> None:
    assert gc.isenabled()
    with start_up():
        assert not gc.isenabled()
        with start_up():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner region leaves the switch to the outer one
    assert gc.isenabled()
    gc.disable()
    try:
        with start_up():
            pass
        assert not gc.isenabled()  # found off, left off
    finally:
        gc.enable()


def test_the_pipeline_is_built_without_collections_and_the_run_collects(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from skillprofiles.engine.pipeline import Pipeline

    seen: list[bool] = []
    built = Pipeline.from_config

    def spy(*args: Any, **kwargs: Any) -> Pipeline:
        seen.append(gc.isenabled())
        return built(*args, **kwargs)

    monkeypatch.setattr(Pipeline, "from_config", spy)
    assert main(["validate", "--format", "json", PROFILE]) == 0
    assert seen == [False]
    assert gc.isenabled()
    assert json.loads(capsys.readouterr().out)["summary"]["warning"] == 10


def test_the_executable_skips_teardown_when_nothing_is_registered(tmp_path: Path) -> None:
    run = executable(tmp_path, "validate", "--format", "json", PROFILE)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["summary"]["warning"] == 10  # all of it written before the exit
    assert "teardown ran" not in run.stderr


def test_the_executable_exits_as_usual_when_an_exit_function_is_registered(tmp_path: Path) -> None:
    run = executable(tmp_path, "validate", "--fail-on", "warning", PROFILE, exit_function=True)
    assert run.returncode == 1
    assert run.stdout.endswith("Found 0 errors, 10 warnings, 0 infos in 1 file checked.\n")
    assert "exit function ran" in run.stderr
    assert "teardown ran" in run.stderr


def test_the_executable_keeps_argparse_exits(tmp_path: Path) -> None:
    run = executable(tmp_path, "validate", "--no-such-option")
    assert run.returncode == 2
    assert "Traceback" not in run.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("entry", ["script", "module"])
def test_a_full_standard_output_is_an_io_error_not_a_traceback(tmp_path: Path, entry: str) -> None:
    with open("/dev/full", "w") as full:
        if entry == "script":
            run = executable(tmp_path, "validate", PROFILE, stdout=full)
        else:
            command = [sys.executable, "-m", "skillprofiles", "validate", PROFILE]
            run = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "skillprofiles: error: cannot write to standard output: No space left on device"
    ]
