"""Writing the search index: changes through Whoosh's own writer, a new index all at once.

Changes to an index (a few pages) go through Whoosh's writer into a small new segment; a
new index is written by :mod:`ipcsreader.compat.whoosh_segments` on every core and made
the whole index by one table of contents, so that readers (and a process killed half-way)
keep the last committed index until then. Whoosh is imported only when writing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ipcsreader.errors import IndexUnavailableError
from ipcsreader.model import Record
from ipcsreader.store import fields


class Writer:
    """Adds, replaces and deletes documents inside one commit."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def put(self, record: Record, body: Callable[[], str]) -> None:
        self._writer.update_document(**fields.document(record, body()))

    def delete(self, number: int) -> None:
        self._writer.delete_by_term("number", number)


class Batch:
    """The documents of a new index, written all at once (:func:`commit_segments`)."""

    def __init__(self) -> None:
        self.documents: list[tuple[Record, Callable[[], str]]] = []

    def put(self, record: Record, body: Callable[[], str]) -> None:
        # The body is read when its segment is written, so that none waits in memory.
        self.documents.append((record, body))

    def delete(self, number: int) -> None:
        pass  # a new index holds nothing to delete


@contextmanager
def updating(ix: Any, path: Path) -> Iterator[Writer]:
    """Whoosh's own writer, for changes to an index: they go into a new small segment."""
    from whoosh.index import LockError

    try:
        writer = ix.writer()
    except LockError:
        raise busy(path) from None
    try:
        yield Writer(writer)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


@contextmanager
def write_lock(ix: Any, path: Path) -> Iterator[None]:
    lock = ix.lock("WRITELOCK")
    if not lock.acquire(False):
        raise busy(path)
    try:
        yield
    finally:
        lock.release()


def busy(path: Path) -> IndexUnavailableError:
    return IndexUnavailableError(
        f"the index in {path} is being updated by another ipcs; try again shortly"
    )


def commit_segments(
    ix: Any,
    documents: list[tuple[Record, Callable[[], str]]],
    progress: Callable[[int, int], None] | None,
) -> None:
    """Write ``documents`` as new segments (one per core) and make them the whole index."""
    from whoosh.index import TOC, clean_files

    from ipcsreader.compat import whoosh_segments as segments
    from ipcsreader.store import workers

    schema = fields.schema()
    written = (
        segments.write(
            ix.storage,
            schema,
            ix.indexname,
            documents,
            lambda item: fields.document_of((item[0], item[1]())),
            fields.fast_analysers(),
            jobs=workers.jobs_for(len(documents), segments.PER_JOB),
            progress=progress and (lambda done: progress(done, len(documents))),
        )
        if documents
        else []
    )
    generation = ix.latest_generation() + 1
    TOC(schema, written, generation).write(ix.storage, ix.indexname)
    clean_files(ix.storage, ix.indexname, generation, written)
