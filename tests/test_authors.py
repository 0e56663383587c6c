"""Authors: table, profile, "More by"."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from read_world import PAGES, RECORDS, record_4842

from ipcsreader.archive.authors import AuthorRow, Authors, more_by
from ipcsreader.archive.people import Person
from ipcsreader.errors import NotFoundError
from ipcsreader.render.authors import AuthorTable, render_author_table


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


# Names as pages print them: spaces, long words, wide and combining characters, NBSP.
_NAME = st.text(alphabet=st.sampled_from("ab Z中é\u0301\u00a0-.'"), min_size=1, max_size=30)
_ROWS = st.lists(
    st.tuples(
        _NAME,
        st.integers(0, 2000),
        st.integers(0, 3000),
        st.one_of(st.none(), st.integers(1990, 2030)),
        st.integers(0, 9),
    ),
    max_size=12,
)


def _author_rows(rows: list[tuple[str, int, int, int | None, int]]) -> list[AuthorRow]:
    return [
        AuthorRow(
            Person(name, (name,), None, name),
            held,
            known,
            first,
            None if first is None else first + span,
        )
        for name, held, known, first, span in rows
    ]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(rows=_ROWS, width=st.integers(20, 130))
@example(rows=[], width=80)
@example(rows=[("Sandip Kumar Mishra", 3, 5, 2015, 2)], width=80)
@example(rows=[("Sandip Kumar Mishra", 3, 5, 2015, 2)], width=34)
# 48 columns: the table's width exactly; 47: one too few, the name wraps.
@example(rows=[("Sandip Kumar Mishra", 3, 5, 2015, 2)], width=48)
@example(rows=[("Sandip Kumar Mishra", 3, 5, 2015, 2)], width=47)
def test_the_plain_author_table_is_the_tables(
    rows: list[tuple[str, int, int, int | None, int]], width: int
) -> None:
    # Without colours the table's lines are written from the cells when nothing wraps:
    # what printing the table and its caption gives, trailing spaces dropped.
    from rich.console import Console, Group

    view = render_author_table(_author_rows(rows))
    assert isinstance(view, AuthorTable)
    console = Console(width=width, color_system=None, highlight=False, emoji=False)
    with console.capture() as captured:
        console.print(Group(view.table(), view.caption))
    expected = [line.rstrip(" ") for line in captured.get().split("\n")[:-1]]
    assert list(view.plain_lines(console, console.options)) == expected


def test_the_plain_author_table_skips_the_table_when_nothing_wraps() -> None:
    from rich.console import Console

    view = render_author_table(_author_rows([("Sandip Kumar Mishra", 3, 5, 2015, 2)]))
    assert isinstance(view, AuthorTable)
    wide, narrow = (Console(width=w, color_system=None) for w in (80, 30))
    assert view._unwrapped(wide.options) is not None
    assert view._unwrapped(narrow.options) is None  # "Sandip Kumar Mishra" wraps
