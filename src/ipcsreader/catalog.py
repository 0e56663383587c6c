"""The index's memory of the corpus, kept beside the Whoosh index.

Two JSON files: ``catalog.json`` holds, per page file, its fingerprint (size, mtime_ns,
sha256), the reason it failed if it did, and the article numbers it contributes to; it is
small, so the staleness check on every command stays cheap. ``pages.json`` holds each
page's headline data (everything but the paragraphs, which are re-read from the corpus
when needed) and is loaded only when records or pages are asked for. Both carry the same
generation token; a mismatch, a missing file or an old ``version`` means "rebuild".
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ipcsreader.fsutil import atomic_write
from ipcsreader.model import (
    Article,
    Author,
    ColumnistEntry,
    Listing,
    ListingEntry,
    Page,
    Sidebars,
)

VERSION = 1
CATALOG_FILE = "catalog.json"
PAGES_FILE = "pages.json"


@dataclass
class FileEntry:
    """What the index knows of one page file."""

    size: int
    mtime_ns: int
    sha256: str
    error: str | None = None
    numbers: tuple[int, ...] = ()


@dataclass
class Catalog:
    files: dict[str, FileEntry] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    updated: dt.datetime | None = None


def headline(page: Page) -> Page:
    """``page`` without its paragraphs (a columnist page's article included)."""
    if isinstance(page, Listing):
        if page.article is None:
            return page
        return replace(page, article=replace(page.article, blocks=()))
    return replace(page, blocks=())


def load_files(index_dir: Path) -> tuple[dict[str, FileEntry], dt.datetime | None] | None:
    """The fingerprints and when they were written, or None when absent, damaged or old."""
    return _decode_files(_read_json(index_dir / CATALOG_FILE))


def _decode_files(
    data: dict[str, Any] | None,
) -> tuple[dict[str, FileEntry], dt.datetime | None] | None:
    if data is None:
        return None
    try:
        files = {
            key: FileEntry(e["size"], e["mtime_ns"], e["sha256"], e["error"], tuple(e["numbers"]))
            for key, e in data["files"].items()
        }
        return files, dt.datetime.fromisoformat(data["updated"])
    except (KeyError, TypeError, ValueError):
        return None


def load(index_dir: Path) -> Catalog | None:
    """The whole catalog, pages included, or None when it must be rebuilt."""
    meta = _read_json(index_dir / CATALOG_FILE)
    loaded = _decode_files(meta)
    if meta is None or loaded is None:
        return None
    pages = _read_json(index_dir / PAGES_FILE)
    if pages is None:
        return None
    if pages.get("generation") != meta.get("generation"):
        return None
    try:
        shared = [_decode_sidebars(s) for s in pages["sidebars"]]
        decoded = {key: _decode_page(p, shared) for key, p in pages["pages"].items()}
    except (KeyError, TypeError, ValueError):
        return None
    return Catalog(files=loaded[0], pages=decoded, updated=loaded[1])


def save(index_dir: Path, catalog: Catalog) -> None:
    """Write both files atomically, pages first: the catalog's generation commits them."""
    generation = uuid.uuid4().hex
    sidebars: dict[str, int] = {}
    encoded = {key: _encode_page(page, sidebars) for key, page in catalog.pages.items()}
    atomic_write(
        index_dir / PAGES_FILE,
        json.dumps(
            {
                "version": VERSION,
                "generation": generation,
                "sidebars": [json.loads(s) for s in sidebars],
                "pages": encoded,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ),
    )
    updated = catalog.updated or dt.datetime.now(dt.UTC)
    files = {
        key: {
            "size": e.size,
            "mtime_ns": e.mtime_ns,
            "sha256": e.sha256,
            "error": e.error,
            "numbers": list(e.numbers),
        }
        for key, e in catalog.files.items()
    }
    atomic_write(
        index_dir / CATALOG_FILE,
        json.dumps(
            {
                "version": VERSION,
                "generation": generation,
                "updated": updated.isoformat(),
                "files": files,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ),
    )


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return None
    return data


# Encoding: compact dicts; a side bar (the same on hundreds of old-layout pages) is stored
# once and referred to by its position.


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _encode_author(a: Author) -> list[str | None]:
    return [a.name, a.affiliation, a.honorific, a.email]


def _decode_author(v: list[str | None]) -> Author:
    name, affiliation, honorific, email = v
    return Author(str(name), affiliation, honorific, email)


def _encode_sidebars(s: Sidebars) -> dict[str, Any]:
    return {
        "columnists": [
            [c.column, _encode_author(c.columnist), list(c.titles)] for c in s.columnists
        ],
        "same_author": list(s.same_author),
        "contributors": list(s.contributors),
        "taxonomies": [[name, list(items)] for name, items in s.taxonomies],
        "archive_years": list(s.archive_years),
    }


def _decode_sidebars(d: dict[str, Any]) -> Sidebars:
    return Sidebars(
        columnists=tuple(
            ColumnistEntry(column, _decode_author(author), tuple(titles))
            for column, author, titles in d["columnists"]
        ),
        same_author=tuple(d["same_author"]),
        contributors=tuple(d["contributors"]),
        taxonomies=tuple((name, tuple(items)) for name, items in d["taxonomies"]),
        archive_years=tuple(d["archive_years"]),
    )


def _encode_article(a: Article, sidebars: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "layout": a.layout,
        "number": a.number,
        "source": a.source,
        "format": a.format,
        "region": a.region,
        "date": _iso(a.date),
        "column": a.column,
        "title": a.title,
        "authors": [_encode_author(x) for x in a.authors],
        "teaser": a.teaser,
        "truncated": a.truncated,
    }
    if not a.sidebars.is_empty():
        text = json.dumps(_encode_sidebars(a.sidebars), ensure_ascii=False, sort_keys=True)
        out["sidebars"] = sidebars.setdefault(text, len(sidebars))
    return out


def _decode_article(d: dict[str, Any], shared: list[Sidebars]) -> Article:
    return Article(
        layout=d["layout"],
        number=d["number"],
        source=d["source"],
        format=d["format"],
        region=d["region"],
        date=_date(d["date"]),
        column=d["column"],
        title=d["title"],
        authors=tuple(_decode_author(x) for x in d["authors"]),
        teaser=d["teaser"],
        truncated=d["truncated"],
        sidebars=shared[d["sidebars"]] if "sidebars" in d else Sidebars(),
    )


def _encode_page(page: Page, sidebars: dict[str, int]) -> dict[str, Any]:
    if isinstance(page, Article):
        return {"kind": "article", **_encode_article(page, sidebars)}
    return {
        "kind": "listing",
        "layout": page.layout,
        "page": page.page,
        "source": page.source,
        "format": page.format,
        "column": page.column,
        "columnist": _encode_author(page.columnist) if page.columnist else None,
        "entries": [
            [e.title, e.number, _iso(e.date), e.teaser, [_encode_author(a) for a in e.authors]]
            for e in page.entries
        ],
        "page_number": page.page_number,
        "truncated": page.truncated,
        "article": _encode_article(page.article, sidebars) if page.article else None,
    }


def _decode_page(d: dict[str, Any], shared: list[Sidebars]) -> Page:
    if d["kind"] == "article":
        return _decode_article(d, shared)
    return Listing(
        layout=d["layout"],
        page=d["page"],
        source=d["source"],
        format=d["format"],
        column=d["column"],
        columnist=_decode_author(d["columnist"]) if d["columnist"] else None,
        entries=tuple(
            ListingEntry(title, number, _date(date), teaser, tuple(map(_decode_author, authors)))
            for title, number, date, teaser, authors in d["entries"]
        ),
        page_number=d["page_number"],
        truncated=d["truncated"],
        article=_decode_article(d["article"], shared) if d["article"] else None,
    )
