"""British and American spellings find each other: pages say "defence", readers type either."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from search_world import FILLER, found, library_of, old_page, write

from ipcsreader.archive.search import SearchQuery
from ipcsreader.library import Library
from ipcsreader.store import fields
from ipcsreader.store.fields import one_spelling

BRITISH = (
    "The defence ministry's programme to modernise the navy was organised at the centre of "
    "the neighbourhood, and the labour unions favoured it. "
)
AMERICAN = (
    "The defense department's program to modernize the army was organized at the center of "
    "the neighborhood, and the labor unions favored it. "
)
OTHER = "Tea prices rose in the hill markets after a dry spring. "


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    pages = {8601: ("Naval Notes", BRITISH), 8602: ("Army Notes", AMERICAN)}
    return library_of(tmp_path_factory.mktemp("spellings"), pages, other=OTHER, padding=6)


@pytest.mark.parametrize(
    "pair",
    [
        ("defence", "defense"),
        ("defences", "defenses"),
        ("programme", "program"),
        ("organisation", "organization"),
        ("organised", "organized"),
        ("organisational", "organizational"),
        ("civilisational", "civilizational"),
        ("recognisable", "recognizable"),
        ("realisably", "realizably"),
        ("modernising", "modernizing"),
        ("analyse", "analyze"),
        ("neighbourhood", "neighborhood"),
        ("favoured", "favored"),
        ("labour", "labor"),
        ("centre", "center"),
        ("centred", "centered"),
        ("kilometres", "kilometers"),
    ],
)
def test_either_spelling_is_one_word(pair: tuple[str, str]) -> None:
    british, american = pair
    assert one_spelling(british) == one_spelling(american)


@pytest.mark.parametrize(
    "word",
    ["rise", "raise", "prise", "actor", "sector", "honorary", "water", "after", "crisis", "size"],
)
def test_words_with_one_spelling_keep_it(word: str) -> None:
    # Ending like a variant ("-ise", "-or", "-er") is not enough: no other word is made.
    assert one_spelling(word) in (word, word[:-2] + "ze")
    assert one_spelling(word) != one_spelling(word + "x")


# Words made of the rules' pieces, so that every rule gets to match, or nearly.
_PIECES = [
    "organ",
    "is",
    "ys",
    "iz",
    "e",
    "es",
    "ed",
    "ing",
    "er",
    "ers",
    "ation",
    "al",
    "ly",
    "able",
    "s",
]
_PIECES += ["neighbo", "ur", "hood", "cent", "re", "defen", "se", "program", "a", "x", "é"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_PIECES), max_size=5).map("".join))
@example("organisations")
@example("neighbourhood")
@example("centreing")
@example("programs")
def test_the_quick_look_changes_nothing(word: str) -> None:
    # one_spelling skips the rules when one search finds none matches: what every rule
    # in turn gives, as it stands.
    expected = word
    for pattern, replacement in fields._SPELLINGS:
        changed = pattern.sub(replacement, word)
        if changed != word:
            if pattern is fields._SPELLINGS[2][0]:
                changed = fields._RE_ENDINGS.sub(lambda m: "r" + m[1], changed)
            expected = changed
            break
    assert one_spelling(word) == expected


@pytest.mark.parametrize(
    "query",
    [
        "defence",
        "defense",
        "programme",
        "program",
        "organisation",
        "organized",
        "neighborhood",
        "labour",
        "center",
        "centre",
        "favor",
        "modernise",
        '"organized at the center"',
        '"organised at the centre"',
        "defence center neighborhood",
    ],
)
def test_a_search_finds_both_spellings(library: Library, query: str) -> None:
    assert found(library, query) == [8601, 8602]


def test_a_british_prefix_still_finds_the_british_page(library: Library) -> None:
    # "neighbourhood" is searched as "neighborhood", and indexed as written as well: a
    # prefix of the British spelling that is none of the American one still finds it.
    assert found(library, "neighbou*") == [8601]
    assert found(library, "neighbour*") == [8601, 8602]


def test_the_word_as_written_is_marked_in_the_snippet(library: Library) -> None:
    hits = library.search(SearchQuery("defense neighborhood")).hits
    marked = {h.number: {h.snippet[a:b] for a, b in h.highlights} for h in hits}
    assert marked[8601] >= {"defence", "neighbourhood"}
    assert marked[8602] >= {"defense", "neighborhood"}


def test_spelling_suggestions_keep_the_page_spelling(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "8610-old.txt", old_page(8610, "Naval Notes", [BRITISH, FILLER]))
    lib = Library([corpus], tmp_path / "index")
    lib.update()
    result = lib.search(SearchQuery("neighbourhoood"))
    assert "neighbourhood" in (result.suggestion or "")
    result = lib.search(SearchQuery("neighbourhoood", respell=True))
    assert result.respelt == (("neighbourhoood", "neighbourhood"),)


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        # A typo in the other spelling: one letter off the page's word, as searched.
        ("neighobrhood", "neighbourhood"),
        ("modernzie", "modernise"),
        ("orgainzed", "organised"),
        ("favroed", "favoured"),
    ],
)
def test_a_typo_in_the_other_spelling_is_respelt(
    british_only: Library, typed: str, searched: str
) -> None:
    result = british_only.search(SearchQuery(typed, respell=True))
    assert (result.respelt, [h.number for h in result.hits]) == (((typed, searched),), [8610])


@pytest.fixture(scope="module")
def british_only(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return library_of(tmp_path_factory.mktemp("british"), {8610: ("Naval Notes", BRITISH)})


def test_a_word_the_pages_hold_is_no_misspelling(tmp_path: Path) -> None:
    # "police" is in one page, past the opening the suggestions' word list keeps; "policy"
    # opens six. A reader asking for the police is not asked whether they meant policy,
    # nor for "Biden" whether they meant "been"; a word no page holds still is.
    corpus = tmp_path / "corpus"
    late = FILLER * 12 + " The police and Biden met in Ranchi."
    write(corpus, "8620-old.txt", old_page(8620, "Ranchi Notes", [late]))
    for n in range(8621, 8627):
        write(corpus, f"{n}-old.txt", old_page(n, "Policy Notes", ["The policy has been set."]))
    lib = Library([corpus], tmp_path / "index")
    lib.update()
    for held in ("police Ranchi", "Biden Ranchi"):
        result = lib.search(SearchQuery(held))
        assert [h.number for h in result.hits] == [8620], held
        assert result.suggestion is None, held
    assert lib.search(SearchQuery("Ranchi polise")).suggestion == "Ranchi policy"
