"""The desk: what the reader wrote (read marks, tags, notes, follows) in a database of its own.

One SQLite file in the user data folder (:func:`ipcsreader.paths.desk_file`), never inside
the index: rebuilding or deleting the index, or fetching a page again, touches none of it.
Everything refers to article numbers only, so it outlives a page leaving the corpus and
coming back.

Each call that writes is one transaction (``BEGIN IMMEDIATE``: the write lock first, so two
writers queue instead of failing half-way); :meth:`Desk.transaction` makes several calls one.
The file is in WAL mode: readers never wait for a writer, and a process killed mid-write
leaves the last commit. Another writer is waited for up to :data:`WAIT_SECONDS`.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, overload

from ipcsreader.desk import schema
from ipcsreader.errors import IpcsError, NotFoundError, UsageError

WAIT_SECONDS = 30.0
_ONE_BY_ONE = 1000  # numbers beyond which one pass over a table beats a look-up each
FOLLOW_KINDS = ("query", "author", "column")


def now() -> str:
    """The time a change is stamped with: UTC, to the second, as text (it sorts)."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Follow:
    """A followed search: a query, or every article by an author or in a column."""

    id: int
    kind: str
    query: str
    created: str

    def describe(self) -> str:
        return f"“{self.query}”" if self.kind == "query" else f"{self.kind} {self.query}"

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "kind": self.kind, "query": self.query, "created": self.created}


@dataclass(frozen=True)
class Entry:
    """What the desk holds of one article. ``read`` is None when never marked."""

    number: int
    read: bool | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    noted: str | None = None  # when the note was last written

    def to_dict(self) -> dict[str, object]:
        return {"read": self.read, "tags": list(self.tags), "note": self.note}


