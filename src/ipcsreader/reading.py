"""The reader's desk over the library: which numbers are articles, the reading list, and
what arrived for the searches followed.

The desk itself (:mod:`ipcsreader.desk`) knows only article numbers; this joins it to the
corpus as the library sees it. Commands use it beside :class:`~ipcsreader.library.Library`.

``ipcs new`` works from first sightings: the desk keeps every article number it has seen
with text in the corpus, and in which batch it first saw it. Each time, the corpus's
articles (the index is brought up to date first, so fetched, synced and hand-added pages
are all there) are compared with those seen; the unseen become a new batch. The followed
searches then run, restricted to the batches after the one the last ``ipcs new`` reported,
and the mark moves on (``--peek``: it stays). The first sighting of all is the baseline:
what the corpus held then is not news. Numbers seen stay seen, so an index rebuilt or
deleted, or a page re-fetched, brings nothing back as new.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from ipcsreader.archive.search import SearchQuery, plan
from ipcsreader.desk import terms
from ipcsreader.desk.store import Desk, Entry, Follow
from ipcsreader.errors import IpcsError, NotFoundError, QueryError, UsageError
from ipcsreader.library import Library
from ipcsreader.model import Hit, Record, hit_to_dict, record_to_dict
from ipcsreader.store.filtering import name_words


@dataclass(frozen=True)
class Listed:
    """One article on the reading list: what the corpus says of it (None: not in the
    corpus now), and what the desk holds."""

    entry: Entry
    record: Record | None

    def to_dict(self) -> dict[str, object]:
        head = record_to_dict(self.record) if self.record else {"number": self.entry.number}
        keep = ("number", "title", "date", "column", "authors", "listing_only")
        return {**{k: v for k, v in head.items() if k in keep}, **self.entry.to_dict()}


@dataclass(frozen=True)
class News:
    """What ``ipcs new`` found: how many articles arrived, and each follow's hits."""

    arrived: int
    found: tuple[tuple[Follow, tuple[Hit, ...]], ...]
    peek: bool
    numbers: frozenset[int] = frozenset()  # the corpus's articles never seen before
    arrived_numbers: frozenset[int] = frozenset()
    # Follows whose search cannot run (brought in by `ipcs desk import`), each with why.
    broken: tuple[tuple[Follow, str], ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "arrived": self.arrived,
            "peek": self.peek,
            "follows": [
                {**follow.to_dict(), "hits": [hit_to_dict(h) for h in hits]}
                for follow, hits in self.found
            ],
            "broken": [{**follow.to_dict(), "error": why} for follow, why in self.broken],
        }


