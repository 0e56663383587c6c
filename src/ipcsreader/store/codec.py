"""How the catalog stores pages, records and article bodies: compact JSON per row.

A page's side bars, but for its "Article by same Author" titles (merging records needs
those, and nothing else of them), go to their own table, stored once however many
old-layout pages repeat them. A body is its blocks' kinds and texts, each as JSON, compressed
(see :func:`encode_body`).
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ipcsreader.model import (
    Article,
    Author,
    Block,
    ColumnistEntry,
    Listing,
    ListingEntry,
    Page,
    Record,
    Sidebars,
)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def encode_author(a: Author) -> list[str | None]:
    return [a.name, a.affiliation, a.honorific, a.email]


def decode_author(v: list[str | None]) -> Author:
    name, affiliation, honorific, email = v
    return _author(str(name), affiliation, honorific, email)


# Decoded values are shared, not rebuilt: a few hundred people fill a hundred thousand bylines
# and side-bar entries, and building a dataclass costs more than finding it again.
@lru_cache(maxsize=1 << 14)
def _author(name: str, affiliation: str | None, honorific: str | None, email: str | None) -> Author:
    return Author(name, affiliation, honorific, email)


@lru_cache(maxsize=1 << 14)
def _columnist(
    column: str | None, author: tuple[str | None, ...], titles: tuple[str, ...]
) -> ColumnistEntry:
    return ColumnistEntry(column, decode_author(list(author)), titles)


def encode_sidebars(s: Sidebars) -> dict[str, Any]:
    return {
        "columnists": [
            [c.column, encode_author(c.columnist), list(c.titles)] for c in s.columnists
        ],
        "contributors": list(s.contributors),
        "taxonomies": [[name, list(items)] for name, items in s.taxonomies],
        "archive_years": list(s.archive_years),
    }


def decode_columnists(entries: list[Any]) -> tuple[ColumnistEntry, ...]:
    return tuple(
        _columnist(column, tuple(author), tuple(titles)) for column, author, titles in entries
    )


def decode_sidebars(d: dict[str, Any]) -> Sidebars:
    return Sidebars(
        columnists=decode_columnists(d["columnists"]),
        contributors=tuple(d["contributors"]),
        taxonomies=tuple((name, tuple(items)) for name, items in d["taxonomies"]),
        archive_years=tuple(d["archive_years"]),
    )


def encode_article(a: Article) -> tuple[dict[str, Any], dict[str, Any] | None]:
    out: dict[str, Any] = {
        "layout": a.layout,
        "number": a.number,
        "source": a.source,
        "format": a.format,
        "region": a.region,
        "date": _iso(a.date),
        "column": a.column,
        "title": a.title,
        "authors": [encode_author(x) for x in a.authors],
        "teaser": a.teaser,
        "truncated": a.truncated,
        "same_author": list(a.sidebars.same_author),
    }
    rest = replace(a.sidebars, same_author=())
    return out, None if rest.is_empty() else encode_sidebars(rest)


def decode_article(d: dict[str, Any], rest: Sidebars | None) -> Article:
    return Article(
        layout=d["layout"],
        number=d["number"],
        source=d["source"],
        format=d["format"],
        region=d["region"],
        date=_date(d["date"]),
        column=d["column"],
        title=d["title"],
        authors=tuple(decode_author(x) for x in d["authors"]),
        teaser=d["teaser"],
        truncated=d["truncated"],
        sidebars=replace(rest or _NO_SIDEBARS, same_author=tuple(d["same_author"])),
    )


_NO_SIDEBARS = Sidebars()


def encode_page(page: Page) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The page's row (its kind first: :meth:`Catalog.listing_keys` reads it so), and its
    side bars (but ``same_author``) when it has any."""
    if isinstance(page, Article):
        article, rest = encode_article(page)
        return {"kind": "article", **article}, rest
    listed: tuple[dict[str, Any] | None, dict[str, Any] | None] = (
        encode_article(page.article) if page.article else (None, None)
    )
    shown, rest = listed
    return {
        "kind": "listing",
        "layout": page.layout,
        "page": page.page,
        "source": page.source,
        "format": page.format,
        "column": page.column,
        "columnist": encode_author(page.columnist) if page.columnist else None,
        "entries": [
            [e.title, e.number, _iso(e.date), e.teaser, [encode_author(a) for a in e.authors]]
            for e in page.entries
        ],
        "page_number": page.page_number,
        "truncated": page.truncated,
        "article": shown,
    }, rest


def decode_page(d: dict[str, Any], rest: Sidebars | None) -> Page:
    if d["kind"] == "article":
        return decode_article(d, rest)
    return Listing(
        layout=d["layout"],
        page=d["page"],
        source=d["source"],
        format=d["format"],
        column=d["column"],
        columnist=decode_author(d["columnist"]) if d["columnist"] else None,
        entries=tuple(
            ListingEntry(title, number, _date(date), teaser, tuple(map(decode_author, authors)))
            for title, number, date, teaser, authors in d["entries"]
        ),
        page_number=d["page_number"],
        truncated=d["truncated"],
        article=decode_article(d["article"], rest) if d["article"] else None,
    )


