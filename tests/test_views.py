"""The views an update keeps in the catalog (columns, authors, stats, browsing) and the
bodies it keeps for reading and exporting: after any sequence of additions, edits and
removals, each equals what the functions give computed from scratch over every record
and page."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from search_world import FILLER, column_listing, old_page

from ipcsreader import update
from ipcsreader.archive import records
from ipcsreader.archive.authors import Authors
from ipcsreader.archive.browse import Archive, browse
from ipcsreader.archive.columns import gather_columns, recent, select_columns
from ipcsreader.archive.stats import corpus_stats
from ipcsreader.errors import NotFoundError, PageError
from ipcsreader.library import Library
from ipcsreader.store import corpus
from ipcsreader.store.views import LISTED_TITLES

READ = Path(__file__).resolve().parent / "fixtures" / "read"

# Pages the updates choose from: the reading fixtures (side bars with columnists, two
# layouts of one article) and plain pages whose authors, columns, titles and dates vary.
_NAMES = ["Sandip Kumar Mishra", "Sandip Mishra", "Bibhu Prasad", "D Suba Chandran"]
_COLUMNS = ["East Asia Compass", "Red Affairs", "Spotlight"]


def _pool() -> list[tuple[str, str]]:
    pages = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(READ.glob("*.txt"))]
    for i, (name, column) in enumerate((n, c) for n in _NAMES for c in _COLUMNS):
        number = 9200 + i % 5  # numbers repeat: an edit can move an article
        title = "Seoul and Tokyo: A Cautious Thaw" if i % 4 == 0 else f"Article {i}"
        date = dt.date(2014 + i % 3, 1 + i % 12, 1 + i)
        text = old_page(number, title, [FILLER], date=date, column=column, author=name)
        pages.append((f"{number}-old.txt", text))
    entries = [("Return of the Native", dt.date(2016, 1, 5), 9102, "A look back")]
    pages.append(("red-affairs.txt", column_listing("Red Affairs", "Bibhu Prasad", entries)))
    # Listings naming titles without a number: matched to the one article claiming the
    # title (an edit elsewhere can make a title ambiguous, or unique again).
    for loose, numbered in (
        (["Seoul and Tokyo: A Cautious Thaw", "Article 5"], [("Article 7", 9202)]),
        (["Article 1", "Return of the Native"], [("Article 9", 9203)]),
        (["Article 7"], [("Seoul and Tokyo: A Cautious Thaw", 9201)]),
    ):
        listed = [(t, dt.date(2015, 3, 1), n, "Seen in the listing") for t, n in numbered]
        text = column_listing("Spotlight", "Sandip Mishra", listed)
        pages.append(("spotlight.txt", text + "".join(f"  • {t}\n" for t in loose)))
    return pages


POOL = _pool()
FILES = sorted({name for name, _ in POOL})


def _from_scratch(folder: Path) -> tuple[list, list]:
    """Every record and headline page, parsed and merged again from the corpus."""
    from ipcsreader.store.catalog import headline

    pages = {}
    for key in sorted(corpus.scan([folder])):
        try:
            pages[key] = headline(corpus.read_page(Path(key)))
        except PageError:
            continue
    return records.merge(pages.items()), [pages[k] for k in sorted(pages)]


def _assert_views_fresh(folder: Path, lib: Library) -> None:
    recs, pages = _from_scratch(folder)
    assert lib.records() == recs
    columns = gather_columns(recs, pages)
    assert lib.columns() == columns
    assert lib.columns(listing=True) == [recent(c, LISTED_TITLES) for c in columns]
    authors = Authors(recs, pages)
    assert lib.author_table() == authors.table()
    for person in authors.people.persons:
        for query in (person.name, person.surname):
            assert lib.author_profiles(query) == [authors.profile(p) for p in authors.find(query)]
        assert lib.columns(author=person.name) == select_columns(columns, author=person.name)
    for name in [c.name for c in columns if c.name] + ["zzz"]:
        _same_outcome(
            lambda name=name: lib.columns(column=name),
            lambda name=name: select_columns(columns, column=name),
        )
    stats = corpus_stats(recs, pages, index_bytes=0, index_updated=None, index_state="")
    assert lib.corpus_counts() == stats
    years = sorted({r.date.year for r in recs if r.date})
    for year in [None, *years, 1990]:
        for month in (None, 1, 5):
            for column in (None, "affairs", "nowhere"):
                _same_outcome(
                    lambda y=year, m=month, c=column: lib.browse(year=y, month=m, column=c),
                    lambda y=year, m=month, c=column: _listed(
                        browse(recs, year=y, month=m, column=c)
                    ),
                )
    for record in recs:
        assert lib.record(record.number) == _full_record(record)


def _listed(archive: Archive) -> Archive:
    """``archive`` with what a list shows of its records (:meth:`Catalog.listed`), as the
    library's browse reads them."""

    def bare(rs):
        return tuple(
            replace(r, teaser=None, truncated=False, sources=(), layouts=(), same_author=())
            for r in rs
        )

    return replace(
        archive,
        years=tuple(
            replace(
                y,
                months=tuple(replace(m, records=bare(m.records)) for m in y.months),
                undated=bare(y.undated),
            )
            for y in archive.years
        ),
    )


