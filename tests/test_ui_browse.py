"""``ipcs ui``: the columns, authors and archive screens, and the keys, through the pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Tree
from ui_world import drive, indexed, make_app, screen_text, settle, small_corpus, typed

from ipcsreader.ui.authors import AuthorsScreen
from ipcsreader.ui.browse import ArchiveScreen, ColumnsScreen
from ipcsreader.ui.dialogs import KeysScreen
from ipcsreader.ui.keys import key_lines
from ipcsreader.ui.lists import TitlesScreen
from ipcsreader.ui.reading import ReadScreen


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("ui-browse")
    return indexed(small_corpus(tmp), tmp / "index")


def _leaf(tree: Tree, number: int):
    def walk(node):
        for child in node.children:
            if child.data == number:
                return child
            found = walk(child)
            if found is not None:
                return found
        return None

    return walk(tree.root)


def test_columns_show_columnists_and_their_latest_pieces_and_lead_to_reading(small) -> None:
    app = make_app(*small)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, ColumnsScreen)
        text = screen_text(app)
        assert "East Asia Compass" in text and "Harbour Notes" in text
        tree = app.screen.query_one(Tree)
        leaf = _leaf(tree, 3901)
        assert leaf is not None
        assert "Meera Iyer" in str(leaf.parent.label)
        leaf.parent.parent.expand()
        await settle(pilot)
        tree.move_cursor(leaf)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen) and app.screen.number == 3901
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ColumnsScreen)

    drive(app, scenario)


def test_authors_filter_as_you_type_and_lead_to_their_articles(small) -> None:
    app = make_app(*small)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, AuthorsScreen)
        people = app.screen.query_one("#people", OptionList)
        everyone = people.option_count
        assert everyone > 2
        await typed(pilot, "iyer")
        assert people.option_count == 1
        assert "Meera Iyer" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TitlesScreen)
        text = screen_text(app)
        assert "#3901" in text and "#3870" in text
        await pilot.press("enter")  # the newest first: #3901
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen) and app.screen.number == 3901
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("ctrl+a", "backspace")  # clear the filter: everyone again
        await settle(pilot)

    drive(app, scenario)


def test_the_archive_runs_by_year_and_month_into_reading(small) -> None:
    app = make_app(*small)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ArchiveScreen)
        text = screen_text(app)
        assert "2015  1" in text and "2012  2" in text and "March  1" in text
        tree = app.screen.query_one(Tree)
        leaf = _leaf(tree, 4842)  # the newest month is open from the start
        assert leaf is not None
        assert _leaf(tree, 3901) is None  # the others open when asked
        await pilot.press("down", "down", "down", "enter")  # 2012 opens
        await pilot.press("down", "enter")  # its newest month, August, opens
        await settle(pilot)
        assert _leaf(tree, 3901) is not None
        assert leaf is not None
        tree.move_cursor(leaf)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen) and app.screen.number == 4842

    drive(app, scenario)


def test_question_mark_lists_every_key_of_every_screen(small) -> None:
    from ipcsreader.ui.app import IpcsApp
    from ipcsreader.ui.article import ArticleView
    from ipcsreader.ui.hits import HitList
    from ipcsreader.ui.search import SearchScreen

    listed = {key.casefold() for _, keys, _ in key_lines() for key in keys.split()}
    names = {"question_mark": "?", "slash": "/", "space": "space"}
    owners = (IpcsApp, SearchScreen, ReadScreen, AuthorsScreen, ArticleView, HitList)
    for owner in owners:
        for binding in owner.BINDINGS:
            for key in binding.key.split(","):
                shown = names.get(key, key).casefold()
                assert shown in listed, f"{owner.__name__}: {key} is missing from the keys"

    app = make_app(*small)

    async def scenario(pilot: Pilot) -> None:
        await pilot.press("escape", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, KeysScreen)
        assert "show every key" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, KeysScreen)

    drive(app, scenario)


def test_every_screen_works_at_60_by_20(small) -> None:
    app = make_app(*small)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "harbour")
        assert "Ports and Promises" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "Ports and Promises: A Coastal Ledger" in screen_text(app)
        for key, title in (("f2", "Columns"), ("f3", "Authors"), ("f4", "The archive")):
            await pilot.press(key)
            await settle(pilot)
            assert title in screen_text(app)
            await pilot.press("escape")
            await settle(pilot)

    drive(app, scenario, size=(60, 20))
