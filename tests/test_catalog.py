"""The index's memory of the corpus: fingerprints and headline pages, written atomically."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ipcsreader import catalog
from ipcsreader.catalog import Catalog, FileEntry
from ipcsreader.model import (
    Article,
    Author,
    Block,
    ColumnistEntry,
    Listing,
    ListingEntry,
    Sidebars,
)

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


def _catalog() -> Catalog:
    return Catalog(
        files={
            "/c/4842-old.txt": FileEntry(10, 20, "ab" * 32, None, (4842,)),
            "/c/columnist.txt": FileEntry(11, 21, "cd" * 32, None, (4842, 9090)),
            "/c/bad.txt": FileEntry(12, 22, "ef" * 32, "not an IPCS page", ()),
        },
        pages={
            "/c/4842-old.txt": catalog.headline(ARTICLE),
            "/c/columnist.txt": catalog.headline(LISTING),
        },
        updated=dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC),
    )


def test_headline_drops_paragraphs_only() -> None:
    assert catalog.headline(ARTICLE).blocks == ()
    assert catalog.headline(ARTICLE).title == ARTICLE.title
    listing = catalog.headline(LISTING)
    assert isinstance(listing, Listing)
    assert listing.article is not None and listing.article.blocks == ()
    assert listing.entries == LISTING.entries


def test_round_trip(tmp_path: Path) -> None:
    original = _catalog()
    catalog.save(tmp_path, original)
    loaded = catalog.load(tmp_path)
    assert loaded is not None
    assert loaded.files == original.files
    assert loaded.pages == original.pages
    assert loaded.updated == original.updated


def test_load_files_reads_fingerprints_alone(tmp_path: Path) -> None:
    catalog.save(tmp_path, _catalog())
    (tmp_path / catalog.PAGES_FILE).unlink()
    loaded = catalog.load_files(tmp_path)
    assert loaded is not None
    assert loaded[0]["/c/bad.txt"].error == "not an IPCS page"
    assert catalog.load(tmp_path) is None  # the pages are needed for a full load


def test_a_shared_side_bar_is_stored_once(tmp_path: Path) -> None:
    cat = _catalog()
    cat.pages["/c/other.txt"] = catalog.headline(ARTICLE)
    catalog.save(tmp_path, cat)
    data = json.loads((tmp_path / catalog.PAGES_FILE).read_text())
    assert len(data["sidebars"]) == 1


def test_missing_damaged_or_old_catalogs_mean_rebuild(tmp_path: Path) -> None:
    assert catalog.load(tmp_path) is None
    catalog.save(tmp_path, _catalog())
    path = tmp_path / catalog.CATALOG_FILE
    data = json.loads(path.read_text())

    path.write_text(json.dumps({**data, "version": catalog.VERSION - 1}))
    assert catalog.load(tmp_path) is None
    assert catalog.load_files(tmp_path) is None

    path.write_text(json.dumps({**data, "generation": "another"}))
    assert catalog.load(tmp_path) is None  # pages from a different write

    path.write_text("{not json")
    assert catalog.load(tmp_path) is None


def test_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    catalog.save(tmp_path, _catalog())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.json", "pages.json"]
