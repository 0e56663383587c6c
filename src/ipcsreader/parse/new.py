"""New-site article pages (comm_select.php?articleNo=N).

[column] / title / "03 Feb, 2014 · 4286" / teaser / [Name / Name / Role]… / body, with
or without blank lines between them; a page saved whole may go on with the side columns
the old site printed (see ``sidebar``). Without an author block, the teaser's leading
name is the author ("Dr Vijay Sakhuja analyses …").
"""

from __future__ import annotations

from dataclasses import replace

from ipcsreader.model import Article, Author, SourceFormat
from ipcsreader.names import author, is_name_like, leading_names
from ipcsreader.parse import body, sidebar
from ipcsreader.parse.chrome import column_named
from ipcsreader.parse.stamps import find, new_stamp
from ipcsreader.text import ends_sentence, fold

_ROLE_MAX_WORDS = 20


def author_blocks(lines: list[str], i: int) -> tuple[list[Author], int]:
    """Author blocks ("Name" / "Name" / "Role") starting at the first non-blank from ``i``."""
    found: list[Author] = []
    while True:
        rows = [j for j in range(i, len(lines)) if lines[j]][:3]
        if len(rows) < 2 or lines[rows[0]] != lines[rows[1]] or not is_name_like(lines[rows[0]]):
            return found, i
        role = lines[rows[2]] if len(rows) == 3 else None
        is_role = (
            role is not None
            and len(role.split()) <= _ROLE_MAX_WORDS
            and not ends_sentence(role)
            and not (len(rows) == 3 and _repeats(lines, rows[2]))
        )
        found.append(author(lines[rows[0]], role if is_role else None))
        i = (rows[2] if is_role else rows[1]) + 1


def _repeats(lines: list[str], j: int) -> bool:
    """Whether the non-blank line at ``j`` is repeated next (the start of another block)."""
    following = [x for x in lines[j + 1 :] if x][:1]
    return following == [lines[j]]


def _past_names(lines: list[str], i: int, authors: list[Author]) -> int:
    """Where the body starts from ``i``, past lines that only name an author: an author
    block the page was cut inside ("Name" printed once of its twice), which is no
    paragraph of the article."""
    names = {fold(a.name) for a in authors}
    rows = [j for j in range(i, len(lines)) if lines[j]]
    for j in rows:
        if fold(author(lines[j]).name) not in names:
            return j
    return len(lines)


def with_teaser_honorifics(authors: list[Author], teaser: str | None) -> list[Author]:
    """Fill an author block's missing honorific from the teaser ("Dr Bibhu Prasad Routray …")."""
    named = {fold(a.name): a.honorific for a in leading_names(teaser or "")}
    return [
        replace(a, honorific=named.get(fold(a.name))) if a.honorific is None else a for a in authors
    ]


def parse(
    lines: list[str],
    *,
    source: str | None = None,
    fmt: SourceFormat = "text",
    headings: frozenset[str] = frozenset(),
    title: str | None = None,
) -> Article:
    """A new-layout article page; ``title`` overrides the title line (known from HTML)."""
    found = find(lines, new_stamp)
    if found is None or not any(lines[found[0] + 1 :]):
        # No stamp, or the page ends on it: its number may be cut ("· 50" of "· 5092").
        return Article(layout="new", source=source, format=fmt, truncated=True)
    at, stamp = found
    # A long title broken at a width (a page saved so) is one line again.
    width = body.wrap_width(lines)
    before = body.rejoined([x for x in lines[:at] if x], width)
    if title is None and before:
        title = before[-1]
    column = None
    if title is not None and title in before:
        above = before[: len(before) - 1 - before[::-1].index(title)]
        # A page saved without its column may show the site's navigation there.
        column = column_named(above[-1], title) if above else None
    after = list(lines[at + 1 :])
    rows = [j for j, x in enumerate(after) if x]
    teaser = None
    start = 0
    if rows and not _repeats(after, rows[0]):
        teaser = after[rows[0]]
        # A teaser broken at a width (a page saved so) goes on to the lines it runs on to,
        # up to an author block.
        k = 0
        while (
            width is not None
            and k + 1 < len(rows)
            and rows[k + 1] == rows[k] + 1
            and not _repeats(after, rows[k + 1])
            and body.runs_on(after[rows[k]], after[rows[k + 1]], width)
        ):
            teaser = body.joined(teaser, after[rows[k + 1]])
            k += 1
        start = rows[k] + 1
    authors, start = author_blocks(after, start)
    authors = with_teaser_honorifics(authors, teaser) if authors else leading_names(teaser or "")
    start = _past_names(after, start, authors)
    content = after[start:]
    # A page saved whole may print the site's side columns after the body.
    end = sidebar.body_end(content)
    blocks = body.blocks(content if end is None else content[:end], headings, width)
    return Article(
        layout="new",
        number=stamp.number,
        source=source,
        format=fmt,
        date=stamp.date,
        column=column,
        title=title,
        authors=tuple(authors),
        teaser=teaser,
        blocks=blocks,
        truncated=body.cut_short(blocks) if end is None else False,
        sidebars=sidebar.parse([] if end is None else content[end:]),
    )
