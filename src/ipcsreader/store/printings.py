"""A surname as the bylines also print it: one person's bylines that misprint a surname by a
letter ("Vijay Sakhhuja" over Vijay Sakhuja's column, grouped as one person by
:mod:`ipcsreader.archive.people`) are found by the name as typed, in a query's words and in
its ``author:`` clauses, as ``--author`` finds them. The query text is rewritten before it
is parsed, as :mod:`.acronyms` does for an acronym."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from ipcsreader.archive.fieldnames import names_of
from ipcsreader.archive.ranges import FIELD_CLAUSE
from ipcsreader.archive.search import plain_words
from ipcsreader.store.querying import POSSESSIVE
from ipcsreader.store.ranking import FIELD_BOOSTS
from ipcsreader.text import fold, unquoted

# A query's surnames printed otherwise (see :func:`also_printed`), and its ``author:``
# clauses with the name printed otherwise (see :func:`also_bylined`).
Printed = tuple[tuple[str, tuple[str, ...]], ...]
Bylined = tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...]
_AUTHOR_FIELDS = names_of("author")


def author_clauses(text: str) -> Iterator[re.Match[str]]:
    """The clauses of ``text`` asked of the author field (``author:`` or an alias,
    ``by:``…); a match's groups: the field as typed, the value (quoted or not)."""
    return field_clauses(text, _AUTHOR_FIELDS)


def field_clauses(text: str, names: Sequence[str]) -> Iterator[re.Match[str]]:
    """The clauses of ``text`` asked of a field by one of ``names`` (as for
    :func:`author_clauses`)."""
    return (c for c in FIELD_CLAUSE.finditer(text) if c[1].lower() in names)


def printed_otherwise(
    text: str, misprinted: Mapping[str, Sequence[str]]
) -> tuple[Printed, Bylined]:
    """What of ``text`` the bylines print otherwise, given each surname's other printings
    (``misprinted``, folded): its words that are such a surname (a possessive
    "Sakhuja's" is the surname), and its ``author:`` clauses naming one, each with the
    name as typed, that surname swapped for each printing (the same shape, so a printing
    scores as the name typed does), and the surname as typed and as printed."""
    words = dict.fromkeys(fold(POSSESSIVE.sub("", w)) for w in plain_words(text))
    printed = tuple((w, tuple(misprinted[w])) for w in words if w in misprinted)
    bylined = []
    for clause in author_clauses(text):
        typed = clause[2].strip('"').split()
        others = tuple(
            (" ".join([*typed[:i], other, *typed[i + 1 :]]), fold(word), other)
            for i, word in enumerate(typed)
            for other in misprinted.get(fold(word), ())
        )
        if others:
            bylined.append((clause[0], others))
    return printed, tuple(bylined)


# How much a surname printed otherwise counts against the surname typed (both folded),
# in bylines: a misprint is rarer than the name, so its idf alone would rank the pages that
# print it above those that print the name as typed.
Weight = Callable[[str, str], float]


def also_printed(text: str, others: Sequence[tuple[str, Sequence[str]]], weight: Weight) -> str:
    """``text`` with each unquoted word in ``others`` (folded) also as the bylines print it
    otherwise: ``Sakhuja`` as ``(Sakhuja OR author:sakhhuja^1.800)``, the printing weighted
    as the word is in bylines times ``weight``; after NOT, both are left out. A word after
    a field, in a compound or with a wildcard, fuzzy or boost sign is left as typed."""
    printings = dict(others)
    if not printings:
        return text
    words = "|".join(re.escape(w) for w in sorted(printings, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w:'’‘\-‐‑.])({words})(?:['’‘][sS])?(?![\w:'’‘\-‐‑*?~^])", re.I)

    def either(match: re.Match[str]) -> str:
        typed = fold(match[1])
        alternatives = " OR ".join(
            f"author:{o}^{FIELD_BOOSTS['author'] * weight(typed, o):.3f}" for o in printings[typed]
        )
        return f"({match[0]} OR {alternatives})"

    return unquoted(text, either, pattern)


def also_bylined(
    text: str, bylines: Sequence[tuple[str, Sequence[tuple[str, str, str]]]], weight: Weight
) -> str:
    """``text`` with each ``author:`` clause of ``bylines`` (as typed) also as the name it
    asks for printed otherwise, weighted by ``weight`` of the surnames: ``author:"Vijay
    Sakhuja"`` as ``(author:"Vijay Sakhuja" OR author:"Vijay Sakhhuja"^0.900)``."""
    for clause, printings in bylines:
        others = " OR ".join(
            f'author:"{name.replace(chr(34), "")}"^{weight(typed, printed):.3f}'
            for name, typed, printed in printings
        )
        # A phrase is matched whole first: a clause inside one is left as typed.
        found = re.compile(rf'"[^"]*"|(?<![\w:]){re.escape(clause)}(?![\w~^*?])')
        either = f"({clause} OR {others})"

        def swap(match: re.Match[str], clause: str = clause, either: str = either) -> str:
            return either if match[0] == clause else match[0]

        text = found.sub(swap, text)
    return text


def weight(searcher: Any) -> Weight:
    """The weight of a surname printed otherwise in bylines, against the surname typed:
    the ratio of their idfs there, so that neither counts for more (1 where either is in
    no byline), kept between 0.2 and 5."""

    def ratio(typed: str, printed: str) -> float:
        if not searcher.doc_frequency("author", typed) or not searcher.doc_frequency(
            "author", printed
        ):
            return 1.0
        share = searcher.idf("author", typed) / max(searcher.idf("author", printed), 1e-9)
        return float(min(max(share, 0.2), 5.0))

    return ratio
