"""A query's text read again before it is parsed: a month and year, or a year, also as
the articles' date, a figure either way a page prints it and a number said in words in
figures too, and the other way round (outside quotes and fields);
a quoted phrase no page holds as its words (:meth:`running.Run._loosen` says which).
:mod:`querying` then parses and shapes what these give."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from ipcsreader import numerals
from ipcsreader.archive.search import OPERATORS
from ipcsreader.store.ranking import OTHER_FORM
from ipcsreader.text import MONTH_NAMES, MONTHS, NUMBER_PATTERN, YEAR, number_forms, unquoted

# A month and a year typed among the words ("North Korea March 2015", "Sept 2016"), or a
# year alone ("Hussain 2015 Naga"), not asked of a field ("date:…", "title:March",
# "date:[2014 to 2016]") or as part of a word ("2014-15").
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATED = re.compile(
    rf"(?<![\w:*?~^.'’-])(?:([0-3]?\d)\s+)?((?i:{_MONTH}))\.?,?\s+({YEAR})(?![\w*?~^'’-])"
    rf"|(?<![\w:*?~^.'’\-\[<>=#])({YEAR})(?![\w*?~^'’\-\]])"
)


def dated_words(text: str) -> tuple[str, dict[str, str]]:
    """A month and year, or a year alone, among the words also match the articles the
    site dated then: a reader remembers when a piece came out as well as what it said
    ("Russia North Korea March 2015" finds #4842, stamped 2 March 2015, whose text says
    neither; "Hussain 2015 Naga Myanmar", as a citation is remembered, the piece of 2015
    whose text never says the year). In the text the month is looked for in full, as
    pages print it ("Sept 2016": "September 2016"). And each so read, as typed, in the
    order typed, with its date ("March 2015": "2015-03"; "2015": "2015")."""
    dated: dict[str, str] = {}

    def either(match: re.Match[str]) -> str:
        day, name, year, alone = match.groups()
        if alone is not None:
            dated[match[0]] = alone
            return f"(date:{alone} OR {alone})"
        month = MONTHS[name.lower()]
        full = MONTH_NAMES[month - 1][0]
        # As the pages print a date ("2 March 2015"), whatever the reader shortened.
        said = " ".join(filter(None, (day, full, year)))
        dated[match[0]] = f"{year}-{month:02d}"
        # The date clause first: Whoosh's date parser reads a clause after a year oddly.
        return f"(date:{dated[match[0]]} OR ({said}))"

    return unquoted(text, either, _DATED), dated


# A figure (text.NUMBER_PATTERN) among the words: not a field's value, a stamp, a range's
# end, a prefix or part of a word, a decimal, a sum after its currency sign or a year (see
# dated_words).
_NUMBER = re.compile(
    rf"(?<![\w:*?~^.'’\-\[{{<>=#,$€£₹])({NUMBER_PATTERN})(?![\w*?~^'’\-\]}}]|[.,]\d)"
)


def grouped_numbers(text: str) -> str:
    """``text`` with each number written either way a page may print it: with commas
    between its digits ("10,493", read as the parts "10 493" side by side; large ones in
    Indian grouping too, "1,00,000") or without ("6105"). A reader remembers a figure, not
    how the page set it."""

    def either(match: re.Match[str]) -> str:
        if re.fullmatch(YEAR, match[0]):
            return match[0]
        # The index reads "10,493" as the words "10" and "493", side by side.
        forms = number_forms(match[0])
        return "(" + " OR ".join(f'"{f.replace(",", " ")}"' if "," in f else f for f in forms) + ")"

    return unquoted(text, either, _NUMBER)


# A number said in words (numerals.RUN), or in figures up to 99: an ordinal ("6th"), or a
# count before the plural it counts ("7 constitutions"; not a name's, "Hwasong 15",
# which pages print in figures). Not a field's value, part of a word or compound
# ("three-way"), a group's first word ("(2 March 2015)", as dated_words writes it), a
# decimal, a sum or a share.
_NOT_AFTER = r"(?<![\w:*?~^.'’\-\[{<>=#,$€£₹/(])"
_SAID = re.compile(rf"{_NOT_AFTER}({numerals.RUN})(?![*?~^'’:])")
_PLURAL = r"[a-z]+s|people|men|women|children|personnel|police"
_COUNT = rf"\d{{1,2}}(?:st|nd|rd|th)|\d{{1,2}}(?=\s+(?:{_PLURAL})\b)"
_FIGURE = re.compile(rf"{_NOT_AFTER}({_COUNT})(?![\w*?~^'’\-\]}}/%:]|[.,]\d)")


def or_other(typed: str, other: str) -> str:
    """``typed`` or, counting :data:`ranking.OTHER_FORM`, ``other`` (query text both)."""
    return f"(({typed}) OR ({other})^{OTHER_FORM})"


def said_numbers(text: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """``text`` with each number said in words also searched in figures ("six thousand one
    hundred and five": 6105; "seventieth": 70th), counting :data:`ranking.OTHER_FORM` of
    the words, and each year said in words searched in figures instead ("twenty fifteen":
    2015, which :func:`dated_words` then reads as a year, with its month if one is typed
    before it); each so read, as typed, with its figures: those also searched, then those
    searched instead. A number under ten in one word ("eight", "first") is left as it is:
    mostly no number in a query ("first visit", "second strike"), or one a page spells
    out as well ("Eight Documents")."""
    also: dict[str, str] = {}
    instead: dict[str, str] = {}

    def either(match: re.Match[str]) -> str:
        said = match[1]
        figures = numerals.in_figures(said)
        if figures is None or said.lower() in numerals.UNDER_TEN:
            return match[0]
        typed = " ".join(said.split())
        if numerals.is_year(said):
            instead[typed] = figures
            return figures
        also[typed] = figures
        words = " ".join(w for w in said.split() if w.lower() != "and")
        return or_other(words, f'"{figures}"' if " " in figures else figures)

    return unquoted(text, either, _SAID), also, instead


def figures_in_words(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with each count of 1-99 and each ordinal in figures also searched as words
    ("7 constitutions": seven, "6th": sixth), counting :data:`ranking.OTHER_FORM` of the
    figure: pages spell small numbers out. Run after :func:`dated_words` (a day of a date
    stays a day)."""
    read: dict[str, str] = {}

    def either(match: re.Match[str]) -> str:
        words = numerals.in_words(match[1])
        if words is None:
            return match[0]
        read[match[1]] = words
        return or_other(match[1], words)

    return unquoted(text, either, _FIGURE), read


def is_dated(part: Any) -> bool:
    """Whether a parsed part of the query is a month read as a date (:func:`dated_words`)."""
    from whoosh import query

    return (
        type(part) is query.Or
        and bool(part.subqueries)
        and getattr(part.subqueries[0], "fieldname", None) == "date"
    )


# A quoted phrase of the query's own: not a field's (`title:"…"`), not one left out
# (`-"…"`, `NOT "…"`), with or without a slop (`"…"~3`).
_PHRASE = re.compile(r'(?:^|(?<=[\s(]))"([^"]*)"(?:~\d*)?')
# What would be syntax once a phrase's words are out of their quotes.
_PHRASE_SYNTAX = re.compile(r"[:*?~^(){}\[\]\\]")


def loosened_phrases(text: str, only: Collection[str] | None = None) -> tuple[str, tuple[str, ...]]:
    """``text`` with each quoted phrase of two or more words (of those in ``only``, as
    this gives them, if given) as its words, anywhere; and those phrases, spaced as one.
    What a query whose phrase no page holds asks next: a reader quoting from memory may
    have a word wrong or out of place ("the class enemy" for the page's "class
    enemies"), and the pages with the words close together still come first."""
    loosened: list[str] = []

    def loosen(match: re.Match[str]) -> str:
        words = _PHRASE_SYNTAX.sub(" ", match[1]).split()
        phrase = " ".join(match[1].split())
        if len(words) < 2 or text[: match.start()].rstrip().endswith(("NOT", "ANDNOT")):
            return match[0]
        if only is not None and phrase not in only:
            return match[0]
        loosened.append(phrase)
        return "(" + " ".join(w.lower() if w in OPERATORS else w for w in words) + ")"

    return _PHRASE.sub(loosen, text), tuple(loosened)
