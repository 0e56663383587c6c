"""A name transliterated from Urdu, Persian or Arabic is spelt several ways in one archive:
"Tehrik-i-Taliban" and "Tehreek-e-Taliban", "Lashkar-e-Taiba" and "Lashkar-e-Toiba",
"Jaish-e-Mohammed" and "Jaish-e-Muhammad". A reader types one of them; the page they mean
may print another; so with one word ("Dissanayake", "Dissanayaka"). A name typed
(:data:`_NAME`) is also searched as its other spellings that the archive holds
(:func:`spelt_otherwise`): the connecting syllable "e" or "i" either way, and each longer
syllable as a word of the archive that differs from it in its vowels alone
(:func:`skeleton`). Only spellings some page prints whole are kept, so a syllable's
look-alike ("Taiba", "tab") never stands for it; and a word alone only a letter off, where
it and its other spelling are names, words the pages print with a capital inside a
sentence (:func:`name_like`): "leaving" is not "living", nor "Pakistan" "Pakistani".
"""

from __future__ import annotations

import re
from itertools import islice, product
from typing import Any

from ipcsreader.archive.search import OPERATORS
from ipcsreader.store import fields, querying
from ipcsreader.store.grammar import FUNCTION_WORDS
from ipcsreader.store.querying import STEMMED_FIELDS
from ipcsreader.store.spelling import VOWELS, Vocabulary, name_like, skeleton

# What a page printing another spelling counts for, against one printing the name as
# typed: as much as a word of one meaning (synonyms.WEIGHT), which the reader is told of
# the same way ("also searched as …, weighted below the word typed").
WEIGHT = 0.5
# How many other spellings of one name are searched, the archive's most printed first.
MOST = 4
# How many spellings of a name are looked up: a name of five long syllables, each with
# look-alikes, could ask for thousands.
_TRIED = 64
# A syllable this long or longer is looked up among the archive's words; a shorter one
# is a connecting syllable ("ul", "ud") or too short to tell a variant from another word.
_LONG_SYLLABLE = 4
# A word alone this long or longer may be a name spelt otherwise: shorter ones are too
# many words' look-alikes ("Modi", "mode").
_LONG_WORD = 6
# The Persian connecting syllable ("izafat"), written either way.
_CONNECTORS = ("e", "i")

# A name of three to five letter-only syllables joined by hyphens (``querying.SYLLABLES``,
# as the query runs some together), or a word alone of _LONG_WORD letters or more, typed
# outside quotes and fields, possibly possessive: not a prefix, wildcard, fuzzy or boosted
# word, nor part of another compound.
_NAME = re.compile(
    rf"(?<![\w*?~^.:'’‘\-‐‑])({querying.SYLLABLES.pattern}|[^\W\d_]{{{_LONG_WORD},}})"
    r"(['’‘][sS])?(?![\w*?~^'’‘\-‐‑])"
)
# A name left out ("NOT Lashkar-e-Taiba") is left out as typed, like a word of one meaning.
_LEFT_OUT = re.compile(r"\b(?:AND)?NOT\s*$")
_DASH = re.compile(r"[\-‐‑]")


def spelt_otherwise(vocabulary: Vocabulary, text: str) -> tuple[str, dict[str, str]]:
    """``text`` with each name typed (:data:`_NAME`: hyphenated syllables, or a word
    alone) that the archive also prints otherwise searched as those spellings too, below it
    (:data:`WEIGHT`); and each such name, as typed, with its other spellings joined by
    ", " (for the reader to be told, as of words of one meaning)."""
    found: dict[str, str] = {}

    def widen(match: re.Match[str]) -> str:
        left_out = _LEFT_OUT.search(match.string, 0, match.start())
        others = [] if left_out else _others(vocabulary, match[1])
        if not others:
            return match[0]
        found[match[1]] = ", ".join(others)
        spelt = " OR ".join(other + (match[2] or "") for other in others)
        return f"({match[0]} OR ({spelt})^{WEIGHT})"

    return querying.unquoted(text, widen, _NAME), found


