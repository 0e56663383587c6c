"""The IPCS columns, gathered from every page that mentions them.

Article pages give a column, its author and the article; the "IPCS Columnists" sidebar
gives each column's columnist and recent titles; columnist pages and column listing pages
give titles with numbers and dates. A columnist printed in the sidebar without a column
name stays without one (``Column.name is None``) rather than being guessed into one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ipcsreader.archive.known import KnownTitle, RecordsByTitle, TitleBook, date_range, from_record
from ipcsreader.archive.people import (
    ByEntry,
    Mention,
    People,
    Person,
    column_key,
    count_mentions,
    did_you_mean,
    identify,
    wanted_key,
)
from ipcsreader.errors import NotFoundError
from ipcsreader.model import Article, Author, Listing, Page, Record


@dataclass(frozen=True)
class Affiliation:
    """An affiliation as printed, with the date of the page that printed it."""

    text: str
    date: dt.date | None = None


@dataclass(frozen=True)
class Columnist:
    """A person writing a column: ``articles`` counts the articles the corpus holds,
    ``known`` the titles known; ``titles`` are all of them, or the latest few (see
    :func:`recent`)."""

    person: Person
    affiliation: Affiliation | None
    articles: int
    first: dt.date | None
    last: dt.date | None
    titles: tuple[KnownTitle, ...]
    known: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.person.name,
            "names": list(self.person.names),
            "honorific": self.person.honorific,
            "affiliation": self.affiliation.text if self.affiliation else None,
            "affiliation_date": _iso(self.affiliation.date if self.affiliation else None),
            "articles": self.articles,
            "first": _iso(self.first),
            "last": _iso(self.last),
            "titles": [t.to_dict() for t in self.titles],
        }


@dataclass(frozen=True)
class Column:
    """A column (``name`` None: columnists the sidebar names without a column)."""

    name: str | None
    columnists: tuple[Columnist, ...]
    unsigned: tuple[KnownTitle, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "column": self.name,
            "columnists": [c.to_dict() for c in self.columnists],
            "unsigned": [t.to_dict() for t in self.unsigned],
        }


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


@dataclass
class _Gathered:
    names: Counter[str] = field(default_factory=Counter)
    from_sidebar: set[str] = field(default_factory=set)
    books: dict[str, TitleBook] = field(default_factory=dict)
    unsigned: TitleBook | None = None


class Gatherer:
    """Each column's spellings and, for each person (or none) writing in it, their titles;
    for the persons of ``only`` keys alone when given (see :class:`Authors`)."""

    def __init__(
        self, index: RecordsByTitle, people: People, only: Collection[str] | None = None
    ) -> None:
        self.index = index
        self.people = people
        self.only = only
        self.columns: dict[str | None, _Gathered] = defaultdict(_Gathered)
        # Side-bar entries whose every title is a record, with their column's group.
        self.resolved: ByEntry[_Gathered] = ByEntry()

    def _column(self, name: str | None, *, sidebar: bool = False) -> _Gathered:
        g = self.columns[column_key(name)]
        if name:
            g.names[name.strip()] += 1
            if sidebar:
                g.from_sidebar.add(name.strip())
        return g

    def add(self, column: str | None, author: Author | None, seen: KnownTitle | None) -> None:
        g = self._column(column)
        person = self.people.of(author.name) if author else None
        if person is None:
            if seen is not None:
                g.unsigned = g.unsigned or TitleBook(self.index)
                g.unsigned.add(seen)
            return
        if self.only is not None and person.key not in self.only:
            return
        book = g.books.get(person.key)
        if book is None:
            book = g.books[person.key] = TitleBook(self.index)
        if seen is not None:
            book.add(seen)

    def moved(self) -> set[str]:
        """The title keys some columnist's book merged into a numbered title
        (:attr:`TitleBook.moved`)."""
        return set().union(*(b.moved for g in self.columns.values() for b in g.books.values()))

    def gather(self, records: Iterable[Record], pages: Iterable[Page]) -> None:
        for r in records:
            self.add_record(r)
        for page in pages:
            if isinstance(page, Listing):
                self.add_listing(page)
            else:
                self.add_article(page)

    def add_record(self, r: Record) -> None:
        if not r.column:
            return
        for author in r.authors or (None,):
            self.add(r.column, author, from_record(r))

    def add_article(self, a: Article) -> None:
        for entry in a.sidebars.columnists:
            g = self.resolved.get(entry)
            if g is not None:
                # Printed again on another page: adding its titles again would change no
                # title book, but each printing counts towards the spelling, as below.
                if entry.column:
                    g.names[entry.column.strip()] += 2 + len(entry.titles)
                continue
            self._column(entry.column, sidebar=True)
            self.add(entry.column, entry.columnist, None)
            for title in entry.titles:
                self.add(entry.column, entry.columnist, KnownTitle(title, column=entry.column))
            if all(self.index.known(title) is not None for title in entry.titles):
                self.resolved.put(entry, self.columns[column_key(entry.column)])

    def add_listing(self, page: Listing) -> None:
        if page.columnist is not None:
            self.add(page.column, page.columnist, None)
        for e in page.entries:
            seen = KnownTitle(e.title, e.number, e.date, page.column)
            for author in e.authors or (page.columnist,):
                self.add(page.column, author, seen)
        if page.article is not None:
            self.add_article(page.article)
            if page.article.title:
                a = page.article
                for author in a.authors or (page.columnist,):
                    seen = KnownTitle(a.title or "", a.number, a.date, page.column)
                    self.add(page.column, author, seen)


def gather_columns(
    records: Sequence[Record], pages: Sequence[Page], mentions: Counter[Mention] | None = None
) -> list[Column]:
    """Every column with its columnists, alphabetically; the column-less group last.

    ``mentions``: :func:`count_mentions` of the same records and pages, when known.
    """
    return [column for _, column in keyed_columns(records, pages, mentions)]


def keyed_columns(
    records: Sequence[Record], pages: Sequence[Page], mentions: Counter[Mention] | None = None
) -> list[tuple[str | None, Column]]:
    """:func:`gather_columns`, each column with its key (:func:`column_key`)."""
    mentions = count_mentions(records, pages) if mentions is None else mentions
    people = identify(mentions)
    g = Gatherer(RecordsByTitle(records), people)
    g.gather(records, pages)
    affiliations = latest_affiliations(mentions, people)
    persons = {p.key: p for p in people.persons}

    out: list[tuple[str | None, Column]] = []
    for key, gathered in g.columns.items():
        columnists = [
            columnist(persons[pk], book, affiliations.get(pk))
            for pk, book in gathered.books.items()
        ]
        unsigned = tuple(gathered.unsigned.titles()) if gathered.unsigned else ()
        if key is None and not columnists:
            continue
        out.append((key, Column(_display(gathered), by_recency(columnists), unsigned)))
    out.sort(key=lambda kc: column_order(kc[1]))
    return out


def column_order(c: Column) -> tuple[bool, str]:
    return (c.name is None, column_key(c.name) or "")


def by_recency(columnists: list[Columnist]) -> tuple[Columnist, ...]:
    """Latest first, then by name (no two persons have one name)."""

    def latest(c: Columnist) -> tuple[int, str]:
        return (-(c.last or dt.date.min).toordinal(), c.person.name)

    return tuple(sorted(columnists, key=latest))


def _display(g: _Gathered) -> str | None:
    return display(g.names, g.from_sidebar)


def display(names: Mapping[str, int], from_sidebar: Collection[str]) -> str | None:
    """A column's name from its printed spellings: the sidebar spells the column as the
    site meant it; else the most printed spelling."""
    if not names:
        return None
    pool = {n: c for n, c in names.items() if n in from_sidebar} or names
    return max(pool, key=lambda n: (pool[n], n))


def columnist(person: Person, book: TitleBook, affiliation: Affiliation | None) -> Columnist:
    titles = book.titles()
    held = [t for t in titles if t.held]
    first, last = date_range(held)
    return Columnist(person, affiliation, len(held), first, last, tuple(titles), len(titles))


def recent(column: Column, count: int) -> Column:
    """``column`` with only the latest ``count`` titles of each columnist and unsigned ones
    (what the listing of every column shows)."""
    return replace(
        column,
        columnists=tuple(replace(c, titles=c.titles[:count]) for c in column.columnists),
        unsigned=column.unsigned[:count],
    )


def latest_affiliations(mentions: Mapping[Mention, int], people: People) -> dict[str, Affiliation]:
    """Each person's most recently printed affiliation (undated printings count as oldest)."""
    best: dict[str, Affiliation] = {}
    for m in mentions:
        person = people.of(m.author.name)
        if person is None or not m.author.affiliation:
            continue
        old = best.get(person.key)
        if old is None or (m.date or dt.date.min) > (old.date or dt.date.min):
            best[person.key] = Affiliation(m.author.affiliation, m.date)
    return best


def select_columns(
    columns: Sequence[Column], *, author: str | None = None, column: str | None = None
) -> list[Column]:
    """The columns whose name contains ``column`` and, with ``author``, only their columnists
    that the name matches. Raises NotFoundError when nothing is left."""
    chosen = list(columns)
    if column:
        wanted = wanted_key("column", column)
        chosen = [c for c in chosen if wanted in (column_key(c.name) or "")]
        if not chosen:
            names = [c.name for c in columns if c.name]
            raise NotFoundError(f"No column matching {column!r}{did_you_mean(column, names)}")
    if author:
        wanted_key("author", author)  # a name of no words would match every columnist
        picked = []
        for c in chosen:
            mine = tuple(w for w in c.columnists if w.person.matches(author))
            if mine:
                picked.append(Column(c.name, mine))
        if not picked:
            names = sorted({w.person.name for c in chosen for w in c.columnists})
            where = f" in {chosen[0].name}" if column and len(chosen) == 1 else ""
            raise NotFoundError(
                f"No columnist matching {author!r}{where}{did_you_mean(author, names)}"
            )
        chosen = picked
    return chosen
