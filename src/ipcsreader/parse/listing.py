"""Listing pages: a columnist's page (old site) and a column's listing (columns_select.php).

Columnist page: "IPCS Columnists" / column / columnist / affiliation / titles… then the
latest article set in full from its stamp "#5227, 31 January 2017".

Column listing: "The Strategist by Vijay Shankar" / [name] / [role] then entries
"• Title" / "Name · 06 Jul, 2015 · 4896" / an excerpt ending " ...".
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from ipcsreader.model import Author, Listing, ListingEntry, SourceFormat
from ipcsreader.names import author, split_authors, split_honorific
from ipcsreader.parse.chrome import column_named, names_no_column
from ipcsreader.parse.old import article_after_stamp
from ipcsreader.parse.stamps import LISTING_META, find, loose_old_stamp, make_date, new_stamp
from ipcsreader.text import ends_sentence, fold, title_key

COLUMNISTS_HEADING = "IPCS Columnists"
_BULLET = re.compile(r"^[•·▪●◦*-]\s*")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)$")
_ROLE_START = re.compile(
    r"^(?:Director|Former|Professor|Assistant|Associate|Senior|Visiting|Research|Chair|"
    r"Executive|Fellow|Distinguished|Adjunct|Head|Editor|Member|President|Consultant)\b"
)


def _is_affiliation(line: str) -> bool:
    return (
        ":" not in line
        and not line.endswith("?")
        and ("," in line or bool(_ROLE_START.match(line)))
    )


def is_columnist_page(lines: list[str]) -> bool:
    """ "IPCS Columnists" printed above any article stamp, of either site (on articles
    it is a sidebar)."""
    stamps = [f[0] for f in (find(lines, loose_old_stamp), find(lines, new_stamp)) if f]
    return COLUMNISTS_HEADING in lines[: min(stamps, default=len(lines))]


def is_column_listing(lines: list[str]) -> bool:
    """Bulleted titles, each over a "Name · date · number" line."""
    filled = [x for x in lines if x]
    return any(_BULLET.match(a) and LISTING_META.match(b) for a, b in itertools.pairwise(filled))


def columnist_page(lines: list[str], *, source: str | None, fmt: SourceFormat) -> Listing:
    found = find(lines, loose_old_stamp)
    head = [x for x in (lines[: found[0]] if found else lines) if x]
    rest = head[head.index(COLUMNISTS_HEADING) + 1 :]
    column = rest[0] if rest else None
    columnist: Author | None = None
    titles = rest[2:]
    if len(rest) > 1:
        affiliation = rest[2] if len(rest) > 2 and _is_affiliation(rest[2]) else None
        columnist = author(rest[1], affiliation)
        titles = rest[3:] if affiliation else rest[2:]
    article = None
    if found:
        article = article_after_stamp(
            lines, found[0], found[1], column=column, source=source, fmt=fmt
        )
        if article.column != column and column is not None:
            article = replace(article, column=column)
    entries = []
    for title in titles:
        if article and article.title and title_key(title) == title_key(article.title):
            entries.append(ListingEntry(title, article.number, article.date))
        else:
            entries.append(ListingEntry(title))
    return Listing(
        layout="old",
        page="columnist",
        source=source,
        format=fmt,
        column=column,
        columnist=columnist,
        entries=tuple(entries),
        truncated=article.truncated if article else True,
        article=article,
    )


def _meta_authors(names: str) -> tuple[Author, ...]:
    return tuple(author(n) for n in split_authors(names))


def _past_trail(head: list[str]) -> list[str]:
    """``head`` with a breadcrumb trail ending in the column ("Home » Columns » Dateline
    Colombo") read as the column's name, or passed over when the column's own line (with
    its columnist) follows."""
    crumb = column_named(head[0]) if head else None
    if crumb is None or crumb == head[0]:
        return head
    if len(head) > 1 and fold(head[1]).startswith(fold(crumb)):
        return head[1:]
    return [crumb, *head[1:]]


def column_listing(lines: list[str], *, source: str | None, fmt: SourceFormat) -> Listing:
    filled = [x for x in lines if x]
    first_bullet = next((i for i, x in enumerate(filled) if _BULLET.match(x)), len(filled))
    # A page saved with the site's navigation above the column's name ("Menu").
    head = _past_trail(list(itertools.dropwhile(names_no_column, filled[:first_bullet])))
    column = None
    columnist: Author | None = None
    if head:
        column, _, name = head[0].rpartition(" by ")
        if not column:
            column, name = head[0], ""
        role = head[2] if len(head) > 2 else None
        if name:
            honorific, bare = split_honorific(role + " X") if role else (None, "")
            if honorific and bare == "X":  # the role line is a rank ("Vice Admiral (Retd.)")
                columnist = replace(author(name), honorific=honorific)
            else:
                columnist = author(name, role)
    entries: list[ListingEntry] = []
    complete = False
    i = first_bullet
    while i < len(filled):
        title = _BULLET.sub("", filled[i])
        meta = LISTING_META.match(filled[i + 1]) if i + 1 < len(filled) else None
        if not meta:
            entries.append(ListingEntry(title))
            complete = False
            i += 1
            continue
        excerpt = (
            filled[i + 2] if i + 2 < len(filled) and not _BULLET.match(filled[i + 2]) else None
        )
        complete = excerpt is not None and (
            bool(_ELLIPSIS.search(excerpt)) or ends_sentence(excerpt)
        )
        teaser = _ELLIPSIS.sub("", excerpt) if excerpt else None
        entries.append(
            ListingEntry(
                title,
                int(meta[5]),
                make_date(meta[2], meta[3], meta[4]),
                teaser or None,
                _meta_authors(meta[1]),
            )
        )
        i += 3 if excerpt is not None else 2
    return Listing(
        layout="new",
        page="column",
        source=source,
        format=fmt,
        column=column or None,
        columnist=columnist,
        entries=tuple(entries),
        truncated=not complete,
    )
