"""The index's memory of the corpus: one SQLite database beside the Whoosh index.

``catalog.sqlite`` holds, per page file, its fingerprint (size, mtime_ns, sha256), the
reason it failed if it did, and the article numbers it contributes to; each page's headline
data (everything but the paragraphs); each article's merged headline record, with its
authors' name keys (:func:`people.parse_name`), its title key, date, column, region and
listing flag, and (by one author) the keys of the titles its "Article by same Author" lists,
so that a reader can choose the few records it needs without parsing any; each body, as
indexed; what ``columns``, ``authors`` and ``stats`` show, computed by the update
(:mod:`ipcsreader.store.views`); and one digest of the whole corpus as last indexed (and
its number of files), so that the staleness check compares one value when nothing changed.

An update writes only the rows that changed, in one transaction (rollback journal): a
reader sees the old state or the new one, and a writer killed half-way leaves a journal
that SQLite rolls back on the next open. A missing, unreadable or older database means
"rebuild".
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from ipcsreader.model import Listing, Page, Record, Sidebars
from ipcsreader.store import codec, sidebars

VERSION = 7  # the database's user_version: bump when the schema or an encoding changes
CATALOG_FILE = "catalog.sqlite"
# What a rebuild deletes with the database: its journal (a hot journal beside a new database
# would be "rolled back" into it) and the JSON files of catalog version 1.
_COMPANIONS = (f"{CATALOG_FILE}-journal", "catalog.json", "pages.json")
_WAIT_SECONDS = 30.0  # a reader waits this long for a writer's commit, at most
# Beyond this many numbers one pass over every row is quicker than a look-up for each.
_ONE_BY_ONE = 1000
# The values of a JSON array bound as one parameter: a list of any length in one statement.
_LISTED = "(SELECT value FROM json_each(?))"

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE files (
    key TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL, error TEXT, numbers TEXT NOT NULL);
CREATE TABLE sidebars (id INTEGER PRIMARY KEY, digest TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
CREATE TABLE pages (key TEXT PRIMARY KEY, data TEXT NOT NULL, sidebars INTEGER);
CREATE INDEX pages_by_sidebar ON pages (sidebars);
CREATE TABLE entries (id INTEGER PRIMARY KEY, data TEXT NOT NULL UNIQUE);
CREATE TABLE sidebar_entries (
    name_key TEXT NOT NULL, sidebar INTEGER NOT NULL, pos INTEGER NOT NULL, entry INTEGER NOT NULL,
    PRIMARY KEY (name_key, sidebar, pos)) WITHOUT ROWID;
CREATE INDEX sidebar_entries_by_sidebar ON sidebar_entries (sidebar);
CREATE TABLE records (
    number INTEGER PRIMARY KEY, title_key TEXT, year INTEGER, month INTEGER, column_name TEXT,
    region TEXT, data TEXT NOT NULL, date TEXT, listing_only INTEGER NOT NULL);
CREATE INDEX records_by_title ON records (title_key);
CREATE INDEX records_dated ON records (number, date, listing_only);
CREATE TABLE bodies (number INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE views (name TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE view_columns (pos INTEGER PRIMARY KEY, listing BLOB NOT NULL, data BLOB NOT NULL);
CREATE TABLE view_sources (
    source TEXT PRIMARY KEY, names TEXT NOT NULL, outside TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE view_refs (ref TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (ref, name))
    WITHOUT ROWID;
CREATE TABLE view_profiles (key TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE record_authors (
    name_key TEXT NOT NULL, number INTEGER NOT NULL, PRIMARY KEY (name_key, number)) WITHOUT ROWID;
CREATE TABLE record_listed (
    number INTEGER NOT NULL, title_key TEXT NOT NULL, name_key TEXT NOT NULL,
    PRIMARY KEY (number, title_key)) WITHOUT ROWID;
CREATE INDEX record_listed_by_name ON record_listed (name_key, title_key);
"""


@dataclass
class FileEntry:
    """What the index knows of one page file."""

    size: int
    mtime_ns: int
    sha256: str
    error: str | None = None
    numbers: tuple[int, ...] = ()


