"""Whom each record and page prints, and what it refers to, so that an update can tell
which persons and columns a change touches (:mod:`ipcsreader.reviews`). Pure: no I/O.

A person's titles (:class:`~ipcsreader.archive.authors.Authors`, the columns'
:class:`~ipcsreader.archive.columns.Gatherer`) come only from the records and pages that
print one of their names, in order, and from the records their titles are found as (by
number or title). So a change of some records and pages can change the titles of the
persons they print, before or after, and of those with a title found as a changed record;
nobody else's. The column spellings are counted here by source, so that they can be
updated by subtracting what a changed source printed and adding what it prints now.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ipcsreader.archive.known import RecordsByTitle, title_key
from ipcsreader.archive.people import ByEntry, Mention, column_key, parse_name
from ipcsreader.model import Article, Author, ColumnistEntry, Listing, Page, Record, Sidebars
from ipcsreader.text import fold

# The name of titles printed without a person (a column's unsigned titles).
UNSIGNED = ""
# What a name is printed with when it refers to no title (it is printed, all the same).
NO_REF = ""
# A column's spelling as printed (None: printed without one), and whether in a side bar.
Spelling = tuple[str | None, str | None, bool]


def name_key(author: Author | None) -> str:
    parsed = parse_name(author.name) if author is not None else None
    return parsed.key if parsed is not None else UNSIGNED


def record_source(number: int) -> str:
    """How a record is named among the sources (pages are named by their key)."""
    return f"#{number}"


@lru_cache(maxsize=1 << 16)
def refs(title: str | None, number: int | None = None) -> frozenset[str]:
    """How a title printed with this number is found among the records (either way)."""
    out = {f"#{number}"} if number is not None else set()
    if title:
        out.add(f"t:{title_key(title)}")
    return frozenset(out)


def _entry_names(entry: ColumnistEntry) -> tuple[str, frozenset[str]]:
    return name_key(entry.columnist), frozenset().union(*(refs(t) for t in entry.titles))


def record_refs(record: Record) -> frozenset[str]:
    """What finds ``record`` (its number, its title), as :class:`RecordsByTitle` does."""
    return refs(record.title, record.number)


class _Names:
    def __init__(self) -> None:
        self.out: dict[str, set[str]] = {}

    def add(self, authors: Iterable[Author | None], found: Iterable[str] = ()) -> None:
        for author in authors:
            self.out.setdefault(name_key(author), {NO_REF}).update(found)


def record_names(record: Record) -> dict[str, set[str]]:
    """Each name key ``record`` prints, with the refs of the titles it gives it."""
    names = _Names()
    found = refs(record.title or f"#{record.number}", record.number)  # as from_record
    names.add(record.authors, found)
    if len(record.authors) == 1:
        names.add(record.authors, set().union(*(refs(t) for t in record.same_author)))
    if not record.authors and record.column:
        names.add([None], found)
    return names.out


def page_names(page: Page, *, sidebars: bool = True) -> dict[str, set[str]]:
    """Each name key ``page`` prints, with the refs of the titles it gives it (but those of
    the side bar's columnists, without ``sidebars``)."""
    return _page_names(page, sidebars, ByEntry())[0]


def _page_names(
    page: Page, sidebars: bool, made: ByEntry[tuple[str, frozenset[str]]]
) -> tuple[dict[str, set[str]], set[str]]:
    """:func:`page_names`, and the names printed but in the side bar."""
    names = _Names()
    article = page.article if isinstance(page, Listing) else page
    if isinstance(page, Listing):
        if page.columnist is not None:
            names.add([page.columnist])
        for e in page.entries:
            names.add(e.authors or (page.columnist,), refs(e.title, e.number))
        if article is not None and article.title:
            names.add(article.authors or (page.columnist,), refs(article.title, article.number))
    if article is None:
        return names.out, set(names.out)
    names.add(article.authors)
    if len(article.authors) == 1:
        names.add(article.authors, set().union(*(refs(t) for t in article.sidebars.same_author)))
    outside = set(names.out)
    for entry in article.sidebars.columnists if sidebars else ():
        key, found = made.get(entry) or made.put(entry, _entry_names(entry))
        names.out.setdefault(key, {NO_REF}).update(found)
    return names.out, outside


def sidebar_entries(page: Page) -> tuple[ColumnistEntry, ...]:
    article = page.article if isinstance(page, Listing) else page
    return article.sidebars.columnists if article is not None else ()


def absorbed(entry: ColumnistEntry, index: RecordsByTitle, changed: Collection[str]) -> bool:
    """Whether printing ``entry`` once more or once less changes nothing but counts.

    So it is when each of its titles is an unchanged record (none of ``changed`` refs finds
    it) that the same name wrote in the same column: the record gave the columnist that
    title, in that column, before any page did; and when it prints neither honorific nor
    affiliation (an undated one can decide which is shown) nor a title it cannot settle.
    """
    author, column = entry.columnist, entry.column
    if author.honorific or author.affiliation or not column or not entry.titles:
        return False
    key = name_key(author)
    for title in entry.titles:
        if not refs(title).isdisjoint(changed):
            return False
        r = index.find(title)
        if r is None or not r.column or fold(r.column) != fold(column):
            return False
        if key not in {name_key(a) for a in r.authors}:
            return False
    return True


def printed(mentions: Mapping[Mention, int]) -> Counter[tuple[str, str]]:
    """How often each name key is printed each way (what names a person)."""
    out: Counter[tuple[str, str]] = Counter()
    for m, n in mentions.items():
        if (key := name_key(m.author)) != UNSIGNED:
            out[key, m.author.name.strip(" .")] += n
    return out


# A source (see :func:`named`), each name it prints with its refs, and the names it prints
# but in its side bar.
Named = tuple[str, dict[str, set[str]], set[str]]


def named(records: Iterable[Record], pages: Iterable[tuple[str, Page]]) -> Iterator[Named]:
    """Each record (by :func:`record_source`) and page (by key) with what it names."""
    for r in records:
        names = record_names(r)
        yield record_source(r.number), names, set(names)
    made: ByEntry[tuple[str, frozenset[str]]] = ByEntry()  # entries printed on many pages
    for key, page in pages:
        yield key, *_page_names(page, True, made)


def with_columnists(page: Page, entries: tuple[ColumnistEntry, ...]) -> Page:
    """``page`` with these "IPCS Columnists" entries in its side bar (a listing's article's)."""
    if isinstance(page, Listing):
        if page.article is None:
            return page
        return replace(
            page, article=replace(page.article, sidebars=_columnists(page.article, entries))
        )
    return replace(page, sidebars=_columnists(page, entries))


def _columnists(article: Article, entries: tuple[ColumnistEntry, ...]) -> Sidebars:
    return replace(article.sidebars, columnists=entries)


# Side-bar entries printed again after their first printing, each with how often.
Again = list[tuple[ColumnistEntry, int]]


def printed_once(
    printed: Iterable[tuple[str, Sequence[ColumnistEntry]]],
) -> tuple[dict[str, tuple[ColumnistEntry, ...]], Again]:
    """Of the side-bar entries each page prints (pages in order), those it prints first
    (by page, every page given), and how often each is printed again after.

    The same object is the same entry (the catalog decodes each distinct entry once). An
    entry printed again adds to how often its columnist is printed, and nothing else:
    its titles found as records are settled in every book at its first printing, and a
    title not found is merged into the one its first printing left (the views' passes skip
    or repeat them so). But when that undated title was given a number in between
    (:attr:`ipcsreader.archive.known.TitleBook.moved`, keys of :func:`again_titles`), the
    printing after made it a title of its own again: the caller then replays every printing.
    """
    again: dict[int, list[Any]] = {}
    first: dict[str, tuple[ColumnistEntry, ...]] = {}
    for key, entries in printed:
        mine = []
        for entry in entries:
            seen = again.get(id(entry))
            if seen is None:
                again[id(entry)] = [entry, 0]
                mine.append(entry)
            else:
                seen[1] += 1
        first[key] = tuple(mine)
    return first, [(entry, n) for entry, n in again.values() if n]


def again_titles(again: Again) -> set[str]:
    """The keys of the titles of the entries :func:`printed_once` left out somewhere."""
    return {title_key(t) for entry, _ in again for t in entry.titles}


def looked_up(records: Iterable[Record], pages: Iterable[Page]) -> tuple[set[str], set[int]]:
    """The title keys and numbers the views' passes over these records and pages look up
    among the records: their titles, those they list and their numbers."""
    titles: set[str] = set()
    numbers: set[int] = set()
    for r in records:
        titles.update((r.title or "", *r.same_author))
        numbers.add(r.number)
    for page in pages:
        article = page.article if isinstance(page, Listing) else page
        if isinstance(page, Listing):
            titles.update(e.title for e in page.entries)
            numbers.update(e.number for e in page.entries if e.number is not None)
        if article is not None:
            titles.update((article.title or "", *article.sidebars.same_author))
            titles.update(t for e in article.sidebars.columnists for t in e.titles)
            if article.number is not None:
                numbers.add(article.number)
    return {title_key(t) for t in titles}, numbers


def sidebar_only(entries: tuple[ColumnistEntry, ...]) -> Article:
    """A page that prints some names only in its side bar, as the views of those names
    see it: its side bar's ``entries`` of those names (what :mod:`ipcsreader.reviews`
    replays)."""
    return Article(layout="old", sidebars=Sidebars(columnists=entries))


def record_spellings(record: Record) -> Counter[Spelling]:
    """How often ``record`` prints its column (as the columns' gatherer counts it)."""
    out: Counter[Spelling] = Counter()
    if record.column:
        out[_spelling(record.column)] += max(1, len(record.authors))
    return out


def page_spellings(page: Page) -> Counter[Spelling]:
    """How often ``page`` prints each column, in a side bar or not."""
    out: Counter[Spelling] = Counter()
    if isinstance(page, Listing):
        here = _spelling(page.column)
        if page.columnist is not None:
            out[here] += 1
        for e in page.entries:
            out[here] += len(e.authors or (page.columnist,))
        if page.article is not None:
            _sidebar_spellings(page.article, out)
            if page.article.title:
                out[here] += len(page.article.authors or (page.columnist,))
    else:
        _sidebar_spellings(page, out)
    return out


def _sidebar_spellings(article: Article, out: Counter[Spelling]) -> None:
    for entry in article.sidebars.columnists:
        key, spelled, _ = _spelling(entry.column)
        out[key, spelled, True] += 1
        out[key, spelled, False] += 1 + len(entry.titles)


def _spelling(column: str | None) -> Spelling:
    return (column_key(column), column.strip() if column else None, False)


def spellings(records: Iterable[Record], pages: Iterable[Page]) -> Counter[Spelling]:
    total: Counter[Spelling] = Counter()
    for r in records:
        total.update(record_spellings(r))
    for page in pages:
        total.update(page_spellings(page))
    return total


def spelled(total: Mapping[Spelling, int], key: str | None) -> tuple[Counter[str], set[str]]:
    """A column's printed spellings with how often each, and those printed in a side bar."""
    names: Counter[str] = Counter()
    sidebar: set[str] = set()
    for (k, spelling, in_sidebar), n in total.items():
        if k != key or spelling is None or n <= 0:
            continue
        names[spelling] += n
        if in_sidebar:
            sidebar.add(spelling)
    return names, sidebar


def variant_columns(mentions: Iterable[Mention]) -> dict[str, frozenset[str]]:
    """Each name key mentioned, with the keys of the columns it is mentioned in (what
    decides which names are one person, besides the names)."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        key = name_key(m.author)
        if key == UNSIGNED:
            continue
        columns = out.setdefault(key, set())
        if (ck := column_key(m.column)) is not None:
            columns.add(ck)
    return {key: frozenset(columns) for key, columns in out.items()}
