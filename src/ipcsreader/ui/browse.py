"""Browsing: the columns with their columnists and latest pieces; the archive by date.

Both are trees whose leaves are articles (the node's data is the article number): Enter
or a click on a leaf reads it, on any other node opens or closes it. Every label is built
from Rich ``Text`` (a plain string would be read as markup).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, Static, Tree

from ipcsreader.archive.browse import Archive, Month
from ipcsreader.archive.columns import Column, Columnist
from ipcsreader.render.columns import NO_COLUMN
from ipcsreader.render.parts import DIM, plural
from ipcsreader.render.safe import safe
from ipcsreader.ui.base import IpcsScreen
from ipcsreader.ui.lists import BACK, title_line

RECENT = 3  # latest pieces shown per columnist


class TreeScreen(IpcsScreen):
    """A heading over a tree of articles, filled in the background."""

    BINDINGS: ClassVar[list[BindingType]] = BACK
    HEADING = ""

    def compose(self) -> ComposeResult:
        yield Static(Text(self.HEADING, "bold"), id="list-heading")
        tree: Tree[int | None] = Tree(Text("Loading…", DIM), id="tree")
        tree.show_root = False
        yield tree
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(Tree).focus()
        self.run_worker(self._fill())

    async def _fill(self) -> None:
        raise NotImplementedError

    @on(Tree.NodeSelected)
    def _open(self, event: Tree.NodeSelected[int | None]) -> None:
        if isinstance(event.node.data, int):
            self.ipcs.read(event.node.data)

    def _heading(self, text: str) -> None:
        self.query_one("#list-heading", Static).update(Text(text, "bold"))


class ColumnsScreen(TreeScreen):
    HEADING = "Columns"

    async def _fill(self) -> None:
        columns = await self.ipcs.attempt(self.ipcs.service.columns())
        if columns is None:
            return
        tree: Tree[int | None] = self.query_one(Tree)
        named = sum(c.name is not None for c in columns)
        self._heading(f"Columns: {named}, with their columnists and latest pieces")
        for i, column in enumerate(columns):
            node = tree.root.add(_column_label(column), expand=i == 0)
            for c in column.columnists:
                person = node.add(_columnist_label(c), expand=True)
                for t in c.titles[:RECENT]:
                    person.add_leaf(title_line(t.number, t.date, t.title, held=t.held), t.number)
            if column.unsigned:
                unsigned = node.add(Text("Unsigned", "italic"))
                for t in column.unsigned[:RECENT]:
                    unsigned.add_leaf(title_line(t.number, t.date, t.title, held=t.held), t.number)
        tree.root.expand()
        tree.cursor_line = 0


def _column_label(column: Column) -> Text:
    label = safe(column.name, "bold") if column.name else Text(NO_COLUMN, "bold")
    label.append(f"  {plural(len(column.columnists), 'columnist')}", DIM)
    return label


def _columnist_label(c: Columnist) -> Text:
    label = safe(c.person.name, "bold")
    if c.affiliation:
        label.append(", ")
        label.append_text(safe(c.affiliation.text, DIM))
    label.append(f" · {plural(c.articles, 'article')}", DIM)
    return label


class ArchiveScreen(TreeScreen):
    """Years, their months, and the month's articles (added when the month opens)."""

    HEADING = "The archive by year and month"

    def __init__(self) -> None:
        super().__init__()
        self._months: dict[int, Month] = {}  # months not opened yet, by node id

    async def _fill(self) -> None:
        archive: Archive | None = await self.ipcs.attempt(self.ipcs.service.archive())
        if archive is None:
            return
        tree: Tree[int | None] = self.query_one(Tree)
        self._heading(f"The archive by year and month: {plural(archive.count, 'article')}")
        newest_first = sorted(archive.years, key=lambda y: (y.year is not None, y.year or 0))
        for i, year in enumerate(reversed(newest_first)):
            label = Text(str(year.year) if year.year else "Undated", "bold")
            label.append(f"  {year.count}", DIM)
            node = tree.root.add(label, expand=i == 0)
            for j, month in enumerate(reversed(year.months)):
                month_label = Text(month.name)
                month_label.append(f"  {len(month.records)}", DIM)
                child = node.add(month_label)
                self._months[child.id] = month
                child.add_leaf(Text("…", DIM))  # so that it can open; filled when it does
                if i == j == 0:
                    child.expand()  # the newest month, open from the start
            for r in year.undated:
                node.add_leaf(title_line(r.number, r.date, r.title), r.number)
        tree.root.expand()
        tree.cursor_line = 0

    @on(Tree.NodeExpanded)
    def _month(self, event: Tree.NodeExpanded[int | None]) -> None:
        month = self._months.pop(event.node.id, None)
        if month is None:
            return
        event.node.remove_children()
        for r in month.records:
            event.node.add_leaf(
                title_line(r.number, r.date, r.title, held=not r.listing_only), r.number
            )
