"""The search index, over Whoosh: opening, writing and searching it.

One document per article number, with the fields of :mod:`ipcsreader.store.fields`. Only this
module and its helpers import Whoosh: :mod:`.running` (one search, run), :mod:`.fields`
(the schema and analysis), :mod:`.querying` (query text to a Whoosh query),
:mod:`.ranking` (weights and extras), :mod:`.snippets` (hits as shown), :mod:`.spelling`
(misspelt words) and :mod:`ipcsreader.compat` (running queries, writing a whole index);
and only when an index is opened or written, never when they are imported.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipcsreader.compat.whoosh_reading import load_lengths
from ipcsreader.errors import IndexUnavailableError
from ipcsreader.model import AlsoRead, FoundNumbers, Hit, Matched, SearchResult
from ipcsreader.numbers import within_range
from ipcsreader.store import (
    fields,
    querying,
    ranking,
    related,
    snippets,
    spelling,
    writing,
)
from ipcsreader.store.facets import counts as facet_counts
from ipcsreader.store.integrity import has_index
from ipcsreader.store.running import Run

if TYPE_CHECKING:
    from ipcsreader.archive.search import Plan


class SearchIndex:
    """The Whoosh index in ``path``; opened lazily, reopened after each write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ix: Any = None
        self._kept: _Kept | None = None  # the reader of the last search, see _reader()

    def exists(self) -> bool:
        return has_index(self.path)

    def _open(self) -> Any:
        if self._ix is None:
            from whoosh.filedb.filestore import FileStorage
            from whoosh.index import EmptyIndexError

            try:
                # Without mmap Whoosh reads the parts it needs; with it, it copies every
                # memory-mapped file into memory first, a cost that grows with the index.
                storage = FileStorage(str(self.path), supports_mmap=False)
                self._ix = storage.open_index()
            except (EmptyIndexError, OSError) as error:
                raise IndexUnavailableError(
                    f"cannot open the index in {self.path} ({error}); run: ipcs index --rebuild"
                ) from None
        return self._ix

    @contextmanager
    def writing(
        self,
        *,
        rebuild: bool,
        discard: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> Iterator[writing.Writer | writing.Batch]:
        """A writer that commits on success; ``rebuild`` starts from an empty index.

        A rebuild replaces the old index only when it commits: until then readers (and a
        process killed mid-way) keep the last committed one. ``discard`` throws a damaged
        or outdated index away first. Files in the folder that are not Whoosh's stay.
        A new index is written at the end, all at once, telling ``progress`` how many of
        how many documents are done.
        """
        from whoosh.index import create_in

        self._ix = None
        fresh = rebuild or discard or not self.exists()
        if discard or not self.exists():
            self.path.mkdir(parents=True, exist_ok=True)
            ix = create_in(str(self.path), fields.schema())
        else:
            ix = self._open()
        if fresh:
            with writing.write_lock(ix, self.path):
                batch = writing.Batch()
                yield batch
                writing.commit_segments(ix, batch.documents, progress)
        else:
            with writing.updating(ix, self.path) as writer:
                yield writer
        self._ix = None

    @contextmanager
    def _searching(self, plan: Plan) -> Iterator[tuple[Any, Run]]:
        """A searcher on the kept reader, and ``plan`` ready to run through it."""
        from whoosh.searching import Searcher

        kept = self._reader()
        with Searcher(kept.reader, weighting=ranking.weighting(), closereader=False) as searcher:
            load_lengths(searcher, ranking.FIELD_BOOSTS)
            yield searcher, Run(searcher, plan, kept.columns, kept.words, kept.vocabulary)

    def numbers(self, plan: Plan) -> FoundNumbers:
        """The article numbers of the hits :meth:`search` gives, in its order, from the
        number column alone: no stored field is read, no snippet made (``ipcs export``)."""
        with self._searching(plan) as (_searcher, run):
            ranked, relaxed = run.execute()
            page = ranked[_page(plan)]
            found = run.columns.values_at("number", (docnum for _, docnum in page))
            return FoundNumbers(found, relaxed, run.loosened if found else ())

    def search(self, plan: Plan) -> SearchResult:
        from whoosh.searching import Results

        started = time.perf_counter()
        with self._searching(plan) as (searcher, run):
            ranked, relaxed = run.execute(asked=True)
            total = len(ranked)
            page = ranked[_page(plan)]
            marked = plan.highlight and bool(plan.text)
            # Whoosh's own results object, for the page only: it reads the stored fields
            # and gives the query's words for highlighting, hit by hit.
            results = Results(searcher, run.query, page)
            matched: Matched = "some" if relaxed else "all"
            # The stems of the words typed, not those the query was also read as.
            typed = (
                frozenset(run.tokens[0])
                if marked and (run.also_read or run.also_said)
                else frozenset()
            )
            hits = [
                snippets.hit(h, marked, run.matched(h.docnum, matched), typed, run.lacking)
                for h in results
            ]
            # A page left short goes on with the best of those lacking a word (not one
            # already among the hits with every word: run.lacking).
            if not relaxed and not run.question and plan.limit and 0 < len(page) < plan.limit:
                tail = run.some_words(ranked, plan.limit - len(page))
                tailed = Results(searcher, run.query, tail)  # the any-word query's words
                hits += [snippets.hit(h, marked, "some", typed) for h in tailed]
            # Of the hits with every word, as the total counts them.
            docnums = [d for _, d in ranked if d not in run.lacking] if plan.facets else []
            facets = {
                name: facet_counts(run.columns, docnums, name) for name in plan.facets if total
            }
            # Spellings come from the whole archive: no help when searching chosen articles.
            chosen = plan.filters.only is not None
            # Not of a word found by its others ("ties" by "relations"), nor of a name's
            # word found as its acronym ("Tigers" of LTTE) or spaced otherwise ("Tahirul"
            # as "Tahir ul"): it is no typo; nor of a word not required ("(250 words)").
            named = {word for name in (*run.also_read, *run.spaced) for word in name.split()}
            kept = frozenset(run.also_said) | named | run.unrequired
            suggestion = (
                spelling.suggest(run.vocabulary, run.plan.text, kept)
                if total < 3 and plan.text and not chosen
                else None
            )
            if not total and not chosen:
                suggestion = suggestion or _stamp_of(searcher, plan.text)
        return SearchResult(
            query=plan.text,
            total=total,
            hits=tuple(hits),
            seconds=time.perf_counter() - started,
            page=plan.page,
            limit=plan.limit or 0,
            facets=facets,
            suggestion=suggestion,
            relaxed=relaxed,
            loosened=run.loosened if total else (),
            question=run.question,
            described=run.question and not run.asked,
            also_read=tuple(run.also_read.items()),
            by_initials=tuple(sorted(run.by_initials)),
            dated=tuple(run.dated.items()),
            also_said=tuple(run.also_said.items()),
            in_figures=tuple(run.in_figures.items()),
            respelt=tuple(run.respelt.items()),
            spaced=tuple(run.spaced.items()),
        )

    def _reader(self) -> _Kept:
        """The index's reader, kept from one search to the next while the index is the same.

        Opening one reads every segment's tables; the first search through it reads the
        stored fields' offsets, the field lengths and the columns it sorts and counts by.
        A process that searches again (Whoosh's advice: keep the searcher) starts from
        there. Once a writer has committed, here or in another process, a new one opens.
        """
        ix = self._open()
        kept = self._kept
        stamp = _toc_stamp(ix, self.path)
        if kept is None or kept.ix is not ix or stamp is None or kept.stamp != stamp:
            if kept is not None:
                kept.reader.close()
            kept = self._kept = _Kept(ix, ix.reader(), stamp)
        return kept

    def respelt(self, plan: Plan) -> Plan:
        """``plan`` with the words no article holds found (:func:`spelling.respelt`)."""
        return spelling.respelt(self._reader().vocabulary, plan)

    def also_read(self, plan: Plan) -> AlsoRead:
        """What :meth:`search` also reads ``plan``'s words as (:class:`AlsoRead`)."""
        with self._searching(plan) as (_searcher, run):
            return run.also_marked()

    def more_like(self, number: int, text: str, limit: int) -> list[Hit]:
        """Articles whose words are most like ``text`` (the article ``number``'s own)."""
        from whoosh.searching import Results, Searcher

        kept = self._reader()
        with Searcher(kept.reader, weighting=ranking.weighting(), closereader=False) as searcher:
            # Scoring a thousand matches reads each one's length: all of them at once.
            load_lengths(searcher, ["body"])
            docnum = searcher.document_number(number=number)
            if docnum is None:
                return []
            liked, page = related.more_like(searcher, "body", docnum, text, limit)
            return [snippets.hit(h, False) for h in Results(searcher, liked, page)]


def _page(plan: Plan) -> slice:
    """The hits of the page asked for, out of every hit ranked."""
    return slice(plan.offset, None if plan.limit is None else plan.offset + plan.limit)


def _stamp_of(searcher: Any, text: str) -> str | None:
    """ "#4842" for a query of that number alone, which no page prints, when an article has
    it: the reader means the article, which its stamp finds."""
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or not within_range(number := int(digits)):
        return None
    return f"#{number}" if searcher.document_number(number=number) is not None else None


class _Kept:
    """A reader kept between searches, with the columns read whole through it and the
    words prefixes stood for."""

    def __init__(self, ix: Any, reader: Any, stamp: tuple[int, ...] | None) -> None:
        self.ix = ix
        self.reader = reader
        self.stamp = stamp
        self.columns: dict[tuple[str, str], list[Any]] = {}
        self.words = querying.WordCounts(reader)
        self.vocabulary = spelling.Vocabulary(reader, ("spell", "author", "affiliation", "column"))


def _toc_stamp(ix: Any, path: Path) -> tuple[int, ...] | None:
    """What tells one committed state of the index from another: the latest generation
    and its table of contents' file (an index made anew counts generations from 0 again).
    None when that file went away meanwhile."""
    generation = ix.latest_generation()
    try:
        st = (path / f"_{ix.indexname}_{generation}.toc").stat()
    except OSError:
        return None
    return (generation, st.st_ino, st.st_mtime_ns, st.st_size)
