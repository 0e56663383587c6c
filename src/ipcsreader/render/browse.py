"""The archive by year and month, with counts."""

from __future__ import annotations

from collections.abc import Collection

from rich.console import RenderableType
from rich.text import Text

from ipcsreader.archive.browse import Archive
from ipcsreader.model import Record
from ipcsreader.render.parts import DIM, MONTHS, NUMBER_STYLE, append_unread, plural
from ipcsreader.render.rows import Line, Lines, Rows
from ipcsreader.render.safe import clean, safe


def render_archive(archive: Archive, unread: Collection[int] = ()) -> RenderableType:
    """The archive by year and month; articles in ``unread`` are said to be so."""
    head = Text(plural(archive.count, "article"), "bold")
    if archive.filters:
        head.append(" · ", DIM)
        head.append_text(safe(", ".join(f"{k} {v}" for k, v in archive.filters), DIM))
    parts: list[RenderableType] = [head]
    for year in archive.years:
        parts.append(Text(""))
        label = str(year.year) if year.year is not None else "Undated"
        parts.append(Text.assemble((label, "bold underline"), (f" ({year.count})", DIM)))
        for month in year.months:
            parts.append(
                Text.assemble(("  " + month.name, "bold"), (f" ({len(month.records)})", DIM))
            )
            parts.append(_rows(month.records, unread, day=True).indented(4))
        if year.undated:
            parts.append(_rows(year.undated, unread, day=False).indented(4))
    return Lines([(0, part) for part in parts])


def _rows(records: tuple[Record, ...], unread: Collection[int], *, day: bool) -> Rows:
    rows = []
    for r in records:
        line = Line((clean(r.title or "(untitled)"), ""), style="italic" if r.listing_only else "")
        if r.authors:
            line.append(" — ", DIM)
            line.append(clean(", ".join(a.name for a in r.authors)), DIM)
        if r.column:
            line.append(" · ", DIM)
            line.append(clean(r.column), DIM)
        if r.number in unread:
            append_unread(line)
        when = f"{r.date.day} {MONTHS[r.date.month]}" if day and r.date else ""
        rows.append(
            ([Line((f"#{r.number}", ""), style=NUMBER_STYLE), Line((when, ""), style=DIM)], line)
        )
    return Rows(rows)
