"""Person identity: name matching and merging printed names into people."""

from __future__ import annotations

import json

import pytest

from ipcsreader.archive.people import Mention, column_key, identify, matches, parse_name, suggest
from ipcsreader.model import Author

EAC = "East Asia Compass"


def test_parse_name_drops_honorific_dots_and_case():
    assert parse_name("Dr Sandip Mishra").key == "sandip mishra"
    assert parse_name("P.R. Chari") == parse_name("PR Chari") == parse_name("p r chari")
    assert parse_name("Asanga Abeyagoonasekera.").surname == "abeyagoonasekera"
    assert parse_name("  ") is None


@pytest.mark.parametrize(
    "query",
    ["Mishra", "mishra", "MISHRÁ", "Sandip Mishra", "Dr S Mishra", "Sandip Kumar Mishra"],
)
def test_query_finds_both_printings(query):
    assert matches(query, "Sandip Kumar Mishra")
    assert matches(query, "Dr Sandip Mishra")


@pytest.mark.parametrize("query", ["Sunil Mishra", "Misra", "Sandip Sharma", ""])
def test_query_that_names_someone_else(query):
    assert not matches(query, "Sandip Kumar Mishra")


def test_accents_are_forgiven_in_names():
    assert matches("Jose Perez", "José Pérez")


def _people(*mentions: tuple[str, str | None]):
    return identify(Mention(Author(n), c) for n, c in mentions)


def test_middle_name_and_honorific_merge_within_a_column():
    people = _people(("Sandip Mishra", EAC), ("Sandip Kumar Mishra", EAC))
    assert len(people.persons) == 1
    person = people.persons[0]
    assert person.name == "Sandip Kumar Mishra"
    assert person.names == ("Sandip Kumar Mishra", "Sandip Mishra")
    assert people.of("Dr Sandip Mishra") is person


def test_column_spelling_does_not_split_a_person():
    people = _people(("Sandip Mishra", "The East Asia Compass"), ("Sandip Kumar Mishra", EAC))
    assert len(people.persons) == 1


def test_no_shared_column_no_merge():
    people = _people(("Sandip Mishra", None), ("Sandip Kumar Mishra", EAC))
    assert [p.name for p in people.persons] == ["Sandip Kumar Mishra", "Sandip Mishra"]


def test_incompatible_given_names_stay_apart():
    people = _people(("Sandip Mishra", EAC), ("Sunil Mishra", EAC))
    assert len(people.persons) == 2


def test_an_initial_cannot_join_two_people():
    people = _people(("S Mishra", EAC), ("Sandip Mishra", EAC), ("Sunil Mishra", EAC))
    assert len(people.persons) == 2
    assert {len(p.names) for p in people.persons} == {1, 2}


def test_a_name_that_starts_another_in_the_same_column():
    people = _people(("Bibhu Prasad", "Red Affairs"), ("Bibhu Prasad Routray", "Red Affairs"))
    assert [p.name for p in people.persons] == ["Bibhu Prasad Routray"]


def test_a_surname_misprinted_by_a_letter_in_the_same_column():
    # A real page prints "Dr Vijay Sakhhuja" over one of Vijay Sakhuja's columns.
    people = _people(("Vijay Sakhuja", "Maritime Matters"), ("Vijay Sakhhuja", "Maritime Matters"))
    assert [p.names for p in people.persons] == [("Vijay Sakhhuja", "Vijay Sakhuja")]
    assert people.of("Vijay Sakhhuja") is people.of("Dr Vijay Sakhuja")


@pytest.mark.parametrize(
    ("one", "other", "columns"),
    [
        ("Vijay Sakhuja", "Vijay Sakhhuja", ("Maritime Matters", EAC)),  # no column shared
        ("Ravi Rao", "Ravi Roy", (EAC, EAC)),  # a letter changed, and short
        ("Amit Sahni", "Amit Sahi", (EAC, EAC)),  # the shorter under five letters
        ("V Sakhuja", "V Sakhhuja", (EAC, EAC)),  # initials only
        ("Vijay Sakhuja", "Ajay Sakhhuja", (EAC, EAC)),  # other given names
        ("Vijay Sakhuja", "Vijay Sakhujaaa", (EAC, EAC)),  # two letters apart
    ],
)
def test_names_a_letter_apart_that_stay_apart(
    one: str, other: str, columns: tuple[str, str]
) -> None:
    assert len(_people((one, columns[0]), (other, columns[1])).persons) == 2


