"""The IPCS columns gathered from records, sidebars and listings."""

from __future__ import annotations

import pytest
from read_world import EAC, PAGES, RECORDS

from ipcsreader.archive.columns import gather_columns, select_columns
from ipcsreader.errors import NotFoundError, UsageError
from ipcsreader.parse import parse_file

SEED_COLUMNS = [
    "Af-Pak Diary",
    "Big Picture",
    "Dateline Colombo",
    "Dateline Islamabad",
    "Dhaka Discourse",
    "Eagle Eye",
    "East Asia Compass",
    "Himalayan Frontier",
    "Looking East",
    "Maritime Matters",
    "Nuke Street",
    "Red Affairs",
    "Regional Economy",
    "South Asian Dialectic",
    "Spotlight West Asia",
    "Strategic Space",
    "The Strategist",
]


@pytest.fixture
def columns():
    return {c.name: c for c in gather_columns(RECORDS, PAGES)}


def test_every_source_contributes(columns):
    assert list(columns) == [
        "Af-Pak Diary",
        "Dateline Colombo",
        EAC,
        "IPCS Discussion",
        "Red Affairs",
        None,
    ]


def test_sidebar_and_byline_are_one_columnist(columns):
    (mishra,) = columns[EAC].columnists
    assert mishra.person.name == "Sandip Kumar Mishra"
    assert mishra.person.honorific == "Dr"
    assert mishra.affiliation.text == "Associate Professor, Centre for East Asian Studies, JNU"
    assert (mishra.articles, str(mishra.first), str(mishra.last)) == (3, "2015-03-02", "2017-10-09")
    # Newest first; the sidebar's "?" apostrophe title found its record; undated last.
    assert [(t.number, t.title) for t in mishra.titles] == [
        (5378, "Shinzo Abe’s North Korea Strategy"),
        (4917, "India-Japan-US Trilateral: India’s Policy for the Indo-Pacific"),
        (4842, "Russia and North Korea: Replaying Old Games"),
        (None, "China-South Korea Ties: Implications for the US Pivot to Asia"),
    ]


def test_columnist_page_merges_with_sidebar_name(columns):
    (bibhu,) = columns["Red Affairs"].columnists
    assert bibhu.person.names == ("Bibhu Prasad", "Bibhu Prasad Routray")
    assert bibhu.affiliation.text == "Director, Mantraya.org, and Visiting Fellow"
    assert [t.title for t in bibhu.titles] == [
        "Forecast 2017: LWE Still Holding On",
        "Return of the Native",
    ]


def test_listing_only_titles_count_as_known_not_held(columns):
    (asanga,) = columns["Dateline Colombo"].columnists
    assert asanga.articles == 0
    assert [(t.number, t.held) for t in asanga.titles] == [(4887, False), (4823, False)]


def test_unsigned_and_columnless(columns):
    assert [t.number for t in columns["IPCS Discussion"].unsigned] == [4830]
    assert [c.person.name for c in columns[None].columnists] == ["Shankari Sundararaman"]


def test_select_by_author_and_column():
    cols = gather_columns(RECORDS, PAGES)
    (only,) = select_columns(cols, author="mishra")
    assert only.name == EAC
    assert [c.name for c in select_columns(cols, column="dateline")] == ["Dateline Colombo"]


def test_select_errors():
    cols = gather_columns(RECORDS, PAGES)
    with pytest.raises(NotFoundError) as e:
        select_columns(cols, author="Mishar")
    assert e.value.message == "No columnist matching 'Mishar'; did you mean: Sandip Kumar Mishra?"
    with pytest.raises(NotFoundError) as e:
        select_columns(cols, column="Big Picture")
    assert e.value.message == "No column matching 'Big Picture'"
    with pytest.raises(NotFoundError) as e:
        select_columns(cols, column="Red Affairs", author="Chandran")
    assert e.value.message == "No columnist matching 'Chandran' in Red Affairs"
    # A name with no word in it would be in every name.
    for given in ({"column": "("}, {"author": "%"}, {"column": "*", "author": "Mishra"}):
        with pytest.raises(UsageError, match=r"^--(column|author) '.' has no words to look for$"):
            select_columns(cols, **given)


def test_json_shape(columns):
    data = columns[EAC].to_dict()
    assert data["column"] == EAC
    c = data["columnists"][0]
    assert set(c) == {
        "name",
        "names",
        "honorific",
        "affiliation",
        "affiliation_date",
        "articles",
        "first",
        "last",
        "titles",
    }
    assert c["titles"][0] == {
        "title": "Shinzo Abe’s North Korea Strategy",
        "number": 5378,
        "date": "2017-10-09",
        "column": EAC,
        "in_corpus": True,
    }


def test_seed_page_sidebar_gives_all_seventeen_columns(shared_pages):
    page = parse_file(shared_pages / "4842-old.txt")
    cols = gather_columns([], [page])
    assert [c.name for c in cols] == [*SEED_COLUMNS, None]
    assert [c.person.name for c in cols[-1].columnists] == [
        "Shankari Sundararaman",
        "Sushant Sareen",
    ]
    eac = cols[SEED_COLUMNS.index("East Asia Compass")]
    assert [c.person.name for c in eac.columnists] == ["Sandip Kumar Mishra"]
    assert eac.columnists[0].person.names == ("Sandip Kumar Mishra", "Sandip Mishra")
