"""Matching in bulk gives what Whoosh's own document-at-a-time search gives, to the bit."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from search_world import FILLER, old_page, write
from whoosh import qparser, query
from whoosh.index import create_in

from ipcsreader.archive.search import SearchQuery
from ipcsreader.compat import whoosh_fielded as fielded
from ipcsreader.compat import whoosh_matching as matching
from ipcsreader.compat import whoosh_reading
from ipcsreader.library import Library
from ipcsreader.store import fields, querying, ranking

# A few words, some common (long posting lists), some rare (a posting or two).
WORDS = [
    *("the", "of", "line", "control", "north", "korea", "nuclear", "talks", "army", "navy"),
    *("peace", "border", "deal", "ceasefire", "kashmir", "taliban", "monsoon"),
]
ZIPF = [1 / (rank + 1) for rank in range(len(WORDS))]


def prose(rng: random.Random, count: int) -> str:
    return " ".join(rng.choices(WORDS, weights=ZIPF, k=count))


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Three segments, as updates leave them (the first with deleted documents), with
    posting lists of one posting (kept in the term's entry) and of several blocks."""
    folder = tmp_path_factory.mktemp("segments")
    ix = create_in(str(folder), fields.schema())
    rng = random.Random(7)
    number = 0
    for size in (300, 60, 25):
        writer = ix.writer()
        for _ in range(size):
            number += 1
            day = dt.datetime(2000 + number % 20, 1 + number % 12, 1 + number % 28)
            writer.add_document(
                number=number,
                title=prose(rng, rng.randint(1, 6)),
                teaser=prose(rng, rng.randint(0, 12)),
                body=prose(rng, rng.randint(20, 300)),
                author=rng.choice(["Kamal Thein", "Varun Sahni", "Line Navy"]),
                column=rng.choice(["Af-Pak Diary", "Big Picture"]),
                region=rng.choice(["Korea", "South Asia"]),
                year=day.year,
                date=day,
            )
        writer.commit(merge=False)
    writer = ix.writer()
    for gone in (3, 10, 11, 50, 299):
        writer.delete_by_term("number", gone)
    writer.commit(merge=False)
    assert len(ix._segments()) == 3
    with ix.searcher(weighting=ranking.weighting()) as s:
        whoosh_reading.load_lengths(s, ranking.FIELD_BOOSTS)
        yield s


def parse(text: str, group: Any = qparser.AndGroup) -> Any:
    return querying.parser(group).parse(text)


def whooshs(s: Any, q: Any, allowed: set[int] | None = None) -> list[tuple[float, int]]:
    return list(s.search(q, limit=None, filter=allowed).top_n)


def bulk(s: Any, q: Any, allowed: set[int] | None = None) -> list[tuple[float, int]]:
    return matching.collect(s, q, allowed, matching.segments(s))


QUERIES = [
    "korea",
    "north korea",
    "nuclear talks ceasefire",
    "nuclear OR navy OR monsoon",
    '"north korea"',
    '"line of control"',
    '"of the"',
    '"line of control" army',
    "title:korea",
    "title:(korea OR navy) -deal",
    "korea NOT nuclear",
    "korea ANDNOT nuclear",
    "korea ANDMAYBE navy",
    "(korea OR navy) AND (peace OR border)",
    "korea^3 navy^0.5",
    "korea^0",  # Whoosh's array union keeps the first match of each part, scored 0
    "kor*",
    "nucleer~",
    "author:sahni",
    "year:[2005 TO 2010] korea",
    "date:2011",
    "NOT korea",
    "zzzz",
    "monsoon taliban kashmir ceasefire",
]


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("group", [qparser.AndGroup, qparser.OrGroup.factory(0.9)])
def test_every_match_and_its_score_as_whoosh_gives_them(searcher: Any, text: str, group: Any):
    """Whoosh's query as parsed (its array unions in these small segments included) and as
    prepared for bulk matching: both run exactly as Whoosh would run them."""
    q = parse(text, group)
    for version in (q, matching.prepare(q)):
        assert bulk(searcher, version) == whooshs(searcher, version)


