"""Acronyms and their names in full: read from the pages that spell them out, and a query
in either form finds both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from search_world import FILLER, dirs_of, library_of, old_page, searched, write
from typer.testing import CliRunner

from ipcsreader.archive.search import SearchQuery
from ipcsreader.cli import app
from ipcsreader.library import Library
from ipcsreader.store import acronyms


@pytest.mark.parametrize(
    ("text", "acronym", "named"),
    [
        ("the rise of Left-wing Extremism (LWE) in Jharkhand", "LWE", "left wing extremism"),
        ("a Memorandum of Understanding (MoU) was signed", "MoU", "memorandum of understanding"),
        ("Pakistan Chief of Army Staff (COAS) said", "COAS", "chief of army staff"),
        (
            "The Institute of Peace and Conflict Studies (IPCS)",
            "IPCS",
            "institute of peace and conflict studies",
        ),
        ("the Tehrik-i-Taliban Pakistan (TTP) claimed", "TTP", "tehrik i taliban pakistan"),
        ("the Indian Ocean Rim Association ( IORA ) met", "iora", "indian ocean rim association"),
        ("Act East Policy (AEP) and Look East Policy (LEP)", "LEP", "look east policy"),
        (
            "of the Korean Peninsula Energy Development Organisation (KEDO) and",
            "KEDO",
            "korean peninsula energy development organisation",
        ),
    ],
)
def test_a_name_spelt_out_before_its_acronym_is_read(text: str, acronym: str, named: str) -> None:
    assert acronyms.expansion(text, acronym) == tuple(named.split())


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("the talks (LWE) went on", "LWE"),  # the words before do not spell it
        ("Director (Research) of the centre", "Research"),  # not written as an acronym
        ("the lwe (lwe) of it", "lwe"),  # nor here
        ("Left-wing Extremism, LWE, grew", "LWE"),  # not in brackets
        ("(LWE) opens the page", "LWE"),  # nothing before it
        ("of the (OT)", "OT"),  # small words alone are no name
        ("Look Far Near East Policy (LEP)", "LEP"),  # at most one other word left out
    ],
)
def test_text_that_does_not_spell_an_acronym_out_gives_nothing(text: str, acronym: str) -> None:
    assert acronyms.expansion(text, acronym) is None


def test_the_commonest_reading_wins() -> None:
    text = "Look East Policy (LEP) ... the Look East Policy (LEP) ... Lashkar-e-Pakistan (LEP)"
    assert acronyms.expansion(text, "LEP") == ("look", "east", "policy")


@pytest.mark.parametrize(
    ("word", "typed_as_one"),
    [("LWE", True), ("MoU", True), ("IS", True), ("lwe", False), ("Modi", False), ("A", False)],
)
def test_only_words_written_as_acronyms_are_looked_up(word: str, typed_as_one: bool) -> None:
    assert acronyms.is_acronym(word) is typed_as_one


class _Glossary(acronyms.Glossary):
    """A glossary of fixed entries, to see how a query is rewritten."""

    def __init__(self, entries: dict[str, str]) -> None:
        self.known = {k: tuple(v.split()) for k, v in entries.items()}
        self.used = {}

    def spelt_out(self, acronym: str) -> tuple[str, ...] | None:
        return self.known.get(acronym.lower())

    def rare(self, word: str) -> bool:
        return word in self.known

    def printed_as_acronym(self, word: str) -> bool:
        return word in PRINTED_AS_ACRONYMS


# The fixed glossary's words that the pages print as acronyms only ("ep" is printed as a
# word too, in this pretend archive).
PRINTED_AS_ACRONYMS = {"lwe", "aep", "ttp"}


GLOSSARY = {
    "ep": "east policy",
    "lwe": "left wing extremism",
    "aep": "act east policy",
    "ttp": "tehrik i taliban pakistan",
}


@pytest.mark.parametrize(
    ("query", "rewritten"),
    [
        ("LWE Jharkhand", '(LWE OR "left wing extremism") Jharkhand'),
        ("Left-wing Extremism in Jharkhand", "((Left-wing AND Extremism) OR lwe) in Jharkhand"),
        ("India's Act East Policy", "India's ((Act AND East AND Policy) OR aep)"),
        ("Tehrik-i-Taliban Pakistan", "((Tehrik-i-Taliban AND Pakistan) OR ttp)"),
        # A word of the name in another form: plural, or the follower for the creed.
        ("left wing extremists", "((left AND wing AND extremists) OR lwe)"),
        ("Act East Policies", "((Act AND East AND Policies) OR aep)"),
        ("left wing radicalism", "left wing radicalism"),
        ("NOT LWE", 'NOT (LWE OR "left wing extremism")'),
        ("NOT Act East Policy", "NOT Act ((East AND Policy) OR ep)"),
        ("India NOT Act East Policy", "India NOT Act ((East AND Policy) OR ep)"),
        # Punctuation after a word is no part of it.
        ("LWE: Jharkhand", '(LWE OR "left wing extremism"): Jharkhand'),
        ("LWE, Jharkhand", '(LWE OR "left wing extremism"), Jharkhand'),
        ("Jharkhand LWE.", 'Jharkhand (LWE OR "left wing extremism").'),
        ("Act East Policy; India", "((Act AND East AND Policy) OR aep); India"),
        ("(LWE Jharkhand)", '((LWE OR "left wing extremism") Jharkhand)'),
        ("India (LWE)", 'India ((LWE OR "left wing extremism"))'),
        # A name's words stand apart by spaces alone.
        ("(Act East) Policy", "(Act East) Policy"),
        ("Act, East Policy", "Act, ((East AND Policy) OR ep)"),
        # In lower case where the pages print it as an acronym only.
        ("lwe jharkhand", '(lwe OR "left wing extremism") jharkhand'),
        ("ep", "ep"),
        # With a possessive or a plural after it, as the pages print it too.
        ("LWE's cadres", '(LWE\'s OR "left wing extremism") cadres'),
        ("LWE’s cadres", '(LWE’s OR "left wing extremism") cadres'),
        ("TTPs", '(TTPs OR "tehrik i taliban pakistan")'),
        ("Lwe's", "Lwe's"),
        ("CPEC's", "CPEC's"),
        # Untouched: quoted, fielded, unknown, wildcards.
        ('"LWE in Jharkhand"', '"LWE in Jharkhand"'),
        ('"lwe"', '"lwe"'),
        ("title:LWE", "title:LWE"),
        ("CPEC", "CPEC"),
        ("LWE*", "LWE*"),
        ("act east*", "act east*"),
    ],
)
def test_a_query_takes_both_forms(query: str, rewritten: str) -> None:
    assert acronyms.spell_out(query, _Glossary(GLOSSARY)) == rewritten


# 7001 spells LWE out once and uses it after; 7002 writes the name in full only; 7003
# uses the acronym only, and once; 7004 is about something else; 7005 and 7006 use an
# acronym that no page spells out; 7007 spells one out that a name's initials also make;
# 7008 uses one of two letters; 7009 spells out AIM, which 7010 prints as a word and 7011
# gives only in full; 7012 uses NPT, which no page spells out.
PAGES = {
    7001: (
        "Jharkhand's New Plan",
        "Left-wing Extremism (LWE) grew in Jharkhand. LWE cadres moved; LWE attacks fell, "
        "and the state said LWE was in retreat. ",
    ),
    7002: ("Forest Notes", "Left-wing extremism in the forests of Jharkhand, said the police. "),
    7003: ("Budget Season", "A line on LWE in a long budget story about roads and ports. "),
    7004: ("Monsoon Notes", "The monsoon came late to the forests of Jharkhand. "),
    7005: ("Corridor Notes", "The CPEC corridor, China Pakistan Economic Corridor work. "),
    7006: ("Island Times", "The LTTE fronts abroad were banned, and the diaspora answered. "),
    7007: ("Militant Notes", "The Lashkar-e-Pakistan (LEP) struck twice; LEP cadres fled. "),
    7008: ("Missile Notes", "NK missiles flew over the sea again in spring. "),
    7009: ("Mission Notes", "The Assam Integration Mission (AIM) began; AIM funds flowed. "),
    7010: ("Forest Plan", "The aim of the forest plan was clear to the villages. "),
    7011: ("Village Notes", "The Assam Integration Mission reached the villages late. "),
    7012: ("Treaty Notes", "The NPT review conference faltered again in spring. "),
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return library_of(tmp_path_factory.mktemp("acronyms"), PAGES)


def numbers(lib: Library, text: str) -> list[int]:
    return [h.number for h in lib.search(SearchQuery(text, highlight=False)).hits]


def test_an_acronym_finds_its_name_written_in_full(library: Library) -> None:
    # 7002 never says "LWE"; the article about LWE comes first.
    assert numbers(library, "LWE") == [7001, 7002, 7003]
    both = library.search(SearchQuery("LWE Jharkhand", highlight=False))
    assert both.total == 2 and [h.number for h in both.hits][:2] == [7001, 7002]


def test_an_acronym_with_a_possessive_finds_its_name_written_in_full(
    library: Library,
) -> None:
    # Only 7002 holds "forests" and LWE in either form; it never says "LWE".
    found = library.search(SearchQuery("LWE's forests", highlight=False))
    assert (found.total, found.hits[0].number) == (1, 7002)


def test_a_name_in_full_finds_its_acronym(library: Library) -> None:
    # 7003 says only "LWE"; 7001 says it four times and the name once: it comes first.
    assert numbers(library, "Left-wing Extremism") == [7001, 7002, 7003]
    assert numbers(library, "left wing extremism") == [7001, 7002, 7003]


def test_a_quoted_acronym_is_taken_as_typed(library: Library) -> None:
    assert numbers(library, '"LWE"') == [7001, 7003]
    assert numbers(library, '"lwe"') == [7001, 7003]


def test_an_acronym_typed_in_lower_case_finds_its_name_in_full(
    library: Library,
) -> None:
    assert numbers(library, "lwe") == [7001, 7002, 7003]
    found = json.loads(searched(library, "lwe", "--json"))
    assert found["also_read"] == {"lwe": "left wing extremism"}
    # With a capital first only, as some newspapers print acronyms ("Saarc", "Nato").
    assert numbers(library, "Lwe") == [7001, 7002, 7003]


def test_a_word_some_page_prints_in_lower_case_is_no_acronym(
    library: Library,
) -> None:
    # Typed as an acronym, AIM finds its name in full (7011); typed in lower case it is
    # the word that 7010 prints, and finds only the pages that hold it.
    assert sorted(numbers(library, "AIM")) == [7009, 7010, 7011]
    assert sorted(numbers(library, "aim")) == [7009, 7010]


# The pages decide whether a word that may be one is one ("Modi" is printed so: no).
@pytest.mark.parametrize(
    ("word", "maybe"),
    [("iora", True), ("Saarc", True), ("Modi", True), ("IORA", False), ("MoU", False)],
)
def test_words_in_lower_case_or_capitalised_may_be_acronyms_typed_so(
    word: str, maybe: bool
) -> None:
    assert acronyms.may_be_acronym(word) is maybe


def test_search_through_the_command_line_highlights_both_forms(
    library: Library,
) -> None:
    hits = json.loads(searched(library, "LWE", "--json"))["hits"]
    assert [h["number"] for h in hits] == [7001, 7002, 7003]
    assert library.corpus_dirs[0].is_dir()


def test_the_reader_is_told_what_else_was_read(library: Library) -> None:
    shown = searched(library, "LWE", columns=80)
    assert 'LWE also read as "left wing extremism", as the archive\'s pages pair them.\n' in shown
    named = json.loads(searched(library, "Left-wing Extremism", "--json"))
    assert named["also_read"] == {"Left-wing Extremism": "LWE"}
    plain = json.loads(searched(library, "Jharkhand", "--json"))
    assert plain["also_read"] == {}


def test_the_snippet_shows_the_acronym_typed_not_its_words_said_earlier(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    early = "Left wing parties met in the hills; extremism was not on the agenda. "
    later = "The police said Left-wing Extremism (LWE) was down, and LWE cadres fewer."
    write(corpus, "7101-old.txt", old_page(7101, "Hill Notes", [early, FILLER * 8, later]))
    lib = Library([corpus], tmp_path / "index")
    lib.update()
    (hit,) = lib.search(SearchQuery("LWE")).hits
    assert "(LWE)" in hit.snippet and hit.snippet.index("(LWE)") < 120
    marked = [hit.snippet[a:b] for a, b in hit.highlights]
    assert "LWE" in marked


def read(library: Library, number: int, words: str) -> str:
    """``ipcs read number --highlight words`` at 60 columns, marks as ``*`` (no colour)."""
    args = ["read", str(number), "--highlight", words, "--no-mark", "--width", "60"]
    args += dirs_of(library)
    result = CliRunner().invoke(app, args, env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.stdout


ALSO_LWE = 'LWE also marked as "left wing extremism", as the archive\'s\npages pair them.\n'


def test_read_marks_an_acronym_in_both_forms_as_the_search_reads_it(
    library: Library,
) -> None:
    shown = read(library, 7001, "LWE")
    assert "*Left-wing Extremism* (*LWE*) grew in Jharkhand. *LWE*" in shown
    assert ALSO_LWE in shown  # said as the search says it
    # 7002 has only the name: it is marked; 7004 has neither: nothing is said.
    assert "*Left-wing extremism* in the forests" in read(library, 7002, "LWE")
    assert "also marked" not in read(library, 7004, "LWE")
    # Typed in lower case, as the search reads it.
    lower = read(library, 7001, "lwe")
    assert "*Left-wing Extremism* (*LWE*)" in lower and "lwe also marked as" in lower


def test_read_marks_a_name_in_full_and_its_acronym(library: Library) -> None:
    shown = read(library, 7003, "Left-wing Extremism")
    assert "A line on *LWE* in a long budget story" in shown
    assert 'Left-wing Extremism also marked as "LWE"' in shown
    assert "*Left-wing* *Extremism* (*LWE*)" in read(library, 7001, "Left-wing Extremism")


@pytest.mark.parametrize(
    ("number", "words", "marked"),
    [
        (7005, "CPEC", "The *CPEC* corridor, China Pakistan"),  # no page pairs it
        (7001, '"LWE"', "Left-wing Extremism (*LWE*) grew"),  # quoted: as typed
        (7010, "aim", "The *aim* of the forest plan"),  # a page prints it as a word
        (7001, "title:LWE", "Left-wing Extremism (LWE) grew"),  # fielded
        (7001, "LWE date:[2014", "Left-wing Extremism (*LWE*) grew"),  # a query refused
    ],
)
def test_read_marks_nothing_more_where_the_search_reads_nothing_more(
    library: Library, number: int, words: str, marked: str
) -> None:
    shown = read(library, number, words)
    assert marked in shown and "also marked" not in shown


def test_read_marks_the_spelling_a_word_no_page_holds_was_searched_as(
    library: Library,
) -> None:
    # Not an acronym's pairing: said as the search said it ("searched for … instead").
    shown = read(library, 7001, "Jharkhnad")
    assert "grew in *Jharkhand*" in shown
    assert 'Jharkhnad marked as "Jharkhand": no page says "Jharkhnad".' in shown


def test_a_name_typed_in_capitals_finds_the_acronym_of_its_initials(
    library: Library,
) -> None:
    # 7006 says only "LTTE", and no page spells it out.
    assert numbers(library, "Liberation Tigers of Tamil Eelam") == [7006]
    out = json.loads(searched(library, "Liberation Tigers of Tamil Eelam", "--json"))
    assert out["also_read"] == {"Liberation Tigers of Tamil Eelam": "LTTE"}
    assert out["by_initials"] == ["Liberation Tigers of Tamil Eelam"]
    assert out["suggestion"] is None  # its words are no typos: the name was understood
    shown = searched(library, "Liberation Tigers of Tamil Eelam", columns=120)
    assert (
        'Liberation Tigers of Tamil Eelam also read as "LTTE", its initials, as the archive\'s '
        "pages print them.\n" in shown
    )
    marked = " ".join(read(library, 7006, "Liberation Tigers of Tamil Eelam").split())
    assert "The *LTTE* fronts abroad" in marked
    assert 'also marked as "LTTE", its initials, as the archive\'s pages print them.' in marked


def test_a_name_remembered_a_word_off_finds_the_acronym_of_its_initials(
    library: Library,
) -> None:
    # 7009 spells out "Assam Integration Mission (AIM)"; the reader remembers "Inclusion".
    assert numbers(library, "Assam Inclusion Mission")[0] == 7009
    out = json.loads(searched(library, "assam inclusion mission", "--json"))
    assert out["also_read"] == {"assam inclusion mission": "AIM"}
    assert out["by_initials"] == ["assam inclusion mission"]


def test_a_name_two_words_off_is_not_read_as_an_acronym(
    library: Library,
) -> None:
    typed = "Assam Inclusion Movement"
    assert json.loads(searched(library, typed, "--json"))["also_read"] == {}


@pytest.mark.parametrize(
    "typed",
    [
        "liberation tigers of tamil eelam",  # not typed as a name
        "Look East Policy",  # LEP is spelt out on a page, as another name
        "North Korea",  # two letters: too many short words are someone's initials
        "Port Of Call Notes",  # no page holds "pocn"
        "Nay Pyi Taw",  # a name of short syllables, not NPT
    ],
)
def test_a_name_is_read_by_its_initials_only_where_nothing_says_otherwise(
    library: Library, typed: str
) -> None:
    # Some of these find nothing (exit status 1): not searched(), which must succeed.
    data = CliRunner().invoke(app, ["search", typed, "--json", *dirs_of(library)])
    assert json.loads(data.stdout)["also_read"] == {}
