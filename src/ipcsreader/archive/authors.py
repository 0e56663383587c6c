"""Authors: a table of everyone the archive prints, and a profile of one person.

Counts are per person (see :mod:`ipcsreader.archive.people`), so "Sandip Mishra" in a sidebar and
"Sandip Kumar Mishra" in a byline add up; each article number counts once however many
pages (old layout, new layout, listings) print it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ipcsreader.archive.known import KnownTitle, RecordsByTitle, TitleBook, from_record
from ipcsreader.archive.people import (
    ByEntry,
    Mention,
    People,
    Person,
    count_mentions,
    did_you_mean,
    group_by_person,
    identify,
)
from ipcsreader.errors import NotFoundError
from ipcsreader.model import Author, Listing, Page, Record
from ipcsreader.text import fold


@dataclass(frozen=True)
class AuthorRow:
    """One line of the authors table: ``articles`` held in the corpus, ``known`` titles in all."""

    person: Person
    articles: int
    known: int
    first_year: int | None
    last_year: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.person.name,
            "names": list(self.person.names),
            "articles": self.articles,
            "known": self.known,
            "first_year": self.first_year,
            "last_year": self.last_year,
        }


@dataclass(frozen=True)
class AffiliationSpan:
    """An affiliation and the first and last dates of the pages that print it."""

    text: str
    first: dt.date | None
    last: dt.date | None
    printed: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "affiliation": self.text,
            "first": _iso(self.first),
            "last": _iso(self.last),
            "printed": self.printed,
        }


@dataclass(frozen=True)
class Profile:
    """Everything known about one person.

    ``articles`` have numbers (``held`` when the corpus has the text); ``listed`` are titles
    known only from sidebars and listings ("Article by same Author"), without a number.
    """

    person: Person
    affiliations: tuple[AffiliationSpan, ...]
    columns: tuple[str, ...]
    articles: tuple[KnownTitle, ...]
    listed: tuple[KnownTitle, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.person.name,
            "names": list(self.person.names),
            "honorific": self.person.honorific,
            "affiliations": [a.to_dict() for a in self.affiliations],
            "columns": list(self.columns),
            "articles": [t.to_dict() for t in self.articles],
            "listed": [t.to_dict() for t in self.listed],
        }


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


class Authors:
    """The people of a corpus with every title known for each."""

    def __init__(
        self,
        records: Sequence[Record],
        pages: Sequence[Page],
        mentions: Mapping[Mention, int] | None = None,
        *,
        people: People | None = None,
        index: RecordsByTitle | None = None,
        only: Collection[str] | None = None,
    ) -> None:
        """``mentions``: :func:`count_mentions` of the same records and pages, when known.

        Only the persons of ``only`` keys (all when None) get their titles: given every
        record and page that prints them, in order, with ``people`` and the ``index`` of
        every record, their titles are as the whole corpus gives them.
        """
        mentions = count_mentions(records, pages) if mentions is None else mentions
        self.people: People = identify(mentions) if people is None else people
        self._mentions = group_by_person(self.people, mentions)
        index = RecordsByTitle(records) if index is None else index
        self._only = only
        self._books: dict[str, TitleBook] = {}
        # Side bars and "Article by same Author" lists are printed again and again; once
        # all their titles are settled in a book, printing them again changes nothing.
        self._again: ByEntry[list[KnownTitle]] = ByEntry()
        self._settled_lists: set[tuple[str, tuple[str, ...]]] = set()
        for r in records:
            self._sightings(r.authors, [from_record(r)], index)
            self._same_author(r.authors, r.same_author, index)
        for page in pages:
            self._page(page, index)

    def _sightings(
        self, authors: Sequence[Any], seen: list[KnownTitle], index: RecordsByTitle
    ) -> bool:
        """Add ``seen`` to each author's book; whether all of it is settled there."""
        settled = True
        for author in authors:
            person = self.people.of(author.name)
            if person is None or (self._only is not None and person.key not in self._only):
                continue
            book = self._books.get(person.key)
            if book is None:
                book = self._books[person.key] = TitleBook(index)
            for t in seen:
                settled = book.add(t) and settled
        return settled

    def _same_author(
        self, authors: Sequence[Author], titles: tuple[str, ...], index: RecordsByTitle
    ) -> None:
        """The "Article by same Author" titles, when the article has one author."""
        if len(authors) != 1 or (key := (authors[0].name, titles)) in self._settled_lists:
            return
        if self._sightings(authors, [KnownTitle(t) for t in titles], index):
            self._settled_lists.add(key)

    def _page(self, page: Page, index: RecordsByTitle) -> None:
        article = page.article if isinstance(page, Listing) else page
        if isinstance(page, Listing):
            for e in page.entries:
                authors = e.authors or ((page.columnist,) if page.columnist else ())
                seen = [KnownTitle(e.title, e.number, e.date, page.column)]
                self._sightings(authors, seen, index)
        if article is None:
            return
        for c in article.sidebars.columnists:
            again = self._again.get(c)
            if again is None:
                seen = [KnownTitle(t, column=c.column) for t in c.titles]
                settled = self._sightings([c.columnist], seen, index)
                self._again.put(c, [] if settled else seen)
            elif again:
                self._sightings([c.columnist], again, index)
        self._same_author(article.authors, article.sidebars.same_author, index)

    def moved(self) -> set[str]:
        """The title keys some book merged into a numbered title (:attr:`TitleBook.moved`)."""
        return set().union(*(book.moved for book in self._books.values()))

    def titles(self, person: Person) -> list[KnownTitle]:
        book = self._books.get(person.key)
        return book.titles() if book else []

    def table(self) -> list[AuthorRow]:
        """Every person, by surname."""
        return [self.row(p) for p in self.people.persons]

    def row(self, p: Person) -> AuthorRow:
        titles = self.titles(p)
        years = [t.date.year for t in titles if t.date] + [
            m.date.year for m in self._mentions.get(p.key, []) if m.date
        ]
        return AuthorRow(
            person=p,
            articles=sum(t.held for t in titles),
            known=len(titles),
            first_year=min(years, default=None),
            last_year=max(years, default=None),
        )

    def find(self, name: str) -> list[Person]:
        """The persons ``name`` matches; NotFoundError naming the nearest when none does."""
        return find_people(self.people, name)

    def profile(self, person: Person) -> Profile:
        titles = self.titles(person)
        mentions: Mapping[Mention, int] = self._mentions.get(person.key, {})
        columns: dict[str, str] = {}
        for t in titles:
            if t.column and t.number is not None:
                columns.setdefault(fold(t.column), t.column)
        for m in mentions:
            if m.column:
                columns.setdefault(fold(m.column), m.column)
        return Profile(
            person=person,
            affiliations=tuple(affiliation_spans(mentions)),
            columns=tuple(sorted(columns.values(), key=str.casefold)),
            articles=tuple(t for t in titles if t.number is not None),
            listed=tuple(t for t in titles if t.number is None),
        )


