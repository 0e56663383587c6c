"""A question is answered from the articles with any of its words: its answer may lack one
("what happened to …": the page tells what did, and need never say "happened"). So is a
query that describes an article (five words or more, or four with half of them in lower
case): the page may say "abducted" where the reader typed "snatched"."""

from __future__ import annotations

import json

import pytest
from search_world import library_of, searched
from test_ranking import OTHER, numbers

from ipcsreader.archive.search import SearchQuery
from ipcsreader.library import Library
from ipcsreader.store.grammar import describes, is_question

# The answer: the frigate and the harbour, again and again; never "happened".
ANSWER = (
    "Militants tried to seize the frigate Zulfiqar in Karachi harbour. The frigate was "
    "berthed in the harbour; the raid on the frigate failed and the harbour was shut."
)
# Every word of the question, each once, in a page about something else.
PASSING = (
    "Much happened in the budget session. A frigate named Zulfiqar and Karachi harbour "
    "were mentioned once."
)
QUESTION = "what happened to the frigate Zulfiqar in Karachi harbour"
# The article: the abductions and the summit, again and again; never "snatched".
DESCRIBED_ARTICLE = (
    "Japanese citizens abducted by North Korea were raised at the summit. The summit "
    "heard the families of the citizens; North Korea said the citizens abducted were dead, "
    "and Japan asked the summit for proof."
)
# Every word of the query, each once, in a page about something else.
DESCRIBED_PASSING = (
    "A snatched trader, Japanese citizens on holiday, North Korea and a summit on trade "
    "were named once in a long review of the budget."
)
DESCRIPTION = "snatched Japanese citizens North Korea summit"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    pages = {
        8701: ("Sea Notes", ANSWER),
        8702: ("Budget Session", PASSING),
        8703: ("Port Notes", "Karachi grew. "),
        # The question's words are rare, as in any archive.
        **{number: ("Other Notes", OTHER) for number in range(8704, 8712)},
        8712: ("Tokyo and Pyongyang", DESCRIBED_ARTICLE),
        8713: ("Budget Review", DESCRIBED_PASSING),
    }
    return library_of(tmp_path_factory.mktemp("questions"), pages)


@pytest.mark.parametrize(
    "text", [QUESTION, "the frigate Zulfiqar in Karachi harbour, what happened?"]
)
def test_the_answer_lacking_a_word_of_the_question_comes_first(library: Library, text: str) -> None:
    result = library.search(SearchQuery(text))
    assert result.question and not result.relaxed
    found = [(h.number, h.matched) for h in result.hits]
    assert found[:2] == [(8701, "some"), (8702, "all")]
    assert (8703, "some") in found  # one word of several: after them
    assert result.total == len(found)


def test_the_same_words_not_asked_keep_every_word_first(library: Library) -> None:
    # Three words: no question, nor a description (see below).
    result = library.search(SearchQuery("happened Zulfiqar Karachi"))
    assert not result.question and result.total == 1
    assert [(h.number, h.matched) for h in result.hits][:2] == [(8702, "all"), (8701, "some")]


def test_counting_exporting_and_date_order_keep_to_every_word(library: Library) -> None:
    assert library.found_numbers(SearchQuery(QUESTION, limit=None)).numbers == [8702]
    assert numbers(library, QUESTION, sort="newest") == [8702]
    assert numbers(library, QUESTION, only=frozenset({8701, 8702})) == [8702]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("what happened to PNS Zulfiqar", True),
        ("How did the search work", True),
        ("whát happened to PNS Zulfiqar", True),  # accents, as the index reads words
        ("Ｗｈａｔ happened to PNS Zulfiqar", True),
        ("Is China exploring the seabed", True),
        ("Kim Jong-un visit to Moscow?", True),
        # A question mark after words alone, no sentence: a reader's doubt.
        ("Salma Malik Modi mandate?", False),
        ("Khobragade row ?", False),
        ("North Korea", False),
        ("whatever happened", False),
        ("the what", False),
        ("IS recruitment in Kerala", False),  # an acronym in capitals, not "is"
        ("WHO on polio", False),
        ("IS recruitment in Kerala?", True),
        # Every word in capitals: the first tells nothing ("not" as search.plan reads it).
        ("WHY IS India not Joining THE QUAD", True),
        ("WHO POLIO", False),
        ("", False),
    ],
)
def test_what_a_question_is(text: str, asked: bool) -> None:
    assert is_question(text.split(), text) is asked


