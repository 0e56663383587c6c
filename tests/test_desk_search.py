"""Searches over chosen articles (``SearchQuery.only``): what the desk's words and
``ipcs new`` ask of the index."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import desk_world
import pytest
from desk_world import JAPAN, KOREA, MAOISTS
from search_world import FILLER, old_page, write

from ipcsreader.archive.search import SearchQuery
from ipcsreader.library import Library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    corpus = tmp_path / "corpus"
    desk_world.build(corpus)
    lib = Library.open(corpus, tmp_path / "index")
    lib.update()
    return lib


def numbers(lib: Library, text: str = "", **kwargs: object) -> list[int]:
    query = SearchQuery(text=text, limit=None, highlight=False, **kwargs)  # type: ignore[arg-type]
    return [h.number for h in lib.search(query).hits]


def test_only_the_chosen_articles_are_found(library: Library) -> None:
    assert sorted(numbers(library, "korea")) == [KOREA, JAPAN]
    assert numbers(library, "korea", only=frozenset({JAPAN, MAOISTS})) == [JAPAN]
    assert numbers(library, "korea", only=frozenset()) == []
    assert numbers(library, "korea", only=frozenset({99999})) == []
    # Numbers the index's number column cannot hold (tagged with --force) are in no article.
    beyond = frozenset({2**64, 2**40, KOREA})
    assert numbers(library, "korea", only=beyond) == [KOREA]
    assert numbers(library, only=frozenset({MAOISTS, KOREA}), sort="newest") == [MAOISTS, KOREA]


def test_an_article_updated_since_is_found_once_as_it_is_now(library: Library) -> None:
    corpus = library.corpus_dirs[0]
    write(corpus, f"{KOREA}-old.txt", old_page(KOREA, "Korea Retitled", ["North Korea.", FILLER]))
    library.update()  # the old document is deleted, the new one added in a new segment
    hits = library.search(SearchQuery(text="korea", only=frozenset({KOREA}), limit=None)).hits
    assert [(h.number, h.title) for h in hits] == [(KOREA, "Korea Retitled")]


def test_chosen_articles_are_searched_for_what_was_asked_no_less(library: Library) -> None:
    # Over every article, no match for both words relaxes to either word, and suggests
    # (a word two letters off one held, too short to be searched as it).
    everything = library.search(SearchQuery(text="korea maoxstz", limit=None))
    assert everything.relaxed and everything.total == 2
    assert everything.suggestion == "korea maoist"
    chosen = library.search(SearchQuery(text="korea maoxstz", only=frozenset({KOREA})))
    assert (chosen.total, chosen.relaxed, chosen.suggestion) == (0, False, None)


def test_articles_in_several_segments(library: Library) -> None:
    corpus = library.corpus_dirs[0]
    for n in range(7200, 7206):  # each update adds a segment of its own
        desk_world.arrive(corpus, n, f"Korea {n}", "North Korea again.")
        library.update()
    every = numbers(library, "korea")
    for chosen in ({7203}, {7200, 7205}, {KOREA, 7204}, set(every)):
        assert sorted(numbers(library, "korea", only=frozenset(chosen))) == sorted(
            n for n in every if n in chosen
        )


def test_dates_read_one_by_one_or_in_one_pass_agree(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    wanted = {KOREA, MAOISTS, 1, JAPAN}
    monkeypatch.setattr("ipcsreader.store.catalog._ONE_BY_ONE", 10_000)
    one_by_one = library.dates(wanted)
    monkeypatch.setattr("ipcsreader.store.catalog._ONE_BY_ONE", 0)
    assert library.dates(wanted) == one_by_one
    assert one_by_one == {KOREA: "2015-03-02", MAOISTS: "2016-05-01", JAPAN: "2014-01-09"}


def test_listed_records_are_the_records_without_what_no_list_shows(library: Library) -> None:
    wanted = [JAPAN, 1, KOREA, MAOISTS, KOREA]
    whole = [r for r in library.records() if r.number in wanted]
    assert [r.number for r in whole] == sorted({JAPAN, KOREA, MAOISTS})
    assert any(r.teaser or r.sources or r.same_author for r in whole)  # something to leave out
    bare = [
        replace(r, teaser=None, truncated=False, sources=(), layouts=(), same_author=())
        for r in whole
    ]
    assert library.listed(wanted) == bare
