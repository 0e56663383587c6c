"""The library's corpus state: records and pages from the catalog, kept exact by updates,
the few records "More by" needs, and the staleness check."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from search_world import FILLER, old_page, write

from ipcsreader import text
from ipcsreader.archive import records
from ipcsreader.archive.authors import more_by
from ipcsreader.errors import PageError
from ipcsreader.library import IndexStatus, Library
from ipcsreader.store import catalog, corpus

# Name variants: one person in two printings, a name that starts another, a namesake.
AUTHORS = {
    9001: ("Sandip Kumar Mishra", "East Asia Compass"),
    9002: ("Sandip Mishra", "East Asia Compass"),
    9003: ("Sunil Mishra", "Nuke Street"),
    9004: ("Bibhu Prasad", "Red Affairs"),
    9005: ("Bibhu Prasad Routray", "Red Affairs"),
    9006: ("D Suba Chandran", "Red Affairs"),
    9007: ("D Suba Chandran", "Spotlight"),
}


@pytest.fixture
def world(tmp_path: Path) -> tuple[Path, Library]:
    folder = tmp_path / "corpus"
    for number, (author, column) in AUTHORS.items():
        page = old_page(number, f"Article {number}", [FILLER], author=author, column=column)
        write(folder, f"{number}-old.txt", page)
    lib = Library.open(folder, tmp_path / "index")
    lib.update()
    return folder, lib


def merged_from_scratch(folder: Path) -> list:
    """What the records are, merged again from every page of the corpus."""
    pages = {}
    for key in sorted(corpus.scan([folder])):
        try:
            pages[key] = catalog.headline(corpus.read_page(Path(key)))
        except PageError:
            continue
    return records.merge(pages.items())


def test_author_records_give_more_by_what_all_records_give(world: tuple[Path, Library]) -> None:
    _, lib = world
    everything = lib.records()
    for number in AUTHORS:
        record = lib.record(number)
        near = lib.author_records(record)
        assert more_by(record, near) == more_by(record, everything)
    near = {r.number for r in lib.author_records(lib.record(9001))}
    assert near == {9001, 9002}  # not Sunil Mishra, nor Prasad, nor Chandran
    assert {r.number for r in lib.author_records(lib.record(9004))} == {9004, 9005}


def test_updates_keep_records_and_pages_as_a_fresh_merge_would(
    world: tuple[Path, Library],
) -> None:
    folder, lib = world
    write(folder, "9001-old.txt", old_page(9001, "Monsoon Politics", [FILLER]))
    (folder / "9006-old.txt").unlink()
    write(folder, "9008-old.txt", old_page(9008, "Article 9008", [FILLER], author="Sunil Mishra"))
    write(folder, "junk.txt", "nothing like an IPCS page\n")
    summary = lib.update()
    assert (summary.added, summary.updated, summary.removed, len(summary.failed)) == (1, 1, 1, 1)
    assert lib.records() == merged_from_scratch(folder)
    assert lib.numbers() == [9001, 9002, 9003, 9004, 9005, 9007, 9008]
    assert [p.source for p in lib.pages()] == [
        str(p) for p in sorted(folder.resolve().glob("9*.txt"))
    ]
    assert lib.record(9001).title == "Monsoon Politics"
    assert {r.number for r in lib.author_records(lib.record(9003))} == {9003, 9008}


def test_the_staleness_check_sees_every_kind_of_change(world: tuple[Path, Library]) -> None:
    folder, lib = world
    assert (lib.status().state, lib.status().changed) == ("fresh", 0)

    page = folder / "9002-old.txt"
    stat = page.stat()
    page.write_text(page.read_text().replace("Article", "Articel"))  # same size
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # one nanosecond later
    assert (lib.status().state, lib.status().changed) == ("stale", 1)
    lib.update()
    assert lib.status().state == "fresh"

    page.rename(folder / "renamed.txt")  # same size and time, another name
    assert (lib.status().state, lib.status().changed) == ("stale", 2)
    lib.update()
    assert lib.status().state == "fresh"
    assert lib.record(9002).sources == (str((folder / "renamed.txt").resolve()),)


def test_the_check_begun_beside_a_search_judges_as_status_does(
    world: tuple[Path, Library], checking: str
) -> None:
    folder, lib = world
    check = lib.check_status()
    assert not check.doubtful
    assert check.result() == lib.status() == IndexStatus("fresh", 0, 7)

    page = folder / "9003-old.txt"
    stat = page.stat()
    page.write_text(page.read_text().replace("Article", "Articel"))  # same size
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    check = lib.check_status()
    assert not check.doubtful  # an edit in place shows only in the files
    assert (check.result().state, check.result().changed) == ("stale", 1)

    write(folder, "9009-old.txt", old_page(9009, "Article 9009", [FILLER]))
    (folder / "9001-old.txt").unlink()
    assert lib.check_status().result() == lib.status()
    assert (lib.status().changed, lib.status().files) == (3, 7)


def test_the_check_knows_a_missing_index_at_once(tmp_path: Path, checking: str) -> None:
    write(tmp_path / "corpus", "9001-old.txt", old_page(9001, "Article 9001", [FILLER]))
    lib = Library.open(tmp_path / "corpus", tmp_path / "index")
    check = lib.check_status()
    assert check.doubtful
    assert (check.result().state, check.result().changed) == ("missing", 1)


def test_a_failing_scan_reaches_whoever_asks_for_the_result(
    world: tuple[Path, Library], monkeypatch: pytest.MonkeyPatch, checking: str
) -> None:
    _, lib = world

    def broken(_dirs: object) -> None:
        raise PermissionError("no entry")

    monkeypatch.setattr(corpus, "scan", broken)
    check = lib.check_status()
    with pytest.raises(PermissionError, match="no entry"):
        check.result()


def _with_same_author(page: str, titles: list[str]) -> str:
    listed = "".join(f"{t}\n\n" for t in titles)
    return f"{page}\nArticle by same Author\n{listed}Y! MyWeb\n"


def _priya_sahni(folder: Path, edits: dict[int, tuple[str, list[str]]] | None = None) -> None:
    """Priya Sahni's pieces, numbers not in date order; two of her side bars name a piece by
    someone else, a title twice printed (the lower number is the one meant) and one never
    saved. ``edits``: a piece's date (ISO) and side bar as given instead."""
    dates = [(2015, 3, 2), (2019, 1, 5), (2012, 7, 1), (2019, 1, 5), (2021, 2, 2), (2010, 1, 1)]
    sidebars = {9103: ["Borrowed Title", "Never Saved"], 9105: ["twice told"]}
    for i, (y, m, d) in enumerate(dates):
        number = 9101 + i
        date, listed = dt.date(y, m, d), sidebars.get(number, [])
        if edits and number in edits:
            date, listed = dt.date.fromisoformat(edits[number][0]), edits[number][1]
        page = old_page(number, f"Piece {number}", [FILLER], date=date, author="Priya Sahni")
        write(folder, f"{number}-old.txt", _with_same_author(page, listed))


