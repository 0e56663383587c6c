"""A slip in a query's syntax (a quote or bracket left unpaired, an operator with no word on
one side, operators piled up, a field with no value) is left out and the rest searched,
said so, as a web search would answer it; what the query language cannot read any other
way is still refused."""

from __future__ import annotations

import json

import pytest
from search_world import dirs_of, library_of, searched
from typer.testing import CliRunner

from ipcsreader.archive.search import SearchQuery, plan
from ipcsreader.cli import app
from ipcsreader.errors import QueryError
from ipcsreader.library import Library

QUOTE = 'an unclosed quote (")'


@pytest.mark.parametrize(
    ("typed", "read", "slips"),
    [
        # A quote left open: quotes pair from the first, the last is the one left out.
        ('"spring offensive taliban', "spring offensive taliban", (QUOTE,)),
        ('nepal protests" jaiswal', "nepal protests jaiswal", (QUOTE,)),
        ('"brain drain" sri "lanka', '"brain drain" sri lanka', (QUOTE,)),
        # Brackets with no partner, outside quotes; those paired stay.
        ("(AQIS OR al qaeda PNS", "AQIS OR al qaeda PNS", ("a “(” never closed",)),
        (
            "(sukma AND maoist) counter)",
            "(sukma AND maoist) counter",
            ("a “)” with no “(” before it",),
        ),
        ('"(kuril" islands', '"(kuril" islands', ()),
        # Operators with no word on one side; AND and OR may be words of a phrase.
        ("deep sea jiaolong AND", "deep sea jiaolong", ("“AND” with no word after it",)),
        ("OR durand line", "durand line", ("“OR” with no word before it",)),
        ("korea NOT", "korea", ("“NOT” with no word after it",)),
        ("NOT korea", "NOT korea", ()),  # every article but those
        ('"peace OR conflict" nepal', '"peace OR conflict" nepal', ()),
        # Operators piled up: the last says how the next word joins.
        (
            "kanu sanyal AND NOT OR naxal",
            "kanu sanyal OR naxal",
            ("“AND NOT OR” in a row, read as “OR”",),
        ),
        (
            "korea OR AND NOT russia",
            "korea AND NOT russia",
            ("“OR AND NOT” in a row, read as “AND NOT”",),
        ),
        ("korea AND NOT russia", "korea AND NOT russia", ()),
        # A field with no value; a quoted one is a value.
        ("abe missiles 2017 year:", "abe missiles 2017", ("“year:” with no value",)),
        ('karachi date:"" aqis', "karachi aqis", ("“date:” with no value",)),
        ('author:"Sandip Mishra" abe', 'author:"Sandip Mishra" abe', ()),
        # A desk field with a value it does not take: a platform's, pasted.
        ("in:#afpak has:link durand line", "durand line", ("“has:link” (has: takes note or tag)",)),
        ("korea is:maybe", "korea", ("“is:maybe” (is: takes read or unread)",)),
        ("korea has:note", "korea has:note", ()),
        # Slips of several kinds, each said.
        ("Year: AND korea", "korea", ("“year:” with no value", "“AND” with no word before it")),
    ],
)
def test_a_slip_is_left_out_and_said(typed: str, read: str, slips: tuple[str, ...]) -> None:
    checked = plan(SearchQuery(typed))
    assert (checked.text, checked.mended) == (read, slips)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        # What no reading mends.
        ("korea date:[2014", "the query has a range ('[' or '{') that is never closed"),
        ("korea *ism", "a word cannot start with '*' or '?'; put letters before them (nucl*)"),
        # Nothing left to search for.
        ("AND", "nothing to search for once left out: “AND” with no word after it"),
        ('"', 'nothing to search for once left out: an unclosed quote (")'),
    ],
)
def test_what_cannot_be_mended_is_refused(typed: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        plan(SearchQuery(typed))
    assert caught.value.message == message


def test_options_alone_still_choose_articles() -> None:
    assert plan(SearchQuery("AND", author="Mishra")).text == ""


@pytest.mark.parametrize("blank", ["", "  "])
def test_a_blank_option_chooses_nothing_and_the_slip_is_still_refused(blank: str) -> None:
    # A blank --author is no condition (the filters drop it), so nothing is left to search.
    with pytest.raises(QueryError, match="nothing to search for once left out"):
        plan(SearchQuery("AND", author=blank, column=blank, region=blank))


TRILATERAL = "The trilateral worries China. The trilateral met in New York."


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    pages = {8971: ("Three Partners", TRILATERAL), 8972: ("Tea Notes", "Tea prices rose.")}
    return library_of(tmp_path_factory.mktemp("mending"), pages, other="Tea prices.", padding=6)


@pytest.mark.parametrize(
    "typed",
    ['"trilateral china', "(trilateral china", "trilateral china AND", "OR trilateral china"],
)
def test_the_page_is_found_and_the_slip_said(library: Library, typed: str) -> None:
    result = library.search(SearchQuery(typed))
    assert [hit.number for hit in result.hits if hit.matched == "all"] == [8971]
    assert len(result.mended) == 1


def test_through_the_command_line(library: Library) -> None:
    out = searched(library, '"trilateral china')
    assert out.startswith('Left out of the query: an unclosed quote (").\n')
    assert "Three Partners" in out
    data = json.loads(searched(library, "trilateral china AND", "--json"))
    assert data["mended"] == ["“AND” with no word after it"]
    assert data["hits"][0]["number"] == 8971
    assert json.loads(searched(library, "trilateral china", "--json"))["mended"] == []


def test_an_export_says_the_slip_too(library: Library) -> None:
    result = CliRunner().invoke(app, ["cite", "--all-hits", '"trilateral', *dirs_of(library)])
    assert result.exit_code == 0, result.output
    assert 'Left out of the query: an unclosed quote (").' in result.stderr


def test_nothing_left_is_an_error_in_one_line(library: Library) -> None:
    result = CliRunner().invoke(app, ["search", "OR", *dirs_of(library)])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: nothing to search for once left out: “OR” with no word after it\n"
    )


def test_a_blank_author_leaves_nothing_to_search_either(library: Library) -> None:
    result = CliRunner().invoke(app, ["search", "OR", "--author", " ", *dirs_of(library)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: nothing to search for once left out")
