"""Check many files on several processes, yielding results in file order, as a serial run would."""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from skillprofiles.engine.results import CheckFile, FileResult, without_profile

if TYPE_CHECKING:  # imported when workers start: a serial run (every small run) needs neither it nor pickle
    from skillprofiles.engine.workers import Worker

# Below this many files (about 0.4 s of work at ~2 ms a file) starting workers and the transfer
# of results would eat most of the gain, and pre-commit runs on a few files must not pay for it.
SERIAL_BELOW = 200
JOBS_PER_CPU = 4  # --jobs above this many processes per CPU is capped: more only costs memory
MAX_JOBS = 1024  # --jobs above this is a usage error
LARGEST_RANGE = 32  # files handed out at once; ranges shrink toward the end of a run (see _Shared.take)
WAKE_EVERY = 0.25  # seconds: the longest wait for a worker before the parent looks at signals again
_WORKERS: list[Worker] = []  # the running workers, for the SIGTERM handler
_PRCTL: Callable[[int, int], int] | None = None  # libc prctl, looked up by the parent before forking
_PARENT = 0  # the parent process id, recorded before forking
_MASK: set[int] | None = None  # the signal mask before workers were forked (see _block_signals)


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
    processes = effective_jobs(jobs, len(files))
    if processes <= 1:
        yield from _settling(without_profile(check(path, display)) for path, display in files)
        return
    import signal  # its enums cost a serial run (every small run) for nothing

    # SIGTERM ends the run with exit 143 and kills the workers, printing nothing (_terminated); the
    # handler is the parent's only (workers reset it in _prepare and die with the parent). Only the
    # main thread may set handlers: a run started from another thread keeps the program's own.
    global _PRCTL, _PARENT
    _PRCTL, _PARENT = _prctl(), os.getpid()
    previous = _handle(signal.SIGTERM, _terminated)
    run = _Shared(check, files, processes)
    try:
        yield from _settling(run.results())
    finally:
        run.end()
        if previous is not None:
            _handle(signal.SIGTERM, previous)


def _handle(signum: int, handler: Any) -> Any:
    """Install ``handler`` for ``signum``; the one it replaces, or None where it cannot be installed
    (not the main thread) or the one it replaces was not installed from Python."""
    import signal

    try:
        return signal.signal(signum, handler)
    except ValueError:  # not the main thread of the main interpreter
        return None


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


# what gc.get_freeze_count() reports with nothing frozen: 0, but a few hundred on Python 3.12, whose
# full collections move its immortal objects there; taken at import there (objects a program froze
# before importing this module then go unnoticed), 0 elsewhere, where the count is exact
_FROZEN_AT_REST = gc.get_freeze_count() if sys.version_info[:2] == (3, 12) else 0


def program_froze_objects() -> bool:
    """Whether the program froze objects of its own (gc.freeze), which a run must leave frozen."""
    return gc.get_freeze_count() > _FROZEN_AT_REST


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
    if not gc.isenabled() or program_froze_objects():
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
    """The parent's SIGTERM: end the workers and exit 128 + signum at once, printing nothing.

    What the run had not written yet is lost: it was stopped."""
    for worker in _WORKERS:
        worker.kill()
    os._exit(128 + signum)


def _prepare() -> None:
    """A worker's set-up, before it checks anything."""
    import signal  # imported by the parent before the fork: a lookup, not an import

    # Ctrl-C is the parent's to handle: it stops the run; workers must not each print a traceback;
    # SIGTERM ends a worker at once and silently (the default action), whatever the parent installed
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if _MASK is not None:  # the parent blocked them around the fork (_block_signals): as they were
        signal.pthread_sigmask(signal.SIG_SETMASK, _MASK)
    _fewer_young_collections()  # a worker's collections walk each file's parse just as the parent's
    _die_with_parent()


