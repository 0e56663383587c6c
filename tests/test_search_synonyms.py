"""Words of one meaning: "ties" finds relations, "Tokyo" finds Japan, after the word typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from search_world import FILLER, library_of, old_page, searched, write
from typer.testing import CliRunner

from ipcsreader import paths
from ipcsreader.archive.search import SearchQuery
from ipcsreader.cli import app
from ipcsreader.library import Library
from ipcsreader.model import AlsoRead, SearchResult
from ipcsreader.store import fields, synonyms
from ipcsreader.store.synonyms import typed_words


@pytest.mark.parametrize(
    ("query", "typed"),
    [
        ("India Japan ties", {"tie": "ties"}),
        ("Pullout Kabul", {"pullout": "Pullout", "kabul": "Kabul"}),
        # A word as the index reads it: stemmed, possessive or not.
        ("India visited", {"visit": "visited"}),
        ("Beijing's navy", {"beij": "Beijing", "navi": "navy"}),
        ("Beijing’s", {"beij": "Beijing"}),
        # A country is searched as typed: its capital does not stand for it.
        ("Japan summit", {}),
        # As typed: a phrase, a field's value, a word left out, a prefix, a fuzzy or boosted
        # word, part of a compound.
        ('"India Japan ties"', {}),
        ("title:ties", {}),
        ("India NOT ties", {}),
        ("India -ties", {}),
        ("tie* visit~ talks^2", {}),
        # A colon with nothing after it ends a word; one before a value makes a field.
        ("Pullout: Kabul", {"pullout": "Pullout", "kabul": "Kabul"}),
        ("ties:visit", {}),
        # A country's combining form in a compound beside another country or its people.
        ("Sino-Indian rivalry", {"sino": "Sino", "rivalri": "rivalry"}),
        ("Indo-Pak talks", {"talk": "talks", "indo": "Indo", "pak": "Pak"}),
        ("indo-myanmar", {"indo": "indo", "myanmar": "myanmar"}),
        ("Indo-Pacific", {}),
        ("Pak Pong-ju", {}),
        ('"Sino-Indian"', {}),
        # Typed apart, as often as joined.
        ("Indo Pak talks", {"talk": "talks", "indo": "Indo", "pak": "Pak"}),
        ("sino indian", {"sino": "sino"}),
        ("Indo Pacific", {}),
        ('Indo "Pak"', {}),
        ("Indo, Pak", {}),
        # The words of a compound of words in their own right (querying.words_joined).
        ("Tokyo-Seoul", {"tokyo": "Tokyo", "seoul": "Seoul"}),
        ("US-DPRK talks", {"talk": "talks", "dprk": "DPRK"}),
        ("nuclear-Pyongyang", {"nuclear": "nuclear", "pyongyang": "Pyongyang"}),
        ("Xi-Beijing", {"beij": "Beijing"}),
        ("re-Beijing anti-Tokyo", {}),
        # A word's forms the stemmer leaves apart.
        ("terrorist economy", {"terrorist": "terrorist", "economi": "economy"}),
        ("Islamism", {"islam": "Islamism"}),
        ("decided failure", {"decid": "decided", "failur": "failure"}),
        ("abductees agreed", {"abducte": "abductees", "agre": "agreed"}),
        # A dash with a space after it is punctuation, not a word left out.
        ("Delhi - Tokyo", {"delhi": "Delhi", "tokyo": "Tokyo"}),
    ],
)
def test_the_words_with_others_are_those_typed_plain(query: str, typed: dict[str, str]) -> None:
    assert typed_words(query) == typed


def all_words(result: SearchResult) -> list[int]:
    """The hits with every word of the query, in order."""
    return [h.number for h in result.hits if h.matched == "all"]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("synonyms")
    corpus = root / "corpus"
    pages = {
        # Says what is typed.
        8931: ("New Friends", ["Japan and India have deepened their ties.", FILLER], "Big Picture"),
        # Says it in other words: relations, and Japan for Tokyo.
        8932: (
            "Old Friends",
            ["Relations between Japan and India improved.", FILLER],
            "Big Picture",
        ),
        # In the column "Himalayan Frontier", on India and its neighbours: no border said.
        8933: ("Roads", ["India and Nepal built roads.", FILLER], "Himalayan Frontier"),
    }
    for number, (title, paragraphs, column) in pages.items():
        write(corpus, f"{number}-old.txt", old_page(number, title, paragraphs, column=column))
    lib = Library([corpus], root / "index")
    lib.update()
    return lib


def test_a_page_saying_it_otherwise_has_every_word_after_one_saying_it(library: Library) -> None:
    result = library.search(SearchQuery("India Japan ties"))
    assert not result.relaxed and result.total == 2
    assert [(h.number, h.matched) for h in result.hits][:2] == [(8931, "all"), (8932, "all")]
    assert dict(result.also_said) == {"ties": "relations, relationship"}


def test_a_capital_finds_its_country(library: Library) -> None:
    result = library.search(SearchQuery("Tokyo relations"))
    assert all_words(result) == [8932, 8931]
    assert not result.relaxed


def test_a_word_s_others_are_looked_for_in_the_article_s_text_only(library: Library) -> None:
    # "frontier" is border's other, and the column's name: not a reason to find 8933.
    result = library.search(SearchQuery("India border"))
    assert all_words(result) == []
    assert dict(result.also_said) == {"border": "frontier, boundary"}


def test_a_quoted_word_is_only_itself(library: Library) -> None:
    hits = library.search(SearchQuery('India "ties"')).hits
    assert [h.number for h in hits if h.matched == "all"] == [8931]


def test_the_typed_word_leads_the_snippet(library: Library) -> None:
    first, second, *_ = library.search(SearchQuery("India Japan ties")).hits
    assert [first.snippet[a:b] for a, b in first.highlights] == ["Japan", "India", "ties"]
    assert [second.snippet[a:b] for a, b in second.highlights] == ["Relations", "Japan", "India"]


def test_through_the_command_line(library: Library) -> None:
    shown = searched(library, "India ties", columns=80)
    assert "ties also searched as relations, relationship, weighted below the word typed.\n" in (
        shown
    )
    data = json.loads(searched(library, "India ties", "--json"))
    assert [h["number"] for h in data["hits"] if h["matched"] == "all"] == [8931, 8932]
    assert data["also_said"] == {"ties": "relations, relationship"}
    plain = json.loads(searched(library, 'India "ties"', "--json"))
    assert plain["also_said"] == {}


def test_a_reading_marks_the_others_the_search_would_find(library: Library) -> None:
    assert library.also_read('Tokyo ties -visit "talks"') == AlsoRead(
        said=(("Tokyo", "japan"), ("ties", "relations, relationship"))
    )


def test_a_word_found_by_its_others_is_not_called_a_typo(tmp_path: Path) -> None:
    # The shipped page says "relations", never "ties": no "did you mean ... the?".
    dirs = ["--corpus", str(paths.shipped_corpus_dir()), "--index", str(tmp_path / "index")]
    shown = CliRunner().invoke(app, ["search", "Pyongyang Moscow ties", *dirs])
    assert shown.exit_code == 0, shown.output
    assert "#4842" in shown.stdout
    assert "ties also searched as relations, relationship" in shown.stdout
    assert "Did you mean" not in shown.stdout


def test_each_word_is_on_one_line_of_the_table() -> None:
    # A word on two lines would lose the others of the first silently.
    analyse = fields.analyzers()["text"]
    said = [
        stem
        for line in filter(
            None, (synonyms._GROUPS + synonyms._FORMS + synonyms._COMBINING).splitlines()
        )
        for word in line.partition(">")[0].split(",")
        for stem in (t.text for t in analyse(word.strip(), mode="query"))
    ]
    assert len(said) == len(set(said)) == len(synonyms._table())


def test_a_narrower_word_finds_the_broader_one_and_not_the_reverse(tmp_path: Path) -> None:
    pages = {
        8941: ("Forest Road", "Maoists attacked a patrol."),
        8942: ("Night Road", "Maoists laid an ambush."),
    }
    lib = library_of(tmp_path, pages)
    narrow = lib.search(SearchQuery("Maoist ambush"))
    assert [(h.number, h.matched) for h in narrow.hits] == [(8942, "all"), (8941, "all")]
    assert dict(narrow.also_said) == {"ambush": "attack"}
    broad = lib.search(SearchQuery("Maoist attack"))
    assert all_words(broad) == [8941]
    assert dict(broad.also_said) == {}


def test_a_word_shortened_in_a_hurry_finds_the_word_and_not_the_reverse(tmp_path: Path) -> None:
    pages = {
        8951: ("Hill Road", "Former rebels joined the state police."),
        8952: ("Town Road", "Ex rebels held a rally."),
        8953: ("Army Road", "The Defence Minister met the military chiefs."),
    }
    lib = library_of(tmp_path, pages)
    assert all_words(lib.search(SearchQuery("def min mil chiefs"))) == [8953]
    short = lib.search(SearchQuery("ex rebels"))
    assert all_words(short) == [8952, 8951]
    assert dict(short.also_said)["ex"] == "former"
    full = lib.search(SearchQuery("former rebels"))
    assert all_words(full) == [8951]
    assert typed_words("govt intl natl econ") == {
        "govt": "govt",
        "intl": "intl",
        "natl": "natl",
        "econ": "econ",
    }


def test_a_word_with_others_no_page_holds_is_searched_as_its_others_not_respelt(
    tmp_path: Path,
) -> None:
    # No page says "trip": "trips" is searched as "visit", not as "tries", a letter off.
    pages = {
        8961: ("Kim Abroad", "Kim's visit to Moscow."),
        8962: ("Kim Again", "Kim tries Moscow again."),
        8963: ("Talks", "The talks in Naypyidaw ended."),
    }
    lib = library_of(tmp_path, pages)
    result = lib.search(SearchQuery("Kim trips Moscow", respell=True))
    assert result.respelt == ()
    assert all_words(result) == [8961]
    assert dict(result.also_said)["trips"] == "visit"
    # Respelt as a word of its line: another spelling of it.
    other = lib.search(SearchQuery("Naypyitaw talks", respell=True))
    assert other.respelt == (("Naypyitaw", "Naypyidaw"),)
    assert all_words(other) == [8963]


# Two countries by a combining form, by their names, and one with another word.
COMBINED = {
    8971: ("Giants", "China and India: a rivalry in trade."),
    8972: ("Ocean", "India looks to the Pacific for trade."),
    8973: ("Rivals", "The Sino-Indian rivalry in trade."),
}


def test_a_combining_form_finds_its_country_named_in_full(tmp_path: Path) -> None:
    lib = library_of(tmp_path, COMBINED)
    result = lib.search(SearchQuery("Sino-Indian rivalry"))
    assert (all_words(result), dict(result.also_said)) == (
        [8973, 8971],
        {"Sino": "china", "rivalry": "rival"},
    )
    # "Indo-Pacific" is no country beside India: the page on India and the Pacific is not
    # found as every word.
    assert lib.search(SearchQuery("Indo-Pacific trade")).relaxed
    # Typed without the hyphen, as it is as often.
    apart = lib.search(SearchQuery("sino indian rivalry"))
    assert (all_words(apart), dict(apart.also_said)) == (
        [8973, 8971],
        {"sino": "china", "rivalry": "rival"},
    )


def test_a_word_s_other_form_finds_the_page_saying_it_so(tmp_path: Path) -> None:
    pages = {
        8981: ("Raid Notes", "Terrorists attacked the port."),
        8982: ("Dock Notes", "Terrorism reached the port."),
        8983: ("Road Notes", "Bandits attacked the port."),
    }
    lib = library_of(tmp_path, pages)
    result = lib.search(SearchQuery("terrorist port"))
    assert all_words(result) == [8981, 8982]
    assert dict(result.also_said) == {"terrorist": "terrorism"}
    assert all_words(lib.search(SearchQuery("terrorism port"))) == [8982, 8981]


@pytest.mark.parametrize(
    ("typed", "said", "others"),
    [
        ("optimistic", "optimism", "optimism"),
        ("pessimism", "pessimistic", "pessimistic"),
        ("populist", "populism", "populism"),
        ("violent", "violence", "violence"),
        ("sovereign", "sovereignty", "sovereignty"),
        ("coercion", "coercive", "coercive, coerce"),
        ("lose", "loss", "loss"),
        ("threatened", "threat", "threat"),
        ("secession", "secede", "secede"),
        ("migrants", "migration", "emigration, migration"),
    ],
)
def test_a_word_and_its_other_form_find_each_other(
    tmp_path: Path, typed: str, said: str, others: str
) -> None:
    # Forms the stemmer leaves apart: it reads "optimism" as "optim" and "optimistic" as
    # "optimist", "violent" as "violent" and "violence" as "violenc".
    pages = {
        8991: ("Harbour Notes", f"They spoke of {said} at the harbour."),
        8992: ("Other Notes", "They spoke of trade at the harbour."),
    }
    lib = library_of(tmp_path, pages)
    result = lib.search(SearchQuery(f"{typed} harbour"))
    assert all_words(result) == [8991]
    assert dict(result.also_said) == {typed: others}
