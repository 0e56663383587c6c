"""Small pieces the reading views share: dates, names, and a list of titles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from rich.table import Table
from rich.text import Text

from ipcsreader.known import KnownTitle
from ipcsreader.model import Author
from ipcsreader.render.safe import safe

NUMBER_STYLE = "cyan"
DIM = "dim"


def long_date(d: dt.date | None) -> str:
    """ "2 March 2015", as the site prints it."""
    return f"{d.day} {d:%B %Y}" if d else ""


def short_date(d: dt.date | None) -> str:
    """ "2 Mar 2015"."""
    return f"{d.day} {d:%b %Y}" if d else ""


def date_span(first: dt.date | None, last: dt.date | None) -> str:
    if first is None or last is None:
        return ""
    if first == last:
        return short_date(first)
    return f"{short_date(first)} – {short_date(last)}"


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


def title_rows(titles: Iterable[KnownTitle], *, show_column: bool = False) -> Table:
    """One row per title: number (or a blank), date, title; the title wraps under itself."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(ratio=1)
    for t in titles:
        number = Text(f"#{t.number}", NUMBER_STYLE) if t.number is not None else Text("")
        line = Text()
        if t.date:
            line.append(short_date(t.date), DIM)
            line.append("  ")
        line.append_text(safe(t.title, "" if t.held or t.number is None else "italic"))
        if show_column and t.column:
            line.append(" · ")
            line.append_text(safe(t.column, DIM))
        grid.add_row(number, line)
    return grid


def names_text(names: Sequence[str]) -> Text:
    out = Text()
    for i, n in enumerate(names):
        if i:
            out.append(", ")
        out.append_text(safe(n))
    return out
