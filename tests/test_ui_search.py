"""``ipcs ui``: the search screen, driven through Textual's pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from ui_world import drive, indexed, make_app, screen_text, settle, shipped, small_corpus, typed

from ipcsreader.archive.search import SearchQuery
from ipcsreader.model import SearchResult
from ipcsreader.ui.hits import FacetList, HitList
from ipcsreader.ui.reading import ReadScreen
from ipcsreader.ui.search import SearchScreen


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return shipped(tmp_path_factory.mktemp("ui-search"))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("ui-small")
    return indexed(small_corpus(tmp), tmp / "index")


def test_typing_a_query_shows_numbered_hits_then_enter_reads_and_escape_q_quits(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert "1 article · newest first" in screen_text(app)  # before typing: the newest
        await typed(pilot, "north korea")
        text = screen_text(app)
        assert "1 hit" in text
        assert "1. #4842 · 2 March 2015 · East Asia Compass" in text
        assert "Russia and North Korea: Replaying Old Games" in text
        assert "Sandip Kumar Mishra" in text
        assert screen.shown is not None and screen.shown.text == "north korea"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen)
        assert app.screen.words == "north korea"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert isinstance(app.focused, HitList)  # back on the results, where q quits
        await pilot.press("q")
        await pilot.pause()

    drive(app, scenario)
    assert app.return_code == 0 and not app.is_running


def test_q_typed_in_the_query_box_is_a_letter(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "iraq fx/")
        assert app.screen.query_one(Input).value == "iraq fx/"
        assert app.is_running

    drive(app, scenario)


def test_a_query_given_on_the_command_line_is_searched_at_once(world) -> None:
    app = make_app(*world, query="replaying")

    async def scenario(pilot: Pilot) -> None:
        assert "1 hit" in screen_text(app)
        assert app.screen.query_one(HitList).number() == 4842

    drive(app, scenario)


def test_snippets_mark_the_matched_words(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "sequestration")
        hits = app.screen.query_one(HitList)
        prompt = hits.get_option_at_index(0).prompt
        lines = app.console.render_lines(prompt, app.console.options.update_width(60))
        marked = [s.text for line in lines for s in line if s.style and s.style.bold]
        assert "sequestration" in marked

    drive(app, scenario)


def test_a_half_typed_query_says_what_is_wrong_without_an_alarm(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, '"north')
        text = screen_text(app)
        assert "unclosed quote" in text
        assert not app._notifications  # no error notification for it
        await typed(pilot, ' korea"')
        assert "1 hit" in screen_text(app)

    drive(app, scenario)


@pytest.mark.parametrize(
    ("query", "said"),
    [
        # An acronym the page spells out: "... Organisation (KEDO)".
        ("KEDO ", ["KEDO also as korean peninsula energy development organisation"]),
        # A month read as a date, the year typed last, no space after it.
        ("korea March 2015", ["March 2015 also as a date"]),
        # Words also searched as their others of one meaning.
        (
            "korea Moscow relations ",
            ["Moscow also as russia", "relations also as ties, relationship"],
        ),
        # A year said in words, the last word typed whole; a number said in words.
        ("korea twenty fifteen", ["twenty fifteen as 2015 · 2015 also as a date"]),
        ("seventieth anniversary ", ["seventieth also as 70th"]),
        # A phrase the page does not hold as typed ("isolation of differing degrees").
        ('"degrees of isolation" ', ["“degrees of isolation” not as a phrase"]),
        # A label filled in as on a form that no article matches: its words anywhere.
        ("Region: Korea ", ["Region: as words"]),
    ],
)
def test_the_tally_says_what_the_words_were_also_read_as(
    world, query: str, said: list[str]
) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, query)
        text = screen_text(app)
        for line in said:
            assert line in text

    drive(app, scenario)


def test_nothing_found_says_so_and_suggests(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "koreqq")  # two letters off: too many to search it as "korea"
        text = screen_text(app)
        assert "0 hits" in text
        assert "No articles match" in text

    drive(app, scenario)


def test_nothing_found_for_an_author_or_tag_that_is_none_says_why(world) -> None:
    # As ipcs search says it: the name is the trouble, not the words.
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "korea tag:naxal")
        text = screen_text(app)
        assert "No articles match" in text and "Try fewer" not in text
        assert "You have tagged no article “naxal”" in text
        await typed(pilot, "\b" * len("tag:naxal") + "author:Nobodyknown")
        assert "No author matching 'Nobodyknown'" in screen_text(app)

    drive(app, scenario)


@pytest.mark.parametrize(
    ("query", "said"),
    [
        # Two letters swapped; the word finished.
        ("russia replyaing ", "replyaing searched as replaying"),
        # The word being typed: as a prefix it finds nothing, and the other word alone
        # finds some hits; the word as typed is respelt, and every word found.
        ("korea moskow", "moskow searched as moscow"),
    ],
)
def test_a_word_no_article_holds_is_searched_as_its_spelling(world, query: str, said: str) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, query)
        text = screen_text(app)
        assert "1 hit" in text and "#4842" in text and "with any" not in text
        assert said in text

    drive(app, scenario)


def test_enter_typed_at_once_opens_the_first_hit_of_the_query_as_typed(world) -> None:
    # Enter pressed before the last keys' search has answered: the article opens once the
    # hits of the query as typed are shown, marked as that search read it, not a hit of
    # the list then on screen (here the newest articles, before any search answered).
    app = make_app(*world)
    answer = app.service.search_unread

    async def slowly(query: SearchQuery) -> tuple[SearchResult, set[int]]:
        await asyncio.sleep(0.3)  # a large archive: the keys arrive while it searches
        return await answer(query)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        app.service.search_unread = slowly  # type: ignore[method-assign]
        await pilot.press(*"Moskow", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen)
        assert app.screen.number == 4842 and app.screen.words == "Moskow"
        assert app.screen.also.respelt == (("Moskow", "Moscow"),)
        assert 'Moskow marked as "Moscow": no page says "Moskow".' in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        # The Enter was spent: a query typed next opens nothing by itself.
        screen.query_one(Input).focus()
        await pilot.pause()
        await pilot.press("backspace", *"Kim")  # focus selects the text: it goes
        await settle(pilot)
        assert app.screen is screen and screen.shown is not None
        assert screen.shown.text == "Kim"

    drive(app, scenario)


def test_choosing_a_count_filters_the_hits_and_choosing_it_again_drops_it(small) -> None:
    app = make_app(*small)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        await typed(pilot, "the")
        assert "3 hits" in screen_text(app)
        facets = screen.query_one(FacetList)
        ids = [facets.get_option_at_index(i).id for i in range(facets.option_count)]
        assert "column:Harbour Notes" in ids and "column:East Asia Compass" in ids
        facets.focus()
        facets.highlighted = ids.index("column:Harbour Notes")
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "2 hits" in text and "column: Harbour Notes" in text
        assert screen.result.total == 2
        assert "#4842" not in text
        assert "✓ Harbour Notes" in text
        await pilot.press("enter")  # the same count again: the filter goes
        await settle(pilot)
        assert "3 hits" in screen_text(app)
        assert screen.filters == {}

    drive(app, scenario)


def test_backspace_in_the_lists_drops_every_filter(small) -> None:
    app = make_app(*small)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        screen.filters["year"] = "2012"
        screen.ask()
        await settle(pilot)
        assert screen.result.total == 2 and "year: 2012" in screen_text(app)
        await pilot.press("escape", "backspace")
        await settle(pilot)
        assert screen.filters == {}
        assert "3 articles" in screen_text(app)

    drive(app, scenario)


def test_more_hits_load_as_the_cursor_nears_the_end(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import generate

    generate.generate(tmp_path / "corpus", 45, seed=3, jobs=1)
    app = make_app(*indexed(tmp_path / "corpus", tmp_path / "index"))

    async def scenario(pilot: Pilot) -> None:
        hits = app.screen.query_one(HitList)
        page = app.screen.page_size()
        assert page == 5  # 19 lines of hits at 80x24: three to four hits, and a few more
        assert hits.option_count == page
        assert f"{page} shown" in screen_text(app)
        await pilot.press("escape")
        for _ in range(page - 1):
            await pilot.press("down")
        await settle(pilot)
        assert hits.option_count == 2 * page
        for _ in range(10):  # End reaches the last hit loaded, which loads the next page
            await pilot.press("end")
            await settle(pilot)
        assert hits.option_count == app.screen.result.total == 45
        numbers = [hits.get_option_at_index(i).id for i in range(hits.option_count)]
        assert len(set(numbers)) == len(numbers)  # pages join without repeats

    drive(app, scenario)


def test_a_narrow_screen_hides_the_counts_until_f(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "korea")
        facets = app.screen.query_one(FacetList)
        assert not facets.display
        assert "Russia and North Korea" in screen_text(app)
        await pilot.press("escape", "f")
        await settle(pilot)
        assert facets.display and app.focused is facets

    drive(app, scenario, size=(60, 20))


def test_an_unexpected_failure_is_a_notification_not_a_traceback(world) -> None:
    app = make_app(*world)

    async def broken(_query):
        raise RuntimeError("the disk is on fire")

    async def scenario(pilot: Pilot) -> None:
        app.service.search = broken
        await typed(pilot, "korea")
        messages = [n.message for n in app._notifications]
        assert any("RuntimeError: the disk is on fire" in m for m in messages)
        assert app.is_running

    drive(app, scenario)


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("kashm", "kashm*"),
        ("taliban kab", "taliban kab*"),
        ("taliban ", "taliban "),  # the word is finished
        ("ka", "ka"),  # too short a prefix: too many words
        ("taliban k", "taliban"),  # begun after other words: left out until its third letter
        ("nuclear OR m", "nuclear"),  # and the operator before it
        ("nuclear O", "nuclear"),  # an operator begun
        ("korea  ka", "korea"),
        ('"north korea" ka', '"north korea"'),
        ('"north kor', '"north kor'),  # inside a phrase
        ("author:mish", "author:mish"),  # a field
        ("korea -sou", "korea -sou"),  # a sign
        ("nucl*", "nucl*"),
        ("nucelar~2", "nucelar~2"),
        ("korea NOT", "korea NOT"),
        ("year:2015", "year:2015"),
        ("korea March 2015", "korea March 2015"),  # a year typed whole
        ("korea 201", "korea 201*"),
        ("visit twenty fifteen", "visit twenty fifteen"),  # a number word typed whole
        ("visit twenty fift", "visit twenty fift*"),
    ],
)
def test_the_word_being_typed_is_a_prefix(typed: str, sent: str) -> None:
    from ipcsreader.ui.search import as_you_type

    assert as_you_type(typed) == sent


def test_a_half_typed_word_already_finds_its_articles(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "sequest")
        assert "1 hit" in screen_text(app)
        assert app.screen.shown.text == "sequest"  # the reader's query, as typed
        await typed(pilot, "\b" * 7 + "replaying")  # whole, past its stem "replay"
        assert "1 hit" in screen_text(app)

    drive(app, scenario)


def test_the_mouse_opens_a_hit_and_the_footer_goes_back(world) -> None:
    app = make_app(*world)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "korea")
        await pilot.click(HitList, offset=(8, 1))
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen)
        await pilot.click("Footer FooterKey")  # the first key of the footer: esc Back
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)

    drive(app, scenario)


@pytest.mark.parametrize("keys", [("ctrl+c",), ("enter", "q"), ("ctrl+q",)])
def test_ctrl_c_ctrl_q_and_q_in_the_reading_view_quit(world, keys: tuple[str, ...]) -> None:
    app = make_app(*world, query="korea")

    async def scenario(pilot: Pilot) -> None:
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    drive(app, scenario)
    assert not app.is_running and app.return_code == 0


def test_counts_follow_once_typing_pauses_and_only_for_the_newest_query(
    small, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ipcsreader.ui import search

    # Long enough that no gap between two keys reaches it on a loaded machine (0.3 s did).
    monkeypatch.setattr(search, "FACET_PAUSE", 2.0)
    app = make_app(*small)
    counted: list[str] = []
    search_once = app.service.search

    async def counting(query):  # type: ignore[no-untyped-def]
        if query.facets:
            counted.append(query.text)
        return await search_once(query)

    app.service.search = counting  # type: ignore[method-assign]

    async def scenario(pilot: Pilot) -> None:
        facets = app.screen.query_one(FacetList)
        await typed(pilot, "harb", but="facets")  # the hits are in, the counts not yet
        assert "Counting…" in str(facets.get_option_at_index(0).prompt)
        await typed(pilot, "our", but="facets")
        await settle(pilot)
        ids = [facets.get_option_at_index(i).id for i in range(facets.option_count)]
        assert "column:Harbour Notes" in ids

    drive(app, scenario)
    # The newest articles' at the start, then "harbour"'s: "harb"'s were never made.
    assert counted == ["", "harbour*"]


def test_the_same_hits_after_none_are_drawn_again(small) -> None:
    app = make_app(*small)

    async def scenario(pilot: Pilot) -> None:
        hits = app.screen.query_one(HitList)
        await typed(pilot, "harbour")
        shown = hits.option_count
        assert "Ports and Promises" in screen_text(app)
        await typed(pilot, "qqq ")
        assert "0 hits" in screen_text(app) and hits.hits == []
        await typed(pilot, "\b\b\b\b")
        assert "Ports and Promises" in screen_text(app)
        assert hits.option_count == shown

    drive(app, scenario)


def test_hits_with_some_of_the_words_come_after_a_divider(small) -> None:
    app = make_app(*small)

    async def scenario(pilot: Pilot) -> None:
        screen = app.screen
        await typed(pilot, "surveyors different")  # only #3901 has both
        text = screen_text(app)
        assert "1 hit with every word" in text
        assert text.index("1. #3901") < text.index("Articles with some of these words:")
        assert text.index("Articles with some of these words:") < text.index("2. #4842")
        hits = screen.query_one(HitList)
        assert [h.number for h in hits.hits] == [3901, 4842]
        assert hits.option_count == 3  # the divider, between them, cannot be chosen
        assert hits.get_option_at_index(1).disabled

    drive(app, scenario)


def test_a_question_s_hits_are_ranked_together_without_a_divider(small) -> None:
    app = make_app(*small)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "what surveyors different ")  # only #3901 has both
        text = screen_text(app)
        assert "Articles with some of these words:" not in text
        assert "with every word" not in text
        hits = app.screen.query_one(HitList)
        assert [(h.number, h.matched) for h in hits.hits] == [(3901, "all"), (4842, "some")]
        assert hits.option_count == 2

    drive(app, scenario)


def test_a_name_spaced_otherwise_is_marked_in_the_reading(tmp_path: Path) -> None:
    from search_world import FILLER, old_page, write

    corpus = tmp_path / "corpus"
    text = "The cleric Tahir ul Qadri spoke in Lahore."
    write(corpus, "9328-old.txt", old_page(9328, "Lahore", [text, FILLER]))
    app = make_app(*indexed(corpus, tmp_path / "index"))

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "Tahirul Qadri")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen)
        assert app.screen.also.spaced == (("Tahirul", "Tahir ul"),)
        assert "marked as" not in screen_text(app)  # marked, not said

    drive(app, scenario)
