"""Irregular forms find their base word: pages say "met", "fled", "crises", readers type
"meets", "flee", "crisis" (and the other way round)."""

from __future__ import annotations

import pytest
from search_world import dirs_of, found, library_of, searched
from typer.testing import CliRunner

from ipcsreader import wordforms
from ipcsreader.archive.search import SearchQuery
from ipcsreader.cli import app
from ipcsreader.library import Library
from ipcsreader.render.read import highlight_pattern, marked

PAST = (
    "Modi met Xi in Wuhan after thousands fled the border villages. Two crises were "
    "overthrown governments, and women and children sought shelter; the well-known envoy "
    "heard warning shots. Gunmen held two policemen."
)
PRESENT = (
    "Leaders meet in Wuhan as villagers flee the border. A crisis can overthrow "
    "governments, and a woman with a child seeks shelter; a warning shot. A gunman held a "
    "policeman."
)
OTHER = "Metal prices rose in the hill markets after a dry spring; the founders left early."
NAVY = "The RAN sent two frigates to the strait."
RUNNING = "The troops run to the hills, running again."


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    pages = {
        8701: ("Wuhan Notes", PAST),
        8702: ("Border Notes", PRESENT),
        8703: ("Navy Notes", NAVY),
        8704: ("Hill Notes", RUNNING),
    }
    return library_of(tmp_path_factory.mktemp("forms"), pages, other=OTHER, padding=6)


@pytest.mark.parametrize(
    ("form", "base"),
    [
        ("met", "meet"),
        ("fled", "flee"),
        ("crises", "crisis"),
        ("overthrown", "overthrow"),
        ("women", "woman"),
        ("children", "child"),
        ("sought", "seek"),
        ("withdrew", "withdraw"),
        ("gunmen", "gunman"),
        ("policewomen", "policewoman"),
        ("statesmen", "statesman"),
    ],
)
def test_an_irregular_form_is_read_as_its_base_word(form: str, base: str) -> None:
    assert wordforms.base_word(form) == base
    assert form in wordforms.written_forms(wordforms.stemmer()(base))


@pytest.mark.parametrize(
    "word",
    [
        "left",
        "rose",
        "thought",
        "torn",
        "bound",
        "lives",
        "said",
        "spent",
        "won",
        "shot",
        "hung",
        "yemen",
        "omen",
        "specimen",
    ],
)
def test_words_of_another_meaning_keep_their_own(word: str) -> None:
    # "left" is also left-wing, "torn" tear gas, "won" the Korean currency, "shot" the
    # singular of "shots" (which a search for "shot" as "shoot" would miss); "Yemen" ends
    # as "gunmen" does and is no plural.
    assert wordforms.base_word(word) == word


@pytest.mark.parametrize("written", ["RAN", "MET", "LED"])
def test_an_acronym_is_no_irregular_form(written: str) -> None:
    assert wordforms.base_word(written.lower(), written) == written.lower()
    assert wordforms.base_word(written.lower(), written.title()) != written.lower()


@pytest.mark.parametrize(
    "query",
    [
        "met Wuhan",
        "meets Wuhan",
        "meeting Wuhan",
        "fled border",
        "flee border",
        "crisis",
        "crises",
        "overthrow",
        "overthrown",
        "women",
        "woman",
        "gunman",
        "gunmen",
        "policemen held",
    ],
)
def test_a_search_finds_either_form(library: Library, query: str) -> None:
    assert found(library, query) == [8701, 8702]


@pytest.mark.parametrize(
    ("query", "number"),
    [('"thousands flee the border"', 8701), ('"villagers fled the border"', 8702)],
)
def test_a_phrase_finds_either_form(library: Library, query: str, number: int) -> None:
    assert found(library, query) == [number]


def test_the_form_as_written_is_still_a_word_of_its_own(library: Library) -> None:
    # Indexed beside its base word: a prefix of the form still finds the page that says it,
    # and a hyphenated word joined keeps the form ("wellknown", not "wellknow").
    assert found(library, "met*") == [8701, *range(8705, 8711)]
    assert found(library, "fle*") == [8701, 8702]
    assert found(library, "wellknown") == found(library, "well-known") == [8701]


def test_a_noun_plural_is_found_as_before(library: Library) -> None:
    # "shot" is left as it is: "warning shot" still finds "warning shots" with every word.
    result = library.search(SearchQuery("warning shot"))
    assert sorted(h.number for h in result.hits) == [8701, 8702]
    assert {h.matched for h in result.hits} == {"all"}


def test_an_acronym_in_capitals_is_not_read_as_a_verb(library: Library) -> None:
    # "RAN" (the Royal Australian Navy) is no "run", on the page or in the query.
    assert found(library, "RAN") == [8703]
    assert found(library, "ran") == [8704]