def _same_outcome(ours, theirs) -> None:
    """Both give the same value, or raise the same NotFoundError."""
    try:
        expected = theirs()
    except NotFoundError as error:
        with pytest.raises(NotFoundError) as raised:
            ours()
        assert raised.value.message == error.message
        return
    assert ours() == expected


def _full_record(headline):
    """The record with its body, merged from its pages read in full."""
    pages = [(s, corpus.read_page(Path(s))) for s in headline.sources]
    full = next(r for r in records.merge(pages) if r.number == headline.number)
    return replace(headline, blocks=full.blocks, truncated=full.truncated)


def _apply(
    folder: Path,
    step: tuple[str, int],
    pool: list[tuple[str, str]] = POOL,
    files: list[str] = FILES,
) -> None:
    """Put page ``i`` of ``pool`` into ``folder``, or remove file ``i`` of ``files``."""
    kind, i = step
    if kind == "remove":
        (folder / files[i % len(files)]).unlink(missing_ok=True)
        return
    name, text = pool[i % len(pool)]
    (folder / name).write_text(text, encoding="utf-8")


def _opened(root: Path, pages: Sequence[tuple[str, str]] = ()) -> tuple[Path, Library]:
    """The read fixtures and ``pages`` in ``root``/corpus, indexed in ``root``/index."""
    folder = root / "corpus"
    shutil.copytree(READ, folder)
    for name, text in pages:
        (folder / name).write_text(text, encoding="utf-8")
    lib = Library.open(folder, root / "index")
    lib.update()
    return folder, lib


_STEPS = st.lists(
    st.tuples(st.sampled_from(["put", "put", "remove"]), st.integers(0, len(POOL) - 1)),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=_STEPS)
@example(steps=[("put", 0), ("put", 2), ("put", 5), ("remove", 0), ("put", 0)])
# A title claimed by a second article, then by one again: the listing's entry leaves the
# first article and comes back to it.
@example(
    steps=[
        ("put", 5),
        ("put", 18),
        ("put", 9),
        ("remove", 8),
        ("put", 20),
        ("put", 12),
        ("put", 19),
    ]
)
def test_views_after_any_updates_equal_a_fresh_computation(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, int]]
) -> None:
    root = tmp_path_factory.mktemp("views")
    folder = root / "corpus"
    folder.mkdir()
    for name, text in POOL[:3]:
        (folder / name).write_text(text, encoding="utf-8")
    lib = Library.open(folder, root / "index")
    lib.update()
    for step in steps:
        _apply(folder, step)
        if not corpus.scan([folder]):
            continue
        lib.update()
        _assert_views_fresh(folder, lib)
    shutil.rmtree(root)


def test_an_edit_of_the_text_alone_keeps_the_views_and_changes_the_body(
    tmp_path: Path,
) -> None:
    folder, lib = _opened(tmp_path)
    page = folder / "9102-old.txt"
    page.write_text(page.read_text().replace("Return of the Native", "Return of the Natives"))
    lib.update()
    _assert_views_fresh(folder, lib)
    text = page.read_text().replace("Print Bookmark", "Print  Bookmark", 1)
    page.write_text(text.replace("\n\n", "\n\nAn added first paragraph.\n\n", 1))
    lib.update()
    _assert_views_fresh(folder, lib)


def test_a_page_that_cannot_be_read_any_more_takes_its_article_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, lib = _opened(tmp_path)
    assert 9102 in [r.number for r in lib.records()]
    page = folder / "9102-old.txt"
    page.write_text(page.read_text() + "\n")  # changed: read again, and now it cannot be
    read_file = update.read_file

    def unreadable(path: Path) -> bytes:
        if path.name == page.name:
            raise PermissionError(13, "Permission denied", str(path))
        return read_file(path)

    monkeypatch.setattr(update, "read_file", unreadable)
    summary = lib.update()
    assert [key for key, _ in summary.failed] == [str(page)]
    left = tmp_path / "left"
    shutil.copytree(READ, left, ignore=shutil.ignore_patterns(page.name))
    monkeypatch.undo()
    assert [r.number for r in lib.records()] == [r.number for r in _from_scratch(left)[0]]
    assert 9102 not in [r.number for r in lib.records()]