class Reading:
    """The desk of the reader of ``library``."""

    def __init__(self, library: Library) -> None:
        self.library = library

    @property
    def desk(self) -> Desk:
        return self.library.desk()

    def unknown(self, numbers: Iterable[int]) -> list[int]:
        """Those of ``numbers`` that are not articles with text in the corpus."""
        known = self.library.article_numbers()
        return [n for n in numbers if n not in known]

    def refuse_unknown(self, numbers: list[int]) -> None:
        """Raise :class:`NotFoundError` naming the first of ``numbers`` not in the corpus."""
        listed = set(self.library.numbers()) if self.library.last_updated() else set()
        first = numbers[0]
        more = f" (and {len(numbers) - 1} more)" if len(numbers) > 1 else ""
        if first in listed:
            raise NotFoundError(
                f"article {first}{more} is known only from a listing, not in your corpus: "
                f"fetch it (ipcs fetch {first}) or add --force"
            )
        raise NotFoundError(f"no article {first}{more} in the corpus; add --force to use it anyway")

    def unread_among(self, numbers: Iterable[int]) -> set[int]:
        """Which of ``numbers`` to show as unread: none until the reader has marked something
        read (then every one not marked read). Never makes a desk."""
        desk = self._existing_desk()
        if desk is None or not desk.marks_anything():
            return set()
        return set(numbers) - desk.read_numbers()

    def entries_of(self, numbers: Iterable[int]) -> dict[int, Entry]:
        """What the desk holds of each of ``numbers`` (empty entries when there is no desk,
        or one this ipcs cannot read). Never makes a desk."""
        wanted = list(numbers)
        desk = self._existing_desk()
        held = desk.entries(wanted) if desk is not None and wanted else {}
        return {n: held.get(n) or Entry(n) for n in wanted}

    def _existing_desk(self) -> Desk | None:
        try:
            return self.library.desk(create=False)
        except IpcsError:
            return None  # a desk that cannot be read (a newer ipcs's) shows nothing here

    def reading_list(
        self,
        *,
        tag: str | None = None,
        unread: bool = False,
        noted: bool = False,
        limit: int | None = None,
    ) -> tuple[list[Listed], int]:
        """The reading list (articles tagged, noted or kept unread), newest first: the first
        ``limit`` (None: all), and how many there are in all."""
        desk = self.desk
        with desk.snapshot():
            numbers = desk.tagged(tag) if tag is not None else desk.reading_list()
            if unread:
                numbers -= desk.read_numbers()
            if noted:
                numbers &= desk.noted()
            # Ordered by the catalog's dates alone: only the articles shown are read whole.
            order = newest_first(self.library, numbers, keep_unknown=True)
            shown = order[:limit] if limit else order
            entries = desk.entries(shown)
        records = {r.number: r for r in self.library.listed(shown)}
        return [Listed(entries[n], records.get(n)) for n in shown], len(order)

    def follow(self, kind: str, query: str) -> Follow:
        """Follow a search; the first follow fixes what the corpus holds now as not new."""
        check_follow(kind, query)  # refused now, not at each `ipcs new`
        desk = self.desk
        with desk.transaction():
            desk.see(self._unseen_articles())
            return desk.follow(kind, query)

    def whats_new(self, *, peek: bool = False) -> News:
        """Each follow's articles among those that arrived since the last report; unless
        ``peek``, they are reported (the mark moves)."""
        news = self.gather_news(peek=peek)
        self.settle(news)
        return news

    def gather_news(self, *, peek: bool = False) -> News:
        """What :meth:`whats_new` shows, the desk only read: it may run again, should the
        index turn out to be behind the corpus."""
        desk = self.desk
        with desk.snapshot():
            numbers = frozenset(self._unseen_articles())
            arrived = frozenset(desk.would_report(numbers))
            follows = desk.follows()
        found, broken = [], []
        for follow in follows:
            hits: tuple[Hit, ...] = ()
            if why := follow_fault(follow):
                broken.append((follow, why))
                continue
            if arrived:
                try:
                    hits = self.library.search(_follow_query(follow, arrived)).hits
                except (QueryError, UsageError) as error:  # one bad follow sinks no other
                    broken.append((follow, error.message))
                    continue
            found.append((follow, hits))
        return News(len(arrived), tuple(found), peek, numbers, arrived, tuple(broken))

    def settle(self, news: News) -> None:
        """Record what ``news`` saw, and unless it was a peek move the mark past what it
        showed: one transaction. Should more have arrived meanwhile (another ipcs), the
        mark stays, and what was shown is shown again next time rather than anything lost."""
        if not news.numbers and (news.peek or not news.arrived_numbers):
            return  # nothing seen for the first time, no mark to move: nothing to write
        desk = self.desk
        with desk.transaction():
            desk.see(news.numbers)
            if not news.peek and desk.unreported() <= news.arrived_numbers:
                desk.report()

    def _unseen_articles(self) -> set[int]:
        """The corpus's articles the desk has not seen yet; only numbers never seen are
        asked whether they have text (most were seen)."""
        unseen = set(self.library.numbers()) - self.desk.seen()
        return self.library.article_numbers(unseen) if unseen else set()


def check_follow(kind: str, query: str) -> None:
    """QueryError or UsageError when the search a follow of ``kind`` for ``query`` stands
    for cannot run (an unclosed bracket, an author with no word to look for)."""
    if kind == "query":
        plan(SearchQuery(text=terms.extract(query)[0]))
    else:
        name_words(kind, query)


def follow_fault(follow: Follow) -> str | None:
    """Why ``follow`` cannot run (:func:`check_follow`), or None: a desk export from
    elsewhere may hold one that ``ipcs follow`` would refuse."""
    try:
        check_follow(follow.kind, follow.query)
    except (QueryError, UsageError) as error:
        return error.message
    return None


def newest_first(library: Library, numbers: Collection[int], *, keep_unknown: bool) -> list[int]:
    """``numbers`` newest first by the catalog's dates (undated, then unknown, last; higher
    numbers first among equals); ``keep_unknown``: with those the corpus does not know."""
    dates = library.dates(numbers)
    chosen = numbers if keep_unknown else dates.keys()
    return sorted(chosen, key=lambda n: (n in dates, dates.get(n) or "", n), reverse=True)


def _follow_query(follow: Follow, only: frozenset[int]) -> SearchQuery:
    text = follow.query if follow.kind == "query" else ""
    author = follow.query if follow.kind == "author" else None
    column = follow.query if follow.kind == "column" else None
    return SearchQuery(
        text=text,
        author=author,
        column=column,
        only=only,
        limit=None,
        sort="newest",
        highlight=False,
    )
