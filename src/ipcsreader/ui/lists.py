"""Lists of articles that lead into the reading view: more by an author, related, a profile."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ipcsreader.archive.known import KnownTitle
from ipcsreader.model import Hit
from ipcsreader.render.parts import DIM, NUMBER_STYLE, names_text, short_date
from ipcsreader.render.safe import safe
from ipcsreader.ui.base import IpcsScreen

BACK: list[BindingType] = [
    Binding("escape,backspace", "app.pop_screen", "Back"),
    Binding("q", "app.quit", "Quit"),
]


def title_line(
    number: int | None, date: dt.date | None, title: str | None, *, held: bool = True
) -> Text:
    """ "#4842  2 Mar 2015  Title": italic when only listings name the article."""
    line = Text()
    if number is not None:
        line.append(f"#{number}  ", NUMBER_STYLE)
    if date is not None:
        line.append(f"{short_date(date):>11}  ", DIM)
    line.append_text(safe(title or "(untitled)", "" if held else "italic"))
    return line


def known_option(t: KnownTitle) -> Option:
    line = title_line(t.number, t.date, t.title, held=t.held or t.number is None)
    if t.column:
        line.append(" · ", DIM)
        line.append_text(safe(t.column, DIM))
    if t.number is not None and not t.held:
        line.append(" · listed only", DIM)
    return Option(line, id=str(t.number) if t.number is not None else None)


def hit_option(h: Hit) -> Option:
    line = title_line(h.number, h.date, h.title, held=not h.listing_only)
    if h.authors:
        line.append(" — ", DIM)
        line.append_text(names_text([a.name for a in h.authors]))
    return Option(line, id=str(h.number))


class ArticleList(IpcsScreen):
    """A heading and a list of articles; Enter reads one."""

    BINDINGS: ClassVar[list[BindingType]] = BACK

    def __init__(self, heading: str | Text, options: Sequence[Option], empty: str) -> None:
        super().__init__()
        self.heading = heading if isinstance(heading, Text) else safe(heading, "bold")
        self.options = list(options) or [Option(Text(empty, DIM), disabled=True)]

    def compose(self) -> ComposeResult:
        yield Static(self.heading, id="list-heading")
        yield OptionList(*self.options, id="articles")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#articles")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.ipcs.read(int(event.option.id))
        else:
            self.ipcs.say("Only listings name this title: its number is not known.")


class TitlesScreen(ArticleList):
    def __init__(self, heading: str | Text, titles: Sequence[KnownTitle]) -> None:
        super().__init__(heading, [known_option(t) for t in titles], "No other articles known.")


class HitsScreen(ArticleList):
    def __init__(self, heading: str, hits: Sequence[Hit]) -> None:
        super().__init__(heading, [hit_option(h) for h in hits], "Nothing alike found.")
