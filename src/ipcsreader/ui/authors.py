"""The authors screen: everyone who wrote, filtered as you type; Enter shows their articles."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from ipcsreader.archive.authors import AuthorRow, Authors
from ipcsreader.render.parts import DIM, plural
from ipcsreader.render.safe import safe
from ipcsreader.text import fold
from ipcsreader.ui.base import IpcsScreen
from ipcsreader.ui.lists import TitlesScreen


class AuthorsScreen(IpcsScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("down", "to_list", "Authors", show=False),
        Binding("slash", "to_filter", "Filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.authors: Authors | None = None
        self.rows: list[AuthorRow] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("Authors", "bold"), id="list-heading")
        yield Input(placeholder="Filter: any part of a name", id="author-filter")
        yield OptionList(Option(Text("Loading…", DIM), disabled=True), id="people")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.run_worker(self._fill())

    async def _fill(self) -> None:
        authors = await self.ipcs.attempt(self.ipcs.service.authors())
        if authors is None:
            return
        self.authors = authors
        self.rows = sorted(authors.table(), key=lambda r: (-r.articles, r.person.surname))
        self._show()

    @on(Input.Changed, "#author-filter")
    def _show(self) -> None:
        wanted = fold(self.query_one(Input).value.strip())
        rows = [
            r for r in self.rows if not wanted or any(wanted in fold(n) for n in r.person.names)
        ]
        people = self.query_one("#people", OptionList)
        people.clear_options()
        people.add_options([Option(_row(r), id=r.person.key) for r in rows])
        if rows:
            people.highlighted = 0
        heading = f"Authors: {len(rows)} of {len(self.rows)}" if wanted else "Authors"
        self.query_one("#list-heading", Static).update(Text(heading, "bold"))

    @on(Input.Submitted, "#author-filter")
    @on(OptionList.OptionSelected, "#people")
    def _open(self) -> None:
        people = self.query_one("#people", OptionList)
        if self.authors is None or people.highlighted is None or not people.option_count:
            return
        key = people.get_option_at_index(people.highlighted).id
        row = next((r for r in self.rows if r.person.key == key), None)
        if row is None:
            return
        profile = self.authors.profile(row.person)
        heading = safe(row.person.name, "bold")
        if profile.columns:
            heading.append(" · ", DIM)
            heading.append_text(safe(", ".join(profile.columns), DIM))
        self.app.push_screen(TitlesScreen(heading, [*profile.articles, *profile.listed]))

    def action_to_list(self) -> None:
        self.query_one("#people", OptionList).focus()

    def action_to_filter(self) -> None:
        self.query_one(Input).focus()


def _row(r: AuthorRow) -> Text:
    line = safe(r.person.name, "bold")
    years = ""
    if r.first_year and r.last_year:
        years = (
            f"{r.first_year}" if r.first_year == r.last_year else f"{r.first_year}–{r.last_year}"
        )
    held = plural(r.articles, "article")
    line.append(f"  {held}" + (f" of {r.known} known" if r.known > r.articles else ""), DIM)
    if years:
        line.append(f" · {years}", DIM)
    return line
