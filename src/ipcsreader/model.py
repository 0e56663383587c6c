"""The domain model: what a page says, as plain frozen dataclasses. No I/O here.

A parsed page is either an :class:`Article` (one commentary, possibly cut off) or a
:class:`Listing` (a columnist page or a column's listing page). Pages about the same
article number are merged later into one :class:`Record`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

SITE = "https://www.ipcs.org"
# The site prints dates in English whatever the reader's locale (strftime would follow it).
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

Layout = Literal["old", "new"]
SourceFormat = Literal["text", "html"]
BlockKind = Literal["text", "heading", "epigraph", "attribution", "speaker"]
Matched = Literal["all", "some"]  # a search hit has every word of the query, or some


def article_url(number: int) -> str:
    """The canonical ipcs.org address of article ``number``."""
    return f"{SITE}/comm_select.php?articleNo={number}"


@dataclass(frozen=True)
class Author:
    """A person as printed on a page.

    ``name`` carries no honorific ("Sandip Kumar Mishra"); the honorific printed before
    it ("Dr", "Prof", "Vice Admiral (Retd.)") is kept in ``honorific``.
    """

    name: str
    affiliation: str | None = None
    honorific: str | None = None
    email: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "affiliation": self.affiliation,
            "honorific": self.honorific,
            "email": self.email,
        }


@dataclass(frozen=True)
class Block:
    """One paragraph of an article body, with what it is on the page.

    ``heading`` is a sub-heading inside the body; ``epigraph`` a quotation opening the body
    and ``attribution`` the line naming its source; ``speaker`` a name line introducing a
    speaker's remarks in a discussion report.
    """

    text: str
    kind: BlockKind = "text"


@dataclass(frozen=True)
class ColumnistEntry:
    """One columnist in the "IPCS Columnists" sidebar: column, columnist, recent titles."""

    column: str | None
    columnist: Author
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sidebars:
    """The side columns of an old-layout page."""

    columnists: tuple[ColumnistEntry, ...] = ()
    same_author: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    taxonomies: tuple[tuple[str, tuple[str, ...]], ...] = ()
    archive_years: tuple[int, ...] = ()

    def is_empty(self) -> bool:
        return not (
            self.columnists
            or self.same_author
            or self.contributors
            or self.taxonomies
            or self.archive_years
        )


@dataclass(frozen=True)
class Article:
    """One commentary as one page shows it."""

    layout: Layout
    number: int | None = None
    source: str | None = None
    format: SourceFormat = "text"
    region: str | None = None
    date: dt.date | None = None
    column: str | None = None
    title: str | None = None
    authors: tuple[Author, ...] = ()
    teaser: str | None = None
    blocks: tuple[Block, ...] = ()
    truncated: bool = False
    sidebars: Sidebars = field(default_factory=Sidebars)

    kind: Literal["article"] = "article"

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks)

    @property
    def url(self) -> str | None:
        return article_url(self.number) if self.number is not None else None


@dataclass(frozen=True)
class ListingEntry:
    """A title a listing names, with what the listing gives of it."""

    title: str
    number: int | None = None
    date: dt.date | None = None
    teaser: str | None = None
    authors: tuple[Author, ...] = ()


@dataclass(frozen=True)
class Listing:
    """A columnist page or a column listing page.

    ``page`` is ``"columnist"`` (a columnist's page: column, columnist, titles, and the
    latest article set in full) or ``"column"`` (``columns_select.php``: a column's titles
    with author, date, number and an excerpt). ``article`` is the article a columnist
    page shows below its list, when the page has one.
    """

    layout: Layout
    page: Literal["columnist", "column"]
    source: str | None = None
    format: SourceFormat = "text"
    column: str | None = None
    columnist: Author | None = None
    entries: tuple[ListingEntry, ...] = ()
    page_number: int | None = None
    truncated: bool = False
    article: Article | None = None

    kind: Literal["listing"] = "listing"


Page = Article | Listing


@dataclass(frozen=True)
class Record:
    """Everything known about one article number, merged from every page that names it.

    ``listing_only`` is true when no page with the article's text is in the corpus, only
    listings that name it. ``sources`` are the files that contributed, ``layouts`` the
    page layouts among them.
    """

    number: int
    title: str | None = None
    date: dt.date | None = None
    column: str | None = None
    region: str | None = None
    authors: tuple[Author, ...] = ()
    teaser: str | None = None
    blocks: tuple[Block, ...] = ()
    truncated: bool = False
    listing_only: bool = False
    sources: tuple[str, ...] = ()
    layouts: tuple[str, ...] = ()
    same_author: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks)

    @property
    def url(self) -> str:
        return article_url(self.number)


@dataclass(frozen=True)
class Hit:
    """One search result: the record's headline fields and a plain-text snippet.

    ``highlights`` are (start, end) character spans of matched terms inside ``snippet``.
    """

    number: int
    score: float
    title: str | None
    date: dt.date | None
    authors: tuple[Author, ...]
    column: str | None
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()
    listing_only: bool = False
    # "some": found by the any-word search, after every hit that has all the words (for a
    # question, among them: see ``SearchResult.question``).
    matched: Matched = "all"
    # Of a hit with some of the words ranked among those with all of them, as it holds the
    # rest far better: the words it lacks, as typed (empty if they cannot be told).
    lacks: tuple[str, ...] | None = None


@dataclass(frozen=True)
class SearchResult:
    """A page of hits, with the total over all pages and optional facet counts.

    ``total`` and the facets count the articles with every word of the query; a page they
    leave short goes on with the best of those with some of the words (``Hit.matched``).
    The few of those ranked among them, holding the rest far better (``Hit.lacks``), are
    counted in ``total`` too, not in the facets.
    """

    query: str
    total: int
    hits: tuple[Hit, ...]
    seconds: float
    page: int = 1
    limit: int = 10
    facets: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    suggestion: str | None = None
    # True when no article had every word and the hits are those with any of them.
    relaxed: bool = False
    # The query's quoted phrases, as typed, that no article holds as such: the hits have
    # their words anywhere instead (those with them close together first).
    loosened: tuple[str, ...] = ()
    # True when the query is a question: its hits are the articles with any of its words,
    # those with more of them first unless others hold the rest far better (an answer
    # need not say "happened"); ``total`` counts them all.
    question: bool = False
    # True when the query describes an article (five words or more, a name counted once,
    # or four with half in lower case): ranked as a question is (``question`` is True too).
    described: bool = False
    # The query's acronyms also read as the names they stand for, and names typed in full
    # as their acronyms, as the archive's pages pair them: (as typed, the other form).
    also_read: tuple[tuple[str, str], ...] = ()
    # The names of ``also_read`` that no page pairs with their acronym, read as their
    # initials, which the pages print as an acronym.
    by_initials: tuple[str, ...] = ()
    # A month and its year typed among the words, also read as the articles' date, so that
    # an article dated then has them: (as typed, "YYYY-MM").
    dated: tuple[tuple[str, str], ...] = ()
    # Words typed that were also searched as others of one meaning, which count for less
    # ("ties": "relations, relationship"; a capital as its country: "Tokyo": "japan").
    also_said: tuple[tuple[str, str], ...] = ()
    # Years said in words, searched in figures instead: (as typed, the year):
    # ("twenty fifteen", "2015").
    in_figures: tuple[tuple[str, str], ...] = ()
    # Words of the query that no article holds, each with the spelling searched instead
    # (a letter off: "Seetharamiah", searched as "Seetharamaiah"): (as typed, as searched).
    respelt: tuple[tuple[str, str], ...] = ()
    # A name's words typed spaced otherwise than pages print them, also searched as those
    # pages print them, unsaid: (as typed, as printed): ("Ryong Hae", "Ryonghae").
    spaced: tuple[tuple[str, str], ...] = ()
    # Labels of fields filled in as on a form ("Region: East Asia"), as typed, under which
    # no article is filed: the hits have the labels' values as words anywhere instead.
    labelled: tuple[str, ...] = ()
    # Slips of the query's syntax left out, as the reader is told them ('an unclosed
    # quote (")', "“AND” with no word after it"): the hits are the rest's.
    mended: tuple[str, ...] = ()


@dataclass(frozen=True)
class FoundNumbers:
    """The numbers of the articles a search finds, in its order, and how it found them:
    ``relaxed``, ``loosened``, ``labelled`` and ``mended`` as :class:`SearchResult` has
    them."""

    numbers: list[int]
    relaxed: bool = False
    loosened: tuple[str, ...] = ()
    labelled: tuple[str, ...] = ()
    mended: tuple[str, ...] = ()


@dataclass(frozen=True)
class AlsoRead:
    """What a search reads a query's words as besides the words typed, each pair (as
    typed, the other form): ``paired``, its acronyms and names in full in their other
    form, as the archive's pages pair them (``by_initials``: the names read as their
    initials, which no page pairs); ``respelt``, its words no article holds, with
    the spelling searched instead; ``said``, its words with others of one meaning, those
    others joined by ", " ("ties": "relations, relationship"); ``spaced``, its names
    spaced as pages print them ("Ryong Hae": "Ryonghae"), which no reading says. A
    reading marks them all."""

    paired: tuple[tuple[str, str], ...] = ()
    respelt: tuple[tuple[str, str], ...] = ()
    said: tuple[tuple[str, str], ...] = ()
    by_initials: tuple[str, ...] = ()
    spaced: tuple[tuple[str, str], ...] = ()

    def others(self) -> list[str]:
        """Every other form, to mark beside the words typed."""
        said = [other for _typed, others in self.said for other in others.split(", ")]
        respelt = [(typed, marked_words(other)) for typed, other in self.respelt]
        return [other for _typed, other in (*self.paired, *respelt, *self.spaced) if other] + said


def marked_words(reading: str) -> str:
    """The words a reading marks in the text: not its fields' clauses (a citation key
    read as "author:mishra year:2015 russia" marks "russia")."""
    return " ".join(word for word in reading.split() if ":" not in word)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _none_if_blank(value: str | None) -> str | None:
    return value if value else None


def article_to_dict(article: Article, file: str | None = None) -> dict[str, Any]:
    """The JSON shape of a parsed article (``ipcs parse --json``)."""
    out: dict[str, Any] = {
        "file": file if file is not None else article.source,
        "kind": "article",
        "layout": article.layout,
        "format": article.format,
        "number": article.number,
        "url": article.url,
        "date": _iso(article.date),
        "region": _none_if_blank(article.region),
        "column": _none_if_blank(article.column),
        "title": _none_if_blank(article.title),
        "authors": [a.to_dict() for a in article.authors],
        "teaser": _none_if_blank(article.teaser),
        "paragraphs": list(article.paragraphs),
        "blocks": [{"kind": b.kind, "text": b.text} for b in article.blocks],
        "truncated": article.truncated,
    }
    if not article.sidebars.is_empty():
        out["sidebars"] = sidebars_to_dict(article.sidebars)
    return out


def sidebars_to_dict(s: Sidebars) -> dict[str, Any]:
    return {
        "columnists": [
            {"column": c.column, "columnist": c.columnist.to_dict(), "titles": list(c.titles)}
            for c in s.columnists
        ],
        "same_author": list(s.same_author),
        "contributors": list(s.contributors),
        "taxonomies": {name: list(items) for name, items in s.taxonomies},
        "archive_years": list(s.archive_years),
    }


def listing_to_dict(listing: Listing, file: str | None = None) -> dict[str, Any]:
    """The JSON shape of a parsed listing page."""
    return {
        "file": file if file is not None else listing.source,
        "kind": "listing",
        "layout": listing.layout,
        "format": listing.format,
        "page": listing.page,
        "number": None,
        "date": None,
        "region": None,
        "column": _none_if_blank(listing.column),
        "title": None,
        "columnist": listing.columnist.to_dict() if listing.columnist else None,
        "authors": [listing.columnist.to_dict()] if listing.columnist else [],
        "teaser": None,
        "paragraphs": [],
        "page_number": listing.page_number,
        "truncated": listing.truncated,
        "entries": [
            {
                "title": e.title,
                "number": e.number,
                "date": _iso(e.date),
                "teaser": e.teaser,
                "authors": [a.to_dict() for a in e.authors],
            }
            for e in listing.entries
        ],
        "article": article_to_dict(listing.article, file) if listing.article else None,
    }


def page_to_dict(page: Page, file: str | None = None) -> dict[str, Any]:
    if isinstance(page, Listing):
        return listing_to_dict(page, file)
    return article_to_dict(page, file)


def record_to_dict(record: Record) -> dict[str, Any]:
    """The JSON shape of a merged record (``ipcs read --format json``, exports)."""
    return {
        "number": record.number,
        "url": record.url,
        "title": record.title,
        "date": _iso(record.date),
        "column": record.column,
        "region": record.region,
        "authors": [a.to_dict() for a in record.authors],
        "teaser": record.teaser,
        "paragraphs": list(record.paragraphs),
        "blocks": [{"kind": b.kind, "text": b.text} for b in record.blocks],
        "truncated": record.truncated,
        "listing_only": record.listing_only,
        "sources": list(record.sources),
        "layouts": list(record.layouts),
        "same_author": list(record.same_author),
    }


def hit_to_dict(hit: Hit) -> dict[str, Any]:
    return {
        "number": hit.number,
        "score": round(hit.score, 4),
        "title": hit.title,
        "date": _iso(hit.date),
        "authors": [a.name for a in hit.authors],
        "column": hit.column,
        "snippet": hit.snippet,
        "listing_only": hit.listing_only,
        "url": article_url(hit.number),
    }
