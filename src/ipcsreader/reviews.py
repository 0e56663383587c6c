"""The views an update changes, recomputed only for the persons and columns it touches.

The views come from one ordered pass over every record and page (:mod:`ipcsreader.archive.views`),
whose result depends on order, so what a changed page gave cannot be taken out of them.
What can be done: each person's titles, mentions and affiliation come only from the records
and pages printing one of their names, in order, and from the records their titles are
found as (:mod:`ipcsreader.archive.touched`). So the pass is run again over those sources
only, for the persons that a change touches: those printed by a changed record or page
(before or after) or given a title found as a changed record, with every name of their
person. Their rows, profiles and columns are replaced; every other one is kept.

This holds while the grouping of names into persons stays as it was. A full recompute is
done instead (:func:`part` gives None) when a touched name is new or gone, is in other
columns than before, or its person would be printed otherwise (name, names, honorific);
when titles without a person are touched; when a column appears or goes. Column spellings
are counts, updated by what the changed sources printed before and print now.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from ipcsreader.archive import touched
from ipcsreader.archive.authors import Authors
from ipcsreader.archive.columns import Column, Gatherer, by_recency, columnist, display
from ipcsreader.archive.columns import latest_affiliations as affiliations_of
from ipcsreader.archive.known import (
    KnownTitle,
    RecordsByTitle,
    from_record,
    known_title,
    title_key,
)
from ipcsreader.archive.people import Mention, People, count_mentions, identify, printed_name
from ipcsreader.archive.stats import counted_stats, recount_pages
from ipcsreader.model import ColumnistEntry, Page, Record
from ipcsreader.store import views as store_views
from ipcsreader.store.catalog import Catalog


def part(
    old: Catalog,
    rewritten: Sequence[Record],
    gone: set[int],
    fresh: dict[str, Page],
    before: dict[str, Page],
) -> Callable[[sqlite3.Connection], None] | None:
    """What writes the views of ``old`` changed by an update: records ``rewritten`` and
    ``gone``, pages ``before`` (as ``old`` has them) now ``fresh`` or gone. None when only
    a full recompute is sure to be right."""
    numbers = {r.number for r in rewritten} | gone
    counts = store_views.counts(old)
    if counts is None:
        return None  # a catalog from before the counts were kept: they are written anew
    was = old.records(numbers)
    sources = {touched.record_source(n) for n in numbers} | before.keys() | fresh.keys()
    found = set().union(*(touched.record_refs(r) for r in [*was, *rewritten]))
    index = _Stored(old, rewritten, gone)
    people: People = store_views.kept(old, "people")
    printed: Counter[tuple[str, str]] = store_views.kept(old, "printed")
    printed.subtract(touched.printed(count_mentions(was, before.values())))
    printed.update(touched.printed(count_mentions(rewritten, fresh.values())))
    printed = +printed

    # The names the changed records and pages print, before and after, or give a title
    # found as a changed record; and the names printed only by their side bars.
    names = {n for r in [*was, *rewritten] for n in touched.record_names(r)}
    pages_now = [*before.values(), *fresh.values()]
    names |= {n for page in pages_now for n in touched.page_names(page, sidebars=False)}
    names |= store_views.names_referring(old, found)
    entries = [e for page in pages_now for e in touched.sidebar_entries(page)]
    names |= {
        touched.name_key(e.columnist) for e in entries if not touched.absorbed(e, index, found)
    }
    if touched.UNSIGNED in names:
        return None
    persons = {people.of_key(name) for name in names}
    sided = {people.of_key(touched.name_key(e.columnist)) for e in entries} - persons
    if None in persons | sided:
        return None
    # Printed once more or less in a side bar, a person with no other change keeps
    # everything but how often a name is printed, and so their name may change.
    for person in sided:
        assert person is not None
        spelled: dict[str, Counter[str]] = {k: Counter() for k in people.name_keys({person.key})}
        for (k, spelling), n in printed.items():
            if k in spelled:
                spelled[k][spelling] = n
        if not all(spelled.values()) or printed_name(spelled) != (person.name, person.names):
            return None
    only = {p.key for p in persons if p is not None}
    names = people.name_keys(only)
    named = list(touched.named(rewritten, fresh.items()))

    # Every record and page printing them, after the update, in order.
    theirs = [r for r in rewritten if any(touched.name_key(a) in names for a in r.authors)]
    stored = old.numbers_by(names) - numbers
    records = sorted([*old.records(stored), *theirs], key=lambda r: r.number)
    outside = store_views.printing(old, names) - sources
    whole = old.pages(sorted(k for k in outside if not k.startswith("#")), sidebars=False)
    fresh_pages = [(k, fresh[k]) for k, given, _ in named if k in fresh and names & given.keys()]
    bars = [(k, e) for k, e in store_views.columnists(old, names) if k not in sources]

    def in_order(entries: Mapping[str, Sequence[ColumnistEntry]]) -> list[Page]:
        # Of the side bars, only the entries of these names count (no other person is
        # replayed): the pages printing them elsewhere are read without the others'.
        pages = dict(whole)
        pages.update(
            (key, touched.with_columnists(pages[key], tuple(mine)))
            if key in pages
            else (key, touched.sidebar_only(tuple(mine)))
            for key, mine in entries.items()
            if mine
        )
        pages.update(fresh_pages)
        return [pages[k] for k in sorted(pages)]

    # Each side-bar entry replayed where first printed (thousands of pages print each).
    first, again = touched.printed_once(bars)
    pages = in_order(first)
    index.prefetch(*touched.looked_up(records, pages))
    replay = _Replay(records, pages, again, names, people, index, only)
    if touched.again_titles(again) & replay.moved():
        replay = _Replay(records, in_order(dict(bars)), [], names, people, index, only)
    mentions, authors, gatherer = replay.mentions, replay.authors, replay.gatherer
    variants = touched.variant_columns(mentions)
    kept_variants = store_views.kept(old, "variants")
    if variants.keys() != names or any(kept_variants.get(k) != v for k, v in variants.items()):
        return None
    if set(identify(mentions).persons) != persons:
        return None

    spellings: Counter[touched.Spelling] = store_views.kept(old, "spellings")
    for r in was:
        spellings.subtract(touched.record_spellings(r))
    for r in rewritten:
        spellings.update(touched.record_spellings(r))
    for page in before.values():
        spellings.subtract(touched.page_spellings(page))
    for page in fresh.values():
        spellings.update(touched.page_spellings(page))
    spellings = +spellings

    layout: tuple[store_views.Placed, ...] = store_views.kept(old, "layout")
    by_key = {p.key: p for p in people.persons}
    affiliations = affiliations_of(mentions, people)
    columns: dict[int, Column] = {}
    placed = list(layout)
    present = {key for key, _, _ in spellings if key is not None}
    if present != {key for key, _, _ in layout if key is not None}:
        return None
    for pos, (key, name, members) in enumerate(layout):
        books = gatherer.columns[key].books if key in gatherer.columns else {}
        now = display(*touched.spelled(spellings, key))
        if not (members & only or books or now != name):
            continue
        (was_column,) = store_views.columns_at(old, [pos])
        mine = [columnist(by_key[pk], book, affiliations.get(pk)) for pk, book in books.items()]
        kept = [c for c in was_column.columnists if c.person.key not in only]
        columns[pos] = Column(now, by_recency(kept + mine), was_column.unsigned)
        if key is None and not columns[pos].columnists:
            return None
        placed[pos] = (key, now, frozenset(c.person.key for c in columns[pos].columnists))
    lost = gatherer.columns.get(None)
    if None not in {key for key, _, _ in layout} and lost is not None and lost.books:
        return None  # the columnists without a column appear

    table = tuple(
        authors.row(row.person) if row.person.key in only else row
        for row in store_views.author_table(old)
    )
    counts.count(was, -1).count(rewritten)
    stats = recount_pages(
        counted_stats(counts, (), index_bytes=0, index_updated=None, index_state=""),
        store_views.stats(old),
        before.values(),
        fresh.values(),
    )
    profiles = [authors.profile(by_key[k]) for k in sorted(only)]
    return lambda db: store_views.write_part(
        db,
        columns,
        profiles,
        sources,
        named,
        table=table,
        stats=stats,
        layout=tuple(placed),
        spellings=spellings,
        printed=printed,
        counts=counts,
    )


class _Replay:
    """The pass over every record and page printing the names of persons ``only``, in
    order: the mentions of those names, their titles and their columns. ``pages`` may
    print a side-bar entry once for all its printings (:func:`touched.printed_once`),
    ``again`` how often it is printed after."""

    def __init__(
        self,
        records: Sequence[Record],
        pages: Sequence[Page],
        again: touched.Again,
        names: set[str],
        people: People,
        index: RecordsByTitle,
        only: set[str],
    ) -> None:
        counted = count_mentions(records, pages)
        for entry, n in again:
            counted[Mention(entry.columnist, entry.column)] += n
        self.mentions = Counter(
            {m: n for m, n in counted.items() if touched.name_key(m.author) in names}
        )
        self.authors = Authors(records, pages, self.mentions, people=people, index=index, only=only)
        self.gatherer = Gatherer(index, people, only)
        self.gatherer.gather(records, pages)

    def moved(self) -> set[str]:
        return self.authors.moved() | self.gatherer.moved()


class _Stored(RecordsByTitle):
    """Every record as the update leaves them (``old``'s, with ``rewritten`` and without
    ``gone``), found as :class:`RecordsByTitle` finds them but from what the catalog's rows
    tell of each (:func:`store_views.title_facts`), looked up as asked: no record of the
    corpus is decoded but those :meth:`find` returns (few: the titles of changed side-bar
    entries), and only the rows of the titles asked for are read."""

    def __init__(self, old: Catalog, rewritten: Sequence[Record], gone: set[int]) -> None:
        super().__init__(sorted(rewritten, key=lambda r: r.number))
        self._old = old
        self._hidden = gone | self.by_number.keys()
        self._facts: dict[int, store_views.TitleFacts | None] = {}
        self._titles: dict[str, int | None] = {}  # each title's key, with its lowest number
        self._read: dict[int, Record] = {}

    def prefetch(self, keys: Iterable[str], numbers: Iterable[int]) -> None:
        """Read the rows of the records of these title keys and numbers in one go (any
        other is read when asked for)."""
        titled: dict[str, int | None] = dict.fromkeys(set(keys) - self._titles.keys())
        wanted = set(numbers) - self._facts.keys()
        for facts in store_views.title_facts(self._old, wanted, titled):
            number, key = facts[0], facts[1]
            self._facts[number] = facts
            if key in titled and titled[key] is None and number not in self._hidden:
                titled[key] = number
        self._facts.update((n, None) for n in wanted - self._facts.keys())
        self._titles.update(titled)

    def _stored(self, number: int) -> store_views.TitleFacts | None:
        if number in self._hidden:
            return None
        if number not in self._facts:
            self.prefetch((), [number])
        return self._facts[number]

    def _titled(self, key: str) -> int | None:
        if key not in self._titles:
            self.prefetch([key], ())
        return self._titles[key]

    def _number(self, title: str, number: int | None) -> int | None:
        """The number of the record :meth:`RecordsByTitle.find` finds."""
        if number is not None and (number in self.by_number or self._stored(number)):
            return number
        key = title_key(title)
        stored, mine = self._titled(key), self._by_key.get(key)
        if mine is not None and (stored is None or mine.number < stored):
            return mine.number
        return stored

    def find(self, title: str, number: int | None = None) -> Record | None:
        found = self._number(title, number)
        if found is None:
            return None
        record = self.by_number.get(found) or self._read.get(found)
        if record is None:
            (record,) = self._old.records([found])
            self._read[found] = record
        return record

    def known(self, title: str, number: int | None = None) -> KnownTitle | None:
        found = self._number(title, number)
        if found is None:
            return None
        made = self._known.get(found)
        if made is None:
            record = self.by_number.get(found)
            if record is not None:
                made = from_record(record)
            else:
                facts = self._stored(found)
                assert facts is not None
                _, _, printed_title, date, column, listed = facts
                made = known_title(found, printed_title, date, column, listed)
            self._known[found] = made
        return made