def find_people(people: People, name: str) -> list[Person]:
    """The persons ``name`` matches; NotFoundError naming the nearest when none does."""
    found = people.find(name)
    if not found:
        # Each person once, by name, however near each of their printings comes.
        shown = {n: p.name for p in people.persons for n in p.names}
        raise NotFoundError(f"No author matching {name!r}{did_you_mean(name, shown, shown)}")
    return found


def affiliation_spans(mentions: Mapping[Mention, int]) -> list[AffiliationSpan]:
    """Each printed affiliation with when it was printed, oldest first (undated last);
    ``mentions`` are counted, each with how often it is printed."""
    spans: dict[str, list[Any]] = {}
    for m, printed in mentions.items():
        text = " ".join((m.author.affiliation or "").split())
        if not text:
            continue
        key = fold(text).rstrip(".")
        span = spans.setdefault(key, [text, None, None, 0])
        span[3] += printed
        if m.date:
            span[1] = min(span[1] or m.date, m.date)
            span[2] = max(span[2] or m.date, m.date)
    out = [AffiliationSpan(*s) for s in spans.values()]
    out.sort(key=lambda s: (s.first is None, s.first or dt.date.min, s.text))
    return out


def more_by(record: Record, records: Sequence[Record], limit: int = 5) -> list[KnownTitle]:
    """Other articles by the record's author(s), newest first, then titles only listed
    for them ("Article by same Author"); at most ``limit``."""
    # The full record carries its own "Article by same Author" titles; headline records may not.
    merged = [r for r in records if r.number != record.number] + [record]
    authors = Authors(merged, ())
    seen: list[KnownTitle] = []
    for a in record.authors:
        person = authors.people.of(a.name)
        if person is not None:
            seen.extend(t for t in authors.titles(person) if t.number != record.number)
    out: list[KnownTitle] = []
    keys: set[str] = set()
    for t in seen:
        k = str(t.number) if t.number is not None else fold(t.title)
        if k not in keys:
            keys.add(k)
            out.append(t)
    return out[:limit]
