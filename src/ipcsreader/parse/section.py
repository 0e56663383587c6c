"""A live section listing (``commentaries.php?pageno=N`` and its kin) read from its HTML.

Each row is an ``<li class="clearfix">`` holding a link to ``comm_select.php?articleNo=N``
whose text is the column name, a ``<br>`` and the title in ``<b>``; an author link to
``people_select.php``; a ``09 Jul, 2026`` date; the number; and a teaser. Page links sit
in ``#pagination``. The HTML is walked with BeautifulSoup; patterns only ever read the
text of single elements.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from ipcsreader.errors import PageError
from ipcsreader.model import MONTHS, Author, ListingEntry

if TYPE_CHECKING:
    from bs4 import Tag

_DATE = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]{2})[a-z]*,?\s+(\d{4})\b")
_MONTHS = {name[:3]: number for number, name in enumerate(MONTHS, 1)}
# What separates the author, date and number on a row: middle dots, bullets, bars, spaces.
_SEPARATORS = re.compile(r"^[\s\u00b7\u2022|,\-–—]*$")


@dataclass(frozen=True)
class SectionPage:
    """One page of a section listing: its rows, newest first, and the pages it links to."""

    entries: tuple[ListingEntry, ...]
    columns: tuple[str | None, ...]  # the column named on each row, beside ``entries``
    linked_pages: tuple[int, ...]  # every ?pageno=N the pagination links to

    def next_page(self, current: int) -> int | None:
        """The page after ``current``, when the pagination links to one."""
        later = [n for n in self.linked_pages if n > current]
        return min(later) if later else None


def parse_section(data: bytes | str, source: str | None = None) -> SectionPage:
    """The rows and pagination of a section listing page.

    Raises :class:`PageError` when the page has neither rows nor a pagination bar: not a
    listing.
    """
    from ipcsreader.parse.html import make_soup

    soup = make_soup(data)
    entries: list[ListingEntry] = []
    columns: list[str | None] = []
    seen: set[int | None] = set()
    for row in soup.select("li.clearfix"):
        found = _row(row)
        if found is None or found[0].number in seen:
            continue
        seen.add(found[0].number)
        entries.append(found[0])
        columns.append(found[1])
    pages = _linked_pages(soup)
    # An empty section still has its (empty) pagination bar; a page with none of the
    # three is not a listing at all (the site changed, or answered with another page).
    if not entries and not pages and soup.select_one("#pagination") is None:
        raise PageError("not a section listing: no article rows, no page links", source)
    return SectionPage(tuple(entries), tuple(columns), pages)


def article_number(href: str | None) -> int | None:
    """N in a link to ``comm_select.php?articleNo=N``, else None."""
    if not href:
        return None
    parts = urlsplit(href)
    if not parts.path.endswith("comm_select.php"):
        return None
    raw = next(iter(parse_qs(parts.query).get("articleNo", [])), "")
    return int(raw) if raw.strip().isdecimal() else None


def _row(row: Tag) -> tuple[ListingEntry, str | None] | None:
    link = _title_link(row)
    if link is None:
        return None
    number = article_number(str(link.get("href")))
    bold = link.find("b")
    if bold is not None:
        title = _text(bold)
        column = _text_before_break(link)
    else:
        title, column = _text(link), None
    if not title:
        return None
    authors = tuple(
        Author(name=name)
        for a in row.find_all("a", href=True)
        if "people_select.php" in str(a["href"]) and (name := _text(a))
    )
    # The teaser is what is left once links, the date and the number are taken out.
    used = {id(s) for a in row.find_all("a") for s in a.find_all(string=True)}
    date: dt.date | None = None
    rest: list[str] = []
    for piece in row.find_all(string=True):
        if id(piece) in used or (
            piece.parent is not None and piece.parent.name in ("script", "style")
        ):
            continue
        text = str(piece)
        if date is None and (found := _date(text)):
            date = found
            text = _DATE.sub(" ", text, count=1)
        if _SEPARATORS.match(text.replace(str(number), "", 1)):
            continue
        rest.append(text)
    # Joined as printed: inline tags split words into pieces that must not gain spaces.
    teaser = " ".join("".join(rest).split()) or None
    entry = ListingEntry(title=title, number=number, date=date, teaser=teaser, authors=authors)
    return entry, column or None


def _title_link(row: Tag) -> Tag | None:
    """The row's article link that carries words (rows also link their picture)."""
    for a in row.find_all("a", href=True):
        if article_number(str(a["href"])) is not None and _text(a):
            return a
    return None


def _text_before_break(link: Tag) -> str:
    words: list[str] = []
    for child in link.children:
        if getattr(child, "name", None) in ("br", "b"):
            break
        words.append(child.get_text(" ") if hasattr(child, "get_text") else str(child))
    return " ".join(" ".join(words).split())


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def _date(text: str) -> dt.date | None:
    """The date in ``text`` when it is a date and maybe separators and the number around it."""
    match = _DATE.search(text)
    if not match:
        return None
    day, month, year = match.groups()
    if month not in _MONTHS:
        return None
    try:
        return dt.date(int(year), _MONTHS[month], int(day))
    except ValueError:
        return None


def _linked_pages(soup: Tag) -> tuple[int, ...]:
    box = soup.find(id="pagination")
    if box is None:
        return ()
    found: set[int] = set()
    for a in box.find_all("a", href=True):
        raw = next(iter(parse_qs(urlsplit(str(a["href"])).query).get("pageno", [])), "")
        if raw.isdecimal():
            found.add(int(raw))
    return tuple(sorted(found))
