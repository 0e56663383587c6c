"""The precomputed views (:mod:`ipcsreader.archive.views`) in the catalog, and reading them.

Each view is stored the way its command reads it, pickled (the catalog is the user's own
file, as trusted as Whoosh's pickled schema beside it):

- ``view_columns``: one row per column, in order, whole and as the listing of every column
  shows it (the latest three titles of each columnist), so that ``ipcs columns`` unpickles
  a few hundred titles, not every one;
- ``view_profiles``: one row per person, so that ``ipcs authors NAME`` reads one or two;
- ``views``: the people (to find who a name means), the authors table and the counts of
  ``ipcs stats``.

A change of these classes is a change of the catalog's encoding: bump ``catalog.VERSION``.
"""

from __future__ import annotations

import pickle
import sqlite3
from typing import TYPE_CHECKING, Any

from ipcsreader.store.catalog import Catalog

if TYPE_CHECKING:
    from ipcsreader.archive.authors import AuthorRow, Profile
    from ipcsreader.archive.columns import Column
    from ipcsreader.archive.people import People
    from ipcsreader.archive.stats import CorpusStats
    from ipcsreader.archive.views import Views

# Titles per columnist in the listing of every column (``ipcs columns`` without filters).
LISTED_TITLES = 3


def _dump(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def write(db: sqlite3.Connection, views: Views) -> None:
    """Replace the stored views with ``views`` (inside the update's transaction)."""
    from ipcsreader.archive.columns import recent

    for table in ("views", "view_columns", "view_profiles"):
        db.execute(f"DELETE FROM {table}")
    db.executemany(
        "INSERT INTO view_columns (pos, listing, data) VALUES (?, ?, ?)",
        ((pos, _dump(recent(c, LISTED_TITLES)), _dump(c)) for pos, c in enumerate(views.columns)),
    )
    db.executemany(
        "INSERT INTO view_profiles (key, data) VALUES (?, ?)",
        ((key, _dump(profile)) for key, profile in views.profiles.items()),
    )
    db.executemany(
        "INSERT INTO views (name, data) VALUES (?, ?)",
        [
            ("people", _dump(views.people)),
            ("table", _dump(views.table)),
            ("stats", _dump(views.stats)),
        ],
    )


def _view(store: Catalog, name: str) -> Any:
    row = store.execute("SELECT data FROM views WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise sqlite3.DatabaseError(f"the catalog has no {name} view")
    return pickle.loads(row[0])


def columns(store: Catalog, *, listing: bool) -> list[Column]:
    """Every column, whole or (``listing``) with the latest titles only."""
    part = "listing" if listing else "data"
    rows = store.execute(f"SELECT {part} FROM view_columns ORDER BY pos")
    return [pickle.loads(data) for (data,) in rows]


def columns_at(store: Catalog, positions: list[int]) -> list[Column]:
    """The whole columns at these places of :func:`columns`, in that order."""
    query = "SELECT data FROM view_columns WHERE pos = ?"
    return [pickle.loads(store.execute(query, (pos,)).fetchone()[0]) for pos in positions]


def people(store: Catalog) -> People:
    return _view(store, "people")


def author_table(store: Catalog) -> list[AuthorRow]:
    return list(_view(store, "table"))


def profiles(store: Catalog, keys: list[str]) -> list[Profile]:
    """The profiles of the persons with these keys, in that order."""
    query = "SELECT data FROM view_profiles WHERE key = ?"
    return [pickle.loads(row[0]) for key in keys for row in store.execute(query, (key,))]


def stats(store: Catalog) -> CorpusStats:
    return _view(store, "stats")
