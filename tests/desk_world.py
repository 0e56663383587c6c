"""A small corpus for the desk's tests: three articles, one known only from a listing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from search_world import FILLER, column_listing, old_page, write

KOREA, MAOISTS, JAPAN = 7001, 7002, 7003
LISTED = 7010  # named by the column listing only: no text in the corpus


def build(corpus: Path) -> None:
    write(
        corpus,
        f"{KOREA}-old.txt",
        old_page(KOREA, "Russia and North Korea", ["North Korea and Russia meet.", FILLER]),
    )
    write(
        corpus,
        f"{MAOISTS}-old.txt",
        old_page(
            MAOISTS,
            "Maoists in the Forest",
            ["The Maoist insurgency in Chhattisgarh.", FILLER],
            date=dt.date(2016, 5, 1),
            column="Red Affairs",
            author="Bibhu Prasad Routray",
        ),
    )
    write(
        corpus,
        f"{JAPAN}-old.txt",
        old_page(
            JAPAN,
            "Japan's New Security Laws",
            ["Japan and North Korea, again.", FILLER],
            date=dt.date(2014, 1, 9),
        ),
    )
    write(
        corpus,
        "column-red-affairs.txt",
        column_listing(
            "Red Affairs",
            "Bibhu Prasad Routray",
            [("A Listed Piece", dt.date(2017, 2, 3), LISTED, "Only a listing names it")],
        ),
    )


def arrive(corpus: Path, number: int, title: str, words: str) -> Path:
    """A page added to the corpus by hand."""
    return write(corpus, f"{number}-old.txt", old_page(number, title, [words, FILLER]))
