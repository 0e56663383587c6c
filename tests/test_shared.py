"""A search's clauses matched once (compat/whoosh_shared.py): the same hits, scores and order.

A query whose every-word hits leave the page short is run again with any of its words
(the tail), then each article's words are counted: over the clauses the first run made.
Compared here with the path that makes them anew, and the tail with a reference worked
out the plain way: Whoosh's own collector, a query per word for the counts.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from search_world import new_page, write

from ipcsreader.archive.search import SearchQuery, plan
from ipcsreader.compat import whoosh_matching as matching
from ipcsreader.compat.whoosh_shared import shared, shared_class
from ipcsreader.library import Library
from ipcsreader.model import SearchResult
from ipcsreader.store import ranking
from ipcsreader.store import running as running_module

# Common and rare words, a hyphenated name, and function words ("the", "of").
WORDS = [
    *("korea", "nuclear", "talks", "army", "navy", "peace", "border", "deal", "ceasefire"),
    *("kashmir", "taliban", "monsoon", "moscow", "pyongyang", "sanctions", "summit"),
    *("militia", "drone", "treaty", "port", "election", "visit", "envoy", "missile", "trade"),
    *("dam", "river", "coast", "budget", "refugee", "strike", "corridor", "tariff", "pact"),
]
QUERY_WORDS = [*WORDS, "the", "of", "Jong-un", "Jong-un's", "koreaa", "zzzz", '"north korea"']


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """Ninety articles of random prose, in three segments (two updates after the first)."""
    root = tmp_path_factory.mktemp("shared")
    corpus = root / "corpus"
    rng = random.Random(3)
    weights = [1 / (rank + 1) for rank in range(len(WORDS))]

    def prose(count: int) -> str:
        words = rng.choices(WORDS, weights=weights, k=count)
        if rng.random() < 0.2:
            words.insert(rng.randrange(len(words)), "Kim Jong-un")
        if rng.random() < 0.2:
            words.insert(rng.randrange(len(words)), "the north korea of")
        return " ".join(words)

    library = Library([corpus], root / "index")
    number = 5000
    for batch in (60, 20, 10):
        for _ in range(batch):
            number += 1
            title = prose(rng.randint(1, 5)).capitalize()
            paragraphs = [prose(rng.randint(3, 30)) for _ in range(rng.randint(1, 2))]
            write(corpus, f"{number}-new.txt", new_page(number, title, paragraphs))
        library.update()
    yield library


def old_path(library: Library, request: SearchQuery) -> SearchResult:
    """The search with nothing shared: each query and count makes its matchers anew, and
    Whoosh steps each ANDNOT to its first match."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(running_module, "shared", lambda q, kept, parts: q)
        patch.setattr(running_module, "settled", lambda q, kept, parts: q)
        return library.search(request)


def same(a: SearchResult, b: SearchResult) -> None:
    assert (a.total, a.relaxed, a.suggestion, a.facets) == (
        b.total,
        b.relaxed,
        b.suggestion,
        b.facets,
    )
    assert a.hits == b.hits  # numbers, scores to the bit, snippets, "all" or "some"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(QUERY_WORDS), min_size=2, max_size=5),
    limit=st.sampled_from([3, 10, 40]),
)
@example(words=["korea", "moscow"], limit=10)
@example(words=["the", "korea", "of", "summit"], limit=10)
@example(words=["Jong-un's", "sanctions", "zzzz"], limit=10)
@example(words=["korea", "korea"], limit=10)
def test_the_same_result_as_matching_each_query_anew(
    library: Library, words: list[str], limit: int
) -> None:
    request = SearchQuery(" ".join(words), limit=limit, highlight=True)
    same(library.search(request), old_path(library, request))


@pytest.mark.parametrize(
    "text",
    [
        "korea moscow zzzz",
        "nuclear pyongyang summit",
        "the sanctions of monsoon taliban",
        "Jong-un summit moscow",
        '"north korea" ceasefire monsoon',
        "korea -moscow",  # not relaxable: nothing shared
        "korea ANDNOT moscow summit",
        "Jong-un's visit",
        "title:Jong-un moscow",
        "nuclear OR talks",
    ],
)
@pytest.mark.parametrize("options", [{}, {"page": 2}, {"facets": ("year", "author")}])
def test_examples_with_pages_and_facets(library: Library, text: str, options: dict) -> None:
    request = SearchQuery(text, limit=10, **options)
    same(library.search(request), old_path(library, request))