# Pages chosen to move what the views recompute in part (reviews.py) depends on: names that
# group into one person or stop to ("S Mishra" fits Sandip and Sunil), honorifics and
# affiliations printed on one date, side bars naming titles held or not (undated ones keep
# the order first seen), an article that changes hands, columnists without a column.
_PEOPLE = [
    ("Dr Sandip Mishra", "Professor, JNU"),
    ("Prof Sandip Kumar Mishra", "Associate Professor, University of Delhi"),
    ("Sunil Mishra", "Fellow, IPCS"),
    ("S Mishra", ""),
    ("Bibhu Prasad", "Senior Fellow, IPCS"),
    ("Dr Bibhu Prasad Routray", "Director, Mantraya"),
]
_SIDEBARS = [
    [("East Asia Compass", "Dr Sandip Mishra", ["Piece 1", "A Title Nobody Holds?"])],
    [("Spotlight", "S Mishra", ["Piece 3", "Another Unheld Title?"]), ("", "Sunil Mishra", [])],
    [("Red Affairs", "Bibhu Prasad", ["A Title Nobody Holds?", "Piece 2"])],
    [],
]


def _sidebar(entries: list[tuple[str, str, list[str]]]) -> str:
    if not entries:
        return ""
    return "IPCS Columnists\n" + "".join(
        f"{column}\n{name}\n" + "".join(f"{t}\n" for t in titles)
        for column, name, titles in entries
    )


def _people_pool() -> list[tuple[str, str]]:
    pages = []
    for i in range(12):
        name, affiliation = _PEOPLE[i % len(_PEOPLE)]
        number = 9300 + i % 4  # an edit hands the article to another author
        column = _COLUMNS[i % len(_COLUMNS)] if i % 5 else "Spotlight"
        date = dt.date(2016, 5, 1 + i % 2)  # one date for many: ties
        text = old_page(
            number,
            f"Piece {i % 6}",
            [FILLER],
            date=date,
            column=column,
            author=name,
            affiliation=affiliation,
        )
        pages.append((f"{number}-old.txt", text + _sidebar(_SIDEBARS[i % len(_SIDEBARS)])))
        pages.append(
            (
                f"side-{i % 3}-old.txt",
                text.replace(f"#{number}", f"#{9400 + i}")
                + _sidebar(_SIDEBARS[(i + 1) % len(_SIDEBARS)]),
            )
        )
    # One name moving to a column where a name it fits writes: the two become one person.
    for column in ("Red Affairs", "Spotlight"):
        text = old_page(9500, "Moving", [FILLER], column=column, author="K Rao")
        pages.append(("9500-old.txt", text))
    text = old_page(9501, "Staying", [FILLER], column="Spotlight", author="Kavita Rao")
    pages.append(("9501-old.txt", text))
    # Side bars printing titles their columnists wrote in that column (or not quite): a
    # page more or less printing them changes only how often a name is printed.
    held = [
        ("Compass: One", "East Asia Compass", "Sandip Mishra"),
        ("Red: One", "Red Affairs", "Bibhu Prasad"),
    ]
    for i, (title, column, name) in enumerate(held):
        pages.append(
            (f"{9600 + i}-old.txt", old_page(9600 + i, title, [FILLER], column=column, author=name))
        )
    bars = [
        [(column, name, [title]) for title, column, name in held],
        [("Red Affairs", "Sandip Mishra", ["Red: One"])],  # another's title in that column
        [("Spotlight", "Sandip Mishra", ["Compass: One"])],  # their title, another column
        [("Red Affairs", "Dr Bibhu Prasad", ["Red: One"])],  # with an honorific
    ]
    for i in range(8):
        text = old_page(9700 + i, f"Aside {i}", [FILLER], column="Spotlight", author="Kavita Rao")
        pages.append((f"aside-{i % 3}-old.txt", text + _sidebar(bars[i % len(bars)])))
    return pages


PEOPLE_POOL = _people_pool()
PEOPLE_FILES = sorted({name for name, _ in PEOPLE_POOL})


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(["put", "put", "remove"]), st.integers(0, len(PEOPLE_POOL) - 1)),
        min_size=1,
        max_size=10,
    )
)
@example(steps=[("put", 24), ("put", 26), ("put", 25)])
@example(steps=[("put", 26), ("put", 29), ("put", 30), ("put", 31), ("remove", 9), ("put", 33)])
def test_views_recomputed_in_part_equal_a_fresh_computation(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, int]]
) -> None:
    root = tmp_path_factory.mktemp("people")
    folder, lib = _opened(root, [*PEOPLE_POOL[::3], *PEOPLE_POOL[27:29]])  # fewer regroupings
    for step in steps:
        _apply(folder, step, PEOPLE_POOL, PEOPLE_FILES)
        lib.update()
        _assert_views_fresh(folder, lib)
    shutil.rmtree(root)


