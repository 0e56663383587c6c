"""The names a reader may give a field in a query, and a query's field names as meant.

Readers type a field's name as they type any word: in capitals (``TITLE:korea``,
``Author:Mishra``), with a space after the colon as a form prints a label (``year: 2014``,
``column: "dateline islamabad"``), or by a name of their own (``writer:Routray``,
``headline:…``). Each is read as the field it names. A name that only says what the query is
about (``topic:``, ``subject:``, ``country:``) is no field: it is dropped and its value
searched as words. Any other word before a colon stays as typed: a title pasted whole
("Kashmir: The Way Ahead") is words.
"""

from __future__ import annotations

import re

# The fields a query may name (the index's, see store.querying.USER_FIELDS) and the
# desk's (desk.terms.FIELDS); tests check both lists against their owners.
FIELDS = (
    "title",
    "teaser",
    "body",
    "author",
    "affiliation",
    "column",
    "region",
    "year",
    "date",
    "number",
)
DESK_FIELDS = ("tag", "is", "has", "note")
# The values the desk's fields of a few take; any other is no desk term (a platform's
# "has:link" pasted), left out of the search as a slip (see archive/mending.py).
DESK_VALUES = {"is": ("read", "unread"), "has": ("note", "tag")}
# The query language's operators, in capitals: no field's name or value.
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
# Other names readers give a field, each read as the field.
ALIASES: dict[str, tuple[str, ...]] = {
    "author": (
        "authors",
        "by",
        "writer",
        "writers",
        "columnist",
        "contributor",
        "byline",
        "inauthor",
    ),
    # A web search's own names, which readers type out of habit: "intitle:korea".
    "title": ("headline", "intitle", "allintitle"),
    "body": ("intext", "allintext"),
    "column": ("columns", "series"),
    "affiliation": ("affiliations", "institution"),
    "number": ("no", "article"),
}
# Names saying what a query is about, not where to look: their values are plain words.
ABOUT = frozenset(
    {"topic", "topics", "subject", "about", "keyword", "keywords", "theme", "country", "place"}
)
# A web search's operators, typed out of habit. Those naming where a page is ("site:ipcs.org",
# "filetype:pdf") ask nothing of an archive that is one site's articles: dropped with their
# value. Those bounding its date ("after:2014", "before:2016-06-01", Google's; "since:" and
# "until:" too) are the date's range: "after:2014" is "date:>2014", after that year. So are
# the operators of platforms a link to a piece was shared on, which say where the link
# was, in what language, how liked ("in:#afpak", "lang:en", "min_faves:10",
# "subreddit:geopolitics", "filter:links", "source:IPCS", "during:march").
_WHERE = (
    *("site", "inurl", "allinurl", "filetype", "ext"),
    *("in", "lang", "filter", "min_faves", "min_retweets", "min_replies", "during"),
    *("subreddit", "flair", "label", "source"),
)
_WHEN = {"after": ">", "before": "<", "since": ">=", "until": "<="}
_WEB = re.compile(
    r'"[^"]*"?'
    rf"|(?<![\w:.'’])(?i:(?P<where>{'|'.join(_WHERE)}):(?:\"[^\"]*\"|[^\s\"]+))"
    rf"|(?<![\w:.'’])(?i:(?P<when>{'|'.join(_WHEN)})):"
    r"(?P<date>\d{4}(?:[-/.]\d{1,2}){0,2})(?![\w/.-])"
)
# A name that is also a label in prose ("Note: the talks stalled"): a field only with its
# value right after the colon.
_LABELS = frozenset({"note"})
# Every name a query may give a field, as a field's.
NAMES = frozenset(FIELDS + DESK_FIELDS).union(*ALIASES.values())
# One of them opening a field's clause, with its colon: not inside a word or a value.
NAMED = rf"(?<![\w:.'’])(?i:{'|'.join(sorted(NAMES))}):"
# A quoted phrase (kept as it is), or a word before a colon: not inside a word ("Af-Pak:",
# "U.S.:"), with the space after the colon and what follows it.
_NAME = re.compile(
    r'"[^"]*"?'
    r"|(?<![\w:.'’])(?<!\w-)(?P<name>[^\W\d_]+):(?P<gap>\s*)(?=(?P<next>\S*))"
)
_CLAUSE_START = re.compile(r"[^\W\d_]+:")
# Punctuation ending a field's value ("Year: 2016;", "author:Mishra,"): it parts the value
# from what follows, as in a form or a list, and is no part of it.
_VALUE_END = re.compile(rf"({NAMED}[^\s\"()]*?[^\s\"();,|])[;,|]+(?=\s|$)")


def names_of(field: str) -> tuple[str, ...]:
    """Every name a query may give ``field``: its own, then its aliases."""
    return (field, *ALIASES.get(field, ()))


