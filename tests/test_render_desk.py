"""The desk's views, pinned with golden files: the reading list, tags, follows, what is
new, unread articles in browse and search, the note under an article's header."""

from __future__ import annotations

import datetime as dt

import pytest
from golden_files import assert_golden, render_plain
from hypothesis import example, given, settings
from hypothesis import strategies as st
from read_world import RECORDS

from ipcsreader.archive.browse import browse
from ipcsreader.desk.store import Entry, Follow
from ipcsreader.model import Hit
from ipcsreader.reading import Listed, News
from ipcsreader.render.browse import render_archive
from ipcsreader.render.desk import Lines, render_follows, render_list, render_news, render_tags
from ipcsreader.render.read import render_article
from ipcsreader.render.search import render_hit

BY_NUMBER = {r.number: r for r in RECORDS}
FOLLOWS = (
    Follow(1, "query", "North Korea", "2026-01-02T03:04:05Z"),
    Follow(2, "author", "Mishra", "2026-01-02T03:04:06Z"),
    Follow(3, "column", "Red \x1b[31mAffairs", "2026-01-02T03:04:07Z"),
)
# One a desk export brought in that cannot run; its reason, as from the query's checks.
BROKEN = Follow(4, "query", "korea (((", "2026-01-02T03:04:08Z")
WHY = "the query has a '(' that is never closed"


def both(lines: Lines) -> str:
    """What the list prints without colour; the Rich text says the same."""
    assert lines.rich().plain == lines.plain()
    return lines.plain() + "\n"


def test_reading_list_golden() -> None:
    items = [
        Listed(
            Entry(5378, None, ("korea", "nuclear"), "Compare with 2017.\nMore."), BY_NUMBER[5378]
        ),
        Listed(Entry(4842, True, (), "A note " + "long " * 30), BY_NUMBER[4842]),
        Listed(Entry(9001, False, ("evil\u202etag",)), BY_NUMBER[9001]),
        Listed(Entry(4999, None, ("gone",)), None),
    ]
    view = render_list(items, {5378, 9001}, what="on your reading list", more=2)
    assert_golden("desk-list.txt", both(view))


def test_tags_and_follows_golden() -> None:
    tags = render_tags([("korea", 12), ("a \x1b[2Jtag", 3), ("six party talks", 1)])
    text = both(tags) + both(render_follows((*FOLLOWS, BROKEN), {BROKEN.id: WHY}))
    text += both(render_tags([])) + both(render_follows([], {}))
    assert_golden("desk-tags-follows.txt", text)


def test_whats_new_golden() -> None:
    def hit(number: int, title: str, day: int) -> Hit:
        record = BY_NUMBER.get(number)
        authors = record.authors if record else ()
        return Hit(number, 0.0, title, dt.date(2017, 10, day), authors, "East Asia Compass", "")

    found = (
        (FOLLOWS[0], (hit(5378, "Shinzo Abe’s North Korea Strategy", 9), hit(5400, "Another", 8))),
        (FOLLOWS[1], (hit(5378, "Shinzo Abe’s North Korea Strategy", 9),)),
        (FOLLOWS[2], ()),
    )
    text = both(render_news(News(3, found, False), {5400}))
    text += both(render_news(News(0, tuple((f, ()) for f in FOLLOWS), True), set()))
    text += both(render_news(News(2, (), False), set()))
    text += both(render_news(News(2, found[:1], False, broken=((BROKEN, WHY),)), set()))
    text += both(render_news(News(0, (), True, broken=((BROKEN, WHY),)), set()))
    assert_golden("desk-new.txt", text)


@pytest.mark.parametrize("width", [80, 40])
def test_browse_and_search_say_what_is_unread(width: int) -> None:
    view = render_archive(browse(RECORDS, year=2017), unread={5378})
    record = BY_NUMBER[5378]
    hit = Hit(5378, 1.0, record.title, record.date, record.authors, record.column, "A snippet.")
    text = render_plain(view, width) + render_plain(render_hit(1, hit, unread=True), width)
    assert_golden(f"desk-unread-{width}.txt", text)


def test_the_note_stands_under_the_header() -> None:
    view = render_article(BY_NUMBER[4842], width=60, note="First line.\n\x1b[31mSecond\x1b[0m.")
    text = render_plain(view, 60)
    assert_golden("read-note-60.txt", "\n".join(text.splitlines()[:12]) + "\n")


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    lines=st.lists(
        st.lists(
            st.tuples(
                st.sampled_from(["#4842", "Korea — x", " · ", "", "a ", "韓国", "\t", "b\nc"]),
                st.sampled_from(["", "bold", "dim", "bold magenta", "italic dim", "cyan"]),
            ),
            max_size=5,
        ),
        max_size=5,
    ),
    system=st.sampled_from(["standard", "256", "truecolor"]),
)
@example(lines=[[("a", "dim"), ("", ""), ("b ", "")]], system="truecolor")
def test_styled_lines_are_what_rich_prints(lines: list[list[tuple[str, str]]], system: str) -> None:
    """The desk's lines written in colour from their pieces are what Rich prints of them,
    or left to Rich (None)."""
    import io

    from rich.console import Console

    out = Lines()
    for pieces in lines:
        out.line(*pieces)
    console = Console(file=io.StringIO(), width=20, force_terminal=True, color_system=system)
    console.print(out.rich(), soft_wrap=True)
    styled = out.styled(console)
    assert styled is None or styled == console.file.getvalue()
    if not any(c in t for line in lines for t, _ in line for c in "\t\n ") and lines:
        assert styled is not None  # nothing for Rich to change: written from the pieces
