"""``ipcs ui`` and the reader's desk: unread marks, notes, the desk's words in a query."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from ui_world import drive, indexed, make_app, screen_text, settle, small_corpus, typed

from ipcsreader.library import Library
from ipcsreader.ui.article import ArticleView
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