def _die_with_parent() -> None:
    """On Linux, have the kernel end this worker when the parent ends, however it ends.

    A worker whose parent was killed (SIGKILL, the out-of-memory killer) would otherwise check its
    range to the end before it found the pipe closed, on a CPU the user expects free again.
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


def _block_signals() -> None:
    """Hold Ctrl-C and SIGTERM while workers are forked and registered: a handler run in a child
    before it is set up would run the parent's code there, and one run in the parent between a
    fork and the worker's registration would leave that worker unknown. The mask it replaces is
    kept in ``_MASK``, for :func:`_unblock_signals` and for the workers."""
    import signal

    global _MASK
    if hasattr(signal, "pthread_sigmask"):  # not on Windows, where workers are spawned
        _MASK = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


def _unblock_signals() -> None:
    """Restore the mask :func:`_block_signals` replaced: held signals are handled now."""
    global _MASK
    if _MASK is not None:
        import signal

        mask, _MASK = _MASK, None
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _other_threads() -> bool:
    """Whether threads other than this one run (then workers are spawned: a forked child could
    inherit a lock another thread held, and wait on it for ever)."""
    threading = sys.modules.get("threading")  # not imported: no thread was started through it
    return threading is not None and threading.active_count() > 1


class _Shared:
    """A run whose files are checked by this process and ``processes - 1`` workers.

    Each takes the next range of files when it is done with one; each worker always holds a second
    range, so that it never waits for the parent, which reads what workers send between two of its
    own files. Ranges shrink toward the end of the run, so that all end at about the same time.
    A range a worker gives back (its check raised) or loses (it ended) is checked by the parent.
    Results are yielded in file order.
    """

    def __init__(self, check: CheckFile, files: Sequence[tuple[Path, str]], processes: int) -> None:
        self.check, self.files, self.processes = check, files, processes
        self.next = 0  # the first file not handed to anyone yet
        self.mine: deque[tuple[int, int]] = deque()  # ranges the parent must check itself
        self.held: dict[Worker, dict[int, int]] = {}  # each worker's ranges, start -> end
        self.done: dict[int, list[FileResult]] = {}  # checked ranges not yielded yet, by start
        self.finished = False

    def results(self) -> Iterator[FileResult]:
        """Every file's result, in file order."""
        self._start_workers()
        out = 0
        while out < len(self.files):
            task = self.mine.popleft() if self.mine else self.take()
            if task is not None:
                self.done[task[0]] = self._own(*task)
            elif any(self.held.values()):  # some worker still holds files
                self._receive(WAKE_EVERY)
            else:
                raise RuntimeError(f"files {out} and later were never checked")  # a bug, not an input
            while out in self.done:
                found = self.done.pop(out)
                out += len(found)
                yield from found
        self.finished = True

    def take(self) -> tuple[int, int] | None:
        """The next range of files nobody was given, or None when every file was handed out."""
        remaining = len(self.files) - self.next
        if remaining <= 0:
            return None
        size = max(1, min(LARGEST_RANGE, remaining // (self.processes * 4)))
        self.next += size
        return self.next - size, self.next

    def end(self) -> None:
        """Stop the workers (kill them if the run did not finish) and wait for them."""
        from skillprofiles.engine import workers  # imported by _start_workers: a lookup

        for worker in self.held:
            if self.finished:
                try:
                    workers.hand(worker.channel, *workers.STOP)
                except OSError:
                    worker.kill()
            else:
                worker.kill()
        for worker in self.held:
            _WORKERS.remove(worker)  # first: the SIGTERM handler must not kill a reaped (reused) pid
            worker.reap()
        self.held.clear()

    def _start_workers(self) -> None:
        # what the parent holds now (modules, catalogue, models) is kept out of the workers' collections:
        # walking it would cost each worker time and, by touching every object, copies of its pages
        # (A/B on 1,000 files: 0.96x the CPU time); the parent unfreezes it at once, unless the
        # program had frozen objects of its own, which unfreezing would release too
        ours = not program_froze_objects()
        if ours:
            gc.freeze()
        _block_signals()
        try:
            self._fork_or_spawn()
        finally:
            _unblock_signals()
            if ours:
                gc.unfreeze()
        for worker in list(self.held) * 2:  # a range to check and one in reserve
            self._give(worker)

    def _fork_or_spawn(self) -> None:
        from skillprofiles.engine import workers  # the first import of it (and of pickle) in a run

        forking = workers.can_fork() and not _other_threads()  # a fork copies no other thread's work
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is copied into a worker
            if stream is not None:
                stream.flush()
        for _ in range(self.processes - 1):
            try:
                if forking:
                    worker: Worker = workers.fork(self.check, self.files, _prepare, list(_WORKERS))
                else:
                    worker = workers.spawn(self.check, self.files, _prepare)
            except OSError:  # no more processes or descriptors: the run goes on with those it has
                break
            self.held[worker] = {}
            _WORKERS.append(worker)

    def _own(self, start: int, end: int) -> list[FileResult]:
        results = []
        for index in range(start, end):
            results.append(without_profile(self.check(*self.files[index])))
            if self.held:
                self._receive(0)
        return results

    def _give(self, worker: Worker) -> None:
        from skillprofiles.engine import workers  # imported by _start_workers: a lookup

        if worker not in self.held:  # it ended while being given its first ranges (see _lost)
            return
        task = self.take()
        if task is None:
            return
        self.held[worker][task[0]] = task[1]
        try:
            workers.hand(worker.channel, *task)
        except OSError:  # the worker ended
            self._lost(worker)

    def _receive(self, timeout: float) -> None:
        import pickle  # imported with the workers: a lookup

        from skillprofiles.engine import workers

        for worker in workers.ready(list(self.held), timeout):
            try:
                start, results = pickle.loads(worker.channel.recv_bytes())
            except (EOFError, OSError, pickle.UnpicklingError):
                self._lost(worker)
                continue
            end = self.held[worker].pop(start)
            if results is None:
                self.mine.append((start, end))
            else:
                self.done[start] = results
            self._give(worker)

    def _lost(self, worker: Worker) -> None:
        """A worker ended (killed, out of memory): the parent checks the files it held."""
        self.mine.extend(sorted(self.held.pop(worker).items()))
        worker.kill()
        _WORKERS.remove(worker)
        worker.reap()
