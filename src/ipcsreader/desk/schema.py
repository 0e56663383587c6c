"""The desk database's schema: its version, and a migration from every earlier one.

``PRAGMA user_version`` holds the version. Step *n* of :data:`MIGRATIONS` takes a database
of version *n* to *n* + 1 (step 0 creates the first release's tables in an empty file); a
database is brought up to :data:`VERSION` in one transaction as it is opened, so a
migration cut off half-way leaves the old version whole. A desk written by a newer ipcs is
refused, never rewritten.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ipcsreader.errors import IpcsError

# Each step's statements, in order. Never edit a released step: add one.
MIGRATIONS: Sequence[Sequence[str]] = (
    # 1, the first release: read marks, tags, notes, follows, and what "ipcs new" has seen.
    (
        # read is 1 or 0: marked read, or marked unread on purpose (to read later).
        "CREATE TABLE marks (number INTEGER PRIMARY KEY, read INTEGER NOT NULL, at TEXT NOT NULL)",
        "CREATE TABLE tags (tag TEXT NOT NULL, number INTEGER NOT NULL, at TEXT NOT NULL,"
        " PRIMARY KEY (tag, number)) WITHOUT ROWID",
        "CREATE INDEX tags_by_number ON tags (number)",
        "CREATE TABLE notes (number INTEGER PRIMARY KEY, text TEXT NOT NULL, at TEXT NOT NULL)",
        # kind: query, author or column.
        "CREATE TABLE follows (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, query TEXT NOT NULL,"
        " created TEXT NOT NULL, UNIQUE (kind, query))",
        # Each article number the desk has seen with text in the corpus, and in which batch.
        "CREATE TABLE arrivals (number INTEGER PRIMARY KEY, batch INTEGER NOT NULL)",
        "CREATE TABLE state (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
    ),
    # 2: the reader's choices kept between runs (the citation style of ipcs ui).
    (
        "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL, at TEXT NOT NULL)"
        " WITHOUT ROWID",
    ),
)
VERSION = len(MIGRATIONS)


class NewerDeskError(IpcsError):
    """The desk was written by a newer ipcs."""


def version(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite3.Connection, steps: Sequence[Sequence[str]] = MIGRATIONS) -> None:
    """Bring ``db`` (in autocommit mode) up to the last of ``steps``, in one transaction.

    Another process may be doing the same: the write lock is taken first and the version
    read under it, so the steps run once.
    """
    if version(db) == len(steps):
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        found = version(db)
        if found > len(steps):
            raise NewerDeskError(
                f"your desk was written by a newer ipcs (desk version {found}, this one "
                f"reads up to {len(steps)}); upgrade ipcs to use it"
            )
        for step in steps[found:]:
            for statement in step:
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {len(steps)}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
