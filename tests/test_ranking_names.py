"""Names in free text: a title before a name ("Dr", "Amb") is not needed to find the person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from search_world import FILLER, new_page, old_page, searched, write

from ipcsreader.archive.search import SearchQuery
from ipcsreader.library import Library


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("names")
    corpus = root / "corpus"
    # The byline and the text name him without a title, as old pages do.
    monsoon = ["Sandip Kumar Mishra looks at the monsoon.", FILLER]
    write(corpus, "8901-old.txt", old_page(8901, "Monsoon Notes", monsoon))
    # The text names a general by his rank.
    assembly = ["The General Assembly met. Maj Gen Rao spoke.", FILLER]
    write(corpus, "8902-old.txt", old_page(8902, "Assembly", assembly, author="Varun Sahni"))
    write(corpus, "8903-old.txt", old_page(8903, "Budget", [FILLER], author="Varun Sahni"))
    lib = Library([corpus], root / "index")
    lib.update()
    return lib


@pytest.mark.parametrize(
    "query",
    ["Dr Sandip Mishra monsoon", "Dr. Sandip Mishra", "Prof Mishra monsoon", "Amb Mishra"],
)
def test_a_title_before_a_name_is_not_required(library: Library, query: str) -> None:
    result = library.search(SearchQuery(query))
    assert not result.relaxed
    assert [(h.number, h.matched) for h in result.hits] == [(8901, "all")]


def test_ranks_spelt_out_are_words(library: Library) -> None:
    # "General" is a word of its own: required, unlike "Gen".
    assert [h.number for h in library.search(SearchQuery("General Rao")).hits] == [8902]
    assert [h.number for h in library.search(SearchQuery("Gen Rao")).hits] == [8902]
    result = library.search(SearchQuery("General monsoon"))
    assert result.relaxed  # no page has both


def test_through_the_command_line(library: Library) -> None:
    hits = json.loads(searched(library, "Dr Sandip Mishra monsoon", "--json"))["hits"]
    assert [(h["number"], h["matched"]) for h in hits] == [(8901, "all")]
    assert library.corpus_dirs[0].is_dir()


def test_a_new_page_s_teaser_does_not_count_its_byline_twice(tmp_path: Path) -> None:
    # The same piece in both layouts: the old prints the byline, the new opens its teaser
    # with it. A name asked for is the byline's evidence, once for either layout.
    corpus = tmp_path / "corpus"
    text = ["The monsoon failed in the east.", FILLER]
    write(corpus, "8911-old.txt", old_page(8911, "Rains", text, author="Sandip Mishra"))
    teaser = "Dr Sandip Mishra looks at the rains"
    write(corpus, "8912-new.txt", new_page(8912, "Rains", text, teaser=teaser))
    lib = Library([corpus], tmp_path / "index")
    lib.update()
    hits = lib.search(SearchQuery("Sandip Mishra monsoon")).hits
    assert sorted(h.number for h in hits) == [8911, 8912]
    assert hits[0].score == pytest.approx(hits[1].score)
    # The rest of the teaser is still searched.
    assert [h.number for h in lib.search(SearchQuery("looks")).hits] == [8912]
