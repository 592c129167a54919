"""Worker processes of a parallel run: started (forked on Linux), handed ranges of files, and stopped."""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from skillprofiles.engine.results import CheckFile, without_profile

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

Files = Sequence[tuple[Path, str]]
STOP = (-1, -1)  # the range that tells a worker to end
_SIZE = 8  # bytes of a message's length, before the message (as multiprocessing's connections frame)


class Channel(Protocol):
    """What the parent and a worker talk through: multiprocessing's ``Connection`` has these."""

    def send_bytes(self, data: bytes) -> None: ...

    def recv_bytes(self) -> bytes: ...

    def fileno(self) -> int: ...

    def close(self) -> None: ...


def serve(check: CheckFile, files: Files, channel: Channel) -> None:
    """A worker's loop: check each range of ``files`` the parent sends, send back its results.

    A range whose check or pickling raised comes back as ``None``: the parent checks it itself, so
    that the error is raised in the caller, as on one process, not lost in a worker. (Where several
    files fail, the error raised may be another file's than the first a one-process run meets.)"""
    while True:
        start, end = pickle.loads(channel.recv_bytes())
        if start < 0:
            return
        try:
            results = [without_profile(check(*files[i])) for i in range(start, end)]
            message = pickle.dumps((start, results), pickle.HIGHEST_PROTOCOL)
        except Exception:
            message = pickle.dumps((start, None), pickle.HIGHEST_PROTOCOL)
        channel.send_bytes(message)


def hand(channel: Channel, start: int, end: int) -> None:
    """Send a worker the range ``start:end`` of the files (``STOP``: end)."""
    channel.send_bytes(pickle.dumps((start, end), pickle.HIGHEST_PROTOCOL))


class Worker(Protocol):
    """One worker process and the parent's end of its channel."""

    @property
    def channel(self) -> Channel: ...

    def kill(self) -> None:
        """End the process at once (SIGKILL); :meth:`reap` waits for it."""

    def reap(self) -> None:
        """Wait for the process to end, and close the channel."""


class Pipes:
    """A forked worker's channel: two pipes, framed as multiprocessing frames its connections."""

    def __init__(self, reading: int, writing: int) -> None:
        self.reading, self.writing = reading, writing

    def send_bytes(self, data: bytes) -> None:
        view = memoryview(len(data).to_bytes(_SIZE, "little") + data)
        while view:
            view = view[os.write(self.writing, view) :]

    def recv_bytes(self) -> bytes:
        return self._exactly(int.from_bytes(self._exactly(_SIZE), "little"))

    def _exactly(self, size: int) -> bytes:
        parts = []
        while size:
            part = os.read(self.reading, min(size, 1 << 20))
            if not part:
                raise EOFError("the other end of the pipe was closed")
            parts.append(part)
            size -= len(part)
        return b"".join(parts)

    def fileno(self) -> int:
        return self.reading

    def close(self) -> None:
        for fd in (self.reading, self.writing):
            with contextlib.suppress(OSError):
                os.close(fd)


class Forked:
    """A worker started with ``os.fork``: it shares the parent's loaded modules, catalogue and models."""

    def __init__(self, pid: int, channel: Pipes) -> None:
        self.pid, self.channel = pid, channel

    def kill(self) -> None:
        import signal  # imported by the parent before forking: a lookup, not an import

        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def reap(self) -> None:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        self.channel.close()


class Spawned:
    """A worker started by multiprocessing's spawn (where fork is unsafe or missing: macOS, Windows,
    a program with other threads running)."""

    def __init__(self, process: BaseProcess, channel: Connection) -> None:
        self.process, self.channel = process, channel

    def kill(self) -> None:
        self.process.kill()

    def reap(self) -> None:
        self.process.join()
        self.channel.close()


def fork(check: CheckFile, files: Files, prepare: Callable[[], None], siblings: Sequence[Worker]) -> Forked:
    """Start a worker by forking this process; ``prepare`` runs first in the worker.

    The worker never returns into the parent's code: it ends with ``os._exit``, so it neither runs
    the parent's exit functions nor writes the parent's buffered output."""
    down_read, down_write = os.pipe()
    try:
        up_read, up_write = os.pipe()
    except OSError:  # out of descriptors: none of these is left open
        _close(down_read, down_write)
        raise
    try:
        pid = os.fork()
    except OSError:  # out of processes or memory
        _close(down_read, down_write, up_read, up_write)
        raise
    if pid == 0:  # the worker
        code = 1
        try:
            for fd in (down_write, up_read):
                os.close(fd)
            for sibling in siblings:  # the parent's ends of the others' pipes: theirs to close
                sibling.channel.close()
            prepare()
            serve(check, files, Pipes(down_read, up_write))
            code = 0
        finally:
            os._exit(code)
    os.close(down_read)
    os.close(up_write)
    return Forked(pid, Pipes(up_read, down_write))


def _close(*descriptors: int) -> None:
    for fd in descriptors:
        os.close(fd)


def spawn(check: CheckFile, files: Files, prepare: Callable[[], None]) -> Spawned:
    """Start a worker in a fresh interpreter (spawn): ``check`` and ``files`` are pickled.

    They are sent over the worker's channel, not as the process's arguments: multiprocessing writes
    those into a pipe whose reading end it keeps open until they are written, so a child that ends
    while it starts (a script without the ``if __name__ == "__main__"`` guard, run again in every
    child) would leave ``start`` waiting for ever once they outgrow the pipe (a check is 60 KB). A
    send to an ended worker fails, and the run goes on without it."""
    import multiprocessing  # 10 ms that forked runs (Linux) and small runs do not need

    work = pickle.dumps((check, files), pickle.HIGHEST_PROTOCOL)  # before a process: it can raise
    # spawn, not the platform's default (fork on Linux before Python 3.14): this path is taken
    # where forking is unsafe, also on Linux when other threads run
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    process = context.Process(target=_spawned, args=(prepare, theirs), daemon=True)
    process.start()
    theirs.close()
    worker = Spawned(process, ours)
    try:
        ours.send_bytes(work)
    except OSError:  # it ended while starting
        worker.kill()
        worker.reap()
        raise
    return worker


def _spawned(prepare: Callable[[], None], channel: Connection) -> None:
    prepare()
    with contextlib.suppress(EOFError, OSError):  # the parent ended: so does this worker
        check, files = pickle.loads(channel.recv_bytes())
        serve(check, files, channel)


def ready(workers: Sequence[Worker], timeout: float) -> list[Worker]:
    """The workers with a message to read (or whose process ended), waiting up to ``timeout`` seconds."""
    import select  # imported with the run's first wait (a serial run never needs it): a lookup afterwards

    if all(isinstance(w, Forked) for w in workers) and hasattr(select, "poll"):
        # poll, not select: select cannot watch a descriptor numbered 1024 or more (--jobs 300)
        by_fd = {w.channel.fileno(): w for w in workers}
        watch = select.poll()
        for fd in by_fd:
            watch.register(fd, select.POLLIN)
        return [by_fd[fd] for fd, _ in watch.poll(timeout * 1000)]
    from multiprocessing.connection import wait

    by_channel = {id(w.channel): w for w in workers}
    return [by_channel[id(c)] for c in wait([w.channel for w in workers], timeout)]  # type: ignore[misc]


def can_fork() -> bool:
    """Whether workers are forked: on Linux (fork is unsafe on macOS and missing on Windows)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")
