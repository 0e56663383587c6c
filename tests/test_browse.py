"""The archive by year and month."""

from __future__ import annotations

import pytest
from read_world import RECORDS

from ipcsreader.archive.browse import browse
from ipcsreader.errors import NotFoundError, UsageError


def test_groups_in_date_order_with_counts():
    archive = browse(RECORDS)
    assert [(y.year, y.count) for y in archive.years] == [
        (2014, 1),
        (2015, 4),
        (2017, 1),
        (None, 1),
    ]
    months = archive.years[1].months
    assert [(m.name, [r.number for r in m.records]) for m in months] == [
        ("February", [4830]),
        ("March", [4842]),
        ("June", [4887]),
        ("October", [4917]),
    ]
    assert archive.count == len(RECORDS)


def test_filters_combine():
    archive = browse(RECORDS, year=2015, column="compass")
    assert [r.number for y in archive.years for m in y.months for r in m.records] == [4842, 4917]
    assert archive.filters == (("column", "compass"), ("year", "2015"))


def test_month_across_years_and_region():
    assert browse(RECORDS, month=10).count == 2
    assert [r.number for r in browse(RECORDS, region="pakistan").years[0].months[0].records] == [
        4762
    ]


def test_json_shape():
    data = browse(RECORDS, year=2017).to_dict()
    assert data["count"] == 1
    month = data["years"][0]["months"][0]
    assert month["name"] == "October"
    assert month["articles"][0]["number"] == 5378
    assert set(month["articles"][0]) == {
        "number",
        "date",
        "title",
        "authors",
        "column",
        "region",
        "listing_only",
    }


def test_errors():
    with pytest.raises(UsageError, match=r"^--month must be between 1 and 12, not 13$"):
        browse(RECORDS, month=13)
    with pytest.raises(UsageError, match=r"^--year must be a four-digit year, not 10{20}$"):
        browse(RECORDS, year=10**20)  # past SQLite's integers
    for name in ("%", "(", " ", "\x1b"):
        with pytest.raises(UsageError, match=r"^--column '.*' has no words to look for$"):
            browse(RECORDS, column=name)
        with pytest.raises(UsageError, match=r"^--region '.*' has no words to look for$"):
            browse(RECORDS, region=name)
    with pytest.raises(NotFoundError) as e:
        browse(RECORDS, year=2031)
    assert e.value.message == "No articles for year 2031; the archive runs 2014–2017"
    with pytest.raises(NotFoundError) as e:
        browse(RECORDS, column="Western Front")
    assert e.value.message == "No column matching 'Western Front'"
    with pytest.raises(NotFoundError) as e:
        browse(RECORDS, column="Dateline Colmbo")
    assert e.value.message == (
        "No column matching 'Dateline Colmbo'; did you mean: Dateline Colombo?"
    )
