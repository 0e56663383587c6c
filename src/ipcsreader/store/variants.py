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
from ipcsreader.store.rewrites import or_other
from ipcsreader.store.spelling import VOWELS, Vocabulary, name_like, skeleton
from ipcsreader.text import unquoted

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

# What stands before or after a word typed plain only if it is no such word: its own
# letters, a sign of a prefix, wildcard, fuzzy or boosted word, a field's colon, an
# apostrophe or a hyphen.
_NOT_BEFORE = r"\w*?~^.:'’‘\-‐‑"
_NOT_AFTER = r"\w*?~^'’‘\-‐‑"
# A name of three to five letter-only syllables joined by hyphens (``querying.SYLLABLES``,
# as the query runs some together), or a word alone of _LONG_WORD letters or more, typed
# outside quotes and fields, possibly possessive: not a prefix, wildcard, fuzzy or boosted
# word, nor part of another compound.
_NAME = re.compile(
    rf"(?<![{_NOT_BEFORE}])({querying.SYLLABLES.pattern}|[^\W\d_]{{{_LONG_WORD},}})"
    rf"(['’‘][sS])?(?![{_NOT_AFTER}])"
)
_DASH = re.compile(r"[\-‐‑]")
# Words typed side by side, letters only, outside quotes and fields, none a prefix,
# wildcard, fuzzy or boosted word, nor inside a group the search made ("(… OR …)").
_SIDE_BY_SIDE = re.compile(rf"(?<![{_NOT_BEFORE}(])[^\W\d_]+(?: +[^\W\d_]+)+(?![{_NOT_AFTER})])")
# A word typed alone, so placed, that may be a name and a short syllable run together.
_ONE_WORD = re.compile(rf"(?<![{_NOT_BEFORE}(])[^\W\d_]{{5,}}(?![{_NOT_AFTER})])")
# The most letters of a name's last syllable that pages print apart ("hae", "ul", "un"),
# and the fewest of the name before it.
_TAIL = 3
_HEAD = 3


def spelt_otherwise(vocabulary: Vocabulary, text: str) -> tuple[str, dict[str, str]]:
    """``text`` with each name typed (:data:`_NAME`: hyphenated syllables, or a word
    alone) that the archive also prints otherwise searched as those spellings too, below it
    (:data:`ranking.OTHER_FORM`); and each such name, as typed, with its other spellings
    joined by ", " (for the reader to be told, as of words of one meaning)."""
    found: dict[str, str] = {}

    def widen(match: re.Match[str]) -> str:
        left_out = querying.LEFT_OUT.search(match.string, 0, match.start())
        others = [] if left_out else _others(vocabulary, match[1])
        if not others:
            return match[0]
        found[match[1]] = ", ".join(others)
        spelt = " OR ".join(other + (match[2] or "") for other in others)
        return or_other(match[0], spelt)

    return unquoted(text, widen, _NAME), found


def run_together(searcher: Any, text: str) -> tuple[str, dict[str, str]]:
    """``text`` with a name's words as pages print them run together or apart, where the
    reader typed them otherwise: two words side by side that pages print run together as
    a name ("Ryong Hae", printed "Ryonghae"; "Tahir ul", printed "Tahirul"), and a word
    that pages print as a name and a short syllable ("Tahirul", printed "Tahir ul") or
    words run together with capitals, as in a hashtag ("SriLanka", :func:`_camel_apart`),
    also searched so, on the pages that do not hold them as typed: those score as before. A
    spacing, like a hyphen, is no other spelling, so the name counts in full, unsaid; and
    each name so spaced, as typed, with the spelling searched, for a reading to mark."""
    spaced: dict[str, str] = {}
    reader = searcher.reader()

    def join(match: re.Match[str]) -> str:
        words = match[0].split()
        out: list[str] = []
        at = 0
        while at < len(words):
            pair = words[at : at + 2]
            before = f"{match.string[: match.start()]}{' '.join(words[:at])}"
            left_out = querying.LEFT_OUT.search(before)
            if len(pair) == 2 and not left_out and _printed_run_together(reader, *pair):
                apart, joined = f"({pair[0]} {pair[1]})", f"{pair[0]}{pair[1].lower()}"
                out.append(f"({apart} OR ({joined} ANDNOT {apart}))")
                spaced[f"{pair[0]} {pair[1]}"] = joined
                at += 2
            else:
                out.append(words[at])
                at += 1
        return " ".join(out)

    def split(match: re.Match[str]) -> str:
        apart = None
        if not querying.LEFT_OUT.search(match.string, 0, match.start()):
            apart = _printed_apart(searcher, match[0]) or _camel_apart(searcher, match[0])
        if not apart:
            return match[0]
        spaced[match[0]] = apart
        return f'({match[0]} OR ("{apart}" ANDNOT {match[0]}))'

    text = unquoted(text, join, _SIDE_BY_SIDE)
    return unquoted(text, split, _ONE_WORD), spaced


