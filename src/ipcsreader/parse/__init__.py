"""Saved IPCS pages (text or HTML, old or new site) → :class:`Article` or :class:`Listing`.

The layout is read from the page's content, never from its file name. Anything that is
not a readable IPCS commentary or listing raises :class:`PageError` with the reason.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ipcsreader.errors import PageError
from ipcsreader.model import Article, ListingEntry, Page, SourceFormat
from ipcsreader.names import author
from ipcsreader.parse import dumps, limits, listing, new, old, other
from ipcsreader.parse.decode import check_text, decode, normalise
from ipcsreader.parse.stamps import REGION, find, is_share_line, new_stamp, old_stamp
from ipcsreader.text import repair_question_apostrophes

__all__ = ["parse_bytes", "parse_file", "parse_text"]


_HEADER_LINES = 12


def parse_file(path: Path) -> Page:
    """The page saved in ``path``; PageError (naming the file) when it cannot be read."""
    try:
        data = limits.read_file(path)
    except PageError as error:
        raise error.for_file(str(path)) from None
    except FileNotFoundError:
        raise PageError("no such file", str(path)) from None
    except OSError as error:
        raise PageError(f"cannot be read ({error.strerror or error})", str(path)) from None
    return parse_bytes(data, str(path))


def parse_bytes(data: bytes, source: str | None = None) -> Page:
    """The page in ``data`` (UTF-8, UTF-16 with BOM, or cp1252)."""
    try:
        limits.check_bytes(data)
        text = decode(data)
    except PageError as error:
        raise error.for_file(source) if source else error from None
    return parse_text(text, source)


def parse_text(text: str, source: str | None = None) -> Page:
    """The page in ``text``: detects HTML, then the layout, and parses it."""
    try:
        limits.check_text(text)
        page = _parse(check_text(text), source)
        if isinstance(page, Article) and page.number == 0:  # no command could name it
            raise PageError("the stamp gives the article number 0; numbers start at 1")
        return _repaired(page)
    except PageError as error:
        raise error.for_file(source) if source and error.file is None else error from None


def _parse(text: str, source: str | None) -> Page:
    fmt: SourceFormat = "text"
    headings: frozenset[str] = frozenset()
    title = None
    people: tuple[str, ...] = ()
    soup = None
    if _looks_like_html(text):
        from ipcsreader.parse import html  # bs4 only when a page needs it

        limits.check_html(text)
        converted = html.to_lines(text)
        lines, headings, title, fmt = converted.lines, converted.headings, converted.title, "html"
        people, soup = converted.people, converted.soup
    else:
        lines = dumps.without_browser_marks(normalise(text))
    if not any(lines):
        raise PageError("an empty page: no text in it")
    if listing.is_column_listing(lines):
        return listing.column_listing(lines, source=source, fmt=fmt)
    if listing.is_columnist_page(lines):
        return listing.columnist_page(lines, source=source, fmt=fmt)
    if find(lines, old_stamp) or _old_header(lines):
        return old.parse(lines, source=source, fmt=fmt, headings=headings)
    if soup is not None:  # read from the markup's structure (a stamp may span elements)
        from ipcsreader.parse import html_article

        structured = html_article.parse(soup, source)
        if structured is not None:
            return structured
    if find(lines, new_stamp):
        article = new.parse(lines, source=source, fmt=fmt, headings=headings, title=title)
        if people and not article.authors:  # the author links the page's markup names
            article = replace(article, authors=tuple(author(p) for p in people))
        return article
    raise PageError(other.reason(lines))


def _repaired(page: Page) -> Page:
    """``page`` with a `?` the site printed for an apostrophe ("Pakistan?s") made one again
    in its articles' titles, teasers and text, as in its sidebars: "Pakistan's army" is then
    a phrase of the page. (The file keeps the page as saved.)"""
    if isinstance(page, Article):
        return _repaired_article(page)
    entries = tuple(_repaired_entry(e) for e in page.entries)
    article = _repaired_article(page.article) if page.article is not None else None
    return replace(page, entries=entries, article=article)


def _repaired_article(article: Article) -> Article:
    return replace(
        article,
        title=_fixed(article.title),
        teaser=_fixed(article.teaser),
        blocks=tuple(replace(b, text=repair_question_apostrophes(b.text)) for b in article.blocks),
    )


def _repaired_entry(entry: ListingEntry) -> ListingEntry:
    return replace(
        entry, title=repair_question_apostrophes(entry.title), teaser=_fixed(entry.teaser)
    )


def _fixed(text: str | None) -> str | None:
    return repair_question_apostrophes(text) if text else text


def _old_header(lines: list[str]) -> bool:
    """An old-site header ("China - Articles", the share line) cut off before its stamp."""
    head = [x for x in lines if x][:_HEADER_LINES]
    return any(REGION.match(x) for x in head) and any(is_share_line(x) for x in head)


def _looks_like_html(text: str) -> bool:
    start = text.lstrip()[:2048].casefold()
    return start.startswith(("<!doctype html", "<html", "<?xml")) or (
        start.startswith("<") and ("<body" in start or "<head" in start or "<div" in start)
    )
