"""Work done in a child process forked now, its bytes read back when wanted.

For a one-shot command's own costly wait, done on the other core meanwhile: a thread
would not overlap work that needs the GIL between its system calls (a ``stat`` per file).
Forking copies no memory up front (parent and child share pages until either writes);
the child leaves through ``os._exit``, running none of the parent's cleanup (buffered
output, ``atexit``), and touches nothing the parent has open.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import NoReturn


def available() -> bool:
    """Whether a child may be forked here: POSIX but macOS (whose system libraries forbid
    it), and no other thread running (a lock it holds would be copied held)."""
    return hasattr(os, "fork") and sys.platform != "darwin" and threading.active_count() == 1


class Forked:
    """A child at work; :meth:`result` waits for what it writes."""

    def __init__(self, pid: int, fd: int) -> None:
        self._pid: int | None = pid
        self._fd = fd
        self._data: bytes | None = None

    def done(self) -> bool:
        """Whether the child has finished (without waiting for it)."""
        if self._pid is None:
            return True
        pid, status = os.waitpid(self._pid, os.WNOHANG)
        if pid == 0:
            return False
        self._finish(status)
        return True

    def leave(self) -> None:
        """Let the child finish on its own, unheard (it outlives this process if need be)."""
        if self._pid is not None:
            os.close(self._fd)
            _left.append(self._pid)
            self._pid = None

    def result(self) -> bytes | None:
        """What the child wrote, once it is done; None if it failed."""
        if self._pid is not None:
            self._finish(None)
        return self._data

    def _finish(self, status: int | None) -> None:
        """Read what the child wrote (it is small: the pipe holds it all), and its status."""
        assert self._pid is not None
        chunks = []
        try:
            while chunk := os.read(self._fd, 1 << 16):
                chunks.append(chunk)
        finally:
            os.close(self._fd)
            if status is None:
                _, status = os.waitpid(self._pid, 0)
            self._pid = None
        if os.waitstatus_to_exitcode(status) == 0:
            self._data = b"".join(chunks)


# Children left to finish on their own, reaped when the next one starts.
_left: list[int] = []


def reap(*, wait: bool = False) -> None:
    """Collect the children left to finish (``wait``: until they have)."""
    for pid in list(_left):
        try:
            done, _ = os.waitpid(pid, 0 if wait else os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            _left.remove(pid)


def start(work: Callable[[], bytes]) -> Forked | None:
    """``work()`` run in a child forked now; None where that cannot be done."""
    if not available():
        return None
    reap()
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:
        _child(work, read_end, write_end)
    os.close(write_end)
    return Forked(pid, read_end)


def _child(work: Callable[[], bytes], read_end: int, write_end: int) -> NoReturn:
    code = 1
    try:
        os.close(read_end)
        # Off the terminal and the pipes: a child left to finish must not keep a reader
        # of this process's output (a pipeline, a test harness) waiting for it.
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        data = memoryview(work())
        while data:
            data = data[os.write(write_end, data) :]
        code = 0
    finally:
        os._exit(code)  # whatever happened, never back into the parent's code
