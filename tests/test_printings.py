"""A surname one person's bylines misprint by a letter, searched in both printings: the
query text as rewritten before it is parsed (the search itself: tests/test_people.py)."""

from __future__ import annotations

import pytest

from ipcsreader.store.printings import also_bylined, also_printed

SAKHUJA = [("sakhuja", ("sakhhuja",))]


def same(typed: str, printed: str) -> float:
    return 1.0


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Sakhuja Karachi", "(Sakhuja OR author:sakhhuja^4.000) Karachi"),
        ("SAKHUJA's", "(SAKHUJA's OR author:sakhhuja^4.000)"),
        ("NOT Sakhuja", "NOT (Sakhuja OR author:sakhhuja^4.000)"),
        # Left as typed: a phrase, a field, a compound, wildcards, fuzzy words, boosts.
        ('"Sakhuja" title:Sakhuja', '"Sakhuja" title:Sakhuja'),
        ("Sakhuja-led x-Sakhuja", "Sakhuja-led x-Sakhuja"),
        ("Sakhuja* Sakhuja~2 Sakhuja^3", "Sakhuja* Sakhuja~2 Sakhuja^3"),
    ],
)
def test_a_misprinted_surname_is_also_searched_in_bylines_as_printed(typed, read):
    assert also_printed(typed, SAKHUJA, same) == read
    assert also_printed(typed, [], same) == typed


def test_the_printing_is_weighted_against_the_surname_typed():
    # Weighted as the word is in bylines (4.0), times what the weight says of the two.
    def weight(typed: str, printed: str) -> float:
        assert (typed, printed) == ("sakhuja", "sakhhuja")
        return 0.5

    assert also_printed("sakhuja", SAKHUJA, weight) == "(sakhuja OR author:sakhhuja^2.000)"


BYLINES = [
    ('author:"V Sakhuja"', [("V Sakhhuja", "sakhuja", "sakhhuja")]),
    ("by:sakhuja", [('"sakhhuja', "sakhuja", "sakhhuja")]),
]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ('author:"V Sakhuja" x', '(author:"V Sakhuja" OR author:"V Sakhhuja"^1.000) x'),
        ("x by:sakhuja", 'x (by:sakhuja OR author:"sakhhuja"^1.000)'),
        ("NOT by:sakhuja", 'NOT (by:sakhuja OR author:"sakhhuja"^1.000)'),
        # Inside a phrase, or with a sign after it, the clause is left as typed.
        ('"a by:sakhuja"', '"a by:sakhuja"'),
        ('author:"V Sakhuja"~2', 'author:"V Sakhuja"~2'),
    ],
)
def test_an_author_clause_is_also_searched_as_the_name_is_printed(typed, read):
    assert also_bylined(typed, BYLINES, same) == read
