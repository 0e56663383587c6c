"""Columns, authors and browse views, pinned with golden files at 80 and 40 columns."""

from __future__ import annotations

import pytest
from golden_files import assert_golden, render_plain
from read_world import PAGES, RECORDS

from ipcsreader.archive.authors import Authors
from ipcsreader.archive.browse import browse
from ipcsreader.archive.columns import gather_columns
from ipcsreader.render.authors import render_author_table, render_profiles
from ipcsreader.render.browse import render_archive
from ipcsreader.render.columns import render_columns


@pytest.mark.parametrize("width", [80, 40])
def test_columns_golden(width):
    view = render_columns(gather_columns(RECORDS, PAGES))
    assert_golden(f"columns-{width}.txt", render_plain(view, width))


@pytest.mark.parametrize("width", [80, 40])
def test_authors_table_golden(width):
    view = render_author_table(Authors(RECORDS, PAGES).table())
    assert_golden(f"authors-{width}.txt", render_plain(view, width))


@pytest.mark.parametrize("width", [80, 40])
def test_author_profile_golden(width):
    authors = Authors(RECORDS, PAGES)
    view = render_profiles([authors.profile(p) for p in authors.find("Mishra")])
    assert_golden(f"author-mishra-{width}.txt", render_plain(view, width))


@pytest.mark.parametrize("width", [80, 40])
def test_browse_golden(width):
    assert_golden(f"browse-{width}.txt", render_plain(render_archive(browse(RECORDS)), width))


def test_forty_columns_never_overflow():
    views = [
        render_columns(gather_columns(RECORDS, PAGES)),
        render_author_table(Authors(RECORDS, PAGES).table()),
        render_archive(browse(RECORDS)),
    ]
    for view in views:
        assert max(len(line) for line in render_plain(view, 40).splitlines()) <= 40


def test_short_dates_name_the_months_as_strftime_does() -> None:
    import datetime as dt

    from ipcsreader.render.parts import short_date

    for month in range(1, 13):
        day = dt.date(2015, month, 2)
        assert short_date(day) == f"2 {day:%b %Y}"
    assert short_date(None) == ""