@dataclass
class Changes:
    """One update's writes: rows to put, keys and numbers to drop, the corpus's digest.

    ``rebuild`` empties every table first. ``pages`` are headline pages (see :func:`headline`).
    ``bodies`` (article number, :func:`codec.encode_body`) may be a generator, read as they
    are written; ``views`` (:func:`ipcsreader.store.views.write`) writes the precomputed
    views, when the update changed what they show.
    """

    fingerprint: str
    updated: dt.datetime
    files: dict[str, FileEntry] = field(default_factory=dict)
    gone_files: set[str] = field(default_factory=set)
    pages: dict[str, Page] = field(default_factory=dict)
    gone_pages: set[str] = field(default_factory=set)
    records: list[Record] = field(default_factory=list)
    gone_records: set[int] = field(default_factory=set)
    bodies: Iterable[tuple[int, bytes]] = ()
    views: Any = None
    rebuild: bool = False


class BrowseFact(NamedTuple):
    """What browsing needs of a record before reading it."""

    number: int
    year: int | None
    month: int | None
    column: str | None
    region: str | None


def headline(page: Page) -> Page:
    """``page`` without its paragraphs (a columnist page's article included)."""
    if isinstance(page, Listing):
        if page.article is None:
            return page
        return replace(page, article=replace(page.article, blocks=()))
    return replace(page, blocks=())


def _connect(path: Path, *, create: bool = False) -> sqlite3.Connection:
    # Autocommit: every read sees the last commit; writes open their own transaction.
    mode = "rwc" if create else "rw"
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?mode={mode}",
        uri=True,
        timeout=_WAIT_SECONDS,
        isolation_level=None,
    )


