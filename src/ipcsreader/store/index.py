"""The search index, over Whoosh: opening, writing and searching it.

One document per article number, with the fields of :mod:`ipcsreader.store.fields`. Only this
module and its helpers :mod:`ipcsreader.store.fields` (the schema and analysis),
:mod:`ipcsreader.compat.whoosh_matching` (running queries) and
:mod:`ipcsreader.compat.whoosh_segments` (writing a whole index) import Whoosh, and only
when an index is opened or written, never when they are imported.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache, lru_cache
from itertools import islice, pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipcsreader.archive.names import split_honorific
from ipcsreader.archive.search import plain_words
from ipcsreader.compat import whoosh_fielded as fielded
from ipcsreader.compat import whoosh_matching as matching
from ipcsreader.compat import whoosh_ranges as ranges
from ipcsreader.compat.whoosh_reading import Columns, load_lengths, merge_matched_tokens
from ipcsreader.errors import IndexUnavailableError, QueryError
from ipcsreader.model import Author, Hit, Record, SearchResult
from ipcsreader.store import fields

if TYPE_CHECKING:
    from ipcsreader.archive.search import Plan

# How much more a match weighs in each field than one in the body.
FIELD_BOOSTS = {
    "title": 2.5,
    "teaser": 1.2,
    "body": 1.0,
    "author": 2.0,
    "column": 1.5,
    "region": 1.0,
}
# Extra weight for query words found next to each other, as typed.
PROXIMITY_BOOST = {"title": 0.3, "teaser": 0.3, "body": 0.5}
# How much a relaxed (any word) match's score shrinks with the share of words it lacks:
# score * share ** COORDINATION.
COORDINATION = 2.0
# How many of the best hits by plain score get that extra weight.
RESCORE_TOP = 200
USER_FIELDS = ("title", "teaser", "body", "author", "column", "region", "year", "date", "number")
FIELD_ALIASES = {"author": ["authors", "by"], "number": ["no", "article"]}
FACET_FIELDS = {"column": "column_f", "author": "author_f", "year": "year", "month": "month"}

_SNIPPET_CHARS = 240
_FRAGMENT_CHARS = 130
# Snippets come from a stretch of the body that starts just before the first word that
# looks like a query word: analysing the whole body costs several times as much per hit.
_HIGHLIGHT_CHARS = 1000
_HIGHLIGHT_LEAD = 80
_APOSTROPHES_DASHES = re.compile(r"['’‘\-‐‑]")
# A word with inner hyphens or apostrophes, or letters then digits ("MH370"), standing
# alone (not a prefix, fuzzy or boosted word).
_COMPOUND = re.compile(
    r"(?<![\w*?~^])(?:\w+(?:['’‘\-‐‑]\w+)+|[^\W\d_]+\d+)(?![\w*?~^'’‘\-‐‑])"
)
_LETTERS_DIGITS = re.compile(r"(?<=[^\W\d_])(?=\d)")
_POSSESSIVE = re.compile(r"['’‘][sS]$")
# Fields holding names, where a phrase means the name's words in any order.
NAME_FIELDS = ("author", "column", "region")
_PLAIN_QUERY = re.compile(r"[\w\s'’‘\-‐‑.,;!?]+")
# Words a query's wildcards, fuzzy words and ranges may stand for, in all: beyond this a
# search gets slow (every one of them is looked up and highlighted).
MAX_EXPANSIONS = 1000


class SearchIndex:
    """The Whoosh index in ``path``; opened lazily, reopened after each write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ix: Any = None
        self._kept: _Kept | None = None  # the reader of the last search, see _reader()

    def exists(self) -> bool:
        # Whoosh's table of contents marks a committed index; looking for it costs no import.
        return self.path.is_dir() and any(self.path.glob("_MAIN_*.toc"))

    def size_bytes(self) -> int:
        if not self.path.is_dir():
            return 0
        return sum(p.stat().st_size for p in self.path.iterdir() if p.is_file())

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
    ) -> Iterator[_Writer | _Batch]:
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
            with _write_lock(ix, self.path):
                batch = _Batch()
                yield batch
                _commit_segments(ix, batch.documents, progress)
        else:
            with _updating(ix, self.path) as writer:
                yield writer
        self._ix = None

    def search(self, plan: Plan) -> SearchResult:
        from whoosh.searching import Results, Searcher

        started = time.perf_counter()
        kept = self._reader()
        with Searcher(kept.reader, weighting=_weighting(), closereader=False) as searcher:
            load_lengths(searcher, FIELD_BOOSTS)
            run = _Run(searcher, plan, kept.columns)
            ranked, relaxed = run.execute()
            total = len(ranked)
            limit_end = None if plan.limit is None else plan.offset + plan.limit
            # Whoosh's own results object, for the page only: it reads the stored fields
            # and gives the query's words for highlighting, hit by hit.
            results = Results(searcher, run.query, ranked[plan.offset : limit_end])
            hits = tuple(_hit(h, plan.highlight and bool(plan.text)) for h in results)
            docnums = [docnum for _, docnum in ranked] if plan.facets else []
            facets = {
                name: _facet_counts(run.columns, docnums, name) for name in plan.facets if total
            }
            # Spellings come from the whole archive: no help when searching chosen articles.
            chosen = plan.filters.only is not None
            suggestion = (
                _suggest(searcher, plan.text) if total < 3 and plan.text and not chosen else None
            )
        return SearchResult(
            query=plan.text,
            total=total,
            hits=hits,
            seconds=time.perf_counter() - started,
            page=plan.page,
            limit=plan.limit or 0,
            facets=facets,
            suggestion=suggestion,
            relaxed=relaxed,
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

    def more_like(self, number: int, text: str, limit: int) -> list[Hit]:
        """Articles whose words are most like ``text`` (the article ``number``'s own)."""
        ix = self._open()
        with ix.searcher(weighting=_weighting()) as searcher:
            docnum = searcher.document_number(number=number)
            if docnum is None:
                return []
            results = searcher.more_like(docnum, "body", text=text, top=limit)
            return [_hit(h, False) for h in results]


class _Kept:
    """A reader kept between searches, with the columns read whole through it."""

    def __init__(self, ix: Any, reader: Any, stamp: tuple[int, ...] | None) -> None:
        self.ix = ix
        self.reader = reader
        self.stamp = stamp
        self.columns: dict[tuple[str, str], list[Any]] = {}


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


class _Writer:
    """Adds, replaces and deletes documents inside one commit."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def put(self, record: Record, body: str) -> None:
        self._writer.update_document(**fields.document(record, body))

    def delete(self, number: int) -> None:
        self._writer.delete_by_term("number", number)


class _Batch:
    """The documents of a new index, written all at once (:func:`_commit_segments`)."""

    def __init__(self) -> None:
        self.documents: list[tuple[Record, str]] = []

    def put(self, record: Record, body: str) -> None:
        self.documents.append((record, body))

    def delete(self, number: int) -> None:
        pass  # a new index holds nothing to delete


@contextmanager
def _updating(ix: Any, path: Path) -> Iterator[_Writer]:
    """Whoosh's own writer, for changes to an index: they go into a new small segment."""
    from whoosh.index import LockError

    try:
        writer = ix.writer()
    except LockError:
        raise _busy(path) from None
    try:
        yield _Writer(writer)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


@contextmanager
def _write_lock(ix: Any, path: Path) -> Iterator[None]:
    lock = ix.lock("WRITELOCK")
    if not lock.acquire(False):
        raise _busy(path)
    try:
        yield
    finally:
        lock.release()


def _busy(path: Path) -> IndexUnavailableError:
    return IndexUnavailableError(
        f"the index in {path} is being updated by another ipcs; try again shortly"
    )


def _commit_segments(
    ix: Any, documents: list[tuple[Record, str]], progress: Callable[[int, int], None] | None
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
            fields.document_of,
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


def _weighting() -> Any:
    from whoosh.scoring import BM25F

    # Titles are short: normalising their length as hard as the body's would let a
    # one-word title beat a full match, so they are normalised less.
    return BM25F(B=0.9, K1=5.0, title_B=0.4, author_B=0.0, column_B=0.0)


# Running a query.


class _Run:
    """One search: filter, match, rank or sort, and fall back to any-word matching if need be.

    Whoosh parses the query and builds its matchers, :mod:`ipcsreader.compat.whoosh_matching`
    runs them a posting list at a time; filters, date order and facets read the sortable
    columns in bulk (:class:`~ipcsreader.compat.whoosh_reading.Columns`), far faster than
    Whoosh's document-at-a-time sorting.
    """

    def __init__(
        self, searcher: Any, plan: Plan, columns: dict[tuple[str, str], list[Any]]
    ) -> None:
        from whoosh import query

        self.searcher = searcher
        self.plan = plan
        self.columns = Columns(searcher, columns)
        self.query: Any = query.Every()
        # Shared by the query, its fallback and the adjacency boost: postings read once.
        self.segments = matching.segments(searcher)

    def execute(self) -> tuple[list[tuple[float, int]], bool]:
        """Every hit as (score, document number), best or newest first; and whether the
        query was relaxed to any of its words."""

        plan = self.plan
        allowed = _allowed(self.searcher, plan, self.columns)
        if allowed is not None and not allowed:
            return [], False
        if not plan.text:
            reader = self.searcher.reader()
            if allowed is None:
                docs: Iterator[int] | set[int] = reader.all_doc_ids()
            elif reader.has_deletions():
                docs = {d for d in allowed if not reader.is_deleted(d)}
            else:
                docs = allowed
            return self._by_date(docs), False
        ranked = self._run(allowed)
        # Chosen articles (the desk's, ipcs new's) are searched for what was asked, no less.
        if not ranked and len(plain_words(plan.text)) > 1 and plan.filters.only is None:
            relaxed = self._run(allowed, relaxed=True)
            if relaxed:
                return relaxed, True
        return ranked, False

    def _run(self, allowed: set[int] | None, *, relaxed: bool = False) -> list[tuple[float, int]]:
        self.query = self._parse(relaxed)
        # Every match at once: the total needs them all, and scoring them in the same pass
        # is cheaper than Whoosh counting them again after picking the top ones.
        found = matching.collect(self.searcher, self.query, allowed, self.segments)
        if self.plan.sort != "relevance":
            return self._by_date(docnum for _, docnum in found)
        if relaxed:
            found = self._coordinated(found)
        return self._boost_adjacent(found)

    def _coordinated(self, found: list[tuple[float, int]]) -> list[tuple[float, int]]:
        """Any-word matches, each score times the share of the query's parts it matches:
        an article with more of the words comes before one with fewer, unless the fewer
        are much rarer or more prominent."""
        from whoosh import query
        from whoosh.query.compound import DefaultOr

        if type(self.query) not in (query.Or, DefaultOr) or len(self.query.subqueries) < 2:
            return found
        clauses = self.query.subqueries
        counts: Counter[int] = Counter()
        for clause in clauses:
            counts.update(matching.matched(self.searcher, clause))
        share = {d: (counts[d] / len(clauses)) ** COORDINATION for _, d in found}
        coordinated = [(score * share[d], d) for score, d in found]
        coordinated.sort(key=lambda sd: (-sd[0], sd[1]))
        return coordinated

    def _by_date(self, docs: Iterable[int]) -> list[tuple[float, int]]:
        rank = self.columns.date_rank()
        order = sorted(docs, key=rank.__getitem__, reverse=self.plan.sort != "oldest")
        return [(0.0, d) for d in order]

    def _boost_adjacent(self, ranked: list[tuple[float, int]]) -> list[tuple[float, int]]:
        """The best hits re-ranked with extra score for query words found side by side.

        Only the first :data:`RESCORE_TOP` by plain score are looked at: checking word
        positions in every match takes seconds for common words, and the boost is a
        tie-breaker among the hits that match the words best anyway.
        """
        text = self.plan.text
        # Whole words, as the query was run: "Jong-un" is one word, not a pair of parts.
        words = plain_words(_joined_words(text)) if _PLAIN_QUERY.fullmatch(text) else []
        analyzer = fields.analyzers()["text"]
        tokens = [t.text for w in words for t in analyzer(w, mode="query")]
        if len(tokens) < 2 or not ranked:
            return ranked
        head = ranked[:RESCORE_TOP]
        extra = _adjacency(self.segments, tokens, sorted(d for _, d in head))
        boosted = [(score + extra.get(d, 0.0), d) for score, d in head]
        boosted.sort(key=lambda sd: (-sd[0], sd[1]))
        return boosted + ranked[RESCORE_TOP:]

    def _parse(self, relaxed: bool) -> Any:
        """The query, every word required; with ``relaxed``, any of the words that the
        query joins without an operator will do."""
        from whoosh import qparser, query

        text = _whole_words(_signs_to_operators(self.plan.expression))
        try:
            q = _parser(qparser.AndGroup).parse(text)
        except Exception as error:  # Whoosh's parser trips in many ways over odd input
            raise QueryError(_parse_failure(error)) from None
        _check(q)
        _check_expansions(q, self.searcher.reader())
        if relaxed and type(q) is query.And:
            # Built here rather than by Whoosh's OrGroup, which would merge each word's
            # fields into one flat OR: each word stays one part, scored and counted whole.
            q = query.Or(q.subqueries, boost=q.boost)
        q = fielded.combine(_loose_names(q))
        return matching.prepare(ranges.from_columns(q))


@cache
def _parser_schema() -> Any:
    from whoosh.fields import Schema

    full = fields.schema()
    # Only the fields a reader may name: "spell:", "data:" and the facet fields stay hidden.
    return Schema(**{name: full[name] for name in USER_FIELDS})


def _parser(group: Any) -> Any:
    from whoosh import qparser

    parser = qparser.MultifieldParser(
        ["title", "teaser", "body", "author", "column", "region"],
        _parser_schema(),
        fieldboosts=FIELD_BOOSTS,
        group=group,
    )
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.FieldAliasPlugin(FIELD_ALIASES))
    return parser


def _signs_to_operators(text: str) -> str:
    """ "-word" means NOT word, "+word" just word (Whoosh's own plugin splits "Jong-un")."""
    text = re.sub(r"(^|\s)-(?=[\w\"(])", r"\1NOT ", text)
    return re.sub(r"(^|\s)\+(?=[\w\"(])", r"\1", text)


def _whole_words(text: str) -> str:
    """Unquoted compound words ("Jong-un's", "MH370") as the whole word, or else its parts
    side by side: ``(jongun OR ("jong un" ANDNOT jongun))``.

    The index holds a hyphenated word both as its parts and joined (see the word filter):
    the joined word finds "Jong-un", "Jong-Un's" and "jongun" alike and is scored as one
    word, where its parts would be a phrase scored as two. The parts still find it written
    apart ("MH 370") or inside a longer compound ("Isak-Muivah-led"). Inside quotes the
    parts stay, so a phrase keeps its positions.
    """

    def either(match: re.Match[str]) -> str:
        joined, parts = _joined(match[0]), _parts(match[0])
        return f'({joined} OR ("{parts}" ANDNOT {joined}))'

    return _unquoted(text, either)


def _joined_words(text: str) -> str:
    """Unquoted compound words as the whole word alone ("jongun")."""
    return _unquoted(text, lambda match: _joined(match[0]))


def _unquoted(text: str, replace: Callable[[re.Match[str]], str]) -> str:
    pieces = re.split(r'("[^"]*")', text)
    for i in range(0, len(pieces), 2):
        pieces[i] = _COMPOUND.sub(replace, pieces[i])
    return "".join(pieces)


def _joined(word: str) -> str:
    return _APOSTROPHES_DASHES.sub("", _POSSESSIVE.sub("", word))


def _parts(word: str) -> str:
    spaced = _APOSTROPHES_DASHES.sub(" ", _POSSESSIVE.sub("", word))
    return _LETTERS_DIGITS.sub(" ", spaced)


def _loose_names(q: Any) -> Any:
    """Phrases on author, column and region names as all their words, in any order,
    without honorifics, an initial standing for any name it starts: "Dr Sandip Mishra"
    and "S Mishra" find "Sandip Kumar Mishra"."""
    from whoosh import query

    def swap(sub: Any) -> Any:
        if type(sub) is query.Phrase and sub.fieldname in NAME_FIELDS:
            return _name_query(sub.fieldname, sub.words, boost=sub.boost)
        return sub

    return q.accept(swap)


def _name_query(field: str, tokens: Sequence[str], boost: float = 1.0) -> Any:
    """All of a name's words (analysed ``tokens``) in ``field``; see :func:`_loose_names`."""
    from whoosh import query

    if field == "author":
        _, rest = split_honorific(" ".join(tokens))
        tokens = rest.split() or list(tokens)
    parts = [query.Prefix(field, t) if len(t) == 1 else query.Term(field, t) for t in tokens]
    return parts[0] if len(parts) == 1 else query.And(parts, boost=boost)


def _check(q: Any) -> None:
    """Raise QueryError for the parts of a parsed query Whoosh marked as errors."""
    for sub in _walk(q):
        error = getattr(sub, "error", None)
        if error:
            raise QueryError(f"cannot understand the query: {error}")


def _parse_failure(error: Exception) -> str:
    # Whoosh words its own messages (a bad date) as a bare Exception; the rest mean nothing.
    if type(error) is Exception:
        return f"cannot understand the query: {error}"
    return "cannot understand the query; check its operators (AND, OR, NOT), fields and brackets"


def _check_expansions(q: Any, reader: Any) -> None:
    """Refuse wildcards, fuzzy words and ranges that stand for too many words to be fast."""
    from whoosh.query import FuzzyTerm, MultiTerm, Prefix, Wildcard

    left = MAX_EXPANSIONS
    for sub in _walk(q):
        if isinstance(sub, FuzzyTerm):
            # Words within n edits are sought among those sharing the first n letters:
            # walking the whole vocabulary for two edits takes seconds.
            sub.prefixlength = max(sub.prefixlength, min(sub.maxdist, len(sub.text)))
        if isinstance(sub, MultiTerm):
            left -= sum(1 for _ in islice(sub.expanded_terms(reader), left + 1))
            if left < 0:
                if isinstance(sub, Prefix):
                    typed = f"{sub.text}*"
                elif isinstance(sub, FuzzyTerm):
                    typed = f"{sub.text}~{sub.maxdist}"
                else:
                    typed = sub.text if isinstance(sub, Wildcard) else str(sub)
                raise QueryError(
                    f"'{typed}' stands for more than {MAX_EXPANSIONS:,} different words; "
                    "make it longer"
                )


def _walk(q: Any) -> Iterator[Any]:
    yield q
    for child in q.children():
        yield from _walk(child)


def _adjacency(
    segments: list[tuple[matching.Segment, int]], tokens: Sequence[str], docnums: Sequence[int]
) -> dict[int, float]:
    """The extra score of each of ``docnums`` (ascending) for adjacent query words found
    adjacent in its title, teaser and body.

    The same score a phrase query of each pair would give (the pair's word scores, times
    the field's :data:`PROXIMITY_BOOST`), but worked out from the words' positions in
    these documents only, instead of searching the whole index for each pair.
    """
    pairs = list(pairwise(tokens))
    extra: dict[int, float] = defaultdict(float)
    for segment, offset in segments:
        end = offset + segment.searcher.doc_count_all()
        local = {d - offset for d in docnums if offset <= d < end}
        if not local:
            continue
        for field, boost in PROXIMITY_BOOST.items():
            terms = segment.terms(field, set(tokens))
            if len(terms) < 2:
                continue
            found = {t: segment.docs(m) & local for t, m in terms.items()}
            scores = {t: segment.scores(terms[t], docs) for t, docs in found.items()}
            for doc in local:
                positions: dict[str, set[int]] = {}
                for a, b in pairs:
                    if doc not in found.get(a, ()) or doc not in found.get(b, ()):
                        continue
                    for token in (a, b):
                        if token not in positions:
                            positions[token] = set(segment.positions(terms[token], doc))
                    if any(p + 1 in positions[b] for p in positions[a]):
                        extra[doc + offset] += boost * (scores[a][doc] + scores[b][doc])
    return extra


def _allowed(searcher: Any, plan: Plan, columns: Columns) -> set[int] | None:
    """The document numbers the filters let through (None: no filters).

    A plain set: Whoosh checks a filter once per match, and its own bit sets take time
    in proportion to the index for each check.
    """
    from whoosh import query

    f = plan.filters
    found: set[int] | None = None

    def narrow(docs: Iterable[int]) -> None:
        nonlocal found
        found = set(docs) if found is None else found.intersection(docs)

    names = fields.analyzers()["name"]
    for field, value in (("author", f.author), ("column", f.column), ("region", f.region)):
        if value:
            tokens = [t.text for t in names(value, mode="query")]
            if not tokens:
                raise QueryError(f"--{field} {value!r} has no words to look for")
            narrow(matching.matched(searcher, _name_query(field, tokens)))
    if f.year is not None:
        narrow(matching.matched(searcher, query.Term("year", f.year)))
    if f.since or f.until:
        # The date column, read whole, answers a range at once; the indexed date terms
        # would need a search per step of the range.
        field = searcher.schema["date"]
        dates, missing = columns.raw("date"), columns.missing("date")
        low = field.to_column_value(dt.datetime.combine(f.since, dt.time.min)) if f.since else 0
        high = (
            field.to_column_value(dt.datetime.combine(f.until, dt.time.max))
            if f.until
            else missing - 1
        )
        narrow(d for d, value in enumerate(dates) if low <= value <= high and value != missing)
    if f.only is not None:
        narrow(d for d, number in enumerate(columns.values("number")) if number in f.only)
    return found


def _facet_counts(
    columns: Columns, docnums: Sequence[int], name: str
) -> tuple[tuple[str, int], ...]:
    field = FACET_FIELDS[name]
    counts: Counter[Any] = Counter()
    if name == "author":
        # Several authors per article, one per line: count each distinct list once.
        raw = columns.raw(field)
        for names, n in Counter(raw[d] for d in docnums).items():
            for author in dict.fromkeys(names.decode("utf-8").split("\n")):
                counts[author] += n
    else:
        values = columns.values(field)
        counts.update(values[d] for d in docnums)
    found = [(str(k), v) for k, v in counts.items() if k not in (None, "", b"")]
    if name in ("year", "month"):
        return tuple(sorted(found, reverse=True))
    return tuple(sorted(found, key=lambda kv: (-kv[1], kv[0])))


def _hit(h: Any, highlight: bool) -> Hit:
    data = json.loads(h["data"])
    snippet, spans = "", ()
    if highlight:
        snippet, spans = _highlight(h, zlib.decompress(h["text"]).decode("utf-8"))
    if not snippet:
        snippet = _flat(data["teaser"] or data["lead"] or "")
        if len(snippet) > _SNIPPET_CHARS:
            snippet = snippet[:_SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return Hit(
        number=h["number"],
        # Sorted by date, Whoosh gives the sort key as the score: relevance is meaningless.
        score=float(h.score) if isinstance(h.score, int | float) else 0.0,
        title=data["title"],
        date=dt.date.fromisoformat(data["date"]) if data["date"] else None,
        authors=tuple(Author(n, aff, hon, mail) for n, aff, hon, mail in data["authors"]),
        column=data["column"],
        snippet=snippet,
        highlights=spans,
        listing_only=data["listing_only"],
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


def _highlight(h: Any, body: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The best passages of ``body`` for hit ``h``, with the spans of the matched words.

    As Whoosh's highlighter would find them, with two shortcuts: only words that start
    like a query word are analysed (stemming every word of a body costs more than all
    the rest of a search), and only a stretch from the first such word is looked at,
    unless it holds no match after all.
    """
    from whoosh import highlight

    terms = h.results.query_terms(expand=True, fieldname="body")
    words = frozenset(t.decode("utf-8") for _, t in terms)
    if not words:
        return "", ()
    # Index words are stems ("korea", "countri"): a word starting with the stem less its
    # last letter may be one of them; the word filter then says whether it is.
    heads = sorted({s[:-1] if len(s) > 3 else s for s in words}, key=len, reverse=True)
    likely = re.compile("|".join(map(re.escape, heads)))
    first = re.search(rf"(?<!\w)(?:{likely.pattern})", body, re.IGNORECASE)
    start = max(0, first.start() - _HIGHLIGHT_LEAD) if first else 0
    stretches = [(start, start + _HIGHLIGHT_CHARS)] if first else []
    stretches.append((0, highlight.DEFAULT_CHARLIMIT))
    for begin, end in stretches:
        tokens = _marked_tokens(body, begin, words, likely)
        merged = merge_matched_tokens(tokens)
        fragments = _fragmenter(end).fragment_tokens(body, merged)
        best = highlight.top_fragments(
            fragments, 2, highlight.BasicFragmentScorer(), highlight.FIRST, minscore=1
        )
        if best:
            return _span_formatter().format(best)
    return "", ()


def _marked_tokens(text: str, start: int, words: frozenset[str], likely: re.Pattern[str]) -> Any:
    """The body's tokens from ``start``, those that analyse to one of ``words`` marked."""
    tokenizer, word_filter = fields.analyzers()["text"].items
    for t in tokenizer(text[start:], positions=True, chars=True, start_char=start, mode="index"):
        folded = fields.fold(t.text)
        if likely.match(folded) or (
            not folded.isalnum() and likely.match(_APOSTROPHES_DASHES.sub("", folded))
        ):
            for part in word_filter(iter([t])):
                part.matched = part.text in words
                yield part
        else:
            t.matched = False
            yield t


@lru_cache(maxsize=64)  # one per stretch end: bounded, a long-lived process sees many
def _fragmenter(charlimit: int) -> Any:
    from whoosh import highlight

    return highlight.ContextFragmenter(maxchars=_FRAGMENT_CHARS, surround=40, charlimit=charlimit)


@cache
def _span_formatter() -> Any:
    """A Whoosh formatter whose output is (plain snippet, spans of matched words)."""
    from whoosh import highlight

    class SpanFormatter(highlight.Formatter):
        def format(
            self, fragments: list[Any], replace: bool = False
        ) -> tuple[str, tuple[tuple[int, int], ...]]:
            out: list[str] = []
            spans: list[tuple[int, int]] = []
            length = 0
            for i, fragment in enumerate(fragments):
                text = fragment.text
                # An ellipsis wherever the snippet cuts the body.
                if i or fragment.startchar > 0:
                    out.append(" … " if i else "… ")
                    length += 3 if i else 2
                cursor = fragment.startchar
                for token in sorted(fragment.matches, key=lambda t: t.startchar):
                    if token.startchar < cursor:
                        continue
                    before = _flat_keep(text[cursor : token.startchar])
                    out.append(before)
                    length += len(before)
                    word = text[token.startchar : token.endchar]
                    spans.append((length, length + len(word)))
                    out.append(word)
                    length += len(word)
                    cursor = token.endchar
                tail = _flat_keep(text[cursor : fragment.endchar])
                out.append(tail)
                length += len(tail)
            if fragments and fragments[-1].endchar < len(fragments[-1].text.rstrip()):
                out.append(" …")
            return "".join(out), tuple(spans)

    return SpanFormatter()


def _flat_keep(text: str) -> str:
    """Whitespace runs (newlines too) become one space, keeping the length map simple."""
    return re.sub(r"\s+", " ", text)


def _suggest(searcher: Any, text: str) -> str | None:
    """The query with misspelt words replaced by the corpus's likeliest spelling, if any."""
    reader = searcher.reader()
    changed = False
    result = text
    for word in set(plain_words(text)):
        folded = fields.fold(word)
        if not folded.isalpha() or len(folded) < 4:
            continue
        own = reader.doc_frequency("spell", folded)
        best = None
        for candidate in reader.terms_within("spell", folded, 2, prefix=1):
            if candidate == folded:
                continue
            key = (_distance(folded, candidate), -reader.doc_frequency("spell", candidate))
            if best is None or key < best[0]:
                best = (key, candidate)
        if best is None or -best[0][1] <= own * 5:
            continue
        replacement = best[1].capitalize() if word[:1].isupper() else best[1]
        result = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", replacement, result)
        changed = True
    return result if changed else None


def _distance(a: str, b: str) -> int:
    """Edit distance counting a swap of neighbours as one edit."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cost = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            cur.append(cost)
        prev2, prev = prev, cur
    return prev[-1]
