"""A query that describes an article (four words or more, half of them in lower case) is
ranked as a question is: the page may say "abducted" where the reader typed "kidnapped"."""

from __future__ import annotations

import json

import pytest
from search_world import FILLER, old_page, write
from test_ranking import OTHER, numbers
from typer.testing import CliRunner

from ipcsreader.archive.search import SearchQuery
from ipcsreader.cli import app
from ipcsreader.library import Library
from ipcsreader.store.querying import describes

# The article: the abductions and the summit, again and again; never "kidnapped".
ARTICLE = (
    "Japanese citizens abducted by North Korea were raised at the summit. The summit "
    "heard the families of the citizens; North Korea said the citizens abducted were dead, "
    "and Japan asked the summit for proof."
)
# Every word of the query, each once, in a page about something else.
PASSING = (
    "A kidnapped trader, Japanese citizens on holiday, North Korea and a summit on trade "
    "were named once in a long review of the budget."
)
DESCRIPTION = "kidnapped Japanese citizens North Korea summit"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("descriptions")
    corpus = root / "corpus"
    write(corpus, "8801-old.txt", old_page(8801, "Tokyo and Pyongyang", [ARTICLE, FILLER]))
    write(corpus, "8802-old.txt", old_page(8802, "Budget Review", [PASSING, FILLER]))
    for number in range(8803, 8812):  # the query's words are rare, as in any archive
        write(corpus, f"{number}-old.txt", old_page(number, "Other Notes", [OTHER, FILLER]))
    lib = Library([corpus], root / "index")
    lib.update()
    return lib


def test_the_article_lacking_a_word_comes_before_a_page_that_merely_has_them_all(
    library: Library,
) -> None:
    result = library.search(SearchQuery(DESCRIPTION))
    assert result.described and result.question and not result.relaxed
    found = [(h.number, h.matched) for h in result.hits]
    assert found == [(8801, "some"), (8802, "all")]
    assert result.total == 2


def test_counting_exporting_and_date_order_keep_to_every_word(library: Library) -> None:
    assert library.search_numbers(SearchQuery(DESCRIPTION, limit=None)) == [8802]
    assert numbers(library, DESCRIPTION, sort="newest") == [8802]


def test_mostly_names_keep_to_every_word(library: Library) -> None:
    """A word or two of topic after names asks for that topic: the same words, in capitals,
    are no description."""
    result = library.search(SearchQuery("Kidnapped Japanese Citizens North Korea Summit"))
    assert not result.described and not result.question and result.total == 1
    assert [(h.number, h.matched) for h in result.hits] == [(8802, "all"), (8801, "some")]


@pytest.mark.parametrize(
    ("text", "describes_"),
    [
        (DESCRIPTION, True),
        ("Netanyahu held up Iranian drone debris", True),
        ("vote for principle even if you vote alone", True),
        ("whát díd they decide about the frigate", False),  # function words, accents or not
        # Mostly names, a word or two of topic: every word, as any query.
        ("Ram Baran Yadav promulgate statute", False),
        ("Transportation Safety Board satellite data Perth", False),
        ("North Korean missiles over Japan 2017", False),
        # Fewer than four words besides function words.
        ("kidnapped citizens in the summit", False),
        ("North Korea", False),
        ("", False),
    ],
)
def test_what_a_description_is(text: str, describes_: bool) -> None:
    assert describes(text.split()) is describes_


def test_through_the_command_line(library: Library) -> None:
    dirs = ["--corpus", str(library.corpus_dirs[0]), "--index", str(library.index_dir)]
    out = CliRunner().invoke(app, ["search", DESCRIPTION, "--json", *dirs])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["described"] is True and data["question"] is True
    assert [(h["number"], h["matched"]) for h in data["hits"]] == [(8801, "some"), (8802, "all")]
    text = CliRunner().invoke(app, ["search", DESCRIPTION, *dirs], env={"COLUMNS": "100"})
    assert text.exit_code == 0, text.output
    assert "Read as a description: articles with most of its words, best first." in text.stdout
    assert "A question:" not in text.stdout
    plain = CliRunner().invoke(app, ["search", "North Korea summit", "--json", *dirs])
    assert json.loads(plain.stdout)["described"] is False