class Catalog:
    """An open catalog database. Reads raise :class:`sqlite3.Error` on a damaged file."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self._path = path
        self._identity = _identity(path)

    @classmethod
    def open(cls, index_dir: Path) -> Catalog | None:
        """The catalog in ``index_dir``, or None when it is absent, unreadable or older."""
        path = index_dir / CATALOG_FILE
        if not path.is_file():
            return None
        try:
            db = _connect(path)
        except sqlite3.Error:
            return None
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == VERSION and db.execute("SELECT count(*) FROM meta").fetchone()[0]:
                return cls(db, path)
        except sqlite3.Error:
            pass
        db.close()
        return None

    def close(self) -> None:
        self._db.close()

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        """A read of the database (:mod:`ipcsreader.store.views` reads its tables so)."""
        return self._db.execute(sql, parameters)

    def replaced(self) -> bool:
        """Whether the file was deleted or replaced (a rebuild) since it was opened."""
        return _identity(self._path) != self._identity

    def _meta(self, name: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def updated(self) -> dt.datetime | None:
        value = self._meta("updated")
        return dt.datetime.fromisoformat(value) if value else None

    def fingerprint(self) -> str | None:
        """The digest of the corpus as the last update saw it (:func:`corpus.fingerprint`)."""
        return self._meta("fingerprint")

    def file_count(self) -> int:
        """How many files the last update saw (counted by it: a count of the rows would
        read every file's key, 2-13 ms at 50,000 files, before every command)."""
        return int(self._meta("files") or 0)

    def files(self) -> dict[str, FileEntry]:
        rows = self._db.execute("SELECT key, size, mtime_ns, sha256, error, numbers FROM files")
        # The JSON lists of numbers read back in half the time of json.loads (every file's).
        return {
            key: FileEntry(
                size, mtime, sha, error, tuple(map(int, n[1:-1].split(","))) if n != "[]" else ()
            )
            for key, size, mtime, sha, error, n in rows
        }

    def heads(self) -> dict[str, Page]:
        """Every headline page without its side bars (but ``same_author``): a cheap look."""
        rows = self._db.execute("SELECT key, data FROM pages")
        return {key: codec.decode_page(json.loads(data), None) for key, data in rows}

    def pages(self, keys: Iterable[str] | None = None, *, sidebars: bool = True) -> dict[str, Page]:
        """Headline pages with their side bars (without, but ``same_author``, when not
        ``sidebars``): every one, or those of ``keys``."""
        query = (
            "SELECT p.key, p.data, s.id, s.data FROM pages p LEFT JOIN sidebars s"
            " ON s.id = p.sidebars"
            if sidebars
            else "SELECT p.key, p.data, NULL, NULL FROM pages p"
        )
        if keys is None:
            rows = self._db.execute(query).fetchall()
        else:
            one = f"{query} WHERE p.key = ?"
            rows = [row for key in keys for row in self._db.execute(one, (key,))]
        shared: dict[int, Sidebars] = {}
        out: dict[str, Page] = {}
        for key, data, bar_id, bar in rows:
            if bar_id is not None and bar_id not in shared:
                shared[bar_id] = codec.decode_sidebars(json.loads(bar))
            out[key] = codec.decode_page(json.loads(data), shared.get(bar_id))
        return out

    def page_keys(self) -> set[str]:
        return {key for (key,) in self._db.execute("SELECT key FROM pages")}

    def listing_keys(self) -> set[str]:
        """The keys of the listing pages (few: columnist and column pages)."""
        # A row's text starts with its kind (codec.encode_page), which is read without
        # parsing every page's JSON (a quarter of the time at 50,000 pages).
        query = 'SELECT key FROM pages WHERE substr(data, 1, 18) = \'{"kind":"listing",\''
        return {key for (key,) in self._db.execute(query)}

    def article_titles(self, skip: Collection[str] = ()) -> Iterator[tuple[str, int]]:
        """(title, number) of every article page with both, but those of ``skip`` keys."""
        query = (
            "SELECT key, json_extract(data, '$.title'), json_extract(data, '$.number')"
            " FROM pages WHERE json_extract(data, '$.kind') = 'article'"
        )
        for key, title, number in self._db.execute(query):
            if title and number is not None and key not in skip:
                yield title, number

    def records(self, numbers: Iterable[int] | None = None) -> list[Record]:
        """Headline records by number: every one, or those of ``numbers``."""
        if numbers is None:
            rows = self._db.execute("SELECT data FROM records ORDER BY number")
            return [codec.decode_record(json.loads(data)) for (data,) in rows]
        # One statement for them all (hundreds of look-ups cost a statement each otherwise),
        # which reads only the rows wanted (a pass over every row reads them all).
        query = f"SELECT data FROM records WHERE number IN {_LISTED} ORDER BY number"
        picked = self._db.execute(query, (json.dumps(sorted(set(numbers))),))
        return [codec.decode_record(json.loads(data)) for (data,) in picked]

    def listed(self, numbers: Iterable[int]) -> list[Record]:
        """Records by number with only what a list of articles shows
        (:func:`codec.decode_listed`): those of ``numbers`` held."""
        query = f"SELECT {codec.LISTED} FROM records WHERE number IN {_LISTED} ORDER BY number"
        rows = self._db.execute(query, (json.dumps(sorted(set(numbers))),))
        return [codec.decode_listed(row) for row in rows]

    def bodied(self, numbers: Iterable[int]) -> Iterator[tuple[Record, bytes | None]]:
        """Headline records and their bodies' rows (:func:`codec.encode_body`; None for an
        article known only from listings), in the order of ``numbers`` (unknown numbers
        skipped), in one statement: ``Library.bodied`` passes a batch at a time, so a long
        list never sits in memory."""
        wanted = list(numbers)
        query = (
            "SELECT r.number, r.data, b.data FROM records r"
            f" LEFT JOIN bodies b ON b.number = r.number WHERE r.number IN {_LISTED}"
        )
        rows = {n: (data, body) for n, data, body in self._db.execute(query, (json.dumps(wanted),))}
        for n in wanted:
            row = rows.get(n)
            if row is not None:
                yield codec.decode_record(json.loads(row[0])), row[1]

    def browse_facts(self, year: int | None = None) -> list[BrowseFact]:
        """Every record's :class:`BrowseFact` (or those of one ``year``), by number."""
        query = "SELECT number, year, month, column_name, region FROM records"
        if year is None:
            return [BrowseFact(*row) for row in self._db.execute(f"{query} ORDER BY number")]
        rows = self._db.execute(f"{query} WHERE year = ? ORDER BY number", (year,))
        return [BrowseFact(*row) for row in rows]

    def regions(self) -> set[str]:
        """Every region a record is filed under."""
        query = "SELECT DISTINCT region FROM records WHERE region IS NOT NULL"
        return {r for (r,) in self._db.execute(query)}

    def years(self) -> list[int]:
        """The years of the dated records, in order."""
        query = "SELECT DISTINCT year FROM records WHERE year IS NOT NULL ORDER BY year"
        return [y for (y,) in self._db.execute(query)]

    def numbers(self) -> list[int]:
        return [n for (n,) in self._db.execute("SELECT number FROM records ORDER BY number")]

    def article_numbers(self, among: Collection[int] | None = None) -> set[int]:
        """The records with text in the corpus (not known only from listings): all, or
        those ``among`` some numbers."""
        query = "SELECT number FROM records WHERE listing_only = 0"
        if among is None or len(among) > _ONE_BY_ONE:
            found = {n for (n,) in self._db.execute(query)}
            return found if among is None else found & set(among)
        one = f"{query} AND number = ?"
        return {n for number in among for (n,) in self._db.execute(one, (number,))}

    def dates(self, numbers: Collection[int]) -> dict[int, str | None]:
        """The dates (ISO) of those of ``numbers`` held, without reading the whole records."""
        query = "SELECT number, date FROM records"
        if len(numbers) > _ONE_BY_ONE:
            return {n: d for n, d in self._db.execute(query) if n in numbers}
        one = f"{query} WHERE number = ?"
        return {n: d for number in numbers for n, d in self._db.execute(one, (number,))}

    def author_keys(self) -> list[str]:
        """The :func:`people.parse_name` key of every name printed as a record's author."""
        query = "SELECT DISTINCT name_key FROM record_authors"
        return [key for (key,) in self._db.execute(query)]

    def numbers_by(self, name_keys: Iterable[str]) -> set[int]:
        """The records with an author whose name has one of these keys."""
        query = f"SELECT number FROM record_authors WHERE name_key IN {_LISTED}"
        return {n for (n,) in self._db.execute(query, (json.dumps(sorted(set(name_keys))),))}

    def numbers_titled(self, title_keys: Iterable[str]) -> set[int]:
        """The records whose title has one of these :func:`text.title_key` keys."""
        query = f"SELECT number FROM records WHERE title_key IN {_LISTED}"
        return {n for (n,) in self._db.execute(query, (json.dumps(sorted(set(title_keys))),))}

    def newest_listed(
        self, name_key: str, title_keys: Collection[str], skip: int, limit: int
    ) -> list[tuple[int, bool]]:
        """The newest ``limit`` dated records (number, whether known only from listings),
        record ``skip`` left out, among those by ``name_key`` and the first by number
        titled with a key of ``title_keys`` or of the "Article by same Author" titles of
        their records by ``name_key`` alone; newest first, higher numbers first. One statement
        (a prolific author's thousands of keys never leave SQLite), dates from an index."""
        query = (
            "WITH keys (k) AS (SELECT title_key FROM record_listed"
            " WHERE name_key = ?1 AND number != ?3 UNION SELECT value FROM json_each(?2)),"
            " listed (number) AS (SELECT number FROM record_authors"
            " WHERE name_key = ?1 AND number != ?3 UNION SELECT (SELECT min(number)"
            " FROM records WHERE title_key = keys.k AND number != ?3) FROM keys)"
            " SELECT r.number, r.listing_only FROM listed l"
            " JOIN records r INDEXED BY records_dated ON r.number = l.number"
            " WHERE r.date IS NOT NULL ORDER BY r.date DESC, r.number DESC LIMIT ?4"
        )
        rows = self._db.execute(query, (name_key, json.dumps(sorted(title_keys)), skip, limit))
        return [(n, bool(only)) for n, only in rows]

    def changed_records(
        self, merged: Sequence[Record], among: Collection[int] | None = None
    ) -> tuple[list[Record], set[int]]:
        """Of the records an update merged (every one, or those ``among`` some numbers):
        those that differ from the stored ones, and the stored numbers no longer among them."""
        query = "SELECT number, data FROM records"
        if among is None or len(among) > _ONE_BY_ONE:
            stored = dict(self._db.execute(query))
            if among is not None:
                stored = {n: data for n, data in stored.items() if n in among}
        else:
            one = f"{query} WHERE number = ?"
            stored = {n: d for number in among for n, d in self._db.execute(one, (number,))}
        changed = [r for r in merged if stored.pop(r.number, None) != codec.encode_record(r)]
        return changed, set(stored)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def save(index_dir: Path, changes: Changes) -> None:
    """Write ``changes`` in one transaction (creating the database when there is none)."""
    path = index_dir / CATALOG_FILE
    fresh = not path.exists()
    index_dir.mkdir(parents=True, exist_ok=True)
    with closing(_connect(path, create=True)) as db:
        db.execute("BEGIN IMMEDIATE")
        try:
            if fresh or db.execute("PRAGMA user_version").fetchone()[0] != VERSION:
                _create(db)
            elif changes.rebuild:
                for (table,) in db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                ).fetchall():
                    db.execute(f'DELETE FROM "{table}"')
            _put_pages(db, changes)
            _put_records(db, changes)
            _put_files(db, changes)
            if changes.views is not None:
                changes.views(db)
            _finish(db, changes)
        except BaseException:
            db.execute("ROLLBACK")
            raise


