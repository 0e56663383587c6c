"""Ranges of dates, years and article numbers, matched from the index's sortable columns.

Whoosh finds a numeric range through terms kept at several precisions; for our unsigned
32-bit fields some ranges come out wrong (``number:[1000 TO 2014]`` matched every real page,
though none is numbered below 4,000). Each of these fields is also a sortable column,
one value per document, read whole in one go: comparing those is exact, and as quick.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ipcsreader.compat.whoosh_reading import read_column


def from_columns(q: Any) -> Any:
    """``q`` with each numeric range over a sortable field matched from its column."""
    from whoosh import query

    column_range = range_class()

    def swap(sub: Any) -> Any:
        if type(sub) is query.NumericRange and not sub.startexcl and not sub.endexcl:
            return column_range(sub.fieldname, sub.start, sub.end, boost=sub.boost)
        return sub

    return q.accept(swap)


@cache
def range_class() -> type:
    """A query matching the documents whose column value lies from ``start`` to ``end``
    (inclusive; None leaves that side open), each scoring ``boost`` like Whoosh's own
    constant-score numeric range."""
    from whoosh import matching, query
    from whoosh.fields import DATETIME

    class ColumnRange(query.Query):
        def __init__(self, fieldname: str, start: Any, end: Any, boost: float = 1.0) -> None:
            self.fieldname = fieldname
            self.start = start
            self.end = end
            self.boost = boost

        def __eq__(self, other: object) -> bool:
            return type(other) is type(self) and (
                other.fieldname,
                other.start,
                other.end,
                other.boost,
            ) == (self.fieldname, self.start, self.end, self.boost)

        def __hash__(self) -> int:
            return hash((self.fieldname, self.start, self.end, self.boost))

        def __repr__(self) -> str:
            return f"ColumnRange({self.fieldname!r}, {self.start!r}, {self.end!r})"

        def __str__(self) -> str:
            return f"{self.fieldname}:[{self.start} TO {self.end}]"

        def is_leaf(self) -> bool:
            return True

        def estimate_size(self, ixreader: Any) -> int:
            return ixreader.doc_count()

        def _raw(self, field: Any, value: Any) -> Any:
            # A date range's ends are already the column's numbers; a number's are not.
            return value if isinstance(field, DATETIME) else field.to_column_value(value)

        def matcher(self, searcher: Any, context: Any = None) -> Any:
            reader = searcher.reader()
            field = searcher.schema[self.fieldname]
            if not reader.has_column(self.fieldname):
                return matching.NullMatcher()
            count = reader.doc_count_all()
            values = read_column(reader.column_reader(self.fieldname, translate=False), count)
            missing = field.column_type.default_value()
            low = None if self.start is None else self._raw(field, self.start)
            high = None if self.end is None else self._raw(field, self.end)
            deleted = reader.is_deleted if reader.has_deletions() else None
            ids = [
                d
                for d, v in enumerate(values)
                if v != missing
                and (low is None or v >= low)
                and (high is None or v <= high)
                and not (deleted and deleted(d))
            ]
            if not ids:
                return matching.NullMatcher()
            return matching.ListMatcher(ids, all_weights=self.boost)

    return ColumnRange
