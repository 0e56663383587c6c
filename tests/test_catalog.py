"""The index's memory of the corpus: fingerprints, headline pages and records, in SQLite."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from ipcsreader.archive.records import merge
from ipcsreader.model import (
    Article,
    Author,
    Block,
    ColumnistEntry,
    Listing,
    ListingEntry,
    Sidebars,
)
from ipcsreader.store import catalog
from ipcsreader.store.catalog import Catalog, Changes, FileEntry
from ipcsreader.text import title_key

SIDEBARS = Sidebars(
    columnists=(ColumnistEntry("Red Affairs", Author("Bibhu Prasad Routray"), ("A", "B")),),
    same_author=("Older Title",),
    contributors=("Someone",),
    taxonomies=(("Regions", ("China", "India")),),
    archive_years=(2015, 2014),
)
ARTICLE = Article(
    layout="old",
    number=4842,
    source="4842-old.txt",
    region="China",
    date=dt.date(2015, 3, 2),
    column="East Asia Compass",
    title="Russia and North Korea",
    authors=(Author("Sandip Kumar Mishra", "University of Delhi", "Dr", "s@example.org"),),
    teaser="A teaser",
    blocks=(Block("First paragraph."), Block("A heading", "heading")),
    truncated=True,
    sidebars=SIDEBARS,
)
LISTING = Listing(
    layout="new",
    page="columnist",
    source="columnist.txt",
    column="Red Affairs",
    columnist=Author("Bibhu Prasad Routray"),
    entries=(
        ListingEntry("Return of the Native", 9090, dt.date(2014, 12, 15), "An excerpt"),
        ListingEntry("No Number Here", authors=(Author("Someone Else"),)),
    ),
    page_number=2,
    article=ARTICLE,
)


UPDATED = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
FILES = {
    "/c/4842-old.txt": FileEntry(10, 20, "ab" * 32, None, (4842,)),
    "/c/columnist.txt": FileEntry(11, 21, "cd" * 32, None, (4842, 9090)),
    "/c/bad.txt": FileEntry(12, 22, "ef" * 32, "not an IPCS page", ()),
}
PAGES = {
    "/c/4842-old.txt": catalog.headline(ARTICLE),
    "/c/columnist.txt": catalog.headline(LISTING),
}
RECORDS = merge(sorted(PAGES.items()))


def _first() -> Changes:
    return Changes("digest-1", UPDATED, dict(FILES), pages=dict(PAGES), records=list(RECORDS))


def _open(index: Path) -> Catalog:
    store = Catalog.open(index)
    assert store is not None
    return store


def test_headline_drops_paragraphs_only() -> None:
    assert catalog.headline(ARTICLE).blocks == ()
    assert catalog.headline(ARTICLE).title == ARTICLE.title
    listing = catalog.headline(LISTING)
    assert isinstance(listing, Listing)
    assert listing.article is not None and listing.article.blocks == ()
    assert listing.entries == LISTING.entries


def test_round_trip(tmp_path: Path) -> None:
    catalog.save(tmp_path, _first())
    store = _open(tmp_path)
    assert store.files() == FILES
    assert store.pages() == PAGES
    assert store.pages(["/c/columnist.txt"]) == {"/c/columnist.txt": PAGES["/c/columnist.txt"]}
    assert store.listing_keys() == {"/c/columnist.txt"}
    assert store.records() == RECORDS
    assert [r.number for r in RECORDS] == store.numbers() == [4842, 9090]
    assert store.records([9090, 1]) == [RECORDS[1]]
    assert (store.updated(), store.fingerprint()) == (UPDATED, "digest-1")
    assert store.file_count() == 3


def test_stored_pages_merge_into_the_stored_records(tmp_path: Path) -> None:
    catalog.save(tmp_path, _first())
    assert merge(sorted(_open(tmp_path).pages().items())) == RECORDS


def test_look_ups_by_author_name_and_title(tmp_path: Path) -> None:
    catalog.save(tmp_path, _first())
    store = _open(tmp_path)
    assert sorted(store.author_keys()) == ["bibhu prasad routray", "sandip kumar mishra"]
    assert store.numbers_by(["bibhu prasad routray", "nobody"]) == {9090}
    assert store.numbers_titled([title_key("RETURN of the native"), "nothing"]) == {9090}


def test_an_update_writes_only_what_it_is_given(tmp_path: Path) -> None:
    catalog.save(tmp_path, _first())
    store = _open(tmp_path)
    retitled = replace(RECORDS[0], title="Another Title")
    assert store.changed_records([retitled]) == ([retitled], {9090})
    catalog.save(
        tmp_path,
        Changes(
            "digest-2",
            UPDATED,
            {"/c/4842-old.txt": replace(FILES["/c/4842-old.txt"], size=99)},
            gone_files={"/c/bad.txt"},
            gone_pages={"/c/columnist.txt"},
            records=[retitled],
            gone_records={9090},
        ),
    )
    assert store.fingerprint() == "digest-2"  # an open catalog sees the last commit
    assert store.file_count() == 2  # counted by the update: one file changed, one gone
    assert store.files() == {
        "/c/4842-old.txt": replace(FILES["/c/4842-old.txt"], size=99),
        "/c/columnist.txt": FILES["/c/columnist.txt"],
    }
    assert store.pages() == {"/c/4842-old.txt": PAGES["/c/4842-old.txt"]}
    assert store.records() == [retitled]
    assert store.numbers_by(["bibhu prasad routray"]) == set()
    assert store.changed_records([retitled]) == ([], set())


def test_a_shared_side_bar_is_stored_once_and_dropped_with_its_last_page(tmp_path: Path) -> None:
    changes = _first()
    changes.pages["/c/other.txt"] = catalog.headline(ARTICLE)
    catalog.save(tmp_path, changes)

    def bars() -> int:
        with closing(sqlite3.connect(tmp_path / catalog.CATALOG_FILE)) as db:
            return db.execute("SELECT count(*) FROM sidebars").fetchone()[0]

    assert bars() == 1  # the listing's article and both article pages share it
    gone = {"/c/4842-old.txt", "/c/other.txt", "/c/columnist.txt"}
    catalog.save(tmp_path, Changes("d", UPDATED, gone_pages=gone))
    assert bars() == 0


def test_a_rebuild_starts_from_empty_tables(tmp_path: Path) -> None:
    catalog.save(tmp_path, _first())
    only = {"/c/4842-old.txt": PAGES["/c/4842-old.txt"]}
    catalog.save(tmp_path, Changes("d", UPDATED, pages=only, rebuild=True))
    store = _open(tmp_path)
    assert (store.files(), store.pages(), store.records()) == ({}, only, [])


def test_missing_damaged_or_old_catalogs_mean_rebuild(tmp_path: Path) -> None:
    assert Catalog.open(tmp_path) is None
    catalog.save(tmp_path, _first())
    path = tmp_path / catalog.CATALOG_FILE
    with closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA user_version = {catalog.VERSION - 1}")
    assert Catalog.open(tmp_path) is None

    path.write_bytes(b"{not a database" * 300)
    assert Catalog.open(tmp_path) is None


def test_save_leaves_no_journal_and_remove_deletes_everything(tmp_path: Path) -> None:
    catalog.save(tmp_path, _first())
    assert sorted(p.name for p in tmp_path.iterdir()) == [catalog.CATALOG_FILE]
    (tmp_path / "catalog.json").write_text("{}")  # left by version 1
    catalog.remove(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_open_catalog_knows_when_a_rebuild_replaced_its_file(tmp_path: Path) -> None:
    catalog.save(tmp_path, _first())
    store = _open(tmp_path)
    catalog.save(tmp_path, Changes("digest-2", UPDATED))
    assert not store.replaced()  # an update writes into the same file
    catalog.remove(tmp_path)
    assert store.replaced()
    catalog.save(tmp_path, _first())
    assert store.replaced()
