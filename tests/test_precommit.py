"""The pre-commit hooks, for real: a temporary repository runs them from a commit of this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
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


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _hook_repo(path: Path) -> str:
    """A git repository holding this checkout's working tree (committed or not); returns its commit."""
    for name in HOOK_REPO_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, path / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, path / name)
    _git(path, "init", "-q")
    _git(path, "add", "-A")
    _git(path, "commit", "-q", "-m", "hooks under test")
    return _git(path, "rev-parse", "HEAD")


def _project(path: Path, hook_repo: Path, rev: str) -> None:
    (path / "profiles").mkdir(parents=True)
    (path / "profiles" / "good.yaml").write_text(WSP, encoding="utf-8")
    (path / "notes.yaml").write_text("not: a profile\n", encoding="utf-8")  # outside profiles/: not checked
    config = f"""\
repos:
  - repo: {hook_repo}
    rev: {rev}
    hooks:
      - id: skillprofiles-validate
      - id: skillprofiles-validate-repo
"""
    (path / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git(path, "init", "-q")
    _git(path, "add", "-A")


def _pre_commit(project: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)


def test_hooks_pass_then_fail_in_a_real_repository(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install -e '.[test]')")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    hooks, project = tmp_path / "hooks", tmp_path / "project"
    hooks.mkdir()
    _project(project, hooks, _hook_repo(hooks))

    passing = _pre_commit(project, tmp_path / "cache")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert passing.stdout.count("Passed") == 2, passing.stdout

    bad = project / "profiles" / "bad.yaml"
    bad.write_text(WSP.replace("levels: [e-2]", "levels: [e-6]"), encoding="utf-8")
    _git(project, "add", "-A")
    failing = _pre_commit(project, tmp_path / "cache")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert failing.stdout.count("Failed") == 2, failing.stdout
    # the per-file hook and the repository hook each report the finding at its place
    finding = "profiles/bad.yaml:15:14: SP105 error 'e-6' is not a proficiency level"
    assert failing.stdout.count(finding) == 2, failing.stdout
    assert "notes.yaml" not in failing.stdout
