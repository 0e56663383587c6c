"""What ``columns``, ``authors``, ``browse`` and ``stats`` ask of the library (and a
search's ``--author``, of who is who): answers an update computed ahead and kept in the
catalog (:mod:`ipcsreader.archive.views`, :mod:`ipcsreader.store.views`), read without
going through every record and page.

:class:`Answers` is part of :class:`ipcsreader.library.Library`, which gives it
:meth:`_read` (a read of the catalog, repaired and read again should it be damaged).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from ipcsreader.model import Record
from ipcsreader.store import codec
from ipcsreader.store import views as store_views
from ipcsreader.store.catalog import Catalog

if TYPE_CHECKING:
    from ipcsreader.archive.authors import AuthorRow, Profile
    from ipcsreader.archive.browse import Archive
    from ipcsreader.archive.columns import Column
    from ipcsreader.archive.known import KnownTitle
    from ipcsreader.archive.search import Plan, SearchQuery
    from ipcsreader.archive.stats import CorpusStats
    from ipcsreader.desk.store import Desk

_T = TypeVar("_T")
# How many of the archive's regions an error lists where none is near the one asked for
# (the site files its articles under some thirty).
_REGIONS_LISTED = 12


class Answers:
    """The library's ready answers (a part of :class:`ipcsreader.library.Library`)."""

    def _read(self, read: Callable[[Catalog], _T]) -> _T:
        raise NotImplementedError  # the library's own

    def desk(self, *, create: bool) -> Desk | None:
        raise NotImplementedError  # the library's own

    def people_named(self, checked: Plan) -> Plan:
        """``checked`` with the other printings of the people it names, as ``ipcs
        authors`` groups them (a byline misprinted by a letter is one of them): of those
        its ``--author`` and ``author:`` clauses name, and of each surname of its words
        that a byline prints otherwise ("Sakhuja" also finds the byline "Vijay
        Sakhhuja")."""
        from ipcsreader.store import spelling
        from ipcsreader.store.printings import printed_otherwise

        people = self._read(store_views.people)
        text = spelling.spelt(checked).text
        printed, bylined = printed_otherwise(text, people.misprinted_surnames())
        checked = replace(checked, printed_also=printed, bylines_also=bylined)
        author = checked.filters.author
        if not author:
            return checked
        found = people.find(author)
        printings = tuple(sorted({n for person in found for n in person.names}))
        return replace(checked, filters=replace(checked.filters, author_names=printings))

    def check_filters(self, query: SearchQuery) -> None:
        """Raise NotFoundError, naming the nearest, when ``query``'s ``--author`` or an
        ``author:`` clause names nobody the pages print, its ``--column`` or a ``column:``
        clause no column, its ``--region`` or a ``region:`` clause no region (where none is
        near, the regions there are), or a ``tag:`` no tag of the desk's: why a search
        found nothing, where "no articles match" would blame the words."""
        from ipcsreader.archive.authors import find_people
        from ipcsreader.archive.browse import check_named
        from ipcsreader.archive.fieldnames import names_of
        from ipcsreader.archive.search import plan
        from ipcsreader.desk import terms
        from ipcsreader.store.printings import author_clauses, field_clauses

        checked = plan(query)
        people = self._read(store_views.people)
        if checked.filters.author:
            find_people(people, checked.filters.author)
        for name in _asked(checked.text, author_clauses(checked.text)):
            find_people(people, name)
        if checked.filters.column:
            self.columns(column=checked.filters.column, listing=True)
        for name in _asked(checked.text, field_clauses(checked.text, names_of("column"))):
            self.columns(column=name, listing=True)
        regions = [checked.filters.region] if checked.filters.region else []
        regions += _asked(checked.text, field_clauses(checked.text, names_of("region")))
        if regions:
            filed = self._read(lambda store: store.regions())
            for name in regions:
                check_named("region", name, filed, listed=_REGIONS_LISTED)
        terms.check_tags(query.text, self.desk(create=False))

    def columns(
        self, *, author: str | None = None, column: str | None = None, listing: bool = False
    ) -> list[Column]:
        """The columns :func:`columns.select_columns` chooses; ``listing``: with only the
        latest titles of each columnist (unless a filter asks for a columnist or column)."""
        from ipcsreader.archive.columns import select_columns

        def read(store: Catalog) -> list[Column]:
            if not author and not column:
                return store_views.columns(store, listing=listing)
            shown = store_views.columns(store, listing=True)
            names = {c.name for c in select_columns(shown, author=author, column=column)}
            places = [i for i, c in enumerate(shown) if c.name in names]
            return select_columns(
                store_views.columns_at(store, places), author=author, column=column
            )

        return self._read(read)

    def author_table(self) -> list[AuthorRow]:
        return self._read(store_views.author_table)

    def author_profiles(self, name: str) -> list[Profile]:
        """The profile of everyone ``name`` may mean (NotFoundError when nobody)."""
        from ipcsreader.archive.authors import find_people

        def read(store: Catalog) -> list[Profile]:
            found = find_people(store_views.people(store), name)
            return store_views.profiles(store, [p.key for p in found])

        return self._read(read)

    def latest_by_one(self, record: Record, limit: int) -> list[KnownTitle] | None:
        """What :func:`authors.more_by` gives for ``record`` over all the records, when
        the catalog alone can tell, else None.

        It can when the record has one author and no other printed name may be theirs
        (then their list is every record printing that name and every record a title of
        their "Article by same Author" lists names, the first by number when several), and
        at least ``limit`` of those others are dated and the newest ``limit`` are held
        (a listed-only title takes the printing seen first, which needs every record).
        The catalog chooses them from its columns; only those ``limit`` records are read.
        """
        from ipcsreader.archive.known import from_record
        from ipcsreader.archive.people import Name, may_be_same, parse_name

        name = parse_name(record.authors[0].name) if len(record.authors) == 1 else None
        if name is None or limit < 1:
            return None

        def read(store: Catalog) -> list[Record] | None:
            for key in store.author_keys():
                words = key.split(" ")  # a key is the name's words joined by spaces
                if key != name.key and may_be_same(name, Name(tuple(words[:-1]), words[-1])):
                    return None  # who is who among their names needs every record
            # Keyed as the catalog keyed them when it kept them (cached: the same few
            # titles are listed on every page of an author).
            keys = codec.title_keys(record.same_author)
            dated = store.newest_listed(name.key, keys, record.number, limit)
            if len(dated) < limit or any(only for _, only in dated):
                return None
            found = {r.number: r for r in store.records([n for n, _ in dated])}
            return [found[n] for n, _ in dated]

        records = self._read(read)
        return None if records is None else [from_record(r) for r in records]

    def corpus_counts(self) -> CorpusStats:
        """The counts of ``ipcs stats`` (the index's own figures left empty)."""
        return self._read(store_views.stats)

    def browse(
        self,
        *,
        year: int | None = None,
        month: int | None = None,
        column: str | None = None,
        region: str | None = None,
    ) -> Archive:
        """:func:`browse.browse` over every record, reading only what it shows of those shown."""
        from ipcsreader.archive import browse

        def read(store: Catalog) -> Archive:
            # Without a name to match, only the year's rows are needed to choose.
            narrow = year if not (column or region) else None
            chosen, filters = browse.choose(
                store.browse_facts(narrow),
                year=year,
                month=month,
                column=column,
                region=region,
                years=store.years,
            )
            return browse.arrange(store.listed(chosen), filters)

        return self._read(read)


def _asked(text: str, clauses: Iterable[re.Match[str]]) -> Iterator[str]:
    """The values of ``clauses`` (field clauses of ``text``) that ask for something: not
    empty, and not left out ("NOT author:x", "-by:x" is no reason nothing was found)."""
    for clause in clauses:
        name = clause[2].strip('"')
        if name.strip() and not re.search(r"(?:\bNOT\s+|-)$", text[: clause.start()]):
            yield name
