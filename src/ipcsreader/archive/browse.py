"""The archive in date order, grouped by year and month like the site's archive."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from ipcsreader.archive.people import column_key, did_you_mean, wanted_key
from ipcsreader.errors import NotFoundError, UsageError
from ipcsreader.model import Record


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    records: tuple[Record, ...]

    @property
    def name(self) -> str:
        return calendar.month_name[self.month]


@dataclass(frozen=True)
class Year:
    """A year's months in date order; ``year`` None holds the undated records."""

    year: int | None
    months: tuple[Month, ...]
    undated: tuple[Record, ...] = ()

    @property
    def count(self) -> int:
        return sum(len(m.records) for m in self.months) + len(self.undated)


@dataclass(frozen=True)
class Archive:
    years: tuple[Year, ...]
    filters: tuple[tuple[str, str], ...] = ()

    @property
    def count(self) -> int:
        return sum(y.count for y in self.years)

    def to_dict(self) -> dict[str, Any]:
        return {
            "filters": dict(self.filters),
            "count": self.count,
            "years": [
                {
                    "year": y.year,
                    "count": y.count,
                    "months": [
                        {
                            "month": m.month,
                            "name": m.name,
                            "count": len(m.records),
                            "articles": [_entry(r) for r in m.records],
                        }
                        for m in y.months
                    ],
                    "undated": [_entry(r) for r in y.undated],
                }
                for y in self.years
            ],
        }


def _entry(r: Record) -> dict[str, Any]:
    return {
        "number": r.number,
        "date": r.date.isoformat() if r.date else None,
        "title": r.title,
        "authors": [a.name for a in r.authors],
        "column": r.column,
        "region": r.region,
        "listing_only": r.listing_only,
    }


class Fact(Protocol):
    """What choosing records needs of each (a record, or a row of the catalog's)."""

    @property
    def number(self) -> int: ...
    @property
    def year(self) -> int | None: ...
    @property
    def month(self) -> int | None: ...
    @property
    def column(self) -> str | None: ...
    @property
    def region(self) -> str | None: ...


@dataclass(frozen=True)
class _RecordFact:
    number: int
    year: int | None
    month: int | None
    column: str | None
    region: str | None


def browse(
    records: Sequence[Record],
    *,
    year: int | None = None,
    month: int | None = None,
    column: str | None = None,
    region: str | None = None,
) -> Archive:
    """The records that pass the filters, oldest first; NotFoundError when none does.

    ``column`` and ``region`` match any part of the name, forgiving case and accents.
    """
    facts = [
        _RecordFact(
            r.number,
            r.date.year if r.date else None,
            r.date.month if r.date else None,
            r.column,
            r.region,
        )
        for r in records
    ]
    years = sorted({f.year for f in facts if f.year is not None})
    chosen, filters = choose(
        facts, year=year, month=month, column=column, region=region, years=lambda: years
    )
    by_number = {r.number: r for r in records}
    return arrange([by_number[n] for n in chosen], filters)


def choose(
    facts: Sequence[Fact],
    *,
    year: int | None,
    month: int | None,
    column: str | None,
    region: str | None,
    years: Callable[[], list[int]],
) -> tuple[list[int], tuple[tuple[str, str], ...]]:
    """The numbers of the records :func:`browse` shows, and its filters; ``years``: those
    of the whole archive, in order, for the message when nothing passes."""
    check_period(year, month)
    chosen = list(facts)
    filters: list[tuple[str, str]] = []
    if column:
        chosen = _containing(chosen, "column", column)
        filters.append(("column", column))
    if region:
        chosen = _containing(chosen, "region", region)
        filters.append(("region", region))
    if year is not None:
        chosen = [f for f in chosen if f.year == year]
        filters.append(("year", str(year)))
    if month is not None:
        chosen = [f for f in chosen if f.month == month]
        filters.append(("month", calendar.month_name[month]))
    if not chosen:
        raise NotFoundError(_nothing(years(), filters))
    return [f.number for f in chosen], tuple(filters)


def arrange(records: Sequence[Record], filters: tuple[tuple[str, str], ...]) -> Archive:
    """The chosen records grouped by year and month."""
    return Archive(_group(list(records)), filters)


def check_period(year: int | None, month: int | None) -> None:
    """UsageError for a year that is not of four digits (as ``search --year`` takes it) or
    a month that is not 1 to 12 (checked before any work is done)."""
    if year is not None and not 1000 <= year <= 9999:
        raise UsageError(f"--year must be a four-digit year, not {year}")
    if month is not None and not 1 <= month <= 12:
        raise UsageError(f"--month must be between 1 and 12, not {month}")


_F = TypeVar("_F", bound=Fact)


def _containing(facts: list[_F], attr: str, wanted: str) -> list[_F]:
    key = wanted_key(attr, wanted)
    picked = [f for f in facts if key in (column_key(getattr(f, attr)) or "")]
    if not picked:
        check_named(attr, wanted, {getattr(f, attr) for f in facts if getattr(f, attr)})
    return picked


def check_named(attr: str, wanted: str, names: Collection[str], *, listed: int = 0) -> None:
    """NotFoundError where none of ``names`` (the archive's regions, say) holds ``wanted``'s
    words, naming the nearest; where none is near, the first ``listed`` of them."""
    key = wanted_key(attr, wanted)
    if any(key in (column_key(name) or "") for name in names):
        return
    hint = did_you_mean(wanted, names)
    if not hint and listed and names:
        shown = sorted(names)
        more = " …" if len(shown) > listed else ""
        many = f"the {attr}s are" if len(shown) > 1 else f"the only {attr} is"
        hint = f"; {many} {', '.join(shown[:listed])}{more}"
    raise NotFoundError(f"No {attr} matching {wanted!r}{hint}")


def _nothing(years: list[int], filters: list[tuple[str, str]]) -> str:
    said = ", ".join(f"{k} {v}" for k, v in filters)
    if not said:
        return "No articles in the corpus yet"
    span = f"; the archive runs {years[0]}–{years[-1]}" if years else ""
    return f"No articles for {said}{span}"


def _group(records: list[Record]) -> tuple[Year, ...]:
    dated = sorted((r for r in records if r.date), key=lambda r: (r.date, r.number))
    years: dict[int, dict[int, list[Record]]] = {}
    for r in dated:
        assert r.date is not None
        years.setdefault(r.date.year, {}).setdefault(r.date.month, []).append(r)
    out = [
        Year(y, tuple(Month(y, m, tuple(rs)) for m, rs in months.items()))
        for y, months in years.items()
    ]
    undated = tuple(sorted((r for r in records if not r.date), key=lambda r: r.number))
    if undated:
        out.append(Year(None, (), undated))
    return tuple(out)
