"""Merge pages into one :class:`Record` per article number. Pure: no I/O.

An article can be known from its old-layout page, its new-layout page, a columnist page
that sets it in full, and listing entries that name it (by number, or only by title). Each
field of the record takes the most complete value any of them gives.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ipcsreader.model import Article, Author, Block, Listing, ListingEntry, Page, Record

T = TypeVar("T")

# "Pakistan?s": an apostrophe the old site lost on the way to the page.
_MOJIBAKE = re.compile(r"\w\?\w")


@dataclass(frozen=True)
class _View:
    """What one page says about one article number."""

    source: str
    layout: str
    article: Article | None = None
    entry: ListingEntry | None = None
    listing: Listing | None = None


def merge(
    pages: Iterable[tuple[str, Page]], titles: Mapping[str, Collection[int]] | None = None
) -> list[Record]:
    """One record per article number named by ``pages`` ((source, page) pairs), by number.

    ``titles``: which numbers each title key is claimed by (:func:`claims`) over every page
    of the corpus, when ``pages`` are only some of them (an update merging again only the
    articles it touched); by default, over ``pages``.
    """
    from ipcsreader.text import title_key

    pages = list(pages)
    articles: list[_View] = []
    entries: list[_View] = []
    for source, page in pages:
        if isinstance(page, Article):
            if page.number is not None:
                articles.append(_View(source, page.layout, article=page))
            continue
        if page.article is not None and page.article.number is not None:
            articles.append(_View(source, page.layout, article=page.article))
        entries.extend(_View(source, page.layout, entry=e, listing=page) for e in page.entries)

    # A listing entry that gives no number is matched by its title, unless two articles
    # share that title (a guess then could merge two different articles).
    if titles is None:
        by_title: dict[str, set[int]] = defaultdict(set)
        for _, page in pages:
            for key, number in claims(page):
                by_title[key].add(number)
        titles = by_title

    grouped: dict[int, list[_View]] = defaultdict(list)
    for view in articles:
        grouped[_number(view)].append(view)
    for view in entries:
        assert view.entry is not None
        if view.entry.number is not None:
            grouped[view.entry.number].append(view)
            continue
        candidates = titles.get(title_key(view.entry.title), ())
        if len(candidates) == 1:
            grouped[next(iter(candidates))].append(view)

    return [_record(number, views) for number, views in sorted(grouped.items())]


def claims(page: Page) -> Iterator[tuple[str, int]]:
    """(title key, number) of the article and of each numbered listing entry on ``page``:
    what a listing entry without a number is matched against."""
    from ipcsreader.text import title_key

    article = page if isinstance(page, Article) else page.article
    if article is not None and article.number is not None and article.title:
        yield title_key(article.title), article.number
    if isinstance(page, Listing):
        for e in page.entries:
            if e.number is not None:
                yield title_key(e.title), e.number


def named(page: Page) -> set[int]:
    """The numbers ``page`` names outright (its article's, its entries')."""
    article = page if isinstance(page, Article) else page.article
    found = (
        {e.number for e in page.entries if e.number is not None}
        if isinstance(page, Listing)
        else set()
    )
    if article is not None and article.number is not None:
        found.add(article.number)
    return found


def loose_titles(page: Page) -> set[str]:
    """The title keys of the listing entries on ``page`` that give no number."""
    from ipcsreader.text import title_key

    if not isinstance(page, Listing):
        return set()
    return {title_key(e.title) for e in page.entries if e.number is None}


def _number(view: _View) -> int:
    assert view.article is not None and view.article.number is not None
    return view.article.number


def _record(number: int, views: list[_View]) -> Record:
    arts = [v.article for v in views if v.article is not None]
    ents = [(v.entry, v.listing) for v in views if v.entry is not None and v.listing]

    titles = [(a.title, 1) for a in arts] + [(e.title, 0) for e, _ in ents]
    title = _best(titles, lambda t: (not _MOJIBAKE.search(t[0]), t[1], len(t[0])))

    teasers = [(a.teaser, 1) for a in arts] + [(e.teaser, 0) for e, _ in ents]
    teaser = _best(teasers, lambda t: (t[1], len(t[0])))

    author_sets = [(a.authors, 1) for a in arts] + [
        (e.authors or ((lst.columnist,) if lst.columnist else ()), 0) for e, lst in ents
    ]
    # A column's listing prints its columnist's rank or post once, above entries that name
    # only the author ("Vijay Shankar" under "Vice Admiral (Retd.)"): it fills them in.
    columnists = [lst.columnist for _, lst in ents if lst.columnist]
    authors = _merge_authors(author_sets, columnists)

    body = max(
        (a for a in arts if a.blocks),
        key=lambda a: (not a.truncated, sum(len(b.text) for b in a.blocks)),
        default=None,
    )
    blocks: tuple[Block, ...] = body.blocks if body else ()

    same_author: dict[str, None] = {}
    for a in arts:
        same_author.update(dict.fromkeys(a.sidebars.same_author))

    return Record(
        number=number,
        title=title,
        date=_first([a.date for a in arts] + [e.date for e, _ in ents]),
        column=_first([a.column for a in arts] + [lst.column for _, lst in ents]),
        region=_first([a.region for a in arts]),
        authors=authors,
        teaser=teaser,
        blocks=blocks,
        truncated=body.truncated if body else any(a.truncated for a in arts),
        listing_only=not arts,
        sources=tuple(sorted({v.source for v in views})),
        layouts=tuple(sorted({v.layout for v in views})),
        same_author=tuple(same_author),
    )


def _best(
    candidates: Sequence[tuple[T | None, int]], score: Callable[[tuple[T, int]], object]
) -> T:
    """The non-empty value with the highest score (earliest wins ties), else None."""
    present = [(value, rank) for value, rank in candidates if value]
    if not present:
        return None  # type: ignore[return-value]
    return max(present, key=score)[0]  # type: ignore[arg-type]


def _first(values: list[T | None]) -> T | None:
    return next((v for v in values if v), None)


def _completeness(authors: tuple[Author, ...]) -> int:
    return sum(1 + bool(a.affiliation) + bool(a.honorific) + bool(a.email) for a in authors)


def _merge_authors(
    author_sets: list[tuple[tuple[Author, ...], int]], more: Sequence[Author] = ()
) -> tuple[Author, ...]:
    """The most complete author list, each author filled in from the other pages (and
    from ``more``, people the pages name who may be among the authors).

    The old page prints "Sandip Kumar Mishra" with an affiliation, the new one "Dr Sandip
    Mishra" with none: the record keeps the fuller name, the longer affiliation and the
    honorific, matching people across pages by folded surname.
    """
    from ipcsreader.names import fold

    base = _best(author_sets, lambda t: (len(t[0]), t[1], _completeness(t[0])))
    if not base:
        return ()
    others = [a for authors, _ in author_sets for a in authors] + list(more)

    def surname(author: Author) -> str:
        return fold(author.name).split()[-1] if author.name.split() else ""

    merged = []
    for author in base:
        same = [o for o in others if surname(o) == surname(author)]
        merged.append(
            Author(
                name=max((o.name for o in same), key=lambda n: (len(n.split()), len(n))),
                affiliation=max((o.affiliation or "" for o in same), key=len) or None,
                honorific=_first([author.honorific] + [o.honorific for o in same]),
                email=_first([author.email] + [o.email for o in same]),
            )
        )
    return tuple(merged)
