"""Snippets: the passage of a hit's body that holds the query's words, found quickly."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st
from search_world import FILLER, library_of

from ipcsreader.archive.search import SearchQuery
from ipcsreader.store import fields, snippets

# Words as pages print them: possessives, hyphens, letters beyond ASCII, look-alikes.
_PRINTED = [
    "China",
    "China’s",
    "anti-China",
    "Chinese",
    "Chīna",
    "chin",
    "children",
    "Jong-un",
    "Jong-un’s",
    "JONG-UN",
    "Pénjwīn",
    "neighbour",
    "neighborhood",
    "met",
    "meets",
    "Northern",
    "north",
    "U.S.",
    "the",
    "of",
]
_BETWEEN = [" ", "  ", "\n\n", "—", "-", "’", " (", ") ", ", ", "'"]
_TYPED = ["china", "jongun", "jong", "penjwin", "neighbourhood", "meet", "north", "us", "chinese"]


def _stems(typed: str) -> frozenset[str]:
    return frozenset(t.text for t in fields.analyzers()["text"](typed))


def _first_marked(body: str, words: frozenset[str]) -> int | None:
    """The slow way: every token of the body analysed, the first marked one's start."""
    tokens = snippets._marked_tokens(body, 0, words)
    return next((t.startchar for t in tokens if t.matched), None)


@given(
    st.lists(st.tuples(st.sampled_from(_PRINTED), st.sampled_from(_BETWEEN)), max_size=30),
    st.sets(st.sampled_from(_TYPED), min_size=1, max_size=3),
)
@example([("anti-China", " "), ("China", " ")], {"china"})
@example([("chin", "-"), ("China", " ")], {"china"})
@example([("Chīna", " ")], {"china"})
@example([("JONG-UN", " ")], {"jongun"})
@example([("neighborhood", " ")], {"neighbourhood"})
def test_the_first_match_is_the_first_word_every_token_read_would_mark(
    printed: list[tuple[str, str]], typed: set[str]
) -> None:
    body = "".join(word + between for word, between in printed)
    words = frozenset().union(*map(_stems, typed))
    found = snippets._first_match(body, words)
    assert found == _first_marked(body, words)


def test_a_word_joined_beyond_ascii_or_by_hyphens_leads_the_snippet(tmp_path: Path) -> None:
    late = "Later, Pénjwīn and Kim Jong-un’s envoys met."
    library = library_of(tmp_path, {9501: ("Border Talks", " ".join([FILLER] * 12 + [late]))})
    for typed, marked in [("penjwin", "Pénjwīn"), ("jongun", "Jong-un’s")]:
        (hit,) = library.search(SearchQuery(typed)).hits
        assert [hit.snippet[a:b] for a, b in hit.highlights] == [marked]
        assert hit.snippet.startswith("… ")


def test_a_body_without_the_word_gives_the_teaser_not_a_passage(tmp_path: Path) -> None:
    library = library_of(tmp_path, {9502: ("Chinese Ports", FILLER)})
    (hit,) = library.search(SearchQuery("chinese")).hits
    assert hit.snippet.startswith(FILLER) and hit.highlights == ()
