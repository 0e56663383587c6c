"""How hits are ranked: fields that add up without swamping each other, names whole and by
parts, tolerant author phrases, and more matched words first when any word will do."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from search_world import FILLER, library_of, new_page, old_page, searched, write

from ipcsreader.archive.search import SearchQuery
from ipcsreader.library import Library

DISCUSSES = (
    "Kim Jong-un met the envoy. Kim Jong-un’s aides spoke of Jong-un's plans, and Kim "
    "Jong-un said little. Observers of Kim Jong-un expect Jong-un to travel. "
)
OTHER = "The harvest was late this year and the rains came in the wrong month. "


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("ranking")
    corpus = root / "corpus"
    pages = {
        # The body discusses him; the title does not name him.
        8001: ("Budget Talks and Old Games", [DISCUSSES, FILLER], "Sandip Kumar Mishra"),
        # The title names him once; the body is about something else.
        8002: ("Kim Jong-un and the Harvest", [OTHER * 3, FILLER], "Varun Sahni"),
        8003: ("Monsoon Notes", ["The monsoon came. " * 10, FILLER], "Varun Sahni"),
        8004: ("Weather Notes", ["A monsoon and a cyclone. ", OTHER, FILLER], "Varun Sahni"),
    }
    for number, (title, paragraphs, author) in pages.items():
        write(corpus, f"{number}-old.txt", old_page(number, title, paragraphs, author=author))
    lib = Library([corpus], root / "index")
    lib.update()
    return lib


def numbers(library: Library, text: str, **options: object) -> list[int]:
    return [h.number for h in library.search(SearchQuery(text, **options)).hits]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "query", ["Kim Jong-un", "Jong-un's", "Jong-un’s", "Kim Jong-Un", "jongun", "KIM JONG-UN"]
)
def test_the_article_that_discusses_a_name_beats_a_title_that_mentions_it(
    library: Library, query: str
) -> None:
    assert numbers(library, query) == [8001, 8002]


@pytest.mark.parametrize("query", ["Jong", "Kim Jong", '"Kim Jong-un"', '"jong un"'])
def test_a_name_is_found_by_its_parts(library: Library, query: str) -> None:
    assert numbers(library, query)[0] == 8001


@pytest.mark.parametrize(
    "query",
    [
        'author:"sandip mishra"',
        'author:"Dr Sandip Mishra"',
        'author:"Prof. Sandip Kumar Mishra"',
        'author:"S K Mishra"',
        'author:"SK Mishra"',  # initials run together, as references print them
        'author:"Mishra SK"',
        'author:"mishra sandip"',
        "author:mishra",
    ],
)
def test_author_phrases_tolerate_middle_names_initials_and_honorifics(
    library: Library, query: str
) -> None:
    assert numbers(library, query) == [8001]


@pytest.mark.parametrize("author", ["Sandip Mishra", "Dr Sandip Mishra", "S. Mishra", "SK Mishra"])
def test_the_author_option_is_as_tolerant(library: Library, author: str) -> None:
    assert numbers(library, "", author=author) == [8001]


def test_an_author_phrase_still_needs_every_name(library: Library) -> None:
    assert numbers(library, 'author:"sandip sahni"') == []
    assert numbers(library, 'author:"ST Mishra"') == []  # no name of his starts with T


def test_when_any_word_will_do_more_words_matched_come_first(library: Library) -> None:
    result = library.search(SearchQuery("monsoon cyclone zzzz"))
    assert result.relaxed
    # 8003 says "monsoon" ten times, 8004 has both words once.
    assert [h.number for h in result.hits] == [8004, 8003]


def test_through_the_command_line(library: Library) -> None:
    data = json.loads(searched(library, "Jong-un's", "--author", "Dr Sandip Mishra", "--json"))
    assert [h["number"] for h in data["hits"]] == [8001]
    assert library.corpus_dirs[0].is_dir()


def test_nearness_counts_the_most_words_in_one_stretch() -> None:
    from ipcsreader.store import ranking

    far = ranking.NEAR_WINDOW
    hits = [(0, "a"), (1, "b"), (far + 5, "c"), (far + 6, "a"), (far + 7, "c")]
    assert ranking._most_in_a_window(hits) == 2
    assert ranking._most_in_a_window([(0, "a"), (3, "b"), (far - 1, "c")]) == 3
    assert ranking._most_in_a_window([]) == 0


@pytest.fixture(scope="module")
def together(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """Two pages with the same words, said together in one and apart in the other (the
    longer, which would come second on its words alone)."""
    root = tmp_path_factory.mktemp("together")
    apart = ["The cyclone left early. " + FILLER + " " + OTHER * 3 + " Then the harbour shut."]
    close = ["The cyclone shut the harbour. " + FILLER + " " + OTHER * 5 + " It was late."]
    corpus = root / "corpus"
    write(corpus, "8101-old.txt", old_page(8101, "Notes", apart))
    write(corpus, "8102-old.txt", old_page(8102, "Notes", close))
    for number in range(8103, 8109):  # the two words are rare, as in any archive
        write(corpus, f"{number}-old.txt", old_page(number, "Other Notes", [OTHER, FILLER]))
    lib = Library([corpus], root / "index")
    lib.update()
    return lib


# The nearness of the words a hit holds counts however the query is put: quoted, with
# a field's filter or a word asked of the title, with an excluded or a fuzzy word.
@pytest.mark.parametrize(
    "query",
    [
        "harbour cyclone",
        '"harbour" cyclone',
        "harbour cyclone year:2015",
        'harbour cyclone author:"Sandip Mishra"',
        "title:notes harbour cyclone",
        "body:harbour cyclone",
        "harbour cyclone -monsoon",
        "harbour cyclone NOT (monsoon OR typhoon)",
        "harbour cyclone monsoon~1",
    ],
)
def test_words_said_together_outrank_words_said_apart(together: Library, query: str) -> None:
    assert numbers(together, query) == [8102, 8101]


def test_said_together_through_the_command_line(together: Library) -> None:
    data = json.loads(searched(together, '"harbour" cyclone year:2015', "--json"))
    assert [h["number"] for h in data["hits"]] == [8102, 8101]


@pytest.fixture(scope="module")
def summarised(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """Two new-layout pages of one length whose bodies say the query's words apart: one's
    teaser (its summary) says them together, the other's body names them twice as often
    (and comes first on its words alone)."""
    root = tmp_path_factory.mktemp("summarised")
    said = f"The cyclone came. {FILLER} The harbour shut. {FILLER}"
    quiet = f"The storm came. {FILLER} The port shut. {FILLER}"
    teaser = "Dr Sandip Mishra looks at how the cyclone shut the harbour"
    pages = {
        8201: ("Notes", [said, quiet], teaser),
        8202: ("Notes", [said, said], "A look back at the weather of the year"),
    }
    corpus = root / "corpus"
    for number, (title, paragraphs, teaser) in pages.items():
        write(corpus, f"{number}-new.txt", new_page(number, title, paragraphs, teaser=teaser))
    for number in range(8203, 8209):  # the two words are rare, as in any archive
        write(corpus, f"{number}-old.txt", old_page(number, "Other Notes", [OTHER, FILLER]))
    lib = Library([corpus], root / "index")
    lib.update()
    return lib


def test_words_said_together_in_the_teaser_count_as_near(
    summarised: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ipcsreader.store import ranking

    assert numbers(summarised, "harbour cyclone") == [8201, 8202]
    monkeypatch.setattr(ranking, "NEAR_FIELDS", ("body",))
    assert numbers(summarised, "harbour cyclone") == [8202, 8201]


def test_the_authors_name_in_the_teaser_is_no_nearness(
    summarised: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The teaser opens with its author's name: a byline, not the subject, so the name
    said next to a query word there multiplies nothing."""
    from ipcsreader.store import ranking

    def score(query: str) -> float:
        return {h.number: h.score for h in summarised.search(SearchQuery(query)).hits}[8201]

    said, named = score("harbour cyclone"), score("Mishra cyclone")
    monkeypatch.setattr(ranking, "NEAR_FIELDS", ("body",))
    assert score("harbour cyclone") < said
    assert score("Mishra cyclone") == named


