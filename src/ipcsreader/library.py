"""The library: the corpus, the index built from it, and everything asked of them.

Commands use this facade and nothing below it. It keeps the index in step with the corpus
(:meth:`Library.status` is one ``stat`` per file; :meth:`Library.update` parses only new and
changed files), merges pages into records, and re-reads paragraphs from the corpus when a
record or a snippet needs them.

Only one process writes at a time (:mod:`ipcsreader.lock`); readers never wait for it. An
index found damaged or written by an older version (:mod:`ipcsreader.integrity`) is rebuilt
from the corpus, saying so through ``notify``. Nothing here ever writes to the corpus.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from ipcsreader import catalog, corpus, integrity, paths, records
from ipcsreader.catalog import Catalog, FileEntry
from ipcsreader.errors import (
    IndexUnavailableError,
    IpcsError,
    NotFoundError,
    PageError,
    UsageError,
)
from ipcsreader.index import IndexedRecord, SearchIndex
from ipcsreader.lock import IndexLock, is_locked
from ipcsreader.model import Hit, Listing, Page, Record, SearchResult
from ipcsreader.search import SearchQuery, plan

Progress = Callable[[int, int, str], None]
_T = TypeVar("_T")
Notify = Callable[[str], None]


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


@dataclass
class UpdateSummary:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    rebuilt: bool = False

    @property
    def changed(self) -> int:
        return self.added + self.updated + self.removed


class Library:
    def __init__(
        self, corpus_dirs: list[Path], index_dir: Path, *, notify: Notify | None = None
    ) -> None:
        self.corpus_dirs = corpus_dirs
        self.index_dir = index_dir
        self._notify = notify or (lambda _message: None)
        self._lock = IndexLock(index_dir)
        self._index = SearchIndex(index_dir)
        self._catalog: Catalog | None = None
        self._bodies: dict[str, str | None] = {}

    @classmethod
    def open(
        cls, corpus: Path | None = None, index: Path | None = None, *, notify: Notify | None = None
    ) -> Library:
        """The library over ``corpus`` (default: shipped pages plus the user's) and ``index``.

        ``notify`` hears what the person at the terminal should know: waiting for another
        ipcs, rebuilding a damaged index.
        """
        if corpus is not None:
            if not corpus.is_dir():
                raise UsageError(f"the corpus folder {corpus} does not exist")
            dirs = [corpus]
        else:
            dirs = [paths.shipped_corpus_dir(), paths.user_corpus_dir()]
        return cls(dirs, index if index is not None else paths.default_index_dir(), notify=notify)

    # Keeping the index fresh.

    def status(self) -> IndexStatus:
        found = corpus.scan(self.corpus_dirs)
        damage, interrupted = self._diagnose()
        if damage:
            return IndexStatus("stale", len(found), len(found), damage=damage)
        loaded = catalog.load_files(self.index_dir)
        if loaded is None or not self._index.exists():
            return IndexStatus("missing", len(found), len(found))
        known = loaded[0]
        changed = len(known.keys() - found.keys()) + sum(
            1
            for key, st in found.items()
            if key not in known or (known[key].size, known[key].mtime_ns) != (st.size, st.mtime_ns)
        )
        state = "stale" if changed or interrupted else "fresh"
        return IndexStatus(state, changed, len(found), interrupted=interrupted)

    def busy(self) -> bool:
        """Whether another process is writing the index right now."""
        return not self._lock.held and is_locked(self.index_dir)

    def _diagnose(self) -> tuple[str | None, bool]:
        """Why the index on disk cannot be trusted (None: whole, or simply absent), and
        whether an update was cut off after Whoosh committed."""
        has_catalog = (self.index_dir / catalog.CATALOG_FILE).exists()
        if not (has_catalog and self._index.exists()):
            return None, False
        found = integrity.check(self.index_dir)
        if found.damage is None and catalog.load_files(self.index_dir) is None:
            return "its catalog is unreadable", False
        return found.damage, found.interrupted

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
        try:
            integrity.remove_leftovers(self.index_dir)
            damage = damage or self._diagnose()[0]
            if damage:
                self._notify(f"Rebuilding the search index in {self.index_dir}: {damage}.")
            # Whoosh's files are kept (and a rebuild commits over them) only when whole.
            whole = (
                damage is None
                and self._index.exists()
                and (self.index_dir / catalog.CATALOG_FILE).exists()
            )
            discard = not whole
            if discard:
                # Should this rebuild die half-way, the index reads as missing, not as whole.
                integrity.forget(self.index_dir)
                (self.index_dir / catalog.CATALOG_FILE).unlink(missing_ok=True)
            summary = self._update(rebuild or discard, discard, progress)
            integrity.write_manifest(self.index_dir)
        finally:
            self._lock.release()
        return summary

    def _update(self, rebuild: bool, discard: bool, progress: Progress | None) -> UpdateSummary:
        old = None if rebuild else catalog.load(self.index_dir)
        if old is None or not self._index.exists():
            old, rebuild = Catalog(), True
        summary = UpdateSummary(rebuilt=rebuild)
        found = corpus.scan(self.corpus_dirs)
        new = Catalog(updated=dt.datetime.now(dt.UTC))
        fresh: dict[str, Page] = {}  # pages parsed in this run, paragraphs included
        changed: set[str] = set()
        for done, key in enumerate(sorted(found)):
            if progress:
                progress(done, len(found), key)
            st, prev = found[key], old.files.get(key)
            if prev and (prev.size, prev.mtime_ns) == (st.size, st.mtime_ns):
                self._keep(key, prev, old, new, summary)
                continue
            try:
                digest = corpus.content_hash(st.path)
            except OSError as error:
                reason = f"cannot read the file ({error.strerror})"
                new.files[key] = FileEntry(st.size, st.mtime_ns, "", error=reason)
                summary.failed.append((key, reason))
                continue
            if prev and prev.sha256 == digest:
                # Touched but identical: remember the new mtime, index nothing.
                self._keep(
                    key, replace(prev, size=st.size, mtime_ns=st.mtime_ns), old, new, summary
                )
                continue
            changed.add(key)
            entry = FileEntry(st.size, st.mtime_ns, digest)
            try:
                page = _parse(st.path)
            except PageError as error:
                entry.error = error.reason
                summary.failed.append((key, error.reason))
            else:
                fresh[key] = page
                new.pages[key] = catalog.headline(page)
                if prev:
                    summary.updated += 1
                else:
                    summary.added += 1
            new.files[key] = entry
        removed = old.files.keys() - found.keys()
        summary.removed = len(removed)
        changed |= removed
        if progress:
            progress(len(found), len(found), "")

        merged = {r.number: r for r in records.merge(new.pages.items())}
        contributes: dict[str, list[int]] = defaultdict(list)
        for r in merged.values():
            for source in r.sources:
                contributes[source].append(r.number)
        for key, entry in new.files.items():
            entry.numbers = tuple(contributes.get(key, ()))
        if rebuild:
            affected = set(merged)
        else:
            affected = {n for key in changed if key in old.files for n in old.files[key].numbers}
            affected |= {n for n, r in merged.items() if changed.intersection(r.sources)}

        with self._index.writing(rebuild=rebuild, discard=discard) as writer:
            for number in sorted(affected):
                headline = merged.get(number)
                if headline is None:
                    writer.delete(number)
                    continue
                full, body_source = self._with_body(headline, fresh)
                writer.put(IndexedRecord(full, body_source), "\n\n".join(full.paragraphs))
        catalog.save(self.index_dir, new)
        self._catalog = new
        self._bodies.clear()
        return summary

    @staticmethod
    def _keep(
        key: str, entry: FileEntry, old: Catalog, new: Catalog, summary: UpdateSummary
    ) -> None:
        new.files[key] = entry
        if entry.error:
            summary.failed.append((key, entry.error))
            return
        new.pages[key] = old.pages[key]
        summary.unchanged += 1

    def _with_body(self, headline: Record, fresh: dict[str, Page]) -> tuple[Record, str | None]:
        """``headline`` with the paragraphs of its most complete page, and that page's file."""
        pages: dict[str, Page] = {}
        for source in headline.sources:
            page = fresh.get(source)
            if page is None:
                try:
                    page = fresh[source] = _parse(Path(source))
                except PageError:
                    continue  # changed under us: the next update sees it
            pages[source] = page
        full = next((r for r in records.merge(pages.items()) if r.number == headline.number), None)
        if full is None:
            return headline, None
        record = replace(headline, blocks=full.blocks, truncated=full.truncated)
        return record, records.body_source(record, pages)

    # Reading.

    def _loaded(self) -> Catalog:
        if self._catalog is None:
            self._catalog = catalog.load(self.index_dir)
            if self._catalog is None and (self.index_dir / catalog.CATALOG_FILE).exists():
                # A writer may be replacing the two files right now: wait for it, look again.
                self._repair()
                self._catalog = catalog.load(self.index_dir)
            if self._catalog is None:
                raise IndexUnavailableError("there is no index yet; run: ipcs index")
        return self._catalog

    def _repair(self) -> None:
        """After a failed read: wait for any writer, then rebuild the index if it is damaged,
        or finish an update that died half-way."""
        self._catalog = None
        self._index = SearchIndex(self.index_dir)  # drop Whoosh's view of the old files
        with self._lock:
            damage, interrupted = self._diagnose()
            if (
                damage
                or interrupted
                or not self._index.exists()
                or catalog.load(self.index_dir) is None
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
            self._index = SearchIndex(self.index_dir)
            if self._readable():
                raise
            self._write(True, None, damage=f"reading it failed ({type(error).__name__})")
        return read()

    def _readable(self) -> bool:
        """Whether the index answers the simplest search: every article, one shown."""
        try:
            self._index.search(plan(SearchQuery(limit=1, highlight=False)), self._body)
        except Exception:  # damage shows as any exception Whoosh happens to hit
            return False
        return True

    def numbers(self) -> list[int]:
        return sorted({n for e in self._loaded().files.values() for n in e.numbers})

    def pages(self) -> list[Page]:
        loaded = self._loaded()
        return [loaded.pages[key] for key in sorted(loaded.pages)]

    def records(self) -> list[Record]:
        return records.merge(sorted(self._loaded().pages.items()))

    def record(self, number: int) -> Record:
        """Everything known of article ``number``, paragraphs re-read from the corpus."""
        sources = sorted(k for k, e in self._loaded().files.items() if number in e.numbers)
        pages: dict[str, Page] = {}
        for source in sources:
            try:
                pages[source] = _parse(Path(source))
            except PageError:
                pages[source] = self._loaded().pages[source]  # changed since: headline only
        found = [r for r in records.merge(pages.items()) if r.number == number]
        if not found:
            raise NotFoundError(self._not_found(number))
        return found[0]

    def _not_found(self, number: int) -> str:
        known = self.numbers()
        below = [n for n in known if n < number][-1:]
        above = [n for n in known if n > number][:1]
        nearest = ", ".join(str(n) for n in below + above)
        message = f"No article {number} in the corpus"
        return f"{message}; nearest: {nearest}" if nearest else message

    # Searching.

    def search(self, query: SearchQuery) -> SearchResult:
        checked = plan(query)
        self._require_index()
        return self._guarded(lambda: self._index.search(checked, self._body))

    def more_like(self, number: int, limit: int = 5) -> list[Hit]:
        record = self.record(number)
        self._require_index()
        text = "\n\n".join(filter(None, (record.title, record.teaser, *record.paragraphs)))
        return self._guarded(lambda: self._index.more_like(number, text, limit))

    def _require_index(self) -> None:
        if not self._index.exists():
            raise IndexUnavailableError("there is no index yet; run: ipcs index")

    def _body(self, number: int, source: str) -> str | None:
        """The paragraphs of ``source``, for snippets (cached for this library's lifetime)."""
        if source not in self._bodies:
            try:
                page = _parse(Path(source))
            except PageError:
                page = None
            article = page.article if isinstance(page, Listing) else page
            self._bodies[source] = "\n\n".join(article.paragraphs) if article else None
        return self._bodies[source]

    def index_size_bytes(self) -> int:
        return self._index.size_bytes()

    def last_updated(self) -> dt.datetime | None:
        loaded = catalog.load_files(self.index_dir)
        return loaded[1] if loaded else None


def _parse(path: Path) -> Page:
    """Read one page; a parser crash on a strange file fails that file, not the update."""
    try:
        return corpus.read_page(path)
    except PageError:
        raise
    except Exception as error:  # one bad file must not stop the rest
        raise PageError(f"the parser failed ({type(error).__name__}: {error})", str(path)) from None
