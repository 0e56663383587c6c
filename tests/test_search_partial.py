"""A page lacking a word of the query that holds the rest far better than the pages with
every word: ranked among them, and said to lack the word (store/running.py, _far_better)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from search_world import FILLER, old_page, searched, write
from test_cli_search import rendered
from textual.pilot import Pilot
from ui_world import drive, make_app, screen_text, typed

from ipcsreader.archive.search import SearchQuery
from ipcsreader.library import Library
from ipcsreader.model import Hit, SearchResult
from ipcsreader.render.search import divided
from ipcsreader.store import ranking

ABOUT = 8901  # the attack at Sukma, told as an "attack": never "foray"
FAINT = 8902  # names Sukma and the CRPF once each, and no foray either
PASSING = range(8910, 8922)  # twelve pages naming all three words once, in passing
RAIN = range(8950, 8953)  # three more, with the monsoon too


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    corpus = tmp_path_factory.mktemp("partial") / "corpus"
    about = (
        "The Maoist attack in Sukma killed fourteen CRPF personnel. Sukma has seen the CRPF "
        "lose men before; the attack in Sukma shows the CRPF still patrols on foot. "
    )
    page = old_page(ABOUT, "Attack on the CRPF", [about * 3, FILLER])
    write(corpus, f"{ABOUT}-old.txt", page)
    faint = "A minister spoke of Sukma and of the CRPF in a speech on roads."
    write(corpus, f"{FAINT}-old.txt", old_page(FAINT, "Road Notes", [faint, FILLER]))
    for n in PASSING:
        passing = f"Page {n} on trade: a foray, Sukma and the CRPF were named in a list."
        page = old_page(n, f"Trade Notes {n}", [passing, *[FILLER] * 6])
        write(corpus, f"{n}-old.txt", page)
    # The date read from the query: pages of December 2014 naming Sukma and the CRPF.
    for n in range(8930, 8942):
        said = [f"Port {n}: Sukma, the CRPF named.", *[FILLER] * 6]
        page = old_page(n, f"Port Notes {n}", said, date=dt.date(2014, 12, 2))
        write(corpus, f"{n}-old.txt", page)
    # Three pages with every word of a longer query, too few to fill a page.
    for n in RAIN:
        said = [f"Page {n}: Sukma, the CRPF, a foray and the monsoon.", *[FILLER] * 6]
        write(corpus, f"{n}-old.txt", old_page(n, f"Rain Notes {n}", said))
    lib = Library([corpus], corpus.parent / "index")
    lib.update()
    return lib


def _hits(library: Library, text: str, **options: object) -> list[tuple[int, str, object]]:
    result = library.search(SearchQuery(text, **options))  # type: ignore[arg-type]
    return [(h.number, h.matched, h.lacks) for h in result.hits]


def test_the_page_lacking_a_word_it_is_far_better_on_comes_first(library: Library) -> None:
    result = library.search(SearchQuery("Sukma CRPF foray"))
    first, *rest = result.hits
    assert (first.number, first.matched, first.lacks) == (ABOUT, "some", ("foray",))
    assert {h.number for h in rest} <= {*PASSING, *RAIN}
    assert all((h.matched, h.lacks) == ("all", None) for h in rest)
    # Counted with the pages with every word, on whichever page size: the total is one.
    assert result.total == len(PASSING) + len(RAIN) + 1
    small = library.search(SearchQuery("Sukma CRPF foray", limit=3))
    assert small.total == result.total and small.hits[0].number == ABOUT
    # A page lacking the word that holds the rest no better is not among them.
    assert FAINT not in {h.number for h in result.hits}


def test_fewer_than_a_page_with_every_word_go_on_with_the_tail(library: Library) -> None:
    result = library.search(SearchQuery("Sukma CRPF foray monsoon"))
    assert [(h.matched, h.lacks) for h in result.hits[:3]] == [("all", None)] * 3
    assert result.total == 3 and len(result.hits) == 10
    assert all((h.matched, h.lacks) == ("some", None) for h in result.hits[3:])
    # With a page of them, none lacking a word is far better: no tail, nothing lacking.
    assert {(h[1], h[2]) for h in _hits(library, "Sukma CRPF foray Page")} == {("all", None)}


def test_fewer_than_a_page_with_every_word_give_way_to_one_better_than_them_all(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Three pages say the monsoon; the page about the attack does not, and holds the rest
    # better than any of the three: it comes first, then they do (alike in all but their
    # numbers: the latest first).
    rain = [(n, "all", None) for n in reversed(RAIN)]
    hits = _hits(library, "Sukma CRPF monsoon")
    assert hits[:4] == [(ABOUT, "some", ("monsoon",)), *rain]
    # The page goes on with the best of the rest lacking the word, as it would without it.
    assert len(hits) == 10 and {hit[1:] for hit in hits[4:]} == {("some", None)}
    # Better than none of them at a lower weight, it follows them, as the tail does.
    monkeypatch.setattr(ranking, "PARTIAL", 0.45)
    hits = _hits(library, "Sukma CRPF monsoon")
    assert hits[:4] == [*rain, (ABOUT, "some", None)]


def test_counting_exporting_and_date_order_keep_to_every_word(library: Library) -> None:
    every = SearchQuery("Sukma CRPF foray", limit=None)
    assert ABOUT not in library.found_numbers(every).numbers
    newest = library.search(SearchQuery("Sukma CRPF foray", sort="newest"))
    assert ABOUT not in {h.number for h in newest.hits}
    facets = library.search(SearchQuery("Sukma CRPF foray", facets=("year",))).facets
    assert dict(facets["year"]) == {"2015": len(PASSING) + len(RAIN)}


def test_a_month_read_as_a_date_is_named_as_typed(library: Library) -> None:
    hits = _hits(library, "Sukma CRPF December 2014")
    assert hits[0] == (ABOUT, "some", ("December 2014",))


def test_the_weight_decides(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    # At a tenth of its score the page about the attack no longer beats the tenth.
    monkeypatch.setattr(ranking, "PARTIAL", 0.1)
    assert ABOUT not in {h[0] for h in _hits(library, "Sukma CRPF foray")}


def test_a_page_with_one_of_two_words_is_not_among_those_with_both(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # However far better (its score weighted up, not down), the page holds half of a query
    # of two words: it is not looked for among those with both.
    monkeypatch.setattr(ranking, "PARTIAL", 10.0)
    assert ABOUT not in {h[0] for h in _hits(library, "CRPF foray")}
    monkeypatch.setattr(ranking, "PARTIAL_WORDS", 2)
    assert _hits(library, "CRPF foray")[0] == (ABOUT, "some", ("foray",))


def test_search_says_what_the_page_lacks(library: Library) -> None:
    out = searched(library, "Sukma CRPF foray", "--color", "never")
    assert " 1. #8901 · 2 March 2015 · East Asia Compass · without “foray”" in out
    assert "some of these words" not in out
    assert "16 hits in" in out
    data = json.loads(searched(library, "Sukma CRPF foray", "--json"))
    first, second = data["hits"][:2]
    assert (first["number"], first["matched"], first["lacks"]) == (ABOUT, "some", ["foray"])
    assert (second["matched"], second["lacks"]) == ("all", None)


def test_render_a_page_lacking_words_among_those_with_every_word_golden() -> None:
    def hit(number: int, title: str, lacks: tuple[str, ...] | None) -> Hit:
        matched = "all" if lacks is None else "some"
        return Hit(number, 1.0, title, None, (), None, "", matched=matched, lacks=lacks)

    hits = (
        hit(8901, "Attack", ("foray", "[b]x[/b]")),
        hit(8910, "Trade", None),
        hit(8903, "Roads", ()),
        hit(8911, "Ports", None),
    )
    result = SearchResult(query="sukma crpf foray", total=4, hits=hits, seconds=0.0123)
    assert not divided(hits)
    assert rendered(result) == (
        " 1. #8901 · without “foray”, “[b]x[/b]”\n"
        "    Attack\n"
        "\n"
        " 2. #8910\n"
        "    Trade\n"
        "\n"
        " 3. #8903 · without every word\n"
        "    Roads\n"
        "\n"
        " 4. #8911\n"
        "    Ports\n"
        "\n"
        "4 hits in 0.01 s\n"
        "\n"
        "Read one: ipcs read 8901 --highlight 'sukma crpf foray'\n"
    )


def test_a_word_being_typed_is_named_as_typed(library: Library) -> None:
    # The app searches the word still being typed as a prefix ("fora*"), completed.
    hits = _hits(library, "Sukma CRPF fora*", completions=8)
    assert hits[0] == (ABOUT, "some", ("fora",))


def test_the_app_shows_what_the_page_lacks(library: Library) -> None:
    app = make_app(library.corpus_dirs[0], library.index_dir)

    async def scenario(pilot: Pilot) -> None:
        await typed(pilot, "Sukma CRPF foray ")
        text = screen_text(app)
        # On the first hit's line, wrapped at the app's width.
        assert text.index("1. #8901 · 2 March 2015") < text.index("without “foray”")
        assert text.index("without “foray”") < text.index("Attack on the CRPF")
        assert "16 hits" in text
        assert "with every word" not in text and "some of these words" not in text

    drive(app, scenario)


def test_the_tail_is_divided_off_after_a_joined_hit_last_among_every_word() -> None:
    # A page lacking a word can rank last of those with every word; the tail that fills the
    # page after it still starts below the line ("Articles with some of these words:").
    hits = (
        Hit(8910, 3.0, "Trade", None, (), None, "", matched="all"),
        Hit(8901, 2.0, "Attack", None, (), None, "", matched="some", lacks=("foray",)),
        Hit(8911, 1.0, "Ports", None, (), None, "", matched="some"),
    )
    assert divided(hits)
    result = SearchResult(query="sukma crpf foray", total=2, hits=hits, seconds=0.01)
    assert rendered(result).index("#8901") < rendered(result).index("Articles with some")
    assert rendered(result).index("Articles with some") < rendered(result).index("#8911")