def test_a_person_is_suggested_once_by_name():
    # Both printings of Vijay Sakhuja come near "Sakuja": he is named once, as himself;
    # "Bibhu Prasad" (a sidebar's) is Bibhu Prasad Routray.
    from ipcsreader.archive.authors import find_people
    from ipcsreader.errors import NotFoundError

    people = _people(
        ("Vijay Sakhuja", "Maritime Matters"),
        ("Vijay Sakhuja", "Maritime Matters"),
        ("Vijay Sakhhuja", "Maritime Matters"),
        ("Bibhu Prasad", "Red Affairs"),
        ("Bibhu Prasad Routray", "Red Affairs"),
    )
    for typed, meant in (("Sakuja", "Vijay Sakhuja"), ("Bibu", "Bibhu Prasad Routray")):
        with pytest.raises(NotFoundError) as e:
            find_people(people, typed)
        assert e.value.message == f"No author matching {typed!r}; did you mean: {meant}?"


def test_misprinted_surnames_point_to_each_other():
    people = _people(
        ("Vijay Sakhuja", "Maritime Matters"),
        ("Vijay Sakhhuja", "Maritime Matters"),
        ("Bibhu Prasad", "Red Affairs"),  # the start of a name, not another surname
        ("Bibhu Prasad Routray", "Red Affairs"),
    )
    assert people.misprinted_surnames() == {"sakhuja": ("sakhhuja",), "sakhhuja": ("sakhuja",)}


def test_latest_honorific_is_kept():
    import datetime as dt

    people = identify(
        [
            Mention(Author("Vijay Shankar", honorific="Rear Admiral"), "S", dt.date(2010, 1, 1)),
            Mention(Author("Vijay Shankar", honorific="Vice Admiral"), "S", dt.date(2015, 1, 1)),
        ]
    )
    assert people.persons[0].honorific == "Vice Admiral"


def test_column_key():
    assert column_key("The Indo-Pacific") == column_key("indo pacific") == "indo pacific"
    assert column_key("The Strategist") == "strategist"
    assert column_key(None) is None


def test_suggest_catches_a_typo_in_any_word():
    names = ["Sandip Kumar Mishra", "D Suba Chandran"]
    assert suggest("Mishar", names) == ["Sandip Kumar Mishra"]
    assert suggest("Zzyzx", names) == []


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("Sahney", ["Varun Sahni"]),
        ("Sandeep Mishra", ["Sandip Kumar Mishra"]),
        ("Mishar", ["Sandip Kumar Mishra"]),  # not Sheelkant Sharma
        ("Haidar", []),  # nobody printed: no stranger's name
        ("Rao", []),
    ],
)
def test_suggest_only_names_a_typo_away(typed: str, suggested: list[str]) -> None:
    names = ["Sandip Kumar Mishra", "Sheelkant Sharma", "Varun Sahni", "Vijay Shankar"]
    names += ["Pramod Jaiswal"]
    assert suggest(typed, names) == suggested


def test_a_search_by_author_finds_the_misprinted_byline_too(tmp_path) -> None:
    # ipcs authors groups "Vijay Sakhhuja" with Vijay Sakhuja (one column): --author does
    # too, whichever printing is typed; an author of another column stays apart.
    from search_world import old_page, write
    from typer.testing import CliRunner

    from ipcsreader.cli import app

    corpus = tmp_path / "corpus"
    bylines = {
        8901: ("Vijay Sakhuja", "Maritime Matters"),
        8902: ("Vijay Sakhhuja", "Maritime Matters"),
        8903: ("Vijay Sakhujaa", "Eagle Eye"),
    }
    for number, (author, column) in bylines.items():
        page = old_page(number, "Harbour Notes", ["Karachi harbour."], author=author, column=column)
        write(corpus, f"{number}-old.txt", page)
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    for typed in ("Sakhuja", "Vijay Sakhuja", "Sakhhuja"):
        result = CliRunner().invoke(app, ["search", "Karachi", "--author", typed, "--json", *where])
        assert result.exit_code == 0, result.output
        # Alike but for their numbers: the later first.
        assert [h["number"] for h in json.loads(result.stdout)["hits"]] == [8902, 8901], typed
    nobody = CliRunner().invoke(app, ["search", "Karachi", "--author", "Haidar", *where])
    assert nobody.exit_code == 1, nobody.output  # nothing found, as grep says it
    # The surname typed among the words finds the misprinted byline too, with every word;
    # quoted, it is the word as typed.
    for typed, found in (
        ("Sakhuja Karachi", [8901, 8902]),
        ("Sakhhuja's Karachi", [8901, 8902]),
        ('"Sakhuja" Karachi', [8901]),
        ("Sakhujaa Karachi", [8903]),
        ('author:"Vijay Sakhuja" Karachi', [8901, 8902]),
        ("by:sakhhuja Karachi", [8901, 8902]),
        ('author:"Vijay Sakhujaa" Karachi', [8903]),
        # Typed with a typo, it is respelt first, then found in both printings.
        ("Sahkuja Karachi", [8901, 8902]),
        ('author:"Vijay Sahkuja" Karachi', [8901, 8902]),
    ):
        result = CliRunner().invoke(app, ["search", typed, "--json", *where])
        assert result.exit_code == 0, result.output
        hits = json.loads(result.stdout)["hits"]
        assert sorted(h["number"] for h in hits if h["matched"] == "all") == found, typed
