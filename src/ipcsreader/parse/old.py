"""Old-site article pages (www.ipcs.org/article/…, until 2017).

Header: "Home Contact Us", the region line ("China - Articles"), the share line, the stamp
"#4842, 2 March 2015", the column line, then the title group: title / author /
affiliation / e-mail lines. The body follows after a blank line and ends at the second
share line; the sidebars come after it. Any of it may be cut off.
"""

from __future__ import annotations

import re

from ipcsreader.model import Article, Author, SourceFormat
from ipcsreader.names import (
    author,
    has_affiliation_word,
    is_byline_name,
    is_name_like,
    split_authors,
)
from ipcsreader.parse import body, sidebar
from ipcsreader.parse.stamps import REGION, Stamp, find, loose_old_stamp
from ipcsreader.text import fold

_EMAIL = re.compile(r"^(?:e-?mail\s*:?\s*)?(\S+@\S+\.\w+)$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^#\s*\d+$")
_BODY_MIN_WORDS = 16
_COLUMN_MAX_WORDS = 5  # "Af-Pak Diary", "IPCS Discussion": a column's name is short
# Lines under a title, byline included, read as the byline on a page with a blank line
# under every line: names, affiliations and e-mail addresses of two authors at most.
_SPACED_BYLINE_MAX = 6
_STATEMENT_END = re.compile("[.!][\"'”’)]*$")
_SENTENCE_END = re.compile("[.!?:][\"'”’)]*$")


