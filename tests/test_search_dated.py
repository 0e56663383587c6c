"""A month and a year, or a year alone, among a query's words: the text saying them, or the
article's date."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from search_world import FILLER, old_page, searched, write

from ipcsreader.archive.search import SearchQuery
from ipcsreader.library import Library
from ipcsreader.store.rewrites import dated_words


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Russia March 2015", "Russia (date:2015-03 OR (march 2015))"),
        ("Sept 2016 Modi", "(date:2016-09 OR (september 2016)) Modi"),
        ("2 Mar. 2015", "(date:2015-03 OR (2 march 2015))"),
        ("may 2015 korea", "(date:2015-05 OR (may 2015)) korea"),
        # A year alone, as a citation is remembered; after a word that is no month.
        ("Hussain 2015 Naga", "Hussain (date:2015 OR 2015) Naga"),
        ("Marching 2015", "Marching (date:2015 OR 2015)"),
        ("title:March 2015", "title:March (date:2015 OR 2015)"),  # a word of its own
        ("2014 Russia March 2015", "(date:2014 OR 2014) Russia (date:2015-03 OR (march 2015))"),
        # As typed: a phrase, a field's value, a number, no month, no year, a year inside
        # a word, a range, a prefix.
        ('"March 2015" Russia', '"March 2015" Russia'),
        ("Long March", "Long March"),
        ("March 20150", "March 20150"),
        ("date:2015-03 Russia", "date:2015-03 Russia"),
        ('"2015 polls" Nepal', '"2015 polls" Nepal'),
        ("year:2015 Nepal", "year:2015 Nepal"),
        ("date:[2014 to 2016] Nepal", "date:[2014 to 2016] Nepal"),
        ("date:>=2014 Nepal", "date:>=2014 Nepal"),
        ("#2015 number:2015", "#2015 number:2015"),
        ("2014-15 budget", "2014-15 budget"),
        ("Nepal 2015*", "Nepal 2015*"),
        ("Nepal 1850", "Nepal 1850"),
    ],
)
def test_a_month_and_year_typed_are_read_as_a_date_too(typed: str, read: str) -> None:
    assert dated_words(typed)[0] == read


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("dated")
    corpus = root / "corpus"
    march = dt.date(2015, 3, 2)
    # Dated March 2015; its text says neither the month nor the year.
    write(
        corpus, "8921-old.txt", old_page(8921, "Rains", ["The monsoon failed.", FILLER], date=march)
    )
    # Dated otherwise; its text says "March 2015".
    said = ["The monsoon failed in March 2015.", FILLER]
    write(corpus, "8922-old.txt", old_page(8922, "Rains", said, date=dt.date(2016, 1, 5)))
    # Dated March 2015, about something else.
    write(corpus, "8923-old.txt", old_page(8923, "Roads", [FILLER], date=march))
    lib = Library([corpus], root / "index")
    lib.update()
    return lib


def test_each_month_read_as_a_date_is_named() -> None:
    assert dated_words("Sept 2016 Modi 2 Mar. 2015")[1] == {
        "Sept 2016": "2016-09",
        "2 Mar. 2015": "2015-03",
    }
    assert list(dated_words("2014 Russia March 2015")[1].items()) == [
        ("2014", "2014"),
        ("March 2015", "2015-03"),
    ]
    assert dated_words('"March 2015" Russia')[1] == {}


def test_the_article_dated_then_has_every_word(library: Library) -> None:
    result = library.search(SearchQuery("monsoon March 2015"))
    assert not result.relaxed and result.total == 2
    assert sorted(h.number for h in result.hits if h.matched == "all") == [8921, 8922]


def test_a_quoted_month_is_the_text_s_only(library: Library) -> None:
    result = library.search(SearchQuery('monsoon "March 2015"'))
    assert [h.number for h in result.hits if h.matched == "all"] == [8922]


def test_through_the_command_line(library: Library) -> None:
    hits = json.loads(searched(library, "monsoon Mar 2015", "--json"))["hits"]
    assert sorted(h["number"] for h in hits if h["matched"] == "all") == [8921, 8922]
    # A month with a year no date can hold is a word like any other, not an error.
    searched(library, "monsoon March 2099")  # it must succeed


def test_the_reader_is_told_the_month_was_read_as_a_date(library: Library) -> None:
    shown = searched(library, "monsoon March 2015", columns=80)
    assert "March 2015 also read as a date: articles dated March 2015 have it.\n" in shown
    dated = json.loads(searched(library, "monsoon March 2015", "--json"))
    assert dated["dated"] == {"March 2015": "2015-03"}
    plain = json.loads(searched(library, 'monsoon "March 2015"', "--json"))
    assert plain["dated"] == {}


def test_the_article_dated_in_a_year_typed_alone_has_every_word(library: Library) -> None:
    # 8921 and 8923 are dated 2015 and never say it; 8922, dated 2016, says it.
    result = library.search(SearchQuery("monsoon 2015"))
    assert not result.relaxed
    assert sorted(h.number for h in result.hits if h.matched == "all") == [8921, 8922]
    assert result.dated == (("2015", "2015"),)
    quoted = library.search(SearchQuery('monsoon "2015"'))  # quoted: the text's only
    assert [h.number for h in quoted.hits if h.matched == "all"] == [8922]


def test_the_reader_is_told_the_year_was_read_as_a_date(library: Library) -> None:
    shown = searched(library, "monsoon 2015", columns=80)
    assert "2015 also read as a date: articles dated 2015 have it.\n" in shown
