"""A word typed without its vowels, as in a text message ("nxl idlgy of vlnc", "mssl
tst"), is searched as the word of the archive with those consonants in that order: the
one the pages hold with the query's other words, else the one most pages use. Chat's
abbreviations ("pls", "ngl") and capitals typed on purpose stand for no word."""

from __future__ import annotations

import pytest
from search_world import library_of, searched

from ipcsreader.archive.search import SearchQuery
from ipcsreader.library import Library

NAXAL = "The Naxal ideology of violence has killed six thousand people in a decade."
MISSILE = "The missile test was a provocation, and the policy of denial a failure."
# Police and policy share their consonants: here the police are said with tea, on more
# pages than the policy is.
TEA = "The police drank tea; the police drank more tea."


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    pages = {8961: ("Naxal Ideology", NAXAL), 8962: ("A Missile Test", MISSILE)}
    pages.update({n: ("Tea Time", TEA) for n in range(8963, 8967)})
    return library_of(
        tmp_path_factory.mktemp("unvoiced"), pages, other="Tea prices rose.", padding=6
    )


def respelt(library: Library, text: str) -> dict[str, str]:
    return dict(library.search(SearchQuery(text, respell=True)).respelt)


def test_words_without_vowels_are_searched_as_the_words_they_stand_for(
    library: Library,
) -> None:
    query = "nxl idlgy of vlnc kld"
    assert respelt(library, query) == {
        "nxl": "naxal",
        "idlgy": "ideology",
        "vlnc": "violence",
        "kld": "killed",
    }
    assert [h.number for h in library.search(SearchQuery(query, respell=True)).hits][:1] == [8961]


@pytest.mark.parametrize(
    ("query", "spelling"),
    [
        ("mssl tst plcy", "policy"),  # said with the missile test
        ("plcy tea", "police"),  # said with tea
        ("plcy", "police"),  # no other word: the one most pages use
    ],
)
def test_the_word_chosen_is_the_one_found_with_the_other_words(
    library: Library, query: str, spelling: str
) -> None:
    assert respelt(library, query)["plcy"] == spelling


@pytest.mark.parametrize(
    "query",
    [
        "pls naxal ideology",  # chat's "please"
        "ngl naxal ideology",  # chat's "not going to lie"
        "NXL naxal",  # capitals: an acronym typed on purpose
        "nk naxal",  # two consonants may stand for anything
        "xyzzy naxal",  # a vowel after its first letter: not typed without them
    ],
)
def test_what_stands_for_no_word_is_not_respelt_so(library: Library, query: str) -> None:
    first = query.split()[0]
    assert first not in respelt(library, query)


def test_through_the_command_line(library: Library) -> None:
    out = searched(library, "nxl idlgy")
    assert 'No article says "nxl": searched for "naxal" instead.' in out
    assert "Naxal Ideology" in out


def test_a_word_found_with_none_of_the_others_is_no_word_typed_so(library: Library) -> None:
    # "vlnc" stands for "violence", which no page holds with the tea.
    assert "vlnc" not in respelt(library, "vlnc tea")
    assert respelt(library, "vlnc naxal")["vlnc"] == "violence"


def test_three_letters_are_read_so_only_beside_others_typed_so(library: Library) -> None:
    # Alone, three consonants are an acronym in small letters ("prc") more often.
    assert "kld" not in respelt(library, "kld naxal ideology")
    assert respelt(library, "kld nxl")["kld"] == "killed"
    assert respelt(library, "idlgy naxal")["idlgy"] == "ideology"  # four letters or more
