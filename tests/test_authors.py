"""Authors: table, profile, "More by"."""

from __future__ import annotations

import pytest
from read_world import PAGES, RECORDS, record_4842

from ipcsreader.archive.authors import Authors, more_by
from ipcsreader.errors import NotFoundError


@pytest.fixture
def authors():
    return Authors(RECORDS, PAGES)


def test_table_counts_each_person_once(authors):
    rows = {r.person.name: r for r in authors.table()}
    assert list(rows) == [
        "Asanga Abeyagoonasekera",
        "D Suba Chandran",
        "Sandip Kumar Mishra",
        "Bibhu Prasad Routray",
        "Shankari Sundararaman",
    ]
    mishra = rows["Sandip Kumar Mishra"]
    assert (mishra.articles, mishra.known, mishra.first_year, mishra.last_year) == (
        3,
        5,
        2015,
        2017,
    )
    asanga = rows["Asanga Abeyagoonasekera"]
    assert (asanga.articles, asanga.known) == (0, 2)
    assert rows["Shankari Sundararaman"].first_year is None


def test_profile(authors):
    (person,) = authors.find("Dr S. Mishra")
    p = authors.profile(person)
    assert p.columns == ("East Asia Compass",)
    assert [(a.text, str(a.first), str(a.last)) for a in p.affiliations] == [
        (
            "Assistant Professor, Department of East Asian Studies, University of Delhi",
            "2015-03-02",
            "2015-03-02",
        ),
        (
            "Assistant Professor, Department of East Asian Studies, Delhi University",
            "2015-10-05",
            "2015-10-05",
        ),
        ("Associate Professor, Centre for East Asian Studies, JNU", "2017-10-09", "2017-10-09"),
    ]
    assert [t.number for t in p.articles] == [5378, 4917, 4842]
    assert [t.title for t in p.listed] == [
        "Trump's Visit to East Asia",
        "China-South Korea Ties: Implications for the US Pivot to Asia",
    ]
    data = p.to_dict()
    assert set(data) == {
        "name",
        "names",
        "honorific",
        "affiliations",
        "columns",
        "articles",
        "listed",
    }


def test_find_unknown_author(authors):
    with pytest.raises(NotFoundError) as e:
        authors.find("Chandrun")
    assert e.value.message == "No author matching 'Chandrun'; did you mean: D Suba Chandran?"


def test_more_by_skips_the_article_itself_and_adds_listed_titles():
    more = more_by(record_4842(), RECORDS)
    assert [(t.number, t.title) for t in more] == [
        (5378, "Shinzo Abe’s North Korea Strategy"),
        (4917, "India-Japan-US Trilateral: India’s Policy for the Indo-Pacific"),
        (None, "Trump's Visit to East Asia"),
    ]
    assert len(more_by(record_4842(), RECORDS, limit=1)) == 1


def test_more_by_nobody():
    assert more_by(RECORDS[1], RECORDS) == []
