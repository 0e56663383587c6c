"""Counting the corpus: what ``ipcs stats`` and ``ipcs trend`` show. Pure: no I/O.

The command line gathers the records, pages and index facts from the library; this
module only counts them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from ipcsreader.model import Page, Record

Period = Literal["year", "month"]
Counts = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class CorpusStats:
    """The corpus at a glance."""

    articles: int
    full_text: int
    listing_only: int
    pages: int
    pages_by_layout: Counts
    pages_by_kind: Counts
    first_date: dt.date | None
    last_date: dt.date | None
    undated: int
    per_year: Counts
    top_columns: Counts
    top_authors: Counts
    index_bytes: int
    index_updated: dt.datetime | None
    index_state: str
    index_changed: int


def _top(counter: Counter[str], n: int) -> Counts:
    # Ties in count go alphabetically, so the listing does not depend on file order (nor on
    # the order an update counted them in).
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))[:n])


def _page_kind(page: Page) -> str:
    return "article" if page.kind == "article" else f"{page.page} listing"


@dataclass
class RecordCounts:
    """What :func:`corpus_stats` counts of the records, kept in the catalog so that an
    update counts again only the records it changed (:mod:`ipcsreader.reviews`)."""

    articles: int = 0
    listing_only: int = 0
    dates: Counter[dt.date] = field(default_factory=Counter)
    columns: Counter[str] = field(default_factory=Counter)
    authors: Counter[str] = field(default_factory=Counter)

    def count(self, records: Iterable[Record], sign: int = 1) -> RecordCounts:
        """These counts with ``records`` added (``sign`` -1: taken away); returns self."""
        for r in records:
            self.articles += sign
            self.listing_only += sign * r.listing_only
            if r.date:
                self.dates[r.date] += sign
            if r.column:
                self.columns[r.column] += sign
            for name in {a.name for a in r.authors}:
                self.authors[name] += sign
        # Nothing counted zero times is kept (a record gone, then back, counts as before).
        self.dates, self.columns, self.authors = +self.dates, +self.columns, +self.authors
        return self


def corpus_stats(records: Sequence[Record], pages: Sequence[Page], **index: Any) -> CorpusStats:
    """Count ``records`` and ``pages`` (``index``: the index facts and ``top`` of
    :func:`counted_stats`)."""
    return counted_stats(RecordCounts().count(records), pages, **index)


def counted_stats(
    counts: RecordCounts,
    pages: Sequence[Page],
    *,
    index_bytes: int,
    index_updated: dt.datetime | None,
    index_state: str,
    index_changed: int = 0,
    top: int = 10,
) -> CorpusStats:
    """Count the records ``counts`` counted and ``pages``; ``top`` columns and authors by
    number of articles."""
    years: Counter[str] = Counter()
    for date, n in counts.dates.items():
        years[str(date.year)] += n
    return CorpusStats(
        articles=counts.articles,
        full_text=counts.articles - counts.listing_only,
        listing_only=counts.listing_only,
        pages=len(pages),
        pages_by_layout=_top(Counter(p.layout for p in pages), len(pages)),
        pages_by_kind=_top(Counter(_page_kind(p) for p in pages), len(pages)),
        first_date=min(counts.dates, default=None),
        last_date=max(counts.dates, default=None),
        undated=counts.articles - years.total(),
        per_year=fill_periods(years.items(), "year"),
        top_columns=_top(counts.columns, top),
        top_authors=_top(counts.authors, top),
        index_bytes=index_bytes,
        index_updated=index_updated,
        index_state=index_state,
        index_changed=index_changed,
    )


def recount_pages(
    stats: CorpusStats, kept: CorpusStats, gone: Iterable[Page], new: Iterable[Page]
) -> CorpusStats:
    """``stats`` with the pages that ``kept`` counts, but the ``gone`` pages and with the
    ``new`` ones (as :func:`corpus_stats` counts them)."""
    layouts, kinds = Counter(dict(kept.pages_by_layout)), Counter(dict(kept.pages_by_kind))
    count = kept.pages
    for page in gone:
        layouts[page.layout] -= 1
        kinds[_page_kind(page)] -= 1
        count -= 1
    for page in new:
        layouts[page.layout] += 1
        kinds[_page_kind(page)] += 1
        count += 1
    return replace(
        stats,
        pages=count,
        pages_by_layout=_top(+layouts, count),
        pages_by_kind=_top(+kinds, count),
    )


# Empty periods a chart fills in at most: an archive's three decades of months, and more.
MOST_FILLED = 1_000


def _next(period: str, by: Period) -> str:
    if by == "year":
        return str(int(period) + 1)
    year, month = (int(p) for p in period.split("-"))
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}"


def fill_periods(counts: Iterable[tuple[str, int]], by: Period) -> Counts:
    """``counts`` per period ("2015" or "2015-03"), in order, with the empty periods between
    the first and the last filled in with zero so that a chart shows the gaps; unless that
    would be more than :data:`MOST_FILLED` periods (a page stamped "2 March 0999" among
    those of 2015), when only the periods counted are given."""
    known = dict(counts)
    if not known:
        return ()
    periods = sorted(known, key=_order)
    first, last = _order(periods[0]), _order(periods[-1])
    span = last[0] - first[0] if by == "year" else (last[0] - first[0]) * 12 + last[1] - first[1]
    if span >= MOST_FILLED:
        return tuple((period, known[period]) for period in periods)
    out = []
    period = periods[0]
    for _ in range(span + 1):
        out.append((period, known.get(period, 0)))
        period = _next(period, by)
    return tuple(out)


def _order(period: str) -> tuple[int, ...]:
    """A period as numbers, to be compared as such ("999" before "2015")."""
    return tuple(int(part) for part in period.split("-"))


@dataclass(frozen=True)
class Trend:
    """How many articles matching ``query`` each period holds."""

    query: str
    by: Period
    total: int
    counts: Counts

    @property
    def undated(self) -> int:
        """Matching articles without a date, which no period can hold."""
        return self.total - sum(n for _, n in self.counts)


def trend(query: str, by: Period, total: int, facet: Iterable[tuple[str, int]]) -> Trend:
    """A :class:`Trend` from a search's ``total`` and its year or month facet counts."""
    return Trend(query=query, by=by, total=total, counts=fill_periods(facet, by))


def trend_to_dict(t: Trend) -> dict[str, Any]:
    return {
        "query": t.query,
        "by": t.by,
        "total": t.total,
        "undated": t.undated,
        "counts": [{"period": p, "count": n} for p, n in t.counts],
    }


def stats_to_dict(s: CorpusStats) -> dict[str, Any]:
    def pairs(counts: Counts, key: str) -> list[dict[str, Any]]:
        return [{key: name, "count": n} for name, n in counts]

    return {
        "articles": s.articles,
        "full_text": s.full_text,
        "listing_only": s.listing_only,
        "pages": s.pages,
        "pages_by_layout": dict(s.pages_by_layout),
        "pages_by_kind": dict(s.pages_by_kind),
        "first_date": s.first_date.isoformat() if s.first_date else None,
        "last_date": s.last_date.isoformat() if s.last_date else None,
        "undated": s.undated,
        "per_year": pairs(s.per_year, "year"),
        "top_columns": pairs(s.top_columns, "column"),
        "top_authors": pairs(s.top_authors, "author"),
        "index": {
            "bytes": s.index_bytes,
            "updated": s.index_updated.isoformat() if s.index_updated else None,
            "state": s.index_state,
            "changed": s.index_changed,
        },
    }
