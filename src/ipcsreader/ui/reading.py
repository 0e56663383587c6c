"""The reading screen: one article at a readable measure, its header, what to do with it.

Listing-only articles show their teaser and offer ``f`` to fetch the page: the download
runs in the background with its progress shown, then the index takes the page in and the
article fills in where the teaser was.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import ProgressBar

from ipcsreader.model import AlsoRead, Record
from ipcsreader.render.parts import DIM, NUMBER_STYLE
from ipcsreader.render.read import highlight_pattern, render_article
from ipcsreader.render.safe import safe
from ipcsreader.ui.article import ArticleView
from ipcsreader.ui.base import IpcsScreen
from ipcsreader.ui.fitting import FittedFooter, FittingLine

if TYPE_CHECKING:
    from ipcsreader.cite.styles import Style
    from ipcsreader.desk.store import Entry
    from ipcsreader.web.sync import Outcome


CITE_STYLE = "cite-style"  # the desk setting that keeps the style chosen


class ReadScreen(IpcsScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "app.pop_screen", "Back"),
        Binding("n", "jump(1)", "Next"),
        Binding("N", "jump(-1)", "Prev", key_display="N"),
        Binding("o", "open", "Web"),
        Binding("c", "cite", "Cite"),
        Binding("s", "style", "Style", show=False),
        Binding("a", "more_by", "Author"),
        Binding("r", "related", "Related"),
        Binding("t", "tags", "Tags"),
        Binding("e", "note", "Note"),
        Binding("f", "fetch", "Fetch"),
        Binding("x", "app.export", "Export", show=False),
        Binding("q", "app.quit", "Quit", show=False),
    ]

    def __init__(self, number: int, words: str = "", also: AlsoRead | None = None) -> None:
        super().__init__()
        self.number = number
        self.words = words
        self.also = also or AlsoRead()  # what the search read the words as besides, marked too
        self.record: Record | None = None
        self.desk: Entry | None = None  # what the reader's desk holds of it
        self._pattern = highlight_pattern(words, self.also.others())
        self._fetching = False

    def compose(self) -> ComposeResult:
        yield FittingLine(id="read-status")
        yield ProgressBar(total=None, show_eta=False, id="fetching")
        yield ArticleView(lambda _width: Text(f"Opening #{self.number}…", DIM), id="article")
        # The least useful go first on a narrow terminal; Back, n, N and F1 (every key) stay.
        yield FittedFooter("open", "related", "more_by", "note", "tags", "cite", "fetch")

    def on_mount(self) -> None:
        self.query_one("#fetching").display = False
        self.query_one(ArticleView).focus()
        self.run_worker(self._load())

    async def _load(self) -> None:
        opened = await self.ipcs.attempt(self.ipcs.service.open_article(self.number))
        if opened is None:
            self._status(Text(f"#{self.number} could not be opened", "bold red"))
            return
        self.record, self.desk = opened
        self.query_one(ArticleView).redraw(self._draw)
        self._status(*self._where())
        self.refresh_bindings()

    def _draw(self, width: int) -> RenderableType:
        assert self.record is not None
        plain = self.app.no_color
        return render_article(
            self.record,
            width=width,
            highlight=self._pattern,
            plain=plain,
            note=self.desk.note if self.desk else None,
            also=self.also,
        )

    def _status(self, *versions: Text) -> None:
        self.query_one("#read-status", FittingLine).show(*versions)

    def _where(self, current: int | None = None) -> tuple[Text, ...]:
        """The status line: the number, then the matches (the current one) or what to do;
        on a narrow terminal without the hint at the keys for the matches, or shorter."""
        line = Text(f"#{self.number}", NUMBER_STYLE)
        if self.desk and self.desk.tags:
            line.append(" · tags: ", DIM)
            line.append_text(safe(", ".join(self.desk.tags), "bold"))
        found = len(self.query_one(ArticleView).matches)
        if self.record is not None and self.record.listing_only:
            short = line.copy()
            line.append(" · only listings name this article · f fetches it", DIM)
            short.append(" · listed only · f fetches it", DIM)
            return line, short
        if not self.words:
            return (line,)
        if current is not None:
            line.append(f" · match {current + 1} of {found}", "bold")
        elif found:
            line.append(f" · {found} match{'es' if found != 1 else ''}", DIM)
        else:
            line.append(" · no match in the text", DIM)
        hinted = line.copy()
        if current is None and found:
            hinted.append(" (n, N)", DIM)
        for version in (hinted, line):
            version.append(" · ", DIM)
            version.append_text(safe(self.words, DIM))
        return hinted, line

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "fetch":  # offered only where there is something to fetch
            return bool(self.record and self.record.listing_only and not self._fetching)
        if action == "jump":
            return bool(self.words) and not (self.record and self.record.listing_only)
        if action in ("tags", "note"):  # once the article is open
            return self.record is not None
        return True

    # Keys.

    def action_jump(self, step: int) -> None:
        self._status(*self._where(self.query_one(ArticleView).jump(step)))

    def action_open(self) -> None:
        from ipcsreader.model import article_url

        url = article_url(self.number)
        self.ipcs.copy_to_clipboard(url)
        if not graphical():
            # A browser in this terminal would take it over under the app: the address only.
            self.ipcs.say(f"No graphical browser here; the address is copied: {url}")
            return
        self.ipcs.say(f"Opening {url} (the address is copied too)")
        self.run_worker(asyncio.to_thread(_browse, url))

    def action_cite(self) -> None:
        self.run_worker(self._cite())

    def action_style(self) -> None:
        from ipcsreader.ui.dialogs import StyleScreen

        def chosen(style: Style | None) -> None:
            if style is not None:
                self.ipcs.cite_style = style
                self.run_worker(self._keep_style(style))
                self.run_worker(self._cite())

        self.ipcs.push_screen(StyleScreen(self.ipcs.cite_style), chosen)

    async def _keep_style(self, style: Style) -> None:
        """For the next run too (in the desk's settings)."""
        await self.ipcs.attempt(self.ipcs.service.keep_setting(CITE_STYLE, style))

    async def _cite(self) -> None:
        from ipcsreader.cite.styles import STYLES
        from ipcsreader.ui.dialogs import CitationScreen

        app = self.ipcs
        if app.cite_style is None:  # chosen in an earlier run, or asked now
            kept = await app.attempt(app.service.setting(CITE_STYLE))
            if kept in STYLES:
                app.cite_style = cast("Style", kept)
            else:
                self.action_style()
                return
        citation = await app.attempt(app.service.cite(self.number, app.cite_style))
        if citation is not None:
            app.copy_to_clipboard(citation.text)  # OSC 52: the terminal takes it
            app.push_screen(CitationScreen(citation))

    def action_more_by(self) -> None:
        self.run_worker(self._more_by())

    async def _more_by(self) -> None:
        from ipcsreader.ui.lists import TitlesScreen

        titles = await self.ipcs.attempt(self.ipcs.service.more_by(self.number))
        if titles is None:
            return
        names = " and ".join(a.name for a in self.record.authors) if self.record else ""
        self.app.push_screen(TitlesScreen(f"More by {names or 'the same author'}", titles))

    def action_related(self) -> None:
        self.run_worker(self._related())

    async def _related(self) -> None:
        from ipcsreader.ui.lists import HitsScreen

        hits = await self.ipcs.attempt(self.ipcs.service.related(self.number))
        if hits is not None:
            self.app.push_screen(HitsScreen(f"Related to #{self.number}", hits))

    # The reader's desk: tags and a note.

    def action_tags(self) -> None:
        from ipcsreader.ui.dialogs import TagsScreen

        def chosen(tags: list[str] | None) -> None:
            if tags is not None:
                self.run_worker(self._keep(self.ipcs.service.retag(self.number, tags)))

        had = self.desk.tags if self.desk else ()
        self.ipcs.push_screen(TagsScreen(self.number, had), chosen)

    def action_note(self) -> None:
        from ipcsreader.ui.dialogs import NoteScreen

        def written(text: str | None) -> None:
            if text is not None:
                self.run_worker(self._keep(self.ipcs.service.write_note(self.number, text)))

        self.ipcs.push_screen(
            NoteScreen(self.number, self.desk.note if self.desk else None), written
        )

    async def _keep(self, change: Awaitable[Entry]) -> None:
        """Show what the desk holds after ``change``: the tags in the status line, the note
        under the header."""
        entry = await self.ipcs.attempt(change)
        if entry is None:
            return
        before, self.desk = self.desk, entry
        if self.record is not None:
            self.query_one(ArticleView).redraw(self._draw)
            self._status(*self._where())
        if (before.note if before else None) != entry.note:
            self.ipcs.say("Note kept." if entry.note else "Note deleted.")
        else:
            self.ipcs.say(f"Tags: {', '.join(entry.tags)}" if entry.tags else "No tags.")

    # Fetching a listing-only article.

    def action_fetch(self) -> None:
        if self.check_action("fetch", ()):
            self._fetching = True
            self.refresh_bindings()
            self.run_worker(self._fetch())

    async def _fetch(self) -> None:
        app = self.ipcs
        bar = self.query_one("#fetching", ProgressBar)
        bar.display = True
        try:
            folder = app.fetch_dir()
            if folder is None:  # the library is not open: nothing was read, nothing to fetch
                return
            self._status(Text(f"Fetching #{self.number} from ipcs.org…", "bold"))
            outcome = await app.attempt(asyncio.to_thread(download, self.number, folder))
            if outcome is None:
                return
            if outcome.status != "saved":
                app.say(f"#{self.number} was not fetched: {outcome.detail}", severity="warning")
                return
            self._status(Text(f"Saved #{self.number}; adding it to the index…", "bold"))
            await app.update_index()
            await self._load()
        finally:
            bar.display = False
            self._fetching = False
            self.refresh_bindings()
            if self.record is not None:
                self._status(*self._where())


def graphical() -> bool:
    """Whether a web browser can open beside the terminal (not in it)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _browse(url: str) -> None:
    import webbrowser

    webbrowser.open(url)


def download(number: int, folder: Path) -> Outcome:
    """Fetch article ``number`` into ``folder`` as ``ipcs fetch`` does (one polite request)."""
    from ipcsreader.web.fetch import Client, FetchSettings
    from ipcsreader.web.sync import Downloader

    with Client(FetchSettings.from_env()) as client:
        return Downloader(client, folder).one(number)
