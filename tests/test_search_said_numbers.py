"""A number said in words is searched in figures too, and a small figure or an ordinal in
words (numerals, rewrites.said_numbers, rewrites.figures_in_words): "six thousand one
hundred and five" finds "6105", "14 CRPF" finds "fourteen CRPF"."""

from __future__ import annotations

import datetime as dt

import pytest
from search_world import FILLER, library_of, old_page, searched, write

from ipcsreader.archive.search import SearchQuery
from ipcsreader.library import Library
from ipcsreader.numerals import in_figures, in_words
from ipcsreader.store.rewrites import figures_in_words, said_numbers


@pytest.mark.parametrize(
    ("said", "figures"),
    [
        ("six thousand one hundred and five", "6105"),
        ("two thousand thirteen", "2013"),
        ("twenty fifteen", "2015"),
        ("Nineteen Ninety-Eight", "1998"),
        ("twenty twenty one", "2021"),
        ("fourteen", "14"),
        ("ninety eight", "98"),
        ("one hundred", "100"),
        ("seventieth", "70th"),
        ("twenty-first", "21st"),
        ("eleventh", "11th"),
        ("ten million", "10 million"),
        ("two lakh", "2 lakh"),
        # No one number.
        ("five six", None),
        ("hundred", None),
        ("thousand thousand", None),
        ("first second", None),
        ("ten fifteen", None),
        ("two hundred hundred", None),
    ],
)
def test_a_number_said_in_words_in_figures(said: str, figures: str | None) -> None:
    assert in_figures(said) == figures


@pytest.mark.parametrize(
    ("figure", "words"),
    [
        ("7", "seven"),
        ("14", "fourteen"),
        ("99", "ninety-nine"),
        ("6th", "sixth"),
        ("2nd", "second"),
        ("12th", "twelfth"),
        ("21st", "twenty-first"),
        ("70th", "seventieth"),
        ("100", None),
        ("0", None),
        ("3th", None),
        ("07", None),
    ],
)
def test_a_small_figure_in_words(figure: str, words: str | None) -> None:
    assert in_words(figure) == words


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (
            "six thousand one hundred and five civilians",
            "((six thousand one hundred five) OR (6105)^0.5) civilians",
        ),
        ("fourteen CRPF", "((fourteen) OR (14)^0.5) CRPF"),
        ("ten million people", '((ten million) OR ("10 million")^0.5) people'),
        # A year as it is said is searched in figures instead.
        ("Kim visit twenty fifteen", "Kim visit 2015"),
        ("April twenty twenty-one", "April 2021"),
        ("two thousand five", "((two thousand five) OR (2005)^0.5)"),
        ("twenty-two parties", "((twenty-two) OR (22)^0.5) parties"),
        # As typed: a number under ten in one word, part of a compound, a field's value, a
        # prefix, a phrase, words that are no one number.
        ("first visit eight parties", "first visit eight parties"),
        ("three-way six-party", "three-way six-party"),
        ("title:fifteen fifteen* fifteen's", "title:fifteen fifteen* fifteen's"),
        ('"fourteen years"', '"fourteen years"'),
        ("five six", "five six"),
    ],
)
def test_words_are_searched_in_figures_too(typed: str, read: str) -> None:
    assert said_numbers(typed)[0] == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Nepal 7 constitutions", "Nepal ((7) OR (seven)^0.5) constitutions"),
        ("the 6th test", "the ((6th) OR (sixth)^0.5) test"),
        # As typed: a figure that counts no plural after it (a name's: "Hwasong 15"), larger
        # figures, decimals, shares, parts of words, ranges, fields, dates as dated_words
        # writes them, phrases.
        ("Hwasong 15 test 14 CRPF", "Hwasong 15 test 14 CRPF"),
        ("150 troops 1.5 km 40% G7 9/11", "150 troops 1.5 km 40% G7 9/11"),
        ("year:14 2014-15 (2 March 2015)", "year:14 2014-15 (2 March 2015)"),
        ('"7 constitutions"', '"7 constitutions"'),
    ],
)
def test_small_figures_are_searched_in_words_too(typed: str, read: str) -> None:
    assert figures_in_words(typed)[0] == read


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return library_of(
        tmp_path_factory.mktemp("said"),
        {
            9701: ("Toll Notes", "In all 6105 civilians were killed between 2005 and 2013."),
            9702: ("Ambush Notes", "Fourteen CRPF personnel were killed in the ambush."),
            9703: ("Charter Notes", "Nepal has had seven constitutions since 1948."),
            9704: ("Test Notes", "The sixth nuclear test came in September."),
            9705: ("Party Notes", "The 22 parties met for the 6th time; 14 stayed away."),
        },
    )


@pytest.fixture(scope="module", autouse=True)
def dated(library: Library) -> None:
    """A page dated September 2016 whose text says no date."""
    page = old_page(9706, "Pact Notes", ["The pact was signed.", FILLER], date=dt.date(2016, 9, 5))
    write(library.corpus_dirs[0], "9706-old.txt", page)
    library.update()


@pytest.mark.parametrize(
    ("query", "number"),
    [
        ("six thousand one hundred and five civilians", 9701),
        ("civilians killed two thousand five to two thousand thirteen", 9701),
        ("fourteen CRPF ambush", 9702),
        ("14 personnel killed", 9702),
        ("Nepal 7 constitutions", 9703),
        ("sixth nuclear test", 9704),
        ("6th nuclear test", 9704),
        ("twenty two parties", 9705),
    ],
)
def test_a_page_is_found_however_the_number_is_said(
    library: Library, query: str, number: int
) -> None:
    first = library.search(SearchQuery(query)).hits[0]
    assert (first.number, first.matched) == (number, "all")


def test_the_number_as_typed_counts_for_more_than_its_other_form(library: Library) -> None:
    # "6th" is on 9705 as typed, "sixth" on 9704 in words: the figure typed comes first.
    hits = library.search(SearchQuery("6th")).hits
    assert [h.number for h in hits] == [9705, 9704]


def test_a_year_said_in_words_is_the_year_and_the_date(library: Library) -> None:
    # 9706 is dated September 2016 and says neither.
    hits = library.search(SearchQuery("pact September twenty sixteen")).hits
    assert [h.number for h in hits[:1]] == [9706]
    result = library.search(SearchQuery("Nepal constitutions nineteen forty-eight"))
    assert [h.number for h in result.hits] == [9703]
    assert result.in_figures == (("nineteen forty-eight", "1948"),)


def test_search_says_how_it_read_the_numbers(library: Library) -> None:
    out = searched(library, "six thousand one hundred and five civilians", "--json")
    assert '"also_said": {\n    "six thousand one hundred and five": "6105"' in out
    out = searched(library, "Nepal constitutions nineteen forty-eight", "--json")
    assert '"in_figures": {\n    "nineteen forty-eight": "1948"' in out
    said = searched(library, "6th nuclear test")
    assert "6th also searched as sixth, weighted below the word typed.\n" in said
    year = searched(library, "Nepal constitutions nineteen forty-eight")
    assert "nineteen forty-eight searched as 1948, the year it says.\n" in year
