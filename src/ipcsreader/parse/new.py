"""New-site article pages (comm_select.php?articleNo=N).

[column] / title / "03 Feb, 2014 · 4286" / teaser / [Name / Name / Role]… / body, with
or without blank lines between them; a page saved whole may go on with the side columns
the old site printed (see ``sidebar``). Without an author block, a byline ("By A and B")
or the teaser's leading names are the authors ("Dr Vijay Sakhuja analyses …"). A page a
text browser saved from the markup may print a name three times, twice on a line, or
once over its role, and rows of share buttons (``tests/test_parse_dumps.py``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ipcsreader.model import Article, Author, SourceFormat
from ipcsreader.names import (
    author,
    has_affiliation_word,
    is_name_like,
    leading_names,
    split_authors,
)
from ipcsreader.parse import body, sidebar
from ipcsreader.parse.chrome import column_named, is_share_buttons
from ipcsreader.parse.stamps import find, new_stamp
from ipcsreader.text import ends_sentence, fold

_ROLE_MAX_WORDS = 20
_BY = re.compile(r"by:?\s+(.+)", re.IGNORECASE)
_NAME_TIMES = 3  # an author block prints its name up to this many times


def author_blocks(lines: list[str], i: int) -> tuple[list[Author], int]:
    """Author blocks ("Name" / "Name" / "Role") starting at the first non-blank from ``i``.

    The name may come a third time (a page saved from its markup by a text browser prints
    the photo's caption too): once more is no role."""
    found: list[Author] = []
    while True:
        rows = [j for j in range(i, len(lines)) if lines[j]][: _NAME_TIMES + 1]
        name = lines[rows[0]] if rows else ""
        times = next((k for k, j in enumerate(rows) if lines[j] != name), len(rows))
        if times < 2 or not is_name_like(name):
            return found, i
        rows = rows[times - 2 : times + 1]
        role = lines[rows[2]] if len(rows) == 3 else None
        is_role = (
            role is not None
            and len(role.split()) <= _ROLE_MAX_WORDS
            and not ends_sentence(role)
            and not (len(rows) == 3 and _repeats(lines, rows[2]))
        )
        found.append(author(name, role if is_role else None))
        i = (rows[2] if is_role else rows[1]) + 1


def _byline(lines: list[str], i: int) -> tuple[list[Author], int]:
    """The authors of a byline line from ``i`` ("By A and B", "By A, Senior Fellow"), as
    a page printing one under its teaser has them; none, and ``i``, for another line."""
    row = next((j for j in range(i, len(lines)) if lines[j]), None)
    said = _BY.match(lines[row]) if row is not None else None
    if row is None or said is None or ends_sentence(said[1]):
        return [], i
    names, _, role = said[1].partition(", ")
    people = split_authors(names)
    if not all(is_name_like(n) for n in people) or (role and len(people) > 1):
        return [], i
    if role and not _is_role(role):
        return [], i
    return [author(n, role or None) for n in people], row + 1


def _undoubled(lines: list[str]) -> list[str]:
    """``lines`` with a name printed twice on one line ("Bibhu Prasad Routray Bibhu Prasad
    Routray": a link and a caption side by side, as a text browser saves them) on two."""
    out = []
    for line in lines:
        words = line.split()
        half = len(words) // 2
        if half >= 2 and words[:half] == words[half:] and is_name_like(" ".join(words[:half])):
            out += [" ".join(words[:half])] * 2
        else:
            out.append(line)
    return out


def _repeats(lines: list[str], j: int) -> bool:
    """Whether the non-blank line at ``j`` is repeated next (the start of another block)."""
    following = [x for x in lines[j + 1 :] if x][:1]
    return following == [lines[j]]


def _past_names(lines: list[str], i: int, authors: list[Author]) -> tuple[int, list[Author]]:
    """Where the body starts from ``i``, past lines that only name an author, and the
    ``authors`` with what those lines add (a role printed under a name, an honorific).

    Such lines are an author block the page was cut inside ("Name" printed once of its
    twice), or one printing its name once ("Dr Name" / "Role", as a text browser saves the
    markup): no paragraph of the article."""
    names = {fold(a.name): k for k, a in enumerate(authors)}
    found = list(authors)
    roled: set[int] = set()
    named = None  # the author the line above names
    for j in (j for j in range(i, len(lines)) if lines[j] and not is_share_buttons(lines[j])):
        printed = author(lines[j])
        k = names.get(fold(printed.name))
        if k is not None:
            named = k
            if found[k].honorific is None and printed.honorific is not None:
                found[k] = replace(found[k], honorific=printed.honorific)
        elif named is not None and named not in roled and _is_role(lines[j]):
            roled.add(named)
            if found[named].affiliation is None:
                found[named] = replace(found[named], affiliation=lines[j])
        else:
            return j, found
    return len(lines), found


def _is_role(line: str) -> bool:
    """A role and body under a name ("Former Director, National Maritime Foundation")."""
    return (
        len(line.split()) <= _ROLE_MAX_WORDS
        and not ends_sentence(line)
        and has_affiliation_word(line)
    )


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
    after = _undoubled(lines[at + 1 :])
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
    if not authors:
        authors, start = _byline(after, start)
    # The teaser names every author ("Prof Anita Rao and Kabir Sethi analyse …"), where an
    # author block may be cut off or printed otherwise.
    blocked = {fold(a.name) for a in authors}
    authors = with_teaser_honorifics(authors, teaser) + [
        a for a in leading_names(teaser or "") if fold(a.name) not in blocked
    ]
    start, authors = _past_names(after, start, authors)
    content = after[start:]
    # A page saved whole may print the site's side columns after the body.
    end = sidebar.body_end(content)
    # A row of share buttons saved with the text is none of it.
    kept = ["" if is_share_buttons(x) else x for x in content[:end]]
    blocks = body.blocks(kept, headings, width)
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
