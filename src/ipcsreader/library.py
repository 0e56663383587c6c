"""The library: the corpus, the index built from it, and everything asked of them.

Commands use this facade and nothing below it. It keeps the index in step with the corpus
(:meth:`Library.status` is one ``stat`` per file; :meth:`Library.update` parses only new and
changed files), merges pages into records, and re-reads paragraphs from the corpus when a
record or a snippet needs them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ipcsreader import catalog, corpus, paths, records
from ipcsreader.catalog import Catalog, FileEntry
from ipcsreader.errors import IndexUnavailableError, NotFoundError, PageError, UsageError
from ipcsreader.index import IndexedRecord, SearchIndex
from ipcsreader.model import Hit, Listing, Page, Record, SearchResult
from ipcsreader.search import SearchQuery, plan

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class IndexStatus:
    """``state`` is "missing", "stale" or "fresh"; ``changed`` counts files to (re)index."""

    state: str
    changed: int
    files: int


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
    def __init__(self, corpus_dirs: list[Path], index_dir: Path) -> None:
        self.corpus_dirs = corpus_dirs
        self.index_dir = index_dir
        self._index = SearchIndex(index_dir)
        self._catalog: Catalog | None = None
        self._bodies: dict[str, str | None] = {}

    @classmethod
    def open(cls, corpus: Path | None = None, index: Path | None = None) -> Library:
        """The library over ``corpus`` (default: shipped pages plus the user's) and ``index``."""
        if corpus is not None:
            if not corpus.is_dir():
                raise UsageError(f"the corpus folder {corpus} does not exist")
            dirs = [corpus]
        else:
            dirs = [paths.shipped_corpus_dir(), paths.user_corpus_dir()]
        return cls(dirs, index if index is not None else paths.default_index_dir())

    # Keeping the index fresh.

    def status(self) -> IndexStatus:
        found = corpus.scan(self.corpus_dirs)
        loaded = catalog.load_files(self.index_dir)
        if loaded is None or not self._index.exists():
            return IndexStatus("missing", len(found), len(found))
        known = loaded[0]
        changed = len(known.keys() - found.keys()) + sum(
            1
            for key, st in found.items()
            if key not in known or (known[key].size, known[key].mtime_ns) != (st.size, st.mtime_ns)
        )
        return IndexStatus("stale" if changed else "fresh", changed, len(found))

    def update(self, *, rebuild: bool = False, progress: Progress | None = None) -> UpdateSummary:
        """Bring the index in step with the corpus; ``rebuild`` starts it over."""
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

        with self._index.writing(rebuild=rebuild) as writer:
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
            if self._catalog is None:
                raise IndexUnavailableError("there is no index yet; run: ipcs index")
        return self._catalog

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
        return self._index.search(checked, self._body)

    def more_like(self, number: int, limit: int = 5) -> list[Hit]:
        record = self.record(number)
        self._require_index()
        text = "\n\n".join(filter(None, (record.title, record.teaser, *record.paragraphs)))
        return self._index.more_like(number, text, limit)

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
