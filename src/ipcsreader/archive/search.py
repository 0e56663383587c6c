"""What a search asks for, checked and turned into a plan the index can run.

No Whoosh here: :mod:`ipcsreader.store.index` runs the plan. Mistakes in options raise
:class:`UsageError`, mistakes in the query text :class:`QueryError` (both exit 2).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from ipcsreader.archive import fieldnames, mending, otherpieces, pasted, ranges
from ipcsreader.archive.fieldnames import OPERATORS
from ipcsreader.errors import QueryError, UsageError
from ipcsreader.numbers import SITE, linked_as_stamps
from ipcsreader.text import PAGE_DASHES, as_typed, unquoted

Sort = Literal["relevance", "newest", "oldest"]
SORTS: tuple[str, ...] = ("relevance", "newest", "oldest")
FACETS: tuple[str, ...] = ("column", "author", "year", "month")

# A word with inner apostrophes and hyphens kept whole ("Jong-un’s"): the index's tokens.
WORD_PATTERN = rf"\w+(?:['’‘{PAGE_DASHES}]\w+)*"
# Initials with dots ("U.S.", "T.C.A."): one word of a query, not its letters apart; the
# last dot is often not typed ("u.s", "l.t.t.e").
INITIALS_PATTERN = r"(?:(?:[^\W\d_]\.){2,}|(?:[^\W\d_]\.)+[^\W\d_](?![\w.]))"

# An address on ipcs.org that names no article (cut short, a columnist's, a section's),
# as a reader pastes it: the words of its last part ("…/forecast-2016-indian-ocean",
# "…/columnist/d-suba-chandran/"), which its page's title or byline holds; nothing where
# that is the script's name ("comm_select.php?articleNo=", cut before the number).
_SITE_ADDRESS = re.compile(rf"(?<![\w.@/]){SITE}\b(?P<path>/\S*)?", re.I)

# Bounds that keep any query fast: a pasted paragraph fits (a reader looking for the
# source of a passage; 160 words take about a second at 10,000 articles, bench/README's
# forty-fourth pass), a pasted page does not.
MAX_QUERY_CHARS = 1600
MAX_QUERY_WORDS = 160
MAX_FUZZY_EDITS = 2
# A wildcard that starts a word ("*ism", "?a") makes Whoosh read the whole vocabulary. A
# question mark standing after a word ("what is it ?") ends a question: punctuation.
_LEADING_WILDCARD = re.compile(r"(?:^|[\s:(\"'+-])(?:\*|\?+(?=[^\s)]))")
# A fuzzy word, its edits; Whoosh reads "~" after any mark as the word's too ("korea^~8",
# "korea)~8"), and more edits than two take it seconds to minutes.
_FUZZY = re.compile(r"(\w+)(?:\^[\d.]*|[^\w\s\"~])*~(\d*)")
# A party's or faction's letters in brackets glued to its name, as the region's press
# writes them ("CPI(M)", "PML(N)", "JD(U)"): the brackets would group, and the letters be
# a word of their own; read as the pages also write it, "CPI-M".
_GLUED_BRACKETS = re.compile(r"(?<!\w)([^\W\d_]{2,})\(([^\W\d_]{1,4})\)(?![\w(])")
# A comma or semicolon with no space after it ("russia,north korea", "hwasong,15"), as a
# hurried reader types a list: the words, each on its own (the index would read "russia
# north" as a phrase); not between figures ("10,000"). A slash between words
# ("India/Pakistan") joins them as a hyphen does: the pair side by side first, then
# apart; not between figures ("9/11") or beside a single letter ("w/o").
_GLUED_LIST = re.compile(r"(?<=\w)[,;](?=[\w#])|(?<=[^\W\d_]{2})/(?=[^\W\d_]{2})")
# A bar glued between two words ("Madhesi|Madheshi"), or two spaced ("Kurils || Kuriles"),
# as in a web search or code: either word. A bar standing alone parts a pasted line's
# items ("21 October 2014 | Varun Sahni | Big Picture") or a form's fields ("Region: China
# | Year: 2015"), and stays; a field's values so listed are its own (fieldnames.as_meant).
_BAR = re.compile(r'(?<![^\s|])([^\s:|"()]+)(?:\|\|?|\s+\|\|\s+)(?=[^\s:|"()]+(?![^\s|]))')
# A point of the compass shortened before a region's name, as headlines print it ("N Korea",
# "SE Asia", "S China Sea", "N Waziristan"): the name in full. Elsewhere a letter alone is
# an initial, which a search need not find.
_POINTS = {"n": "North", "s": "South", "e": "East", "w": "West", "c": "Central", "se": "Southeast"}
_SHORTENED = {
    "korea": ("n", "s"),
    "asia": ("s", "e", "w", "c", "se"),
    "china sea": ("s", "e"),
    "waziristan": ("n", "s"),
}
_COMPASS = re.compile(
    rf"(?<![\w.'’‘-])(?P<point>{'|'.join(_POINTS)})\.?\s+(?P<place>{'|'.join(_SHORTENED)})\b",
    re.IGNORECASE,
)
# A request put to the search as to a person ("show me …", "find articles on …", "I'm
# looking for …", "anything on …", "locate …"): its opening words ask, they say nothing
# of the subject, and a page need not hold them. Not "search for": a search is a subject
# too ("searching for a needle in the haystack"), nor "show" alone ("show of force").
_REQUEST = re.compile(
    r"^(?:please\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?"
    r"(?:(?:find|locate)(?:\s+(?:me|us))?|(?:show|give|get|fetch|bring)\s+(?:me|us)"
    r"|i(?:['’]?m|\s+am)\s+looking\s+for|looking\s+for|i(?:['’]d\s+like|\s+want|\s+need)"
    r"|anything\s+(?:on|about))\s+(?=\S)",
    re.IGNORECASE,
)
# The marks of a list typed or pasted in one line ("1) Ghani's visit 2) the ICG report",
# "a) … b) …", "iv) …"): a bracket closing no group. Taken out only where brackets do not
# pair, as then the parser could only refuse the query: "(a OR b)" stays a group.
_LIST_MARK = re.compile(r"(?<![\w()])(?:\d{1,2}|[A-Za-z]|[ivxIVX]{2,4})\)(?=\s|$)")
# A piece asked for by when it came out or what it is ("the latest article on …",
# "recent piece on …", "new commentary about …", "articles on …", "2016 article …"): those
# words say nothing of the subject, and the pages do not hold them. Only at the query's
# start, as a request's opening is, or the kind of piece after a year outside quotes
# ("2016 piece"): elsewhere they may be the subject ("new constitution", "Article 370").
_PIECE = r"(?:ipcs\s+)?(?:articles?|pieces?|commentar(?:y|ies)|op-?eds?|essays?)"
_WHICH_PIECE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?:(?:very\s+)?latest|most\s+recent|recent|newest)\s+"
    rf"(?:{_PIECE}\s+(?:(?:on|about|regarding|by|from)\s+)?)?"
    rf"|(?:new|an?|the)\s+{_PIECE}\s+(?:(?:on|about|regarding)\s+)?"
    rf"|{_PIECE}\s+(?:on|about|regarding)\s+)(?=\S)",
    re.IGNORECASE,
)
_PIECE_AFTER_YEAR = re.compile(rf"(?<=\b(?:19|20)\d\d)\s+{_PIECE}(?=\s|$)", re.IGNORECASE)
# Two sides set against each other ("Modi vs Sharif", "China versus India", "Trump v.
# Kim"), outside quotes: the sides, which the page names; it need not say "versus".
_VERSUS = re.compile(r"(?<=[\w'’)])\s+(?:(?i:vs)\.?|(?i:versus)|v\.?)\s+(?=[\w\"(])")
# A word typed twice running ("Maoist Maoist ideology"), outside quotes: once, as meant;
# twice it would count double in the ranking.
_DOUBLED = re.compile(r"(?<![\w:'’‘\-])(\w+)(?:\s+\1)+(?![\w*?~^:'’‘\-])", re.IGNORECASE)
# A query typed wholly in capitals (caps lock, a headline pasted), of three words or more
# besides AND, OR and NOT and with no brackets, is read as it would be typed: those three
# are words, not operators ("WHY IS INDIA NOT JOINING THE QUAD" leaves nothing out), and
# a word of six letters or more is a word, not an acronym, as a capital first letter tells
# ("MAJUMDAR" respelt as "Majumdar" is). Shorter ones may be acronyms ("LTTE", "AQIS").
_OPERATOR_WORD = re.compile(r"\b(?:AND|OR|NOT)\b")
_SHOUTED_WORDS = 3
_SHOUTED_LONG = re.compile(r"\b([^\W\d_])([^\W\d_]{5,})\b")


@dataclass(frozen=True)
class SearchQuery:
    """A search as a reader asks for it (see ``ipcs search --help`` for the query language)."""

    text: str = ""
    author: str | None = None
    column: str | None = None
    region: str | None = None
    year: int | None = None
    since: str | None = None
    until: str | None = None
    sort: str = "relevance"
    limit: int | None = 10
    page: int = 1
    facets: tuple[str, ...] = ()
    highlight: bool = True
    only: frozenset[int] | None = None  # article numbers allowed (the desk's tag:, is:, …)
    # Search as you type: a prefix (word*) stands for its most frequent words, at most this
    # many per field (None: every word it starts, as typed at the command line).
    completions: int | None = None
    # A word no article holds searched as the spelling a letter off it, where the answer
    # says so (``ipcs search``, ``ipcs ui``); exports and followed searches keep to the
    # words as typed.
    respell: bool = False


@dataclass(frozen=True)
class Filters:
    """Conditions every hit must meet, whatever the query text says."""

    author: str | None = None
    column: str | None = None
    region: str | None = None
    year: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    only: frozenset[int] | None = None
    # Other printings of the people ``author`` names (a byline misprinted "Vijay Sakhhuja"
    # for Vijay Sakhuja), from the people view: a byline printing any of them will do too.
    author_names: tuple[str, ...] = ()

    @property
    def narrows(self) -> bool:
        """Whether any condition is set: then they choose articles without words."""
        return self != Filters()


@dataclass(frozen=True)
class Plan:
    """A checked search, ready for the index: ``text`` as typed (tidied), ``expression``
    as the parser gets it (dates, years and numbers as ranges, see :mod:`.ranges`)."""

    text: str
    expression: str
    filters: Filters
    sort: str
    limit: int | None
    page: int
    facets: tuple[str, ...]
    highlight: bool
    completions: int | None = None
    respell: bool = False  # see SearchQuery; False once ``respelt`` is found
    # Words no article holds, each with the spelling searched instead (``store.spelling``).
    respelt: tuple[tuple[str, str], ...] = ()
    # Surnames of the text that bylines also print otherwise, a letter apart ("Sakhuja",
    # misprinted "Sakhhuja"), with those printings: the people view's (see Answers).
    printed_also: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Each ``author:`` clause of the text as typed whose name has such a surname, with
    # the name printed otherwise ('author:"Vijay Sakhuja"': "Vijay Sakhhuja"), and the
    # surname as typed and as printed there.
    bylines_also: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = ()
    # Labels of word fields filled in as on a form ("Region: East Asia"), as typed, and the
    # text without them (their values as words), searched where the labels find nothing
    # (:func:`fieldnames.form_labels`); None where there are none.
    labelled: tuple[str, ...] = ()
    unlabelled: str | None = None
    # Slips of the query's syntax left out (:mod:`.mending`), as the reader is told them.
    mended: tuple[str, ...] = ()

    @property
    def offset(self) -> int:
        return 0 if self.limit is None else (self.page - 1) * self.limit


def plan(query: SearchQuery) -> Plan:
    """Check every option of ``query``; raise a one-line error naming the first problem.

    The text and names are read as typed on a plain keyboard (:func:`as_typed`): a query
    pasted from a page, a PDF, a word processor, an address or notes asks what the same
    words typed do (:mod:`.pasted`); its fields' names as meant
    (:func:`fieldnames.as_meant`: ``Year: 2014`` is ``year:2014``)."""
    typed = as_typed(pasted.decoded(query.text))
    labelled = fieldnames.form_labels(typed)
    unlabelled = fieldnames.labels_as_words(typed) if labelled else None
    # An article's address is its stamp ("#4842"): that article; another on the site, its
    # words. Then the marks of notes, which an address may hold ("comm_select.php").
    typed = linked_as_stamps(fieldnames.as_meant(typed))
    typed = pasted.unmarked(_SITE_ADDRESS.sub(_address_words, typed))
    text = _GLUED_BRACKETS.sub(r"\1-\2", " ".join(typed.split()))
    text = _REQUEST.sub("", _GLUED_LIST.sub(_unglued, unquoted(text, _either, _BAR)), count=1)
    # (A query too long to search is refused below, not read so: a slow reading of a page.)
    text = otherpieces.left_out(text, neighbours=len(text) <= MAX_QUERY_CHARS)
    text = unquoted(_WHICH_PIECE.sub("", text, count=1), lambda _: "", _PIECE_AFTER_YEAR)
    text = unquoted(unquoted(text, _in_full, _COMPASS), _once, _DOUBLED)
    text = unquoted(text, lambda _: " ", _VERSUS)
    if _unpaired_closing(text):
        text = " ".join(unquoted(text, lambda _: " ", _LIST_MARK).split())
    if _shouted(text):
        text = _OPERATOR_WORD.sub(lambda m: m[0].lower(), text)
        text = _SHOUTED_LONG.sub(lambda m: m[1] + m[2].lower(), text)
    text, mended = mending.mended(text)
    check_syntax(text)
    expression = ranges.rewrite(text)
    if query.sort not in SORTS:
        raise UsageError(f"--sort must be one of {', '.join(SORTS)}, not {query.sort!r}")
    if query.limit is not None and query.limit < 1:
        raise UsageError(f"--limit must be at least 1, not {query.limit}")
    if query.page < 1:
        raise UsageError(f"--page must be at least 1, not {query.page}")
    if query.completions is not None and query.completions < 1:
        raise UsageError(f"completions must be at least 1, not {query.completions}")
    unknown = [f for f in query.facets if f not in FACETS]
    if unknown:
        raise UsageError(f"unknown facet {unknown[0]!r}; choose from {', '.join(FACETS)}")
    if query.year is not None and not 1000 <= query.year <= 9999:
        raise UsageError(f"--year must be a four-digit year, not {query.year}")
    since = parse_date(query.since, "--since", end=False)
    until = parse_date(query.until, "--until", end=True)
    if since and until and since > until:
        raise UsageError(f"--since {query.since} is after --until {query.until}")
    filters = Filters(
        author=_blank_to_none(query.author),
        column=_blank_to_none(query.column),
        region=_blank_to_none(query.region),
        year=query.year,
        since=since,
        until=until,
        only=query.only,
    )
    if mended and not text and not filters.narrows:
        raise QueryError(f"nothing to search for once left out: {'; '.join(mended)}")
    return Plan(
        text=text,
        expression=expression,
        filters=filters,
        sort=query.sort,
        limit=query.limit,
        page=query.page,
        facets=tuple(dict.fromkeys(query.facets)),
        highlight=query.highlight,
        completions=query.completions,
        respell=query.respell,
        labelled=labelled,
        unlabelled=unlabelled,
        mended=mended,
    )


def _outside_quotes(text: str) -> str:
    """``text`` with its phrases blanked out: they take their words literally."""
    return re.sub(r'"[^"]*"', " ", text)


def _unpaired_closing(text: str) -> bool:
    """Whether ``text`` closes more brackets than it opens, outside quotes."""
    bare = _outside_quotes(text)
    return bare.count(")") > bare.count("(")


def parse_date(value: str | None, option: str, *, end: bool) -> dt.date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (or a date in words, "2 March 2015") as the first day
    it covers (or the last, with ``end``)."""
    if value is None or not value.strip():
        return None
    problem = f"{option} {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
    period = ranges.period_of(value)
    if period is None:
        raise UsageError(problem)
    return period[1] if end else period[0]


