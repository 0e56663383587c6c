"""``ipcs ui``: the reading view, citations, exports and fetching, through the pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from ipcs_site import Site
from ipcs_site import site_fixture as site_fixture  # the `site` fixture
from search_world import FILLER, old_page, write
from textual.pilot import Pilot
from textual.widgets import Input
from ui_world import (
    drive,
    indexed,
    make_app,
    screen_text,
    serve_listed,
    settle,
    shipped,
    small_corpus,
    typed,
)

from ipcsreader.library import Library
from ipcsreader.ui.article import ArticleView, Match
from ipcsreader.ui.dialogs import CitationScreen, ExportScreen, StyleScreen
from ipcsreader.ui.lists import HitsScreen, TitlesScreen
from ipcsreader.ui.reading import ReadScreen


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return shipped(tmp_path_factory.mktemp("ui-read"))


async def open_4842(pilot: Pilot, query: str = "north korea") -> ReadScreen:
    await typed(pilot, query)
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReadScreen)
    return screen


def words(lines: list[str], match: Match) -> str:
    """The words of one match, its lines' parts joined by a space."""
    return " ".join(lines[y][a:b] for y, a, b in match)


def test_the_article_is_shown_whole_with_its_header(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        screen = await open_4842(pilot)
        assert screen.record is not None and len(screen.record.paragraphs) == 8
        lines = screen.query_one(ArticleView).text_lines()
        text = " ".join(" ".join(lines).split())
        assert lines[0] == "Russia and North Korea: Replaying Old Games"
        assert "East Asia Compass" in lines[1]
        assert "Sandip Kumar Mishra, Assistant Professor" in text  # author and affiliation
        assert "2 March 2015 · China · #4842" in text  # date, region, number
        assert "https://www.ipcs.org/comm_select.php?articleNo=4842" in text
        for paragraph in screen.record.paragraphs:
            assert " ".join(paragraph.split()) in text
        assert max(len(line) for line in lines) <= 80 - 2 - 2  # inside the screen, a margin
        assert "Russia and North Korea: Replaying Old Games" in screen_text(app)

    drive(app, scenario)


def test_n_and_shift_n_move_between_the_query_words(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        screen = await open_4842(pilot, "sequestration OR hierarchy")
        view = screen.query_one(ArticleView)
        assert len(view.matches) == 2
        lines = view.text_lines()
        assert [words(lines, m) for m in view.matches] == ["sequestration", "hierarchy"]
        await pilot.press("n")
        assert view.current == 0 and "match 1 of 2" in screen_text(app)
        await pilot.press("n")
        assert view.current == 1 and "match 2 of 2" in screen_text(app)
        assert view.scroll_offset.y > 0
        await pilot.press("n")  # round to the first again
        assert view.current == 0
        await pilot.press("N")
        assert view.current == 1

    drive(app, scenario)


def test_words_marked_side_by_side_are_one_match(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        screen = await open_4842(pilot, '"power hierarchy"')
        view = screen.query_one(ArticleView)
        lines = view.text_lines()
        found = [words(lines, m) for m in view.matches]
        # As in ipcs read, every query word is marked; the phrase's words, together, once.
        assert found.count("power hierarchy") == 1
        assert set(found) == {"power hierarchy", "power"}

    drive(app, scenario)


def test_the_matches_are_counted_alike_at_every_width(world) -> None:
    found: dict[int, list[str]] = {}
    for width in (40, 60, 80, 120):
        app = make_app(*world)

        async def scenario(pilot: Pilot, width: int = width, app=app) -> None:
            screen = await open_4842(pilot)
            view = screen.query_one(ArticleView)
            lines = view.text_lines()
            found[width] = [words(lines, m).casefold() for m in view.matches]
            assert f"{len(view.matches)} matches" in screen_text(app)
            if width == 40:  # the narrowest parts "North" and "Korea": the case in point
                wrapped = [m for m in view.matches if len(m) > 1]
                assert wrapped and all(m[1][0] == m[0][0] + 1 for m in wrapped)
                parted = [words(lines, m).casefold() for m in wrapped]
                assert all(w.startswith("north korea") for w in parted), parted
                # A match over two lines is shown as the current one on both.
                view.current = view.matches.index(wrapped[0])
                y, y2 = (line for line, _start, _end in wrapped[0])
                view.scroll_to(y=y, animate=False)
                await settle(pilot)
                top = view.scroll_offset.y
                for line, part in ((y - top, "north"), (y2 - top, "korea")):
                    shown = [s.text for s in view.render_line(line) if s.style and s.style.reverse]
                    assert "".join(shown).casefold().startswith(part), shown

        drive(app, scenario, size=(width, 30))
    # 39 runs of the words in the text (46 were counted at 40 columns, 42 at 80: a run
    # parted by the end of a line counted twice).
    assert len(found[80]) == 39 and found[40] == found[60] == found[80] == found[120]
    assert found[80].count("north korea") > 4


# A space after the last word: as it is typed, it is a prefix ("LWE*"), taken as typed.
@pytest.mark.parametrize(
    ("query", "marked", "said"),
    [
        ("LWE ", ["left-wing extremism", "lwe", "lwe"], 'LWE also marked as "left wing extremism"'),
        ("Left-wing Extremism ", ["left-wing extremism", "lwe", "lwe"], 'also marked as "LWE"'),
        ('"LWE"', ["lwe", "lwe"], None),  # quoted: the search reads it as typed, so here
        ("LWE", ["lwe", "lwe"], None),
    ],
)
def test_an_acronym_is_marked_as_the_search_read_it(
    tmp_path: Path, query: str, marked: list[str], said: str | None
) -> None:
    corpus = tmp_path / "corpus"
    spelt = "Left-wing Extremism (LWE) grew in Jharkhand; LWE cadres moved."
    write(corpus, "7001-old.txt", old_page(7001, "Jharkhand Plan", [spelt, FILLER]))
    write(corpus, "7002-old.txt", old_page(7002, "Forest Notes", ["The forests.", FILLER]))
    app = make_app(*indexed(corpus, tmp_path / "index"))

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, query)
        also = "also as" in screen_text(app)  # the search's tally says what else it read
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReadScreen) and screen.number == 7001
        assert also is (said is not None)
        view = screen.query_one(ArticleView)
        assert [words(view.text_lines(), m).casefold() for m in view.matches] == marked
        shown = " ".join(screen_text(app).split())
        assert (said in shown) if said else "also marked" not in shown
        assert f"{len(marked)} matches" in shown

    drive(app, scenario)


def test_escape_goes_back_and_keeps_the_results(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await open_4842(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert "1 hit" in screen_text(app)
        await pilot.press("enter")  # the results have the focus: Enter reads again
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen)
        await pilot.press("backspace")
        await settle(pilot)
        assert not isinstance(app.screen, ReadScreen)

    drive(app, scenario)


def test_c_asks_the_style_once_copies_the_citation_and_shows_it(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await open_4842(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, StyleScreen)
        await pilot.press("down", "down", "enter")  # bibtex, ris, apa
        await settle(pilot)
        assert isinstance(app.screen, CitationScreen)
        assert app.cite_style == "apa"
        assert app.clipboard.startswith("Mishra, S. K. (2015, March 2). Russia and North Korea")
        assert "Copied to the clipboard" in screen_text(app)
        await pilot.press("escape")
        app.copy_to_clipboard("")
        await pilot.press("c")  # the style is kept: straight to the citation
        await settle(pilot)
        assert isinstance(app.screen, CitationScreen)
        assert app.clipboard.startswith("Mishra, S. K. (2015")
        await pilot.press("escape", "s")
        await settle(pilot)
        assert isinstance(app.screen, StyleScreen)
        await pilot.press("down", "enter")  # apa was highlighted: chicago
        await settle(pilot)
        assert app.clipboard.startswith("Mishra, Sandip Kumar. “Russia and North Korea")

    drive(app, scenario)


def test_the_style_chosen_is_kept_for_the_next_run(world) -> None:
    first = make_app(*world)

    async def choose(pilot: Pilot) -> None:
        await open_4842(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # bibtex, ris, apa
        await settle(pilot)
        assert isinstance(first.screen, CitationScreen) and first.cite_style == "apa"

    drive(first, choose)
    assert Library.open(*world).desk().setting("cite-style") == "apa"
    second = make_app(*world)

    async def cite(pilot: Pilot) -> None:
        await open_4842(pilot)
        await pilot.press("c")  # not asked again
        await settle(pilot)
        assert isinstance(second.screen, CitationScreen)
        assert second.cite_style == "apa"
        assert second.clipboard.startswith("Mishra, S. K. (2015, March 2). Russia and North Korea")

    drive(second, cite)


@pytest.mark.parametrize("display", [":0", None])
def test_o_opens_the_article_on_ipcs_org_or_copies_its_address(
    world, monkeypatch: pytest.MonkeyPatch, display: str | None
) -> None:
    import webbrowser

    if display is None:
        monkeypatch.delenv("DISPLAY", raising=False)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    else:
        monkeypatch.setenv("DISPLAY", display)
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", opened.append)
    app = make_app(*world)
    url = "https://www.ipcs.org/comm_select.php?articleNo=4842"

    async def scenario(pilot: Pilot) -> None:
        await open_4842(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert app.clipboard == url

    drive(app, scenario)
    # Without a display a browser would run inside the terminal, under the app: not opened.
    assert opened == ([url] if display else [])


def test_a_and_r_list_more_by_the_author_and_related_articles(tmp_path: Path) -> None:
    app = make_app(*indexed(small_corpus(tmp_path), tmp_path / "index"))

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "harbour")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.number == 3901
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, TitlesScreen)
        text = screen_text(app)
        assert "More by Meera Iyer" in text and "#3870" in text and "Tides and Turning" in text
        await pilot.press("escape", "r")
        await settle(pilot)
        assert isinstance(app.screen, HitsScreen)
        assert "Related to #3901" in screen_text(app)

    drive(app, scenario)


def test_x_exports_the_current_result_list(world, tmp_path: Path) -> None:
    app = make_app(*world)
    target = tmp_path / "korea.csv"

    async def scenario(pilot: Pilot) -> None:
        await open_4842(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        box = app.screen.query_one(Input)
        assert box.value == "ipcs-north-korea.csv"
        box.value = str(target)
        await pilot.press("enter")
        await settle(pilot)

    drive(app, scenario)
    text = target.read_text()
    assert "4842" in text and "Replaying Old Games" in text


def test_an_existing_export_file_is_refused_in_a_notification(world, tmp_path: Path) -> None:
    app = make_app(*world)
    target = tmp_path / "mine.md"
    target.write_text("keep me")

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "korea")
        await pilot.press("escape", "x")
        await settle(pilot)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert any("already exists" in n.message for n in app._notifications)

    drive(app, scenario)
    assert target.read_text() == "keep me"


def test_no_color_marks_the_matches_with_stars(world, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(*world)
    assert app.no_color

    async def scenario(pilot: Pilot) -> None:
        screen = await open_4842(pilot, "sequestration")
        assert "*sequestration*" in " ".join(screen.query_one(ArticleView).text_lines())

    drive(app, scenario)


def test_a_listing_only_article_offers_f_and_fills_in_once_fetched(
    tmp_path: Path, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_listed(site, monkeypatch)
    corpus, index = indexed(small_corpus(tmp_path), tmp_path / "index")
    app = make_app(corpus, index)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "tides")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReadScreen) and screen.record.listing_only
        text = screen_text(app)
        assert "The sea keeps no calendar" in text  # the teaser
        assert "f fetches it" in text and "Fetch" in text
        await pilot.press("f")
        await settle(pilot, limit=60)
        assert not screen.record.listing_only
        lines = " ".join(screen.query_one(ArticleView).text_lines())
        assert "every dry season forgot" in lines

    drive(app, scenario)
    assert (corpus / "3870.html").is_file()  # the corpus read last takes fetched pages
    assert site.article_requests() == [3870]
