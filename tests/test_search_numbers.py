"""A figure typed with or without the commas a page sets between its thousands
(rewrites.grouped_numbers): "10493" finds "10,493", "6,105" finds "6105"."""

from __future__ import annotations

import pytest
from search_world import found, library_of
from test_render_read import marked

from ipcsreader.library import Library
from ipcsreader.render.read import highlight_pattern
from ipcsreader.store.rewrites import grouped_numbers
from ipcsreader.text import number_forms


@pytest.mark.parametrize(
    ("number", "forms"),
    [
        ("10493", ["10493", "10,493"]),
        ("6,105", ["6105", "6,105"]),
        ("100000", ["100000", "100,000", "1,00,000"]),
        ("1,00,00,000", ["10000000", "10,000,000", "1,00,00,000"]),
    ],
)
def test_the_ways_a_page_prints_a_number(number: str, forms: list[str]) -> None:
    assert number_forms(number) == forms


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("6105 civilians", '(6105 OR "6 105") civilians'),
        ("police 10,493", 'police (10493 OR "10 493")'),
        ("1,00,000 troops", '(100000 OR "100 000" OR "1 00 000") troops'),
        # As typed: short numbers, years, fields, stamps, ranges, decimals, sums, parts of
        # words, prefixes, phrases.
        ("500 troops", "500 troops"),
        ("Naga 2015", "Naga 2015"),
        ("number:4842 #4842 number:>5000", "number:4842 #4842 number:>5000"),
        ("number:[4000 TO 4100] {4000 TO 4100}", "number:[4000 TO 4100] {4000 TO 4100}"),
        ("4.5 km 3,000-strong 4,500km", "4.5 km 3,000-strong 4,500km"),
        ("US$20,000 MH370 4840-4845", "US$20,000 MH370 4840-4845"),
        ("6105*", "6105*"),
        ('"6105 civilians"', '"6105 civilians"'),
    ],
)
def test_a_figure_is_searched_either_way(typed: str, read: str) -> None:
    assert grouped_numbers(typed) == read


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return library_of(
        tmp_path_factory.mktemp("numbers"),
        {
            9601: ("Police Notes", "The state had 10,493 police personnel in 2002."),
            9602: ("Toll Notes", "In all 6105 civilians were killed."),
            9603: ("Troop Notes", "Some 1,00,000 troops moved north."),
            9604: ("Other Notes", "The 10 new posts held 493 men; 6 stood empty, 105 were new."),
        },
    )


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("10493 police", [9601]),
        ("10,493 police", [9601]),
        ("6,105 civilians", [9602]),
        ("6105 civilians", [9602]),
        ("100000 troops", [9603]),
        ("100,000 troops", [9603]),
    ],
)
def test_a_page_is_found_however_the_figure_is_typed(
    library: Library, query: str, numbers: list[int]
) -> None:
    assert found(library, query) == numbers


def test_the_reader_marks_the_figure_either_way() -> None:
    text = "In all 10,493 police and 6105 civilians; 493 others."
    assert marked(text, highlight_pattern("10493 6,105"), plain=True).plain == (
        "In all *10,493* police and *6105* civilians; 493 others."
    )
