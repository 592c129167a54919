"""One way in: every command and the library read a profile through the same configured pipeline."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from skillprofiles import Pipeline, load, loads, validate
from skillprofiles.hr import ProfileCollection
from skillprofiles.tuning.config import Config
from tests.conftest import PROFILES
from tests.minimal import WSP

SRC = Path(__file__).resolve().parent.parent / "src" / "skillprofiles"
OCM = PROFILES / "online-community-manager.yaml"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillprofiles", *args], capture_output=True, text=True, check=False, cwd=cwd
    )


def test_every_command_reads_the_undeclared_version_as_validate_infers_it() -> None:
    pipeline = Pipeline.from_config()
    decision = pipeline.version_of(load(OCM))
    assert (decision.version, decision.how, decision.candidates) == ("2.0", "inferred", ("1.0", "2.0"))
    validated = run("validate", "--no-hints", "--select", "SP201", str(OCM))
    assert "assumed e-CF 2.0 (tie: 1.0 and 2.0" in validated.stdout
    exported = json.loads(run("export", str(OCM), "--to", "jsonld").stdout)
    assert "/ecf/2.0/" in json.dumps(exported)
    assert "/ecf/unspecified/" not in json.dumps(exported)
    compared = json.loads(
        run("compare", str(OCM), str(PROFILES / "WSP-G3-003.yaml"), "--format", "json").stdout
    )
    # both are read in 2.0 (the Online Community Manager by the tie rule): no version note
    assert (compared["ecf_version"], compared["notes"]) == ("2.0", [])
    collection = ProfileCollection.from_paths([PROFILES])
    assert [m.version for m in collection] == ["2.0", "2.0"]


def test_configured_default_version_reaches_every_command(tmp_path: Path) -> None:
    (tmp_path / ".skillprofiles.yaml").write_text("default_ecf_version: '3.0'\n", encoding="utf-8")
    copy = tmp_path / "online-community-manager.yaml"
    copy.write_text(OCM.read_text(encoding="utf-8"), encoding="utf-8")
    jsonld = run("export", copy.name, "--to", "jsonld", cwd=tmp_path).stdout
    assert "/ecf/3.0/" in jsonld
    shown = run("show", copy.name, cwd=tmp_path).stdout.splitlines()
    assert [line.split() for line in shown if line.startswith("e-CF version")] == [["e-CF", "version", "3.0"]]
    assert "/ecf/2.0/" in run("export", copy.name, "--to", "jsonld", "--no-config", cwd=tmp_path).stdout
    pipeline = Pipeline.discover(tmp_path)
    assert pipeline.version_of(pipeline.load(copy)).how == "configured"


def test_matrix_of_the_reference_profiles_has_one_row_per_competence() -> None:
    matrix = run("matrix", str(PROFILES))
    assert matrix.returncode == 0, matrix.stderr
    rows = [line for line in matrix.stdout.splitlines() if "(e-CF" in line]
    assert len(rows) == 19
    assert sum("B.1 " in row for row in rows) == 1
    assert run("matrix", str(PROFILES), "--target", "9.9").returncode == 2


def test_a_suppressed_error_of_a_profile_that_did_not_load_is_not_a_pass(tmp_path: Path) -> None:
    profile = tmp_path / "WSP-G3-099.yaml"
    profile.write_text(WSP.replace("levels: [e-2]", "levels: [e-6]  # skillprofiles: ignore[SP105]"), "utf-8")
    result = run("validate", "--no-hints", str(profile))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"{profile}:1:1: SP904 error profile did not load, so its catalogue and profile rules did not run; "
        "its own findings are suppressed or in the baseline"
    )
    # it is not configurable: ignoring it changes nothing
    assert run("validate", "--ignore", "SP904", str(profile)).returncode == 1


@pytest.mark.parametrize("where", ["flag", "file"])
def test_an_unusable_catalogue_is_a_usage_error_however_it_is_named(tmp_path: Path, where: str) -> None:
    profile = tmp_path / "WSP-G3-099.yaml"
    profile.write_text(WSP, encoding="utf-8")
    if where == "file":
        (tmp_path / ".skillprofiles.yaml").write_text("catalogue: nope.yaml\n", encoding="utf-8")
        result = run("validate", "--fail-on", "never", profile.name, cwd=tmp_path)
    else:
        result = run("validate", "--catalogue", "nope.yaml", "--fail-on", "never", profile.name, cwd=tmp_path)
    assert result.returncode == 2
    assert "passed" not in result.stdout + result.stderr
    for command in (["show", profile.name], ["export", profile.name, "--to", "json"], ["matrix", "."]):
        flags = ["--catalogue", "nope.yaml"] if where == "flag" else []
        assert run(*command, *flags, cwd=tmp_path).returncode == 2, command


def test_every_command_accepts_the_same_loading_options() -> None:
    for command in ("validate", "show", "export", "matrix", "gap", "compare"):
        text = run(command, "--help").stdout
        for option in ("--config", "--no-config", "--catalogue", "--ecf-version", "--max-depth"):
            assert option in text, (command, option)


def test_a_closed_output_pipe_ends_quietly() -> None:
    script = (
        "import subprocess, sys\n"
        "p = subprocess.Popen([sys.executable, '-m', 'skillprofiles', 'rules'], stdout=subprocess.PIPE,"
        " stderr=subprocess.PIPE)\n"
        "p.stdout.read(10); p.stdout.close(); err = p.stderr.read(); print(p.wait(), repr(err))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    code, err = out.split(" ", 1)
    assert code in ("0", "-13")  # 0: ended quietly; a kill by SIGPIPE is quiet too, never exit 1
    assert "Traceback" not in err
    assert "BrokenPipe" not in err


def test_library_entry_points_share_the_pipeline(tmp_path: Path) -> None:
    text = WSP.replace("title: Test Profile", "title: Test Profile\nunknown_key: 1")
    pipeline = Pipeline.from_config(Config(ignore=("SP102",)))
    assert pipeline.loads(WSP, "x.yaml").title == "Test Profile"
    assert pipeline.reads(text, "x.yaml").diagnostics == []
    with pytest.raises(Exception, match="unknown key"):
        loads(text, "x.yaml")
    path = tmp_path / "WSP-G3-099.yaml"
    path.write_text(text, encoding="utf-8")
    assert [d.code for d in validate(path)] == ["SP102"]
    assert [d.code for d in validate(path, pipeline=pipeline)] == []


def _imports(path: Path) -> set[str]:
    """Every skillprofiles module a file imports, at any level (TYPE_CHECKING and function bodies too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("skillprofiles"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("skillprofiles"))
    return {m for m in found if m != package}


def test_the_package_has_no_import_cycle() -> None:
    modules = {
        ".".join(p.relative_to(SRC.parent).with_suffix("").parts).removesuffix(".__init__"): p
        for p in SRC.rglob("*.py")
    }
    graph = {
        name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()
    }
    # a package's __init__ re-exporting its own modules is not a cycle of the house; drop parent->child edges
    graph = {n: {m for m in deps if not m.startswith(n + ".")} for n, deps in graph.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*stack[stack.index(nxt) :], nxt]))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
