"""The precomputed views (:mod:`ipcsreader.archive.views`) in the catalog, and reading them.

Each view is stored the way its command reads it, pickled (the catalog is the user's own
file, as trusted as Whoosh's pickled schema beside it):

- ``view_columns``: one row per column, in order, whole and as the listing of every column
  shows it (the latest three titles of each columnist), so that ``ipcs columns`` unpickles
  a few hundred titles, not every one;
- ``view_profiles``: one row per person, so that ``ipcs authors NAME`` reads one or two;
- ``views``: the people (to find who a name means), the authors table and the counts of
  ``ipcs stats``; and what an update needs to recompute them in part (:mod:`ipcsreader.reviews`):
  each column's key, name and persons (``layout``), the columns of each name (``variants``)
  how often each column is printed each way (``spellings``) and what the
  stats count of the records (``counts``);
- ``view_sources``: each record (``#number``) and page (its key) with the name keys it
  prints; ``view_refs``: the names some of them give a title found by a ref (a number or
  a title's key, see :mod:`ipcsreader.archive.touched`).

A change of these classes is a change of the catalog's encoding: bump ``catalog.VERSION``.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ipcsreader.store import codec
from ipcsreader.store.catalog import _LISTED, Catalog

if TYPE_CHECKING:
    from ipcsreader.archive.authors import AuthorRow, Profile
    from ipcsreader.archive.columns import Column
    from ipcsreader.archive.people import People
    from ipcsreader.archive.stats import CorpusStats, RecordCounts
    from ipcsreader.archive.touched import Named
    from ipcsreader.archive.views import Views
    from ipcsreader.model import ColumnistEntry

# Titles per columnist in the listing of every column (``ipcs columns`` without filters).
LISTED_TITLES = 3


def _dump(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


# A column's key, name and the keys of its columnists' persons.
Placed = tuple[str | None, str | None, frozenset[str]]


def write(db: sqlite3.Connection, views: Views, named: Iterable[Named]) -> None:
    """Replace the stored views with ``views`` and what each source names with ``named``
    (inside the update's transaction)."""
    for table in ("views", "view_columns", "view_profiles", "view_sources", "view_refs"):
        db.execute(f"DELETE FROM {table}")
    _put_columns(db, enumerate(views.columns))
    _put_profiles(db, views.profiles.values())
    layout = tuple(_placed(k, c) for k, c in zip(views.keys, views.columns, strict=True))
    _put(db, people=views.people, table=views.table, stats=views.stats, layout=layout)
    _put(db, variants=views.variants, spellings=views.spellings, printed=views.printed)
    _put(db, counts=views.counts)
    _put_named(db, named)


def write_part(
    db: sqlite3.Connection,
    columns: dict[int, Column],
    profiles: Iterable[Profile],
    sources: Iterable[str],
    named: Iterable[Named],
    **views: Any,
) -> None:
    """Replace the columns at these places, the profiles of these persons, what these
    ``sources`` name with ``named`` and the ``views`` of these names."""
    db.executemany("DELETE FROM view_columns WHERE pos = ?", ((pos,) for pos in columns))
    _put_columns(db, columns.items())
    _put_profiles(db, profiles)
    _put(db, **views)
    db.executemany("DELETE FROM view_sources WHERE source = ?", ((s,) for s in sources))
    _put_named(db, named)


def _put_named(db: sqlite3.Connection, named: Iterable[Named]) -> None:
    # A ref no source gives a name any more stays (until a full recompute): it can only
    # make an update recompute that person when it need not.
    refs: dict[str, set[str]] = {}
    rows = []
    for source, names, outside in named:
        if names:
            for name, found in names.items():
                refs.setdefault(name, set()).update(found)
            listed = (json.dumps(sorted(n), ensure_ascii=False) for n in (names, outside))
            rows.append((source, *listed))
    db.executemany("INSERT INTO view_sources (source, names, outside) VALUES (?, ?, ?)", rows)
    db.executemany(
        "INSERT OR IGNORE INTO view_refs (ref, name) VALUES (?, ?)",
        ((ref, name) for name, found in refs.items() for ref in found),
    )


def _placed(key: str | None, column: Column) -> Placed:
    return (key, column.name, frozenset(c.person.key for c in column.columnists))


def _put_columns(db: sqlite3.Connection, columns: Iterable[tuple[int, Column]]) -> None:
    from ipcsreader.archive.columns import recent

    db.executemany(
        "INSERT INTO view_columns (pos, listing, data) VALUES (?, ?, ?)",
        ((pos, _dump(recent(c, LISTED_TITLES)), _dump(c)) for pos, c in columns),
    )


def _put_profiles(db: sqlite3.Connection, profiles: Iterable[Profile]) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO view_profiles (key, data) VALUES (?, ?)",
        ((p.person.key, _dump(p)) for p in profiles),
    )


