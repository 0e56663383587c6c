"""``ipcs ui`` and the reader's desk: unread marks, notes, the desk's words in a query."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from ui_world import drive, indexed, make_app, screen_text, settle, small_corpus, typed

from ipcsreader.library import Library
from ipcsreader.ui.article import ArticleView
from ipcsreader.ui.dialogs import NoteScreen, TagsScreen
from ipcsreader.ui.hits import HitList
from ipcsreader.ui.reading import ReadScreen


def test_unread_hits_notes_and_marking_read_as_ipcs_read_does(tmp_path: Path) -> None:
    corpus, index = indexed(small_corpus(tmp_path), tmp_path / "index")
    desk = Library.open(corpus, index).desk()
    assert desk is not None
    desk.mark([3901], read=True)
    desk.set_note(4842, "Compare with the [bold]2019[/bold] summit.")
    desk.tag([4842], ["korea", "russia"])
    app = make_app(corpus, index)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "the")
        hits = app.screen.query_one(HitList)
        assert 4842 in hits.unread and 3901 not in hits.unread
        shown = {n: prompt(app, hits, n) for n in (4842, 3901, 3870)}
        assert "East Asia Compass · unread" in shown[4842]
        assert "unread" not in shown[3901] + shown[3870]  # read; listed only
        await pilot.press("escape")
        hits.highlighted = [h.number for h in hits.hits].index(4842)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen)
        lines = "\n".join(app.screen.query_one(ArticleView).text_lines())
        assert "Your note" in lines and "Compare with the [bold]2019[/bold] summit." in lines
        assert "#4842 · tags: korea, russia" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert 4842 not in hits.unread  # opened: shown as read at once
        assert "unread" not in prompt(app, hits, 4842)
        await pilot.press("slash")
        await typed(pilot, "\b" * 3 + "is:unread")  # the desk's words work in the box
        assert app.screen.result.total == 0

    drive(app, scenario)
    assert 4842 in Library.open(corpus, index).desk().read_numbers()


def prompt(app, hits: HitList, number: int) -> str:
    """The text of hit ``number`` as the list draws it."""
    option = hits.get_option(str(number))
    lines = app.console.render_lines(option.prompt, app.console.options.update_width(70))
    return "\n".join("".join(s.text for s in line).rstrip() for line in lines)


def test_a_listing_only_article_is_not_marked_read(tmp_path: Path) -> None:
    corpus, index = indexed(small_corpus(tmp_path), tmp_path / "index")
    app = make_app(corpus, index)

    async def scenario(pilot: Pilot) -> None:
        app.read(3870)
        await settle(pilot)
        assert app.screen.record.listing_only

    drive(app, scenario)
    desk = Library.open(corpus, index).desk(create=False)
    assert desk is None or 3870 not in desk.read_numbers()


def _open(pilot: Pilot, app, number: int):
    async def opened() -> None:
        await typed(pilot, "the")
        hits = app.screen.query_one(HitList)
        await pilot.press("escape")
        hits.highlighted = [h.number for h in hits.hits].index(number)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen)

    return opened()


def test_t_adds_and_removes_tags_on_the_desk(tmp_path: Path) -> None:
    corpus, index = indexed(small_corpus(tmp_path), tmp_path / "index")
    app = make_app(corpus, index)

    def tags() -> tuple[str, ...]:
        return Library.open(corpus, index).desk().entries([4842])[4842].tags

    async def scenario(pilot: Pilot) -> None:
        await _open(pilot, app, 4842)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TagsScreen)
        await typed(pilot, "korea, six party talks,  ,korea")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen)
        assert tags() == ("korea", "six party talks")
        assert "#4842 · tags: korea, six party talks" in screen_text(app)
        await pilot.press("t")  # the line holds the tags: delete one, add one
        await settle(pilot)
        line = app.screen.query_one(Input)
        assert line.value == "korea, six party talks"
        line.value = "korea, russia"
        await pilot.press("enter")
        await settle(pilot)
        assert tags() == ("korea", "russia")
        await pilot.press("t")
        await settle(pilot)
        app.screen.query_one(Input).value = "x" * 101  # refused as ipcs tag refuses it
        await pilot.press("enter")
        await settle(pilot)
        assert tags() == ("korea", "russia")
        assert any("the most is 100" in n.message for n in app._notifications)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("escape")  # nothing changes
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen) and tags() == ("korea", "russia")

    drive(app, scenario)


def test_e_writes_edits_and_deletes_the_note(tmp_path: Path) -> None:
    corpus, index = indexed(small_corpus(tmp_path), tmp_path / "index")
    app = make_app(corpus, index)

    def note() -> str | None:
        return Library.open(corpus, index).desk().note(4842)

    async def scenario(pilot: Pilot) -> None:
        await _open(pilot, app, 4842)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, NoteScreen)
        await typed(pilot, "Compare with [b]2019[/b].")
        await pilot.press("enter")
        await typed(pilot, "Second line")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen)
        assert note() == "Compare with [b]2019[/b].\nSecond line"
        lines = "\n".join(app.screen.query_one(ArticleView).text_lines())
        assert "Your note" in lines and "Compare with [b]2019[/b]." in lines
        await pilot.press("e")
        await settle(pilot)
        await typed(pilot, " and more")
        await pilot.press("escape")  # dropped
        await settle(pilot)
        assert note() == "Compare with [b]2019[/b].\nSecond line"
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one(TextArea).text = "  \n"
        await pilot.press("ctrl+s")  # emptied: the note goes
        await settle(pilot)
        assert note() is None
        assert "Your note" not in "\n".join(app.screen.query_one(ArticleView).text_lines())
        assert any("Note deleted" in n.message for n in app._notifications)

    drive(app, scenario)
