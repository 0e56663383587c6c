"""A name of hyphenated syllables transliterated another way: "Tehreek-e-Taliban" finds the
page printing "Tehrik-i-Taliban", after those printing it as typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from search_world import dirs_of, library_of, searched
from typer.testing import CliRunner

from ipcsreader.archive.search import SearchQuery
from ipcsreader.cli import app
from ipcsreader.library import Library
from ipcsreader.model import AlsoRead
from ipcsreader.store import variants
from ipcsreader.store.fields import opening_words
from ipcsreader.store.spelling import skeleton


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("tehrik", "tehreek"),
        ("mohammed", "muhammad"),
        ("taiba", "toiba"),
        ("insaf", "insaaf"),
        ("dawa", "dawah"),
        ("jamaat", "jamat"),
    ],
)
def test_transliterations_of_one_word_share_a_skeleton(one: str, other: str) -> None:
    assert skeleton(one) == skeleton(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("taliban", "toiban"), ("tehrik", "terik"), ("taiba", "tariba"), ("insaf", "unsaf")],
)
def test_words_of_other_consonants_or_first_letters_do_not(one: str, other: str) -> None:
    assert skeleton(one) != skeleton(other)


PAGES = {
    # The name as the queries below type it, and printed three other ways.
    9301: ("Tehreek-e-Taliban", "The Tehreek-e-Taliban claimed the attack."),
    9302: ("Tehrik-i-Taliban", "The Tehrik-i-Taliban claimed the attack."),
    9303: ("Tehrik-e-Taliban", "The Tehrik-e-Taliban claimed the attack."),
    9304: ("Lashkar-e-Toiba", "The Lashkar-e-Toiba trained in camps."),
    # The syllable typed, and a look-alike of it, not printed in the name: "Taiba" is
    # not "tab" (nor respelt: a page holds it).
    9305: ("Tabs", "Taiba, a town, kept a tab on the camps of the Lashkar."),
    # The syllables of the name apart, and the name with another first word.
    9306: ("Apart", "Tehrik e Taliban is how one writer spaced it."),
    9307: ("Other", "The Tehrik-i-Insaaf claimed the attack."),
    # One word, a name printed two ways; words of the language alike in their consonants;
    # a people's name, a vowel longer than its country's.
    9311: ("Dissanayake", "The leader Anura Dissanayake spoke on leaving the coalition."),
    9312: ("Dissanayaka", "The leader Anura Dissanayaka spoke on living costs in Pakistan."),
    9313: ("Pakistanis", "Many Pakistani voters and the Pakistan army took part."),
    # Words joined by hyphens, one of them spelt as another page spells a name's syllable.
    9314: ("Faction", "A Tehrik-Labbaik-Pakistan faction met."),
    # A word a letter off "Insaf" too, and said more often than "Insaaf".
    9315: ("Troops", "The ISAF troops left Kabul."),
    9316: ("Drawdown", "The ISAF drawdown was slow."),
    # A name, and a word of the language with the consonants of its misspelling "Jining".
    9317: ("Visit", "The visit of Xi Jinping ended."),
    9318: ("Summit", "A summit with Xi Jinping was held."),
    9319: ("Group", "India was joining the group."),
    # A name with a run of vowels spelt otherwise (two edits), and two places alike.
    9320: ("Banerjee", "The envoy Rana Banerjee wrote on it."),
    9321: ("Banerji", "The envoy Rana Banerji wrote on it."),
    9322: ("Ports", "Trade from Mongolia and from Mongla grew."),
    9323: ("Parties", "The Maoist cadres met in the Mist hotel."),
    # A name's words run together, hyphenated and spaced.
    9324: ("Ryonghae", "The envoy Choe Ryonghae went to Moscow."),
    9325: ("Ryong-hae", "The envoy Choe Ryong-hae went to Moscow."),
    9326: ("Spaced", "The envoy Choe Ryong Hae went to Moscow."),
    9327: ("Tahirul", "The cleric Tahirul Qadri led a march to Islamabad."),
    9328: ("Tahir ul", "The cleric Tahir ul Qadri spoke in Lahore."),
    # A name and a short word after it, no name run together.
    9329: ("At last", "The cleric Tahir at last spoke."),
    # Words a hashtag runs together ("#SriLanka"), and names printed with a capital inside.
    9330: ("Diaspora", "The Sri Lanka diaspora in Toronto voted."),
    9331: ("Drills", "Search and rescue drills were held off Chennai."),
    9332: ("Border", "The McMahon Line was drawn in 1914."),
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return library_of(tmp_path_factory.mktemp("variants"), PAGES)


def _all(lib: Library, query: str) -> list[int]:
    return [h.number for h in lib.search(SearchQuery(query)).hits if h.matched == "all"]


def test_a_name_is_found_in_its_other_spellings_after_its_own(library: Library) -> None:
    found = _all(library, "Tehreek-e-Taliban attack")
    # The spelling typed first; the others (any order) after it; the spaced one as typed
    # only (its phrase is the typed name's parts).
    assert found[0] == 9301
    assert sorted(found[1:]) == [9302, 9303]
    assert 9307 not in found


def test_the_connecting_syllable_is_either_way(library: Library) -> None:
    assert sorted(_all(library, "Tehrik-i-Taliban")) == [9301, 9302, 9303, 9306]


def test_a_syllable_is_only_another_where_a_page_prints_the_whole_name(
    library: Library,
) -> None:
    result = library.search(SearchQuery("Lashkar-e-Taiba"))
    assert [h.number for h in result.hits if h.matched == "all"] == [9304]
    assert dict(result.also_said) == {"Lashkar-e-Taiba": "Lashkar-e-Toiba"}


@pytest.mark.parametrize(
    "query",
    [
        '"Tehreek-e-Taliban"',  # quoted: as typed
        "title:Tehreek-e-Taliban",  # a field's value: as typed
        "Tehreek-e-Taliban*",  # a prefix
        "Jong-un",  # two syllables: a name's own, no izafat
        "attack NOT Tehreek-e-Taliban",  # left out as typed
    ],
)
def test_names_not_typed_plain_are_searched_as_typed(library: Library, query: str) -> None:
    assert library.search(SearchQuery(query)).also_said == ()


def test_words_joined_are_no_name_s_syllables(library: Library) -> None:
    # No other spelling of the compound: only the table's other of one of its words
    # (store/synonyms), as typed alone.
    result = library.search(SearchQuery("Tehreek-Labbaik-Pakistan"))
    assert result.also_said == (("Tehreek", "tehrik"),)


def test_a_reading_marks_the_other_spellings(library: Library) -> None:
    assert library.also_read("Lashkar-e-Taiba's camps") == AlsoRead(
        said=(("Lashkar-e-Taiba", "Lashkar-e-Toiba"),)
    )


def test_through_the_command_line(library: Library) -> None:
    shown = searched(library, "Lashkar-e-Taiba")
    assert (
        "Lashkar-e-Taiba also searched as Lashkar-e-Toiba, weighted below the word typed.\n"
        in shown
    )
    data = json.loads(searched(library, "Lashkar-e-Taiba", "--json"))
    assert [h["number"] for h in data["hits"]] == [9304]
    assert data["also_said"] == {"Lashkar-e-Taiba": "Lashkar-e-Toiba"}


def test_a_name_alone_is_found_in_its_other_spellings_after_its_own(library: Library) -> None:
    result = library.search(SearchQuery("Dissanayake spoke"))
    assert [h.number for h in result.hits if h.matched == "all"] == [9311, 9312]
    assert dict(result.also_said) == {"Dissanayake": "Dissanayaka"}


def test_a_name_with_a_run_of_vowels_spelt_otherwise_is_found(library: Library) -> None:
    result = library.search(SearchQuery("Banerjee"))
    assert [h.number for h in result.hits if h.matched == "all"] == [9320, 9321]
    assert dict(result.also_said) == {"Banerjee": "Banerji"}


@pytest.mark.parametrize(
    "query", ["leaving", "living", "Pakistan", "Pakistani", "Mongolia", "Maoist"]
)
def test_a_word_of_the_language_or_a_longer_name_is_no_other_spelling(
    library: Library, query: str
) -> None:
    # "leaving" and "living" share their consonants but are printed lower case; Pakistan
    # and Pakistani are names, but one is the other with a vowel more at its end; Mongla
    # has a vowel fewer between its consonants than Mongolia, Mist two fewer than Maoist.
    assert library.search(SearchQuery(query)).also_said == ()


def test_the_names_are_the_words_printed_with_a_capital_inside_a_sentence() -> None:
    text = (
        'Living in Colombo, the JVP leader Anura Dissanayake said. Leaving aside "Tigers" (Tamil)'
    )
    assert opening_words(None, "Dr Sandip Mishra looks at Japan.", text)[1].split() == [
        "Sandip",
        "Mishra",
        "Japan",
        "Colombo",
        "JVP",
        "Anura",
        "Dissanayake",
    ]


def test_a_word_no_page_holds_is_respelt_as_the_name_spelt_otherwise(library: Library) -> None:
    # "Insaf" is a letter off both "ISAF" (more pages) and "Insaaf": the same consonants
    # make it the name transliterated otherwise, not the acronym.
    result = library.search(SearchQuery("Insaf", respell=True))
    assert result.respelt == (("Insaf", "Insaaf"),)
    assert [h.number for h in result.hits if h.matched == "all"] == [9307]


def test_a_word_of_the_language_is_no_name_spelt_otherwise(library: Library) -> None:
    # "Jining" has the consonants of "joining", a word the pages print lower case: it is
    # respelt as the name the pages print more often, a letter off too.
    assert library.search(SearchQuery("Xi Jining", respell=True)).respelt == (
        ("Jining", "Jinping"),
    )


def _scores(lib: Library, query: str) -> dict[int, float]:
    return {h.number: h.score for h in lib.search(SearchQuery(query)).hits if h.matched == "all"}


def test_words_typed_apart_find_the_name_printed_run_together(library: Library) -> None:
    result = library.search(SearchQuery("Choe Ryong Hae went"))
    assert sorted(h.number for h in result.hits if h.matched == "all") == [9324, 9325, 9326]
    assert result.also_said == ()  # a spacing, like a hyphen, is no other spelling
    assert _all(library, "Tahir ul Qadri march") == [9327]


def test_a_word_typed_finds_the_name_printed_apart(library: Library) -> None:
    assert sorted(_all(library, "Choe Ryonghae went")) == [9324, 9325, 9326]
    assert _all(library, "Tahirul Qadri Lahore") == [9328]
    # A name and a function word after it are no name run together.
    assert _all(library, "Tahirat") == []


def test_pages_holding_the_words_apart_score_as_before(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = {q: _scores(library, q) for q in ("Choe Ryong Hae", "Choe Ryonghae")}
    monkeypatch.setattr(variants, "run_together", lambda _searcher, text: (text, {}))
    for query, scores in typed.items():
        before = _scores(library, query)
        assert {n: scores[n] for n in before} == before
        assert len(before) == 2  # the page with the name as typed, and the one hyphenated


@pytest.mark.parametrize(
    "query",
    [
        'envoy "Ryong Hae"',  # a phrase, as typed
        "title:Ryong Hae",  # a field's value
        "Ryong* Hae",  # a prefix
    ],
)
def test_words_not_typed_plain_are_not_run_together(library: Library, query: str) -> None:
    assert 9324 not in _all(library, query)


def test_a_name_left_out_is_left_out_as_typed(library: Library) -> None:
    # Not the page printing it apart: the reader left out the word typed.
    assert sorted(_all(library, "envoy NOT Ryonghae")) == [9320, 9321, 9326]
    # "Ryong" left out and "Hae" wanted, not the pair: no page has "Hae" without "Ryong".
    assert _all(library, "envoy NOT Ryong Hae") == []


def test_run_together_through_the_command_line(library: Library) -> None:
    for query in ("Tahir ul Qadri", "Tahirul Qadri"):
        hits = json.loads(searched(library, query, "--json"))["hits"]
        assert sorted((h["number"], h["matched"]) for h in hits) == [(9327, "all"), (9328, "all")]


def test_a_reading_marks_the_name_spaced_as_the_page_prints_it(library: Library) -> None:
    assert library.also_read("Tahirul Qadri") == AlsoRead(spaced=(("Tahirul", "Tahir ul"),))
    assert library.search(SearchQuery("Choe Ryong Hae went")).spaced == (("Ryong Hae", "Ryonghae"),)
    args = ["read", "9328", "--highlight", "Tahirul Qadri", *dirs_of(library)]
    read = CliRunner().invoke(app, args)
    assert read.exit_code == 0, read.output
    # Marked, and not said: a spacing is no other spelling.
    assert "The cleric *Tahir ul* *Qadri* spoke in Lahore." in read.stdout
    assert "marked as" not in read.stdout


def test_a_name_found_spaced_otherwise_is_no_typo(tmp_path: Path) -> None:
    # No page prints "Tahirul": it is not offered as "Tahir Qadri" ("Did you mean").
    lib = library_of(tmp_path, {9328: ("Lahore", "The cleric Tahir ul Qadri spoke in Lahore.")})
    result = lib.search(SearchQuery("Tahirul Qadri"))
    assert [h.number for h in result.hits if h.matched == "all"] == [9328]
    assert result.suggestion is None


def test_words_run_together_with_capitals_find_the_words(library: Library) -> None:
    assert _all(library, "#SriLanka diaspora") == [9330]
    assert _all(library, "#SearchAndRescue drills") == [9331]
    result = library.search(SearchQuery("SriLanka diaspora"))
    assert result.spaced == (("SriLanka", "Sri Lanka"),)
    assert result.also_said == ()


def test_a_name_and_a_word_run_together_in_lower_case_find_them(library: Library) -> None:
    # A hashtag typed in lower case: no page prints it whole, some print its words side
    # by side, a name first.
    assert _all(library, "srilanka diaspora") == [9330]
    assert library.search(SearchQuery("#choeryonghae")).spaced == (
        ("choeryonghae", "choe ryonghae"),
    )
    # Words no page prints side by side, or no name first: none run together.
    assert library.search(SearchQuery("torontochennai")).spaced == ()
    assert library.search(SearchQuery("searchandrescue")).spaced == ()


def test_a_word_with_a_capital_inside_a_page_prints_is_itself(library: Library) -> None:
    # Printed whole: no "Mc Mahon". Words no page prints side by side: none run together.
    assert library.search(SearchQuery("McMahon Line")).spaced == ()
    assert library.search(SearchQuery("TorontoChennai")).spaced == ()