def test_a_function_word_beside_a_query_word_is_no_nearness(tmp_path: Path) -> None:
    """*how* is in few bodies, but said beside *cyclone* it tells nothing of the subject:
    the page naming the query's words apart, and *how* beside one of them, does not beat
    the shorter page that names them apart alone."""
    pages = {
        8301: ("Notes", f"How the cyclone came. {FILLER} The harbour shut. {FILLER}"),
        8302: ("Notes", f"Now the cyclone came. {FILLER} The harbour shut. {OTHER}"),
    }
    assert [n for n, _ in _ranked(tmp_path, pages, "how cyclone harbour")] == [8302, 8301]


def test_function_words_side_by_side_count_as_function_words_do(tmp_path: Path) -> None:
    """*over the* typed into a query is found side by side in every long page: it adds
    to a page's score as little as the words themselves do, and the page about the
    cyclone and the harbour stays first, as without them."""
    flights = "Gulls flew over the sea, over the town and over the hills. " * 3
    pages = {
        8311: ("Notes", f"The cyclone shut the harbour for a week. {FILLER}"),
        8312: ("Notes", f"The cyclone came. {flights}The harbour shut. {FILLER}"),
    }
    for query in ("cyclone harbour", "cyclone over the harbour"):
        assert [n for n, _ in _ranked(tmp_path / query, pages, query)] == [8311, 8312]


