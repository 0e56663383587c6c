"""Initials typed with dots find pages that write them without: "U.S." finds "US",
"T.C.A. Rangachari" finds "TCA Rangachari" (as IPCS pages write them), and still finds
the pages that write the dots."""

from __future__ import annotations

import pytest
from search_world import library_of, searched

from ipcsreader.archive.search import SearchQuery, plain_words
from ipcsreader.library import Library
from ipcsreader.render.read import highlight_pattern, marked
from ipcsreader.store.querying import whole_words, words_apart

PLAIN = "US ships sailed as Amb TCA Rangachari spoke."
DOTTED = "U.S. ships sailed, and so did the E.U. observers."
OTHER = "Tea prices rose in the hill markets after a dry spring."


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    pages = {8801: ("Plain Notes", PLAIN), 8802: ("Dotted Notes", DOTTED)}
    return library_of(tmp_path_factory.mktemp("initials"), pages, other=OTHER, padding=5)


def every_word(library: Library, text: str) -> list[int]:
    hits = library.search(SearchQuery(text)).hits
    return sorted(h.number for h in hits if h.matched == "all")


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("U.S. ships", '(US OR ("U S" ANDNOT US)) ships'),
        ("T.C.A. Rangachari", '(TCA OR ("T C A" ANDNOT TCA)) Rangachari'),
        ("U.S.-China", '(USChina OR ("U S China" ANDNOT USChina))'),
        ('"U.S. ships"', '"U.S. ships"'),  # a phrase keeps the page's words as they are
        # The last dot is often not typed; a dot before a letter is no end of initials.
        ("U.S", '(US OR ("U S" ANDNOT US))'),
        ("l.t.t.e", '(ltte OR ("l t t e" ANDNOT ltte))'),
        ("A.Q.Khan", "A.Q.Khan"),
    ],
)
def test_initials_are_read_whole_or_apart(typed: str, read: str) -> None:
    assert whole_words(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("U.S.-E.U. observers", ("(U.S. E.U.) observers", True)),
        ("u.s-china", ("(u.s china)", True)),
        ("A.Q.Khan", ("(A.Q. Khan)", True)),
        ("U.S. ships", ("U.S. ships", False)),
        ("u.s ships", ("u.s ships", False)),
    ],
)
def test_initials_joined_to_a_word_are_one_of_its_parts(typed: str, read: tuple[str, bool]) -> None:
    assert words_apart(typed) == read


def test_initials_joined_find_them_apart(library: Library) -> None:
    # No page prints "U.S.-E.U.": the page printing both apart is found.
    assert every_word(library, "U.S.-E.U. observers") == [8802]


@pytest.mark.parametrize("query", ["U.S. ships", "u.s. ships", "u.s ships", "U.S ships"])
def test_initials_with_dots_find_both_ways_of_writing(library: Library, query: str) -> None:
    assert every_word(library, query) == [8801, 8802]


def test_initials_of_a_name(library: Library) -> None:
    assert every_word(library, "T.C.A. Rangachari") == [8801]
    assert every_word(library, "TCA Rangachari") == [8801]
    assert every_word(library, "E.U. observers") == [8802]


@pytest.mark.parametrize("query", ["T Rangachari", "T C A Rangachari", "Amb T Rangachari"])
def test_an_initial_typed_alone_need_not_be_found(library: Library, query: str) -> None:
    # The page prints "TCA Rangachari": its letters run together, no "t" of their own.
    assert every_word(library, query) == [8801]


def test_a_phrase_keeps_the_dots(library: Library) -> None:
    assert every_word(library, '"U.S. ships"') == [8802]


def test_the_reader_marks_initials_either_way() -> None:
    text = "US ships, U.S. ships; us and users."
    assert marked(text, highlight_pattern("U.S."), plain=True).plain == (
        "*US* ships, *U.S.* ships; us and users."
    )


def test_search_through_the_command_line(library: Library) -> None:
    assert '"number": 8801' in searched(library, "T.C.A. Rangachari", "--json")
    # The words to mark keep the initials whole: "T C A" apart marked every word
    # starting with t, c or a (in ipcs ui's reader too).
    shown = searched(library, "T.C.A. Rangachari")
    assert shown.rstrip().endswith("--highlight 'T.C.A. Rangachari'")


def test_initials_are_one_word_of_a_query() -> None:
    assert plain_words("T.C.A. Rangachari on U.S.-China") == [
        "T.C.A.",
        "Rangachari",
        "on",
        "U.S.",
        "China",
    ]
