"""Authors: the table of everyone, and one person's profile."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ipcsreader.archive.authors import AuthorRow, Profile
from ipcsreader.render.parts import DIM, date_span, more_line, names_text, plural, title_rows
from ipcsreader.render.rows import Lines
from ipcsreader.render.safe import safe

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


def render_author_table(rows: Sequence[AuthorRow]) -> RenderableType:
    """Name, articles held, titles known in all, years active; long names wrap in place."""
    cells = []
    for r in rows:
        years = ""
        if r.first_year is not None:
            years = str(r.first_year)
            if r.last_year != r.first_year:
                years += f"–{r.last_year}"
        # Text, not str: a str cell is parsed as markup, hundreds of times over for nothing.
        cells.append(
            (safe(r.person.name), Text(str(r.articles)), Text(str(r.known), DIM), Text(years))
        )
    caption = Text(
        "Held: articles whose text is in the corpus. Known: all titles, with listings.", DIM
    )
    return AuthorTable(plural(len(rows), "author"), cells, caption)


class AuthorTable:
    """The authors' table, titled, with its caption under it: what ``Group(table,
    caption)`` shows. Printed without colours or styles, its lines are written straight
    from the cells when every cell fits on one line (the usual case): laying hundreds of
    rows out through Rich's table costs more than the rest of ``ipcs authors``.
    ``tests/test_authors.py`` checks those lines against the table's."""

    HEADERS = ("Author", "Held", "Known", "Years")
    RIGHT = (False, True, True, False)  # the columns justified right

    def __init__(self, title: str, rows: Sequence[tuple[Text, Text, Text, Text]], caption: Text):
        self.title = title
        self.rows = rows
        self.caption = caption

    def table(self) -> Table:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left")
        table.title = self.title
        table.add_column("Author", ratio=1, overflow="fold")
        table.add_column("Held", justify="right", no_wrap=True)
        table.add_column("Known", justify="right", no_wrap=True)
        table.add_column("Years", no_wrap=True)
        for row in self.rows:
            table.add_row(*row)
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table()
        yield self.caption

    def plain_lines(self, console: Console, options: ConsoleOptions) -> Iterator[str]:
        """The lines shown, as a console without colours or styles prints them (trailing
        spaces dropped)."""
        lines = self._unwrapped(options)
        if lines is None:  # something wraps: the table lays it out
            yield from Lines([(0, self.table()), (0, self.caption)]).plain_lines(console, options)
            return
        yield from lines
        yield from Lines([(0, self.caption)]).plain_lines(console, options)

    def _unwrapped(self, options: ConsoleOptions) -> list[str] | None:
        """The table's lines when no cell needs wrapping, as the table lays them out then:
        each column as wide as its widest cell, one space of padding on each side but the
        table's outer ones, the box's edges and dividers; None when it must wrap."""
        texts: list[Sequence[str]] = [self.HEADERS]
        texts += [[cell.plain for cell in row] for row in self.rows]
        if any("\n" in t or "\t" in t for row in texts for t in row):
            return None
        content = [max(cell_len(row[i]) for row in texts) for i in range(len(self.HEADERS))]
        pads = [
            (0 if i == 0 else 1, 0 if i == len(content) - 1 else 1) for i in range(len(content))
        ]
        widths = [c + left + right for c, (left, right) in zip(content, pads, strict=True)]
        edges = 2 + len(widths) - 1  # the box's left and right edges and its dividers
        if sum(widths) + edges > options.max_width or cell_len(self.title) > sum(widths) + edges:
            return None
        frame = box.SIMPLE_HEAD.substitute(options, safe=True)

        def line(row: Sequence[str], left: str, divider: str, right: str) -> str:
            cells = []
            for text, width, (pad_left, pad_right), right_justified in zip(
                row, content, pads, self.RIGHT, strict=True
            ):
                space = " " * (width - cell_len(text))
                cells.append(
                    " " * pad_left
                    + (space + text if right_justified else text + space)
                    + " " * pad_right
                )
            return (left + divider.join(cells) + right).rstrip(" ")

        mid = (frame.mid_left, frame.mid_vertical, frame.mid_right)
        foot = (frame.foot_left, frame.foot_vertical, frame.foot_right)  # the last row's
        body = texts[1:]
        lines = [self.title, frame.get_top(widths).rstrip(" ")]
        lines.append(line(self.HEADERS, frame.head_left, frame.head_vertical, frame.head_right))
        lines.append(frame.get_row(widths, "head", edge=True).rstrip(" "))
        lines += [line(row, *(foot if i == len(body) - 1 else mid)) for i, row in enumerate(body)]
        lines.append(frame.get_bottom(widths).rstrip(" "))
        return lines


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
