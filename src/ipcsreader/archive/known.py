"""Titles known about a person, from records, listings and sidebars, merged into one list.

A title may be printed in a sidebar without number or date, in a listing with both, and
be an article the corpus holds. :class:`TitleBook` collects every sighting and resolves
each to one :class:`KnownTitle`, matching by article number, else by the title's key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ipcsreader.model import Record
from ipcsreader.text import title_key as _title_key

# The same few thousand titles are looked up again for every page that lists them.
title_key = lru_cache(maxsize=1 << 16)(_title_key)


@dataclass(frozen=True)
class KnownTitle:
    """One article as far as it is known: ``held`` when the corpus has its text."""

    title: str
    number: int | None = None
    date: dt.date | None = None
    column: str | None = None
    held: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "column": self.column,
            "in_corpus": self.held,
        }


def from_record(record: Record) -> KnownTitle:
    return known_title(record.number, record.title, record.date, record.column, record.listing_only)


def known_title(
    number: int, title: str | None, date: dt.date | None, column: str | None, listing_only: bool
) -> KnownTitle:
    """How a record of these facts is known as a title (untitled: by its number)."""
    return KnownTitle(
        title=title or f"#{number}", number=number, date=date, column=column, held=not listing_only
    )


class RecordsByTitle:
    """Records found by number or by a title printed in any of its ways."""

    def __init__(self, records: Iterable[Record]) -> None:
        self.by_number: dict[int, Record] = {}
        self._by_key: dict[str, Record] = {}
        self._known: dict[int, KnownTitle] = {}
        for r in records:
            self.by_number[r.number] = r
            if r.title:
                self._by_key.setdefault(title_key(r.title), r)

    def find(self, title: str, number: int | None = None) -> Record | None:
        if number is not None and number in self.by_number:
            return self.by_number[number]
        return self._by_key.get(title_key(title))

    def known(self, title: str, number: int | None = None) -> KnownTitle | None:
        """What the record :meth:`find` finds tells of its article."""
        record = self.find(title, number)
        if record is None:
            return None
        made = self._known.get(record.number)
        if made is None:
            made = self._known[record.number] = from_record(record)
        return made


class TitleBook:
    """Sightings of titles, merged: the first sighting keeps its place among undated ones."""

    def __init__(self, records: RecordsByTitle) -> None:
        self._records = records
        self._items: dict[str, KnownTitle] = {}
        # Sightings merged into a numbered title: seen again, they add nothing to it (it
        # keeps its key, and only gains what they have), so they are not merged again.
        self._settled: set[KnownTitle] = set()
        # The keys of undated titles merged into a numbered one: a sighting of that title
        # without a number, seen again after, is a title of its own again.
        self.moved: set[str] = set()

    def add(self, seen: KnownTitle) -> bool:
        """Merge a sighting in; whether it is settled (seeing it again would change nothing)."""
        if seen in self._settled:
            return True
        sighting = seen
        record = self._records.known(seen.title, seen.number)
        if record is not None:
            seen = _richer(seen, record)
        key = str(seen.number) if seen.number is not None else title_key(seen.title)
        if key in self._items:
            seen = _richer(self._items[key], seen)
        elif seen.number is not None and (old := self._items.pop(title_key(seen.title), None)):
            self.moved.add(title_key(seen.title))
            seen = _richer(old, seen)
        self._items[key] = seen
        if seen.number is None:
            return False
        self._settled.add(sighting)
        return True

    def titles(self) -> list[KnownTitle]:
        """Newest first; undated titles after the dated ones, in the order first seen."""
        dated = sorted((t for t in self._items.values() if t.date), key=_newest_first)
        undated = [t for t in self._items.values() if not t.date]
        return dated + undated


def _newest_first(t: KnownTitle) -> tuple[int, int]:
    assert t.date is not None
    return (-t.date.toordinal(), -(t.number or 0))


def _richer(a: KnownTitle, b: KnownTitle) -> KnownTitle:
    """``a`` with what ``b`` adds; a held record's own title wins over a listing's."""
    return KnownTitle(
        title=b.title if b.held and not a.held else a.title,
        number=a.number if a.number is not None else b.number,
        date=a.date or b.date,
        column=a.column or b.column,
        held=a.held or b.held,
    )


def date_range(titles: Sequence[KnownTitle]) -> tuple[dt.date | None, dt.date | None]:
    dates = [t.date for t in titles if t.date]
    return (min(dates), max(dates)) if dates else (None, None)