def _address_words(match: re.Match[str]) -> str:
    """The words of an address's last part (:data:`_SITE_ADDRESS`)."""
    last = (match["path"] or "").split("?")[0].rstrip("/").rpartition("/")[2]
    if last.lower().endswith(".php"):
        return ""
    return re.sub(r"[-_]+", " ", re.sub(r"\.html?$", "", last, flags=re.I))


def _once(match: re.Match[str]) -> str:
    """A word typed twice running, once (:data:`_DOUBLED`); an operator as typed, for the
    parser to say what is wrong with it ("NOT NOT moscow")."""
    return match[0] if match[1] in OPERATORS else match[1]


def _in_full(match: re.Match[str]) -> str:
    """A region's name with its point of the compass in full, where it has one so
    (:data:`_COMPASS`)."""
    point, place = match["point"].lower(), match["place"]
    if point not in _SHORTENED[place.lower()]:
        return match[0]
    return f"{_POINTS[point]} {place}"


def _either(match: re.Match[str]) -> str:
    """A word and the bar after it (:data:`_BAR`) as the word and OR."""
    return f"{match[1]} OR "


def _unglued(match: re.Match[str]) -> str:
    """A list's comma spaced, a slash a hyphen (:data:`_GLUED_LIST`)."""
    if match[0] == "/":
        return "-"
    text, at = match.string, match.start()
    return match[0] if text[at - 1].isdigit() and text[at + 1].isdigit() else match[0] + " "


