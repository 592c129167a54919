"""Check many files on several processes, yielding results in file order, as a serial run would."""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from skillprofiles.engine.results import FileResult

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

CheckFile = Callable[[Path, str], FileResult]

# Below this many files (about 0.4 s of work at ~2 ms a file) the pool's start-up and the transfer
# of results would eat most of the gain, and pre-commit runs on a few files must not pay for it.
SERIAL_BELOW = 200
JOBS_PER_CPU = 4  # --jobs above this many processes per CPU is capped: more only costs memory
MAX_JOBS = 1024  # --jobs above this is a usage error
_CHECK: CheckFile | None = None


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
    chunk = max(1, min(32, len(files) // (workers * 8)))
    # SIGTERM ends the run as SystemExit(143): the pool's exit terminates the workers, nobody prints
    # a traceback; the handler is the parent's only (workers reset it in _start)
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        with _context().Pool(workers, initializer=_start, initargs=(check,)) as pool:
            yield from _settling(pool.imap(_check, files, chunksize=chunk))
    finally:
        signal.signal(signal.SIGTERM, previous)


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


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _context() -> BaseContext:
    import multiprocessing  # 10 ms of start-up that serial runs (every small run) do not need

    # fork starts a worker in milliseconds and keeps rules registered at run time (plugins);
    # elsewhere (macOS, Windows) fork is unsafe or missing, and the platform default is used
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _start(check: CheckFile) -> None:
    global _CHECK
    _CHECK = check
    _fewer_young_collections()  # a worker's collections walk each file's parse just as the parent's
    # Ctrl-C is the parent's to handle: it stops the pool; workers must not each print a traceback;
    # SIGTERM ends a worker at once and silently (the default action), whatever the parent installed
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _check(item: tuple[Path, str]) -> FileResult:
    assert _CHECK is not None, "worker used before its initializer ran"
    return _without_profile(_CHECK(*item))


def _without_profile(result: FileResult) -> FileResult:
    return replace(result, profile=None) if result.profile is not None else result
