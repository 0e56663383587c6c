"""What the tests of ``ipcs ui`` share: indexed corpora, the app, reading its screen.

Tests drive the app through Textual's pilot (``App.run_test``), each scenario an async
function run with :func:`drive`, so that no asyncio plugin for pytest is needed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from ipcs_site import Site
from rich.console import Console
from textual.pilot import Pilot

from ipcsreader import paths
from ipcsreader.library import Library
from ipcsreader.ui.app import IpcsApp
from ipcsreader.ui.service import Service

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = dt.date(2026, 1, 15)  # the access date in citations: fixed, for snapshots
SIZE = (80, 24)


def indexed(corpus: Path, index: Path) -> tuple[Path, Path]:
    """``corpus`` with its index built in ``index``."""
    Library.open(corpus, index).update()
    return corpus, index


def shipped(tmp: Path) -> tuple[Path, Path]:
    """The shipped corpus (one article, #4842), indexed under ``tmp``."""
    return indexed(paths.shipped_corpus_dir(), tmp / "index")


def small_corpus(tmp: Path) -> Path:
    """#4842 beside a fixture article (#3901) and a column listing that names #3870,
    whose text the corpus lacks."""
    corpus = tmp / "corpus"
    corpus.mkdir()
    shutil.copy(paths.shipped_corpus_dir() / "4842-old.txt", corpus)
    for name in ("old-whole.txt", "column-listing.txt"):
        shutil.copy(FIXTURES / "pages" / name, corpus / name)
    return corpus


def serve_listed(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """The article :func:`small_corpus`'s column listing names without its text (#3870),
    published on the stand-in ``site``, which fetching then asks at once."""
    site.add(
        3870,
        "Tides and Turning Points",
        date=dt.date(2012, 7, 2),
        column="Harbour Notes",
        author="Meera Iyer",
        role="Senior Fellow",
        paragraphs=("Every monsoon the harbour plans are redrawn, and every dry season forgot.",),
    )
    site.point_ipcs_here(monkeypatch)


def make_app(corpus: Path, index: Path, *, query: str = "", update: bool = False) -> IpcsApp:
    return IpcsApp(Service(corpus, index, today=TODAY), query=query, update=update)


def drive(
    app: IpcsApp,
    scenario: Callable[[Pilot], Awaitable[None]],
    size: tuple[int, int] = SIZE,
    *,
    failures: bool = False,
) -> None:
    """Run ``scenario`` against ``app`` at ``size``; the app's service is closed after.

    A handler or worker that fails only makes a notification in the app: unless the
    scenario plants ``failures``, any is re-raised here, so that no bug passes unseen."""

    async def run() -> None:
        try:
            async with app.run_test(size=size) as pilot:
                await settle(pilot, but="index")  # the scenario waits for the indexer if need be
                await scenario(pilot)
        finally:
            app.service.close()
        if app.failures and not failures:
            raise app.failures[0]

    asyncio.run(run())


async def settle(pilot: Pilot, limit: float = 20.0, *, but: str | None = None) -> None:
    """Wait until the app has no work under way (searches, loading, the indexer), but for
    the workers of group ``but``."""
    app = pilot.app
    loop = asyncio.get_running_loop()
    give_up = loop.time() + limit

    def busy() -> bool:
        return any(w.is_running for w in app.workers if but is None or w.group != but)

    while loop.time() < give_up:
        await pilot.pause()
        if not busy():
            await pilot.pause()
            if not busy():
                return
        await asyncio.sleep(0.02)
    raise AssertionError(f"the app was still busy after {limit} s")


async def typed(pilot: Pilot, text: str, *, but: str | None = None) -> None:
    """Type ``text`` a key at a time, then wait for the app to answer."""
    await pilot.press(*[_key(c) for c in text])
    await settle(pilot, but=but)


def _key(char: str) -> str:
    names = {" ": "space", "/": "slash", "?": "question_mark", '"': "quotation_mark"}
    return names.get(char, "backspace" if char == "\b" else char)


def screen_text(app: IpcsApp) -> str:
    """What the terminal would show now, as text."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()
