"""The side bars of the catalog's pages, and each "IPCS Columnists" entry in them by name.

A side bar is stored once however many pages print it (``sidebars``, found by digest). Its
columnists' entries are also kept one row each (``sidebar_entries``: the name key of the
columnist, :func:`ipcsreader.archive.touched.name_key`, the side bar, the place in it and
the entry, each distinct entry stored once in ``entries``), so that the views recomputed
in part (:mod:`ipcsreader.reviews`) read the entries of the few names they recompute from
the thousands of pages that print them (:func:`ipcsreader.store.views.columnists`),
without decoding every side bar of those pages.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

from ipcsreader.model import Author
from ipcsreader.store import codec


class Writer:
    """Puts side bars into the catalog within one transaction, each distinct entry once
    (their entries' rows written by :meth:`flush`)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        from ipcsreader.archive.touched import name_key

        self._db = db
        self._entries: dict[tuple[Any, ...], int] = {}
        self._keys: dict[str, str] = {}
        self._rows: list[tuple[str, int, int, int]] = []
        self._key = lambda name: name_key(Author(name))

    def put(self, sidebar: dict[str, Any]) -> int:
        """The id of this side bar (:func:`codec.encode_sidebars`), stored if it is new."""
        db = self._db
        text = json.dumps(sidebar, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        digest = hashlib.sha256(text.encode()).hexdigest()
        added = db.execute(
            "INSERT OR IGNORE INTO sidebars (digest, data) VALUES (?, ?)", (digest, text)
        ).rowcount
        (bar,) = db.execute("SELECT id FROM sidebars WHERE digest = ?", (digest,)).fetchone()
        if added:
            self._rows.extend(
                (self._name_key(entry[1][0]), bar, pos, self._entry(entry))
                for pos, entry in enumerate(sidebar["columnists"])
            )
        return bar

    def flush(self) -> None:
        """Write the entries' rows of the side bars put so far, in one statement (a build
        puts hundreds of thousands)."""
        self._db.executemany(
            "INSERT INTO sidebar_entries (name_key, sidebar, pos, entry) VALUES (?, ?, ?, ?)",
            self._rows,
        )
        self._rows.clear()

    def _name_key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = self._key(str(name))
        return key

    def _entry(self, entry: list[Any]) -> int:
        column, author, titles = entry
        held = (column, tuple(author), tuple(titles))
        found = self._entries.get(held)
        if found is None:
            text = codec.dumps(entry)
            self._db.execute("INSERT OR IGNORE INTO entries (data) VALUES (?)", (text,))
            query = "SELECT id FROM entries WHERE data = ?"
            (found,) = self._db.execute(query, (text,)).fetchone()
            self._entries[held] = found
        return found


def drop_unused(db: sqlite3.Connection) -> None:
    """Delete the side bars no page prints any more, with their entries' rows (a distinct
    entry stays: a rebuild drops those no side bar has)."""
    gone = db.execute(
        "SELECT id FROM sidebars WHERE id NOT IN"
        " (SELECT sidebars FROM pages WHERE sidebars IS NOT NULL)"
    ).fetchall()
    db.executemany("DELETE FROM sidebars WHERE id = ?", gone)
    db.executemany("DELETE FROM sidebar_entries WHERE sidebar = ?", gone)
