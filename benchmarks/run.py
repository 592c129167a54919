"""Benchmark: skillprofiles against the parse-only floor and check-jsonschema, on the same generated files.

Run from the repository root with the ``bench`` extra installed::

    python benchmarks/run.py                      # 100, 1,000 and 10,000 files
    python benchmarks/run.py --sizes 1000 --repeat 3

Every measurement runs in a fresh process; CPU time counts the process and its reaped children
(worker processes included), peak memory is that process tree's largest resident set (ru_maxrss).
"""

from __future__ import annotations

import argparse
import datetime
import functools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

ONE_FILE = ROOT / "profiles" / "online-community-manager.yaml"

# (a) the floor: read and parse every file with PyYAML's C loader, nothing else
FLOOR = """
import os, sys, yaml
for root in sys.argv[1:]:
    for directory, subdirs, files in os.walk(root):
        subdirs.sort()
        for name in sorted(files):
            with open(os.path.join(directory, name), "rb") as handle:
                data = handle.read()
            try:
                yaml.load(data, Loader=yaml.CSafeLoader)
            except yaml.YAMLError:
                pass
"""

# Runs one command and reports its figures. Linux counts in a child's ru_maxrss the memory of the
# process it was forked from, so commands are started from this small launcher, not from the
# benchmark (which has pydantic loaded). CPU is the child's own plus its reaped children's
# (worker processes included), the same as a RUSAGE_CHILDREN delta.
LAUNCHER = """
import json, os, subprocess, sys, time
capture = sys.argv[1] == "capture"
start = time.perf_counter()
process = subprocess.Popen(
    sys.argv[2:], stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=subprocess.DEVNULL
)
output = process.stdout.read().decode() if capture else ""
_, status, usage = os.wait4(process.pid, 0)
print(json.dumps({
    "wall": time.perf_counter() - start,
    "cpu": usage.ru_utime + usage.ru_stime,
    "maxrss_kb": usage.ru_maxrss,
    "returncode": os.waitstatus_to_exitcode(status),
    "stdout": output,
}))
"""

# (d) the library API, timed inside a fresh interpreter; prints its own figures as JSON
API = """
import json, resource, sys, time
t0, c0 = time.perf_counter(), time.process_time()
import skillprofiles
report = skillprofiles.validate(*sys.argv[2:], jobs=int(sys.argv[1]) or None)
usage = resource.getrusage(resource.RUSAGE_SELF)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "wall": time.perf_counter() - t0,
    "cpu": usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime,
    "findings": len(report),
}))
"""


@dataclass
class Figure:
    """One measured command: median wall and CPU seconds, peak resident memory, exit status."""

    wall: float
    cpu: float
    maxrss_mb: float
    returncode: int
    runs: int

    @property
    def row(self) -> tuple[str, str, str]:
        return f"{self.wall:8.2f}", f"{self.cpu:8.2f}", f"{self.maxrss_mb:7.1f}"


