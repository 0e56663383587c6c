"""Small pieces the reading views share: dates, names, and a list of titles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence

from rich.text import Text

from ipcsreader.archive.known import KnownTitle
from ipcsreader.model import Author
from ipcsreader.render.rows import Line, Rows
from ipcsreader.render.safe import safe

NUMBER_STYLE = "cyan"
DIM = "dim"
UNREAD_STYLE = "bold magenta"


def long_date(d: dt.date | None) -> str:
    """ "2 March 2015", as the site prints it."""
    return f"{d.day} {d:%B %Y}" if d else ""


# The months as "%b" names them (Python leaves the C locale's in place): looked up, not
# formatted, for the thousands of dates of a long list.
MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(d: dt.date | None) -> str:
    """ "2 Mar 2015"."""
    return f"{d.day} {MONTHS[d.month]} {d.year}" if d else ""


def date_span(first: dt.date | None, last: dt.date | None) -> str:
    if first is None or last is None:
        return ""
    if first == last:
        return short_date(first)
    return f"{short_date(first)} – {short_date(last)}"


def append_unread(line: Text | Line) -> None:
    """Say at the end of an article's line that the reader has not read it yet."""
    line.append(" · ", DIM)
    line.append("unread", UNREAD_STYLE)


def pairing(typed: str, by_initials: Collection[str]) -> str:
    """Why a name or acronym typed was also read in its other form (see
    :class:`ipcsreader.model.AlsoRead`)."""
    if typed in by_initials:
        return "its initials, as the archive's pages print them"
    return "as the archive's pages pair them"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def author_text(author: Author, *, affiliation: bool = True) -> Text:
    """ "Dr Sandip Mishra, Assistant Professor, …" with the name in bold."""
    name = f"{author.honorific} {author.name}" if author.honorific else author.name
    text = safe(name, "bold")
    if affiliation and author.affiliation:
        text.append(", ")
        text.append_text(safe(author.affiliation, DIM))
    return text


def dated_rows(rows: Iterable[tuple[int | None, dt.date | None, Text]]) -> Rows:
    """One row per (number, date, text): the number right-aligned, the dates in a column of
    their own when any row has one (two spaces after it), the text wrapping under itself."""
    rows = list(rows)
    dated = any(date for _, date, _ in rows)
    laid: list[tuple[list[Text], Text]] = []
    for number, date, text in rows:
        cells = [Text(f"#{number}", NUMBER_STYLE) if number is not None else Text("")]
        if dated:
            cells.append(Text(short_date(date), DIM))
        laid.append((cells, text))
    return Rows(laid, gap=1 if dated else 0)


def title_rows(titles: Iterable[KnownTitle], *, show_column: bool = False) -> Rows:
    """Known titles: italic when only listings name them; the column after the title."""
    rows = []
    for t in titles:
        line = safe(t.title, "" if t.held or t.number is None else "italic")
        if show_column and t.column:
            line.append(" · ")
            line.append_text(safe(t.column, DIM))
        rows.append((t.number, t.date, line))
    return dated_rows(rows)


def more_line(total: int, shown: int | None, hint: str | None) -> list[Text]:
    """ "… N more, <hint>" when ``shown`` (None: all) of ``total`` titles leave some out and
    there is a ``hint`` to give, else nothing."""
    if hint is None or shown is None or total <= shown:
        return []
    return [Text(f"… {total - shown:,} more, {hint}", DIM)]


def names_text(names: Sequence[str]) -> Text:
    out = Text()
    for i, n in enumerate(names):
        if i:
            out.append(", ")
        out.append_text(safe(n))
    return out