def test_the_teaser_counts_through_the_command_line(summarised: Library) -> None:
    data = json.loads(searched(summarised, "cyclone harbour", "--json"))
    assert [h["number"] for h in data["hits"]] == [8201, 8202]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ('title:"north korea" Putin', ["north", "korea", "Putin"]),
        ('author:"Dr Sandip Mishra" column:"east asia compass" Hwasong', ["Hwasong"]),
        ("Kim Jong-un's visit -Moscow NOT (Putin OR Xi)", ["Kim", "Jongun", "visit"]),
        ('nucl* korea~1 "a b"~3 wom?n year:>2014', ["a", "b"]),
        ("what happened?", ["what", "happened"]),
    ],
)
def test_the_words_whose_nearness_counts(query: str, words: list[str]) -> None:
    from ipcsreader.store.querying import boost_words

    assert boost_words(query) == words


def _ranked(
    tmp_path: Path, pages: dict[int, tuple[str, str]], query: str
) -> list[tuple[int, float]]:
    corpus = tmp_path / "corpus"
    for number, (title, body) in pages.items():
        write(corpus, f"{number}-old.txt", old_page(number, title, [body]))
    for number in range(8400, 8408):  # the query's words are rare, as in any archive
        write(corpus, f"{number}-old.txt", old_page(number, "Other Notes", [OTHER, FILLER]))
    lib = Library([corpus], tmp_path / "index")
    lib.update()
    return [(h.number, h.score) for h in lib.search(SearchQuery(query)).hits]


def test_a_word_said_again_and_again_keeps_counting(tmp_path: Path) -> None:
    """BM25F saturates slowly: a body naming the subject four times as often as another
    of the same length scores about three times as much, not twice."""
    often = " ".join(["The cyclone came."] * 8 + ["The rain fell."] * 2)
    twice = " ".join(["The cyclone came."] * 2 + ["The rain fell."] * 8)
    found = dict(_ranked(tmp_path, {8410: ("Notes", often), 8411: ("Notes", twice)}, "cyclone"))
    assert found[8410] > 3 * found[8411]


def test_a_title_naming_every_word_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ipcsreader.store import ranking

    pages = {
        # The title is the query; the body names each word once.
        8420: ("Harbour Cyclone Warnings", "The harbour shut. " + OTHER + " A cyclone came."),
        # The title shares one word; the (longer) body names the other word twice.
        8421: ("Cyclone Season", f"The harbour shut. {OTHER} {OTHER} A cyclone hit the harbour."),
    }
    assert [n for n, _ in _ranked(tmp_path / "a", pages, "harbour cyclone")] == [8420, 8421]
    monkeypatch.setattr(ranking, "TITLE_WHOLE", 0.0)
    assert [n for n, _ in _ranked(tmp_path / "b", pages, "harbour cyclone")] == [8421, 8420]


