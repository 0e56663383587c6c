"""A word no article holds, as near one word of the archive as another, is searched as the
one the pages hold with the query's other words ("presdent Ghani visit": *president*, not
the commoner *present*); with no other word to weigh it by, as the one most pages use."""

from __future__ import annotations

from pathlib import Path

import pytest
from search_world import FILLER, library_of, old_page, searched, write

from ipcsreader.archive.search import SearchQuery
from ipcsreader.library import Library

VISIT = "The president of Afghanistan, Ashraf Ghani, began his visit to Islamabad."
# A word a letter off the same typo, on more pages, none of them with the query's others.
BUDGET = "The present budget keeps the present rates, as at present, for the present year."
# Says "reluctance" only after the opening the vocabulary of spellings is read from.
LATE = (
    "Tea prices rose in the hill markets after a dry spring. " * 30 + "Delhi shed its reluctance."
)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    pages = {8941: ("Ghani in Islamabad", VISIT)}
    pages.update({n: ("Budget Notes", BUDGET) for n in range(8942, 8946)})
    return library_of(
        tmp_path_factory.mktemp("respelling"), pages, other="Tea prices rose.", padding=6
    )


@pytest.mark.parametrize(
    ("query", "spelling"),
    [
        ("presdent Ghani visit", "president"),
        ("Ghani's visit: the presdent", "president"),
        ("presdent budget", "present"),
        ("presdent", "present"),  # no other word: the one most pages use
    ],
)
def test_the_spelling_searched_is_the_one_found_with_the_other_words(
    library: Library, query: str, spelling: str
) -> None:
    assert dict(library.search(SearchQuery(query, respell=True)).respelt) == {"presdent": spelling}


def test_through_the_command_line(library: Library) -> None:
    out = searched(library, "presdent Ghani visit")
    assert 'No article says "presdent": searched for "president" instead.' in out
    assert "Ghani in Islamabad" in out


def test_a_fields_word_is_not_weighed_by_the_texts(tmp_path: Path) -> None:
    # "Looing" is a letter off "looking" (the column's, and more pages') and "losing"
    # (said beside "tariff" on more pages than the column's one).
    pages = [old_page(8951, "Tariff East", ["The tariff."], column="Looking East")]
    pages += [old_page(n, "Losses", ["Losing the tariff."]) for n in range(8952, 8955)]
    pages += [old_page(n, "Looking Ahead", ["Tea.", FILLER]) for n in range(8955, 8960)]
    for number, page in enumerate(pages, 8951):
        write(tmp_path / "corpus", f"{number}-old.txt", page)
    library = Library([tmp_path / "corpus"], tmp_path / "index")
    library.update()
    result = library.search(SearchQuery('column:"Looing East" tariff', respell=True))
    assert dict(result.respelt) == {"Looing": "Looking"}
    assert [h.number for h in result.hits] == [8951]
