"""Columnist pages and column listing pages."""

import datetime as dt
from pathlib import Path

import pytest

from ipcsreader.model import Author, ListingEntry
from ipcsreader.parse import parse_file, parse_text

PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_columnist_page_with_embedded_article():
    page = parse_file(PAGES / "columnist-page.txt")
    assert (page.kind, page.page, page.layout) == ("listing", "columnist", "old")
    assert page.column == "Harbour Notes"
    assert page.columnist == Author(
        "Meera Iyer", "Senior Fellow, Centre for Coastal Affairs, Kochi"
    )
    assert page.entries == (
        ListingEntry("Ports and Promises: A Coastal Ledger", 3901, dt.date(2012, 8, 14)),
        ListingEntry("The Island’s Quiet Dockyards"),
        ListingEntry("Tides and Turning Points"),
    )
    article = page.article
    assert (article.number, article.region, article.column) == (3901, None, "Harbour Notes")
    assert article.title == "Ports and Promises: A Coastal Ledger"
    assert article.authors == (Author("Meera Iyer", "Senior Fellow, Centre for Coastal Affairs"),)
    assert article.paragraphs[-1] == "Officials speak of capacity in the abst"
    assert article.truncated and page.truncated


def test_column_listing_entries():
    page = parse_file(PAGES / "column-listing.txt")
    assert (page.page, page.layout, page.column) == ("column", "new", "Harbour Notes")
    assert page.columnist == Author("Meera Iyer")
    first, second = page.entries
    assert first == ListingEntry(
        "Ports and Promises: A Coastal Ledger",
        3901,
        dt.date(2012, 8, 14),
        "The fishing towns along the southern coast have seen three new harbour schemes "
        "announced in as many years, and none of them ha",
        (Author("Meera Iyer"),),
    )
    assert second.teaser.endswith("the harbour plans are redrawn")
    assert not page.truncated


def test_column_listing_with_rank_line_cut_in_an_entry():
    page = parse_file(PAGES / "column-listing-rank-cut.txt")
    assert page.column == "The Mountain Column"
    assert page.columnist == Author("Kiran Sethi", honorific="Lt Gen (Retd.)")
    assert [e.title for e in page.entries] == [
        "Valley Roads: A Second Look",
        "Passes That Close in Win",
    ]
    assert page.entries[1].number is None
    assert page.truncated


def test_a_question_mark_printed_for_an_apostrophe_in_a_listing_is_one_again():
    text = (PAGES / "column-listing.txt").read_text(encoding="utf-8")
    text = text.replace("Tides and Turning Points", "The Sea?s Turning Points")
    page = parse_text(text.replace("the harbour plans are", "the harbour?s plans are"))
    second = page.entries[1]
    assert second.title == "The Sea’s Turning Points"
    assert second.teaser.endswith("the harbour’s plans are redrawn")


def test_a_column_listing_saved_with_the_site_s_navigation_above_it() -> None:
    text = (PAGES / "column-listing.txt").read_text(encoding="utf-8")
    page = parse_text(f"Skip to main content\nMenu\nColumns\n\n{text}")
    assert (page.column, page.columnist) == ("Harbour Notes", Author("Meera Iyer"))
    assert page.entries == parse_text(text).entries


def test_a_breadcrumb_trail_ending_in_the_column_is_passed_over_or_names_it() -> None:
    text = (PAGES / "column-listing.txt").read_text(encoding="utf-8")
    page = parse_text(f"Home » Columns » Harbour Notes\n\n{text}")
    assert (page.column, page.columnist) == ("Harbour Notes", Author("Meera Iyer"))
    assert page.entries == parse_text(text).entries
    # Saved without the column's own line, the trail is all that names it.
    bare = text.split("\n", 1)[1]
    alone = parse_text(f"Home » Columns » Harbour Notes\n{bare}")
    assert (alone.column, alone.entries) == ("Harbour Notes", parse_text(text).entries)


@pytest.mark.parametrize("dot", ["•", "|"])
def test_a_column_listing_with_another_mark_for_its_dots(dot: str) -> None:
    text = (PAGES / "column-listing.txt").read_text(encoding="utf-8")
    assert "·" in text
    page = parse_text(text.replace("·", dot))
    assert (page.column, page.entries) == (parse_text(text).column, parse_text(text).entries)