def test_a_sentence_remembered_in_order_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ipcsreader.store import ranking

    said = "The envoy said the truce along the border would hold through the winter."
    apart = (
        "The border talks went on. Would the truce hold? The envoy left, and the border "
        "stayed quiet through the winter, the truce along it holding. "
    )
    pages = {8425: ("Notes", f"{said} {OTHER}"), 8426: ("Notes", apart * 2)}
    query = "truce along the border would hold"
    assert [n for n, _ in _ranked(tmp_path / "a", pages, query)] == [8425, 8426]
    monkeypatch.setattr(ranking, "IN_ORDER_BOOST", 0.0)
    assert [n for n, _ in _ranked(tmp_path / "b", pages, query)] == [8426, 8425]
    # Three words in a row are common by chance: four or more count, a share of the query.
    assert ranking.in_order(["truce", "border", "hold"], 3) == 0.0
    assert ranking.in_order(["truce", "along", "border", "hold", "winter"], 3) == 0.0
    assert ranking.in_order(["truce", "along", "border", "hold", "winter"], 4) == 0.5
    assert ranking.in_order(["truce", "along", "border", "hold"], 4) == 1.0


def test_a_column_named_in_full_lifts_its_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ipcsreader.store import ranking

    corpus = tmp_path / "corpus"
    said = "Looking east, the Naga talks resumed in Myanmar."
    pages = {
        # The column the reader names; the other page says "talks" once more.
        8430: ("Looking East", f"{said} The rains went on."),
        8431: ("Dateline Colombo", f"{said} The talks went on."),
    }
    for number, (column, body) in pages.items():
        write(corpus, f"{number}-old.txt", old_page(number, "Notes", [body], column=column))
    for number in range(8400, 8408):
        write(corpus, f"{number}-old.txt", old_page(number, "Other Notes", [OTHER, FILLER]))
    lib = Library([corpus], tmp_path / "index")
    lib.update()

    def every_word(text: str) -> list[int]:
        return [h.number for h in lib.search(SearchQuery(text)).hits if h.matched == "all"]

    assert every_word("looking east naga talks") == [8430, 8431]
    # Not a column's whole name ("East" alone), nor a name of one word besides "the".
    assert every_word("east naga talks") == [8431, 8430]
    assert (
        ranking.whole_columns({1: "The Strategist", 2: None}, {"strategist": {"strategist"}})
        == set()
    )
    monkeypatch.setattr(ranking, "COLUMN_WHOLE", 0.0)
    assert every_word("looking east naga talks") == [8431, 8430]


@pytest.mark.parametrize("query", ["title:IORA", 'title:"rim association"'])
def test_words_asked_of_the_title_rank_by_the_body_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    """Of two titles naming the subject, the article that goes on to discuss it first,
    though its title is the longer."""
    from ipcsreader.store import querying

    pages = {
        8430: ("Rim Association IORA", OTHER),
        8431: (
            "The Indian Ocean Rim Association IORA: Search and Rescue at Sea",
            "The IORA met in Perth. The Indian Ocean Rim Association agreed on rescue.",
        ),
    }
    assert [n for n, _ in _ranked(tmp_path / "a", pages, query)] == [8431, 8430]
    # The title alone would rank the shorter first (a phrase's words said together in
    # the body count already: see nearness).
    monkeypatch.setattr(querying, "_REST_OF_TEXT", {})
    assert [n for n, _ in _ranked(tmp_path / "b", pages, "title:IORA")] == [8430, 8431]