def _printed_run_together(reader: Any, first: str, second: str) -> bool:
    """Whether pages print the words ``first`` and ``second`` run together as a name
    (:func:`name_like`): operators and function words are no part of one."""
    if {first, second} & OPERATORS:
        return False
    one, other = fields.fold(first), fields.fold(second)
    if one in FUNCTION_WORDS or other in FUNCTION_WORDS:
        return False
    return name_like(reader, one + other)


def _printed_apart(searcher: Any, word: str) -> str | None:
    """``word`` as two words that pages print side by side: a name (:func:`name_like`) of
    three letters or more and a syllable of two or three that is no function word
    ("Tahirat" is no "Tahir at"), the longer name first: "Ryonghae" as "Ryong hae"; or,
    where no page prints ``word`` at all, a name and any word after it, as a hashtag
    typed in lower case runs them ("tarokano": "Taro Kano"; "northkorea"); None if it
    has no such parts."""
    own = fields.fold(word)
    if word in OPERATORS or own in FUNCTION_WORDS or len(own) != len(word):
        return None
    reader = searcher.reader()
    first = len(own) - _TAIL if _printed(reader, own) else _HEAD
    for cut in range(first, len(own) - 1):
        head, tail = own[:cut], own[cut:]
        if (
            len(head) >= _HEAD
            and tail not in FUNCTION_WORDS
            and name_like(reader, head)
            and _printed(reader, tail)
            and _side_by_side(searcher, f"{head} {tail}", own)
        ):
            return f"{word[:cut]} {word[cut:]}"
    return None


def _camel_apart(searcher: Any, word: str) -> str | None:
    """``word`` typed with capitals inside, as a hashtag runs words together ("SriLanka",
    "SearchAndRescue"), as those words, where no page prints it whole ("McMahon") and
    some print its words side by side; None otherwise."""
    words = _CAMEL.split(word)
    if len(words) < 2 or _printed(searcher.reader(), word):
        return None
    apart = " ".join(words)
    return apart if _side_by_side(searcher, apart, word) else None


# Where a capital follows a small letter inside a word: "Sri|Lanka", "Search|And|Rescue".
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _side_by_side(searcher: Any, words: str, word: str) -> bool:
    """Whether some article's text holds the ``words`` side by side and not ``word``
    (a page printing "Ryong-hae" holds "ryonghae" too, as it holds "ryong" and "hae")."""
    from whoosh import query

    analyse = fields.analyzers()["text"]
    tokens = [t.text for t in analyse(words, mode="query")]
    whole = [t.text for t in analyse(word, mode="query")]
    if len(tokens) != len(words.split()) or len(whole) != 1:
        return False
    apart = query.Or(
        [query.AndNot(query.Phrase(f, tokens), query.Term(f, whole[0])) for f in STEMMED_FIELDS]
    )
    return next(iter(searcher.docs_for_query(apart)), None) is not None


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
