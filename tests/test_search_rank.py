"""A byline's rank or title is searched with the post: "Vice Admiral Shankar", "Dr Iyer"."""

from __future__ import annotations

import json

import pytest
from search_world import FILLER, dirs_of, old_page, searched, write
from typer.testing import CliRunner

from ipcsreader.archive.search import SearchQuery
from ipcsreader.cli import app
from ipcsreader.library import Library

WITHDRAWAL = "The withdrawal from Afghanistan ended a long war, and the region took note."
# A column's listing: the rank is printed once, under the columnist's name in its heading.
LISTING = (
    "The Strategist by Vijay Shankar\nVijay Shankar\nVice Admiral (Retd.)\n"
    "  • Afghanistan: The Consequences of Withdrawal\n"
    "    Vijay Shankar   ·    29 Jun, 2021   ·    9701\n"
    f"    {WITHDRAWAL} ...\n"
)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("rank")
    write(root / "corpus", "strategist-other.txt", LISTING)
    # Two full pages on the same withdrawal, by authors printed with no rank.
    for number, author in ((9702, "Vijay Kumar"), (9703, "Arun Shankar")):
        page = old_page(number, "Afghanistan After Withdrawal", [WITHDRAWAL, FILLER], author=author)
        write(root / "corpus", f"{number}-old.txt", page)
    lib = Library([root / "corpus"], root / "index")
    lib.update()
    return lib


def _all(library: Library, text: str) -> list[int]:
    return [h.number for h in library.search(SearchQuery(text)).hits if h.matched == "all"]


def test_the_rank_a_listing_prints_above_its_entries_is_searched(library: Library) -> None:
    assert _all(library, "Vice Admiral Vijay Shankar") == [9701]
    assert _all(library, "vice admiral shankar afghanistan withdrawal") == [9701]
    assert _all(library, "affiliation:admiral") == [9701]


def test_a_rank_is_no_name(library: Library) -> None:
    # It is searched with the post, not as the author's name.
    assert _all(library, "author:admiral") == []
    assert _all(library, 'author:"vijay shankar"') == [9701]


def test_through_the_command_line(library: Library) -> None:
    data = json.loads(searched(library, "Vice Admiral Shankar", "--json"))
    assert [h["number"] for h in data["hits"]][:1] == [9701]
    read = CliRunner().invoke(app, ["read", "9701", "--format", "json", *dirs_of(library)])
    assert read.exit_code == 0, read.output
    assert json.loads(read.output)["authors"][0]["honorific"] == "Vice Admiral (Retd.)"
