"""An essay or exam question pasted as a query ("Critically examine the role of …",
"Discuss …", "To what extent …", "(1500 words)") is searched for its subject: the words
setting the question, at its start, and its word limit, at its end, need not be found.
Elsewhere in a query they are words like any other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from search_world import library_of, searched
from test_ranking import numbers

from ipcsreader.archive.search import SearchQuery
from ipcsreader.library import Library

ABOUT = (
    "Naxal ideology drives the violence. The role of ideology in Naxal violence is plain: "
    "the ideology calls for annihilation, and the violence follows the ideology."
)
# Says the question's own words, and the subject once in passing.
SETTING = (
    "A critical review should examine, discuss and critically assess its evidence, explain "
    "and evaluate it: the examiners gave 1500 words and 15 marks to the role of ideology in "
    "Naxal violence."
)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    pages = {8921: ("The Naxal Creed", ABOUT), 8922: ("Examiners' Notes", SETTING)}
    return library_of(tmp_path_factory.mktemp("essay"), pages, other="Tea prices rose.", padding=6)


@pytest.mark.parametrize(
    "query",
    [
        "Critically examine the role of ideology in Naxal violence. (1500 words)",
        "Critically examine the role of ideology in Naxal violence",
        "Discuss the role of ideology in Naxal violence",
        "Examine the role of ideology in Naxal violence (15 marks)",
        "Critically evaluate ideology and Naxal violence",
        "role of ideology in Naxal violence (1500 words)",
    ],
)
def test_the_question_is_searched_for_its_subject(library: Library, query: str) -> None:
    assert numbers(library, query)[:2] == [8921, 8922]


def every_word(library: Library, text: str) -> list[int]:
    """The hits holding every word of ``text`` (the rest of the page has some of them)."""
    return [h.number for h in library.search(SearchQuery(text)).hits if h.matched == "all"]


def test_alone_the_words_are_searched(library: Library) -> None:
    assert every_word(library, "critically examine") == [8922]


def test_after_the_start_they_are_words(library: Library) -> None:
    assert every_word(library, "violence critically examined") == [8922]


def test_through_the_command_line(library: Library) -> None:
    query = "Examine the role of ideology in Naxal violence (1500 words)"
    assert json.loads(searched(library, query, "--json"))["hits"][0]["number"] == 8921


def test_no_spelling_is_offered_for_the_words_setting_the_question(tmp_path: Path) -> None:
    # "words" is on no page, "world" is: the limit's word is no typo to correct.
    pages = {8931: ("The Naxal Creed", "The world watched Naxal violence and its ideology.")}
    library = library_of(tmp_path, pages)
    result = library.search(SearchQuery("Discuss Naxal ideology (250 words)", respell=True))
    assert [h.number for h in result.hits] == [8931]
    assert result.suggestion is None