class Desk:
    """An open desk database."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self.path = path

    @overload
    @classmethod
    def open(cls, path: Path, *, create: Literal[True] = True) -> Desk: ...
    @overload
    @classmethod
    def open(cls, path: Path, *, create: bool) -> Desk | None: ...
    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Desk | None:
        """The desk in ``path``, brought up to the current schema; None when it is absent
        and ``create`` is false (a search looking for read marks does not make one)."""
        if not create and not path.is_file():
            return None
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode={'rwc' if create else 'rw'}",
                uri=True,
                timeout=WAIT_SECONDS,
                isolation_level=None,  # autocommit: every write opens its own transaction
            )
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")  # the reader's own words: no shortcuts
            schema.migrate(db)
        except sqlite3.DatabaseError as error:
            raise IpcsError(f"your desk {path} cannot be opened ({error})") from None
        return cls(db, path)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction for everything inside (a transaction already open is joined)."""
        if self._db.in_transaction:
            yield self._db
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        _commit(self._db)

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Reads that see one state, whatever other processes commit meanwhile."""
        if self._db.in_transaction:
            yield self._db
            return
        self._db.execute("BEGIN")
        try:
            yield self._db
        finally:
            self._db.execute("COMMIT")

    # Read marks.

    def mark(self, numbers: Iterable[int], *, read: bool) -> int:
        """Mark articles read (or unread, to read later); how many changed."""
        with self.transaction() as db:
            before = db.total_changes
            db.executemany(
                "INSERT INTO marks (number, read, at) VALUES (?, ?, ?) ON CONFLICT (number)"
                " DO UPDATE SET read = excluded.read, at = excluded.at"
                " WHERE read != excluded.read",
                [(n, int(read), now()) for n in numbers],
            )
            return db.total_changes - before

    def read_numbers(self) -> set[int]:
        return {n for (n,) in self._db.execute("SELECT number FROM marks WHERE read = 1")}

    def marks_anything(self) -> bool:
        """Whether the reader has marked anything read: until then nothing is shown unread."""
        return self._db.execute("SELECT 1 FROM marks WHERE read = 1 LIMIT 1").fetchone() is not None

    # Tags.

    def tag(self, numbers: Iterable[int], tags: Iterable[str]) -> int:
        """Put each tag on each article; how many were not there yet."""
        stamp = now()
        rows = [(t, n, stamp) for n in numbers for t in tags]
        with self.transaction() as db:
            before = db.total_changes
            db.executemany("INSERT OR IGNORE INTO tags (tag, number, at) VALUES (?, ?, ?)", rows)
            return db.total_changes - before

    def untag(self, numbers: Iterable[int], tags: Iterable[str]) -> int:
        """Take each tag off each article; how many were there."""
        rows = [(t, n) for n in numbers for t in tags]
        with self.transaction() as db:
            before = db.total_changes
            db.executemany("DELETE FROM tags WHERE tag = ? AND number = ?", rows)
            return db.total_changes - before

    def tag_counts(self) -> list[tuple[str, int]]:
        """Every tag with its number of articles, the most used first."""
        rows = self._db.execute("SELECT tag, count(*) FROM tags GROUP BY tag")
        return sorted(rows, key=lambda row: (-row[1], row[0].casefold(), row[0]))

    def tagged(self, tag: str) -> set[int]:
        return {n for (n,) in self._db.execute("SELECT number FROM tags WHERE tag = ?", (tag,))}

    def tagged_any(self) -> set[int]:
        return {n for (n,) in self._db.execute("SELECT DISTINCT number FROM tags")}

    def has_tag(self, tag: str) -> bool:
        query = "SELECT 1 FROM tags WHERE tag = ? LIMIT 1"
        return self._db.execute(query, (tag,)).fetchone() is not None

    # Notes.

    def note(self, number: int) -> str | None:
        row = self._db.execute("SELECT text FROM notes WHERE number = ?", (number,)).fetchone()
        return row[0] if row else None

    def set_note(self, number: int, text: str) -> bool:
        """Write the note on an article (replacing any); whether it changed."""
        with self.transaction() as db:
            before = db.total_changes
            db.execute(
                "INSERT INTO notes (number, text, at) VALUES (?, ?, ?) ON CONFLICT (number)"
                " DO UPDATE SET text = excluded.text, at = excluded.at"
                " WHERE text != excluded.text",
                (number, text, now()),
            )
            return db.total_changes > before

    def delete_note(self, number: int) -> bool:
        with self.transaction() as db:
            before = db.total_changes
            db.execute("DELETE FROM notes WHERE number = ?", (number,))
            return db.total_changes > before

    def noted(self) -> set[int]:
        return {n for (n,) in self._db.execute("SELECT number FROM notes")}

    def notes_matching(self, words: Iterable[str]) -> set[int]:
        """Articles whose note has every one of ``words`` (each as the start of a word,
        in any case: ``korea`` finds "Korean")."""
        patterns = [re.compile(r"\b" + re.escape(w.casefold())) for w in words]
        return {
            number
            for number, text in self._db.execute("SELECT number, text FROM notes")
            if all(p.search(text.casefold()) for p in patterns)
        }

    # Articles.

    def entries(self, numbers: Iterable[int] | None = None) -> dict[int, Entry]:
        """What the desk holds of each of ``numbers`` (every article it holds anything of)."""
        with self.snapshot() as db:
            wanted = set(self.reading_list() | self.read_numbers() if numbers is None else numbers)
            if len(wanted) > _ONE_BY_ONE:  # one pass over each table beats a look-up each
                marks = {
                    n: r for n, r in db.execute("SELECT number, read FROM marks") if n in wanted
                }
                notes = {
                    n: (text, at)
                    for n, text, at in db.execute("SELECT number, text, at FROM notes")
                    if n in wanted
                }
                tags: dict[int, list[str]] = {}
                for tag, n in db.execute("SELECT tag, number FROM tags ORDER BY tag"):
                    if n in wanted:
                        tags.setdefault(n, []).append(tag)
            else:
                marks, notes, tags = {}, {}, {}
                for n in wanted:
                    mark = db.execute("SELECT read FROM marks WHERE number = ?", (n,)).fetchone()
                    if mark:
                        marks[n] = mark[0]
                    note = db.execute("SELECT text, at FROM notes WHERE number = ?", (n,))
                    if found := note.fetchone():
                        notes[n] = found
                    rows = db.execute("SELECT tag FROM tags WHERE number = ? ORDER BY tag", (n,))
                    tags[n] = [t for (t,) in rows]
        return {
            n: Entry(
                n,
                None if n not in marks else bool(marks[n]),
                tuple(tags.get(n, ())),
                *notes.get(n, (None, None)),
            )
            for n in sorted(wanted)
        }

    def reading_list(self) -> set[int]:
        """The reading list: articles tagged, noted, or marked unread to read later."""
        rows = self._db.execute(
            "SELECT number FROM tags UNION SELECT number FROM notes"
            " UNION SELECT number FROM marks WHERE read = 0"
        )
        return {n for (n,) in rows}

    # Follows.

    def follows(self) -> list[Follow]:
        rows = self._db.execute("SELECT id, kind, query, created FROM follows ORDER BY id")
        return [Follow(*row) for row in rows]

    def follow(self, kind: str, query: str) -> Follow:
        """Follow a search (``ipcs new`` runs it over the articles that arrive)."""
        if kind not in FOLLOW_KINDS:
            raise UsageError(f"a follow is one of {', '.join(FOLLOW_KINDS)}, not {kind!r}")
        query = " ".join(query.split())
        if not query:
            raise UsageError(f"give the {'search' if kind == 'query' else kind} to follow")
        with self.transaction() as db:
            row = db.execute(
                "SELECT id FROM follows WHERE kind = ? AND query = ?", (kind, query)
            ).fetchone()
            if row:
                raise UsageError(
                    f"you already follow {Follow(row[0], kind, query, '').describe()}"
                    f" (follow {row[0]})"
                )
            stamp = now()
            cursor = db.execute(
                "INSERT INTO follows (kind, query, created) VALUES (?, ?, ?)",
                (kind, query, stamp),
            )
            return Follow(cursor.lastrowid or 0, kind, query, stamp)

    def unfollow(self, follow_id: int) -> Follow:
        with self.transaction() as db:
            row = db.execute(
                "SELECT id, kind, query, created FROM follows WHERE id = ?", (follow_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError(f"no follow {follow_id}; `ipcs follows` lists them")
            db.execute("DELETE FROM follows WHERE id = ?", (follow_id,))
            return Follow(*row)

    # Arrivals: what `ipcs new` reports.

    def see(self, numbers: Iterable[int]) -> set[int]:
        """Record the articles now in the corpus; those never seen before are one new batch
        (the very first time, every article is one batch 0, the baseline). Returns them."""
        with self.transaction() as db:
            fresh = set(numbers) - self.seen()
            baseline = self._state("baseline") is None
            if fresh:
                batch = 0 if baseline else self.last_batch() + 1
                db.executemany(
                    "INSERT INTO arrivals (number, batch) VALUES (?, ?)",
                    [(n, batch) for n in sorted(fresh)],
                )
            if baseline:
                self._set_state("baseline", 1)
                return set()
            return fresh

    def seen(self) -> set[int]:
        """Every article number seen in the corpus so far (see :meth:`see`)."""
        return {n for (n,) in self._db.execute("SELECT number FROM arrivals")}

    def would_report(self, numbers: Iterable[int]) -> set[int]:
        """What :meth:`see` of ``numbers``, then :meth:`unreported`, would give; read only."""
        with self.snapshot():
            if self._state("baseline") is None:
                return set()
            return (set(numbers) - self.seen()) | self.unreported()

    def unreported(self) -> set[int]:
        """Articles that arrived after the last ``ipcs new`` moved the mark."""
        since = self._state("reported") or 0
        rows = self._db.execute("SELECT number FROM arrivals WHERE batch > ?", (since,))
        return {n for (n,) in rows}

    def report(self) -> None:
        """Move the mark: what arrived so far has been reported."""
        with self.transaction():
            self._set_state("reported", self.last_batch())

    def last_batch(self) -> int:
        """The latest batch of arrivals (0: none beyond the baseline)."""
        return self._db.execute("SELECT coalesce(max(batch), 0) FROM arrivals").fetchone()[0]

    # The reader's choices (the citation style of ipcs ui), by name.

    def setting(self, name: str) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_setting(self, name: str, value: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO settings (name, value, at) VALUES (?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET value = excluded.value, at = excluded.at",
                (name, value, now()),
            )

    def _state(self, name: str) -> int | None:
        row = self._db.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def _set_state(self, name: str, value: int) -> None:
        self._db.execute(
            "INSERT INTO state (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (name, value),
        )


def _commit(db: sqlite3.Connection) -> None:
    """The moment a change becomes the desk's state (a name of its own: tests stop here)."""
    db.execute("COMMIT")