def _shouted(text: str) -> bool:
    """Whether ``text`` is in capitals throughout (:data:`_OPERATOR_WORD`). Words are
    counted as typed: "JONG-UN OR ABE'S" is two and an operator."""
    words = re.findall(r"[^\W\d_]\S*", _OPERATOR_WORD.sub(" ", text))
    return (
        len(words) >= _SHOUTED_WORDS and "(" not in text and all(word.isupper() for word in words)
    )


def check_syntax(text: str) -> None:
    """Catch what the query parser would silently guess at (a range never closed; quotes,
    brackets and operators left unpaired are mended before, see :mod:`.mending`) and what
    would take too long to answer (huge queries, words that match every word)."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(text):,} characters long; the most is {MAX_QUERY_CHARS:,}"
        )
    if len(re.findall(r"\S+", text)) > MAX_QUERY_WORDS:
        raise QueryError(f"the query has more than {MAX_QUERY_WORDS} words; use fewer")
    bare = _outside_quotes(text)
    if _LEADING_WILDCARD.search(bare) or text.lstrip().startswith("?"):
        raise QueryError("a word cannot start with '*' or '?'; put letters before them (nucl*)")
    for word, number in _FUZZY.findall(bare):
        edits = int(number or 1)
        if edits > MAX_FUZZY_EDITS:
            raise QueryError(f"'~' allows at most {MAX_FUZZY_EDITS} edits (nucelar~2), not {edits}")
        # A short word within a few edits is nearly any short word: slow, and no help.
        if len(word) < 2 * edits + 1:
            raise QueryError(
                f"'{word}~{number}' is too short for {edits} edit{'s' if edits > 1 else ''}: "
                f"give a word of at least {2 * edits + 1} letters"
            )
    if re.search(r"[\[{][^\]}]*$", text):
        raise QueryError("the query has a range ('[' or '{') that is never closed")


def _blank_to_none(value: str | None) -> str | None:
    value = as_typed(value) if value else None
    return value or None


_SUFFIX = re.compile(r"[~^][0-9.]*$")


# A range typed without a field ("[a TO az]", "{2014 TO 2016}"): its ends are no words.
_BARE_RANGE = re.compile(r"[\[{]\s*(?:[^\s\[\]{}]+\s+)?(?i:TO)(?:\s+[^\s\[\]{}]+)?\s*[\]}]")


def plain_words(text: str) -> list[str]:
    """The words of a query (as typed on a plain keyboard: "Jong–un" is one word),
    without operators, fielded clauses or syntax."""
    words = []
    # A colon with nothing after it ends a word ("Korea: Russia"), as the parser reads it.
    unfielded = ranges.FIELD_CLAUSE.sub(
        lambda clause: " " if clause[2] else clause[1], ranges.STAMP.sub(" ", as_typed(text))
    )
    unfielded = _BARE_RANGE.sub(" ", unfielded)
    for token in re.findall(r"\S+", unfielded):
        if token in OPERATORS or ":" in token:
            continue
        # A fuzzy or boost suffix (nucelar~2, korea^3, "a b"~4) is syntax, not a word.
        words.extend(re.findall(f"{INITIALS_PATTERN}|{WORD_PATTERN}", _SUFFIX.sub("", token)))
    return words
