"""The pre-commit hooks, for real: a temporary repository runs them from a commit of this checkout."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.consumers import missing
from tests.minimal import WSP

# what pre-commit needs to build the hook's environment (`pip install .`)
HOOK_REPO_FILES = (".pre-commit-hooks.yaml", "pyproject.toml", "README.md", "src")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
SUMMARY = re.compile(r"^(?:Found|All checks passed) .* checked\)?\.$", re.M)  # one per run of the hook


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A git repository holding this checkout's working tree (committed or not), and its commit."""
    if importlib.util.find_spec("pre_commit") is None:
        missing("pre-commit is not installed", "pip install -e '.[test]'")
    if shutil.which("git") is None:
        missing("git is not installed: pre-commit cannot run", "apt-get install git")
    path = tmp_path_factory.mktemp("hooks")
    for name in HOOK_REPO_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, path / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, path / name)
    _git(path, "init", "-q")
    _git(path, "add", "-A")
    _git(path, "commit", "-q", "-m", "hooks under test")
    return path, _git(path, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PRE_COMMIT_HOME for the module: the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _configure(project: Path, hook_repo: tuple[Path, str], hooks: str) -> None:
    path, rev = hook_repo
    config = f"repos:\n  - repo: {path}\n    rev: {rev}\n    hooks:\n{hooks}"
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    if not (project / ".git").is_dir():
        _git(project, "init", "-q")
    _git(project, "add", "-A")


def _pre_commit(project: Path, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", **env}
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    done = subprocess.run(command, cwd=project, env=environ, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        log = (done.stdout + done.stderr)[-2000:]
        if "Installing environment" in done.stdout and "CalledProcessError" in log:
            # the hook's environment is built with pip from PyPI: without the network there is no hook
            missing(f"pre-commit could not build the hook's environment:\n{log}", "is PyPI reachable?")
        pytest.fail(f"pre-commit failed (exit {done.returncode}):\n{log}")
    return done


@pytest.mark.parametrize(
    "hook",
    ["skillprofiles-validate", "skillprofiles-validate-repo"],
    ids=["per-file (recommended)", "whole-directory (alternative)"],
)
def test_each_hook_passes_then_reports_a_finding_once(
    tmp_path: Path, hook_repo: tuple[Path, str], cache: Path, hook: str
) -> None:
    project = tmp_path / "project"
    (project / "profiles").mkdir(parents=True)
    (project / "profiles" / "WSP-G3-099.yaml").write_text(WSP, encoding="utf-8")
    (project / "notes.yaml").write_text(
        "not: a profile\n", encoding="utf-8"
    )  # outside profiles/: not checked
    _configure(project, hook_repo, f"      - id: {hook}\n")

    passing = _pre_commit(project, cache)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert passing.stdout.count("Passed") == 1, passing.stdout

    bad = project / "profiles" / "WSP-G3-098.yaml"
    bad.write_text(WSP.replace("WSP-G3-099", "WSP-G3-098").replace("levels: [e-2]", "levels: [e-6]"), "utf-8")
    _git(project, "add", "-A")
    failing = _pre_commit(project, cache)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert failing.stdout.count("Failed") == 1, failing.stdout
    finding = "profiles/WSP-G3-098.yaml:15:14: SP105 error 'e-6' is not a proficiency level"
    assert failing.stdout.count(finding) == 1, failing.stdout
    assert "notes.yaml" not in failing.stdout


# 32 profiles; three of them (first, middle and last by name) declare the same code
PROFILES = 32
DUPLICATED = ("WSP-G3-101.yaml", "WSP-G3-116.yaml", "WSP-G3-132.yaml")


def _many_profiles(project: Path) -> None:
    (project / "profiles").mkdir(parents=True)
    for n in range(101, 101 + PROFILES):
        name = f"WSP-G3-{n}.yaml"
        code = "WSP-G3-101" if name in DUPLICATED else f"WSP-G3-{n}"
        text = WSP.replace("WSP-G3-099", code).replace("Test Profile", f"Test Profile {n}")
        (project / "profiles" / name).write_text(text, encoding="utf-8")


def test_per_file_hook_finds_a_duplicate_code_spread_over_batches(
    tmp_path: Path, hook_repo: tuple[Path, str], cache: Path
) -> None:
    project = tmp_path / "project"
    _many_profiles(project)
    # pre-commit splits the file names into at least as many batches as it runs in parallel (one per
    # CPU); its own TRAVIS setting fixes that at 2, so the files come in two batches on every machine
    batches = {"TRAVIS": "1"}
    _configure(project, hook_repo, "      - id: skillprofiles-validate\n")

    failing = _pre_commit(project, cache, **batches)
    output = failing.stdout
    assert len(SUMMARY.findall(output)) == 2, f"expected two batches:\n{output}"
    assert failing.returncode == 1, output
    for name in DUPLICATED:
        found = re.findall(rf"^profiles/{re.escape(name)}:\d+:\d+: SP301 error .*$", output, re.M)
        assert len(found) == 1, f"{name}: {found}\n{output}"
    assert output.count(" SP301 ") == len(DUPLICATED), output

    # the premise: without the repository as context, each batch sees only its own files and misses
    # the duplicates it does not hold (the hook as it was before `--repository .` passed on this tree)
    (tmp_path / "empty").mkdir()
    hooks = f"      - id: skillprofiles-validate\n        args: [--repository, {tmp_path / 'empty'}]\n"
    _configure(project, hook_repo, hooks)
    alone = _pre_commit(project, cache, **batches)
    assert len(SUMMARY.findall(alone.stdout)) == 2, alone.stdout
    assert alone.stdout.count(" SP301 ") < len(DUPLICATED), alone.stdout
