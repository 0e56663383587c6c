"""What a quick look at the corpus's folders can vouch for, between two full checks.

Adding, removing or renaming a file changes the mtime of the folder that holds it (a new
folder, that of its parent), so folders that look as they did when a full check of every
file last matched the index cannot hold an added, removed or renamed page: one ``stat``
per folder, not per file. Editing a file in place changes no folder; only the ``stat`` of
every file sees that (:mod:`ipcsreader.freshness`).

Two small files in the index folder, outside the catalog and rewritten whole (a missing or
unreadable one vouches for nothing, so the full check is waited for):

- ``.corpus-folders.json``: the folders as a full check that matched the index saw them,
  with the index's fingerprint then. A folder changed within :data:`MARGIN_NS` of that
  check vouches for nothing: a file system's clock is coarse (ext4 a few milliseconds, FAT
  two seconds), so a second change in the same tick could leave its mtime as it was.
- ``.corpus-stale``: the fingerprint of an index a full check found behind the corpus
  (an edit in place, seen by a check whose command did not wait for it): while the
  index has that fingerprint, the next command waits for the full check and updates.

And a lock file, ``.corpus-check``: a full check left to run after its command has
answered holds it (the command takes it, the child it forks keeps it), so that a command
started meanwhile waits for the check's verdict before asking the folders.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path

from ipcsreader.store.corpus import Folders, folder_stat
from ipcsreader.store.fsutil import atomic_write

FOLDERS_FILE = ".corpus-folders.json"
STALE_FILE = ".corpus-stale"
CHECK_LOCK = ".corpus-check"
MARGIN_NS = 2_000_000_000
_POLL_SECONDS = 0.002


def _tops(dirs: Sequence[Path]) -> list[str]:
    return [str(d) for d in dirs]


def record(
    index_dir: Path, dirs: Sequence[Path], fingerprint: str, folders: Folders, scanned_ns: int
) -> None:
    """Keep ``folders``, as a full check begun at ``scanned_ns`` saw them, for an index whose
    fingerprint matched that check's (``fingerprint``)."""
    data = {
        "fingerprint": fingerprint,
        "tops": _tops(dirs),
        "scanned_ns": scanned_ns,
        "folders": folders,
    }
    # A read-only index folder keeps none: every command waits for the full check.
    with contextlib.suppress(OSError):
        atomic_write(index_dir / FOLDERS_FILE, json.dumps(data))


def mark_stale(index_dir: Path, fingerprint: str) -> None:
    """Say that the index with ``fingerprint`` is behind the corpus."""
    with contextlib.suppress(OSError):
        atomic_write(index_dir / STALE_FILE, fingerprint)


def vouch(index_dir: Path, dirs: Sequence[Path], fingerprint: str) -> bool:
    """Whether no page can have been added, removed or renamed since a full check matched
    the index with ``fingerprint`` (and no full check has found it behind since)."""
    try:
        if (index_dir / STALE_FILE).read_text(encoding="utf-8") == fingerprint:
            return False
    except (OSError, UnicodeError):
        pass
    try:
        data = json.loads((index_dir / FOLDERS_FILE).read_text(encoding="utf-8"))
        same = data["fingerprint"] == fingerprint and data["tops"] == _tops(dirs)
        scanned_ns, folders = int(data["scanned_ns"]), data["folders"]
        if not same or not isinstance(folders, dict):
            return False
        listed = {str(top.resolve()) for top in dirs if top.is_dir()}
        if not listed <= folders.keys():
            return False  # a corpus folder that was missing is there now
        latest = min(scanned_ns, time.time_ns()) - MARGIN_NS
        for path, seen in folders.items():
            now = folder_stat(path)
            if now is None or list(now) != seen or now[1] >= latest:
                return False
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True


def hold_check(index_dir: Path, *, wait: bool) -> int | None:
    """Take the check lock for a full check about to run: its descriptor, which a forked
    child inherits and keeps until it exits. None when it cannot be had (a read-only
    index folder: no one waits then), or without ``wait`` while another check holds it."""
    try:
        fd = os.open(index_dir / CHECK_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def await_check(index_dir: Path, timeout: float) -> bool:
    """Wait until no full check holds the check lock; False when one still does after
    ``timeout`` seconds (hung, say: the caller then checks every file itself)."""
    try:
        fd = os.open(index_dir / CHECK_LOCK, os.O_RDONLY)
    except OSError:
        return True  # never taken here
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return False
                time.sleep(_POLL_SECONDS)
    finally:
        os.close(fd)  # and with it the shared lock