def reference_tail(library: Library, text: str, limit: int) -> tuple[list[int], dict[int, float]]:
    """The tail as the plain way finds it: the any-word query through Whoosh's own
    collector; each article's words counted with one search per word; its score times
    their share, squared; the best re-ranked with the adjacency boosts; the every-word
    hits left out. Its numbers in order, and every candidate's score."""
    from whoosh import query

    ix = library._index
    with ix._searching(plan(SearchQuery(text, limit=limit))) as (searcher, run):
        ranked, relaxed = run.execute()
        assert not relaxed
        every = {d for _, d in ranked}
        q = run._parse(relaxed=True)
        found = list(searcher.search(q, limit=None).top_n)
        words = q.a if type(q) is query.AndMaybe else q
        clauses = words.subqueries
        counts = {d: sum(d in set(searcher.docs_for_query(c)) for c in clauses) for _, d in found}
        coordinated = [
            (s * (counts[d] / len(clauses)) ** ranking.COORDINATION, d) for s, d in found
        ]
        coordinated.sort(key=lambda sd: (-sd[0], sd[1]))
        boosted = run._boost_adjacent(coordinated)
        ranking.newest_among_equals(boosted, run.columns.date_rank())
        numbers = run.columns.values("number")
        tail = [(s, numbers[d]) for s, d in boosted if d not in every]
    return [n for _, n in tail[: limit - len(every)]], {n: s for s, n in tail}


@pytest.mark.parametrize(
    "text",
    [
        "Jong-un summit moscow",
        "monsoon moscow pyongyang",
        "the sanctions of monsoon taliban",
        "korea summit of the moscow",
        "deal port sanctions",
        "drone port",
    ],
)
def test_the_tail_is_what_the_plain_way_finds(library: Library, text: str) -> None:
    limit = 12
    result = library.search(SearchQuery(text, limit=limit, highlight=False))
    # The best of those lacking a word may join the hits with every word, their score cut
    # by ranking.PARTIAL (Hit.lacks: store/running._far_better); the tail is the rest.
    joined = [h for h in result.hits if h.lacks is not None]
    tail = [h for h in result.hits if h.matched == "some" and h.lacks is None]
    every = [h for h in result.hits if h.matched == "all"]
    assert 0 < len(every) < limit and joined + tail, "the example should have a tail"
    numbers, scores = reference_tail(library, text, limit)
    found = [h.score / ranking.PARTIAL for h in joined] + [h.score for h in tail]
    # Whoosh's collector adds a word's fields up in its own order: the last bit may differ.
    assert found == pytest.approx([scores[h.number] for h in joined + tail], rel=1e-9)
    assert found == sorted(found, reverse=True)
    shown = {h.number for h in joined + tail}
    left_out = [s for n, s in scores.items() if n not in shown]
    assert not left_out or max(left_out) <= min(found) * (1 + 1e-9)
    assert [h.number for h in joined + tail] == numbers


def test_a_clause_is_made_once_per_segment_for_every_query_that_holds_it(
    library: Library,
) -> None:
    ix = library._index
    with ix._searching(plan(SearchQuery("korea moscow summit", limit=10))) as (searcher, run):
        run.execute()
        strict, relaxed = run._parse(relaxed=False), run._parse(relaxed=True)
        kept: dict[Any, Any] = {}
        parts = matching.segments(searcher)
        a, b = shared(strict, kept, parts), shared(relaxed, kept, parts)
        assert len(kept) == 3 and all(type(s) is shared_class() for s in kept.values())
        assert set(a.subqueries) == set(b.subqueries) == set(kept.values())
        plain = matching.collect(searcher, relaxed, None, matching.segments(searcher))
        assert matching.collect(searcher, a, None, parts)  # the strict one first
        assert matching.collect(searcher, b, None, parts) == plain
        for clause in b.subqueries:
            made = clause.matchers
            assert len(made) == len(parts)
            assert matching.matching_docs(searcher, clause, parts) == matching.matching_docs(
                searcher, clause.child, matching.segments(searcher)
            )
            assert clause.matchers == made  # no new matcher for the count


def test_an_or_that_rewards_coordination_is_left_alone(library: Library) -> None:
    from whoosh import query

    q = query.Or([query.Term("body", "korea"), query.Term("body", "navy")], scale=0.9)
    with library._index._searching(plan(SearchQuery("korea", limit=10))) as (searcher, _run):
        assert shared(q, {}, matching.segments(searcher)) is q
