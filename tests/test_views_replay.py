"""The views recomputed in part replay each side-bar entry where it is first printed, with
how often it is printed after (:func:`ipcsreader.archive.touched.printed_once`): after a
page is removed, put back, its side bar edited, a columnist appearing or going, every view
equals the one computed from scratch; and when an undated side-bar title is given a number
between two printings of its entry, every printing is replayed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from search_world import FILLER, column_listing, old_page
from test_views import _assert_views_fresh, _sidebar

from ipcsreader import reviews
from ipcsreader.archive import touched
from ipcsreader.archive.known import RecordsByTitle
from ipcsreader.archive.people import Mention, count_mentions, identify
from ipcsreader.library import Library
from ipcsreader.model import Article, Author, ColumnistEntry, Sidebars

COLUMN = "East Asia Compass"
NAME = "Sandip Mishra"
# One entry whose titles are both held, one with a title nobody holds.
HELD = (COLUMN, NAME, ["Compass: One", "Compass: Two"])
LOOSE = (COLUMN, NAME, ["Compass: One", "An Unheld Piece?"])


def _article(number: int, title: str, author: str, column: str, bars: list) -> str:
    date = dt.date(2016, 1 + number % 12, 1 + number % 28)
    text = old_page(number, title, [FILLER], date=date, column=column, author=author)
    return text + _sidebar(bars)


def _corpus() -> dict[str, str]:
    pages = {
        "9001-old.txt": _article(9001, "Compass: One", NAME, COLUMN, [HELD]),
        "9002-old.txt": _article(9002, "Compass: Two", NAME, COLUMN, [LOOSE]),
        # Another's listing gives 9050 a title; a later one of theirs prints the title
        # nobody holds with 9050.
        "a-listing.txt": column_listing(
            "Spotlight",
            "Kavita Rao",
            [("A Much Longer Listed Title", dt.date(2015, 3, 1), 9050, "Seen first")],
        ),
        "p2-listing.txt": column_listing(
            COLUMN, NAME, [("An Unheld Piece?", dt.date(2015, 3, 1), 9050, "Seen again")]
        ),
    }
    for i in range(8):  # others' pages, printing the two entries again and again
        bars = [HELD if i % 3 else LOOSE, ("Spotlight", "Kavita Rao", [f"Aside {i}"])]
        pages[f"p{i % 2 * 2 + 1}-{i}-old.txt"] = _article(
            9100 + i, f"Aside {i}", "Kavita Rao", "Spotlight", bars
        )
    return pages


@pytest.fixture
def replays(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """How each update's views were recomputed: "part" (each entry replayed once),
    "again" (every printing replayed after, a title having moved) or "full"."""
    seen: list[str] = []
    calls: list[int] = []
    part, replay = reviews.part, reviews._Replay

    def counted(*args):
        calls.append(0)
        made = part(*args)
        seen.append("full" if made is None else ["part", "again"][calls[-1] - 1])
        return made

    def replaying(*args):
        calls[-1] += 1
        return replay(*args)

    monkeypatch.setattr(reviews, "part", counted)
    monkeypatch.setattr(reviews, "_Replay", replaying)
    yield seen


def _opened(root: Path) -> tuple[Path, Library, dict[str, str]]:
    pages = _corpus()
    folder = root / "corpus"
    folder.mkdir()
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    lib = Library.open(folder, root / "index")
    lib.update()
    return folder, lib, pages


def _changed(folder: Path, lib: Library, name: str, text: str | None) -> None:
    """Write page ``name`` (None: remove it), update, and compare every view."""
    if text is None:
        (folder / name).unlink()
    else:
        (folder / name).write_text(text, encoding="utf-8")
    lib.update()
    _assert_views_fresh(folder, lib)


def test_removed_and_put_back_pages_replay_each_entry_once(
    tmp_path: Path, replays: list[str]
) -> None:
    folder, lib, pages = _opened(tmp_path)
    for name in ("9001-old.txt", "p3-1-old.txt", "p1-0-old.txt", "p2-listing.txt"):
        _changed(folder, lib, name, None)
        _changed(folder, lib, name, pages[name])
    assert "part" in replays


def test_an_edited_side_bar_and_a_columnist_coming_and_going(
    tmp_path: Path, replays: list[str]
) -> None:
    folder, lib, pages = _opened(tmp_path)
    _changed(folder, lib, "p2-listing.txt", None)  # no title moves: entries replayed once
    replays.clear()
    name = "p3-1-old.txt"
    edits = [
        pages[name].replace("Compass: Two", "Compass: Three"),  # a title not held
        pages[name] + "Red Affairs\nBibhu Prasad\nRed: One\n",  # a columnist appears
        pages[name],  # and goes
        pages[name].replace("Compass: One\nCompass: Two", "Compass: Two\nCompass: One"),
    ]
    for text in edits:
        _changed(folder, lib, name, text)
    # A name new to the side bars, or gone from them, regroups: every view is computed.
    assert replays == ["part", "full", "full", "part"]


def test_a_title_numbered_between_two_printings_replays_every_printing(
    tmp_path: Path, replays: list[str]
) -> None:
    # "An Unheld Piece?" is printed in side bars before and after the listing that numbers it
    # (p1-* < p2-listing < p3-*): replayed once, the title after would be lost.
    folder, lib, _ = _opened(tmp_path)
    replays.clear()
    _changed(folder, lib, "9002-old.txt", None)
    assert replays == ["again"]


def test_an_entry_is_replayed_where_first_printed_and_counted_after() -> None:
    one, two = (
        touched.sidebar_entries(_page(t, c)) for t, c in (("One", COLUMN), ("Two", "Spotlight"))
    )
    first, again = touched.printed_once([("a", one), ("b", one + two), ("c", two), ("d", ())])
    assert first == {"a": one, "b": two, "c": (), "d": ()}
    assert again == [(one[0], 1), (two[0], 1)]
    assert touched.again_titles(again) == {"one", "two"}
    # Counted after, the printings left out give every mention its count, in the order
    # first printed, as the pass over every printing does.
    printed = [("a", one), ("b", one + two), ("c", two), ("d", one)]
    first, again = touched.printed_once(printed)
    every = [touched.sidebar_only(e) for _, e in printed]
    people = identify(count_mentions([], every))
    keys = {p.key for p in people.persons}

    def replayed(pages, again):
        return reviews._Replay(
            [], pages, again, {"sandip mishra"}, people, RecordsByTitle([]), keys
        )

    once = replayed([touched.sidebar_only(e) for e in first.values() if e], again)
    assert list(once.mentions.items()) == list(replayed(every, []).mentions.items())
    assert list(once.mentions.items()) == [
        (Mention(Author(NAME), COLUMN), 3),
        (Mention(Author(NAME), "Spotlight"), 2),
    ]
    assert once.authors.table() == replayed(every, []).authors.table()


def _page(title: str, column: str) -> Article:
    entry = ColumnistEntry(column, Author(NAME), (title,))
    return Article(layout="old", sidebars=Sidebars(columnists=(entry,)))
