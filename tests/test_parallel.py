"""The parallel run's workers: forked or spawned, killed or failing, they give a serial run's results."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from benchmarks.generate import generate

from skillprofiles.engine import parallel, workers
from skillprofiles.engine.checker import Checker
from skillprofiles.engine.results import FileResult
from skillprofiles.tuning.config import Config
from tests.conftest import children, printed

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts children in /proc")
STRUCTURAL = Config(select=("SP0", "SP1"))
Files = list[tuple[Path, str]]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Files:
    """240 generated profiles (seed 11), about a sixth with mistakes."""
    directory = tmp_path_factory.mktemp("parallel")
    generate(directory, 240, seed=11)
    return sorted((p, p.as_posix()) for p in directory.rglob("*.yaml"))


@pytest.fixture(scope="module")
def serial(files: Files) -> list[FileResult]:
    return list(parallel.check_files(Checker(STRUCTURAL).check_file, files, jobs=1))


@pytest.fixture(autouse=True)
def _no_worker_is_left() -> Iterator[None]:
    yield
    assert parallel._WORKERS == []
    assert _workers_alive() == []


def _workers_alive() -> list[int]:
    """This process's children but multiprocessing's resource tracker (a spawned run starts it, once
    for the process's lifetime: it is not a worker)."""
    return [pid for pid in children(os.getpid()) if b"resource_tracker" not in _cmdline(pid)]


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


@pytest.mark.parametrize("jobs", [2, 3, 5])
def test_forked_workers_give_the_serial_results(files: Files, serial: list[FileResult], jobs: int) -> None:
    pooled = list(parallel.check_files(Checker(STRUCTURAL).check_file, files, jobs=jobs))
    assert pooled == serial
    assert sum(bool(r.diagnostics) for r in serial) > 20  # the comparison covers findings, not just files


def test_spawned_workers_give_the_serial_results(
    files: Files, serial: list[FileResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the start method of macOS and Windows, here on Linux: the check and the files are pickled
    monkeypatch.setattr(workers, "can_fork", lambda: False)
    pooled = list(parallel.check_files(Checker(STRUCTURAL).check_file, files, jobs=3))
    assert pooled == serial


def test_a_worker_killed_mid_run_loses_nothing(
    files: Files, serial: list[FileResult], tmp_path: Path
) -> None:
    parent, check = os.getpid(), Checker(STRUCTURAL).check_file
    token = tmp_path / "killed"

    def dying(path: Path, display: str) -> FileResult:  # forked workers need no pickling
        if os.getpid() != parent and not token.exists():
            token.write_text(display)  # the first file a worker checks: it dies there
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer does
        return check(path, display)

    assert list(parallel.check_files(dying, files, jobs=3)) == serial
    assert token.read_text() in {display for _, display in files}


def test_a_check_failing_only_in_workers_is_redone_by_the_parent(
    files: Files, serial: list[FileResult]
) -> None:
    parent, check = os.getpid(), Checker(STRUCTURAL).check_file

    def failing(path: Path, display: str) -> FileResult:
        if os.getpid() != parent and display.endswith(("1.yaml", "7.yaml")):
            raise MemoryError(display)
        return check(path, display)

    assert list(parallel.check_files(failing, files, jobs=2)) == serial


def test_a_check_that_raises_raises_in_the_caller_as_on_one_process(files: Files) -> None:
    check, bad = Checker(STRUCTURAL).check_file, files[200][1]

    def raising(path: Path, display: str) -> FileResult:
        if display == bad:
            raise ValueError(f"cannot check {display}")
        return check(path, display)

    for jobs in (1, 2):
        with pytest.raises(ValueError, match="cannot check"):
            list(parallel.check_files(raising, files, jobs=jobs))


def test_a_run_closed_early_ends_its_workers(files: Files, serial: list[FileResult]) -> None:
    run = parallel.check_files(Checker(STRUCTURAL).check_file, files, jobs=3)
    first = [next(run) for _ in range(10)]
    assert len(_workers_alive()) == 2  # the parent checks too: two workers for three processes
    run.close()
    assert first == serial[:10]


def test_ranges_shrink_toward_the_end_and_cover_every_file_once() -> None:
    run = parallel._Shared(Checker(STRUCTURAL).check_file, [(Path("x"), "x")] * 1000, processes=2)
    ranges = list(iter(run.take, None))
    assert [i for start, end in ranges for i in range(start, end)] == list(range(1000))
    sizes = [end - start for start, end in ranges]
    assert (sizes[0], sizes[-1]) == (parallel.LARGEST_RANGE, 1)
    assert sizes == sorted(sizes, reverse=True)


PARALLEL_RUN = """
import atexit, sys
from pathlib import Path
from skillprofiles.engine import parallel
from skillprofiles.engine.checker import Checker
files = sorted((p, p.as_posix()) for p in Path(sys.argv[1]).rglob("*.yaml"))
assert len(list(parallel.check_files(Checker().check_file, files, jobs=2))) == len(files)
print(atexit._ncallbacks(), "multiprocessing" in sys.modules)
"""


def test_a_forked_run_registers_no_exit_function(files: Files) -> None:
    # multiprocessing registers one (and costs 13 ms to import): with it, the command line could not
    # end with os._exit after its output is flushed
    assert printed(PARALLEL_RUN, os.path.commonpath([path for path, _ in files])).split() == ["0", "False"]


def test_a_run_leaves_the_callers_frozen_objects_as_it_found_them(files: Files) -> None:
    check = Checker(STRUCTURAL).check_file
    gc.unfreeze()  # nothing of the program's frozen (Python 3.12 still reports a few hundred objects)
    gc.collect()
    assert not parallel.program_froze_objects()
    list(parallel.check_files(check, files, jobs=2))
    assert not parallel.program_froze_objects()  # what it froze for the workers is unfrozen
    gc.freeze()  # a program that froze its own objects (as a forking server does) keeps them frozen
    try:
        frozen = gc.get_freeze_count()
        list(parallel.check_files(check, files, jobs=2))
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


FROZEN_BEFORE_IMPORT = """
import gc
gc.freeze()  # a program that froze its objects (a forking server, once loaded), then imports the library
from skillprofiles.engine import parallel
print(parallel.program_froze_objects())
"""


@pytest.mark.skipif(sys.version_info[:2] == (3, 12), reason="3.12 counts immortal objects as frozen")
def test_objects_frozen_before_the_import_are_the_programs() -> None:
    assert printed(FROZEN_BEFORE_IMPORT).split() == ["True"]


def test_a_worker_that_ends_before_its_first_range_loses_nothing(
    files: Files, serial: list[FileResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a worker gone before the parent hands it anything (its set-up failed): its ranges cannot be
    # sent, so the parent keeps them for itself
    prepare = parallel._prepare

    def failing_prepare() -> None:
        prepare()
        os._exit(1)

    monkeypatch.setattr(parallel, "_prepare", failing_prepare)
    assert list(parallel.check_files(Checker(STRUCTURAL).check_file, files, jobs=3)) == serial


def test_a_worker_that_cannot_be_sent_its_first_range_loses_nothing(
    files: Files, serial: list[FileResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    hand, calls = workers.hand, []

    def broken_once(channel: workers.Channel, start: int, end: int) -> None:
        calls.append(start)
        if len(calls) == 1:  # the first worker's pipe is broken: it is dropped before its reserve
            raise BrokenPipeError
        hand(channel, start, end)

    monkeypatch.setattr(workers, "hand", broken_once)
    assert list(parallel.check_files(Checker(STRUCTURAL).check_file, files, jobs=3)) == serial


def test_a_run_started_from_another_thread_spawns_its_workers(files: Files, serial: list[FileResult]) -> None:
    # only the main thread may set signal handlers, and a fork beside other threads could copy a
    # lock one of them holds: such a run keeps the program's handlers and spawns fresh interpreters
    found: list[list[FileResult]] = []
    spawned: list[bool] = []
    spawn = workers.spawn

    def spawning(*args: object) -> workers.Spawned:
        spawned.append(True)
        return spawn(*args)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workers, "spawn", spawning)
        thread = threading.Thread(
            target=lambda: found.append(list(parallel.check_files(Checker(STRUCTURAL).check_file, files, 2)))
        )
        thread.start()
        thread.join(timeout=120)
    assert found == [serial]
    assert spawned == [True]


def test_a_run_leaves_the_signal_mask_and_handlers_as_it_found_them(files: Files) -> None:
    before = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    handler = signal.getsignal(signal.SIGTERM)
    list(parallel.check_files(Checker(STRUCTURAL).check_file, files, jobs=2))
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == before
    assert signal.getsignal(signal.SIGTERM) is handler


def test_a_fork_that_fails_leaves_no_descriptor_open_and_the_run_complete(
    files: Files, serial: list[FileResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fork() -> int:
        raise BlockingIOError("Resource temporarily unavailable")  # EAGAIN: the process limit

    opened = len(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(os, "fork", no_fork)
    assert list(parallel.check_files(Checker(STRUCTURAL).check_file, files, jobs=3)) == serial
    assert len(os.listdir("/proc/self/fd")) == opened


UNGUARDED_SCRIPT = """
import sys
from pathlib import Path
from skillprofiles.engine import parallel, workers
from skillprofiles.engine.checker import Checker
workers.can_fork = lambda: False  # spawned workers, as on macOS and Windows
files = sorted((p, p.as_posix()) for p in Path(sys.argv[1]).rglob("*.yaml"))
print(len(list(parallel.check_files(Checker().check_file, files, jobs=3))))
"""


def test_a_script_without_the_main_guard_is_checked_by_its_parent_alone(files: Files, tmp_path: Path) -> None:
    # each spawned child runs the script again, whose run there cannot start workers of its own: the
    # child ends with multiprocessing's advice before it has read its check, and the parent must not
    # wait for it (it waited for ever once the check and the files outgrew a pipe's buffer)
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED_SCRIPT, encoding="utf-8")
    directory = os.path.commonpath([path for path, _ in files])
    run = subprocess.run(
        [sys.executable, str(script), directory], capture_output=True, text=True, timeout=120, check=False
    )
    assert (run.returncode, run.stdout) == (0, f"{len(files)}\n")
    assert "bootstrapping phase" in run.stderr  # the children's advice reaches the user
