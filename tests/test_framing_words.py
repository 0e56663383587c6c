"""Words framing what a reader asks of a subject ("impact of the trilateral on China",
"implications of …", "consequences of …"), of its author ("the piece arguing that …", "a
Japanese take on …") or of their own errand ("urgent background on … for a story
tonight") are not its subject: the page that answers may never say them. A page
saying them in passing does not come first for them; alone, they are searched."""

from __future__ import annotations

import json

import pytest
from search_world import library_of, searched
from test_ranking import numbers

from ipcsreader.library import Library

ABOUT = (
    "The India-Japan-US trilateral worries China. The trilateral met in New York, and "
    "China watched the trilateral closely."
)
# Says the framing words, and the subject once in passing.
PASSING = (
    "The impact of the monsoon on trade with China was large, with consequences and "
    "implications for farmers; a trilateral forum met once."
)


# Say how an author argues, with the subject in passing.
ARGUED = "A scholar argued, in passing, that a trilateral forum met, and China watched."
TAKE = "A scholar's take, in passing: a trilateral forum met, and China watched."
# Says a reader's errand, with the subject in passing.
ERRAND = (
    "An urgent story tonight: the deadline for reading week is fast approaching, and we "
    "need a quick background summary; in passing, a trilateral forum met, and China watched."
)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    pages = {
        8911: ("Three Partners", ABOUT),
        8912: ("Monsoon Notes", PASSING),
        8913: ("Short Notes", TAKE),
        8914: ("Notes", ARGUED),
        8915: ("Desk Notes", ERRAND),
    }
    return library_of(
        tmp_path_factory.mktemp("framing"), pages, other="Tea prices rose.", padding=6
    )


@pytest.mark.parametrize(
    "query",
    [
        "impact of the trilateral on China",
        "trilateral impacts China",
        "implications of the trilateral for China",
        "consequences of the trilateral for China",
        "arguing trilateral China",
        "the piece arguing about the trilateral and China",
        "take on the trilateral and China",
        "takes on the trilateral and China",
        "urgent background on the trilateral and China for story tonight",
        "need quick explainer trilateral China before deadline",
        "reading for week on the trilateral and China",
        "please locate a primer or overview on the trilateral and China",
    ],
)
def test_framing_words_do_not_choose_the_page(library: Library, query: str) -> None:
    assert numbers(library, query)[0] == 8911


def test_alone_they_are_searched(library: Library) -> None:
    assert numbers(library, "impact") == [8912]
    assert numbers(library, "take") == [8913]
    assert numbers(library, "tonight") == [8915]


def test_through_the_command_line(library: Library) -> None:
    data = json.loads(searched(library, "impact of the trilateral on China", "--json"))
    assert data["hits"][0]["number"] == 8911


def test_a_piece_told_apart_from_another_is_the_one_wanted(library: Library) -> None:
    # The words of the piece not wanted ("monsoon", "farmers") are the other page's.
    query = "not the monsoon and farmers piece, the one on the trilateral and China"
    assert numbers(library, query)[0] == 8911
