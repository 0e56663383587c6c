"""The IPCS columns: each column, its columnists and their recent titles."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text

from ipcsreader.archive.columns import Column, Columnist
from ipcsreader.render.parts import DIM, date_span, more_line, plural, short_date, title_rows
from ipcsreader.render.rows import Lines
from ipcsreader.render.safe import safe

NO_COLUMN = "Columnists without a named column"

# Each line with its indent, laid out flat (:class:`Lines`): hundreds of columnists.
_Laid = list[tuple[int, RenderableType]]


def render_columns(
    columns: Sequence[Column], *, recent: int | None = 3, more: str | None = None
) -> RenderableType:
    """Every column; ``recent`` titles per columnist (None: all of them). With ``more``
    (how to see them all), a line under titles left out says how many were."""
    named = sum(c.name is not None for c in columns)
    parts: _Laid = [(0, Text(plural(named, "column"), "bold"))]
    for column in columns:
        parts.append((0, Text("")))
        parts += _column(column, recent, more)
    return Lines(parts)


def _column(column: Column, recent: int | None, more: str | None) -> _Laid:
    if column.name is None:
        heading = Text(NO_COLUMN, "bold underline")
        heading.append(" (the sidebar prints no column name for them)", "dim")
    else:
        heading = safe(column.name, "bold underline")
    parts: _Laid = [(0, heading)]
    for c in column.columnists:
        parts += [(indent + 2, line) for indent, line in _columnist(c, recent, more)]
    if column.unsigned:
        parts.append((2, Text("Unsigned", "italic")))
        parts.append((0, title_rows(column.unsigned[:recent]).indented(4)))
        parts += [(4, line) for line in more_line(len(column.unsigned), recent, more)]
    return parts


def _columnist(c: Columnist, recent: int | None, more: str | None) -> _Laid:
    name = safe(c.person.name, "bold")
    if c.person.honorific:
        name = Text.assemble(safe(c.person.honorific), " ", name)
    lines: _Laid = [(0, name)]
    if c.affiliation:
        aff = safe(c.affiliation.text, DIM)
        if c.affiliation.date:
            aff.append(f" (as of {short_date(c.affiliation.date)})", DIM)
        lines.append((0, aff))
    held = f"{plural(c.articles, 'article') if c.articles else 'no articles'} in the corpus"
    span = date_span(c.first, c.last)
    known = f"{plural(c.known, 'title')} known"
    lines.append((0, Text(", ".join(p for p in (held, span, known) if p), DIM)))
    shown = c.titles if recent is None else c.titles[:recent]
    if shown:
        lines.append((0, title_rows(shown).indented(2)))
        lines += [(2, line) for line in more_line(len(c.titles), recent, more)]
    return lines
