"""The IPCS columns: each column, its columnists and their recent titles."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from ipcsreader.archive.columns import Column, Columnist
from ipcsreader.render.parts import DIM, date_span, plural, short_date, title_rows
from ipcsreader.render.safe import safe

NO_COLUMN = "Columnists without a named column"


def render_columns(columns: Sequence[Column], *, recent: int | None = 3) -> RenderableType:
    """Every column; ``recent`` titles per columnist (None: all of them)."""
    named = sum(c.name is not None for c in columns)
    parts: list[RenderableType] = [Text(plural(named, "column"), "bold")]
    for column in columns:
        parts.append(Text(""))
        parts.append(_column(column, recent))
    return Group(*parts)


def _column(column: Column, recent: int | None) -> RenderableType:
    if column.name is None:
        heading = Text(NO_COLUMN, "bold underline")
        heading.append(" (the sidebar prints no column name for them)", "dim")
    else:
        heading = safe(column.name, "bold underline")
    parts: list[RenderableType] = [heading]
    for c in column.columnists:
        parts.append(Padding(_columnist(c, recent), (0, 0, 0, 2)))
    if column.unsigned:
        parts.append(Padding(Text("Unsigned", "italic"), (0, 0, 0, 2)))
        parts.append(title_rows(column.unsigned[:recent]).indented(4))
    return Group(*parts)


def _columnist(c: Columnist, recent: int | None) -> RenderableType:
    name = safe(c.person.name, "bold")
    if c.person.honorific:
        name = Text.assemble(safe(c.person.honorific), " ", name)
    lines: list[RenderableType] = [name]
    if c.affiliation:
        aff = safe(c.affiliation.text, DIM)
        if c.affiliation.date:
            aff.append(f" (as of {short_date(c.affiliation.date)})", DIM)
        lines.append(aff)
    held = f"{plural(c.articles, 'article') if c.articles else 'no articles'} in the corpus"
    span = date_span(c.first, c.last)
    known = f"{plural(c.known, 'title')} known"
    lines.append(Text(", ".join(p for p in (held, span, known) if p), DIM))
    shown = c.titles if recent is None else c.titles[:recent]
    if shown:
        lines.append(title_rows(shown).indented(2))
    return Group(*lines)
