"""What ``columns``, ``authors`` and ``stats`` show, computed at once from every record and
page. Pure: no I/O.

An update computes these views when it changed what they show and keeps them in the
catalog (:mod:`ipcsreader.store.views`), so that the commands read a ready answer instead
of every record and page. The commands' output is what the functions of
:mod:`ipcsreader.archive.columns`, :mod:`ipcsreader.archive.authors` and
:mod:`ipcsreader.archive.stats` give over the same records and pages (tests compare them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ipcsreader.archive.authors import AuthorRow, Authors, Profile
from ipcsreader.archive.columns import Column, gather_columns
from ipcsreader.archive.people import People, count_mentions
from ipcsreader.archive.stats import CorpusStats, corpus_stats
from ipcsreader.model import Page, Record


@dataclass(frozen=True)
class Views:
    """``stats`` leaves out what only the index can tell (its size, state and date)."""

    columns: tuple[Column, ...]
    people: People
    table: tuple[AuthorRow, ...]
    profiles: dict[str, Profile]
    stats: CorpusStats


def compute(records: Sequence[Record], pages: Sequence[Page]) -> Views:
    """Every view over ``records`` (by number) and ``pages`` (by key), as the commands show
    them."""
    mentions = count_mentions(records, pages)
    authors = Authors(records, pages, mentions)
    return Views(
        columns=tuple(gather_columns(records, pages, mentions)),
        people=authors.people,
        table=tuple(authors.table()),
        profiles={p.key: authors.profile(p) for p in authors.people.persons},
        stats=corpus_stats(
            records, pages, index_bytes=0, index_updated=None, index_state="", index_changed=0
        ),
    )
