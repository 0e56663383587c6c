"""bench/ceiling.py: which articles dominate the one meant, and the reciprocal rank that
leaves a ranker that only counts the query's words."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import ceiling  # noqa: E402  (bench/ is not a package; its folder was put on the path above)
import relevance  # noqa: E402


def _doc(number: int, title: str, body: str, teaser: str = "", author: str = "") -> relevance.Doc:
    return relevance.Doc(number, title, teaser, body, author, "")


def _ceiling(docs: list[relevance.Doc], query: str, meant: int) -> float:
    return ceiling.Haystack(docs).ceiling(query, meant)


MEANT = _doc(1, "Velmora and the Coast", "Velmora patrols the estuary. Tarkesh objects.")


def test_an_article_with_fewer_of_a_word_or_a_longer_body_does_not_dominate() -> None:
    fewer = _doc(2, "Velmora Coast", "The estuary. Tarkesh objects.")
    longer = _doc(
        3, "Velmora Coast", "Velmora patrols the estuary again and again. Tarkesh objects."
    )
    assert _ceiling([MEANT, fewer, longer], "Velmora Tarkesh", 1) == 1.0


def test_an_article_with_as_many_of_every_word_and_no_longer_dominates() -> None:
    more = _doc(2, "Velmora Coast", "Velmora, Velmora. Tarkesh objects.")
    assert _ceiling([MEANT, more], "Velmora Tarkesh", 1) == 0.5


def test_side_by_side_words_count_as_evidence_of_their_own() -> None:
    # The same words as often, in another order.
    apart = _doc(2, "Velmora and the Coast", "Tarkesh patrols the estuary. Velmora objects.")
    assert _ceiling([MEANT, apart], "Velmora patrols", 1) == 1.0  # side by side in the meant only
    assert _ceiling([MEANT, apart], "patrols estuary", 1) == pytest.approx(0.75)  # in both: a tie
    assert _ceiling([MEANT, apart], "Tarkesh patrols", 1) == 0.5  # in the other only


def test_a_word_in_another_field_is_other_evidence() -> None:
    bylined = _doc(2, "Velmora and the Coast", "Velmora patrols the estuary. Tarkesh objects.")
    by_author = _doc(3, "Velmora and the Coast", "Velmora patrols the estuary.", author="Tarkesh")
    assert _ceiling([MEANT, by_author], "Velmora Tarkesh", 1) == 1.0
    # The same counts everywhere: a tie, in a random order the meant one is first half the time.
    assert _ceiling([MEANT, bylined], "Velmora Tarkesh", 1) == pytest.approx(0.75)


def test_expected_reciprocal_rank_stops_at_ten() -> None:
    assert ceiling.expected_rr(0, 0) == 1.0
    assert ceiling.expected_rr(9, 0) == pytest.approx(0.1)
    assert ceiling.expected_rr(10, 0) == 0.0
    assert ceiling.expected_rr(8, 3) == pytest.approx((1 / 9 + 1 / 10) / 4)


def test_totals_are_kept_for_all_each_set_and_each_family() -> None:
    qs = [
        relevance.Query("a", 1, "conformance", "conformance"),
        relevance.Query("b", 2, "event", "tune2"),
        relevance.Query("c", 3, "event", "held2"),
        relevance.Query("d", 4, "cut", "tune2"),
    ]
    got = {name: (n, mean) for name, n, mean in ceiling.totals(qs, [1.0, 0.5, 0.25, 1.0])}
    assert got == {
        "all": (4, pytest.approx(0.6875)),
        "conformance": (1, 1.0),
        "tune2": (2, 0.75),
        "held2": (1, 0.25),
        "family: event": (2, pytest.approx(0.375)),
        "family: cut": (1, 1.0),
    }
