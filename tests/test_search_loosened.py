"""A quoted phrase no article holds as typed (a quotation remembered a word off): searched
as its words, those close together first, and the reader told so (store/running.py,
_loosen; rewrites.loosened_phrases)."""

from __future__ import annotations

import json

import pytest
from search_world import dirs_of, library_of, searched
from typer.testing import CliRunner

from ipcsreader.archive.search import SearchQuery
from ipcsreader.cli import app
from ipcsreader.library import Library
from ipcsreader.store.rewrites import loosened_phrases

QUOTED = 9301  # "annihilation of class enemies", the words together
SCATTERED = 9302  # the same words, far apart
OTHER = 9303  # none of them


@pytest.mark.parametrize(
    ("text", "loosened", "phrases"),
    [
        ('"annihilation of the class enemy"', "(annihilation of the class enemy)", 1),
        ('naxal "class enemy" 1969', "naxal (class enemy) 1969", 1),
        ('("class enemy" OR "armed struggle")', "((class enemy) OR (armed struggle))", 2),
        ('"class enemy"~2', "(class enemy)", 1),
        # Operators and syntax inside the quotes stay words, not operators.
        ('"law AND order: a note*"', "(law and order a note)", 1),
        # Left as typed: a field's phrase, one left out, one word, no phrase at all.
        ('title:"class enemy"', 'title:"class enemy"', 0),
        ('naxal -"class enemy"', 'naxal -"class enemy"', 0),
        ('naxal NOT "class enemy"', 'naxal NOT "class enemy"', 0),
        ('"annihilation"', '"annihilation"', 0),
        ("class enemy", "class enemy", 0),
    ],
)
def test_which_phrases_are_loosened(text: str, loosened: str, phrases: int) -> None:
    out, found = loosened_phrases(text)
    assert (out, len(found)) == (loosened, phrases)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    together = "The party called for the annihilation of class enemies in the villages."
    apart = (
        "Annihilation was a word the party used. Years later class structure in villages "
        "had changed, and old enemies had moved to towns."
    )
    pages = {
        QUOTED: ("Red Notes", together),
        SCATTERED: ("Town Notes", apart),
        OTHER: ("Port Notes", "Ships came in."),
    }
    return library_of(tmp_path_factory.mktemp("loosened"), pages)


def test_a_phrase_no_page_holds_finds_its_words_close_together_first(
    library: Library,
) -> None:
    result = library.search(SearchQuery('"annihilation of the class enemy"'))
    assert [h.number for h in result.hits] == [QUOTED, SCATTERED]
    assert result.loosened == ("annihilation of the class enemy",)


@pytest.mark.parametrize(
    ("query", "loosened", "relaxed", "hits"),
    [
        ('"annihilation of class enemies"', (), False, [QUOTED]),  # held as typed
        ('"zebra crossing"', (), False, []),  # not even its words are there
        # Held by a page that lacks another word: never loosened for want of that word.
        ('"class enemies" zebra', (), True, [QUOTED]),
        # Loosened, then any of the words, as other words are.
        ('"class struggle of zebras"', ("class struggle of zebras",), True, [QUOTED, SCATTERED]),
    ],
)
def test_a_phrase_is_loosened_only_where_no_page_holds_it(
    library: Library,
    query: str,
    loosened: tuple[str, ...],
    relaxed: bool,
    hits: list[int],
) -> None:
    result = library.search(SearchQuery(query))
    assert (result.loosened, result.relaxed) == (loosened, relaxed)
    assert sorted(h.number for h in result.hits) == hits


def test_a_description_with_a_phrase_no_page_holds_has_it_loosened(
    library: Library,
) -> None:
    # Four words, in lower case: ranked as a description is, from any of its parts.
    result = library.search(SearchQuery('"annihilation of the class enemy" villages'))
    assert result.described and result.loosened == ("annihilation of the class enemy",)
    assert [h.number for h in result.hits][:1] == [QUOTED]


def test_among_chosen_articles_a_phrase_is_kept_as_typed(
    library: Library,
) -> None:
    # The desk's words and ipcs new search for what was asked, no less.
    chosen = frozenset({QUOTED, SCATTERED})
    result = library.search(SearchQuery('"annihilation of the class enemy"', only=chosen))
    assert result.total == 0 and result.loosened == ()


def test_the_reader_is_told_the_phrase_was_not_found_as_such(
    library: Library,
) -> None:
    query = '"annihilation of the class enemy"'
    assert searched(library, query).startswith(
        "No article has the phrase “annihilation of the class enemy”; showing those with its "
        "words.\n"
    )
    data = json.loads(searched(library, query, "--json"))
    assert data["loosened"] == ["annihilation of the class enemy"]
    kept = json.loads(searched(library, '"class enemies"', "--json"))
    assert kept["loosened"] == []


def test_no_hits_quote_the_query_as_typed(library: Library) -> None:
    shown = CliRunner().invoke(app, ["search", '"zebra crossing"', *dirs_of(library)])
    assert shown.exit_code == 1
    assert shown.stdout.startswith('No articles match “"zebra crossing"”.\n')


def test_the_corpus_folder_is_left_as_it_was(library: Library) -> None:
    assert sorted(p.name for p in library.corpus_dirs[0].iterdir()) == [
        f"{n}-old.txt" for n in (QUOTED, SCATTERED, OTHER)
    ]


@pytest.mark.parametrize(
    "command",
    [
        ["export"],
        ["cite", "--all-hits"],
        ["trend"],
    ],
)
def test_commands_taking_every_hit_say_when_the_query_was_not_found_as_typed(
    library: Library, command: list[str]
) -> None:
    dirs = dirs_of(library)
    loosened = CliRunner().invoke(app, [*command, '"annihilation of the class enemy"', *dirs])
    assert loosened.exit_code == 0, loosened.output
    said = (
        "No article has the phrase “annihilation of the class enemy”; took those with its words.\n"
    )
    assert loosened.stderr.startswith(said)
    relaxed = CliRunner().invoke(app, [*command, "annihilation zebra", *dirs])
    assert relaxed.exit_code == 0, relaxed.output
    assert "No article has all of these words; took those with any.\n" in relaxed.stderr
    plain = CliRunner().invoke(app, [*command, '"class enemies"', *dirs])
    assert plain.exit_code == 0 and "No article has" not in plain.stderr
