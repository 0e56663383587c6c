"""Merging again only the records an update touches, not every record of the corpus.

A record is merged from every page that names its number (:func:`records.merge`). When
some page files change, the records whose merge can change are those of the numbers:

- the changed pages named before (the catalog's ``files.numbers``, matches by title
  included) and name now;
- claimed by a title that a listing entry without a number matches, when a changed page
  claims or matches that title before or after (another page's entry may then match
  another article, or stop matching);
- those such listing pages contributed to.

Their records are merged again from every page they come from (read from the catalog,
those that changed as parsed now), with the title claims of the whole corpus, so that each
comes out as a merge of every page would give it (tests/test_views.py compares the two
after random sequences of additions, edits and removals).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from ipcsreader.archive.records import claims, loose_titles, merge, named
from ipcsreader.model import Listing, Page, Record
from ipcsreader.store.catalog import Catalog, FileEntry


@dataclass
class Remerged:
    """``records``: those of ``numbers`` after the update (a number absent is gone);
    ``heads``: the headline pages they were merged from, as they are now; ``before``: the
    changed pages as the catalog held them; ``contributes``: the numbers each page of
    ``heads`` and each changed file now contributes to."""

    numbers: set[int]
    records: dict[int, Record]
    heads: dict[str, Page]
    before: dict[str, Page]
    contributes: dict[str, tuple[int, ...]]


def remerge(
    old: Catalog,
    changed: Collection[str],
    fresh: Mapping[str, Page],
    known: Mapping[str, FileEntry],
) -> Remerged:
    """The records that change when the files of ``changed`` keys (new, edited, removed or
    now failing) become ``fresh`` headline pages (those parsed), merged again."""
    from ipcsreader.text import title_key

    changed = set(changed)
    before = old.pages(sorted(changed & old.page_keys()))
    numbers = {n for key in changed if key in known for n in known[key].numbers}
    touched = [*before.values(), *fresh.values()]
    for page in touched:
        numbers |= named(page)

    # Listing entries without a number, matched by title: only when there are some.
    listings = old.pages(sorted(old.listing_keys() - changed))
    listings.update({key: page for key, page in fresh.items() if isinstance(page, Listing)})
    loose = {key: keys for key, page in listings.items() if (keys := loose_titles(page))}
    titles: dict[str, set[int]] = {}
    included: set[str] = set()  # unchanged listings whose matches may change
    if loose:
        matched = set().union(*loose.values())
        hot = {k for page in touched for k, _ in claims(page)} | {
            k for page in touched for k in loose_titles(page)
        }
        hot &= matched
        titles = defaultdict(set)
        for title, number in old.article_titles(skip=changed):
            if (k := title_key(title)) in matched:
                titles[k].add(number)
        for page in fresh.values():
            if not isinstance(page, Listing):
                for k, number in claims(page):
                    if k in matched:
                        titles[k].add(number)
        for page in listings.values():
            for k, number in claims(page):
                if k in matched:
                    titles[k].add(number)
        for k in hot:
            numbers |= titles.get(k, set())
        included = {key for key, keys in loose.items() if keys & hot} - changed
        for key in included:
            numbers.update(known[key].numbers if key in known else ())

    sources = {s for r in old.records(numbers) for s in r.sources} - changed
    sources |= included
    heads = {key: listings[key] for key in sources & listings.keys()}
    heads.update(old.pages(sorted(sources - listings.keys())))
    heads.update(fresh)
    merged = {r.number: r for r in merge(sorted(heads.items()), titles) if r.number in numbers}

    contributes: dict[str, set[int]] = {}
    for key in heads.keys() | changed:
        kept = set(known[key].numbers) - numbers if key in known and key not in changed else set()
        contributes[key] = kept
    for r in merged.values():
        for source in r.sources:
            contributes[source].add(r.number)
    return Remerged(
        numbers=numbers,
        records=merged,
        heads=heads,
        before=before,
        contributes={key: tuple(sorted(ns)) for key, ns in contributes.items()},
    )