def _put(db: sqlite3.Connection, **views: Any) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO views (name, data) VALUES (?, ?)",
        [(name, _dump(value)) for name, value in views.items()],
    )


def kept(store: Catalog, name: str) -> Any:
    """A view kept for recomputing the views in part (see the module's docstring)."""
    return _view(store, name)


def counts(store: Catalog) -> RecordCounts | None:
    """What the stats count of the records (None: a catalog written before it was kept)."""
    return _stored(store, "counts")


# A record's number and title key, and what a title found as it tells: its title, date,
# column and whether it is known only from listings.
TitleFacts = tuple[int, str | None, str | None, "dt.date | None", str | None, bool]


_FACTS = (
    "SELECT number, title_key, json_extract(data, '$[1]'), json_extract(data, '$[2]'),"
    " column_name, json_extract(data, '$[8]') FROM records"
)


def title_facts(
    store: Catalog, numbers: Iterable[int] = (), keys: Iterable[str] = ()
) -> Iterator[TitleFacts]:
    """The :data:`TitleFacts` of the records of these numbers and of those whose title has
    one of these keys, by number, without decoding them."""
    query = f"{_FACTS} WHERE number IN {_LISTED} OR title_key IN {_LISTED} ORDER BY number"
    listed = (json.dumps(sorted(set(numbers))), json.dumps(sorted(set(keys))))
    for number, key, title, date, column, listed_only in store.execute(query, listed):
        yield (
            number,
            key,
            title,
            dt.date.fromisoformat(date) if date else None,
            column,
            bool(listed_only),
        )


def names_referring(store: Catalog, refs: Iterable[str]) -> set[str]:
    """The name keys given a title found by one of these refs."""
    query = f"SELECT DISTINCT name FROM view_refs WHERE ref IN {_LISTED}"
    return {name for (name,) in store.execute(query, (json.dumps(sorted(refs)),))}


def printing(store: Catalog, names: Iterable[str]) -> set[str]:
    """The records and pages that print one of these name keys but in their side bar."""
    query = (
        "SELECT DISTINCT s.source FROM view_sources s, json_each(s.outside) n"
        f" WHERE n.value IN {_LISTED}"
    )
    return {source for (source,) in store.execute(query, (json.dumps(sorted(names)),))}


def columnists(store: Catalog, names: Iterable[str]) -> list[tuple[str, list[ColumnistEntry]]]:
    """Every page whose "IPCS Columnists" print a columnist with one of these name keys,
    by key, with those entries in the order printed, each distinct entry decoded once
    (:mod:`ipcsreader.store.sidebars`)."""
    query = (
        "SELECT p.key, s.entry FROM sidebar_entries s"
        f" JOIN pages p ON p.sidebars = s.sidebar WHERE s.name_key IN {_LISTED}"
        " ORDER BY p.key, s.pos"
    )
    found = store.execute(query, (json.dumps(sorted(set(names))),)).fetchall()
    ids = json.dumps(sorted({entry for _, entry in found}))
    decoded = {
        n: codec.decode_columnists([json.loads(data)])[0]
        for n, data in store.execute(f"SELECT id, data FROM entries WHERE id IN {_LISTED}", (ids,))
    }
    out: list[tuple[str, list[ColumnistEntry]]] = []
    for key, entry in found:
        if not out or out[-1][0] != key:
            out.append((key, []))
        out[-1][1].append(decoded[entry])
    return out


def _stored(store: Catalog, name: str) -> Any | None:
    row = store.execute("SELECT data FROM views WHERE name = ?", (name,)).fetchone()
    return None if row is None else pickle.loads(row[0])


def _view(store: Catalog, name: str) -> Any:
    value = _stored(store, name)
    if value is None:
        raise sqlite3.DatabaseError(f"the catalog has no {name} view")
    return value


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
