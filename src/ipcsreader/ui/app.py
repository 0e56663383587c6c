"""The application: screens, keys that work everywhere, the index kept fresh behind them."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from pathlib import Path
from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.reactive import reactive

from ipcsreader.archive.search import SearchQuery
from ipcsreader.cite.styles import Style
from ipcsreader.compat import textual_errors
from ipcsreader.errors import IpcsError
from ipcsreader.model import AlsoRead
from ipcsreader.render.parts import plural
from ipcsreader.ui.indexer import Outcome, Progress, update_in_background
from ipcsreader.ui.service import Service

_T = TypeVar("_T")
CHECKING = "Index: checking for new pages…"


textual_errors.install()


class IpcsApp(textual_errors.SurvivingApp):
    """``ipcs ui``. ``update`` starts the index update at once (tests turn it off).

    A handler or worker that fails is said in a notification and the app runs on
    (:mod:`ipcsreader.compat.textual_errors`); :attr:`failures` keeps them for the tests.
    """

    CSS_PATH = "ipcs.tcss"
    TITLE = "ipcs"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+c,ctrl+q", "quit", "Quit", show=False, priority=True),
        # F1 in the footer: ? is a letter of the query language in a text box.
        Binding("f1", "keys", "Keys"),
        Binding("question_mark", "keys", "Keys", show=False),
        # Shown in the search screen's footer (there is no room in the others').
        Binding("f2", "columns", "Columns", show=False),
        Binding("f3", "authors", "Authors", show=False),
        Binding("f4", "archive", "Archive", show=False),
    ]

    # What the index is doing, for the status line ("" when it is up to date).
    index_note: reactive[str] = reactive("")
    # Bumped whenever the index changed under the app: screens showing results redo them.
    index_generation: reactive[int] = reactive(0)

    def __init__(self, service: Service, *, query: str = "", update: bool = True) -> None:
        super().__init__()
        self.service = service
        self.query_text = query
        self.update_on_start = update
        self.cite_style: Style | None = None  # chosen once, on the first citation
        self.last_request: SearchQuery | None = None  # the result list on the search screen
        self._updating = asyncio.Lock()
        self.failures: list[Exception] = []  # handlers and workers that failed, in order

    def on_mount(self) -> None:
        from ipcsreader.ui.search import SearchScreen

        self.service.notify = lambda message: self.call_from_thread(self.say, message)
        self.push_screen(SearchScreen(self.query_text))
        if self.update_on_start:  # after the first frame: the indexer's start costs CPU too
            self.index_note = CHECKING
            self.call_after_refresh(self.run_worker, self.update_index(), group="index")

    # Errors go to notifications, never to a traceback on the screen.

    def say(self, message: str, *, severity: SeverityLevel = "information") -> None:
        """A notification of text that may come from pages: shown literally."""
        self.notify(message, severity=severity, markup=False)

    async def attempt(self, work: Awaitable[_T]) -> _T | None:
        """``work``'s result, or None after telling the reader what went wrong."""
        try:
            return await work
        except Exception as error:
            self.report(error)
        return None

    def handler_failed(self, error: Exception) -> None:
        self.failures.append(error)
        self.report(error)

    def report(self, error: Exception) -> None:
        if isinstance(error, IpcsError):
            self.say(error.message, severity="error")
        else:  # a bug must not take the reader's screen away
            self.log.error(repr(error))
            self.say(f"Something went wrong: {type(error).__name__}: {error}", severity="error")

    # The index, brought up to date by another process.

    async def update_index(self) -> Outcome:
        """Run the indexer; read the index afresh when it changed anything."""
        async with self._updating:
            self.index_note = CHECKING
            outcome = await update_in_background(
                self.service.corpus, self.service.index, self._progress, self.say
            )
            if outcome.error:
                self.index_note = ""
                self.say(f"Updating the index failed: {outcome.error}", severity="error")
            elif outcome.changed:
                await self.service.reload()
                self.index_generation += 1
                failed = f"; {outcome.failed} could not be read" if outcome.failed else ""
                self.index_note = ""
                self.say(f"Index updated: {plural(outcome.changed, 'file')} changed{failed}.")
            else:
                self.index_note = ""
            return outcome

    def _progress(self, progress: Progress) -> None:
        self.index_note = f"Indexing: {progress.done:,} of {progress.total:,} {progress.stage}"

    # Screens reached from anywhere.

    def action_keys(self) -> None:
        from ipcsreader.ui.dialogs import KeysScreen

        if not isinstance(self.screen, KeysScreen):
            self.push_screen(KeysScreen())

    def action_columns(self) -> None:
        from ipcsreader.ui.browse import ColumnsScreen

        self.push_screen(ColumnsScreen())

    def action_authors(self) -> None:
        from ipcsreader.ui.authors import AuthorsScreen

        self.push_screen(AuthorsScreen())

    def action_archive(self) -> None:
        from ipcsreader.ui.browse import ArchiveScreen

        self.push_screen(ArchiveScreen())

    def action_export(self) -> None:
        from ipcsreader.ui.dialogs import ExportScreen

        request = self.last_request
        if request is None:
            self.say("Nothing to export yet: the export writes the current result list.")
            return

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.run_worker(self._export(request, path))

        self.push_screen(ExportScreen(request), chosen)

    async def _export(self, request: SearchQuery, path: Path) -> None:
        from ipcsreader.ui.dialogs import export_format

        fmt = export_format(path) or "csv"
        self.say(f"Exporting to {path}…")
        count = await self.attempt(self.service.export(request, fmt, path))
        if count is not None:
            self.say(f"Wrote {count} article{'s' if count != 1 else ''} to {path}.")

    def read(self, number: int, words: str = "", also: AlsoRead | None = None) -> None:
        """Open article ``number``, the query's ``words`` marked, and what the search also
        read them as (``also``)."""
        from ipcsreader.ui.reading import ReadScreen

        self.push_screen(ReadScreen(number, words, also))

    def fetch_dir(self) -> Path | None:
        """Where fetched pages go: the user's own corpus folder (the last one read)."""
        library = self.service.library
        return library.corpus_dirs[-1] if library else None
