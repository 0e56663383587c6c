"""An epithet the press gives a country or a leader finds the page naming it
(store/epithets): "hermit kingdom" finds North Korea, after a page saying the epithet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from search_world import library_of, searched

from ipcsreader.archive.search import SearchQuery
from ipcsreader.library import Library
from ipcsreader.model import AlsoRead
from ipcsreader.store.epithets import named, words_of


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("hermit kingdom nuclear", '((hermit kingdom) OR ("north korea")^0.5) nuclear'),
        ("Land of the Rising Sun Kurils", "((Land of the Rising Sun) OR (japan)^0.5) Kurils"),
        # A possessive, hyphens for spaces, any case, a word of one.
        ("Hermit Kingdom's nukes", '((Hermit Kingdom\'s) OR ("north korea")^0.5) nukes'),
        ("chicken neck", '((chicken neck) OR ("siliguri corridor")^0.5)'),
        ("Quaid-e-Azam", "((Quaid-e-Azam) OR (jinnah)^0.5)"),
        ("NaMo rally", "((NaMo) OR (modi)^0.5) rally"),
        ("Red Corridor ambush", "((Red Corridor) OR (maoist)^0.5) ambush"),
        ("Pindi and Kabul", "((Pindi) OR (rawalpindi)^0.5) and Kabul"),
        # Two others.
        ("seven sisters", '((seven sisters) OR (northeast OR "north east")^0.5)'),
        # As typed: quoted, a field's value, a prefix, part of a longer word.
        ('"hermit kingdom"', '"hermit kingdom"'),
        ("title:hermit kingdom", "title:hermit kingdom"),
        ("namo*", "namo*"),
        ("namoste kingdoms", "namoste kingdoms"),
    ],
)
def test_an_epithet_is_also_searched_as_what_it_stands_for(typed: str, read: str) -> None:
    assert named(typed)[0] == read


def test_the_words_of_an_epithet_typed() -> None:
    assert words_of("Pearl of the Indian Ocean brain drain") == {
        "pearl",
        "of",
        "the",
        "indian",
        "ocean",
    }
    assert words_of("pearl brain drain") == frozenset()


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return library_of(
        tmp_path_factory.mktemp("epithets"),
        {
            9801: ("Test Notes", "North Korea carried out its sixth nuclear test."),
            9802: ("Kingdom Notes", "The hermit kingdom carried out a nuclear test."),
            9803: ("Power Notes", "India's nuclear test came in 1998."),
            9804: ("Talent Notes", "Sri Lanka loses its doctors abroad: a brain drain."),
        },
        other="Commentary on other matters.",
        padding=6,
    )


def test_a_page_saying_the_epithet_comes_before_one_naming_the_country(
    library: Library,
) -> None:
    result = library.search(SearchQuery("hermit kingdom test"))
    assert [(h.number, h.matched) for h in result.hits[:2]] == [(9802, "all"), (9801, "all")]
    assert 9803 not in [h.number for h in result.hits if h.matched == "all"]
    assert dict(result.also_said) == {"hermit kingdom": "north korea"}


def test_an_epithet_s_words_are_not_respelt(library: Library) -> None:
    # No page says "pearl": the word is the reader's own, no misspelling of another.
    result = library.search(SearchQuery("Pearl of the Indian Ocean brain drain"))
    assert [(h.number, h.matched) for h in result.hits[:1]] == [(9804, "all")]
    assert result.respelt == ()


def test_a_reading_marks_what_an_epithet_stands_for(library: Library) -> None:
    assert library.also_read("hermit kingdom test") == AlsoRead(
        said=(("hermit kingdom", "north korea"),)
    )


def test_through_the_command_line(library: Library) -> None:
    shown = searched(library, "hermit kingdom test")
    assert "hermit kingdom also searched as north korea, weighted below the word typed.\n" in (
        shown
    )
    data = json.loads(searched(library, "hermit kingdom test", "--json"))
    assert [h["number"] for h in data["hits"] if h["matched"] == "all"] == [9802, 9801]
    assert data["also_said"] == {"hermit kingdom": "north korea"}


def test_an_epithet_s_words_are_no_misspelling(tmp_path: Path) -> None:
    # No page says "hermit" or "kingdom"; one says "Herat", a letter off "hermit".
    lib = library_of(tmp_path, {9811: ("Test Notes", "North Korea tested in Herat.")})
    shown = searched(lib, "hermit kingdom tested")
    assert "#9811" in shown
    assert "Did you mean" not in shown