@pytest.mark.parametrize(
    "text", ["korea", "nuclear OR navy", '"line of control"', "korea -nuclear"]
)
def test_a_filter_keeps_only_the_documents_it_allows(searcher: Any, text: str) -> None:
    allowed = set(range(0, searcher.doc_count_all(), 3))
    q = matching.prepare(parse(text))
    found = bulk(searcher, q, allowed)
    assert found == whooshs(searcher, q, allowed)
    assert found and {d for _, d in found} <= allowed


@pytest.mark.parametrize("text", QUERIES)
def test_a_few_documents_allowed_are_matched_as_whoosh_does(searcher: Any, text: str) -> None:
    """As ``ipcs new`` asks: a handful of documents, most in the first segment's last
    posting block, one in its first: postings are read only in the blocks holding them."""
    allowed = {2, 280, 281, 290, 298, 330}
    q = matching.prepare(parse(text))
    found = matching.collect(searcher, q, allowed, matching.segments(searcher, allowed))
    assert found == whooshs(searcher, q, allowed)


def test_postings_are_read_only_in_the_blocks_holding_allowed_documents(searcher: Any) -> None:
    q = matching.prepare(parse("line"))  # a common word: several blocks in the first segment
    allowed = {2, 290}

    def postings_read(parts: list[tuple[matching.Segment, int]]) -> int:
        assert matching.collect(searcher, q, allowed, parts) == whooshs(searcher, q, allowed)
        return sum(len(p.weights) for p in parts[0][0]._postings.values())

    few = postings_read(matching.segments(searcher, allowed))
    assert 0 < few < postings_read(matching.segments(searcher))


@pytest.mark.parametrize("text", QUERIES)
def test_a_prepared_query_matches_the_same_documents(searcher: Any, text: str) -> None:
    """The same matches with the same scores, but for the order a document's field scores
    are added in (unions in a tree rather than in an array): the last bit or so."""
    q = parse(text)
    ours = dict((d, s) for s, d in bulk(searcher, matching.prepare(q)))
    theirs = dict((d, s) for s, d in whooshs(searcher, q))
    if text == "korea^0":  # the first match of each of Whoosh's array parts only
        assert set(theirs) < set(ours) and set(ours.values()) == {0.0}
        return
    assert ours.keys() == theirs.keys()
    assert all(ours[d] == pytest.approx(theirs[d], rel=1e-12) for d in ours)


def test_a_phrase_is_matched_by_positions(searcher: Any) -> None:
    q = matching.prepare(parse('"line of control"'))
    phrases = [sub for sub in q.leaves() if type(sub) is matching.phrase_class()]
    assert {p.fieldname for p in phrases} == {*ranking.FIELD_BOOSTS}
    found = {d for _, d in bulk(searcher, q)}
    words = {d for _, d in bulk(searcher, parse("line of control"))}
    assert found and found < words


@pytest.mark.parametrize(
    "q",
    [
        query.And([query.Term("author", "kamal"), query.Term("author", "thein")]),
        query.Term("column", "diary"),
        query.Term("year", 2007),
        query.Or([query.Term("region", "korea"), query.Term("author", "sahni")]),
        query.Term("author", "nobody"),
    ],
)
def test_filter_documents_as_whoosh_finds_them(searcher: Any, q: Any) -> None:
    assert matching.matched(searcher, q) == set(searcher.docs_for_query(q))


