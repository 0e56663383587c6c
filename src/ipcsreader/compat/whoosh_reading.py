"""Whoosh's per-document files read in bulk, and its highlighter's token merging.

Checked against whoosh-reloaded 2.7.5 (``pyproject.toml`` allows ``<2.8``). Each function
checks the exact reader type it knows before touching private attributes, and otherwise
falls back to Whoosh's public (slower) path; ``tests/test_compat.py`` fails loudly when the
types or attributes relied on are gone, so a fallback never goes unnoticed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def load_lengths(searcher: Any, fields: Iterable[str]) -> None:
    """Read each searched field's lengths (a byte per document) into memory at once.

    BM25 asks for a field's length for every match it scores, and Whoosh reads each one
    with a seek and a read of its own: a third of the time of a query matching thousands.
    Whoosh keeps the reader of each length column in a dict; a byte string answers the
    same questions (the value of document n, the smallest, the largest). Relies on
    ``W3PerDocReader._readers``, ``_get_column_file`` and ``_doccount``; a reader of
    another type keeps Whoosh's own reading (slower, same answers).
    """
    from whoosh.codec.whoosh3 import W3PerDocReader, _lenfield

    for leaf, _offset in searcher.leaf_searchers():
        perdoc: Any = getattr(leaf.reader(), "_perdoc", None)
        if type(perdoc) is not W3PerDocReader:
            continue
        for field in fields:
            name = _lenfield(field)
            if name in perdoc._readers or not perdoc.has_column(name):
                continue
            colfile, offset, length = perdoc._get_column_file(name)
            try:
                data = colfile.get(offset, length)
            finally:
                colfile.close()
            # Documents after the last with a length of its own were not written: zero.
            perdoc._readers[name] = data + bytes(max(0, perdoc._doccount - len(data)))


class Columns:
    """Whoosh's sortable columns, each read whole in one go, by global document number.

    Whoosh reads a column value by value, a seek and a read each: sorting or counting
    thousands of hits that way takes a tenth of a second. These read each segment's
    column with a single read; a column kind not handled here falls back to Whoosh's.
    ``kept`` holds what was read, for the searches that follow through the same reader.
    """

    def __init__(self, searcher: Any, kept: dict[tuple[str, str], list[Any]]) -> None:
        self._searcher = searcher
        self._kept = kept

    def raw(self, field: str) -> list[Any]:
        found = self._kept.get(("raw", field))
        if found is None:
            found = []
            for leaf, _offset in self._searcher.leaf_searchers():
                reader = leaf.reader()
                if not reader.doc_count_all():  # an empty index's reader has no columns
                    continue
                column = reader.column_reader(field, translate=False)
                found.extend(read_column(column, reader.doc_count_all()))
            self._kept["raw", field] = found
        return found

    def date_rank(self) -> list[int]:
        """Each document's place in date order (then by number: no two articles share
        one), worked out once for all the searches through the reader."""
        found = self._kept.get(("rank", "date"))
        if found is None:
            dates, numbers = self.raw("date"), self.raw("number")
            order = sorted(range(len(dates)), key=lambda d: (dates[d], numbers[d]))
            found = [0] * len(order)
            for place, d in enumerate(order):
                found[d] = place
            self._kept["rank", "date"] = found
        return found

    def missing(self, field: str) -> Any:
        """The raw value of a document that has none."""
        return self._searcher.schema[field].column_type.default_value()

    def values(self, field: str) -> list[Any]:
        """The column as the field's own values (None for documents without one)."""
        found = self._kept.get(("values", field))
        if found is None:
            kind = self._searcher.schema[field]
            translated: dict[Any, Any] = {self.missing(field): None}
            found = []
            for raw in self.raw(field):
                if raw not in translated:
                    translated[raw] = kind.from_column_value(raw)
                found.append(translated[raw])
            self._kept["values", field] = found
        return found

    def values_at(self, field: str, docs: Iterable[int]) -> list[Any]:
        """The field's own values of ``docs`` only (None for a document without one): a
        page of hits translates its own few, not the whole column."""
        raw, kind, missing = self.raw(field), self._searcher.schema[field], self.missing(field)
        return [None if raw[d] == missing else kind.from_column_value(raw[d]) for d in docs]

    def docs_of(self, field: str, wanted: frozenset[Any]) -> list[int]:
        """The documents whose value of ``field`` is one of ``wanted``: through a map from
        raw value to documents made once for the reader, in time with ``wanted``, not the
        index (the values asked for are turned into raw ones, not every document's)."""
        found = self._kept.get(("docs", field))
        if found is None:
            docs: dict[Any, list[int]] = {}
            for d, value in enumerate(self.raw(field)):
                docs.setdefault(value, []).append(d)
            found = self._kept["docs", field] = [docs]
        by_raw, kind = found[0], self._searcher.schema[field]
        return [d for value in wanted for d in by_raw.get(_raw(kind, value), ())]


def _raw(kind: Any, value: Any) -> Any:
    """``value`` as the field's column holds it; None if the field cannot hold it (then
    no document has it)."""
    try:
        return kind.to_column_value(value)
    except (ValueError, TypeError, OverflowError):
        return None


def read_column(column: Any, count: int) -> list[Any]:
    """All ``count`` values of one segment's column.

    Relies on the private attributes of ``NumericColumn.Reader`` (``_count``, ``_dbfile``,
    ``_basepos``, ``_fixedlen``, ``_typecode``, ``_default``) and ``VarBytesColumn.Reader``
    (``_basepos``, ``_length``, ``_offsets``, ``_lengths``); any other reader type is read
    through Whoosh's public iteration (slower, same values).
    """
    import struct

    from whoosh.columns import NumericColumn, VarBytesColumn

    if type(column) is NumericColumn.Reader:
        stored = column._count
        data = column._dbfile.get(column._basepos, stored * column._fixedlen)
        values = list(struct.unpack(f"!{stored}{column._typecode}", data))
        return values + [column._default] * (count - stored)
    if type(column) is VarBytesColumn.Reader:
        data = column._dbfile.get(column._basepos, column._length)
        spans = zip(column._offsets, column._lengths, strict=True)
        return [data[start : start + length] for start, length in spans]
    return list(column)


def merge_matched_tokens(tokens: Iterable[Any]) -> Any:
    """Whoosh's own merging of adjacent matched tokens (the private static method
    ``Highlighter._merge_matched_tokens``), so our snippets match its highlighter's."""
    from whoosh.highlight import Highlighter

    return Highlighter._merge_matched_tokens(tokens)
