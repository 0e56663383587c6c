"""One search over an open index: filter, match, rank or sort, fall back to any word.

:class:`Run` is what :mod:`ipcsreader.store.index` asks a query of, once its searcher is
open: the query read (acronyms, dates, compounds, words of one meaning), parsed, matched a
posting list at a time and ranked, with the any-word fallback and the extras of
:mod:`.ranking`. Whoosh is imported only when a run parses or matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import islice
from typing import TYPE_CHECKING, Any, NamedTuple

from ipcsreader.archive.search import plain_words
from ipcsreader.compat import whoosh_matching as matching
from ipcsreader.compat.whoosh_reading import Columns
from ipcsreader.compat.whoosh_shared import settled, shared
from ipcsreader.errors import QueryError
from ipcsreader.model import AlsoRead, Matched
from ipcsreader.store import (
    acronyms,
    epithets,
    fields,
    filtering,
    grammar,
    printings,
    querying,
    ranking,
    rewrites,
    spelling,
    synonyms,
    variants,
)

if TYPE_CHECKING:
    from ipcsreader.archive.search import Plan


class Numbers(NamedTuple):
    """How a query's numbers were read (:func:`_spelt_out`): those also searched in their
    other form, and years said in words searched in figures instead; (as typed: read)."""

    also: dict[str, str]
    instead: dict[str, str]


def _spelt_out(
    searcher: Any, expression: str
) -> tuple[str, acronyms.Glossary, dict[str, str], Numbers]:
    """``expression`` with its acronyms and names in full in both forms, where the index's
    pages pair them (:func:`acronyms.spell_out`), its months and years as dates too
    (:func:`rewrites.dated_words`) and its figures either way
    (:func:`rewrites.grouped_numbers`), its numbers in words in figures too and the other
    way round (:func:`rewrites.said_numbers`, :func:`rewrites.figures_in_words`); the
    glossary that says what it was so read as (``used``), its months and years so read,
    and its numbers so read (:class:`Numbers`)."""
    glossary = acronyms.Glossary(searcher)
    text, said, years = rewrites.said_numbers(_typed_plain(expression))
    text, dated = rewrites.dated_words(text)
    text, in_words = rewrites.figures_in_words(text)
    text = rewrites.grouped_numbers(text)
    numbers = Numbers(said | in_words, years)
    return acronyms.spell_out(text, glossary), glossary, dated, numbers


def _typed_plain(expression: str) -> str:
    """``expression`` with its signs as operators and its mangled apostrophes mended, as
    its words are read."""
    return querying.signs_to_operators(querying.question_marks(expression))


class Run:
    """One search: filter, match, rank or sort, and fall back to any-word matching if need be.

    Whoosh parses the query and builds its matchers, :mod:`ipcsreader.compat.whoosh_matching`
    runs them a posting list at a time; filters, date order and facets read the sortable
    columns in bulk (:class:`~ipcsreader.compat.whoosh_reading.Columns`), far faster than
    Whoosh's document-at-a-time sorting.
    """

    def __init__(
        self,
        searcher: Any,
        plan: Plan,
        columns: dict[tuple[str, str], list[Any]],
        words: querying.WordCounts,
        vocabulary: spelling.Vocabulary,
    ) -> None:
        from whoosh import query

        self.searcher = searcher
        # Words no article holds are searched as the spelling they are a letter off.
        plan = spelling.respelt(vocabulary, plan)
        self.plan, self.respelt = spelling.spelt(plan), dict(plan.respelt)
        self.words = words
        self.vocabulary = vocabulary
        self.columns = Columns(searcher, columns)
        self.query: Any = query.Every()
        self.allowed: set[int] | None = None
        self.joined = False  # the query's parts are joined without an operator (see _parse)
        self.apart = False  # its compounds searched as their parts (see _parse_apart)
        # Its quoted phrases no article holds as typed, searched as their words (_loosen).
        self.loosened: tuple[str, ...] = ()
        # A question (see :func:`grammar.is_question`): ranked over the articles with any
        # of its words. ``every``: those of an any-word search with all of them.
        self.question = False
        self.every: set[int] = set()
        self.kept: dict[Any, Any] = {}  # each clause, matched once for every query run
        self.parsed: Any = None  # the query as Whoosh parses it (see _parse)
        # The clauses asked of a field by name, required when any word will do (_parse).
        self.required: Any = None
        self.also_read: dict[str, str] = {}  # the query's acronyms, in their other form
        self.by_initials: set[str] = set()  # its names read so by their initials alone
        self.dated: dict[str, str] = {}  # its months (YYYY-MM) and years alone, as dates
        self.also_said: dict[str, str] = {}  # its words also searched as others of one meaning
        self.in_figures: dict[str, str] = {}  # its years said in words, searched in figures
        self.spaced: dict[str, str] = {}  # its names also searched spaced otherwise
        # The parts of the query any of which will do (see _parse), and the documents that
        # match each (see ranking.coordinated).
        self.parts: list[Any] = []
        self.parts_matched: list[set[int]] = []
        # Hits lacking a word that are ranked among those with every word (see _far_better),
        # with the words each lacks, as typed (empty where a part is no word typed).
        self.lacking: dict[int, tuple[str, ...]] = {}

    def execute(self, *, asked: bool = False) -> tuple[list[tuple[float, int]], bool]:
        """Every hit as (score, document number), best or newest first; and whether the
        query was relaxed to any of its words. ``asked``: a page of hits for a reader, where
        a question is answered from the articles with any of its words (counting and
        exporting keep to every word)."""

        plan = self.plan
        allowed = self.allowed = filtering.allowed(self.searcher, plan, self.columns)
        # Shared by the query, its fallback and the adjacency boost: postings read once.
        self.segments = matching.segments(self.searcher, allowed)
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
        if asked and plan.sort == "relevance" and (self.asked or self._describes()):
            self._parse(relaxed=False)  # whether its words may be relaxed
            if self._relaxable():
                # The answer may lack a word of the question: one holding the others far
                # better comes before one that merely holds them all (coordination still
                # favours all). Which have all of them is counted on the way.
                self.question = True
                found = self._run(allowed, relaxed=True)
                if not self.every and self._loosen():  # a phrase no article holds
                    found = self._run(allowed, relaxed=True)
                return found, not self.every
        ranked = self._run(allowed)
        if not ranked and self._loosen():
            ranked = self._run(allowed)
        if not ranked and self._parse_apart(True):
            ranked = self._run(allowed)
            if not ranked:  # any of the words, each compound whole as before
                self._parse_apart(False)
        if not ranked and self._relaxable():
            relaxed = self._run(allowed, relaxed=True)
            if relaxed:
                return relaxed, True
        return (self._far_better(ranked) if asked else ranked), False

    def also_marked(self) -> AlsoRead:
        """What the search reads the words as besides the words typed, for a reading to
        mark too (:class:`AlsoRead`)."""
        _text, glossary, _dated, numbers = _spelt_out(self.searcher, self.plan.expression)
        typed = _typed_plain(self.plan.expression)
        said = synonyms.others_of(typed) | variants.spelt_otherwise(self.vocabulary, typed)[1]
        said |= epithets.named(typed)[1] | numbers.also | numbers.instead
        return AlsoRead(
            tuple(glossary.used.items()),
            tuple(self.respelt.items()),
            tuple(said.items()),
            tuple(sorted(glossary.by_initials)),
            tuple(variants.run_together(self.searcher, typed)[1].items()),
        )

    def some_words(self, ranked: list[tuple[float, int]], wanted: int) -> list[tuple[float, int]]:
        """The best ``wanted`` hits of the any-word fallback that are not in ``ranked`` (the
        hits with every word), best first: what fills a page those leave short, and what
        may join a page they fill (:meth:`_far_better`).

        A reader who mistypes or adds one word too many sees the articles that have the
        rest of them, after those that have every word, or among them if far better.
        """
        if self.plan.sort != "relevance" or not self._relaxable():
            return []
        every = {d for _, d in ranked}
        return list(islice(((score, d) for score, d in self._any_word if d not in every), wanted))

    @cached_property
    def _any_word(self) -> list[tuple[float, int]]:
        """Every any-word hit, ranked: run once, though a page may both ask which of them
        join those with every word and, left short, be filled with them."""
        return self._run(self.allowed, relaxed=True)

    @cached_property
    def tokens(self) -> tuple[list[str], dict[str, set[str]]]:
        """The words the reader typed, as the boosts look for them (whole words, as the
        query was run: "Jong-un" is one word), with their author-field forms
        (:func:`ranking.query_tokens`): once for every pass of the search."""
        return ranking.query_tokens(querying.boost_words(self.plan.text))

    def matched(self, docnum: int, otherwise: Matched) -> Matched:
        """Whether the hit ``docnum`` has every word: known one by one for a question, and
        for a hit ranked among those with every word though it lacks one."""
        if self.question:
            return "all" if docnum in self.every else "some"
        return "some" if docnum in self.lacking else otherwise

    def _far_better(self, ranked: list[tuple[float, int]]) -> list[tuple[float, int]]:
        """``ranked`` (the hits with every word, best first) with those lacking a word
        that, their score cut to :data:`ranking.PARTIAL`, still beat the last of a first
        page of them (:data:`ranking.PARTIAL_PAGE`, whatever page size was asked: the
        total stays one), each in its place among them (:attr:`lacking`). Where fewer
        than a page have every word, one lacking a word must beat them all: those with
        every word are all on the first page anyway, and the rest go on after them
        (:meth:`some_words`), unless one is far better than every one of them (a phrase
        remembered with one word wrong, which a few pages hold by chance)."""
        first = ranking.PARTIAL_PAGE
        if not ranked or self.plan.sort != "relevance" or not self._partial_worded():
            return ranked
        last = ranked[first - 1][0] if len(ranked) >= first else ranked[0][0]
        partial = [(score * ranking.PARTIAL, d) for score, d in self.some_words(ranked, first)]
        better = [(score, d) for score, d in partial if score > last]
        if not better:
            return ranked
        self.lacking = {d: self._lacks(d) for _, d in better}
        head = ranked[:first] + better
        matching.best_first(head)
        ranking.newest_among_equals(head, self.columns.date_rank())
        return head + ranked[first:]

    def _partial_worded(self) -> bool:
        """Whether the query has words enough (:data:`ranking.PARTIAL_WORDS`) that a page
        lacking one may still be what was meant."""
        from whoosh import query

        q = self.parsed
        return type(q) is query.And and (
            len(grammar.split_function_words(q)[0]) >= ranking.PARTIAL_WORDS
        )

    def _lacks(self, docnum: int) -> tuple[str, ...]:
        """The words of the query, as typed, that the document ``docnum`` lacks; empty if
        a part it lacks is no word typed."""
        if len(self.parts) != len(self.parts_matched):
            return ()
        lacks = [
            name
            for name, docs in zip(self._part_names, self.parts_matched, strict=True)
            if docnum not in docs
        ]
        named = tuple(name for name in lacks if name is not None)
        return named if len(named) == len(lacks) else ()

    @cached_property
    def _typed(self) -> dict[str, str]:
        """Each stem of a plain word typed: the word."""
        typed: dict[str, str] = {}
        analyse = fields.analyzers()["text"]
        for word in plain_words(self.plan.text):
            for token in analyse(word, mode="query"):
                typed.setdefault(token.text, word)
        return typed

    @cached_property
    def _part_names(self) -> list[str | None]:
        """Each part of the query any of which will do, as typed: a word, or a month read
        as a date ("September 2018"); None for anything else."""
        months = iter(self.dated)  # in the order typed, as the parts are
        return [
            next(months, None) if rewrites.is_dated(part) else grammar.typed_word(part, self._typed)
            for part in self.parts
        ]

    @cached_property
    def unrequired(self) -> frozenset[str]:
        """The words typed that the query does not require (function words, an essay
        question's instruction and word limit): none is a typo to offer a spelling of."""
        from whoosh import query

        if type(self.parsed) is not query.And:
            return frozenset()
        _required, optional = grammar.split_function_words(self.parsed)
        named = (grammar.typed_word(part, self._typed) for part in optional)
        return frozenset(word for word in named if word is not None)

    @property
    def expression(self) -> str:
        """The query as typed, its phrases as their words once loosened (:meth:`_loosen`)."""
        if self.loosened:
            return rewrites.loosened_phrases(self.plan.expression, self.loosened)[0]
        return self.plan.expression

    def _loosen(self) -> bool:
        """Whether the query has quoted phrases that no article (of those asked for) holds
        (:func:`rewrites.loosened_phrases`): if so it is parsed anew with their words
        anywhere, and says which phrases. Not among chosen articles (see _relaxable)."""
        if self.plan.filters.only is not None:
            return False
        phrases = rewrites.loosened_phrases(self.plan.expression)[1]
        self.loosened = tuple(p for p in phrases if not self._holds(p))
        if not self.loosened:
            return False
        self.parsed = None
        return True

    def _holds(self, phrase: str) -> bool:
        """Whether some article of those asked for holds ``phrase``, as a query quoting it
        would find it."""
        from whoosh import qparser

        q = querying.shaped(querying.parser(qparser.AndGroup).parse(f'"{phrase}"'))
        docs = matching.matching_docs(
            self.searcher, settled(q, self.kept, self.segments), self.segments
        )
        return bool(docs if self.allowed is None else docs & self.allowed)

    def _parse_apart(self, apart: bool) -> bool:
        """Whether the query has words the index reads as parts (:func:`querying.words_apart`):
        if so it is parsed anew, with their parts anywhere (``apart``) or whole."""
        # Read as the query is parsed: "russia-2015?" is the compound and a question mark.
        if not querying.words_apart(_typed_plain(self.expression))[1]:
            return False
        self.apart, self.parsed = apart, None
        return True

    def _relaxable(self) -> bool:
        """Whether any of the words may do: several words joined without an operator, none
        of them excluded (an Or would take "-south" for any article without the word),
        and not among chosen articles (the desk's, ipcs new's: searched for what was
        asked, no less)."""
        return (
            self.joined and len(plain_words(self.plan.text)) > 1 and self.plan.filters.only is None
        )

    @cached_property
    def asked(self) -> bool:
        """Whether the query is put as a question (:func:`grammar.is_question`)."""
        return grammar.is_question(plain_words(self.plan.text), self.plan.text)

    def _describes(self) -> bool:
        # Ranked as a question is (:func:`grammar.describes`).
        return grammar.describes(plain_words(querying.question_marks(self.plan.text)))

    def _run(self, allowed: set[int] | None, *, relaxed: bool = False) -> list[tuple[float, int]]:
        self.query = self._parse(relaxed)
        if relaxed and self.required is not None:
            allowed = self._narrowed(allowed)
        # An ANDNOT's excluded side matched first; a query that may run again with any of
        # its words shares its clauses' matchers with that run (compat/whoosh_shared).
        run = settled(self.query, self.kept, self.segments)
        if self._relaxable():
            run = shared(run, self.kept, self.segments)
        # Every match at once: the total needs them all, and scoring them in the same pass
        # is cheaper than Whoosh counting them again after picking the top ones.
        ordered = not relaxed or self.plan.sort != "relevance"  # coordination orders them
        found = matching.collect(self.searcher, run, allowed, self.segments, ordered=ordered)
        if self.plan.sort != "relevance":
            return self._by_date(docnum for _, docnum in found)
        if relaxed:
            found, self.every, self.parts_matched = ranking.coordinated(
                self.searcher, self.segments, run, found
            )
        found = self._boost_adjacent(found)
        ranking.newest_among_equals(found, self.columns.date_rank())
        return found

    def _by_date(self, docs: Iterable[int]) -> list[tuple[float, int]]:
        rank = self.columns.date_rank()
        order = sorted(docs, key=rank.__getitem__, reverse=self.plan.sort != "oldest")
        return [(0.0, d) for d in order]

    def _boost_adjacent(self, ranked: list[tuple[float, int]]) -> list[tuple[float, int]]:
        """The best hits re-ranked with extra score for query words found side by side,
        and more for many of them found close together (:func:`ranking.nearness`) or all
        in the title (:func:`ranking.whole_titles`).

        Only the first :data:`ranking.RESCORE_TOP` by plain score are looked at: checking word
        positions in every match takes seconds for common words, and the boost is a
        tie-breaker among the hits that match the words best anyway.
        """
        tokens, names = self.tokens
        if len(tokens) < 2 or not ranked:
            return ranked
        head = ranked[: ranking.RESCORE_TOP]
        docnums = sorted(d for _, d in head)
        extra, runs = ranking.adjacency(self.segments, tokens, docnums)
        # Nearness for the best few only: positions are decoded for every word of each.
        near_docs = sorted(d for _, d in head[: ranking.NEAR_TOP])
        near = ranking.nearness(self.searcher, self.segments, tokens, near_docs, names)
        titled = ranking.whole_titles(self.segments, tokens, docnums)
        columns = dict(zip(docnums, self.columns.values_at("column_f", docnums), strict=True))
        columned = ranking.whole_columns(columns, names)
        boosted = [
            (
                (score + extra.get(d, 0.0))
                * (1 + ranking.NEAR_BOOST * near.get(d, 0.0))
                * (1 + ranking.TITLE_WHOLE * (d in titled))
                * (1 + ranking.COLUMN_WHOLE * (d in columned))
                * (1 + ranking.IN_ORDER_BOOST * ranking.in_order(tokens, runs.get(d, 0))),
                d,
            )
            for score, d in head
        ]
        boosted.sort(key=lambda sd: (-sd[0], sd[1]))
        return boosted + ranked[ranking.RESCORE_TOP :]

    def _parse(self, relaxed: bool) -> Any:
        """The query, every word required; with ``relaxed``, any of the words that the
        query joins without an operator will do. Whoosh parses it once for both."""
        from whoosh import qparser, query

        q = self.parsed
        if q is None:
            text, glossary, self.dated, numbers = _spelt_out(self.searcher, self.expression)
            self.in_figures = numbers.instead
            self.also_read, self.by_initials = glossary.used, glossary.by_initials
            weight = printings.weight(self.searcher)
            text = printings.also_bylined(text, self.plan.bylines_also, weight)
            text = printings.also_printed(text, self.plan.printed_also, weight)
            text, epithet = epithets.named(text)
            text, spelt_otherwise = variants.spelt_otherwise(self.vocabulary, text)
            text, self.spaced = variants.run_together(self.searcher, text)
            text = querying.whole_words(querying.words_apart(text)[0] if self.apart else text)
            try:
                q = querying.parser(qparser.AndGroup).parse(text)
            except Exception as error:  # Whoosh's parser trips in many ways over odd input
                raise QueryError(querying.parse_failure(error)) from None
            querying.check(q)
            q = grammar.without_vain_exclusions(q, self.searcher.reader())
            # Words of one meaning: after parsing, so that each stays one word of the query.
            typed = synonyms.typed_words(_typed_plain(self.expression))
            q, self.also_said = synonyms.widened(q, typed)
            self.also_said.update(epithet | spelt_otherwise | numbers.also)
            if self.plan.completions:
                q = querying.completing(q, self.words, self.plan.completions)
            querying.check_expansions(q, self.searcher.reader())
            self.parsed = q
        if type(q) is not query.And:
            self.joined = False
        elif relaxed:
            # Built here rather than by Whoosh's OrGroup, which would merge each word's
            # fields into one flat OR: each word stays one part, scored and counted whole.
            # Function words only add to the score: a page with "what" and "the" alone
            # is no answer to a question.
            words, function = grammar.split_function_words(q)
            words, named = querying.split_named_fields(words)
            self.required = querying.shaped(query.And(named)) if named else None
            self.parts = words
            q = query.Or(words, boost=q.boost)
            if function:
                q = query.AndMaybe(q, grammar.weak_words(function))
        else:
            words, _function = grammar.split_function_words(q)
            self.joined = len(words) > 1 and not any(isinstance(w, query.Not) for w in words)
            q = grammar.function_words_optional(q)
        return querying.shaped(q)

    def _narrowed(self, allowed: set[int] | None) -> set[int]:
        """Those of ``allowed`` (None: all) that hold the clauses asked of a field by name:
        with any of the words, a search keeps its filters (``year:2015``, ``author:…``)."""
        required = shared(
            settled(self.required, self.kept, self.segments), self.kept, self.segments
        )
        docs = matching.matching_docs(self.searcher, required, self.segments)
        return docs if allowed is None else docs & allowed
