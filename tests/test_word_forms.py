"""Irregular forms find their base word: pages say "met", "fled", "crises", readers type
"meets", "flee", "crisis" (and the other way round)."""

from __future__ import annotations

from pathlib import Path

import pytest
from search_world import FILLER, old_page, write
from typer.testing import CliRunner

from ipcsreader import wordforms
from ipcsreader.archive.search import SearchQuery
from ipcsreader.cli import app
from ipcsreader.library import Library
from ipcsreader.render.read import highlight_pattern, marked

PAST = (
    "Modi met Xi in Wuhan after thousands fled the border villages. Two crises were "
    "overthrown governments, and women and children sought shelter."
)
PRESENT = (
    "Leaders meet in Wuhan as villagers flee the border. A crisis can overthrow "
    "governments, and a woman with a child seeks shelter."
)
OTHER = "Metal prices rose in the hill markets after a dry spring; the founders left early."


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("forms")
    corpus = root / "corpus"
    pages = {8701: ("Wuhan Notes", PAST), 8702: ("Border Notes", PRESENT)}
    for number in range(8703, 8709):
        pages[number] = ("Other Notes", OTHER)
    for number, (title, body) in pages.items():
        write(corpus, f"{number}-old.txt", old_page(number, title, [body, FILLER]))
    lib = Library([corpus], root / "index")
    lib.update()
    return lib


def numbers(library: Library, text: str) -> list[int]:
    return sorted(h.number for h in library.search(SearchQuery(text)).hits)


@pytest.mark.parametrize(
    ("form", "base"),
    [
        ("met", "meet"),
        ("fled", "flee"),
        ("crises", "crisis"),
        ("overthrown", "overthrow"),
        ("women", "woman"),
        ("children", "child"),
        ("sought", "seek"),
        ("withdrew", "withdraw"),
    ],
)
def test_an_irregular_form_is_read_as_its_base_word(form: str, base: str) -> None:
    assert wordforms.base_word(form) == base
    assert form in wordforms.written_forms(wordforms.stemmer()(base))


@pytest.mark.parametrize("word", ["left", "lay", "rose", "thought", "torn", "was", "meet", "metal"])
def test_words_of_another_meaning_keep_their_own(word: str) -> None:
    # "left" is also left-wing, "torn" tear gas, "thought" a school of thought.
    assert wordforms.base_word(word) == word


@pytest.mark.parametrize(
    "query",
    [
        "met Wuhan",
        "meets Wuhan",
        "meeting Wuhan",
        "fled border",
        "flee border",
        "crisis",
        "crises",
        "overthrow",
        "overthrown",
        "women",
        "woman",
    ],
)
def test_a_search_finds_either_form(library: Library, query: str) -> None:
    assert numbers(library, query) == [8701, 8702]


@pytest.mark.parametrize(
    ("query", "found"),
    [('"thousands flee the border"', 8701), ('"villagers fled the border"', 8702)],
)
def test_a_phrase_finds_either_form(library: Library, query: str, found: int) -> None:
    assert numbers(library, query) == [found]


def test_the_form_as_written_is_still_a_word_of_its_own(library: Library) -> None:
    # Indexed beside its base word: a prefix of the form, or the form in a phrase of
    # what the page says, still finds the page that says it.
    assert numbers(library, "met*") == [8701, *range(8703, 8709)]
    assert numbers(library, "fle*") == [8701, 8702]
    assert numbers(library, "well-known") == []


def test_the_form_as_written_is_marked_in_the_snippet(library: Library) -> None:
    hits = library.search(SearchQuery("meets crisis women")).hits
    shown = {h.number: {h.snippet[a:b] for a, b in h.highlights} for h in hits}
    assert shown[8701] >= {"met", "crises", "women"}
    assert shown[8702] >= {"meet", "crisis", "woman"}


def test_the_reader_marks_the_other_forms_whole() -> None:
    text = "Modi met Xi; they meet again at the meeting on metal and methods."
    pattern = highlight_pattern("meets")
    assert marked(text, pattern, plain=True).plain == (
        "Modi *met* Xi; they meet again at the meeting on metal and methods."
    )
    pattern = highlight_pattern("met")
    assert marked(text, pattern, plain=True).plain == (
        "Modi *met* Xi; they *meet* again at the *meeting* on *metal* and *methods*."
    )
    crises = highlight_pattern("crisis")
    assert marked("Two crises, one crisis.", crises, plain=True).plain == (
        "Two *crises*, one *crisis*."
    )


def test_an_acronym_is_marked_whole() -> None:
    # "MoU" and "US" are acronyms: the reader marks them (and their plurals), not every
    # word that starts with the same letters. A longer word in capitals still marks its
    # longer forms.
    text = "The MoU and two MoUs on the mountain; US users; Russian and RUSSIA."
    assert marked(text, highlight_pattern("MoU US"), plain=True).plain == (
        "The *MoU* and two *MoUs* on the mountain; *US* users; Russian and RUSSIA."
    )
    assert marked(text, highlight_pattern("RUSSIA"), plain=True).plain == (
        "The MoU and two MoUs on the mountain; US users; *Russian* and *RUSSIA*."
    )
    assert marked(text, highlight_pattern("us"), plain=True).plain == (
        "The MoU and two MoUs on the mountain; *US* *users*; Russian and RUSSIA."
    )


def test_read_through_the_command_line_marks_the_form(library: Library, tmp_path: Path) -> None:
    corpus = library.corpus_dirs[0]
    args = ["--corpus", str(corpus), "--index", str(library.index_dir)]
    result = CliRunner().invoke(app, ["read", "8701", "--highlight", "crisis", *args])
    assert result.exit_code == 0, result.output
    assert "Two *crises* were" in result.stdout
    found = CliRunner().invoke(app, ["search", "meets Wuhan", "--json", *args])
    assert found.exit_code == 0, found.output
    assert '"number": 8701' in found.stdout
