"""Words naming the archive or its kind of text ("IPCS", "article", "column") say
nothing of the subject: every page is an IPCS article. A reader adding them ("Durand Line
ipcs", "commentary on the Durand Line") is answered as without them, where a page that
happens to print them would otherwise come first. "Article 370" is a subject."""

from __future__ import annotations

import json

import pytest
from search_world import library_of, searched
from test_ranking import numbers

from ipcsreader.library import Library

DURAND = "Across the Durand Line the tribal areas are contested; the Durand Line is porous."
# Names the line once and IPCS, the word "article" and "commentary" besides.
PASSING = (
    "An IPCS article and commentary on the Durand Line said little; the IPCS article "
    "was one commentary among many pieces, a column among columns."
)
KASHMIR = "Article 370 of the constitution gives Kashmir its special status."
FLIGHT = "The search for flight MH 370 went on, with 370 ships in the end."


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    pages = {
        8901: ("Who Holds the Border", DURAND),
        8902: ("Notes of the Week", PASSING),
        8903: ("Special Status", KASHMIR),
        8904: ("Lost at Sea", FLIGHT),
    }
    return library_of(
        tmp_path_factory.mktemp("archive"), pages, other="Tea prices rose.", padding=6
    )


@pytest.mark.parametrize(
    "query",
    [
        "Durand Line ipcs",
        "IPCS article on the Durand Line",
        "commentary on Durand Line",
        "articles Durand Line",
        "Durand Line pieces",
        "the Durand Line column",
    ],
)
def test_words_naming_the_archive_do_not_choose_the_page(library: Library, query: str) -> None:
    assert numbers(library, "Durand Line")[0] == 8901
    assert numbers(library, query)[:2] == [8901, 8902]


def test_alone_they_are_searched(library: Library) -> None:
    assert numbers(library, "IPCS commentary") == [8902]


@pytest.mark.parametrize("query", ["Article 370", "article 370 kashmir"])
def test_an_article_numbered_is_a_subject(library: Library, query: str) -> None:
    assert numbers(library, query)[0] == 8903


def test_through_the_command_line(library: Library) -> None:
    data = json.loads(searched(library, "ipcs article on durand line", "--json"))
    assert data["hits"][0]["number"] == 8901
