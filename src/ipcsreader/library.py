"""The library: the corpus, the index built from it, and everything asked of them.

Commands use this facade and nothing below it. It keeps the index in step with the corpus
(:meth:`Library.status`; :meth:`Library.update` parses only new and changed files) and
answers from the catalog: records with their bodies as indexed, and the views an update
computes for ``columns``, ``authors``, ``browse`` and ``stats``.

Only one process writes at a time (:mod:`ipcsreader.store.lock`); readers never wait for it. An
index found damaged or written by an older version (:mod:`ipcsreader.store.integrity`) is rebuilt
from the corpus, saying so through ``notify``. Nothing here ever writes to the corpus.
"""

from __future__ import annotations

import datetime as dt
import gc
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar, overload

from ipcsreader import paths
from ipcsreader.answers import Answers
from ipcsreader.desk.handle import DeskHandle
from ipcsreader.errors import IndexUnavailableError, IpcsError, NotFoundError
from ipcsreader.freshness import IndexStatus, StatusCheck
from ipcsreader.model import AlsoRead, FoundNumbers, Hit, Page, Record, SearchResult
from ipcsreader.store import catalog, corpus, integrity
from ipcsreader.store.catalog import Catalog
from ipcsreader.store.lock import IndexLock, is_locked

if TYPE_CHECKING:
    from ipcsreader.archive.known import KnownTitle
    from ipcsreader.archive.search import Plan, SearchQuery
    from ipcsreader.desk.store import Desk
    from ipcsreader.store.index import SearchIndex
    from ipcsreader.update import Notify, Progress, UpdateSummary

_T = TypeVar("_T")
_Found = TypeVar("_Found", SearchResult, FoundNumbers)


