"""Bringing the search index and the catalog in step with the corpus.

Only new and changed files are parsed (on every core when there are many); every record is
merged again from the stored headline pages, and only what changed is written: the index
through :mod:`ipcsreader.store.index`, the catalog in one transaction. An update that finds
most of a large corpus changed writes the index anew instead. The caller
(:meth:`ipcsreader.library.Library.update`) holds the writer lock.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ipcsreader.archive import records, views
from ipcsreader.errors import PageError
from ipcsreader.model import Page, Record
from ipcsreader.store import catalog, codec, corpus, hints, integrity, workers
from ipcsreader.store import views as store_views
from ipcsreader.store.catalog import Catalog, Changes, FileEntry
from ipcsreader.store.index import SearchIndex

# How far an update got: done, out of total, and what is counted (one of STAGES).
Progress = Callable[[int, int, str], None]
STAGES = ("pages read", "articles indexed")
Notify = Callable[[str], None]
# A file's digest, and its page or why it has none.
_Reading = tuple[str, Page | PageError | OSError]
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

        Only new and changed files are parsed; every record is merged again from the stored
        headline pages (a listing entry may join another article when titles change), and
        only the rows that differ are written.
        """
        rebuild = old is None
        summary = UpdateSummary(rebuilt=rebuild)
        folders: corpus.Folders = {}
        started = time.time_ns()
        found = corpus.scan(self.corpus_dirs, folders)
        known = old.files() if old else {}
        from ipcsreader.parse import PARSER_VERSION  # here: a search never needs the parser

        # Files that failed under an older parser are read again, changed or not.
        retry = old is not None and old.parser() != str(PARSER_VERSION)
        files: dict[str, FileEntry] = {}
        fresh: dict[str, Page] = {}  # pages parsed in this run, paragraphs included
        changed: set[str] = set()
        unseen: list[str] = []
        for key in sorted(found):
            st, prev = found[key], known.get(key)
            if (
                prev
                and (prev.size, prev.mtime_ns) == (st.size, st.mtime_ns)
                and not (retry and prev.error)
            ):
                files[key] = _kept(key, prev, summary)
            else:
                unseen.append(key)
        if old is not None and len(unseen) >= _REBUILD_FROM and 2 * len(unseen) >= len(found):
            # Most files are new or changed: writing the index anew (on every core, in
            # one go) is quicker than adding them one by one to the old one.
            return self._update_from(None, discard, progress)
        if progress:
            progress(len(files), len(found), STAGES[0])
        readings = workers.map_shares(
            _read_share,
            [found[key].path for key in unseen],
            workers.jobs_for(len(unseen), _READS_PER_JOB),
            progress and (lambda done: progress(len(files) + done, len(found), STAGES[0])),
        )
        for key, (digest, page) in zip(unseen, readings, strict=True):
            st, prev = found[key], known.get(key)
            if isinstance(page, OSError):
                reason = f"cannot read the file ({page.strerror})"
                files[key] = FileEntry(st.size, st.mtime_ns, "", error=reason)
                summary.failed.append((key, reason))
                continue
            if prev and prev.sha256 == digest and not (retry and prev.error):
                # Touched but identical: remember the new mtime, index nothing.
                files[key] = _kept(key, replace(prev, size=st.size, mtime_ns=st.mtime_ns), summary)
                continue
            changed.add(key)
            entry = FileEntry(st.size, st.mtime_ns, digest)
            if isinstance(page, PageError):
                entry.error = page.reason
                summary.failed.append((key, page.reason))
            else:
                fresh[key] = page
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

        stored = old.pages() if old else {}
        heads = {
            key: stored[key]
            for key, entry in files.items()
            if key not in fresh and not entry.error and key in stored
        }
        heads.update((key, catalog.headline(page)) for key, page in fresh.items())
        merged_list = records.merge(sorted(heads.items()))
        merged = {r.number: r for r in merged_list}
        contributes: dict[str, list[int]] = defaultdict(list)
        for r in merged_list:
            for source in r.sources:
                contributes[source].append(r.number)
        for key, entry in files.items():
            numbers = tuple(contributes.get(key, ()))
            files[key] = FileEntry(entry.size, entry.mtime_ns, entry.sha256, entry.error, numbers)
        if old is None:
            rewritten, gone = merged_list, set()
            affected = set(merged)
        else:
            rewritten, gone = old.changed_records(merged_list)
            affected = {n for key in changed if key in known for n in known[key].numbers}
            affected |= {n for n, r in merged.items() if changed.intersection(r.sources)}
            # A record can change without its files: a listing entry matched by title.
            affected |= {r.number for r in rewritten} | gone

        indexed = progress and (lambda done, total: progress(done, total, STAGES[1]))
        bodies: list[tuple[int, bytes]] = []
        with self.index.writing(rebuild=rebuild, discard=discard, progress=indexed) as writer:
            for number in sorted(affected):
                headline = merged.get(number)
                if headline is None:
                    writer.delete(number)
                    continue
                full = _with_body(headline, fresh)
                bodies.append((number, codec.encode_body(full.blocks, full.truncated)))
                writer.put(full, "\n\n".join(full.paragraphs))
        # The views change only when a headline page or a record does (an edit of the text
        # alone changes none of them).
        shown = (
            rebuild
            or rewritten
            or gone
            or stored.keys() != heads.keys()
            or any(stored.get(key) != heads[key] for key in fresh)
        )
        fingerprint = corpus.fingerprint(found)
        catalog.save(
            self.index_dir,
            Changes(
                fingerprint=fingerprint,
                updated=dt.datetime.now(dt.UTC),
                files={key: e for key, e in files.items() if known.get(key) != e},
                gone_files=removed,
                pages={key: heads[key] for key in fresh},
                gone_pages=stored.keys() - heads.keys(),
                records=rewritten,
                gone_records=gone,
                bodies=bodies,
                views=_views_writer(merged_list, heads) if shown else None,
                rebuild=rebuild,
                parser=str(PARSER_VERSION),
            ),
        )
        hints.record(self.index_dir, self.corpus_dirs, fingerprint, folders, started)
        return summary