def test_more_by_from_the_catalog_is_what_all_records_give(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    _priya_sahni(folder)
    others = {
        9201: ("Borrowed Title", 2020),
        9202: ("Twice Told", 2011),
        9203: ("Twice Told", 2022),
    }
    for number, (title, year) in others.items():
        page = old_page(number, title, [FILLER], date=dt.date(year, 1, 1), author="Rahul Bhonsle")
        write(folder, f"{number}-old.txt", page)
    for number, (author, column) in AUTHORS.items():
        page = old_page(number, f"Article {number}", [FILLER], author=author, column=column)
        write(folder, f"{number}-old.txt", page)
    lib = Library.open(folder, tmp_path / "index")
    lib.update()
    assert lib.record(9103).same_author == ("Borrowed Title", "Never Saved")
    _assert_more_by_as_from_all(lib)
    ready = lib.latest_by_one(lib.record(9101), 6)
    assert ready is not None  # the same day: the higher number first
    before = [t.number for t in ready]
    assert before == [9105, 9201, 9104, 9102, 9103, 9202]
    assert lib.latest_by_one(lib.record(9101), 8) is None  # too few dated: the full list
    assert lib.latest_by_one(lib.record(9001), 1) is None  # two printings of one person

    # What the catalog keeps of each record for this is rewritten with it: side bars
    # changed, dates moved, a piece gone and put back, updated in place.
    edits = {9103: ("2023-05-05", ["Twice Told"]), 9105: ("2009-09-09", [])}
    _priya_sahni(folder, edits)
    (folder / "9202-old.txt").unlink()
    lib.update()
    assert lib.record(9103).same_author == ("Twice Told",)
    _assert_more_by_as_from_all(lib)
    ready = lib.latest_by_one(lib.record(9101), 6)
    # Nobody lists "Borrowed Title" now: its piece (9201, 2020) is no longer hers.
    assert ready is not None and [t.number for t in ready] == [9103, 9203, 9104, 9102, 9106, 9105]
    _priya_sahni(folder)
    page = old_page(9202, "Twice Told", [FILLER], date=dt.date(2011, 1, 1), author="Rahul Bhonsle")
    write(folder, "9202-old.txt", page)
    lib.update()
    assert lib.record(9105).same_author == ("twice told",)
    assert [t.number for t in lib.more_by(lib.record(9101), 6)] == before
    _assert_more_by_as_from_all(lib)


def test_more_by_from_the_catalog_keys_a_side_bar_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The titles of a record's side bar are keyed as the catalog keyed them when it kept
    them, and once: asked again, no title is keyed anew, and the answer is the same."""
    folder = tmp_path / "corpus"
    _priya_sahni(folder)
    lib = Library.open(folder, tmp_path / "index")
    lib.update()
    record = lib.record(9103)
    assert record.same_author == ("Borrowed Title", "Never Saved")
    first = lib.latest_by_one(record, 3)
    assert first is not None and first == more_by(record, lib.records(), 3)
    keyed: list[str] = []
    real = text.title_key
    monkeypatch.setattr(text, "title_key", lambda title: keyed.append(title) or real(title))
    assert lib.latest_by_one(record, 3) == first
    assert keyed == []


def _assert_more_by_as_from_all(lib: Library) -> None:
    everything = lib.records()
    for number in lib.numbers():
        record = lib.record(number)
        for limit in (1, 3, 5, 7, 20):
            assert lib.more_by(record, limit) == more_by(record, everything, limit), (number, limit)