def encode_record(r: Record) -> str:
    """A headline record (no paragraphs) as its row's text."""
    return dumps(
        [
            r.number,
            r.title,
            _iso(r.date),
            r.column,
            r.region,
            [encode_author(a) for a in r.authors],
            r.teaser,
            r.truncated,
            r.listing_only,
            list(r.sources),
            list(r.layouts),
            list(r.same_author),
        ]
    )


# A record's row in the catalog: its number, what lists and "More by" choose by (the title's
# key, the date ISO, whether it is known only from listings), and its headline as JSON.
RECORD_COLUMNS = (
    *("number", "title_key", "year", "month", "column_name", "region", "data"),
    *("date", "listing_only"),
)


def record_row(r: Record) -> tuple[Any, ...]:
    """The values of :data:`RECORD_COLUMNS` for ``r``."""
    return (
        r.number,
        _title_key(r.title) if r.title else None,
        r.date.year if r.date else None,
        r.date.month if r.date else None,
        r.column,
        r.region,
        encode_record(r),
        _iso(r.date),
        r.listing_only,
    )


def title_keys(titles: Iterable[str]) -> list[str]:
    """The :func:`text.title_key` keys of ``titles``, once each, sorted."""
    return sorted({_title_key(t) for t in titles})


@lru_cache(maxsize=1 << 16)
def _title_key(title: str) -> str:
    # A prolific author's pages list the same few titles thousands of times.
    from ipcsreader.text import title_key

    return title_key(title)


def decode_record(v: list[Any]) -> Record:
    return Record(
        number=v[0],
        title=v[1],
        date=_date(v[2]),
        column=v[3],
        region=v[4],
        authors=tuple(decode_author(a) for a in v[5]),
        teaser=v[6],
        truncated=v[7],
        listing_only=v[8],
        sources=tuple(v[9]),
        layouts=tuple(v[10]),
        same_author=tuple(v[11]),
    )


# A record's row as a list of articles reads it: number, title, date, column, region, the
# authors (as JSON) and whether it is known only from listings, taken out by SQLite.
LISTED = (
    "number, json_extract(data, '$[1]'), json_extract(data, '$[2]'), column_name, region,"
    " json_extract(data, '$[5]'), json_extract(data, '$[8]')"
)


def decode_listed(row: tuple[Any, ...]) -> Record:
    """A record of :data:`LISTED`'s columns: what a list shows, the rest (teaser, sources,
    side bars) left empty; thousands of them cost a third of whole records."""
    number, title, date, column, region, authors, listing_only = row
    return Record(
        number,
        title,
        _date(date),
        column,
        region,
        _authors(authors),
        listing_only=bool(listing_only),
    )


@lru_cache(maxsize=1 << 12)
def _authors(text: str) -> tuple[Author, ...]:
    # A few hundred bylines recur across the archive: each decoded once.
    return tuple(decode_author(a) for a in json.loads(text))


# A body's row, before it is compressed: whether it is cut off ("1" or "0"), then each block's
# kind and text as JSON writes them, every part after a control character (which JSON never
# writes unescaped, so splitting on it is exact). ``ipcs export`` writes the texts so kept
# into its JSON lines as they are, none decoded and encoded again.
_PART = "\x1f"
_JSON = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps writes for a value


def encode_body(blocks: tuple[Block, ...], truncated: bool) -> bytes:
    """An article's body as its row: its blocks (text and kind) and whether it is cut off."""
    parts = ["1" if truncated else "0"]
    for b in blocks:
        parts += (_JSON(b.kind), _JSON(b.text))
    return zlib.compress(_PART.join(parts).encode("utf-8"), 1)


def body_json(data: bytes) -> tuple[bool, list[str], list[str]]:
    """A body's row as whether it is cut off, its blocks' kinds and their texts, each
    as ``json.dumps(value, ensure_ascii=False)`` writes it."""
    truncated, *parts = zlib.decompress(data).decode("utf-8").split(_PART)
    return truncated == "1", parts[0::2], parts[1::2]


def decode_body(data: bytes) -> tuple[tuple[Block, ...], bool]:
    raw = zlib.decompress(data)
    # Every kind and text in one parse: the parts, joined by commas, are a JSON array.
    values = json.loads(b"[" + raw[2:].replace(_PART.encode(), b",") + b"]")
    return tuple(map(Block, values[1::2], values[0::2])), raw[:1] == b"1"


def with_body(record: Record, data: bytes) -> Record:
    """A headline record with the body of its row (whose truncation is the one that counts)."""
    blocks, truncated = decode_body(data)
    return replace(record, blocks=blocks, truncated=truncated)
