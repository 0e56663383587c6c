"""A citation key typed as a word: ``mishra2015russia``, as ``ipcs cite --style bibtex``
writes its keys (and Google Scholar its own): a byline's surname, a year and the first
words of the title run together. No page prints it; the reader means that article."""

from __future__ import annotations

import re
from collections.abc import Callable

from ipcsreader.archive.ranges import rewrite
from ipcsreader.store.querying import LEFT_OUT
from ipcsreader.text import unquoted

# Letters, a year, letters, standing alone: not part of an address, a field's clause, a
# prefix, a fuzzy or boosted word, a hashtag or a handle.
_KEY = re.compile(r"(?<![\w:#@/.\-'’])([^\W\d_]{2,})((?:19|20)\d\d)([^\W\d_]*)(?![\w:*?~^/\-'’])")


def readings(
    text: str, *, byline: Callable[[str], bool], held: Callable[[str], bool]
) -> dict[str, str]:
    """Each key in ``text`` (outside quotes, not left out) that no article holds as a
    word and whose surname some ``byline`` prints, with the query it stands for
    (``author:mishra year:2015 russia``). The letters after the year are the title's
    words, as :func:`_title_words` reads them."""
    found: dict[str, str] = {}

    def note(key: re.Match[str]) -> str:
        if key[0] in found or _left_out(key) or not byline(key[1]) or held(key[0]):
            return key[0]
        words = _title_words(key[3], held)
        found[key[0]] = " ".join(filter(None, (f"author:{key[1]}", f"year:{key[2]}", words)))
        return key[0]

    unquoted(text, note, _KEY)
    return found


def _left_out(key: re.Match[str]) -> bool:
    return LEFT_OUT.search(key.string, 0, key.start()) is not None


def _title_words(letters: str, held: Callable[[str], bool]) -> str:
    """``letters`` as words some article holds: as they are; less a last letter, the one
    a bibliography adds to tell two keys apart (``mishra2015russiab``); else run together
    (``myanmarnaga``: "myanmar naga"). Nothing where none of these is held: the surname
    and year still find the article."""
    if not letters or held(letters):
        return letters
    if len(letters) > _SHORTEST and held(letters[:-1]):
        return letters[:-1]
    return _apart(letters, held, _MOST_WORDS) or _apart(letters[:-1], held, _MOST_WORDS) or ""


# The fewest letters of a word read out of letters run together, and the most words.
_SHORTEST = 3
_MOST_WORDS = 3


def _apart(letters: str, held: Callable[[str], bool], words: int) -> str | None:
    """``letters`` as up to ``words`` held words run together, the longest first word
    first; None where they are no such words."""
    if len(letters) >= _SHORTEST and held(letters):
        return letters
    if words < 2:
        return None
    for cut in range(len(letters) - _SHORTEST, _SHORTEST - 1, -1):
        if held(letters[:cut]) and (rest := _apart(letters[cut:], held, words - 1)):
            return f"{letters[:cut]} {rest}"
    return None


def spelt(text: str, readings: dict[str, str], *, parsed: bool) -> str:
    """``text`` with each key of ``readings`` as the query it stands for; ``parsed``: as
    the parser gets it (its year a range, as :func:`ranges.rewrite` makes it)."""

    def spell(key: re.Match[str]) -> str:
        reading = readings.get(key[0])
        if reading is None or _left_out(key):
            return key[0]
        return rewrite(reading) if parsed else reading

    return unquoted(text, spell, _KEY)