def remove(index_dir: Path) -> None:
    """Delete the database and its companions (call with the writer lock held)."""
    for name in (CATALOG_FILE, *_COMPANIONS):
        (index_dir / name).unlink(missing_ok=True)


def _create(db: sqlite3.Connection) -> None:
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        db.execute(f'DROP TABLE "{name}"')
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {VERSION}")


def _put_pages(db: sqlite3.Connection, changes: Changes) -> None:
    db.executemany("DELETE FROM pages WHERE key = ?", ((k,) for k in changes.gone_pages))
    rows = []
    bars = sidebars.Writer(db)
    for key, page in changes.pages.items():
        data, rest = codec.encode_page(page)
        rows.append((key, codec.dumps(data), None if rest is None else bars.put(rest)))
    bars.flush()
    db.executemany("INSERT OR REPLACE INTO pages (key, data, sidebars) VALUES (?, ?, ?)", rows)
    if changes.gone_pages or changes.pages:
        sidebars.drop_unused(db)  # a page changed or went away


def _put_records(db: sqlite3.Connection, changes: Changes) -> None:
    from ipcsreader.archive.people import parse_name

    gone = changes.gone_records | {r.number for r in changes.records}
    db.executemany("DELETE FROM records WHERE number = ?", ((n,) for n in gone))
    db.executemany("DELETE FROM record_authors WHERE number = ?", ((n,) for n in gone))
    db.executemany("DELETE FROM record_listed WHERE number = ?", ((n,) for n in gone))
    db.executemany("DELETE FROM bodies WHERE number = ?", ((n,) for n in changes.gone_records))
    db.executemany(
        f"INSERT INTO records ({', '.join(codec.RECORD_COLUMNS)})"
        f" VALUES ({', '.join('?' * len(codec.RECORD_COLUMNS))})",
        (codec.record_row(r) for r in changes.records),
    )
    db.executemany("INSERT OR REPLACE INTO bodies (number, data) VALUES (?, ?)", changes.bodies)
    names = {a.name for r in changes.records for a in r.authors}
    keys = {name: parsed.key for name in names if (parsed := parse_name(name)) is not None}
    db.executemany(
        "INSERT OR IGNORE INTO record_authors (name_key, number) VALUES (?, ?)",
        ((keys[a.name], r.number) for r in changes.records for a in r.authors if a.name in keys),
    )
    # The keys of the titles a record by one author lists as theirs, for "More by".
    alone = [r for r in changes.records if len(r.authors) == 1 and r.authors[0].name in keys]
    db.executemany(
        "INSERT INTO record_listed (number, title_key, name_key) VALUES (?, ?, ?)",
        (
            (r.number, k, keys[r.authors[0].name])
            for r in alone
            for k in codec.title_keys(r.same_author)
        ),
    )


def _put_files(db: sqlite3.Connection, changes: Changes) -> None:
    db.executemany("DELETE FROM files WHERE key = ?", ((k,) for k in changes.gone_files))
    db.executemany(
        "INSERT OR REPLACE INTO files (key, size, mtime_ns, sha256, error, numbers)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            (key, e.size, e.mtime_ns, e.sha256, e.error, json.dumps(list(e.numbers)))
            for key, e in changes.files.items()
        ),
    )


def _finish(db: sqlite3.Connection, changes: Changes) -> None:
    """Stamp the update and commit: until this, no reader sees any of it."""
    db.executemany(
        "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)",
        [
            ("updated", changes.updated.isoformat()),
            ("fingerprint", changes.fingerprint),
            ("files", str(db.execute("SELECT count(*) FROM files").fetchone()[0])),
        ],
    )
    db.execute("COMMIT")
