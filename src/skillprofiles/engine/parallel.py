"""Check many files on several processes, yielding results in file order, as a serial run would."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, overload

from skillprofiles.engine.results import FileResult

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext
    from multiprocessing.pool import IMapIterator

CheckFile = Callable[[Path, str], FileResult]

# Below this many files (about 0.4 s of work at ~2 ms a file) the pool's start-up and the transfer
# of results would eat most of the gain, and pre-commit runs on a few files must not pay for it.
SERIAL_BELOW = 200
JOBS_PER_CPU = 4  # --jobs above this many processes per CPU is capped: more only costs memory
MAX_JOBS = 1024  # --jobs above this is a usage error
_CHECK: CheckFile | None = None
_PRCTL: Callable[[int, int], int] | None = None  # libc prctl, looked up by the parent before forking
_PARENT = 0  # the parent process id, recorded before forking


def cpu_count() -> int:
    """CPUs this process may run on (its affinity mask where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def effective_jobs(requested: int | None, files: int) -> int:
    """Processes to use: ``requested`` when given (>= 1), else automatic (None or 0)."""
    if requested is not None and requested > 0:
        return max(1, min(requested, files, JOBS_PER_CPU * cpu_count()))
    if files < SERIAL_BELOW:
        return 1
    return max(1, min(cpu_count(), files // (SERIAL_BELOW // 2)))


def check_files(
    check: CheckFile, files: Sequence[tuple[Path, str]], jobs: int | None
) -> Iterator[FileResult]:
    """Each file's result, in the order of ``files``; on ``jobs`` processes (None or 0: automatic).

    Results come without the parsed profile (``profile=None``), on one process as on several:
    only diagnostics and small summaries cross process boundaries, a caller that keeps every
    result still holds no parsed document, and both modes give equal results.
    """
    workers = effective_jobs(jobs, len(files))
    if workers <= 1:
        yield from _settling((_without_profile(check(path, display)) for path, display in files))
        return
    import signal  # its enums cost a serial run (every small run) for nothing

    chunk = max(1, min(32, len(files) // (workers * 8)))
    # SIGTERM ends the run with exit 143 and kills the workers, printing nothing (_terminated); the
    # handler is the parent's only (workers reset it in _start and die with the parent)
    global _PRCTL, _PARENT
    _PRCTL, _PARENT = _prctl(), os.getpid()
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        with _context().Pool(workers, initializer=_start, initargs=(check,)) as pool:
            # cut as the pool sends them: all chunks at once would hold a Path object for every file
            chunks = (list(files[i : i + chunk]) for i in range(0, len(files), chunk))
            waited = _waking(pool.imap(_check_chunk, chunks))
            yield from _settling(result for results in waited for result in results)
    finally:
        signal.signal(signal.SIGTERM, previous)


class Files(Sequence[tuple[Path, str]]):
    """The files of a run, (path, display name), holding names only: a ``Path`` is made for a file when
    it is checked. (A ``Path`` object, with its parts, takes more memory than what a run keeps of a
    checked file.) The path is kept as its string only where it differs from the display name."""

    def __init__(self, files: Iterable[tuple[Path, str]]) -> None:
        self.names: list[str] = []
        self.paths: list[str | None] = []
        for path, display in files:
            raw = str(path)
            self.names.append(display)
            self.paths.append(None if raw == display else raw)  # Path(str(path)) == path

    def __len__(self) -> int:
        return len(self.names)

    @overload
    def __getitem__(self, index: int) -> tuple[Path, str]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[Path, str]]: ...

    def __getitem__(self, index: int | slice) -> tuple[Path, str] | Sequence[tuple[Path, str]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        raw = self.paths[index]
        name = self.names[index]
        return Path(name if raw is None else raw), name


SETTLE_EVERY = 64  # files between two moves of what the caller has kept out of the collector's sight
YOUNG_THRESHOLD = 20_000  # allocations between two collections of the youngest generation, during a run


def _settling(results: Iterable[FileResult]) -> Iterator[FileResult]:
    """``results``, with what the caller keeps of them moved out of the cyclic collector's sight.

    A run keeps every file's result (diagnostics and summary: about 80 objects a file), and every
    full collection of CPython's cyclic collector walks all of them again, while each file's parse
    promotes enough short-lived objects to start one every few files: at 10,000 files the collector
    took more time than the checking. Every few files the objects alive are frozen
    (:func:`gc.freeze`), so that collections only walk what the next files create; they are
    unfrozen at the end, and cycles among them are collected then. Nothing changes when the
    collector is off or the program froze objects of its own.
    """
    if not gc.isenabled() or gc.get_freeze_count():
        yield from results
        return
    threshold = _fewer_young_collections()
    try:
        for count, result in enumerate(results, 1):
            if count % SETTLE_EVERY == 0:
                gc.freeze()
            yield result
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _fewer_young_collections() -> tuple[int, int, int]:
    """Collect the youngest generation less often; returns the thresholds to restore."""
    threshold = gc.get_threshold()
    # a file's parse keeps a few thousand objects alive at once: at the default 700 allocations the
    # youngest generation is collected several times per file, walking that same live tree each time
    gc.set_threshold(max(threshold[0], YOUNG_THRESHOLD), *threshold[1:])
    return threshold


WAKE_EVERY = 0.25  # seconds: how long the parent waits for a result before it looks at signals


def _waking(results: IMapIterator[list[FileResult]]) -> Iterator[list[FileResult]]:
    """``results``, waited for in short slices.

    Python runs a signal handler only in the main thread, between two bytecodes; a SIGTERM that the
    kernel hands to one of the pool's threads leaves the main thread asleep in an untimed wait, and if
    the workers died of the same signal (a supervisor ends the whole group), no result ever wakes it:
    the run would hang instead of ending. A timed wait returns, and the handler runs."""
    from multiprocessing import TimeoutError as Pending

    while True:
        try:
            yield results.next(timeout=WAKE_EVERY)
        except Pending:
            continue
        except StopIteration:
            return


def _terminated(signum: int, frame: object) -> None:
    """The parent's SIGTERM: end the workers and exit 128 + signum at once, printing nothing.

    Not through the pool's own exit: a worker killed while it held the task queue's lock (a
    supervisor's SIGTERM reaches the whole group) leaves that lock taken for ever, and
    ``Pool.terminate`` waits for it, so the run would hang instead of ending. What the run had not
    written yet is lost either way: it was stopped."""
    import multiprocessing  # already imported by check_files: a lookup, not an import

    for child in multiprocessing.active_children():
        child.kill()
    os._exit(128 + signum)


def _context() -> BaseContext:
    import multiprocessing  # 10 ms of start-up that serial runs (every small run) do not need

    # fork starts a worker in milliseconds and keeps rules registered at run time (plugins);
    # elsewhere (macOS, Windows) fork is unsafe or missing, and the platform default is used
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _start(check: CheckFile) -> None:
    import signal  # imported by the parent before the fork: a lookup, not an import

    global _CHECK
    _CHECK = check
    _fewer_young_collections()  # a worker's collections walk each file's parse just as the parent's
    # Ctrl-C is the parent's to handle: it stops the pool; workers must not each print a traceback;
    # SIGTERM ends a worker at once and silently (the default action), whatever the parent installed
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()


def _die_with_parent() -> None:
    """On Linux, have the kernel end this worker when the parent ends, however it ends.

    The parent's SIGTERM handler exits without the pool's clean-up (see ``_terminated``); a worker the
    pool started in the meantime to replace a killed one would otherwise wait on its queue for ever.
    ``prctl`` was looked up before the fork: a worker must not import (a fork can copy the import
    lock held by another thread of the parent)."""
    if _PRCTL is None:
        return
    import signal  # imported by the parent before the fork: a lookup, not an import

    _PRCTL(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != _PARENT:  # the parent ended before the request was made
        os._exit(128 + signal.SIGTERM)


def _prctl() -> Callable[[int, int], int] | None:
    """libc's ``prctl`` on Linux (looked up in the parent, before any worker is forked), else None."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        function: Callable[[int, int], int] = ctypes.CDLL(None).prctl
    except (OSError, AttributeError):
        return None
    return function


def _check_chunk(items: Sequence[tuple[Path, str]]) -> list[FileResult]:
    """A worker's task: the results of a few files (chunks are cut by the parent, so that it can wait
    on each with a timeout: ``imap``'s own chunking hides its iterator)."""
    assert _CHECK is not None, "worker used before its initializer ran"
    return [_without_profile(_CHECK(*item)) for item in items]


def _without_profile(result: FileResult) -> FileResult:
    return replace(result, profile=None) if result.profile is not None else result
