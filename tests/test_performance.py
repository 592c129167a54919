"""Parallel checking, streaming and the benchmark's generator: same results, bounded memory, same bytes."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from benchmarks.generate import MISTAKES, generate, profile_file, profile_text

from skillprofiles.engine import parallel
from skillprofiles.engine.checker import Checker
from skillprofiles.tuning.config import Config
from tests.conftest import ROOT, printed

# the code each kind of generated mistake must produce (SP0/SP1 only: the structural checks)
EXPECTED = {
    "syntax": {"SP010"},
    "tab_indent": {"SP010"},
    "duplicate_key": {"SP011"},
    "missing_section": {"SP101"},
    "unknown_key": {"SP102"},  # a misspelt section: one finding (SP102), no SP101 for it
    "bad_level": {"SP105"},
    "bad_code": {"SP105"},
    "yaml11_scalar": {"SP104"},
    "wrong_type": {"SP103"},
    "empty_section": {"SP106"},
}
STRUCTURAL = Config(select=("SP0", "SP1"))


@pytest.fixture(scope="module")
def profile_set(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """300 generated profiles (seed 7): above the automatic-parallelism threshold."""
    directory = tmp_path_factory.mktemp("set")
    return directory, generate(directory, 300, seed=7)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillprofiles", *args], capture_output=True, text=True, check=False
    )


def test_generator_is_deterministic(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    assert generate(first, 40, seed=3) == generate(second, 40, seed=3)
    generate(other, 40, seed=4)
    files = sorted(p.relative_to(first) for p in first.rglob("*.yaml"))
    assert len(files) == 40
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    # another seed gives other files: other bytes, or other names (a template drawn differently)
    assert any(
        not (other / f).exists() or (first / f).read_bytes() != (other / f).read_bytes() for f in files
    )


def test_generator_files_are_the_size_of_real_sheets() -> None:
    sizes = [len(profile_text(i, 1)[0]) for i in range(200)]
    assert min(sizes) > 4_000  # the two reference sheets: 7 kB and 24 kB
    assert max(sizes) < 40_000
    assert 8_000 < sum(sizes) / len(sizes) < 20_000


def test_every_mistake_kind_gives_its_code_and_clean_files_are_clean(
    profile_set: tuple[Path, dict[str, int]],
) -> None:
    directory, kinds = profile_set
    assert set(MISTAKES) <= set(kinds)
    assert 0.1 < 1 - kinds["clean"] / 300 < 0.3
    report = Checker().check_paths([directory])  # every rule: a clean generated file is clean for all
    codes: dict[str, set[str]] = {}
    for d in report:
        codes.setdefault(Path(d.file).name, set()).add(d.code)
    for index in range(300):
        name, _, kind = profile_file(index, 7)
        found = codes.get(name, set())
        assert found == (EXPECTED[kind] if kind else set()), (index, kind, found)


def test_jobs_2_gives_the_report_of_jobs_1(profile_set: tuple[Path, dict[str, int]]) -> None:
    directory, _ = profile_set
    serial = run_cli("validate", "--format", "json", "--jobs", "1", str(directory))
    parallel_run = run_cli("validate", "--format", "json", "--jobs", "2", str(directory))
    automatic = run_cli("validate", "--format", "json", str(directory))
    assert serial.returncode == parallel_run.returncode == automatic.returncode == 1
    assert parallel_run.stdout == serial.stdout == automatic.stdout
    document = json.loads(serial.stdout)
    assert document["summary"]["files"] == 300
    assert len(document["diagnostics"]) > 50


def test_api_jobs_keep_file_order_and_results(profile_set: tuple[Path, dict[str, int]]) -> None:
    directory, _ = profile_set
    files = sorted((p, p.as_posix()) for p in directory.rglob("*.yaml"))
    serial = list(parallel.check_files(Checker(STRUCTURAL).check_file, files, jobs=1))
    pooled = list(parallel.check_files(Checker(STRUCTURAL).check_file, files, jobs=2))
    assert [r.file for r in pooled] == [display for _, display in files]
    assert pooled == serial
    assert sum(bool(r.diagnostics) for r in serial) > 50
    # parsed profiles neither cross processes nor stay in results a caller may keep
    assert all(r.profile is None for r in [*pooled, *serial])


def test_automatic_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "cpu_count", lambda: 8)
    assert parallel.effective_jobs(None, 150) == 1  # small runs stay on one process
    assert parallel.effective_jobs(0, 199) == 1
    assert parallel.effective_jobs(0, 200) == 2  # at least 100 files per process
    assert parallel.effective_jobs(None, 10_000) == 8
    assert parallel.effective_jobs(3, 10_000) == 3
    assert parallel.effective_jobs(4, 2) == 2  # never more processes than files


def test_jobs_must_be_a_number() -> None:
    result = run_cli("validate", "--jobs", "many", "profiles")
    assert result.returncode == 2
    assert "expected a number of processes (0: automatic), not 'many'" in result.stderr


STREAMING = """
import sys, tracemalloc
from skillprofiles.engine.checker import Checker
from skillprofiles.tuning.config import Config
from tests.conftest import ROOT
checker = Checker(Config(select=("SP0", "SP1")))
files = sorted(p for p in __import__("pathlib").Path(sys.argv[1]).rglob("*.yaml"))
checker.check_paths(files[:5])  # warm up: models built, rules registered, caches filled
peaks = []
for count in (30, 300):
    tracemalloc.start()
    report = checker.check_paths(files[:count])
    peaks.append(tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
    del report
print(peaks[0], peaks[1])
"""


def test_checking_streams_and_keeps_no_parsed_documents(profile_set: tuple[Path, dict[str, int]]) -> None:
    directory, _ = profile_set
    small, large = map(int, printed(textwrap.dedent(STREAMING), str(directory)).split())
    # holding 300 parsed profiles would take well over 30 MB; streaming costs one file at a time
    # plus the findings, so ten times the files must stay far below ten times the peak
    assert large < 2 * small + 2_000_000, (small, large)


def test_version_and_help_do_not_import_pydantic() -> None:
    code = (
        "import sys\nfrom skillprofiles.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pydantic', 'yaml', 'skillprofiles.models', 'multiprocessing') "
        "if m in sys.modules))"
    )
    out = printed(code)
    assert out.strip().splitlines()[-1] == "[]"


def test_version_imports_almost_nothing() -> None:
    # no parser, no command, not even typing or re: the version is printed before anything is built
    code = (
        "import sys\nbefore = set(sys.modules)\nfrom skillprofiles.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit as exc:\n    code = exc.code\n"
        "print(code, sorted(set(sys.modules) - before))"
    )
    out = printed(code)
    lines = out.strip().splitlines()
    assert lines[0] == f"skillprofiles {__import__('skillprofiles').__version__}"
    expected = ["__future__", "skillprofiles", "skillprofiles._version", "skillprofiles.cli"]
    expected += ["skillprofiles.cli.errors", "skillprofiles.source"]
    assert lines[-1] == f"0 {sorted(expected)!r}"


def test_plain_validation_imports_neither_rich_nor_jsonschema() -> None:
    code = (
        "import sys\nfrom skillprofiles.cli import main\n"
        "code = main(['validate', 'profiles/WSP-G3-003.yaml'])\n"
        "print(code, sorted(m for m in ('rich', 'jsonschema', 'multiprocessing') if m in sys.modules))"
    )
    out = printed(code, cwd=ROOT)
    assert out.strip().splitlines()[-1].endswith(" []")  # a one-file run starts no process pool


def test_plain_validation_imports_and_builds_only_what_it_needs() -> None:
    # one WSP-G3 file: no other command's packages, no catalogue file format (no catalogue file is
    # configured), no process pool, and only the model of its own template gets its validator built
    unneeded = (
        "skillprofiles.hr",
        "skillprofiles.export",
        "skillprofiles.lsp",
        "skillprofiles.catalogue.fileformat",
        "pygls",
        "lsprotocol",
        "jsonschema",
        "rich",
        "multiprocessing",
        "concurrent.futures",
        "skillprofiles.engine.workers",  # nor the workers' module and its pickle
        "pickle",
        *(f"skillprofiles.cli.{name}_cmd" for name in ("new", "rules", "catalogue", "schema", "show")),
        *(f"skillprofiles.cli.{name}_cmd" for name in ("matrix", "gap", "compare", "team", "export", "lsp")),
        # no configuration file: its pydantic models are not imported; no fix is applied
        "skillprofiles.tuning.files",
        "skillprofiles.engine.fixes",
        # the text format's renderer only
        *(f"skillprofiles.render.{name}" for name in ("full", "json_format", "sarif", "github", "junit")),
        # pydantic's plugin loader is not run (see test_the_command_line_skips_pydantic_plugins)
        "importlib.metadata",
        "email",
    )
    code = (
        "import sys\nfrom skillprofiles.cli import main\n"
        "code = main(['validate', 'profiles/WSP-G3-003.yaml'])\n"
        "from skillprofiles.models import RoleProfile, WSPG3Profile\n"
        f"loaded = sorted(m for m in {unneeded!r} if m in sys.modules)\n"
        "print(code, loaded, WSPG3Profile.__pydantic_complete__, RoleProfile.__pydantic_complete__)"
    )
    out = printed(code, cwd=ROOT)
    assert out.strip().splitlines()[-1] == "0 [] True False"


@pytest.mark.parametrize(
    ("fmt", "renderer"),
    [
        ("json", "json_format"),
        ("sarif", "sarif"),
        ("junit", "junit"),
        ("full", "full"),
        ("concise", "concise"),
    ],
)
def test_a_run_imports_the_renderer_of_its_format_only(fmt: str, renderer: str) -> None:
    names = ("concise", "full", "json_format", "sarif", "github", "junit")
    code = (
        "import sys\nfrom skillprofiles.cli import main\n"
        f"main(['validate', '--format', {fmt!r}, 'profiles/WSP-G3-003.yaml'])\n"
        f"print(sorted(n for n in {names!r} if 'skillprofiles.render.' + n in sys.modules))"
    )
    out = printed(code, cwd=ROOT)
    assert out.strip().splitlines()[-1] == repr([renderer])


PLUGINS = (
    "import sys\nfrom skillprofiles.cli import main\n"
    "main(['validate', '--format', 'json', 'profiles/WSP-G3-003.yaml'])\n"
    "from pydantic.plugin._loader import get_plugins\n"
    "print('importlib.metadata' in sys.modules, list(get_plugins()))"
)


@pytest.mark.parametrize(("value", "loaded"), [(None, False), ("__all__", False), ("1", False), ("", True)])
def test_the_command_line_skips_pydantic_plugins(value: str | None, loaded: bool) -> None:
    # unset or "off": no plugin loader runs, which is what pydantic's own loader returns for "off";
    # any other value (empty: all plugins) leaves plugin loading to pydantic
    env = {k: v for k, v in __import__("os").environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if value is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = value
    out = printed(PLUGINS, cwd=ROOT, env=env)
    assert out.strip().splitlines()[-1] == f"{loaded} []"


def test_pydantic_loads_no_plugin_for_the_values_the_command_line_skips() -> None:
    # the stand-in loader returns what pydantic's real one does for these values: nothing
    code = (
        "import os\nfrom skillprofiles.cli import PLUGINS_OFF\n"
        "from pydantic.plugin import _loader\n"
        "results = []\n"
        "for value in PLUGINS_OFF:\n"
        "    os.environ['PYDANTIC_DISABLE_PLUGINS'] = value\n"
        "    results.append(list(_loader.get_plugins()))\n"
        "print(results)"
    )
    out = printed(code)
    assert out.strip() == "[[], [], []]"


def test_the_stand_in_loader_gives_any_other_name_from_pydantics_own() -> None:
    # a later pydantic may import more than get_plugins from its loader: that must still work
    code = (
        "from skillprofiles.cli import _without_pydantic_plugins\n"
        "_without_pydantic_plugins()\n"
        "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP, get_plugins\n"
        "print(PYDANTIC_ENTRY_POINT_GROUP, list(get_plugins()))"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    out = printed(code, env=env)
    assert out.strip() == "pydantic []"


def test_ab_ratios_are_medians_of_pairs() -> None:
    from benchmarks.ab import medians, ratios

    a = [{"wall": 1.0, "cpu": 2.0, "maxrss_kb": 100.0}, {"wall": 3.0, "cpu": 2.0, "maxrss_kb": 100.0}]
    b = [{"wall": 2.0, "cpu": 1.0, "maxrss_kb": 100.0}, {"wall": 2.0, "cpu": 4.0, "maxrss_kb": 50.0}]
    # the pairs' ratios (0.5, 1.5), (2.0, 0.5), (1.0, 2.0), not the ratio of the medians (1.0, 0.8, 1.33)
    assert ratios(a, b) == {"wall": 1.0, "cpu": 1.25, "maxrss_kb": 1.5}
    assert medians(b) == {"wall": 2.0, "cpu": 2.5, "maxrss_kb": 75.0}
