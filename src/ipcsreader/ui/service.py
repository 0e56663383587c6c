"""The library as the app sees it: every call answered on one thread of its own, awaited.

The library's catalog is an SQLite connection, usable only from the thread that opened it,
and a search must never hold up the screen: so one worker thread owns the library and runs
each request in turn, and the app awaits the answers. Views computed from every record
(columns, authors, the archive by date) are kept until the index changes. No Textual here.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ipcsreader.archive.search import SearchQuery
from ipcsreader.errors import IpcsError

if TYPE_CHECKING:
    from ipcsreader.archive.authors import Authors
    from ipcsreader.archive.browse import Archive
    from ipcsreader.archive.columns import Column
    from ipcsreader.archive.known import KnownTitle
    from ipcsreader.cite.export import Format
    from ipcsreader.cite.styles import Citation, Style
    from ipcsreader.desk.store import Entry
    from ipcsreader.library import Library
    from ipcsreader.model import Hit, Record, SearchResult

_T = TypeVar("_T")


class Service:
    """One library, opened on its own thread, over ``corpus`` and ``index`` as the CLI takes
    them; ``notify`` hears what the library says (from that thread)."""

    def __init__(
        self,
        corpus: Path | Sequence[Path] | None,
        index: Path | None,
        *,
        notify: Callable[[str], None] | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.corpus = corpus
        self.index = index
        self.today = today  # the access date in citations; None: the real today
        self.notify = notify or (lambda _message: None)  # called on the library's thread
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ipcs-library")
        self._library: Library | None = None
        self._views: dict[str, Any] = {}
        self._desk_trouble_said = False

    async def _call(self, work: Callable[[Library], _T]) -> _T:
        return await asyncio.wrap_future(self._thread.submit(self._run, work))

    def _run(self, work: Callable[[Library], _T]) -> _T:
        if self._library is None:
            from ipcsreader.library import Library

            self._library = Library.open(
                self.corpus, self.index, notify=lambda message: self.notify(message)
            )
        return work(self._library)

    def close(self) -> None:
        """Drop what is queued; wait for the call under way (a search: milliseconds)."""
        self._thread.shutdown(wait=True, cancel_futures=True)

    @property
    def library(self) -> Library | None:
        """The open library (None until the first call): for the index's own folders."""
        return self._library

    async def reload(self) -> None:
        """Read the index afresh after another process updated it."""

        def reopen(_old: Library) -> None:
            self._library = None
            self._views.clear()

        await self._call(reopen)

    async def search(self, query: SearchQuery) -> SearchResult:
        return await self._call(lambda lib: lib.search(query))

    async def why_nothing(self, query: SearchQuery) -> str | None:
        """Why ``query`` found nothing where an author, column or tag it names is none the
        archive or the desk holds (:meth:`Library.check_filters`, as ``ipcs search``
        says it); None otherwise."""
        from ipcsreader.errors import NotFoundError

        def check(lib: Library) -> str | None:
            try:
                lib.check_filters(query)
            except NotFoundError as error:
                return error.message
            return None

        return await self._call(check)

    async def search_unread(self, query: SearchQuery) -> tuple[SearchResult, set[int]]:
        """``query``'s result and which of its hits to show as unread, in one call (each
        call waits its turn on the library's thread: one per keystroke, not two)."""

        def both(lib: Library) -> tuple[SearchResult, set[int]]:
            result = lib.search(query)
            return result, self._unread_among(lib, [h.number for h in result.hits])

        return await self._call(both)

    async def record(self, number: int) -> Record:
        return await self._call(lambda lib: lib.record(number))

    # The reader's desk (:mod:`ipcsreader.desk`), on the library's thread like the rest.

    def _unread_among(self, lib: Library, numbers: list[int]) -> set[int]:
        """Which of ``numbers`` to show as unread (as ``ipcs search`` does); none when the
        desk cannot tell (said once)."""
        from ipcsreader.reading import Reading

        try:
            return Reading(lib).unread_among(numbers)
        except IpcsError as error:
            if not self._desk_trouble_said:
                self._desk_trouble_said = True
                self.notify(f"Unread articles are not shown: {error.message}")
            return set()

    async def open_article(self, number: int) -> tuple[Record, Entry | None]:
        """Article ``number`` and what the desk holds of it (tags, note); marked read, as
        ``ipcs read`` marks it (a desk that cannot be used is said, and the article read)."""

        def read(lib: Library) -> tuple[Record, Entry | None]:
            record = lib.record(number)
            try:
                desk = lib.desk()
            except IpcsError as error:
                self.notify(f"Your desk is left alone: {error.message}")
                return record, None
            if desk is None:
                return record, None
            if not record.listing_only:
                desk.mark([number], read=True)
            return record, desk.entries([number]).get(number)

        return await self._call(read)

    async def retag(self, number: int, tags: list[str]) -> Entry:
        """Give article ``number`` exactly ``tags`` (checked as ``ipcs tag`` checks them);
        what the desk holds of it then."""
        from ipcsreader.desk import checks

        wanted = checks.tags(tags)

        def retag(lib: Library) -> Entry:
            desk = lib.desk()
            with desk.transaction():
                had = desk.entries([number])[number].tags
                desk.untag([number], [t for t in had if t not in wanted])
                desk.tag([number], [t for t in wanted if t not in had])
            return desk.entries([number])[number]

        return await self._call(retag)

    async def write_note(self, number: int, text: str) -> Entry:
        """Article ``number``'s note made ``text`` (none when blank); what the desk holds
        of it then."""
        from ipcsreader.desk import checks

        note = checks.note(text) if text.strip() else None

        def write(lib: Library) -> Entry:
            desk = lib.desk()
            if note is None:
                desk.delete_note(number)
            else:
                desk.set_note(number, note)
            return desk.entries([number])[number]

        return await self._call(write)

    async def setting(self, name: str) -> str | None:
        """A choice the reader made in an earlier run (None: none, or no desk to ask)."""

        def read(lib: Library) -> str | None:
            desk = lib.desk(create=False)
            return desk.setting(name) if desk else None

        return await self._call(read)

    async def keep_setting(self, name: str, value: str) -> None:
        await self._call(lambda lib: lib.desk().set_setting(name, value))

    async def more_by(self, number: int, limit: int = 20) -> list[KnownTitle]:
        def gather(lib: Library) -> list[KnownTitle]:
            return lib.more_by(lib.record(number), limit)

        return await self._call(gather)

    async def related(self, number: int, limit: int = 10) -> list[Hit]:
        def gather(lib: Library) -> list[Hit]:
            return [h for h in lib.more_like(number, limit + 1) if h.number != number][:limit]

        return await self._call(gather)

    async def cite(self, number: int, style: Style) -> Citation:
        from ipcsreader.cite.styles import cite

        return await self._call(lambda lib: cite(lib.record(number), style, today=self.today))

    async def export(self, query: SearchQuery, fmt: Format, path: Path) -> int:
        """Write every article ``query`` finds to ``path`` (an existing file is refused);
        how many."""
        from dataclasses import replace

        from ipcsreader.cite.export import check_output, export_text, write_export

        check_output(path)

        def write(lib: Library) -> int:
            everything = replace(query, limit=None, page=1, facets=(), highlight=False)
            numbers = [h.number for h in lib.search(everything).hits]
            records = [lib.record(n) for n in numbers]
            write_export(export_text(records, fmt), path)
            return len(records)

        return await self._call(write)

    async def columns(self) -> list[Column]:
        from ipcsreader.archive.columns import gather_columns

        return await self._view("columns", lambda lib: gather_columns(lib.records(), lib.pages()))

    async def authors(self) -> Authors:
        from ipcsreader.archive.authors import Authors

        return await self._view("authors", lambda lib: Authors(lib.records(), lib.pages()))

    async def archive(self) -> Archive:
        from ipcsreader.archive.browse import browse

        return await self._view("archive", lambda lib: browse(lib.records()))

    async def _view(self, name: str, compute: Callable[[Library], _T]) -> _T:
        def cached(lib: Library) -> _T:
            if name not in self._views:
                self._views[name] = compute(lib)
            return self._views[name]

        return await self._call(cached)
