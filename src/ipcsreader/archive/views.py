"""What ``columns``, ``authors`` and ``stats`` show, computed at once from every record and
page. Pure: no I/O.

An update computes these views when it changed what they show and keeps them in the
catalog (:mod:`ipcsreader.store.views`), so that the commands read a ready answer instead
of every record and page; when it can, only for the persons and columns it touched
(:mod:`ipcsreader.reviews`). The commands' output is what the functions of
:mod:`ipcsreader.archive.columns`, :mod:`ipcsreader.archive.authors` and
:mod:`ipcsreader.archive.stats` give over the same records and pages (tests compare them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ipcsreader.archive import touched
from ipcsreader.archive.authors import AuthorRow, Authors, Profile
from ipcsreader.archive.columns import Column, keyed_columns
from ipcsreader.archive.people import People, count_mentions
from ipcsreader.archive.stats import CorpusStats, RecordCounts, counted_stats
from ipcsreader.model import Page, Record


@dataclass(frozen=True)
class Views:
    """``stats`` leaves out what only the index can tell (its size, state and date).

    What an update needs to recompute them in part: ``keys``, the key of each column of
    ``columns``; ``variants``, the columns of each name key (:func:`touched.variant_columns`);
    ``spellings``, how often each column is printed each way (:func:`touched.spellings`);
    ``printed``, how often each name is printed each way (:func:`touched.printed`);
    ``counts``, what ``stats`` counts of the records.
    """

    columns: tuple[Column, ...]
    people: People
    table: tuple[AuthorRow, ...]
    profiles: dict[str, Profile]
    stats: CorpusStats
    keys: tuple[str | None, ...]
    variants: dict[str, frozenset[str]]
    spellings: Counter[touched.Spelling]
    printed: Counter[tuple[str, str]]
    counts: RecordCounts


def compute(records: Sequence[Record], pages: Sequence[Page]) -> Views:
    """Every view over ``records`` (by number) and ``pages`` (by key), as the commands show
    them."""
    mentions = count_mentions(records, pages)
    counts = RecordCounts().count(records)
    authors = Authors(records, pages, mentions)
    keyed = keyed_columns(records, pages, mentions)
    return Views(
        columns=tuple(c for _, c in keyed),
        people=authors.people,
        table=tuple(authors.table()),
        profiles={p.key: authors.profile(p) for p in authors.people.persons},
        stats=counted_stats(counts, pages, index_bytes=0, index_updated=None, index_state=""),
        keys=tuple(k for k, _ in keyed),
        variants=touched.variant_columns(mentions),
        spellings=touched.spellings(records, pages),
        printed=touched.printed(mentions),
        counts=counts,
    )
