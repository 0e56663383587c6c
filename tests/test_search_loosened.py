"""A quoted phrase no article holds as typed (a quotation remembered a word off): searched
as its words, those close together first, and the reader told so (store/running.py,
_loosen; rewrites.loosened_phrases)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from search_world import FILLER, old_page, write
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
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, list[str]]:
    root = tmp_path_factory.mktemp("loosened")
    corpus = root / "corpus"
    together = "The party called for the annihilation of class enemies in the villages."
    apart = (
        "Annihilation was a word the party used. Years later class structure in villages "
        "had changed, and old enemies had moved to towns."
    )
    write(corpus, f"{QUOTED}-old.txt", old_page(QUOTED, "Red Notes", [together, FILLER]))
    write(corpus, f"{SCATTERED}-old.txt", old_page(SCATTERED, "Town Notes", [apart, FILLER]))
    write(corpus, f"{OTHER}-old.txt", old_page(OTHER, "Port Notes", ["Ships came in.", FILLER]))
    library = Library([corpus], root / "index")
    library.update()
    return library, ["--corpus", str(corpus), "--index", str(root / "index")]


def test_a_phrase_no_page_holds_finds_its_words_close_together_first(
    world: tuple[Library, list[str]],
) -> None:
    library, _ = world
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
    world: tuple[Library, list[str]],
    query: str,
    loosened: tuple[str, ...],
    relaxed: bool,
    hits: list[int],
) -> None:
    library, _ = world
    result = library.search(SearchQuery(query))
    assert (result.loosened, result.relaxed) == (loosened, relaxed)
    assert sorted(h.number for h in result.hits) == hits


def test_a_description_with_a_phrase_no_page_holds_has_it_loosened(
    world: tuple[Library, list[str]],
) -> None:
    # Four words, in lower case: ranked as a description is, from any of its parts.
    library, _ = world
    result = library.search(SearchQuery('"annihilation of the class enemy" villages'))
    assert result.described and result.loosened == ("annihilation of the class enemy",)
    assert [h.number for h in result.hits][:1] == [QUOTED]


def test_among_chosen_articles_a_phrase_is_kept_as_typed(
    world: tuple[Library, list[str]],
) -> None:
    # The desk's words and ipcs new search for what was asked, no less.
    library, _ = world
    chosen = frozenset({QUOTED, SCATTERED})
    result = library.search(SearchQuery('"annihilation of the class enemy"', only=chosen))
    assert result.total == 0 and result.loosened == ()


def test_the_reader_is_told_the_phrase_was_not_found_as_such(
    world: tuple[Library, list[str]],
) -> None:
    _, dirs = world
    query = '"annihilation of the class enemy"'
    shown = CliRunner().invoke(app, ["search", query, *dirs], env={"COLUMNS": "100"})
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith(
        "No article has the phrase “annihilation of the class enemy”; showing those with its "
        "words.\n"
    )
    data = CliRunner().invoke(app, ["search", query, "--json", *dirs])
    assert json.loads(data.stdout)["loosened"] == ["annihilation of the class enemy"]
    kept = CliRunner().invoke(app, ["search", '"class enemies"', "--json", *dirs])
    assert json.loads(kept.stdout)["loosened"] == []


def test_no_hits_quote_the_query_as_typed(world: tuple[Library, list[str]]) -> None:
    _, dirs = world
    shown = CliRunner().invoke(app, ["search", '"zebra crossing"', *dirs])
    assert shown.exit_code == 1
    assert shown.stdout.startswith('No articles match “"zebra crossing"”.\n')


def test_the_corpus_folder_is_left_as_it_was(world: tuple[Library, list[str]]) -> None:
    _, dirs = world
    assert sorted(p.name for p in Path(dirs[1]).iterdir()) == [
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
    world: tuple[Library, list[str]], command: list[str]
) -> None:
    _, dirs = world
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