@pytest.mark.parametrize(
    ("text", "line", "described", "first", "total"),
    [
        (QUESTION, "A question: articles with most", False, [(8701, "some"), (8702, "all")], 3),
        (
            DESCRIPTION,
            "Read as a description: articles with most",
            True,
            [(8712, "some"), (8713, "all")],
            2,
        ),
    ],
)
def test_through_the_command_line(
    library: Library,
    text: str,
    line: str,
    described: bool,
    first: list[tuple[int, str]],
    total: int,
) -> None:
    data = json.loads(searched(library, text, "--json"))
    assert data["question"] is True and data["relaxed"] is False
    assert data["described"] is described
    assert [(h["number"], h["matched"]) for h in data["hits"]][:2] == first
    shown = searched(library, text)
    assert f"{line} of its words, best first." in shown
    assert "Articles with some of these words" not in shown
    assert f"{total} hits in" in shown  # all of them, not "with every word"


def test_a_question_mark_ending_a_word_is_punctuation(library: Library) -> None:
    """Not Whoosh's one-letter wildcard, which "harbour?" would be: no word has one more."""
    assert numbers(library, "Zulfiqar in Karachi harbour?")[0] == 8701
    dated = library.search(SearchQuery("Zulfiqar harbour?", sort="newest"))
    assert not dated.relaxed and sorted(h.number for h in dated.hits) == [8701, 8702]
    assert sorted(numbers(library, "Zulfiqar Kar?chi", sort="newest")) == [8701, 8702]
    # Standing apart after the last word, as some type it: the same question.
    assert numbers(library, "Zulfiqar in Karachi harbour ?") == numbers(
        library, "Zulfiqar in Karachi harbour?"
    )
    apart = library.search(SearchQuery("Zulfiqar harbour ?", sort="newest"))
    assert sorted(h.number for h in apart.hits) == [8701, 8702]


@pytest.mark.parametrize("typed", ["moscow-2015", "moscow-2015?", "moscow-2015 ?"])
def test_a_question_mark_after_a_compound_no_page_joins_is_punctuation(
    tmp_path, typed: str
) -> None:
    # No page joins the words: the compound is searched as its parts, a question mark
    # after it or not (it kept the compound whole, and found nothing).
    pages = {8801: ("Parade Notes", "Moscow held a parade in May 2015."), 8802: ("Tea", OTHER)}
    assert numbers(library_of(tmp_path, pages), typed) == [8801]


def test_the_article_lacking_a_word_comes_before_a_page_that_merely_has_them_all(
    library: Library,
) -> None:
    result = library.search(SearchQuery(DESCRIPTION))
    assert result.described and result.question and not result.relaxed
    found = [(h.number, h.matched) for h in result.hits]
    assert found == [(8712, "some"), (8713, "all")]
    assert result.total == 2


def test_a_description_counted_exported_or_by_date_keeps_to_every_word(library: Library) -> None:
    assert library.found_numbers(SearchQuery(DESCRIPTION, limit=None)).numbers == [8713]
    assert numbers(library, DESCRIPTION, sort="newest") == [8713]


def test_mostly_names_keep_to_every_word(library: Library) -> None:
    """A word or two of topic after names asks for that topic: four words, in capitals,
    are no description (five or more are: see test_what_a_description_is)."""
    result = library.search(SearchQuery("Snatched Japanese Citizens Summit"))
    assert not result.described and not result.question and result.total == 1
    assert [(h.number, h.matched) for h in result.hits] == [(8713, "all"), (8712, "some")]


@pytest.mark.parametrize(
    ("text", "describes_"),
    [
        (DESCRIPTION, True),
        ("Netanyahu held up Iranian drone debris", True),
        ("vote for principle even if you vote alone", True),
        ("whát díd they decide about the frigate", False),  # function words, accents or not
        # Four words, mostly names: every word, as any query.
        ("Ram Baran Yadav statute", False),
        ("Safety Board data Perth", False),
        ("North Korean missiles over Japan", False),  # "over" is a function word
        # Five words or more, whatever their case.
        ("Ashraf Ghani first visit to Islamabad", True),
        ("North Korean missiles over Japan in 2017 tests", True),
        # Words typed with a capital side by side name one thing: counted once.
        ("Ram Baran Yadav promulgate statute", False),
        ("North Korean missiles over Japan 2017", False),
        ("Nawaz Sharif's visit swearing-in", False),
        ("Obama and Modi co-authored an editorial", True),  # "and" parts two names
        ("Obama and Modi co-authored an article", False),  # "article" says no subject
        # Every word with a capital (title case, capitals) tells no name from the next:
        # each counts, and five words describe; a figure has no case.
        ("Delhi Tokyo Washington Three-Way Strategic Dialogue", True),
        ("DELHI TOKYO WASHINGTON THREE-WAY STRATEGIC DIALOGUE", True),
        ("Ram Baran Yadav Promulgate Statute", True),
        ("Sheraton Hotel Bus Bombing 2002 French Engineers", True),
        ("Safety Board Data Perth", False),
        # Fewer than four words besides function words.
        ("snatched citizens in the summit", False),
        ("North Korea", False),
        ("", False),
    ],
)
def test_what_a_description_is(text: str, describes_: bool) -> None:
    assert describes(text.split()) is describes_
