"""The archive by year and month, with counts."""

from __future__ import annotations

from collections.abc import Collection

from rich.console import RenderableType
from rich.text import Text

from ipcsreader.archive.browse import Archive
from ipcsreader.model import Record
from ipcsreader.render.parts import DIM, NUMBER_STYLE, append_unread, plural
from ipcsreader.render.rows import Lines, Rows
from ipcsreader.render.safe import safe


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
        line = safe(r.title or "(untitled)", "italic" if r.listing_only else "")
        if r.authors:
            line.append(" — ", DIM)
            line.append_text(safe(", ".join(a.name for a in r.authors), DIM))
        if r.column:
            line.append(" · ", DIM)
            line.append_text(safe(r.column, DIM))
        if r.number in unread:
            append_unread(line)
        when = f"{r.date.day} {r.date:%b}" if day and r.date else ""
        rows.append(([Text(f"#{r.number}", NUMBER_STYLE), Text(when, DIM)], line))
    return Rows(rows)