def _views_writer(
    merged: list[Record], heads: dict[str, Page]
) -> Callable[[sqlite3.Connection], None]:
    """What writes the views of ``merged`` records and ``heads`` into the catalog."""
    computed = views.compute(merged, [heads[key] for key in sorted(heads)])
    return lambda db: store_views.write(db, computed)


def _with_body(headline: Record, fresh: dict[str, Page]) -> Record:
    """``headline`` with the paragraphs of its most complete page."""
    pages: dict[str, Page] = {}
    for source in headline.sources:
        page = fresh.get(source)
        if page is None:
            try:
                page = fresh[source] = parse_page(Path(source))
            except PageError:
                continue  # changed under us: the next update sees it
        pages[source] = page
    full = next((r for r in records.merge(pages.items()) if r.number == headline.number), None)
    if full is None:
        return headline
    return replace(headline, blocks=full.blocks, truncated=full.truncated)


def _kept(key: str, entry: FileEntry, summary: UpdateSummary) -> FileEntry:
    """Count a file the update leaves as it was (failed before: failed still)."""
    if entry.error:
        summary.failed.append((key, entry.error))
    else:
        summary.unchanged += 1
    return entry


def _read_share(paths: Sequence[Path], report: workers.Report) -> Iterator[_Reading]:
    """Each file's digest and page (or why it has none), telling how many are done."""
    for done, path in enumerate(paths, 1):
        try:
            data = path.read_bytes()
        except OSError as error:
            yield "", error
            continue
        digest = corpus.content_hash(data)
        try:
            yield digest, parse_page(path, data)
        except PageError as error:
            yield digest, error
        if done % workers.REPORT_EVERY == 0:
            report(done)


def parse_page(path: Path, data: bytes | None = None) -> Page:
    """Read one page; a parser crash on a strange file fails that file, not the update."""
    try:
        return corpus.read_page(path, data)
    except PageError:
        raise
    except Exception as error:  # one bad file must not stop the rest
        raise PageError(f"the parser failed ({type(error).__name__}: {error})", str(path)) from None
