"""A search's filters (``--author``, ``--column``, ``--region``, ``--year``, ``--since``,
``--until``, the desk's articles) as the set of document numbers they let through."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ipcsreader.compat import whoosh_matching as matching
from ipcsreader.compat.whoosh_reading import Columns
from ipcsreader.errors import QueryError
from ipcsreader.store import fields, querying

if TYPE_CHECKING:
    from ipcsreader.archive.search import Plan


def allowed(searcher: Any, plan: Plan, columns: Columns) -> set[int] | None:
    """The document numbers the filters let through (None: no filters).

    A plain set: Whoosh checks a filter once per match, and its own bit sets take time
    in proportion to the index for each check.
    """
    from whoosh import query

    f = plan.filters
    found: set[int] | None = None

    def narrow(docs: Iterable[int]) -> None:
        nonlocal found
        found = set(docs) if found is None else found.intersection(docs)

    for field, value in (("author", f.author), ("column", f.column), ("region", f.region)):
        if value:
            tokens = name_words(field, value)
            named = querying.name_query(field, tokens)
            if field == "author" and f.author_names:
                printings = [t for t in map(_words, f.author_names) if t]
                named = query.Or([named, *(querying.name_query(field, t) for t in printings)])
            narrow(matching.matched(searcher, named))
    if f.year is not None:
        narrow(matching.matched(searcher, query.Term("year", f.year)))
    if f.since or f.until:
        # The date column, read whole, answers a range at once; the indexed date terms
        # would need a search per step of the range.
        field = searcher.schema["date"]
        dates, missing = columns.raw("date"), columns.missing("date")
        low = field.to_column_value(dt.datetime.combine(f.since, dt.time.min)) if f.since else 0
        high = (
            field.to_column_value(dt.datetime.combine(f.until, dt.time.max))
            if f.until
            else missing - 1
        )
        narrow(d for d, value in enumerate(dates) if low <= value <= high and value != missing)
    if f.only is not None:
        narrow(columns.docs_of("number", f.only))
    return found


def name_words(field: str, value: str) -> list[str]:
    """The words ``--author``, ``--column`` or ``--region`` (``field``) looks for when given
    ``value``; QueryError when it has none ("%", "*")."""
    tokens = _words(value)
    if not tokens:
        raise QueryError(f"--{field} {value!r} has no words to look for")
    return tokens


def _words(name: str) -> list[str]:
    return [t.text for t in fields.analyzers()["name"](name, mode="query")]
