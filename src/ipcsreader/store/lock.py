"""One writer at a time: an advisory lock file in the index folder.

``ipcs index`` (and any command that brings the index up to date) holds the lock while it
writes; a second writer waits for it, a bounded time, then gives up with a clear message.
Readers never take it: Whoosh and the catalog replace their files atomically, so a search
reads the last committed state while a writer works. The operating system drops a
``flock`` when its process dies, so a killed ``ipcs index`` never leaves a stale lock.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from ipcsreader.errors import IndexUnavailableError

LOCK_FILE = ".lock"  # Whoosh's clean-up skips names starting with a dot
DEFAULT_TIMEOUT = 30.0
_POLL_SECONDS = 0.1


def timeout_seconds() -> float:
    """How long a writer waits for another: ``IPCS_LOCK_TIMEOUT`` seconds, default 30."""
    raw = os.environ.get("IPCS_LOCK_TIMEOUT", "")
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value >= 0 else DEFAULT_TIMEOUT


class IndexLock:
    """The writer lock of the index in ``index_dir``; re-entrant within one object."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self.path = index_dir / LOCK_FILE
        self._fd: int | None = None
        self._depth = 0

    @property
    def held(self) -> bool:
        return self._fd is not None

    def _try(self) -> bool:
        try:
            self.index_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:  # a folder we may not write, a file in its place
            raise IndexUnavailableError(
                f"cannot use {self.index_dir} for the search index: {error.strerror}"
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def acquire(
        self, *, timeout: float | None = None, on_wait: Callable[[str], None] | None = None
    ) -> None:
        """Take the lock, waiting up to ``timeout`` seconds (default: :func:`timeout_seconds`).

        ``on_wait`` hears once that another ipcs holds it. Raises
        :class:`IndexUnavailableError` when the wait runs out.
        """
        if self._fd is not None:
            self._depth += 1
            return
        limit = timeout_seconds() if timeout is None else timeout
        deadline = time.monotonic() + limit
        told = False
        while not self._try():
            if time.monotonic() >= deadline:
                raise IndexUnavailableError(
                    f"another ipcs has been updating the index in {self.index_dir} for "
                    f"{limit:g} s; try again when it has finished (IPCS_LOCK_TIMEOUT sets the wait)"
                )
            if not told and on_wait is not None:
                on_wait(
                    f"Another ipcs is updating the index in {self.index_dir}; "
                    f"waiting up to {limit:g} s…"
                )
                told = True
            time.sleep(_POLL_SECONDS)
        self._depth = 1

    def release(self) -> None:
        if self._fd is None:
            return
        self._depth -= 1
        if self._depth > 0:
            return
        fd, self._fd = self._fd, None
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    def __enter__(self) -> IndexLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def is_locked(index_dir: Path) -> bool:
    """Whether some process (this one included) holds the writer lock right now."""
    path = index_dir / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing drops the shared lock, if it was granted
    return False
