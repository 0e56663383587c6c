"""Reading a live section listing page (``commentaries.php?pageno=N``) from its HTML."""

from __future__ import annotations

import datetime as dt

import pytest
from ipcs_site import FIXTURES, Piece, article_html, listing_html

from ipcsreader.errors import PageError
from ipcsreader.model import Author, ListingEntry
from ipcsreader.parse.section import article_number, parse_section


@pytest.fixture(scope="module")
def page_2():
    return parse_section((FIXTURES / "commentaries-page-2.html").read_bytes())


def test_rows_give_number_title_author_date_and_teaser(page_2) -> None:
    assert page_2.entries[0] == ListingEntry(
        title="Maoists in 2016: Between Retreat and Resurgence",
        number=5092,
        date=dt.date(2016, 8, 2),
        teaser=(
            "The Maoists have lost ground in their old strongholds & found new ones elsewhere ..."
        ),
        authors=(Author("Bibhu Prasad Routray"),),
    )


def test_rows_with_two_authors_and_spans_around_the_stamp(page_2) -> None:
    entry = page_2.entries[1]
    assert entry.number == 5090
    assert entry.title == "Sri Lanka: The Long Road to Reconciliation"
    assert entry.authors == (Author("Asanga Abeyagoonasekera"), Author("Priya Rao"))
    assert entry.date == dt.date(2016, 7, 28)
    assert entry.teaser == (
        "“There is an unofficial leader of the opposition.” A teaser quoting someone ..."
    )


def test_a_row_without_column_author_or_teaser(page_2) -> None:
    entry = page_2.entries[2]
    assert (entry.number, entry.authors, entry.teaser) == (5088, (), None)
    assert entry.title == "An Untitled-Column Piece on <b>markup</b>"  # text, not markup
    assert entry.date == dt.date(2016, 7, 21)


def test_the_column_of_each_row(page_2) -> None:
    assert page_2.columns == ("Red Affairs", "Dateline Colombo", None)


def test_rows_without_an_article_link_are_not_entries(page_2) -> None:
    # Menus use li.clearfix too, and a script holds a row-like string.
    assert [e.number for e in page_2.entries] == [5092, 5090, 5088]


def test_pagination_links_and_the_next_page(page_2) -> None:
    assert page_2.linked_pages == (1, 3, 612)
    assert page_2.next_page(2) == 3
    assert page_2.next_page(612) is None


def test_a_generated_listing_reads_back() -> None:
    pieces = [
        Piece(12, "Twelve & more", dt.date(2020, 3, 9), column="The Strategist", author="A B"),
        Piece(11, "Eleven", dt.date(2020, 3, 1), teaser="Eleven's teaser."),
    ]
    page = parse_section(listing_html("issue_briefs.php", pieces, page=1, pages=2))
    assert [(e.number, e.title, e.date) for e in page.entries] == [
        (12, "Twelve & more", dt.date(2020, 3, 9)),
        (11, "Eleven", dt.date(2020, 3, 1)),
    ]
    assert page.columns == ("The Strategist", "Red Affairs")
    assert page.entries[0].authors == (Author("A B"),)
    assert page.entries[1].teaser == "Eleven's teaser."
    assert page.next_page(1) == 2


def test_an_article_page_is_not_a_listing() -> None:
    html = article_html(Piece(5, "Five", dt.date(2020, 1, 1)))
    with pytest.raises(PageError) as error:
        parse_section(html, source="commentaries.php")
    assert error.value.message == (
        "commentaries.php: not a section listing: no article rows, no page links"
    )


@pytest.mark.parametrize(
    ("href", "number"),
    [
        ("comm_select.php?articleNo=4842", 4842),
        ("https://www.ipcs.org/comm_select.php?articleNo=17&x=1", 17),
        ("comm_select.php?articleNo=", None),
        ("comm_select.php?articleNo=abc", None),
        ("people_select.php?articleNo=5", None),
        (None, None),
    ],
)
def test_article_number_from_a_link(href: str | None, number: int | None) -> None:
    assert article_number(href) == number


def test_an_article_number_in_superscript_digits_is_none() -> None:
    # "²" is a digit to str.isdigit and no number to int(): a hostile link, not a crash.
    assert article_number("comm_select.php?articleNo=%C2%B2") is None
    assert article_number("comm_select.php?articleNo=4842") == 4842