# A field of the index given several values, as readers list them: "year:2014,2015",
# "author:Sahni|Mahapatra", "region:(India, China)", "year:(2014 OR 2015)". The parser
# would ask for all of them at once (an article by both Sahni and Mahapatra), or take the
# commas for words; meant is any of them. Not the desk's fields, whose terms stand alone.
_INDEX_NAMES = sorted((n for f in FIELDS for n in names_of(f)), key=len, reverse=True)
_LISTED = re.compile(
    r'"[^"]*"?'
    rf"|(?<![\w:.'’])(?P<name>(?i:{'|'.join(_INDEX_NAMES)})):"
    r'(?:\((?P<group>(?:[^()"]|"[^"]*")*)\)|(?P<bare>[^\s"(),;|]+(?:[,|]+[^\s"(),;|]+)+))'
)
# One value of such a list, and what parts it from the next: a comma, a bar (or two) or OR.
_ITEM = re.compile(r'\s*("[^"]*"|(?:(?!\s+OR\s)[^,|"])+?)\s*(,|\|\|?|\s+OR\s+|$)')
_NOT_A_VALUE = re.compile(rf"[:()\[\]{{}}]|\b(?:{'|'.join(sorted(OPERATORS - {'OR'}))})\b")


def _listed(match: re.Match[str]) -> str:
    """A field's list of values (:data:`_LISTED`) as a clause on each, any of them."""
    if match["name"] is None:
        return match[0]
    listed = match["group"] if match["group"] is not None else match["bare"]
    items, at = [], 0
    for item in _ITEM.finditer(listed):
        if item.start() != at or not item[1]:
            return match[0]
        items.append(item[1])
        at = item.end()
        if not item[2]:
            break
    if at != len(listed) or len(items) < 2 or any(_NOT_A_VALUE.search(i) for i in items):
        return match[0]  # one value, or a group the parser reads (author:(Sandip Mishra))
    name = match["name"]
    quoted = [i if i.startswith('"') or " " not in i else f'"{i}"' for i in items]
    return "(" + " OR ".join(f"{name}:{i}" for i in quoted) + ")"


def as_meant(text: str) -> str:
    """``text`` (a query as typed) with each field's name in small letters and joined to
    its value, and each name of :data:`ABOUT` dropped: ``Year: 2014 Author:Mishra``
    as ``year:2014 author:Mishra``, ``topic:diaspora`` as ``diaspora``, ``Year: 2016;``
    as ``year:2016``; a web search's operators as the archive's (:data:`_WEB`:
    ``after:2014`` as ``date:>2014``)."""
    if ":" not in text:
        return text
    text = _WEB.sub(_web_operator, text)

    def one(match: re.Match[str]) -> str:
        name = match["name"]
        if name is None:
            return match[0]
        low = name.lower()
        if low in ABOUT:
            return ""
        if low not in NAMES:
            return match[0]
        value = match["next"]
        if match["gap"] and low in _LABELS:
            return match[0]
        if match["gap"] and (
            not value or value in OPERATORS or _CLAUSE_START.match(value) is not None
        ):
            return f"{low}:{match['gap']}"  # no value after it: as typed, said so later
        return f"{low}:"

    return _LISTED.sub(_listed, _VALUE_END.sub(r"\1", _NAME.sub(one, text)))


# The fields whose values are words (names, titles): a label of one filled in as on a
# form ("Region: East Asia") is a guess at how the archive files the page, which it may
# file otherwise (the page is "China"'s); its words may still find it.
_WORD_FIELDS = frozenset(
    name for field in FIELDS if field not in ("year", "date", "number") for name in names_of(field)
)


def form_labels(text: str) -> tuple[str, ...]:
    """The labels of word fields in ``text`` written as a form prints them, a space after
    the colon ("Region: East Asia", "Author: Sakhuja"), as typed: their values, searched
    as fields, may find nothing that their words would (see :func:`labels_as_words`)."""
    return tuple(match["name"] for match in _NAME.finditer(text) if _is_form_label(match))


def labels_as_words(text: str) -> str:
    """``text`` with the labels of :func:`form_labels` dropped, their values kept as words."""

    return _NAME.sub(lambda match: "" if _is_form_label(match) else match[0], text)


def _is_form_label(match: re.Match[str]) -> bool:
    """Whether a match of :data:`_NAME` is a word field's label as a form prints it, with
    a value after the space."""
    name, value = match["name"], match["next"]
    return bool(
        name
        and match["gap"]
        and value
        and name.lower() in _WORD_FIELDS
        and value not in OPERATORS
        and _CLAUSE_START.match(value) is None
    )


def _web_operator(match: re.Match[str]) -> str:
    if match["where"]:
        return ""
    if match["when"]:
        sign = _WHEN[match["when"].lower()]
        return f"date:{sign}{re.sub(r'[/.]', '-', match['date'])}"
    return match[0]
