"""Authors: the table of everyone, and one person's profile."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ipcsreader.archive.authors import AuthorRow, Profile
from ipcsreader.render.parts import DIM, date_span, more_line, names_text, plural, title_rows
from ipcsreader.render.rows import Lines
from ipcsreader.render.safe import safe


def render_author_table(rows: Sequence[AuthorRow]) -> RenderableType:
    """Name, articles held, titles known in all, years active; long names wrap in place."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left")
    table.title = f"{plural(len(rows), 'author')}"
    table.add_column("Author", ratio=1, overflow="fold")
    table.add_column("Held", justify="right", no_wrap=True)
    table.add_column("Known", justify="right", no_wrap=True)
    table.add_column("Years", no_wrap=True)
    for r in rows:
        years = ""
        if r.first_year is not None:
            years = str(r.first_year)
            if r.last_year != r.first_year:
                years += f"–{r.last_year}"
        # Text, not str: a str cell is parsed as markup, hundreds of times over for nothing.
        table.add_row(
            safe(r.person.name), Text(str(r.articles)), Text(str(r.known), DIM), Text(years)
        )
    caption = Text(
        "Held: articles whose text is in the corpus. Known: all titles, with listings.", DIM
    )
    return Group(table, caption)


def render_profiles(
    profiles: Sequence[Profile], *, limit: int | None = None, more: str | None = None
) -> RenderableType:
    """Each profile with its latest ``limit`` articles and listed titles (None: all); with
    ``more`` (how to see them all), a line under titles left out says how many were."""
    parts: list[tuple[int, RenderableType]] = []
    for i, p in enumerate(profiles):
        if i:
            parts.append((0, Text("")))
        parts += _profile(p, limit, more)
    return Lines(parts)


def _profile(p: Profile, limit: int | None, more: str | None) -> list[tuple[int, RenderableType]]:
    """Names, columns, affiliations over time, articles newest first, titles only listed:
    each line with its indent (:class:`Lines`: a prolific author has thousands of titles)."""
    name = safe(p.person.name, "bold")
    if p.person.honorific:
        name = Text.assemble(safe(p.person.honorific), " ", name)
    parts: list[RenderableType] = [name]
    others = [n for n in p.person.names if n != p.person.name]
    if others:
        parts.append(Text.assemble(("Also printed as: ", DIM), names_text(others)))
    if p.columns:
        parts.append(Text.assemble(("Columns: ", DIM), names_text(p.columns)))
    laid = [(0, part) for part in parts]
    if p.affiliations:
        laid += [(0, Text("")), (0, Text("Affiliations", "bold underline"))]
        grid = Table.grid(padding=(0, 2))
        grid.add_column(ratio=1)
        for a in p.affiliations:
            when = date_span(a.first, a.last) or "undated"
            grid.add_row(Text.assemble(safe(a.text), "\n", (when, DIM)))
        laid.append((2, grid))
    held = sum(t.held for t in p.articles)
    laid += [(0, Text("")), (0, Text(f"Articles ({held} in the corpus)", "bold underline"))]
    if p.articles:
        shown = p.articles[:limit]
        laid.append((2, title_rows(shown, show_column=True)))
        laid += [(2, line) for line in more_line(len(p.articles), limit, more)]
        if not all(t.held for t in shown):
            laid.append((0, Text("  Titles in italics are known from listings only.", DIM)))
    else:
        laid.append((0, Text("  none", DIM)))
    if p.listed:
        laid += [(0, Text("")), (0, Text("Known only from listings", "bold underline"))]
        laid.append((2, title_rows(p.listed[:limit])))
        laid += [(2, line) for line in more_line(len(p.listed), limit, more)]
    return laid
