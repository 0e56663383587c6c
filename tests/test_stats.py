"""Corpus statistics and trends: counting, gaps, rendering."""

from __future__ import annotations

import datetime as dt

from golden_files import render_plain

from ipcsreader.archive.stats import corpus_stats, fill_periods, stats_to_dict, trend, trend_to_dict
from ipcsreader.model import Article, Author, Listing, Record
from ipcsreader.render.stats import bar, human_bytes, render_stats, render_trend

MISHRA = Author("Sandip Kumar Mishra")
RECORDS = [
    Record(1, "A", dt.date(2014, 5, 1), "East Asia Compass", authors=(MISHRA,)),
    Record(2, "B", dt.date(2014, 6, 1), "East Asia Compass", authors=(MISHRA, MISHRA)),
    Record(3, "C", dt.date(2017, 1, 9), "The Strategist", authors=(Author("Vijay Shankar"),)),
    Record(4, "D", None, None, listing_only=True),
]
PAGES = [
    Article("old", 1),
    Article("old", 2),
    Article("new", 3),
    Listing("new", "column", column="The Strategist"),
]
UPDATED = dt.datetime(2025, 1, 31, 9, 30)


def make_stats():
    return corpus_stats(
        RECORDS,
        PAGES,
        index_bytes=160_000,
        index_updated=UPDATED,
        index_state="stale",
        index_changed=2,
    )


def test_corpus_stats_counts():
    s = make_stats()
    assert (s.articles, s.full_text, s.listing_only, s.pages) == (4, 3, 1, 4)
    assert s.pages_by_layout == (("new", 2), ("old", 2))
    assert s.pages_by_kind == (("article", 3), ("column listing", 1))
    assert (s.first_date, s.last_date, s.undated) == (dt.date(2014, 5, 1), dt.date(2017, 1, 9), 1)
    assert s.per_year == (("2014", 2), ("2015", 0), ("2016", 0), ("2017", 1))
    assert s.top_columns == (("East Asia Compass", 2), ("The Strategist", 1))
    # An author printed twice on one article counts once.
    assert s.top_authors == (("Sandip Kumar Mishra", 2), ("Vijay Shankar", 1))


def test_stats_json_shape():
    data = stats_to_dict(make_stats())
    assert data["per_year"][0] == {"year": "2014", "count": 2}
    assert data["top_authors"][0] == {"author": "Sandip Kumar Mishra", "count": 2}
    assert data["index"] == {
        "bytes": 160_000,
        "updated": "2025-01-31T09:30:00",
        "state": "stale",
        "changed": 2,
    }
    assert data["pages_by_layout"] == {"new": 2, "old": 2}


def test_empty_corpus():
    s = corpus_stats([], [], index_bytes=0, index_updated=None, index_state="missing")
    assert (s.articles, s.per_year, s.first_date) == (0, (), None)
    assert "Index       not built yet" in render_plain(render_stats(s), 80)


def test_fill_periods_months_across_a_year():
    assert fill_periods([("2014-11", 2), ("2015-02", 1)], "month") == (
        ("2014-11", 2),
        ("2014-12", 0),
        ("2015-01", 0),
        ("2015-02", 1),
    )
    assert fill_periods([], "year") == ()


def test_fill_periods_compares_years_as_numbers():
    # A page stamped "2 March 0999" or "0001": its year is a number of three digits or one.
    assert fill_periods([("1001", 2), ("999", 1)], "year") == (
        ("999", 1),
        ("1000", 0),
        ("1001", 2),
    )
    assert fill_periods([("9", 1), ("10", 1)], "year") == (("9", 1), ("10", 1))


def test_fill_periods_leaves_out_a_gap_too_long_to_chart():
    assert fill_periods([("2015", 3), ("999", 1), ("2014", 1)], "year") == (
        ("999", 1),
        ("2014", 1),
        ("2015", 3),
    )
    assert len(fill_periods([("1016", 1), ("2015", 1)], "year")) == 1_000
    months = fill_periods([("1900-01", 1), ("2026-12", 1)], "month")
    assert months == (("1900-01", 1), ("2026-12", 1))


def test_trend_counts_and_undated():
    t = trend("north korea", "year", 5, [("2017", 2), ("2015", 1)])
    assert t.counts == (("2015", 1), ("2016", 0), ("2017", 2))
    assert t.undated == 2
    assert trend_to_dict(t) == {
        "query": "north korea",
        "by": "year",
        "total": 5,
        "undated": 2,
        "counts": [
            {"period": "2015", "count": 1},
            {"period": "2016", "count": 0},
            {"period": "2017", "count": 2},
        ],
    }


def test_bar_eighths():
    assert bar(2, 2, 4) == "████"
    assert bar(1, 2, 4) == "██"
    assert bar(1, 16, 2) == "▏"
    assert bar(1, 1000, 10) == "▏"  # never invisible
    assert bar(0, 5, 10) == ""


def test_human_bytes():
    assert [human_bytes(n) for n in (512, 2048, 5 * 1024**2, 3 * 1024**3)] == [
        "512 B",
        "2.0 KB",
        "5.0 MB",
        "3.0 GB",
    ]


def test_render_trend():
    t = trend("[bold]korea", "year", 4, [("2015", 1), ("2017", 2)])
    assert render_plain(render_trend(t), 40) == (
        "Articles matching “[bold]korea” per year\n"
        f"2015 {'█' * 16}▌ 1\n"  # half of 33 cells
        "2016 0\n"
        f"2017 {'█' * 33} 2\n"  # 40 columns less label, count and spaces
        "Total: 4 articles (1 without a date)\n"
    )


def test_render_stats():
    assert render_plain(render_stats(make_stats()), 80) == (
        "Articles    4 (3 full text, 1 listing only)\n"
        "Pages       4 (by layout: new 2, old 2)\n"
        "Page kinds  article 3, column listing 1\n"
        "Dates       1 May 2014 – 9 Jan 2017 (1 without a date)\n"
        "Index       156.2 KB, updated 2025-01-31 09:30 (stale: 2 files changed since)\n"
        "\n"
        "Articles per year\n"
        "2014 ██████████████████████████████████████████████████ 2\n"
        "2015 0\n"
        "2016 0\n"
        "2017 █████████████████████████ 1\n"
        "\n"
        "Top columns\n"
        "2  East Asia Compass\n"
        "1  The Strategist\n"
        "\n"
        "Top authors\n"
        "2  Sandip Kumar Mishra\n"
        "1  Vijay Shankar\n"
    )