def _others(vocabulary: Vocabulary, name: str) -> list[str]:
    """The spellings of ``name`` other than its own that some page prints whole, the most
    printed first (at most :data:`MOST`)."""
    syllables = _DASH.split(name)
    typed = tuple(fields.fold(s) for s in syllables)
    if len(typed) == 1:
        options = [_words_like(vocabulary, name)]
    elif not fields.is_syllable_name(list(typed)):
        return []  # words joined ("India-Japan-South"), each searched as itself
    else:
        options = [_syllables_like(vocabulary, s, i, len(typed)) for i, s in enumerate(typed)]
    counted = []
    for spelling in islice(product(*options), _TRIED):
        if spelling == typed:
            continue
        count = _printed(vocabulary.reader, "".join(spelling))
        if count:
            counted.append((-count, spelling))
    counted.sort()
    return [
        "-".join(_cased(s, t) for s, t in zip(spelling, syllables, strict=True))
        for _, spelling in counted[:MOST]
    ]


def _printed(reader: Any, joined: str) -> int:
    """In how many articles' text, field by field, a name is printed whole (hyphenated
    or run together) whose syllables run together are ``joined``: the index holds each
    hyphenated word joined as well as by its syllables."""
    terms = [t.text for t in fields.analyzers()["text"](joined, mode="query")]
    return sum(reader.doc_frequency(field, term) for field in STEMMED_FIELDS for term in terms)


def _syllables_like(vocabulary: Vocabulary, own: str, at: int, of: int) -> list[str]:
    """``own`` (a syllable, folded) and the spellings it may have in the archive, itself
    first: a connecting "e" or "i" inside the name either way; a longer syllable as each
    word of the archive two edits off at most that has its skeleton."""
    if own in _CONNECTORS and 0 < at < of - 1:
        return [own, *(c for c in _CONNECTORS if c != own)]
    if len(own) < _LONG_SYLLABLE or not own.isalpha():
        return [own]
    return [own, *(word for word, _ in _alike(vocabulary, own))]


def _words_like(vocabulary: Vocabulary, word: str) -> list[str]:
    """``word`` (folded) and, where it is a name (:func:`name_like`), the names of the
    archive that have its skeleton, itself first: a letter off ("Dissanayaka", "Haider"),
    or two where only runs of vowels are spelt otherwise (:func:`_vowels_alike`:
    "Banerji"); not the name with a vowel more at its end ("Pakistani", "Iraqi"), which
    is another word."""
    own = fields.fold(word)
    reader = vocabulary.reader
    if word in OPERATORS or own in FUNCTION_WORDS or not name_like(reader, own):
        return [own]
    return [
        own,
        *(
            w
            for w, edits in _alike(vocabulary, own)
            if (edits == 1 or _vowels_alike(own, w))
            and not _lengthened(own, w)
            and name_like(reader, w)
        ),
    ]


def _alike(vocabulary: Vocabulary, own: str) -> list[tuple[str, int]]:
    """The words of the archive two edits off ``own`` at most that have its skeleton, each
    with its distance."""
    shape = skeleton(own)
    return [
        (word, distance)
        for word, distance in vocabulary.within_two(own)
        if word != own and word.isalpha() and skeleton(word) == shape
    ]


def _vowels_alike(one: str, other: str) -> bool:
    """Whether two words of one skeleton differ only in how each run of vowels is spelt,
    a letter longer or shorter at most ("Banerjee", "Banerji"; "Mohammed", "Muhammad"):
    not by a vowel more or less between their consonants ("Mongolia", "Mongla": another
    place), nor by a run cut down ("Maoist", "Mist")."""
    runs, others = VOWELS.findall(one), VOWELS.findall(other)
    return len(runs) == len(others) and all(
        abs(len(a) - len(b)) <= 1 for a, b in zip(runs, others, strict=True)
    )


def _lengthened(one: str, other: str) -> bool:
    """Whether either word is the other with vowels added at its end."""
    short, long = sorted((one, other), key=len)
    return long.startswith(short) and VOWELS.fullmatch(long[len(short) :]) is not None


def _cased(syllable: str, typed: str) -> str:
    """``syllable`` in the case of the syllable typed in its place."""
    if typed.isupper() and len(typed) > 1:
        return syllable.upper()
    return syllable.capitalize() if typed[:1].isupper() else syllable