def launch(command: list[str], capture: bool = False) -> dict[str, Any]:
    """Run a command from the launcher; its figures (and its output when ``capture``)."""
    mode = "capture" if capture else "discard"
    out = subprocess.run(
        [sys.executable, "-S", "-c", LAUNCHER, mode, *command], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def measure_once(command: list[str]) -> tuple[float, float, float, int]:
    """Wall, CPU (process and reaped children), peak RSS in MB and exit status of one run."""
    figures = launch(command)
    return figures["wall"], figures["cpu"], figures["maxrss_kb"] / 1024, figures["returncode"]


Run = tuple[float, float, float, int]  # wall s, CPU s, peak MB, exit status
Measurement = Callable[[], Run]


def api_once(files: Path, jobs: int) -> Run:
    """The library API in a fresh interpreter, timed from before ``import skillprofiles``."""
    outer = launch([sys.executable, "-c", API, str(jobs), str(files)], capture=True)
    inner = json.loads(outer["stdout"])
    return inner["wall"], inner["cpu"], outer["maxrss_kb"] / 1024, outer["returncode"]


def measure_all(measurements: dict[str, Measurement], repeat: int) -> dict[str, Figure]:
    """Each measurement ``repeat`` times, interleaved (A B C A B C ...) so that a change in the
    machine's load between runs falls on every tool alike; the median of each."""
    runs: dict[str, list[Run]] = {name: [] for name in measurements}
    for _ in range(repeat):
        for name, run in measurements.items():
            runs[name].append(run())
    return {
        name: Figure(
            wall=statistics.median(r[0] for r in found),
            cpu=statistics.median(r[1] for r in found),
            maxrss_mb=max(r[2] for r in found),
            returncode=found[-1][3],
            runs=repeat,
        )
        for name, found in runs.items()
    }


def command(*parts: str) -> Measurement:
    """A measurement of one command line."""
    return functools.partial(measure_once, list(parts))


def tool(name: str) -> list[str]:
    """A console script installed beside this interpreter (the benchmark's venv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} is not installed: pip install -e '.[bench]'")
    return [found]


def profile_schema(workdir: Path) -> tuple[Path, str]:
    """The committed profile schema if there is one, else one generated from the models."""
    committed = ROOT / "schemas" / "profile.schema.json"
    if committed.exists():
        return committed, "committed schemas/profile.schema.json"
    from pydantic import TypeAdapter

    from skillprofiles.models import Profile

    path = workdir / "profile.schema.json"
    path.write_text(json.dumps(TypeAdapter(Profile).json_schema(), indent=1), encoding="utf-8")
    return path, "generated with TypeAdapter(Profile).json_schema() (no committed schema in this tree)"


def profile_set(workdir: Path, size: int, seed: int) -> Path:
    """The generated set of ``size`` files, written once per (size, seed) and reused."""
    directory = workdir / "sets" / f"seed{seed}-n{size}"
    marker = directory / ".complete"
    if not marker.exists():
        shutil.rmtree(directory, ignore_errors=True)
        kinds = generate(directory, size, seed)
        marker.write_text(json.dumps(kinds), encoding="utf-8")
    return directory


def yaml_files(directory: Path) -> list[str]:
    """The set's files in a stable order, for tools that take files, not directories."""
    return sorted(str(p) for p in directory.rglob("*.yaml"))


def bench_size(directory: Path, schema: Path, args: argparse.Namespace) -> dict[str, Figure]:
    """Every tool on one set."""
    cli = tool("skillprofiles")[0]
    measurements: dict[str, Measurement] = {
        "floor (PyYAML CSafeLoader load)": command(sys.executable, "-c", FLOOR, str(directory)),
        f"skillprofiles validate --jobs {args.jobs}": command(
            cli, "validate", "--jobs", str(args.jobs), str(directory)
        ),
        "skillprofiles validate --jobs 1": command(cli, "validate", "--jobs", "1", str(directory)),
        "API validate() in-process, jobs=1": functools.partial(api_once, directory, 1),
    }
    if not args.skip_check_jsonschema:
        files = yaml_files(directory)
        measurements["check-jsonschema"] = command(
            tool("check-jsonschema")[0], "--schemafile", str(schema), *files
        )
    return measure_all(measurements, args.repeat)


def cold_start(schema: Path, runs: int) -> dict[str, Figure]:
    """One-file start-up: the CLI against check-jsonschema, median of ``runs``."""
    cli, other = tool("skillprofiles")[0], tool("check-jsonschema")[0]
    measurements = {
        "skillprofiles validate (1 file)": command(cli, "validate", str(ONE_FILE)),
        "check-jsonschema (1 file)": command(other, "--schemafile", str(schema), str(ONE_FILE)),
        "skillprofiles --version": command(cli, "--version"),
        "python -c pass (interpreter alone)": command(sys.executable, "-c", "pass"),
    }
    return measure_all(measurements, runs)


def print_table(title: str, figures: dict[str, Figure]) -> None:
    """A table of figures with their ratios to the floor and to check-jsonschema (wall and CPU time)."""
    floor = next((f for name, f in figures.items() if name.startswith("floor")), None)
    other = next((f for name, f in figures.items() if name.startswith("check-jsonschema")), None)
    print(f"\n{title}")
    print(
        f"{'':40} {'wall s':>8} {'cpu s':>8} {'peak MB':>7} "
        f"{'wall/floor':>10} {'cpu/floor':>9} {'wall/c-js':>9} {'cpu/c-js':>8} {'exit':>4}"
    )
    for name, figure in figures.items():
        ratios = [
            _ratio(figure.wall, floor.wall if floor else None, 10),
            _ratio(figure.cpu, floor.cpu if floor else None, 9),
            _ratio(figure.wall, other.wall if other else None, 9),
            _ratio(figure.cpu, other.cpu if other else None, 8),
        ]
        print(f"{name:40} {' '.join(figure.row)} {' '.join(ratios)} {figure.returncode:4}")


def _ratio(value: float, base: float | None, width: int) -> str:
    return f"{value / base:{width}.2f}" if base else " " * width


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    info: dict[str, Any] = {
        "platform": platform.platform(),
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "load_average_at_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            info["cpu"] = line.split(":", 1)[1].strip()
            break
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal"):
            info["memory_mb"] = int(line.split()[1]) // 1024
    return info


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def versions() -> dict[str, str | None]:
    """Versions of Python and of every package measured."""
    import yaml

    found: dict[str, str | None] = {
        "python": platform.python_version(),
        "libyaml": str(yaml.__with_libyaml__),
    }
    packages = (
        "skillprofiles",
        "pydantic",
        "pydantic-core",
        "PyYAML",
        "check-jsonschema",
        "jsonschema",
        "ruamel.yaml",
    )
    for package in packages:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = None
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True)
    found["git_commit"] = commit.stdout.strip() or None
    return found


def summary(sizes: dict[int, dict[str, Figure]], jobs: int) -> dict[str, Any]:
    """The targets of issue 7, computed from the figures (wall time, and CPU time beside it)."""
    checks: dict[str, Any] = {}
    validate = f"skillprofiles validate --jobs {jobs}"
    serial = "skillprofiles validate --jobs 1"
    for size, figures in sizes.items():
        floor, mine = figures["floor (PyYAML CSafeLoader load)"], figures[validate]
        entry = {
            "wall_x_floor": mine.wall / floor.wall,
            "cpu_x_floor": mine.cpu / floor.cpu,
            "serial_wall_x_floor": figures[serial].wall / floor.wall,
            "peak_mb": mine.maxrss_mb,
        }
        if "check-jsonschema" in figures:
            entry["times_faster_than_check_jsonschema_wall"] = figures["check-jsonschema"].wall / mine.wall
            entry["times_less_cpu_than_check_jsonschema"] = figures["check-jsonschema"].cpu / mine.cpu
        checks[str(size)] = entry
    if 1000 in sizes and 10000 in sizes:
        for name in (validate, serial):
            checks[f"scaling 10k/1k wall, {name}"] = sizes[10000][name].wall / sizes[1000][name].wall
            checks[f"scaling 10k/1k cpu, {name}"] = sizes[10000][name].cpu / sizes[1000][name].cpu
    return checks


def issue16_targets(
    sizes: dict[int, dict[str, Figure]], cold: dict[str, Figure], jobs: int
) -> dict[str, Any]:
    """The targets of issue 16, each as its measured ratio and whether it is met."""
    serial, default = "skillprofiles validate --jobs 1", f"skillprofiles validate --jobs {jobs}"
    found: dict[str, Any] = {}
    for size, figures in sizes.items():
        floor = figures["floor (PyYAML CSafeLoader load)"]
        one = figures[serial].cpu / floor.cpu
        wall = figures[default].wall / floor.wall
        found[f"{size}: one process CPU / floor CPU (target <= 1.5, stretch 1.0)"] = [one, one <= 1.5]
        found[f"{size}: default wall / floor wall (target <= 1.0, stretch 0.7)"] = [wall, wall <= 1.0]
    mine, other = cold.get("skillprofiles validate (1 file)"), cold.get("check-jsonschema (1 file)")
    if mine and other:
        ratio = mine.wall / other.wall
        found["one-file start wall / check-jsonschema (target <= 0.6)"] = [ratio, ratio <= 0.6]
        ratio = mine.cpu / other.cpu
        found["one-file start CPU / check-jsonschema (beside it)"] = [ratio, ratio <= 0.6]
    if 1000 in sizes and 10000 in sizes:
        for name in (default, serial):
            ratio = sizes[10000][name].maxrss_mb / sizes[1000][name].maxrss_mb
            found[f"peak memory 10k / 1k, {name} (target <= 1.3)"] = [ratio, ratio <= 1.3]
    return found


def compile_bytecode() -> str:
    """Compile the measured package's bytecode, as an install does (pip writes ``.pyc`` files).

    An editable install run with ``PYTHONDONTWRITEBYTECODE`` set would otherwise compile every module
    from source on every start, while check-jsonschema and pydantic, installed from wheels, load
    compiled files: the one-file start would measure the compiler, not the validator.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("skillprofiles")
    if spec is None or not spec.submodule_search_locations:
        return "skillprofiles not found"
    package = next(iter(spec.submodule_search_locations))
    ok = compileall.compile_dir(package, quiet=1)
    return f"compiled {package}" if ok else f"compiling {package} failed"


def main() -> None:
    """Parse options, run every measurement, print the tables and write the JSON results."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated set sizes")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (same seed, same files)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (median)")
    parser.add_argument("--cold-runs", type=int, default=9, help="runs of the one-file cold start")
    parser.add_argument(
        "--jobs", type=int, default=0, help="--jobs for skillprofiles validate (0: automatic)"
    )
    parser.add_argument("--workdir", type=Path, default=HERE / "out", help="where generated sets are kept")
    parser.add_argument("--results", type=Path, default=HERE / "results", help="where JSON results go")
    parser.add_argument("--skip-check-jsonschema", action="store_true", help="leave out check-jsonschema")
    args = parser.parse_args()

    args.workdir.mkdir(parents=True, exist_ok=True)
    started = datetime.datetime.now(datetime.timezone.utc)
    host = machine()
    bytecode = compile_bytecode()
    print(f"bytecode: {bytecode}")
    with tempfile.TemporaryDirectory() as temp:
        schema, schema_note = profile_schema(Path(temp))
        print(f"profile schema for check-jsonschema: {schema_note}")
        print(f"machine: {host}")
        sizes: dict[int, dict[str, Figure]] = {}
        loads: dict[str, Any] = {}  # other work on the machine skews wall times: recorded beside them
        for size in (int(s) for s in args.sizes.split(",")):
            directory = profile_set(args.workdir, size, args.seed)
            sizes[size] = bench_size(directory, schema, args)
            loads[str(size)] = os.getloadavg() if hasattr(os, "getloadavg") else None
            print_table(f"{size} files (seed {args.seed}, {args.repeat} run(s) each, median)", sizes[size])
        cold = cold_start(schema, args.cold_runs)
        print_table(f"one-file cold start ({ONE_FILE.name}, median of {args.cold_runs})", cold)
    targets = summary(sizes, args.jobs)
    targets.update(issue16_targets(sizes, cold, args.jobs))
    print("\ntargets:", json.dumps(targets, indent=1))
    document = {
        "date": started.isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "seed": args.seed,
        "repeat": args.repeat,
        "jobs": args.jobs,
        "schema": schema_note,
        "bytecode": bytecode,
        "machine": host,
        "versions": versions(),
        "sizes": {str(n): {name: asdict(f) for name, f in figs.items()} for n, figs in sizes.items()},
        "cold_start": {name: asdict(f) for name, f in cold.items()},
        "targets": targets,
        "load_average_after_each_size": loads,
    }
    args.results.mkdir(parents=True, exist_ok=True)
    out = args.results / f"{started:%Y%m%dT%H%M%SZ}-{platform.node() or 'host'}.json"
    out.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults written to {out}")


if __name__ == "__main__":
    main()
