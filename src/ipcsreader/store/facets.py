"""A search's hits counted by column, author, year or month, from the sortable columns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ipcsreader.compat.whoosh_reading import Columns

FIELDS = {"column": "column_f", "author": "author_f", "year": "year", "month": "month"}


def counts(columns: Columns, docnums: Sequence[int], name: str) -> tuple[tuple[str, int], ...]:
    field = FIELDS[name]
    counts: Counter[Any] = Counter()
    if name == "author":
        # Several authors per article, one per line: count each distinct list once.
        raw = columns.raw(field)
        for names, n in Counter(raw[d] for d in docnums).items():
            for author in dict.fromkeys(names.decode("utf-8").split("\n")):
                counts[author] += n
    else:
        values = columns.values(field)
        counts.update(values[d] for d in docnums)
    found = [(str(k), v) for k, v in counts.items() if k not in (None, "", b"")]
    if name in ("year", "month"):
        return tuple(sorted(found, reverse=True))
    return tuple(sorted(found, key=lambda kv: (-kv[1], kv[0])))
