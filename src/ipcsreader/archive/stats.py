"""Counting the corpus: what ``ipcs stats`` and ``ipcs trend`` show. Pure: no I/O.

The command line gathers the records, pages and index facts from the library; this
module only counts them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
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
    # Ties in count go alphabetically, so the listing does not depend on file order.
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].casefold()))[:n])


def _page_kind(page: Page) -> str:
    return "article" if page.kind == "article" else f"{page.page} listing"


def corpus_stats(
    records: Sequence[Record],
    pages: Sequence[Page],
    *,
    index_bytes: int,
    index_updated: dt.datetime | None,
    index_state: str,
    index_changed: int = 0,
    top: int = 10,
) -> CorpusStats:
    """Count ``records`` and ``pages``; ``top`` columns and authors by number of articles."""
    dates = [r.date for r in records if r.date]
    columns = Counter(r.column for r in records if r.column)
    authors = Counter(name for r in records for name in {a.name for a in r.authors})
    listing_only = sum(r.listing_only for r in records)
    return CorpusStats(
        articles=len(records),
        full_text=len(records) - listing_only,
        listing_only=listing_only,
        pages=len(pages),
        pages_by_layout=_top(Counter(p.layout for p in pages), len(pages)),
        pages_by_kind=_top(Counter(_page_kind(p) for p in pages), len(pages)),
        first_date=min(dates, default=None),
        last_date=max(dates, default=None),
        undated=len(records) - len(dates),
        per_year=fill_periods(Counter(str(d.year) for d in dates).items(), "year"),
        top_columns=_top(columns, top),
        top_authors=_top(authors, top),
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


def _next(period: str, by: Period) -> str:
    if by == "year":
        return str(int(period) + 1)
    year, month = (int(p) for p in period.split("-"))
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}"


def fill_periods(counts: Iterable[tuple[str, int]], by: Period) -> Counts:
    """``counts`` per period ("2015" or "2015-03"), in order, with the empty periods between
    the first and the last filled in with zero so that a chart shows the gaps."""
    known = dict(counts)
    if not known:
        return ()
    first, last = min(known), max(known)
    out = []
    period = first
    while period <= last:
        out.append((period, known.get(period, 0)))
        period = _next(period, by)
    return tuple(out)


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
