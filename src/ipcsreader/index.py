"""The search index: the one module that imports Whoosh.

One document per article number. Title, teaser and body are stemmed English; author,
column and region are names (folded, not stemmed); ``spell`` keeps the unstemmed words for
"Did you mean …?". Paragraphs are not stored: snippets re-read them from the corpus through
a callback, so the index stays small. Whoosh is imported only when an index is opened or
written, never when this module is imported.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipcsreader.errors import IndexUnavailableError, QueryError
from ipcsreader.model import Author, Hit, Record, SearchResult
from ipcsreader.search import WORD_PATTERN, plain_words

if TYPE_CHECKING:
    from ipcsreader.search import Plan

# How much more a match weighs in each field than one in the body.
FIELD_BOOSTS = {
    "title": 4.0,
    "teaser": 2.0,
    "body": 1.0,
    "author": 3.0,
    "column": 1.5,
    "region": 1.0,
}
# Extra weight for query words found next to each other, as typed.
PROXIMITY_BOOST = {"title": 3.0, "teaser": 1.5, "body": 1.0}
USER_FIELDS = ("title", "teaser", "body", "author", "column", "region", "year", "date", "number")
FIELD_ALIASES = {"author": ["authors", "by"], "number": ["no", "article"]}
FACET_FIELDS = {"column": "column_f", "author": "author_f", "year": "year", "month": "month"}

BodyLoader = Callable[[int, str], str | None]
"""(article number, source file) → the article's paragraphs as text, or None."""

_SNIPPET_CHARS = 240
_FRAGMENT_CHARS = 130
_LEAD_CHARS = 300
_DASHES = re.compile(r"[-‐‑]")
_PLAIN_QUERY = re.compile(r"[\w\s'’‘\-‐‑.,;!?]+")
_WORD_CACHE_SIZE = 500_000
# How much of the body lends words to "Did you mean …?" (with the title and teaser).
_SPELL_CHARS = 2000
# Words a query's wildcards, fuzzy words and ranges may stand for, in all: beyond this a
# search gets slow (every one of them is looked up and highlighted).
MAX_EXPANSIONS = 1000


def fold(text: str) -> str:
    """Lower case without accents; curly apostrophes made straight."""
    if text.isascii():
        return text.lower()  # most words: skip the Unicode work
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class IndexedRecord:
    """A record with the text to index and the file its paragraphs come from."""

    record: Record
    body_source: str | None = None


