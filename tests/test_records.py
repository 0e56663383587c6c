"""Merging pages into one record per article number."""

from __future__ import annotations

import datetime as dt

from ipcsreader.archive.records import merge
from ipcsreader.model import Article, Author, Block, Listing, ListingEntry, Sidebars

OLD = Article(
    layout="old",
    number=4842,
    region="China",
    date=dt.date(2015, 3, 2),
    column="East Asia Compass",
    title="Russia and North Korea: Replaying Old Games",
    authors=(Author("Sandip Kumar Mishra", "University of Delhi"),),
    blocks=(Block("One."), Block("Two."), Block("Three.")),
    sidebars=Sidebars(same_author=("China-South Korea Ties", "Many Pivots")),
)
NEW = Article(
    layout="new",
    number=4842,
    date=dt.date(2015, 3, 2),
    column="East Asia Compass",
    title="Russia and North Korea: Replaying Old Games",
    authors=(Author("Sandip Mishra"),),
    teaser="Dr Sandip Mishra on an old game",
    blocks=(Block("One."), Block("Two.")),
    truncated=True,
)


def test_old_and_new_pages_make_one_record_with_the_most_of_each() -> None:
    (record,) = merge([("old.txt", OLD), ("new.txt", NEW)])
    assert record.number == 4842
    assert record.region == "China"  # only the old page gives it
    assert record.teaser == "Dr Sandip Mishra on an old game"  # only the new one does
    assert record.authors == OLD.authors  # the name with an affiliation is more complete
    assert record.blocks == OLD.blocks and not record.truncated  # the whole text wins
    assert record.sources == ("new.txt", "old.txt")
    assert record.layouts == ("new", "old")
    assert record.same_author == ("China-South Korea Ties", "Many Pivots")
    assert not record.listing_only


def test_a_whole_body_beats_a_longer_cut_one() -> None:
    cut = Article(layout="new", number=1, blocks=(Block("x" * 500),), truncated=True)
    whole = Article(layout="old", number=1, blocks=(Block("short"),))
    (record,) = merge([("cut", cut), ("whole", whole)])
    assert record.blocks == whole.blocks


def test_a_title_with_lost_apostrophes_loses_to_a_clean_one() -> None:
    listing = Listing(
        layout="old",
        page="columnist",
        entries=(ListingEntry("Nepal’s New Constitution", 4914),),
    )
    article = Article(layout="old", number=4914, title="Nepal?s New Constitution")
    (record,) = merge([("a", article), ("l", listing)])
    assert record.title == "Nepal’s New Constitution"


def test_listing_entries_join_by_number_or_by_title() -> None:
    listing = Listing(
        layout="new",
        page="column",
        column="Red Affairs",
        columnist=Author("Bibhu Prasad Routray"),
        entries=(
            ListingEntry("Maoist Attack on the CRPF", None, dt.date(2014, 12, 15)),
            ListingEntry("Return of the Native", 9090, dt.date(2014, 12, 15), "An excerpt"),
            ListingEntry("Unknown Elsewhere", None),
        ),
    )
    article = Article(layout="old", number=4777, title="Maoist Attack on the CRPF!")
    records = {r.number: r for r in merge([("a", article), ("l", listing)])}
    assert sorted(records) == [4777, 9090]  # the entry with no number and no match is dropped

    joined = records[4777]
    assert joined.sources == ("a", "l")
    assert joined.date == dt.date(2014, 12, 15)
    assert joined.column == "Red Affairs"
    assert joined.authors == (Author("Bibhu Prasad Routray"),)  # the listing's columnist
    assert not joined.listing_only

    only = records[9090]
    assert only.listing_only
    assert (only.title, only.teaser, only.blocks) == ("Return of the Native", "An excerpt", ())


def test_a_title_two_articles_share_is_not_guessed() -> None:
    a = Article(layout="old", number=1, title="Forecast")
    b = Article(layout="old", number=2, title="Forecast")
    listing = Listing(layout="new", page="column", entries=(ListingEntry("Forecast"),))
    records = merge([("a", a), ("b", b), ("l", listing)])
    assert [r.sources for r in records] == [("a",), ("b",)]


def test_a_columnist_page_article_counts_as_the_article_text() -> None:
    article = Article(layout="old", number=5227, title="Forecast 2017", blocks=(Block("Text."),))
    listing = Listing(layout="old", page="columnist", article=article)
    (record,) = merge([("c", listing)])
    assert not record.listing_only
    assert record.blocks == article.blocks


def test_pages_without_a_number_make_no_record() -> None:
    assert merge([("x", Article(layout="new", title="No number"))]) == []


def test_each_author_takes_the_fullest_name_affiliation_and_honorific() -> None:
    new = Article(
        layout="new",
        number=4920,
        title="Myanmar in New Delhi's Naga Riddle",
        authors=(Author("Sandip Mishra", "Visiting Fellow", "Dr"),),
    )
    old = Article(
        layout="old",
        number=4920,
        title="Myanmar in New Delhi's Naga Riddle",
        authors=(Author("Sandip Kumar Mishra", "Assistant Professor, University of Delhi"),),
    )
    (record,) = merge([("new.txt", new), ("old.txt", old)])
    assert record.authors == (
        Author("Sandip Kumar Mishra", "Assistant Professor, University of Delhi", "Dr"),
    )


def test_a_listings_entries_take_the_rank_its_columnist_heading_prints() -> None:
    # The heading prints "Vice Admiral (Retd.)" once, the entries only "Vijay Shankar".
    listing = Listing(
        layout="new",
        page="column",
        column="The Strategist",
        columnist=Author("Vijay Shankar", honorific="Vice Admiral (Retd.)"),
        entries=(
            ListingEntry("Withdrawal", 5772, dt.date(2021, 6, 29), "", (Author("Vijay Shankar"),)),
            ListingEntry("Order at Sea", 5757, None, "", (Author("Meera Iyer"),)),
        ),
    )
    records = {r.number: r for r in merge([("l", listing)])}
    assert records[5772].authors == (Author("Vijay Shankar", honorific="Vice Admiral (Retd.)"),)
    # Another author's entry on the same page is no columnist's.
    assert records[5757].authors == (Author("Meera Iyer"),)