def test_a_catalog_without_the_records_counts_has_its_views_computed_in_full(
    tmp_path: Path,
) -> None:
    # A catalog written before the counts of the records were kept: the update cannot count
    # only what it changed, computes every view again and keeps the counts from then on.
    import sqlite3

    from ipcsreader import reviews
    from ipcsreader.store.catalog import CATALOG_FILE

    folder, lib = _opened(tmp_path, PEOPLE_POOL[:6])
    with sqlite3.connect(tmp_path / "index" / CATALOG_FILE) as db:
        db.execute("DELETE FROM views WHERE name = 'counts'")
    db.close()
    parts = []
    original = reviews.part

    def part(*args):
        parts.append(original(*args))
        return parts[-1]

    reviews.part = part
    try:
        for name in ("9102-old.txt", PEOPLE_POOL[0][0]):
            text = (folder / name).read_text(encoding="utf-8")
            (folder / name).unlink()
            lib.update()
            _assert_views_fresh(folder, lib)
            (folder / name).write_text(text, encoding="utf-8")
            lib.update()
            _assert_views_fresh(folder, lib)
    finally:
        reviews.part = original
    assert parts[0] is None  # no counts: in full
    assert any(p is not None for p in parts[1:])  # kept again: in part


def test_records_found_in_the_catalog_are_those_found_among_every_record(
    tmp_path: Path,
) -> None:
    # What reviews.part finds by number or title, read from the catalog's rows, with the
    # update's changed and gone records laid over them, is what RecordsByTitle finds among
    # every record the update leaves.
    from ipcsreader.archive.known import RecordsByTitle
    from ipcsreader.reviews import _Stored
    from ipcsreader.store.catalog import Catalog

    _, lib = _opened(tmp_path, POOL + PEOPLE_POOL[::2])
    stored = lib.records()
    gone = {stored[0].number, stored[3].number}
    rewritten = [
        replace(stored[1], title=stored[2].title),  # a title now claimed twice
        replace(stored[2], title="A New Title", column=None),
        replace(stored[4], number=99_999, title=stored[5].title),  # a new record
    ]
    after = {r.number: r for r in stored if r.number not in gone}
    after.update((r.number, r) for r in rewritten)
    every = RecordsByTitle([after[n] for n in sorted(after)])
    old = Catalog.open(tmp_path / "index")
    assert old is not None
    found = _Stored(old, rewritten, gone)
    titles = {r.title for r in stored if r.title} | {"A New Title", "Nothing Like It", "#1"}
    numbers = [None, 99_999, 123_456, *(r.number for r in stored)]
    for title in sorted(titles):
        for number in numbers:
            assert found.find(title, number) == every.find(title, number)
            assert found.known(title, number) == every.known(title, number)
    old.close()


def _assert_sidebar_rows(index: Path) -> None:
    """Each side bar's "IPCS Columnists" entries, one row each with its columnist's name
    key, are those of the side bars the pages print, and only those."""
    import json
    import sqlite3

    from ipcsreader.archive.touched import name_key
    from ipcsreader.store.catalog import CATALOG_FILE
    from ipcsreader.store.codec import decode_columnists

    with sqlite3.connect(index / CATALOG_FILE) as db:
        bars = dict(db.execute("SELECT id, data FROM sidebars"))
        used = {n for (n,) in db.execute("SELECT sidebars FROM pages") if n is not None}
        rows = db.execute(
            "SELECT s.sidebar, s.pos, s.name_key, e.data FROM sidebar_entries s"
            " JOIN entries e ON e.id = s.entry ORDER BY s.sidebar, s.pos"
        ).fetchall()
    db.close()
    assert bars.keys() == used
    expected = [
        (bar, pos, name_key(entry.columnist), entry)
        for bar in sorted(bars)
        for pos, entry in enumerate(decode_columnists(json.loads(bars[bar])["columnists"]))
    ]
    assert [(b, p, k, decode_columnists([json.loads(e)])[0]) for b, p, k, e in rows] == expected


def test_side_bar_entries_follow_the_pages_printing_them(tmp_path: Path) -> None:
    folder, lib = _opened(tmp_path)
    _assert_sidebar_rows(tmp_path / "index")
    steps = [("put", 0), ("put", 1), ("put", 30), ("remove", 0), ("put", 3), ("remove", 2)]
    for step in steps:
        _apply(folder, step, PEOPLE_POOL, PEOPLE_FILES)
        lib.update()
        _assert_sidebar_rows(tmp_path / "index")
        _assert_views_fresh(folder, lib)
    lib.update(rebuild=True)
    _assert_sidebar_rows(tmp_path / "index")
