"""Is the index in step with the corpus? Told before a command answers, at any size.

A full check costs a ``stat`` per page file: 56,000 files take a third of a second, more
than a search. So a command at scale looks at the files two ways at once:

- **the folders, waited for** (:mod:`ipcsreader.store.hints`): one ``stat`` per folder
  tells whether a page can have been added, removed or renamed (or replaced by a rename,
  as ``ipcs fetch`` and most editors save) since a full check matched the index;
- **every file, in a child process** forked beside the command (:mod:`ipcsreader.store
  .forked`): any page whose size or mtime changed, edits in place included.

:meth:`StatusCheck.result` waits for the child when the folders cannot vouch for the
corpus (something changed, or too recently to tell, or no full check has matched since
the last update); then the command updates the index and answers again. When they can
and the child is not done yet, the command answers at once and the child finishes on its
own: if it finds a page edited in place, it marks the index stale, and the next command
waits for the full check and updates first. An edit in place is so seen before the
command's answer when the child is done in time (small corpora: always, the check runs
in the command itself), otherwise by the command after. A page rewritten in place with
its size and mtime kept (``touch -r``) is seen by no ``stat``: ``ipcs index --rebuild``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ipcsreader.store import corpus, forked, hints

if TYPE_CHECKING:
    from ipcsreader.library import Library

# Below this many files a scan (about 5 µs a file) costs less than forking a child for it.
FORK_FROM_FILES = 1000


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
    as :attr:`doubtful`; whether the folders vouch for the corpus, as :attr:`vouched`. The
    ``stat`` of every file is done by a child process while the caller goes on; for a
    small corpus, or where no child can be forked, by :meth:`result`. Only the calling
    thread touches the catalog.
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
        self.vouched = hints.vouch(index_dir, dirs, stored)
        vouched = self.vouched  # the child's work touches nothing but the files and hints
        self._child = forked.start(lambda: check_files(dirs, index_dir, stored, vouched))

    def result(self) -> IndexStatus:
        """The status, as :meth:`Library.status` gives it; without waiting for the child
        when the folders vouch for the corpus (see the module's docstring)."""
        if self._child is None:
            return self._library.status()
        if self.vouched and not self._child.done():
            self._child.leave()
            return IndexStatus("fresh", 0, self._files)
        told = (self._child.result() or b"").decode().split()
        if len(told) == 2 and told[1].isdigit():
            digest, files = told[0], int(told[1])
            if self._library._unchanged_since(digest):
                return IndexStatus("fresh", 0, files)
        return self._library.status()  # changed (or the child failed): count it all here


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
