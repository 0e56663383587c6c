"""``ipcs ui`` on a narrow terminal: the footer's key hints and the reading screen's
status line leave out whole hints and phrases (the least useful first), never cut one."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.pilot import Pilot
from ui_world import drive, indexed, make_app, screen_text, settle, shipped, small_corpus, typed

from ipcsreader.ui.fitting import fitted, kept

READ_80 = "esc Back n Next N Prev o Web c Cite a Author r Related t Tags e Note f1 Keys"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return shipped(tmp_path_factory.mktemp("ui-fitting"))


def rows(app) -> list[str]:
    return [line.rstrip() for line in screen_text(app).splitlines()]


@pytest.mark.parametrize(
    ("width", "status", "footer"),
    [
        # 39 at every width: "North Korea" parted over two lines is still one match.
        (80, "#4842 · 39 matches (n, N) · north korea", READ_80),
        (
            60,
            "#4842 · 39 matches (n, N) · north korea",
            "esc Back n Next N Prev c Cite a Author t Tags e Note f1 Keys",
        ),
        (40, "#4842 · 39 matches · north korea", "esc Back n Next N Prev c Cite f1 Keys"),
    ],
)
def test_the_reading_screen_fits_its_width(world, width: int, status: str, footer: str) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "north korea")
        await pilot.press("enter")
        await settle(pilot)
        shown = rows(app)
        assert shown[0] == " " + status
        assert shown[-1] == footer

    drive(app, scenario, size=(width, 24))


@pytest.mark.parametrize(
    ("width", "in_box", "in_hits"),
    [
        (
            80,
            "/ Search f2 Columns f3 Authors f4 Archive f1 Keys",
            "/ Search f Facets x Export q Quit f2 Columns f3 Authors f4 Archive f1 Keys",
        ),
        (
            60,
            "/ Search f2 Columns f3 Authors f4 Archive f1 Keys",
            "/ Search q Quit f2 Columns f3 Authors f4 Archive f1 Keys",
        ),
        (40, "/ Search f2 Columns f3 Authors f1 Keys", "/ Search q Quit f2 Columns f1 Keys"),
    ],
)
def test_the_search_screen_fits_its_width(world, width: int, in_box: str, in_hits: str) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "korea")
        assert rows(app)[-1] == in_box
        await pilot.press("down")  # the hits take the keys: more of them are letters
        await settle(pilot)
        assert rows(app)[-1] == in_hits

    drive(app, scenario, size=(width, 24))


@pytest.mark.parametrize(
    ("width", "tally"),
    [
        (80, "1 hit · none has every word: hits with any · did you mean north korea?"),
        (60, "1 hit · any word · did you mean north korea?"),
        (40, "1 hit · did you mean north korea?"),
    ],
)
def test_the_tally_keeps_the_suggestion_on_a_narrow_screen(world, width: int, tally: str) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        # Only some words found, the last as a prefix too: the query as typed is shown,
        # and its suggestion, without the prefix's star.
        await typed(pilot, "norh korea")
        assert rows(app)[3] == " " + tally

    drive(app, scenario, size=(width, 24))


def test_a_listing_only_article_keeps_f_at_40_columns(tmp_path: Path) -> None:
    app = make_app(*indexed(small_corpus(tmp_path), tmp_path / "index"))

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "tides")
        await pilot.press("enter")
        await settle(pilot)
        shown = rows(app)
        assert shown[0] == " #3870 · listed only · f fetches it"
        assert shown[-1] == "esc Back c Cite t Tags f Fetch f1 Keys"

    drive(app, scenario, size=(40, 24))


def test_hints_come_back_when_the_terminal_widens(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "north korea")
        await pilot.press("enter", "n")
        await settle(pilot)
        await pilot.resize_terminal(40, 24)
        await settle(pilot)
        assert rows(app)[-1] == "esc Back n Next N Prev c Cite f1 Keys"
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert rows(app)[-1] == READ_80
        assert rows(app)[0] == " #4842 · match 1 of 39 · north korea"

    drive(app, scenario, size=(80, 24))


def test_hints_are_dropped_in_the_order_given_until_the_rest_fit() -> None:
    hints = [("back", 8), ("web", 5), ("cite", 6), ("keys", 7)]  # 29 columns with the gaps
    assert kept(hints, ["web", "cite"], 29) == {"back", "web", "cite", "keys"}
    assert kept(hints, ["web", "cite"], 28) == {"back", "cite", "keys"}
    assert kept(hints, ["web", "cite"], 22) == {"back", "keys"}
    assert kept(hints, ["web", "cite"], 10) == {"back", "keys"}  # only those named go
    assert kept(hints, ["web"], 0) == {"back", "web", "cite", "keys"}  # width not known yet


def test_a_status_line_shows_its_fullest_version_that_fits() -> None:
    versions = (Text("#4842 · 42 matches (n, N) · korea"), Text("#4842 · 42 matches · korea"))
    assert fitted(versions, 40).plain == "#4842 · 42 matches (n, N) · korea"
    assert fitted(versions, 30).plain == "#4842 · 42 matches · korea"
    assert fitted(versions, 20).plain == "#4842 · 42 matches…"  # none fits: the last, cut
    assert fitted(versions, 0).plain == "#4842 · 42 matches (n, N) · korea"  # width unknown
    assert fitted((Text("#1 · 朝鮮語"),), 8).plain == "#1 · 朝…"  # a wide character: two cells