def test_typing_an_irregular_form_finds_its_base_word_too(library: Library) -> None:
    # ipcs ui searches the word being typed as a prefix: "Modi met" is sent as "met*",
    # which stands for "meet" as well, as the finished word does.
    typing = library.search(SearchQuery("Wuhan met*", completions=4))
    assert sorted(h.number for h in typing.hits if h.matched == "all") == [8701, 8702]


def test_the_form_as_written_is_marked_in_the_snippet(library: Library) -> None:
    hits = library.search(SearchQuery("meets crisis women")).hits
    shown = {h.number: {h.snippet[a:b] for a, b in h.highlights} for h in hits}
    assert shown[8701] >= {"met", "crises", "women"}
    assert shown[8702] >= {"meet", "crisis", "woman"}


def test_the_reader_marks_the_other_forms_whole() -> None:
    text = "Modi met Xi; they meet again at meetings on metal, and meets."
    assert marked(text, highlight_pattern("meets"), plain=True).plain == (
        "Modi *met* Xi; they *meet* again at *meetings* on metal, and *meets*."
    )
    assert marked(text, highlight_pattern("met"), plain=True).plain == (
        "Modi *met* Xi; they *meet* again at *meetings* on metal, and *meets*."
    )
    crises = highlight_pattern("crisis")
    assert marked("Two crises, one crisis.", crises, plain=True).plain == (
        "Two *crises*, one *crisis*."
    )
    fled = "They fled; the fleet flees, fleeing; men of management and a man."
    assert marked(fled, highlight_pattern("fled men's"), plain=True).plain == (
        "They *fled*; the fleet *flees*, *fleeing*; *men* of management and a *man*."
    )


def test_an_acronym_is_marked_whole_as_written() -> None:
    # "MoU" and "US" are acronyms: the reader marks them (and their plurals), as typed or
    # in capitals, not every word that starts with the same letters, nor the word in small
    # letters ("us", "let"). A longer word in capitals still marks its longer forms.
    text = "The MoU, MOU and MoUs on the mountain; US users let us; LeT; NGO, NGOs; Russian."
    assert marked(text, highlight_pattern("MoU US LeT NGOs"), plain=True).plain == (
        "The *MoU*, *MOU* and *MoUs* on the mountain; *US* users let us; *LeT*; *NGO*, *NGOs*;"
        " Russian."
    )
    assert marked(text, highlight_pattern("RUSSIA"), plain=True).plain.endswith("*Russian*.")
    assert marked(text, highlight_pattern("us"), plain=True).plain == (
        "The MoU, MOU and MoUs on the mountain; *US* *users* let *us*; LeT; NGO, NGOs; Russian."
    )


def test_read_through_the_command_line_marks_the_form(library: Library) -> None:
    args = ["read", "8701", "--highlight", "crisis", *dirs_of(library)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Two *crises* were" in result.stdout
    assert '"number": 8701' in searched(library, "meets Wuhan", "--json")


# A place and its people's word are one word: "Korea" finds the page on "the Korean
# Peninsula", "Afghan elections" the one on "elections in Afghanistan".
KOREAN = "Hopes of denuclearising the Korean Peninsula rose after the Afghan talks."
PLACES = "Pyongyang and Seoul met; North Korea and Afghanistan were on the agenda in Seoul."


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> Library:
    pages = {8801: ("Peninsula Notes", KOREAN), 8802: ("Summit Notes", PLACES)}
    return library_of(tmp_path_factory.mktemp("places"), pages, other=OTHER, padding=6)


@pytest.mark.parametrize(
    ("people", "place"),
    [("korean", "korea"), ("Koreans", "korea"), ("afghan", "afghanistan"), ("Chinese", "china")],
)
def test_a_peoples_word_is_read_as_its_place(people: str, place: str) -> None:
    assert wordforms.base_word(people.casefold()) == place


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("korea denuclearising", [8801]),
        ("Korean agenda", [8802]),
        ('"north korean"', [8802]),
        ("afghanistan talks", [8801]),
        ("korea afghan", [8801, 8802]),
    ],
)
def test_a_search_finds_the_place_and_its_peoples_word(
    places: Library, query: str, numbers: list[int]
) -> None:
    hits = places.search(SearchQuery(query)).hits
    assert sorted(h.number for h in hits if h.matched == "all") == numbers


def test_the_peoples_word_is_marked_for_the_place() -> None:
    text = "Hopes for the Korean Peninsula; Koreans and North Korea; Koreatown."
    assert marked(text, highlight_pattern("korea"), plain=True).plain == (
        "Hopes for the *Korean* Peninsula; *Koreans* and North *Korea*; *Koreatown*."
    )
