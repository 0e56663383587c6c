"""What the desk accepts (tags, notes, numbers) and its words in the query language."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipcsreader.desk import checks, terms
from ipcsreader.desk.store import Desk
from ipcsreader.errors import QueryError, UsageError


@pytest.mark.parametrize(
    ("given", "stored"),
    [("korea", "korea"), ("  six   party talks ", "six party talks"), ("Cafe\u0301", "Café")],
)
def test_tags_are_tidied(given: str, stored: str) -> None:
    assert checks.tag(given) == stored


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("", "cannot be empty"),
        ("   ", "cannot be empty"),
        ("a\x00b", "control character"),
        ("a\nb", "control character"),
        ("\x1b[31mred", "control character"),
        ("evil\u202egnp", "control character"),
        ("x" * 101, "the most is 100"),
    ],
)
def test_bad_tags_are_refused(given: str, reason: str) -> None:
    with pytest.raises(UsageError, match=reason):
        checks.tag(given)


def test_a_one_megabyte_note_is_taken_a_hundred_megabyte_one_refused() -> None:
    big = ("A line of my own words about the article.\n" * 25_000)[: 1024 * 1024]
    assert checks.note(big) == big
    with pytest.raises(UsageError, match=r"100\.0 MB; the most is 8\.0 MB"):
        checks.note("x" * (100 * 1024 * 1024))


def test_notes_keep_tabs_and_lines_but_no_other_control_characters() -> None:
    assert checks.note("a\r\nb\tc\rd") == "a\nb\tc\nd"
    with pytest.raises(UsageError, match="U\\+001B"):
        checks.note("colour \x1b[31m")
    # The byte-order mark an editor writes first, not a character of the note; one inside is.
    assert checks.note("\ufeffMy note") == "My note"
    with pytest.raises(UsageError, match="U\\+FEFF"):
        checks.note("My \ufeffnote")


def test_numbers_ranges_and_tags_after_them() -> None:
    assert checks.numbers(["4842", "#4845", "4840-4842"]) == [4842, 4845, 4840, 4841]
    assert checks.split_numbers(["1", "2", "korea", "2015"]) == ([1, 2], ["korea", "2015"])
    # One parser for every command (numbers.number_ranges): the desk says what fetch says.
    with pytest.raises(UsageError, match=r"^a range must go up, not '9-1'$"):
        checks.numbers(["9-1"])
    with pytest.raises(UsageError, match=r"^1-100001 is 100,001 numbers; ranges over 100,000 "):
        checks.numbers(["1-100001"])
    assert checks.numbers(["#4840-#4842", "4841"]) == [4840, 4841, 4842]
    with pytest.raises(UsageError, match="not an article number"):
        checks.numbers(["x1"])


# The query language.


@pytest.mark.parametrize(
    ("query", "text", "found"),
    [
        ("korea tag:nuclear", "korea", ["tag:nuclear"]),
        ('tag:"six party" talks', "talks", ['tag:"six party"']),
        ("-tag:done NOT is:read x", "x", ["-tag:done", "-is:read"]),
        ("has:note is:UNREAD", "", ["has:note", "is:unread"]),
        ('note:"hanoi summit"', "", ['note:"hanoi summit"']),
        ('"tag:inside a phrase" x', '"tag:inside a phrase" x', []),
        ("pre-tag:x title:korea", "pre-tag:x title:korea", []),
        ("(korea OR china) tag:t", "(korea OR china)", ["tag:t"]),
        # A value neither field takes: no desk term (the search leaves it out, said).
        ("korea is:maybe has:link", "korea is:maybe has:link", []),
        ('has:"" is:read', 'has:""', ["is:read"]),
    ],
)
def test_desk_terms_come_out_of_the_query(query: str, text: str, found: list[str]) -> None:
    rest, taken = terms.extract(query)
    assert (rest, [str(t) for t in taken]) == (text, found)


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("korea OR tag:x", "beside OR"),
        ("tag:x OR korea", "beside OR"),
        ("(tag:x korea)", "inside brackets"),
        ("note:!!", "no words"),
        ("tag:\x01", "control character"),
    ],
)
def test_desk_terms_that_cannot_be_taken(query: str, reason: str) -> None:
    with pytest.raises((QueryError, UsageError), match=reason):
        terms.extract(query)


def test_desk_terms_become_the_numbers_allowed(tmp_path: Path) -> None:
    desk = Desk.open(tmp_path / "desk.sqlite")
    assert desk is not None
    desk.tag([1, 2], ["korea"])
    desk.tag([2, 3], ["japan"])
    desk.mark([2], read=True)
    desk.set_note(3, "The Hanoi summit")
    every = {1, 2, 3, 4}

    def allowed(query: str) -> set[int]:
        return set(terms.numbers(terms.extract(query)[1], desk, lambda: every))

    assert allowed("tag:korea") == {1, 2}
    assert allowed("tag:korea tag:japan") == {2}
    assert allowed("tag:korea -tag:japan") == {1}
    assert allowed("is:read") == {2}
    assert allowed("is:unread") == {1, 3, 4}
    assert allowed("-is:unread") == {2}
    assert allowed("has:note") == {3}
    assert allowed("has:tag -has:note") == {1, 2}
    assert allowed("note:hanoi") == {3}
    assert allowed("note:tokyo") == set()


def test_text_a_terminal_could_not_decode_is_refused() -> None:
    with pytest.raises(UsageError, match="not valid UTF-8"):
        checks.tag("bad\udcff")
    with pytest.raises(UsageError, match="not valid UTF-8"):
        checks.note("bad\udcff")