def test_a_question_finds_the_page_that_answers_it(tmp_path: Path) -> None:
    """Function words ("what", "did", "about") are not required when a query has others:
    the page about the subject need not hold them, and a page that holds every word in
    passing does not shut it out."""
    answers = "The communique had much to say on piracy. Piracy rose near the communique's ports."
    passing = "What did the minister say about the budget? A communique on piracy came later."
    corpus = tmp_path / "corpus"
    write(corpus, "8430-old.txt", old_page(8430, "Sea Notes", [answers]))
    write(corpus, "8431-old.txt", old_page(8431, "Budget Notes", [passing]))
    for number in range(8432, 8442):  # function words are in most pages, as in any archive
        write(
            corpus,
            f"{number}-old.txt",
            old_page(number, "Notes", [f"What did it do about it? {OTHER}"]),
        )
    lib = Library([corpus], tmp_path / "index")
    lib.update()
    result = lib.search(SearchQuery("what did the communique say about piracy"))
    assert [h.number for h in result.hits] == [8430, 8431]
    assert not result.relaxed
    # The snippet marks the subject's words, not "the" and "what" (found on every line).
    hit = result.hits[0]
    marked = {hit.snippet[a:b].casefold() for a, b in hit.highlights}
    assert "piracy" in marked and not marked & {"the", "what", "did", "about"}


@pytest.mark.parametrize(
    ("query", "about", "passing"),
    [
        # A preposition: the page says "across", the reader typed "over".
        (
            "missiles over Japan",
            "Two missiles flew across Japan. Japan tracked the missiles.",
            "Over the budget a minister named Japan and missiles once.",
        ),
        # A quantifier: the page never says "all".
        (
            "all Naga talks",
            "Naga groups held talks. The Naga talks resumed.",
            "All the talk was of the Naga, and then of the budget.",
        ),
    ],
)
def test_prepositions_and_quantifiers_are_function_words(
    tmp_path: Path, query: str, about: str, passing: str
) -> None:
    """Words like "over", "after", "all" and "no" are the grammar of a query, as "of" and
    "the" are: the page about the subject need not hold them."""
    pages = {8450: ("Notes", about), 8451: ("Budget Notes", passing)}
    ranked = _ranked(tmp_path, pages, query)
    assert [n for n, _ in ranked] == [8450, 8451]


def test_a_page_left_short_is_filled_with_pages_that_have_some_of_the_words(
    tmp_path: Path,
) -> None:
    """The page about the subject, lacking one of the words, comes after the one page that
    has them all in passing: not left out because another page had every word."""
    about = "The cyclone struck before the monsoon. Cyclone shelters filled as the cyclone came."
    passing = "A cyclone, the monsoon and Odisha were named once in a speech on the budget."
    pages = {
        8501: ("Storm Season", about),
        8502: ("Budget Speech", passing),
        8503: ("Rain Notes", "The monsoon came. "),
        8504: ("Harvest", OTHER),
    }
    lib = library_of(tmp_path, pages)
    result = lib.search(SearchQuery("Odisha cyclone monsoon"))
    assert not result.relaxed and result.total == 1
    assert [(h.number, h.matched) for h in result.hits] == [
        (8502, "all"),
        (8501, "some"),  # two of the three words, many times
        (8503, "some"),
    ]
    # The tail fills the page, no more: a page of one has room for none.
    assert [h.number for h in lib.search(SearchQuery("Odisha cyclone monsoon", limit=1)).hits] == [
        8502
    ]
    # Counting, exporting, date order and chosen articles keep to every word.
    every = SearchQuery("Odisha cyclone monsoon", limit=None)
    assert lib.found_numbers(every).numbers == [8502]
    assert numbers(lib, "Odisha cyclone monsoon", sort="newest") == [8502]
    assert numbers(lib, "Odisha cyclone monsoon", only=frozenset({8501, 8502})) == [8502]
    # One word of the query is not "some of the words"; nor is a word left out.
    assert numbers(lib, "Odisha") == [8502]
    assert numbers(lib, '"cyclone shelters"') == [8501]
    assert numbers(lib, "cyclone monsoon -Odisha") == [8501]
    assert numbers(lib, "cyclone monsoon -Odisha zzz") == []


def test_pages_with_only_function_words_are_no_answer(tmp_path: Path) -> None:
    """Neither in the tail nor when no page has every word: "what" and "the" alone match
    nearly every page, and answer nothing."""
    pages = {8601: ("Sea Notes", "Piracy rose again."), 8602: ("Notes", "What did the tide do?")}
    lib = library_of(tmp_path, pages)
    assert numbers(lib, "what did the communique say about piracy") == [8601]


