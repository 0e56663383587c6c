"""A citation key typed as a word (``mishra2015russia``): read as the byline's surname, the
year and the title's words (ipcsreader.store.citekeys), and searched so: the key
``ipcs cite --style bibtex`` writes finds its article again."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from search_world import FILLER, dirs_of, old_page, searched, write
from typer.testing import CliRunner

from ipcsreader.archive.search import SearchQuery
from ipcsreader.cite.styles import bibtex_key
from ipcsreader.cli import app
from ipcsreader.library import Library
from ipcsreader.model import AlsoRead
from ipcsreader.store.citekeys import readings, spelt

BYLINES = {"mishra", "hussain"}
WORDS = {"russia", "myanmar", "naga", "korea", "short", "sea"}


def read(text: str) -> dict[str, str]:
    return readings(
        text, byline=lambda name: name.lower() in BYLINES, held=lambda w: w.lower() in WORDS
    )


@pytest.mark.parametrize(
    ("typed", "reading"),
    [
        ("mishra2015russia", {"mishra2015russia": "author:mishra year:2015 russia"}),
        ("Mishra2015Russia korea", {"Mishra2015Russia": "author:Mishra year:2015 Russia"}),
        ("mishra2015", {"mishra2015": "author:mishra year:2015"}),
        # A bibliography's letter telling two keys apart.
        ("mishra2015russiab", {"mishra2015russiab": "author:mishra year:2015 russia"}),
        # Title words run together, as other tools write keys.
        (
            "Hussain2015myanmarnaga",
            {"Hussain2015myanmarnaga": "author:Hussain year:2015 myanmar naga"},
        ),
        ("hussain2015shortsea", {"hussain2015shortsea": "author:hussain year:2015 short sea"}),
        # Letters no article holds, however cut, are left out: the byline and year remain.
        ("mishra2015zqxv", {"mishra2015zqxv": "author:mishra year:2015"}),
        # Keys cited in LaTeX.
        (r"\cite{mishra2015russia}", {"mishra2015russia": "author:mishra year:2015 russia"}),
    ],
)
def test_a_key_reads_as_byline_year_and_title_words(typed: str, reading: dict[str, str]) -> None:
    assert read(typed) == reading


@pytest.mark.parametrize(
    "typed",
    [
        "vision2030 india",  # no byline prints "vision"
        "pak2015 forecast",
        '"mishra2015russia"',  # a phrase takes its words as typed
        "author:mishra2015",  # a field's value
        "mishra2015* mishra2015~1 mishra2015^2",  # a prefix, a fuzzy or boosted word
        "#mishra2015 @mishra2015 ipcs.org/mishra2015",  # a hashtag, a handle, an address
        "mishra-2015 mishra2015-16 mishra15 mishra20155",  # no key's shape
        "mishra1815russia",  # no year of the archive
        "korea NOT mishra2015russia",  # left out as typed: NOT takes one clause
        "korea ANDNOT mishra2015russia",
    ],
)
def test_what_is_no_key_is_left_as_typed(typed: str) -> None:
    assert read(typed) == {}


def test_a_key_some_page_prints_as_a_word_is_that_word() -> None:
    reading = readings("korea2015 talks", byline=lambda name: True, held=lambda w: w == "korea2015")
    assert reading == {}


def test_the_reading_is_searched_with_the_year_as_a_range() -> None:
    keys = {"mishra2015russia": "author:mishra year:2015 russia"}
    typed = 'mishra2015russia "mishra2015russia" korea NOT mishra2015russia'
    assert spelt(typed, keys, parsed=False) == (
        'author:mishra year:2015 russia "mishra2015russia" korea NOT mishra2015russia'
    )
    assert spelt(typed, keys, parsed=True) == (
        'author:mishra year:[2015 TO 2015] russia "mishra2015russia" korea NOT mishra2015russia'
    )


PAGES = [
    (8801, "Russia and North Korea: Replaying Old Games", "Sandip Kumar Mishra", 2015),
    (8802, "Russia and Japan: The Kuril Question", "Sandip Kumar Mishra", 2016),
    (8803, "North Korea and Russia: Old Friends", "Sandip Kumar Mishra", 2016),
    (8804, "Myanmar in New Delhi's Naga Riddle", "Wasbir Hussain", 2015),
    (8805, "The Naga Talks Stall Again", "Wasbir Hussain", 2015),
    (8806, "Short Sea Shipping in the Bay of Bengal", "Vijay Sakhuja", 2017),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root: Path = tmp_path_factory.mktemp("citekeys")
    for number, title, author, year in PAGES:
        body = f"{title}. The talks went on through the year. {FILLER}"
        page = old_page(number, title, [body], author=author, date=dt.date(year, 5, 4))
        write(root / "corpus", f"{number}-old.txt", page)
    library = Library([root / "corpus"], root / "index")
    library.update()
    return library


@pytest.mark.parametrize("number", [number for number, *_ in PAGES])
def test_the_key_cite_writes_finds_its_article(library: Library, number: int) -> None:
    # Among the byline's pieces of that year only; first unless another of their titles
    # that year holds the key's word too (mishra2016russia: #8803 says Russia as well).
    record = library.record(number)
    key = bibtex_key(record)
    hits = library.search(SearchQuery(key, respell=True)).hits
    assert number in [hit.number for hit in hits[:2]], key
    assert {(hit.authors, hit.date.year) for hit in hits} == {(record.authors, record.date.year)}
    if number != 8802:
        assert hits[0].number == number, key


def test_keys_run_together_find_the_article(library: Library) -> None:
    for key, number in (("Hussain2015myanmarnaga", 8804), ("Sakhuja2017shortsea", 8806)):
        assert library.search(SearchQuery(key, respell=True)).hits[0].number == number


def test_the_command_line_says_how_the_key_was_read(library: Library) -> None:
    out = searched(library, "mishra2016north")
    assert out.startswith(
        'No article says "mishra2016north": searched for "author:mishra year:2016 north" instead.\n'
    )
    assert "#8803" in out and "#8802" not in out
    data = json.loads(searched(library, "mishra2016north", "--json"))
    assert [hit["number"] for hit in data["hits"]] == [8803]


def test_a_key_of_nobody_is_searched_as_typed(library: Library) -> None:
    result = CliRunner().invoke(app, ["search", "nobody2015russia", *dirs_of(library)])
    assert result.exit_code == 1  # nothing found, as for any query
    assert "No articles match “nobody2015russia”" in result.output


def test_a_reading_marks_the_title_words_not_the_fields() -> None:
    also = AlsoRead(
        respelt=(
            ("mishra2015russia", "author:mishra year:2015 russia"),
            ("mishra2015", "author:mishra year:2015"),
            ("Misrha", "Mishra"),
        )
    )
    assert also.others() == ["russia", "Mishra"]
