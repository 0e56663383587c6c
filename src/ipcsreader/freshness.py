"""Is the index in step with the corpus? Told before a command answers, at any size.

A full check costs a ``stat`` per page file: 56,000 files take a third of a second, more
than a search. So a command at scale looks at the files two ways:

- **the folders, waited for** (:mod:`ipcsreader.store.hints`): one ``stat`` per folder
  tells whether a page can have been added, removed or renamed (or replaced by a rename,
  as ``ipcs fetch`` and most editors save) since a full check matched the index;
- **every file, in a child process** (:mod:`ipcsreader.store.forked`): any page whose
  size or mtime changed, edits in place included.

When the folders cannot vouch for the corpus (something changed, or too recently to
tell, or no full check has matched since the last update, or one found the index behind),
the child is forked as the command starts and :meth:`StatusCheck.result` waits for it;
then the command updates the index and answers again. When they can, the command answers
at once and the full check is deferred until it has answered (:func:`run_deferred`, as
the process exits): on two cores it would otherwise compete with the command. The child
then holds a lock (``hints.CHECK_LOCK``) until it is done; if it finds a page edited in
place, it marks the index stale.

What is so guaranteed:

- a page added, removed or renamed is seen before any command answers;
- a page edited in place (its size or mtime changed) before a command starts is seen by
  that command's full check: any command started after that command has ended waits for
  the check (up to :data:`AWAIT_CHECK_SECONDS`, then checks every file itself), finds the
  index marked stale and updates it before answering. Commands run one after the other,
  at a terminal or in a script, so see the edit by the next command at the latest; one
  that overlaps the first (started before it ended) may answer once from the index as it
  was. A command killed before it exits leaves no check: the next one defers its own.
  Where no child can be forked (macOS; threads running) and below
  :data:`FORK_FROM_FILES` files, every file is looked at before answering;
- a page rewritten in place with its size and mtime kept (``touch -r``) is seen by no
  ``stat``: ``ipcs index --rebuild``.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ipcsreader.store import corpus, forked, hints

if TYPE_CHECKING:
    from ipcsreader.library import Library

# Below this many files a scan (about 5 µs a file) costs less than forking a child for it.
FORK_FROM_FILES = 1000
# How long a command waits for a full check another command left running (at 50,000
# files one takes about half a second): longer, it is hung, and this command checks.
AWAIT_CHECK_SECONDS = 5.0


@dataclass(frozen=True)
class IndexStatus:
    """``state`` is "missing", "stale" or "fresh"; ``changed`` counts files to (re)index.

    ``damage`` says why a stale index must be rebuilt; ``interrupted``: an update died (or
    is running) after committing the search index and before recording it.
    """

    state: str
    changed: int
    files: int
    damage: str | None = None
    interrupted: bool = False


class StatusCheck:
    """A :meth:`Library.status` under way, beside a search say.

    What the index says of itself (missing, damaged, an update cut off) is known at once,
    as :attr:`doubtful`; whether the folders vouch for the corpus, as :attr:`vouched`
    (then the ``stat`` of every file is deferred until the command has answered). When
    they do not, the ``stat`` of every file is done by a child process while the caller
    goes on; for a small corpus, or where no child can be forked, by :meth:`result`.
    Only the calling thread touches the catalog.
    """

    def __init__(self, library: Library) -> None:
        self._library = library
        damage, interrupted = library._diagnose()
        indexed = library._indexed()
        self.doubtful = bool(damage or interrupted) or library._present_catalog() is None
        self.vouched = False
        self._child = None
        if self.doubtful or indexed is None or indexed[0] < FORK_FROM_FILES:
            return
        self._files, stored = indexed
        dirs, index_dir = library.corpus_dirs, library.index_dir
        # A check an earlier command left running may be about to mark the index stale.
        settled = hints.await_check(index_dir, AWAIT_CHECK_SECONDS)
        if settled and forked.available() and hints.vouch(index_dir, dirs, stored):
            self.vouched = True
            _defer(dirs, index_dir, stored)
            return
        self._child = forked.start(lambda: check_files(dirs, index_dir, stored, False))

    def result(self) -> IndexStatus:
        """The status, as :meth:`Library.status` gives it; at once when the folders vouch
        for the corpus (see the module's docstring)."""
        if self.vouched:
            return IndexStatus("fresh", 0, self._files)
        if self._child is None:
            return self._library.status()
        told = (self._child.result() or b"").decode().split()
        if len(told) == 2 and told[1].isdigit():
            digest, files = told[0], int(told[1])
            if self._library._unchanged_since(digest):
                return IndexStatus("fresh", 0, files)
        return self._library.status()  # changed (or the child failed): count it all here


# Full checks deferred until their command has answered, by corpus and index.
_deferred: dict[tuple[tuple[str, ...], str], tuple[list[Path], Path, str]] = {}


def _defer(dirs: list[Path], index_dir: Path, stored: str) -> None:
    if not _deferred:
        atexit.unregister(run_deferred)  # registered once however often deferred
        atexit.register(run_deferred)
    _deferred[(tuple(map(str, dirs)), str(index_dir))] = (dirs, index_dir, stored)


def run_deferred() -> None:
    """Start the full checks deferred by commands that answered at once, each in a child
    left to finish on its own, holding the check lock (run as the process exits)."""
    pending = list(_deferred.values())
    _deferred.clear()
    for stream in (sys.stdout, sys.stderr):  # the answer out first, not after the fork
        with contextlib.suppress(Exception):
            stream.flush()
    for dirs, index_dir, stored in pending:
        _start_check(dirs, index_dir, stored)


def _start_check(dirs: list[Path], index_dir: Path, stored: str) -> None:
    held = hints.hold_check(index_dir, wait=False)

    def work() -> bytes:
        # Another check holds the lock: this one follows it.
        waited = hints.hold_check(index_dir, wait=True) if held is None else None
        try:
            return check_files(dirs, index_dir, stored, True)
        finally:
            if waited is not None:
                os.close(waited)

    child = forked.start(work)
    if child is None:  # no child to be had after all: checked here, before exiting
        work()
    else:
        child.leave()
    if held is not None:
        os.close(held)  # the child keeps the lock until it exits


def check_files(dirs: list[Path], index_dir: Path, stored: str, vouched: bool) -> bytes:
    """A full check, in a child: the fingerprint of a scan and its size. Found behind, the
    index with fingerprint ``stored`` is marked stale for the next command; found in step
    while the folders could not vouch, they are kept as this scan saw them."""
    folders: corpus.Folders = {}
    started = time.time_ns()
    found = corpus.scan(dirs, folders)
    digest = corpus.fingerprint(found)
    if digest != stored:
        hints.mark_stale(index_dir, stored)
    elif not vouched:
        hints.record(index_dir, dirs, digest, folders, started)
    return f"{digest} {len(found)}".encode()