def _groups(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) index ranges of runs of non-blank lines."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, line in enumerate([*lines, ""]):
        if line and start is None:
            start = i
        elif not line and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _headed(lines: list[str], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``runs`` with the first split where its header lines meet the body's paragraphs,
    as on a page saved without blank lines."""
    if not runs:
        return runs
    start, end = runs[0]
    cut = next(
        (
            i
            for i in range(start + 1, end)
            # An affiliation under a name may run as long as a paragraph.
            if _is_body_line(lines[i])
            and not (_is_byline_line(lines[i]) and _names_someone(lines[i - 1]))
        ),
        None,
    )
    if cut is None or _is_body_line(lines[start]):
        return runs
    return [(start, cut), (cut, end), *runs[1:]]


def _spaced(lines: list[str], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``runs`` with a title standing alone joined to the byline lines under it, each a
    run of its own, as on a page saved with a blank line under every line."""
    if len(runs) < 2 or any(end - start != 1 for start, end in runs[:2]):
        return runs
    if not all(map(is_byline_name, split_authors(lines[runs[1][0]]))):
        return runs
    last = 1
    while (
        last + 1 < len(runs)
        and last < _SPACED_BYLINE_MAX
        and runs[last + 1][1] - runs[last + 1][0] == 1
        and _is_byline_line(lines[runs[last + 1][0]])
    ):
        last += 1
    return [(runs[0][0], runs[last][1]), *runs[last + 1 :]]


def _is_byline_line(line: str) -> bool:
    """A line under a name that goes on with the byline: short, or opening on a role or a
    body ("Associate Professor, …": long ones run past a paragraph's length)."""
    if not _is_body_line(line):
        return True
    first, *_ = line.split()
    return has_affiliation_word(first) and not _SENTENCE_END.search(line)


def _column_over_title(first: str, second: str) -> bool:
    """Whether the first two lines of a header saved without blank lines are a column
    and a title rather than a title and its byline (or a short first paragraph): the
    second reads as a headline (a small word in lower case, a colon, a question, a
    figure; no full stop) and names no one, and the first is short. An affiliation
    comes under a name, never right under a title."""
    if (
        is_name_like(second, max_tokens=8)
        or _names_someone(second)
        or "@" in second
        or _STATEMENT_END.search(second)
    ):
        return False
    headline = any(w[0].islower() for w in second.split()) or any(
        c in second for c in ":?0123456789"
    )
    return headline and len(first.split()) <= _COLUMN_MAX_WORDS and not _SENTENCE_END.search(first)


def _is_statement(line: str) -> bool:
    """A sentence of the body ("The port was quiet."), not a name or an affiliation."""
    return (
        bool(_STATEMENT_END.search(line))
        and not is_name_like(line, max_tokens=8)
        and not has_affiliation_word(line)
        and "@" not in line
    )


def _title_over_byline(lines: list[str], runs: list[tuple[int, int]]) -> bool:
    """Whether the first three runs, a line each (a page saved with a blank line under
    every line), are a title, a name and an affiliation or e-mail address: no column."""
    if len(runs) < 3 or any(end - start != 1 for start, end in runs[:3]):
        return False
    name, after = lines[runs[1][0]], lines[runs[2][0]]
    affiliation = not _is_body_line(after) and not _names_someone(after)
    return _names_someone(name) and (affiliation or bool(_EMAIL.match(after)))


def _names_someone(line: str) -> bool:
    """Whether ``line`` is a byline: one name or more ("Meera Iyer and Arjun Rao")."""
    return all(map(is_byline_name, split_authors(line)))


def _is_body_line(line: str) -> bool:
    """A paragraph rather than a header line: long, or a sentence of some length."""
    words = len(line.split())
    return words >= _BODY_MIN_WORDS or (words > 8 and bool(_STATEMENT_END.search(line)))


def _authors(group: list[str]) -> tuple[Author, ...]:
    """Authors from the lines under a title: names, affiliations, e-mail addresses.

    A second author may have lines of their own below the first's ("A / affiliation /
    B / affiliation"): a name-shaped line there starts the next author.
    """
    blocks: list[list[str]] = []
    emails: list[list[str]] = [[]]
    for line in group:
        if m := _EMAIL.match(line):
            emails[-1].append(m[1])
        elif not blocks or is_byline_name(line):
            if blocks:
                emails.append([])
            blocks.append([line])
        else:
            blocks[-1].append(line)
    if not blocks:
        return ()
    pairs = zip(blocks, emails, strict=True)
    return tuple(a for block, mail in pairs for a in _block_authors(block, mail))


def _block_authors(block: list[str], emails: list[str]) -> list[Author]:
    """The authors of one name line ("A and B"), with the affiliation lines under it."""
    names = split_authors(block[0])
    affiliations = block[1:]
    out = []
    for i, name in enumerate(names):
        affiliation: str | None
        if len(affiliations) == len(names) and len(names) > 1:
            affiliation = affiliations[i]
        else:
            affiliation = "; ".join(affiliations) or None
        email = emails[i] if i < len(emails) else None
        out.append(author(name, affiliation, email))
    return out


def article_after_stamp(
    lines: list[str],
    at: int,
    stamp: Stamp | None,
    *,
    region: str | None = None,
    column: str | None = None,
    source: str | None = None,
    fmt: SourceFormat = "text",
    headings: frozenset[str] = frozenset(),
) -> Article:
    """The article whose stamp is ``lines[at]``: column, title group, body, sidebars."""
    rest = lines[at + 1 :]
    width = body.wrap_width(lines)  # a page saved broken at a width
    end = sidebar.body_end(rest)
    content = rest if end is None else rest[:end]
    groups = _headed(content, _groups(content))
    title = None
    authors: tuple[Author, ...] = ()
    body_from = len(content)
    known = column
    if groups:
        g0 = content[slice(*groups[0])]
        nxt = content[slice(*groups[1])] if len(groups) > 1 else None
        # A page inside a listing comes with its column known, and starts at its title.
        free = known is None or fold(g0[0]) == fold(known)
        if (
            free
            and len(g0) == 1
            and (nxt is None or not _is_body_line(nxt[0]))
            and not _title_over_byline(content, groups)
        ):
            column = g0[0]
            groups = groups[1:]
        elif (
            free
            and len(g0) > 1
            and (
                _column_over_title(g0[0], g0[1])
                or (len(g0) > 2 and _names_someone(g0[2]) and not is_byline_name(g0[1]))
            )
        ):
            # No blank line under the column: column, title, then the byline if any.
            column = g0[0]
            groups[0] = (groups[0][0] + 1, groups[0][1])
        if groups and not _is_body_line(content[groups[0][0]]):
            groups = _spaced(content, groups)
            rows = [i for i in range(*groups[0]) if content[i]]
            # A short first paragraph right under a title with no byline (no blank line
            # between them) is the body's, not an author.
            cut = next((k for k, i in enumerate(rows) if k and _is_statement(content[i])), None)
            # A long title or affiliation broken at a width goes on, never onto a name.
            head = body.rejoined([content[i] for i in rows[:cut]], width, apart=_names_someone)
            title, authors = head[0], _authors(head[1:])
            body_from = groups[0][1] if cut is None else rows[cut]
        elif groups:
            body_from = groups[0][0]
    blocks = body.blocks(content[body_from:], headings, width)
    truncated = end is None
    bars = sidebar.parse([] if end is None else rest[end:])
    return Article(
        layout="old",
        number=stamp.number if stamp else None,
        source=source,
        format=fmt,
        region=region,
        date=stamp.date if stamp else None,
        column=column,
        title=title,
        authors=authors,
        blocks=blocks,
        truncated=truncated,
        sidebars=bars,
    )


def parse(
    lines: list[str],
    *,
    source: str | None = None,
    fmt: SourceFormat = "text",
    headings: frozenset[str] = frozenset(),
) -> Article:
    """An old-layout article page (possibly cut off anywhere, even inside the header)."""
    found = find(lines, loose_old_stamp)
    if found and _BARE_NUMBER.match(lines[found[0]]) and not any(lines[found[0] + 1 :]):
        found = None  # the page ends at "#39": the number may be cut too ("#3921")
    limit = found[0] if found else len(lines)
    region = next((m[1] for m in map(REGION.match, lines[:limit]) if m), None)
    if found is None:
        return Article(layout="old", source=source, format=fmt, region=region, truncated=True)
    at, stamp = found
    return article_after_stamp(
        lines, at, stamp, region=region, source=source, fmt=fmt, headings=headings
    )
