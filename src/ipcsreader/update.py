"""Bringing the search index and the catalog in step with the corpus.

Only new and changed files are parsed (on every core when there are many), their bodies
spooled to disk (:mod:`ipcsreader.store.spool`) so that no update holds the corpus's text;
only the records the changed files can touch are merged again (:mod:`ipcsreader.remerge`),
and only what changed is written: the index through :mod:`ipcsreader.store.index`, the
catalog (records, bodies and, when a headline changed, the views of
:mod:`ipcsreader.archive.views`) in one transaction.
An update that finds most of a large corpus changed writes the index anew instead. The
caller (:meth:`ipcsreader.library.Library.update`) holds the writer lock.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from ipcsreader import reviews
from ipcsreader.archive import records, touched, views
from ipcsreader.errors import PageError
from ipcsreader.model import Listing, Page, Record, Sidebars
from ipcsreader.parse.limits import read_file
from ipcsreader.remerge import remerge
from ipcsreader.store import catalog, corpus, hints, integrity, spool, workers
from ipcsreader.store import views as store_views
from ipcsreader.store.catalog import Catalog, Changes, FileEntry
from ipcsreader.store.index import SearchIndex
from ipcsreader.store.spool import Body, Spooled, SpoolWriter

# How far an update got: done, out of total, and what is counted (one of STAGES).
Progress = Callable[[int, int, str], None]
STAGES = ("pages read", "articles indexed")
Notify = Callable[[str], None]
# A file's digest, and its headline page and spooled body, or why it has none.
_V = TypeVar("_V")
_Reading = tuple[str, Page | PageError | OSError, Spooled | None]
# Pages a worker process must have to read to be worth starting (about a millisecond each).
_READS_PER_JOB = 1000
# An update that finds at least this many files changed, and half of all, rebuilds.
_REBUILD_FROM = 1000


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


@dataclass
class IndexUpdate:
    """One update of the index in ``index_dir`` from the page files in ``corpus_dirs``."""

    corpus_dirs: list[Path]
    index_dir: Path
    index: SearchIndex
    notify: Notify

    def run(self, rebuild: bool, progress: Progress | None, damage: str | None) -> UpdateSummary:
        """Bring the index in step with the corpus (``rebuild``: start it over); a ``damage``
        found by the caller throws the index away first. The caller holds the writer lock
        and has closed its catalog."""
        if damage:
            self.notify(f"Rebuilding the search index in {self.index_dir}: {damage}.")
        # Whoosh's files are kept (and a rebuild commits over them) only when whole.
        whole = (
            damage is None
            and self.index.exists()
            and (self.index_dir / catalog.CATALOG_FILE).exists()
        )
        discard = not whole
        if discard:
            # Should this rebuild die half-way, the index reads as missing, not as whole.
            integrity.forget(self.index_dir)
            catalog.remove(self.index_dir)
        return self._update(rebuild or discard, discard, progress)

    def _update(self, rebuild: bool, discard: bool, progress: Progress | None) -> UpdateSummary:
        old = None if rebuild else Catalog.open(self.index_dir)
        if old is None or not self.index.exists():
            rebuild = True
        try:
            return self._update_from(None if rebuild else old, discard, progress)
        finally:
            if old is not None:
                old.close()

    def _update_from(
        self, old: Catalog | None, discard: bool, progress: Progress | None
    ) -> UpdateSummary:
        """Index what changed since ``old`` (None: everything), then record it in the catalog.

        Only new and changed files are parsed; the records they can touch are merged again
        from the stored headline pages (a listing entry may join another article when
        titles change), and only the rows that differ are written.
        """
        rebuild = old is None
        summary = UpdateSummary(rebuilt=rebuild)
        folders: corpus.Folders = {}
        started = time.time_ns()
        found = corpus.scan(self.corpus_dirs, folders)
        known = old.files() if old else {}
        files: dict[str, FileEntry] = {}
        fresh: dict[str, Page] = {}  # headline pages parsed in this run
        spooled: dict[str, Spooled] = {}  # and where their articles' bodies wait
        changed: set[str] = set()
        unseen: list[str] = []
        for key in sorted(found):
            st, prev = found[key], known.get(key)
            if prev and (prev.size, prev.mtime_ns) == (st.size, st.mtime_ns):
                files[key] = _kept(key, prev, summary)
            else:
                unseen.append(key)
        if old is not None and len(unseen) >= _REBUILD_FROM and 2 * len(unseen) >= len(found):
            # Most files are new or changed: writing the index anew (on every core, in
            # one go) is quicker than adding them one by one to the old one.
            return self._update_from(None, discard, progress)
        if progress:
            progress(len(files), len(found), STAGES[0])
        self.index_dir.mkdir(parents=True, exist_ok=True)
        readings = workers.map_shares(
            partial(_read_share, self.index_dir),
            [found[key].path for key in unseen],
            workers.jobs_for(len(unseen), _READS_PER_JOB),
            progress and (lambda done: progress(len(files) + done, len(found), STAGES[0])),
        )
        sharing = _Sharing()  # again: each worker held its own
        readings.reverse()  # taken from the end, each let go as soon as it is looked at
        for key in unseen:
            digest, page, spooled_body = readings.pop()
            if spooled_body is not None:
                spooled[key] = spooled_body
            st, prev = found[key], known.get(key)
            if isinstance(page, OSError):
                reason = f"cannot read the file ({page.strerror})"
                files[key] = FileEntry(st.size, st.mtime_ns, "", error=reason)
                summary.failed.append((key, reason))
                changed.add(key)  # what it held is gone with it
                continue
            if prev and prev.sha256 == digest:
                # Touched but identical: remember the new mtime, index nothing.
                files[key] = _kept(key, replace(prev, size=st.size, mtime_ns=st.mtime_ns), summary)
                continue
            changed.add(key)
            entry = FileEntry(st.size, st.mtime_ns, digest)
            if isinstance(page, PageError):
                entry.error = page.reason
                summary.failed.append((key, page.reason))
            else:
                fresh[key] = sharing.page(page)
                if prev:
                    summary.updated += 1
                else:
                    summary.added += 1
            files[key] = entry
        removed = known.keys() - found.keys()
        summary.removed = len(removed)
        changed |= removed
        if progress:
            progress(len(found), len(found), STAGES[0])

        if old is None:
            heads = fresh
            merged = {r.number: r for r in records.merge(sorted(heads.items()))}
            rewritten, gone = list(merged.values()), set[int]()
            before: dict[str, Page] = {}
            contributes: dict[str, list[int]] = defaultdict(list)
            for r in merged.values():
                for source in r.sources:
                    contributes[source].append(r.number)
            for key, entry in files.items():
                files[key] = replace(entry, numbers=tuple(contributes.get(key, ())))
            affected = set(merged)
            gone_pages: set[str] = set()
        else:
            # Only the records the changed files can touch are merged again.
            again = remerge(old, changed, fresh, known)
            heads, merged, before = again.heads, again.records, again.before
            for key, numbers in again.contributes.items():
                if key in files:
                    files[key] = replace(files[key], numbers=numbers)
            rewritten, gone = old.changed_records(list(merged.values()), again.numbers)
            affected = {n for key in changed if key in known for n in known[key].numbers}
            affected |= {n for n, r in merged.items() if changed.intersection(r.sources)}
            # A record can change without its files: a listing entry matched by title.
            affected |= {r.number for r in rewritten} | gone
            gone_pages = before.keys() - fresh.keys()

        indexed: Callable[[int, int], None] | None = None
        if progress:
            indexed = lambda done, total: progress(done, total, STAGES[1])  # noqa: E731
        bodies: dict[int, Body | Spooled] = {}
        try:
            with self.index.writing(rebuild=rebuild, discard=discard, progress=indexed) as writer:
                for number in sorted(affected):
                    headline = merged.get(number)
                    if headline is None:
                        writer.delete(number)
                        continue
                    body = bodies[number] = _body(headline, heads, spooled, fresh)
                    writer.put(headline, body.text)
            # The views change only when a headline page or a record does (an edit of the
            # text alone changes none of them).
            shown = (
                rebuild
                or rewritten
                or gone
                or gone_pages
                or any(before.get(key) != page for key, page in fresh.items())
            )
            fingerprint = corpus.fingerprint(found)
            catalog.save(
                self.index_dir,
                Changes(
                    fingerprint=fingerprint,
                    updated=dt.datetime.now(dt.UTC),
                    files={key: e for key, e in files.items() if _differs(known.get(key), e)},
                    gone_files=removed,
                    pages=fresh,
                    gone_pages=gone_pages,
                    records=rewritten,
                    gone_records=gone,
                    bodies=((n, body.blob()) for n, body in bodies.items()),
                    views=_views_writer(old, merged, rewritten, gone, fresh, before)
                    if shown
                    else None,
                    rebuild=rebuild,
                ),
            )
        finally:
            spool.remove(spooled.values())
        hints.record(self.index_dir, self.corpus_dirs, fingerprint, folders, started)
        return summary


def _views_writer(
    old: Catalog | None,
    merged: dict[int, Record],
    rewritten: list[Record],
    gone: set[int],
    fresh: dict[str, Page],
    before: dict[str, Page],
) -> Callable[[sqlite3.Connection], None]:
    """What writes the views into the catalog: over every record and headline page as the
    update leaves them (``old``'s, with what the update changes), recomputed only for what
    the update touched when that is sure to be right (:mod:`ipcsreader.reviews`)."""
    if old is None:
        every, pages = merged, dict(fresh)
    else:
        part = reviews.part(old, rewritten, gone, fresh, before)
        if part is not None:
            return part
        every = {r.number: r for r in old.records()}
        every.update((r.number, r) for r in rewritten)
        for number in gone:
            every.pop(number, None)
        pages = old.pages()
        pages.update(fresh)
        for key in before.keys() - fresh.keys():
            pages.pop(key, None)
    records_list = [every[n] for n in sorted(every)]
    pages_list = [(key, pages[key]) for key in sorted(pages)]
    computed = views.compute(records_list, [page for _, page in pages_list])
    named = touched.named(records_list, pages_list)
    return lambda db: store_views.write(db, computed, named)


def _body(
    headline: Record, heads: dict[str, Page], spooled: dict[str, Spooled], fresh: dict[str, Page]
) -> Body | Spooled:
    """The body of ``headline``'s most complete page (as :func:`records.merge` picks it from
    full pages): complete before cut off, then longest; the first of equals."""
    best: Body | Spooled | None = None
    for source in headline.sources:
        page = heads.get(source)
        article = page.article if isinstance(page, Listing) else page
        if article is None or article.number != headline.number:
            continue  # a listing naming the article: no body
        body = spooled.get(source) if source in fresh else _reread(source, headline.number)
        if body is None:
            continue
        if best is None or (not body.truncated, _size(body)) > (not best.truncated, _size(best)):
            best = body
    return best if best is not None else Body((), headline.truncated)


def _size(body: Body | Spooled) -> int:
    return body.size if isinstance(body, Spooled) else sum(len(b.text) for b in body.blocks)


def _reread(source: str, number: int) -> Body | None:
    """The body of article ``number`` in a page this update did not read (None: none)."""
    try:
        page = parse_page(Path(source))
    except PageError:
        return None  # changed under us: the next update sees it
    article = page.article if isinstance(page, Listing) else page
    if article is None or article.number != number or not article.blocks:
        return None
    return Body(article.blocks, article.truncated)


def _differs(known: FileEntry | None, entry: FileEntry) -> bool:
    # Most entries are the very ones read (:func:`_kept`): no need to compare each field.
    return known is not entry and known != entry


def _kept(key: str, entry: FileEntry, summary: UpdateSummary) -> FileEntry:
    """Count a file the update leaves as it was (failed before: failed still)."""
    if entry.error:
        summary.failed.append((key, entry.error))
    else:
        summary.unchanged += 1
    return entry


def _read_share(folder: Path, paths: Sequence[Path], report: workers.Report) -> Iterator[_Reading]:
    """Each file's digest and headline page, its article's body spooled in ``folder`` (or
    why it has none), telling how many are done."""
    sharing = _Sharing()
    with SpoolWriter(folder) as spooler:
        for done, path in enumerate(paths, 1):
            try:
                data = read_file(path)
            except (OSError, PageError) as error:
                yield "", error, None
                continue
            digest = corpus.content_hash(data)
            try:
                page = parse_page(path, data)
            except PageError as error:
                yield digest, error, None
            else:
                article = page.article if isinstance(page, Listing) else page
                body = None
                if article is not None and article.number is not None and article.blocks:
                    body = spooler.put(article.blocks, article.truncated)
                yield digest, sharing.page(catalog.headline(page)), body
            if done % workers.REPORT_EVERY == 0:
                report(done)


class _Sharing:
    """Side-bar values printed alike on many pages (a columnist with their latest titles,
    the years of the archive), held once: the same few hundred, on tens of thousands of
    pages, would otherwise fill the memory of a large build."""

    def __init__(self) -> None:
        self._seen: dict[object, object] = {}

    def _one(self, value: _V) -> _V:
        return self._seen.setdefault(value, value)  # type: ignore[return-value]

    def page(self, page: Page) -> Page:
        article = page.article if isinstance(page, Listing) else page
        if article is None or article.sidebars.is_empty():
            return page
        s = article.sidebars
        sidebars = Sidebars(
            columnists=self._one(tuple(self._one(entry) for entry in s.columnists)),
            same_author=self._one(s.same_author),
            contributors=self._one(s.contributors),
            taxonomies=self._one(s.taxonomies),
            archive_years=self._one(s.archive_years),
        )
        article = replace(article, sidebars=sidebars)
        return replace(page, article=article) if isinstance(page, Listing) else article


def parse_page(path: Path, data: bytes | None = None) -> Page:
    """Read one page; a parser crash on a strange file fails that file, not the update."""
    try:
        return corpus.read_page(path, data)
    except PageError:
        raise
    except Exception as error:  # one bad file must not stop the rest
        raise PageError(f"the parser failed ({type(error).__name__}: {error})", str(path)) from None