def test_searches_keep_the_reader_until_the_index_changes(tmp_path: Path) -> None:
    """A second search reuses the first one's reader; a change committed by another
    library (another process) is seen all the same."""
    corpus = tmp_path / "corpus"
    write(
        corpus, "9001-old.txt", old_page(9001, "Budget Season", [FILLER], date=dt.date(2016, 5, 4))
    )
    reading = Library([corpus], tmp_path / "index")
    reading.update()
    assert [h.number for h in reading.search(SearchQuery("budget")).hits] == [9001]
    kept = reading._index._kept
    assert reading.search(SearchQuery("monsoon")).total == 0
    assert reading._index._kept is kept

    write(corpus, "9002-old.txt", old_page(9002, "Monsoon Diplomacy", [FILLER]))
    Library([corpus], tmp_path / "index").update()
    assert [h.number for h in reading.search(SearchQuery("monsoon")).hits] == [9002]
    assert reading._index._kept is not kept
    found = reading.search(SearchQuery("budget", sort="newest", facets=("year",)))
    assert [h.number for h in found.hits] == [9001, 9002]
    assert found.facets == {"year": (("2016", 1), ("2015", 1))}


@pytest.mark.parametrize("boost", [1.0, 0.0, 2.5])
@pytest.mark.parametrize("scored", [True, False])
def test_an_array_union_read_in_parts_sums_as_whoosh_does(
    searcher: Any, boost: float, scored: bool
) -> None:
    """Whoosh sums an array union part by part (2,048 documents; here 16, so that a
    segment holds many parts), each document's scores in the order of the words."""
    from whoosh.matching import ArrayUnionMatcher, NullMatcherClass

    leaf = searcher.leaf_searchers()[0][0]
    # Words their own stems, in fields of different lengths: sums of up to four scores.
    terms = [("body", "korea"), ("title", "control"), ("body", "border"), ("teaser", "the")]

    def union() -> Any:
        ms = [query.Term(f, t).matcher(leaf, leaf.context()) for f, t in terms]
        return ArrayUnionMatcher(ms, leaf.doc_count_all(), boost=boost, scored=scored, partsize=16)

    theirs, m = {}, union()
    while m.is_active():
        theirs[m.id()] = m.score()
        m.next()
    assert all(type(sub) is not NullMatcherClass for sub in union()._submatchers)
    segment, m = matching.Segment(leaf), union()
    ours = segment.scores(m, segment.docs(m))
    assert ours == theirs and len(ours) > 16


def test_an_index_made_anew_is_not_taken_for_the_kept_one(tmp_path: Path) -> None:
    """Rebuilt from nothing (as after damage), an index counts its generations from the
    start again: the reader kept from before must still give way."""
    corpus = tmp_path / "corpus"
    write(corpus, "9001-old.txt", old_page(9001, "Budget Season", [FILLER]))
    reading = Library([corpus], tmp_path / "index")
    reading.update()
    assert [h.number for h in reading.search(SearchQuery("budget")).hits] == [9001]

    shutil.rmtree(tmp_path / "index")
    write(corpus, "9002-old.txt", old_page(9002, "Monsoon Diplomacy", [FILLER]))
    Library([corpus], tmp_path / "index").update()
    assert [h.number for h in reading.search(SearchQuery("monsoon")).hits] == [9002]


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("group", [qparser.AndGroup, qparser.OrGroup])
def test_words_over_fields_score_as_bm25f_either_way(searcher: Any, text: str, group: Any):
    """A word's fields combined into one BM25F score: in bulk as the matcher scores it."""
    q = matching.prepare(fielded.combine(parse(text, group)))
    ours = bulk(searcher, q)
    theirs = whooshs(searcher, q)
    assert [d for _, d in ours] == [d for _, d in theirs]
    assert [s for s, _ in ours] == pytest.approx([s for s, _ in theirs], rel=1e-12)


def test_bm25f_saturates_the_fields_together(searcher: Any) -> None:
    """A word's score never passes idf * (K1 + 1) however many fields it is found in,
    where the fields' separate scores added up would."""
    q = fielded.combine(parse("korea"))
    assert type(q) is fielded.fielded_class()
    weighting = searcher.weighting
    idf = searcher.idf("body", "korea")
    top = max(s for s, _ in bulk(searcher, q))
    assert top <= idf * (weighting.K1 + 1)
    separate = max(s for s, _ in bulk(searcher, matching.prepare(parse("korea"))))
    assert separate > top
