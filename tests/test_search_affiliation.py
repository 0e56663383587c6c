"""Where an author works, as the byline says, is searched: "a Quaid-i-Azam professor on …"."""

from __future__ import annotations

import json

import pytest
from search_world import FILLER, old_page, searched, write

from ipcsreader.archive.search import SearchQuery
from ipcsreader.library import Library

TALKS = "India and Pakistan resumed talks after the elections, and the mandate helped."
PAGES = {
    # One subject, three bylines: an institution typed picks the author's page.
    9601: ("Salma Malik", "Assistant professor, Defence Studies, Quaid-i-Azam University"),
    9602: ("Wasbir Hussain", "Executive Director, CDPS, Guwahati, and Visiting Fellow, IPCS"),
    9603: ("Varun Sahni", ""),  # no affiliation printed
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("affiliation")
    for number, (author, affiliation) in PAGES.items():
        page = old_page(
            number, "Talks Resume", [TALKS, FILLER], author=author, affiliation=affiliation
        )
        write(root / "corpus", f"{number}-old.txt", page)
    lib = Library([root / "corpus"], root / "index")
    lib.update()
    return lib


def _first(library: Library, text: str) -> list[int]:
    return [h.number for h in library.search(SearchQuery(text)).hits if h.matched == "all"]


def test_an_institution_typed_among_the_words_finds_its_authors_page(library: Library) -> None:
    assert _first(library, "quaid-i-azam university india pakistan talks") == [9601]
    assert _first(library, "cdps guwahati talks") == [9602]
    # A word of every byline's kind ("professor", "fellow") is a word like any other.
    assert _first(library, "professor india pakistan talks") == [9601]


def test_a_post_is_a_name_not_prose_with_the_stems_of_other_words(library: Library) -> None:
    # "Visiting Fellow" and "Executive Director" are the words of a post: no visit is made
    # and nobody is executed on these pages.
    assert _first(library, "executive talks") == [9602]
    assert _first(library, "execution talks") == []
    assert _first(library, "visit talks") == []


def test_a_word_only_an_affiliation_holds_is_no_misspelling(library: Library) -> None:
    result = library.search(SearchQuery("cdps talks", respell=True))
    assert result.respelt == ()
    assert result.suggestion is None


def test_an_institution_misspelt_is_searched_as_the_byline_spells_it(library: Library) -> None:
    # Only a byline says "Guwahati": the words the archive knows include its bylines'.
    result = library.search(SearchQuery("guwahti talks", respell=True))
    assert result.respelt == (("guwahti", "guwahati"),)
    assert [h.number for h in result.hits if h.matched == "all"] == [9602]
    # Asked of the field by name, or by another name of it, too.
    named = library.search(SearchQuery("institution:guwahti", respell=True))
    assert [h.number for h in named.hits] == [9602]
    # Two letters off a short word: not searched so, but offered.
    offered = library.search(SearchQuery("guwhti", respell=True))
    assert offered.total == 0 and offered.suggestion == "guwahati"


def test_the_affiliation_field_by_name(library: Library) -> None:
    assert _first(library, "affiliation:guwahati") == [9602]
    assert _first(library, 'affiliation:"visiting fellow"') == [9602]
    assert _first(library, "affiliation:professor") == [9601]
    # The byline's words are the affiliation's, not the author's name nor the text's.
    assert _first(library, "affiliation:malik") == []
    assert _first(library, "affiliation:mandate") == []


def test_through_the_command_line(library: Library) -> None:
    data = json.loads(searched(library, "affiliation:cdps", "--json"))
    assert [h["number"] for h in data["hits"]] == [9602]
