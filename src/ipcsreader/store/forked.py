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

    def result(self) -> bytes | None:
        """What the child wrote, once it is done; None if it failed."""
        if self._pid is None:
            return self._data
        chunks = []
        try:
            while chunk := os.read(self._fd, 1 << 16):
                chunks.append(chunk)
        finally:
            os.close(self._fd)
            _, status = os.waitpid(self._pid, 0)
            self._pid = None
        if os.waitstatus_to_exitcode(status) == 0:
            self._data = b"".join(chunks)
        return self._data


def start(work: Callable[[], bytes]) -> Forked | None:
    """``work()`` run in a child forked now; None where that cannot be done."""
    if not available():
        return None
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
        data = memoryview(work())
        while data:
            data = data[os.write(write_end, data) :]
        code = 0
    finally:
        os._exit(code)  # whatever happened, never back into the parent's code