@pytest.fixture(scope="module")
def filtered(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("filtered")
    corpus = root / "corpus"
    pages = {
        8701: (2015, "Sandip Kumar Mishra", "Storm Season", "The cyclone came before the monsoon."),
        8702: (2016, "Sandip Kumar Mishra", "Storm Notes", "The cyclone came late."),
        8703: (2015, "Varun Sahni", "Storm Days", "A cyclone came."),
        8704: (2015, "Sandip Kumar Mishra", "Harvest", OTHER),
    }
    for number, (year, author, title, body) in pages.items():
        page = old_page(number, title, [body, FILLER], date=dt.date(year, 3, 2), author=author)
        write(corpus, f"{number}-old.txt", page)
    lib = Library([corpus], root / "index")
    lib.update()
    return lib


# When any of the words will do (no page has them all, or a page left short), a clause
# asked of a field by name stays what it was typed as: a filter. Only the words relax.
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("cyclone zzzz year:2015", {8701, 8703}),
        ('cyclone zzzz author:"Sandip Mishra"', {8701, 8702}),
        ("cyclone monsoon zzzz title:storm year:2016", {8702}),
        ("monsoon zzzz year:2016", set()),
        ("cyclone zzzz", {8701, 8702, 8703}),
    ],
)
def test_any_word_keeps_the_fields_asked_for(
    filtered: Library, query: str, found: set[int]
) -> None:
    result = filtered.search(SearchQuery(query))
    assert {h.number for h in result.hits} == found
    assert all(h.matched == "some" for h in result.hits)


def test_the_tail_keeps_the_fields_asked_for(filtered: Library) -> None:
    data = json.loads(searched(filtered, "cyclone monsoon year:2015", "--json"))
    hits = [(h["number"], h["matched"]) for h in data["hits"]]
    assert hits == [(8701, "all"), (8703, "some")]
    # A question is answered from the pages with any of its words: the year still holds.
    assert numbers(filtered, 'what did author:"Varun Sahni" say of the monsoon cyclone') == [8703]


@pytest.mark.parametrize(
    "query", ["Japan?s policy", "Japan?s? policy", '"Japan?s policy"', "title:Japan?s policy"]
)
def test_a_question_mark_for_an_apostrophe_is_one(tmp_path: Path, query: str) -> None:
    """Pages print "Japan?s" for "Japan’s", and readers copy it: the word is the
    possessive, not a wildcard for "Japan", one letter and "s" (no such word: no hits)."""
    pages = {8801: ("Japan?s Choice", "Japan?s policy. "), 8802: ("Women at Sea", "Women sailed. ")}
    lib = library_of(tmp_path, pages)
    result = lib.search(SearchQuery(query))
    assert [(h.number, h.matched) for h in result.hits] == [(8801, "all")]
    assert numbers(lib, "wom?n") == [8802]  # still a wildcard inside a word
    data = json.loads(searched(lib, query, "--json"))
    assert [h["number"] for h in data["hits"]] == [8801]


class _Counting:
    """An analyzer that counts the words it is given."""

    def __init__(self, analyzer: Any) -> None:
        self.analyzer = analyzer
        self.words: Counter[str] = Counter()

    def __call__(self, value: str, **options: Any) -> Any:
        self.words[value] += 1
        return self.analyzer(value, **options)


class _Fields:
    """The fields module as the ranking's modules see it, their text analyzer counting."""

    def __init__(self, text: _Counting) -> None:
        from ipcsreader.store import fields

        self.fields = fields
        self.counted = {**fields.analyzers(), "text": text}

    def analyzers(self) -> dict[str, Any]:
        return self.counted

    def __getattr__(self, name: str) -> Any:
        return getattr(self.fields, name)


