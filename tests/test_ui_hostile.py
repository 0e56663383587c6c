"""``ipcs ui`` shows page text as data: markup, escapes and bidi controls stay inert."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from ui_world import FIXTURES, drive, indexed, make_app, screen_text, settle, typed

from ipcsreader.ui.article import ArticleView
from ipcsreader.ui.browse import ColumnsScreen
from ipcsreader.ui.reading import ReadScreen

TITLE = "[bold]Loud[/bold] [@click=app.quit]Bye[/] \x1b[31mRed\x1b[0m \u202eEvil\u202c Ledger"
COLUMN = "Harbour [link=https://evil.example]Notes[/link]"
AUTHOR = "Meera [reverse]Iyer[/]"
BODY = (
    "Ships [on red]dock[/] here \x1b]8;;https://evil.example\x07click\x1b]8;;\x07 \u2066done\u2069."
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("ui-hostile")
    corpus = tmp / "corpus"
    corpus.mkdir()
    page = (FIXTURES / "pages" / "old-whole.txt").read_text()
    page = page.replace("Ports and Promises: A Coastal Ledger\nMeera Iyer", f"{TITLE}\n{AUTHOR}", 1)
    page = page.replace("Harbour Notes\n\n", f"{COLUMN}\n\n", 1)
    page = page.replace("The fishing towns", f"{BODY} The fishing towns", 1)
    (corpus / "hostile.txt").write_text(page)
    return indexed(corpus, tmp / "index")


def assert_inert(text: str) -> None:
    for control in ("\x1b", "\x07", "\u202e", "\u202c", "\u2066", "\u2069"):
        assert control not in text


def test_markup_escapes_and_bidi_in_a_page_show_literally_everywhere(hostile) -> None:
    app = make_app(*hostile)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "ledger")
        text = screen_text(app)
        assert "[bold]Loud[/bold] [@click=app.quit]Bye[/]" in text  # the hit's title
        assert "Meera [reverse]Iyer[/]" in text  # its author
        assert_inert(text)
        await pilot.click("#hits", offset=(10, 1))  # a click on the [@click=…] title
        await settle(pilot)
        assert app.is_running
        await pilot.press("escape", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen)
        lines = "\n".join(app.screen.query_one(ArticleView).text_lines())
        assert "[bold]Loud[/bold] [@click=app.quit]Bye[/] Red Evil Ledger" in lines
        assert "Harbour [link=https://evil.example]Notes[/link]" in lines
        assert "Ships [on red]dock[/] here click done." in " ".join(lines.split())
        assert_inert(lines)
        assert_inert(screen_text(app))
        await pilot.press("escape", "f2")
        await settle(pilot)
        assert isinstance(app.screen, ColumnsScreen)
        text = screen_text(app)
        assert "[link=https://evil.example]Notes[/link]" in text
        assert_inert(text)
        await pilot.press("escape", "f3")
        await settle(pilot)
        text = screen_text(app)
        assert "Meera [reverse]Iyer[/]" in text
        assert_inert(text)
        await pilot.press("escape", "escape", "enter", "c", "enter")  # cite in the first style
        await settle(pilot)
        text = screen_text(app)
        assert "[@Click={App}.{Quit}]{Bye}[/]" in text  # BibTeX, the first style: braced
        assert "[@Click={App}.{Quit}]" in app.clipboard
        assert_inert(text)
        assert app.is_running

    drive(app, scenario)