class SearchIndex:
    """The Whoosh index in ``path``; opened lazily, reopened after each write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ix: Any = None

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
    def writing(self, *, rebuild: bool, discard: bool = False) -> Iterator[_Writer]:
        """A writer that commits on success; ``rebuild`` starts from an empty index.

        A rebuild replaces the old index only when it commits: until then readers (and a
        process killed mid-way) keep the last committed one. ``discard`` throws a damaged
        or outdated index away first. Files in the folder that are not Whoosh's stay.
        """
        from whoosh.index import LockError, create_in
        from whoosh.writing import CLEAR

        self._ix = None
        fresh = rebuild or discard or not self.exists()
        if discard or not self.exists():
            self.path.mkdir(parents=True, exist_ok=True)
            ix = create_in(str(self.path), _schema())
        else:
            ix = self._open()
        try:
            writer = ix.writer()
        except LockError:
            raise IndexUnavailableError(
                f"the index in {self.path} is being updated by another ipcs; try again shortly"
            ) from None
        # Millions of postings stay alive until the commit: the cyclic garbage collector
        # would walk them all again and again (a third of the build time), for nothing.
        collecting = gc.isenabled()
        gc.disable()
        try:
            try:
                yield _Writer(writer, fresh=fresh)
            except BaseException:
                writer.cancel()
                raise
            # CLEAR drops every older segment in the same commit that adds the new one.
            writer.commit(mergetype=CLEAR if fresh else None)
        finally:
            if collecting:
                gc.enable()
        self._ix = None

    def search(self, plan: Plan, load_body: BodyLoader) -> SearchResult:
        started = time.perf_counter()
        ix = self._open()
        with ix.searcher(weighting=_weighting()) as searcher:
            run = _Run(searcher, plan)
            results, relaxed = run.execute()
            results.highlighter = highlighter()
            total = len(results)
            limit_end = None if plan.limit is None else plan.offset + plan.limit
            hits = tuple(
                _hit(h, plan.highlight and bool(plan.text), load_body)
                for h in results[plan.offset : limit_end]
            )
            facets = {name: _facet_counts(results, name) for name in plan.facets if total}
            suggestion = _suggest(searcher, plan.text) if total < 3 and plan.text else None
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

    def more_like(self, number: int, text: str, limit: int) -> list[Hit]:
        """Articles whose words are most like ``text`` (the article ``number``'s own)."""
        ix = self._open()
        with ix.searcher(weighting=_weighting()) as searcher:
            docnum = searcher.document_number(number=number)
            if docnum is None:
                return []
            results = searcher.more_like(docnum, "body", text=text, top=limit)
            return [_hit(h, False, None) for h in results]


class _Writer:
    """Adds, replaces and deletes documents inside one commit."""

    def __init__(self, writer: Any, *, fresh: bool) -> None:
        self._writer = writer
        # In a new index there is nothing to replace: adding skips the look-up per document.
        self._add = writer.add_document if fresh else writer.update_document

    def put(self, item: IndexedRecord, body: str) -> None:
        self._add(**_document(item, body))

    def delete(self, number: int) -> None:
        self._writer.delete_by_term("number", number)


# The schema and its analysis.


@cache
def _word_filter_class() -> type:
    """Fold each word; split hyphenated words into parts (and, if ``join``, add them whole).

    "Jong-un’s" gives "jong", "un" (the possessive dropped) and, when indexing, "jongun" at
    the position of "jong": so "jong-un" (a phrase of its parts), "jongun" and "Jong-un's"
    all find it. Queries get the parts only, so phrases keep their positions. With ``stem``
    each word is also reduced to its English stem.

    Indexing spends most of its time here, once per word of every page: what a word becomes
    is worked out once and kept in a dict, so a word seen before costs one look-up (Whoosh's
    own stemming cache is bounded and slow once the vocabulary outgrows it).
    """
    from whoosh.analysis import Filter

    class WordFilter(Filter):
        def __init__(self, join: bool = True, stem: bool = False) -> None:
            self.join = join
            self.stem = stem
            self._cache = _word_cache(join, stem)

        def __eq__(self, other: object) -> bool:
            return (
                isinstance(other, WordFilter)
                and other.join == self.join
                and other.stem == self.stem
            )

        def __getstate__(self) -> dict[str, Any]:
            return {"join": self.join, "stem": self.stem}

        def __setstate__(self, state: dict[str, Any]) -> None:
            self.join = state["join"]
            self.stem = state.get("stem", False)
            # Whoosh unpickles the schema afresh for every searcher: the cache outlives it.
            self._cache = _word_cache(self.join, self.stem)

        def _words(self, original: str) -> tuple[tuple[tuple[str, int, int], ...], str]:
            """The words of one token with their offsets in it, and the words joined."""
            stem = _stemmer() if self.stem else None
            words = []
            offset = 0
            pieces = _DASHES.split(original)
            for i, raw in enumerate(pieces):
                word = fold(raw)
                if i == len(pieces) - 1 and word.endswith("'s"):
                    word = word[:-2]
                word = word.replace("'", "")
                if word:
                    words.append((word, offset, offset + len(raw)))
                offset += len(raw) + 1
            joined = "".join(w for w, _, _ in words)
            if stem:
                words = [(stem(w), b, e) for w, b, e in words]
                # The joined form is used only for words with parts: stemming costs.
                joined = stem(joined) if len(words) > 1 else words[0][0] if words else ""
            if len(self._cache) > _WORD_CACHE_SIZE:
                self._cache.clear()  # a bound on memory; the common words come back first
            found = self._cache[original] = (tuple(words), joined)
            return found

        def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
            pos = 0
            cache = self._cache
            for t in tokens:
                original = t.text
                found = cache.get(original) or self._words(original)
                words = found[0]
                if not words:
                    continue
                start = t.startchar if t.chars else 0
                first_pos = pos
                for word, begin, end in words:
                    t.text = word
                    if t.positions:
                        t.pos = pos
                    if t.chars:
                        t.startchar, t.endchar = start + begin, start + end
                    pos += 1
                    yield t
                if self.join and len(words) > 1 and t.mode == "index":
                    t.text = found[1]
                    if t.positions:
                        t.pos = first_pos
                    if t.chars:
                        t.startchar, t.endchar = start, start + len(original)
                    yield t

    # Whoosh pickles the schema with the index: the class must be found by its name here.
    WordFilter.__module__ = __name__
    WordFilter.__qualname__ = WordFilter.__name__ = "WordFilter"
    return WordFilter


@cache
def _word_cache(join: bool, stem: bool) -> dict[str, Any]:
    """One cache of analysed words per kind of word filter, shared by all its copies."""
    return {}


@cache
def _stemmer() -> Callable[[str], str]:
    from whoosh.lang import stemmer_for_language

    return stemmer_for_language("en")


def __getattr__(name: str) -> Any:
    if name == "WordFilter":
        return _word_filter_class()
    raise AttributeError(name)


@cache
def _analyzers() -> dict[str, Any]:
    from whoosh.analysis import RegexTokenizer

    words = _word_filter_class()
    tokenizer = RegexTokenizer(WORD_PATTERN)
    return {
        "text": tokenizer | words(join=True, stem=True),
        "name": tokenizer | words(join=True),
        "spell": tokenizer | words(join=False),
    }


@cache
def _schema() -> Any:
    from whoosh.fields import BOOLEAN, DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

    a = _analyzers()
    return Schema(
        number=NUMERIC(int, stored=True, unique=True, sortable=True, signed=False),
        title=TEXT(analyzer=a["text"], multitoken_query="phrase"),
        teaser=TEXT(analyzer=a["text"], multitoken_query="phrase"),
        body=TEXT(analyzer=a["text"], multitoken_query="phrase"),
        author=TEXT(analyzer=a["name"], multitoken_query="phrase"),
        column=TEXT(analyzer=a["name"], multitoken_query="phrase"),
        region=TEXT(analyzer=a["name"], multitoken_query="phrase"),
        year=NUMERIC(int, sortable=True, signed=False),
        month=ID(sortable=True),
        date=DATETIME(sortable=True),
        column_f=ID(sortable=True),
        author_f=KEYWORD(commas=True, lowercase=False, vector=True),
        listing_only=BOOLEAN(),
        spell=TEXT(analyzer=a["spell"], phrase=False),
        data=STORED(),
    )


def _weighting() -> Any:
    from whoosh.scoring import BM25F

    # Titles are short: normalising their length as hard as the body's would let a
    # one-word title beat a full match, so they are normalised less.
    return BM25F(B=0.75, K1=1.2, title_B=0.4, author_B=0.0, column_B=0.0)


def _document(item: IndexedRecord, body: str) -> dict[str, Any]:
    r = item.record
    names = [a.name for a in r.authors]
    lead = "" if r.teaser else body[:_LEAD_CHARS]
    doc: dict[str, Any] = {
        "number": r.number,
        "title": r.title or "",
        "teaser": r.teaser or "",
        "body": body,
        "author": "\n".join(names),
        "column": r.column or "",
        "region": r.region or "",
        "column_f": r.column or "",
        "author_f": ",".join(n.replace(",", " ") for n in names),
        "listing_only": r.listing_only,
        "spell": _spelling_words(r.title, r.teaser, body),
        "data": json.dumps(
            {
                "title": r.title,
                "date": r.date.isoformat() if r.date else None,
                "column": r.column,
                "authors": [[a.name, a.affiliation, a.honorific, a.email] for a in r.authors],
                "teaser": r.teaser,
                "lead": lead,
                "listing_only": r.listing_only,
                "body_source": item.body_source,
            },
            ensure_ascii=False,
        ),
    }
    if r.date:
        doc["date"] = dt.datetime(r.date.year, r.date.month, r.date.day)
        doc["year"] = r.date.year
        doc["month"] = f"{r.date.year:04d}-{r.date.month:02d}"
    return doc


def _spelling_words(*texts: str | None) -> str:
    """Each distinct word of the title, teaser and opening of the body, once.

    Suggestions need only which articles use a word: the opening of each body names the
    subject's words, and a word list a few times shorter makes indexing much cheaper.
    """
    title, teaser, body = texts
    text = "\n".join(filter(None, (title, teaser, (body or "")[:_SPELL_CHARS])))
    return " ".join(dict.fromkeys(re.findall(WORD_PATTERN, text)))


# Running a query.


class _Run:
    """One search: parse, filter, sort, and fall back to any-word matching if need be."""

    def __init__(self, searcher: Any, plan: Plan) -> None:
        self.searcher = searcher
        self.plan = plan

    def execute(self) -> tuple[Any, bool]:
        from whoosh import qparser

        plan = self.plan
        results = self._run(qparser.AndGroup)
        if len(results) == 0 and plan.text and len(plain_words(plan.text)) > 1:
            relaxed = self._run(qparser.OrGroup.factory(0.9))
            if len(relaxed):
                return relaxed, True
        return results, False

    def _run(self, group: Any) -> Any:
        from whoosh import query, sorting

        plan = self.plan
        q = self._parse(group) if plan.text else query.Every()
        sortedby = None
        reverse = False
        if plan.sort != "relevance" or not plan.text:
            sortedby = [sorting.FieldFacet("date"), sorting.FieldFacet("number")]
            reverse = plan.sort != "oldest"
        groupedby = None
        if plan.facets:
            groupedby = sorting.Facets()
            for name in plan.facets:
                groupedby.add_field(
                    FACET_FIELDS[name], allow_overlap=name == "author", maptype=sorting.Count
                )
        limit = None if plan.limit is None else plan.offset + plan.limit
        return self.searcher.search(
            q,
            limit=limit,
            filter=_filter(plan),
            sortedby=sortedby,
            reverse=reverse,
            groupedby=groupedby,
            terms=plan.highlight,
        )

    def _parse(self, group: Any) -> Any:
        from whoosh import query

        try:
            q = _parser(group).parse(_signs_to_operators(self.plan.text))
        except Exception as error:  # Whoosh's parser trips in many ways over odd input
            raise QueryError(_parse_failure(error)) from None
        _check(q)
        _check_expansions(q, self.searcher.reader())
        words = plain_words(self.plan.text) if _PLAIN_QUERY.fullmatch(self.plan.text) else []
        boosts = _proximity(words)
        return query.AndMaybe(q, boosts) if boosts is not None else q


@cache
def _parser_schema() -> Any:
    from whoosh.fields import Schema

    full = _schema()
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


def _proximity(words: Sequence[str]) -> Any:
    """Extra score for adjacent query words found adjacent, in title, teaser and body."""
    from whoosh import query

    analyzer = _analyzers()["text"]
    tokens = [t.text for w in words for t in analyzer(w, mode="query")]
    if len(tokens) < 2:
        return None
    pairs = [tokens[i : i + 2] for i in range(len(tokens) - 1)]
    clauses = [
        query.Phrase(field, pair, boost=boost)
        for field, boost in PROXIMITY_BOOST.items()
        for pair in pairs
    ]
    return query.Or(clauses)


def _filter(plan: Plan) -> Any:
    from whoosh import query

    f = plan.filters
    clauses: list[Any] = []
    names = _analyzers()["name"]
    for field, value in (("author", f.author), ("column", f.column), ("region", f.region)):
        if value:
            tokens = [t.text for t in names(value, mode="query")]
            if not tokens:
                raise QueryError(f"--{field} {value!r} has no words to look for")
            clauses.append(query.And([query.Term(field, t) for t in tokens]))
    if f.year is not None:
        clauses.append(query.Term("year", f.year))
    if f.since or f.until:
        start = dt.datetime.combine(f.since, dt.time.min) if f.since else None
        end = dt.datetime.combine(f.until, dt.time.max) if f.until else None
        clauses.append(query.DateRange("date", start, end))
    if not clauses:
        return None
    return query.And(clauses)


def _facet_counts(results: Any, name: str) -> tuple[tuple[str, int], ...]:
    groups = results.groups(FACET_FIELDS[name])
    counts = [(str(k), v) for k, v in groups.items() if k not in (None, "", b"")]
    if name in ("year", "month"):
        return tuple(sorted(counts, reverse=True))
    return tuple(sorted(counts, key=lambda kv: (-kv[1], kv[0])))


def _hit(h: Any, highlight: bool, load_body: BodyLoader | None) -> Hit:
    data = json.loads(h["data"])
    snippet, spans = "", ()
    if highlight and load_body and data["body_source"]:
        body = load_body(h["number"], data["body_source"])
        if body:
            snippet, spans = h.highlights("body", text=body, top=2)
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


def highlighter() -> Any:
    """A Whoosh highlighter whose output is (plain snippet, spans of matched words)."""
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

    return highlight.Highlighter(
        fragmenter=highlight.ContextFragmenter(maxchars=_FRAGMENT_CHARS, surround=40),
        formatter=SpanFormatter(),
    )


def _flat_keep(text: str) -> str:
    """Whitespace runs (newlines too) become one space, keeping the length map simple."""
    return re.sub(r"\s+", " ", text)


def _suggest(searcher: Any, text: str) -> str | None:
    """The query with misspelt words replaced by the corpus's likeliest spelling, if any."""
    reader = searcher.reader()
    changed = False
    result = text
    for word in set(plain_words(text)):
        folded = fold(word)
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