class Library(Answers):
    def __init__(
        self, corpus_dirs: list[Path], index_dir: Path, *, notify: Notify | None = None
    ) -> None:
        self.corpus_dirs = corpus_dirs
        self.index_dir = index_dir
        self._notify = notify or (lambda _message: None)
        self._lock = IndexLock(index_dir)
        self._search_index: SearchIndex | None = None  # made when first asked for
        self._catalog: Catalog | None = None  # open while this library lives
        self._full: dict[int, Record] = {}  # records read in full, until the next update
        self._desk = DeskHandle()
        self._quick: IndexStatus | None = None  # what quick_status() found, until then

    @property
    def _index(self) -> SearchIndex:
        """The search index. Imported when first asked for: the commands answered from the
        catalog alone (columns, authors, browse, stats…) never load the query machinery."""
        if self._search_index is None:
            from ipcsreader.store.index import SearchIndex

            self._search_index = SearchIndex(self.index_dir)
        return self._search_index

    def _drop_index(self) -> None:
        """Forget Whoosh's view of the index files (they may have been replaced)."""
        self._search_index = None

    @classmethod
    def open(
        cls,
        corpus: Path | Sequence[Path] | None = None,
        index: Path | None = None,
        *,
        notify: Notify | None = None,
    ) -> Library:
        """The library over the folders ``corpus`` (:func:`paths.corpus_folders`) and
        ``index`` (default: ``IPCS_INDEX``, else in the user data folder), as the command
        line's ``--corpus`` and ``--index`` default.

        ``notify`` hears what the person at the terminal should know: waiting for another
        ipcs, rebuilding a damaged index.
        """
        dirs = paths.corpus_folders(corpus)
        index = index if index is not None else paths.index_override()
        if index is not None:
            integrity.check_index_folder(index)
        return cls(dirs, index if index is not None else paths.default_index_dir(), notify=notify)

    # Keeping the index fresh.

    def status(self) -> IndexStatus:
        """Whether the index is in step with the corpus: one ``stat`` per page file.

        A file counts as changed when its size or mtime (to the nanosecond) differs from
        what the last update saw, or it came or went; when the digest of the whole scan
        equals the stored one, nothing did and no fingerprint is loaded.
        """
        found = corpus.scan(self.corpus_dirs)
        damage, interrupted = self._diagnose()
        if damage:
            return IndexStatus("stale", len(found), len(found), damage=damage)
        store = self._present_catalog()
        if store is None:
            return IndexStatus("missing", len(found), len(found))
        try:
            if store.fingerprint() == corpus.fingerprint(found):
                changed = 0
            else:
                known = store.files()
                changed = len(known.keys() - found.keys()) + sum(
                    1
                    for key, st in found.items()
                    if key not in known
                    or (known[key].size, known[key].mtime_ns) != (st.size, st.mtime_ns)
                )
        except sqlite3.Error:
            return IndexStatus("stale", len(found), len(found), damage=_DAMAGED)
        state = "stale" if changed or interrupted else "fresh"
        return IndexStatus(state, changed, len(found), interrupted=interrupted)

    def check_status(self) -> StatusCheck:
        """:meth:`status`, begun: the files are looked at in a child process while the
        caller goes on (a search, say), until it asks :meth:`StatusCheck.result` (see
        :mod:`ipcsreader.freshness` for what is seen when)."""
        return StatusCheck(self)

    def quick_status(self) -> IndexStatus:
        """:meth:`status`, as soon as :class:`StatusCheck` can tell it (once per update)."""
        if self._quick is None:
            self._quick = self.check_status().result()
        return self._quick

    def _present_catalog(self) -> Catalog | None:
        """The catalog, when both it and the search index are there (else None)."""
        store = self._catalog_or_none()
        return store if store is not None and integrity.has_index(self.index_dir) else None

    def _indexed(self) -> tuple[int, str] | None:
        """How many files the last update saw, and their fingerprint (None: unreadable)."""
        store = self._catalog_or_none()
        try:
            fingerprint = store.fingerprint() if store else None
            return (store.file_count(), fingerprint) if store and fingerprint else None
        except sqlite3.Error:
            return None

    def _unchanged_since(self, digest: str) -> bool:
        """Whether the index is whole and was last updated from a scan fingerprinted
        ``digest``."""
        damage, interrupted = self._diagnose()  # again: the search may have taken a while
        store = self._present_catalog()
        if damage or interrupted or store is None:
            return False
        try:
            return store.fingerprint() == digest
        except sqlite3.Error:
            return False

    def busy(self) -> bool:
        """Whether another process is writing the index right now."""
        return not self._lock.held and is_locked(self.index_dir)

    def _diagnose(self, *, rebuilding: bool = False) -> tuple[str | None, bool]:
        """Why the index on disk cannot be trusted (None: whole, or simply absent), and
        whether an update was cut off after Whoosh committed.

        An index a newer ipcs made is left alone, with an error saying what to do, unless
        ``rebuilding`` (``ipcs index --rebuild``): two versions sharing one index would
        otherwise rebuild it in turn, each as it reads pages."""
        has_catalog = (self.index_dir / catalog.CATALOG_FILE).exists()
        if not (has_catalog and integrity.has_index(self.index_dir)):
            return None, False
        found = integrity.check(self.index_dir)
        if found.newer:
            if rebuilding:
                return integrity.NEWER, False
            raise IndexUnavailableError(
                f"the index in {self.index_dir} was made by a newer version of ipcs; upgrade "
                "this one (or rebuild the index for it: ipcs index --rebuild)"
            )
        if found.damage is None and self._catalog_or_none() is None:
            return _UNREADABLE, False
        return found.damage, found.interrupted

    def _catalog_or_none(self) -> Catalog | None:
        """The open catalog (opened on first use), or None when it is absent or unreadable."""
        if self._catalog is not None and self._catalog.replaced():
            self._forget_catalog()  # another process rebuilt it: read the new one
        if self._catalog is None:
            self._catalog = Catalog.open(self.index_dir)
        return self._catalog

    def _forget_catalog(self) -> None:
        if self._catalog is not None:
            self._catalog.close()
            self._catalog = None

    def update(self, *, rebuild: bool = False, progress: Progress | None = None) -> UpdateSummary:
        """Bring the index in step with the corpus; ``rebuild`` starts it over.

        Holds the writer lock throughout (waiting for another writer, within bounds). A
        damaged index is thrown away and rebuilt; otherwise the old index stays readable
        until the new state commits.
        """
        return self._write(rebuild, progress, damage=None)

    def _write(self, rebuild: bool, progress: Progress | None, damage: str | None) -> UpdateSummary:
        """:meth:`update`; a ``damage`` found by the caller throws the index away too."""
        self._lock.acquire(on_wait=self._notify)
        # An update keeps every page, record and posting alive until it commits: the
        # cyclic garbage collector would walk them all again and again, for nothing.
        collecting = gc.isenabled()
        gc.disable()
        try:
            integrity.remove_leftovers(self.index_dir)
            damage = damage or self._diagnose(rebuilding=rebuild)[0]
            try:
                summary = self._apply(rebuild, progress, damage)
            except sqlite3.DatabaseError:
                if damage:
                    raise
                # The catalog opened, then failed inside: the manifest cannot see that.
                summary = self._apply(True, progress, _DAMAGED)
            integrity.write_manifest(self.index_dir)
        finally:
            if collecting:
                gc.enable()
            self._lock.release()
        return summary

    def _apply(self, rebuild: bool, progress: Progress | None, damage: str | None) -> UpdateSummary:
        self._forget_catalog()  # reopened by the next read, after this commit
        from ipcsreader.update import IndexUpdate  # only when updating: not every command

        update = IndexUpdate(self.corpus_dirs, self.index_dir, self._index, self._notify)
        try:
            return update.run(rebuild, progress, damage)
        finally:
            self._full.clear()
            self._quick = None

    # Reading.

    def _read(self, read: Callable[[Catalog], _T]) -> _T:
        """``read`` from the catalog; one found damaged inside is rebuilt, and read again."""
        try:
            return read(self._open_catalog())
        except sqlite3.DatabaseError:
            self._forget_catalog()
            self._write(True, None, damage=_DAMAGED)
        return read(self._open_catalog())

    def _open_catalog(self) -> Catalog:
        store = self._catalog_or_none()
        if store is None and (self.index_dir / catalog.CATALOG_FILE).exists():
            # Unreadable: wait for any writer, rebuild if need be, look again.
            self._repair()
            store = self._catalog_or_none()
        if store is None:
            raise IndexUnavailableError("there is no index yet; run: ipcs index")
        return store

    def _repair(self) -> None:
        """After a failed read: wait for any writer, then rebuild the index if it is damaged,
        or finish an update that died half-way."""
        self._forget_catalog()
        self._drop_index()
        with self._lock:
            damage, interrupted = self._diagnose()
            if (
                damage
                or interrupted
                or not integrity.has_index(self.index_dir)
                or self._catalog_or_none() is None
            ):
                self.update()  # says why, when it rebuilds

    def _guarded(self, read: Callable[[], _T]) -> _T:
        """``read`` from the index; should it fail on the files, repair and read once more.

        A reader can trip over a damaged index, or over files a writer has just replaced.
        A file garbled in place (the manifest cannot see that) fails the second read too,
        and a plain listing of the index as well: then the index is rebuilt, once. Mistakes
        in the request (an IpcsError), a failure the listing does not share (a bug, not
        damage) and a third failure go to the caller.
        """
        try:
            return read()
        except IpcsError:
            raise
        except Exception:  # whatever Whoosh raises on files it cannot read
            self._repair()
        try:
            return read()
        except IpcsError:
            raise
        except Exception as error:
            self._drop_index()
            if self._readable():
                raise
            self._write(True, None, damage=f"reading it failed ({type(error).__name__})")
        return read()

    def _readable(self) -> bool:
        """Whether the index answers the simplest search: every article, one shown."""
        from ipcsreader.archive.search import SearchQuery, plan

        try:
            self._index.search(plan(SearchQuery(limit=1, highlight=False)))
        except Exception:  # damage shows as any exception Whoosh happens to hit
            return False
        return True

    def numbers(self) -> list[int]:
        return self._read(Catalog.numbers)

    def article_numbers(self, among: Collection[int] | None = None) -> set[int]:
        """The articles with text in the corpus (all, or those ``among`` some numbers;
        none while there is no index)."""
        if self._present_catalog() is None:
            return set()
        return self._read(lambda c: c.article_numbers(among))

    def dates(self, numbers: Collection[int]) -> dict[int, str | None]:
        """The dates of those of ``numbers`` known, as ISO text (none while there is no
        index): for ordering many articles without reading their records."""
        if self._present_catalog() is None:
            return {}
        return self._read(lambda c: c.dates(numbers))

    def listed(self, numbers: Iterable[int]) -> list[Record]:
        """What a list of articles shows of those of ``numbers`` the corpus knows
        (:meth:`Catalog.listed`: records without their teaser, sources and side bars)."""
        return self._read(lambda c: c.listed(numbers))

    def pages(self) -> list[Page]:
        return [page for _, page in sorted(self._read(Catalog.pages).items())]

    def records(self) -> list[Record]:
        return self._read(Catalog.records)

    def record(self, number: int) -> Record:
        """Everything known of article ``number``, its body as indexed."""
        if number not in self._full:
            self._full[number] = next(self.full_records([number]))
        return self._full[number]

    def full_records(self, numbers: Iterable[int], batch: int = 500) -> Iterator[Record]:
        """The records of ``numbers`` with their bodies, in order, read a ``batch`` at a
        time; NotFoundError for a number the corpus does not hold."""
        from ipcsreader.store.codec import with_body

        for record, body in self.bodied(numbers, batch):
            yield record if body is None else with_body(record, body)

    def bodied(
        self, numbers: Iterable[int], batch: int = 500
    ) -> Iterator[tuple[Record, bytes | None]]:
        """:meth:`full_records` with each body as the catalog keeps it
        (:meth:`Catalog.bodied`), for those who need it no other way (``ipcs export``)."""
        from ipcsreader.numbers import within_range

        numbers = list(numbers)
        for n in numbers:
            if not within_range(n):  # SQLite's integers stop at 2**63-1: not looked up
                raise NotFoundError(self._not_found(n))
        for start in range(0, len(numbers), batch):
            part = numbers[start : start + batch]

            def read(store: Catalog, part: list[int] = part) -> list[tuple[Record, bytes | None]]:
                return list(store.bodied(part))

            found = self._read(read)
            if len(found) < len(part):
                held = {r.number for r, _ in found}
                raise NotFoundError(self._not_found(next(n for n in part if n not in held)))
            yield from found

    def more_by(self, record: Record, limit: int = 5) -> list[KnownTitle]:
        """:func:`authors.more_by` for ``record``: from the catalog when it can tell
        (:meth:`latest_by_one`), else over :meth:`author_records`."""
        ready = self.latest_by_one(record, limit)
        if ready is not None:
            return ready
        from ipcsreader.archive.authors import more_by

        return more_by(record, self.author_records(record), limit)

    def author_records(self, record: Record) -> list[Record]:
        """The records :func:`authors.more_by` needs for ``record``, not every record.

        Those by anyone whose printed name may be one of its authors' (and so on, as far
        as names chain), and those titled as an "Article by same Author" of theirs: people
        are told apart, and sidebar titles matched, only among these, so ``more_by`` over
        them gives what it gives over all records.
        """
        from ipcsreader.archive.people import Name, may_be_same, parse_name
        from ipcsreader.text import title_key

        def gather(store: Catalog) -> list[Record]:
            # A key is the parsed name's words joined by spaces (words never hold one).
            names = [
                Name(tuple(words[:-1]), words[-1])
                for k in store.author_keys()
                if (words := k.split(" "))
            ]
            todo = [p for a in record.authors if (p := parse_name(a.name)) is not None]
            reached: set[str] = set()
            while todo:
                name = todo.pop()
                if name.key in reached:
                    continue
                reached.add(name.key)
                todo.extend(p for p in names if p.key not in reached and may_be_same(name, p))
            numbers = store.numbers_by(reached)
            near = store.records(numbers)
            # A prolific author's pages list the same few titles thousands of times.
            printed = {t for r in [*near, record] for t in r.same_author}
            titles = {title_key(t) for t in printed}
            titled = store.records(store.numbers_titled(titles) - numbers)  # not read twice
            return sorted([*near, *titled], key=lambda r: r.number)

        return self._read(gather)

    def _not_found(self, number: int) -> str:
        known = self.numbers()
        below = [n for n in known if n < number][-1:]
        above = [n for n in known if n > number][:1]
        nearest = ", ".join(str(n) for n in below + above)
        message = f"No article {number} in the corpus"
        return f"{message}; nearest: {nearest}" if nearest else message

    # Searching.

    def search(self, query: SearchQuery) -> SearchResult:
        asked = query.text
        query = self._desk.narrowed(query, self.article_numbers)
        self._require_index()
        result = self._answered(query, self._index.search, lambda found: found.total > 0)
        return result if query.text == asked else replace(result, query=" ".join(asked.split()))

    def _answered(
        self, query: SearchQuery, run: Callable[[Plan], _Found], found: Callable[[_Found], bool]
    ) -> _Found:
        """``run`` for ``query`` as searched, with the slips of its syntax left out said;
        where labels filled in as on a form ("Region: East Asia") found nothing, for their
        words instead, said so."""
        checked = self._checked(query)
        answer = self._guarded(lambda: run(checked))
        if not found(answer) and checked.unlabelled is not None:
            words = self._checked(replace(query, text=checked.unlabelled))
            answer = replace(self._guarded(lambda: run(words)), labelled=checked.labelled)
        return replace(answer, mended=checked.mended) if checked.mended else answer

    def _checked(self, query: SearchQuery) -> Plan:
        """``query`` as searched: its misspelt words found first (a surname typed with a
        typo is then looked for as the bylines print it too), then the people it names."""
        from ipcsreader.archive.search import plan  # the query language: searches only

        return self.people_named(self._guarded(lambda: self._index.respelt(plan(query))))

    def also_read(self, text: str) -> AlsoRead:
        """What a search for ``text`` also reads its acronyms and names in full as, where
        the index's pages pair them (its ``also_read``), and its words no article holds
        (its ``respelt``), without searching."""
        from ipcsreader.archive.search import SearchQuery, plan

        checked = plan(SearchQuery(text, respell=True))
        self._require_index()
        return self._guarded(lambda: self._index.also_read(checked))

    def found_numbers(self, query: SearchQuery) -> FoundNumbers:
        """The numbers of the articles :meth:`search` finds, in its order, without the
        hits' stored fields (those who read each record from the catalog anyway), and
        whether the search relaxed the query to find them."""
        self._require_index()
        query = self._desk.narrowed(query, self.article_numbers)
        return self._answered(query, self._index.numbers, lambda found: bool(found.numbers))

    @overload
    def desk(self, *, create: Literal[True] = True) -> Desk: ...
    @overload
    def desk(self, *, create: bool) -> Desk | None: ...
    def desk(self, *, create: bool = True) -> Desk | None:
        """The reader's desk, opened once; made on first use unless ``create`` is false
        (then None while there is none): :meth:`DeskHandle.open`."""
        return self._desk.open(create=create)

    def more_like(self, number: int, limit: int = 5) -> list[Hit]:
        record = self.record(number)
        self._require_index()
        text = "\n\n".join(filter(None, (record.title, record.teaser, *record.paragraphs)))
        return self._guarded(lambda: self._index.more_like(number, text, limit))

    def _require_index(self) -> None:
        if not integrity.has_index(self.index_dir):
            raise IndexUnavailableError("there is no index yet; run: ipcs index")

    def index_size_bytes(self) -> int:
        return integrity.size_bytes(self.index_dir)

    def last_updated(self) -> dt.datetime | None:
        store = self._catalog_or_none()
        try:
            return store.updated() if store else None
        except sqlite3.Error:
            return None


_UNREADABLE = "its catalog is unreadable"
_DAMAGED = "its catalog is damaged"