def test_the_boosts_analyse_each_query_word_once(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tokens that adjacency looks for and the author-field forms that nearness leaves
    out of the teaser come from one analysis of each word, and rank as before."""
    from ipcsreader.store import fields, index, ranking

    before = library.search(SearchQuery("monsoon cyclone")).hits
    text = _Counting(fields.analyzers()["text"])
    for module in (index, ranking):  # where the boosts are computed (not the parser's own)
        monkeypatch.setattr(module, "fields", _Fields(text))
    adjacency = ranking.adjacency
    passes: list[list[str]] = []  # the boosts of each run (every word, then any word)
    monkeypatch.setattr(
        ranking, "adjacency", lambda s, tokens, d: passes.append(tokens) or adjacency(s, tokens, d)
    )
    hits = library.search(SearchQuery("monsoon cyclone")).hits
    assert [(h.number, h.score) for h in hits] == [(h.number, h.score) for h in before]
    assert [h.number for h in hits] == [8004, 8003]  # both words, then monsoon alone
    assert passes == [["monsoon", "cyclon"]] * 2  # stemmed
    assert text.words == {"monsoon": 1, "cyclone": 1}  # once for both passes
    # A word of two parts: each part's forms in the author field are the whole word's.
    assert ranking.query_tokens(["Kim", "Chaudhary", "the", "Jong-un"]) == (
        ["kim", "chaudhari", "the", "jong", "un"],
        {
            "kim": {"kim"},
            "chaudhari": {"chaudhary"},
            "the": {"the"},
            "jong": {"jong", "un"},
            "un": {"jong", "un"},
        },
    )


def test_hits_alike_in_all_but_their_dates_come_newest_first(tmp_path: Path) -> None:
    # Three pieces by one byline, the query its surname alone: each scores alike (the
    # byline's field is not weighed by length), and the newest comes first, whatever
    # order the pages lie in on disk; the same through the command line and an export.
    corpus = tmp_path / "corpus"
    dates = {8101: dt.date(2016, 5, 1), 8102: dt.date(2018, 1, 9), 8103: dt.date(2014, 2, 3)}
    for number, date in dates.items():
        page = old_page(number, "Harbour Notes", [FILLER], author="Gurmeet Kanwal", date=date)
        write(corpus, f"{number}-old.txt", page)
    library = Library([corpus], tmp_path / "index")
    library.update()
    hits = library.search(SearchQuery("Kanwal")).hits
    assert len({h.score for h in hits}) == 1
    assert [h.number for h in hits] == [8102, 8101, 8103]
    shown = json.loads(searched(library, "Kanwal", "--json"))
    assert [h["number"] for h in shown["hits"]] == [8102, 8101, 8103]
    exported = library.found_numbers(SearchQuery("Kanwal", limit=None)).numbers
    assert exported == [8102, 8101, 8103]


def test_the_byline_of_the_person_named_outweighs_a_page_that_mentions_them(
    tmp_path: Path,
) -> None:
    """A query naming an author asks first for their pieces: a byline is worth four mentions
    in the body (ranking.FIELD_BOOSTS), so the review that names her among others and says
    the other words more often comes second."""
    corpus = tmp_path / "corpus"
    own = (
        "The year is about to end. India and Pakistan began it with firing across the "
        "border, and Pakistan watched the elections in India closely. "
    )
    review = 2 * (
        "The forecast series had three projections on Pakistan in 2015, one by Salma Malik "
        "of QAU. Pakistan in 2015 faces India and its own army; Pakistan and India may talk "
        "in 2015, the panel said, and Pakistan may gain. "
    )
    pages = {
        8101: ("India-Pakistan Relations in 2015", [own, FILLER], "Salma Malik"),
        8102: ("Pakistan in 2015: Review of the Forecast", [review, FILLER], "R Krishnamurthy"),
    }
    for number, (title, paragraphs, author) in pages.items():
        write(corpus, f"{number}-old.txt", old_page(number, title, paragraphs, author=author))
    for n in range(8110, 8130):
        write(corpus, f"{n}-old.txt", old_page(n, f"Monsoon Notes {n}", [OTHER, FILLER]))
    lib = Library([corpus], tmp_path / "index")
    lib.update()
    assert numbers(lib, "Salma Malik India Pakistan")[:2] == [8101, 8102]
