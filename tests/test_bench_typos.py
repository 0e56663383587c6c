"""bench/relevance.py --typos: each query's longest word misspelt three ways."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import relevance  # noqa: E402  (bench/ is not a package; its folder was put on the path above)


def test_the_longest_word_is_swapped_dropped_and_doubled() -> None:
    q = relevance.Query("Kim Jong-un visit Moscow celebrations", 4842, "name", "tune")
    made = relevance.misspelt([q])
    assert [m.text for m in made] == [
        "Kim Jong-un visit Moscow celebartions",
        "Kim Jong-un visit Moscow celebrtions",
        "Kim Jong-un visit Moscow celebraations",
    ]
    assert {(m.number, m.set, m.family) for m in made} == {(4842, "tune", "typo")}


def test_fields_short_words_and_the_conformance_tests_are_left_alone() -> None:
    qs = [
        relevance.Query('author:"Sandip Mishra" Kurils', 5320, "field", "held"),
        relevance.Query("Abe's Kim", 5456, "name", "tune"),
        relevance.Query("Kondapalli Seetharamaiah", 4657, "conformance", "conformance"),
    ]
    # "author" is a field's name; of the words of six letters the first is taken.
    assert [m.text for m in relevance.misspelt(qs)] == [
        'author:"Sadnip Mishra" Kurils',
        'author:"Sanip Mishra" Kurils',
        'author:"Sanddip Mishra" Kurils',
    ]
