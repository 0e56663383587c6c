"""Checking search options and query text before the index sees them."""

from __future__ import annotations

import datetime as dt

import pytest

from ipcsreader.archive.search import SearchQuery, parse_date, plain_words, plan
from ipcsreader.errors import QueryError, UsageError


def test_plan_normalises_and_keeps_options() -> None:
    p = plan(
        SearchQuery(
            "  north   korea ",
            author=" mishra ",
            column="",
            year=2015,
            since="2015-03",
            until="2016",
            sort="newest",
            limit=5,
            page=3,
            facets=("year", "column", "year"),
        )
    )
    assert p.text == "north korea"
    assert p.filters.author == "mishra" and p.filters.column is None
    assert (p.filters.since, p.filters.until) == (dt.date(2015, 3, 1), dt.date(2016, 12, 31))
    assert (p.offset, p.limit, p.facets) == (10, 5, ("year", "column"))


def test_no_limit_means_every_hit() -> None:
    assert plan(SearchQuery("x", limit=None, page=4)).offset == 0


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2015", False, dt.date(2015, 1, 1)),
        ("2015", True, dt.date(2015, 12, 31)),
        ("2016-02", True, dt.date(2016, 2, 29)),
        ("2016-2-5", False, dt.date(2016, 2, 5)),
        (None, False, None),
    ],
)
def test_parse_date(value: str | None, end: bool, expected: dt.date | None) -> None:
    assert parse_date(value, "--since", end=end) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (SearchQuery(sort="best"), "--sort must be one of relevance, newest, oldest, not 'best'"),
        (SearchQuery(limit=0), "--limit must be at least 1, not 0"),
        (SearchQuery(page=0), "--page must be at least 1, not 0"),
        (
            SearchQuery(facets=("colour",)),
            "unknown facet 'colour'; choose from column, author, year, month",
        ),
        (SearchQuery(year=15), "--year must be a four-digit year, not 15"),
        (
            SearchQuery(since="Smarch 2015"),
            "--since 'Smarch 2015' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            SearchQuery(until="2015-13"),
            "--until '2015-13' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            SearchQuery(until="2015-02-30"),
            "--until '2015-02-30' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (SearchQuery(since="2016", until="2015"), "--since 2016 is after --until 2015"),
    ],
)
def test_bad_options(query: SearchQuery, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        plan(query)
    assert caught.value.message == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date:[2014 to 2016", "the query has a range ('[' or '{') that is never closed"),
        ("korea date:{2014", "the query has a range ('[' or '{') that is never closed"),
    ],
)
def test_bad_query_text(text: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        plan(SearchQuery(text))
    assert caught.value.message == message


def test_brackets_inside_a_phrase_are_text() -> None:
    assert plan(SearchQuery('"(sic"')).text == '"(sic"'


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # A party's letters in brackets glued to its name: the name with them, hyphenated.
        ("CPI(M) Naxalbari", "CPI-M Naxalbari"),
        ("pml(n) Sharif", "pml-n Sharif"),
        ("(JD(U) OR RJD) Bihar", "(JD-U OR RJD) Bihar"),
        # Brackets that group, or stand apart, or hold more than a few letters: as typed.
        ("(CPI) Naxalbari", "(CPI) Naxalbari"),
        ("CPI (M) Naxalbari", "CPI (M) Naxalbari"),
        ("f(x) g(2)", "f(x) g(2)"),
        ("Nepal(Madhesi)", "Nepal(Madhesi)"),
    ],
)
def test_letters_in_brackets_glued_to_a_name_are_part_of_it(typed: str, read: str) -> None:
    assert plan(SearchQuery(typed)).text == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # A list typed with no space after its commas: the words apart; a slash joins
        # words as a hyphen does.
        ("russia,north korea", "russia, north korea"),
        ("India;Japan", "India; Japan"),
        ("hwasong,15,test", "hwasong, 15, test"),
        ("T,C,A Rangachari", "T, C, A Rangachari"),
        ("#Maoists,#Jharkhand", "#Maoists, #Jharkhand"),
        ("india/pakistan relations", "india-pakistan relations"),
        # A bar glued between words, or two spaced, as a web search reads them: either
        # word; not in a phrase, nor a bar alone, which parts a pasted line's items.
        ("Madhesi|Madheshi Tharu", "Madhesi OR Madheshi Tharu"),
        ("Kurils || Kuriles|Kuril", "Kurils OR Kuriles OR Kuril"),
        ('"Kurils|Kuriles"', '"Kurils|Kuriles"'),
        ("2014 | Varun Sahni | Big Picture", "2014 | Varun Sahni | Big Picture"),
        ("Region: China | Year: 2015 | korea", "region:China | year:2015 | korea"),
        ("korea |", "korea |"),
        ('"Xi,Modi"', '"Xi, Modi"'),
        # Between figures, beside one letter, or spaced already: as typed.
        ("10,000 troops 9/11", "10,000 troops 9/11"),
        ("w/o sanctions", "w/o sanctions"),
        ("russia, china", "russia, china"),
        # A word typed twice running: once; in quotes, or not quite the same, as typed.
        ("Maoist maoist ideology", "Maoist ideology"),
        ('korea "bora bora" bora-bora', 'korea "bora bora" bora-bora'),
        ("NOT NOT korea", "NOT korea"),  # operators in a row: the last (see mending)
        ("title:korea korea", "title:korea korea"),
        # A request's opening words ask, and say nothing of the subject: left out.
        ("find articles on Modi mandate", "Modi mandate"),
        ("locate articles on Modi mandate", "Modi mandate"),
        ("I'm looking for the piece on Naga talks", "Naga talks"),
        ("Can you show me korea", "korea"),
        ("anything on Madhesi protests", "Madhesi protests"),
        ("searching for a needle", "searching for a needle"),  # a search is a subject too
        ("show of force", "show of force"),
        ("find", "find"),
        # A piece asked for by when it came out or what it is: the subject.
        ("latest Hwasong missile test", "Hwasong missile test"),
        ("the most recent commentary about Naga talks", "Naga talks"),
        ("new article Abe North Korea", "Abe North Korea"),
        ("2016 piece Indian Ocean piracy", "2016 Indian Ocean piracy"),
        ("IPCS articles on Sri Lanka", "Sri Lanka"),
        ("new constitution Nepal", "new constitution Nepal"),  # elsewhere: words
        ("Article 370 Kashmir latest", "Article 370 Kashmir latest"),
        ('"latest article" korea', '"latest article" korea'),
        ('latest "north korea" talks', '"north korea" talks'),  # a phrase after it
        ('x "y"latest article on korea', 'x "y"latest article on korea'),  # not the start
        ("latest", "latest"),
        # A point of the compass shortened before a region's name: in full.
        ("S Korea def min N. Korea", "South Korea def min North Korea"),
        ("se asia", "Southeast asia"),
        ('"N Korea" W Korea', '"N Korea" W Korea'),
        ("S Jaishankar Korea", "S Jaishankar Korea"),
        # Two sides set against each other: the sides.
        ("modi mandate vs nawaz sharif", "modi mandate nawaz sharif"),
        ("China versus India", "China India"),
        ("Trump v. Kim", "Trump Kim"),
        ("INDIA VS PAKISTAN", "INDIA PAKISTAN"),
        ('"india vs pakistan" cricket', '"india vs pakistan" cricket'),
        ("Class V students", "Class V students"),  # a capital V is a numeral or initial
        ("VS Naipaul india vs", "VS Naipaul india vs"),
        # A piece told apart from another: the one wanted.
        (
            "not the Ghani visit column, the earlier one on the ICG report",
            "the earlier one on the ICG report",
        ),
        ("Sakhuja on MH370, not the one on China; the IORA one", "Sakhuja on MH370, the IORA one"),
        ("Mishra, Not his 2017 piece, but the 2018 one", "Mishra, the 2018 one"),
        (
            "desperation, not strength, the analyst says",
            "desperation, not strength, the analyst says",
        ),
        ("Japan not the main target", "Japan not the main target"),
        ('"not the one, the other" korea', '"not the one, the other" korea'),
        ("korea NOT the south, the north", "korea NOT the south, the north"),  # an operator
        # Told after the one wanted: to the end after a dash or comma, or "rather than".
        (
            "Modi's three C's in Myanmar - not the Sakhuja piece quoting them, nor his ports one",
            "Modi’s three C’s in Myanmar",
        ),
        ("Mishra on Abe, not the one on Kim", "Mishra on Abe"),
        (
            "the Looking East column rather than the Indo-Pacific one - Naga ceasefire",
            "the Looking East column - Naga ceasefire",
        ),
        ("Japan, not the main target", "Japan, not the main target"),  # no piece named
        ("nuclear doctrine rather than tactics", "nuclear doctrine rather than tactics"),
        # The same told by likeness: the kind of piece is the wanted one's too.
        (
            "like Mishra's piece on Abe's strategy, but the 2018 one on abductions",
            "Mishra’s piece the 2018 one on abductions",
        ),
        (
            "similar to the Red Affairs column about Sukma, but the one on Jharkhand",
            "the Red Affairs column the one on Jharkhand",
        ),
        (
            "Indo-Pacific columns like Modi in Myanmar, but the one on Papua",
            "Indo-Pacific columns the one on Papua",
        ),
        ("looks like rain, but the talks went on", "looks like rain, but the talks went on"),
        ("like Abe, Modi", "like Abe, Modi"),
        # A piece placed by its neighbours in the archive: the neighbours left out.
        (
            "Red Affairs column right after 'Anti-Naxal Operations', on Mazumdar's khatam line",
            "Red Affairs column , on Mazumdar’s khatam line",
        ),
        (
            "Sakhuja column between Mishra's Abe piece (Oct 2017) and his Hwasong-15 one - "
            "coastal shipping",
            "Sakhuja column - coastal shipping",
        ),
        (
            "piece published the day before Hussain's naga column in October 2015 - trilateral",
            "piece - trilateral",
        ),
        (  # by its author's writing it
            "Routray column a few weeks after Chandran wrote on the ICG report, on Sukma",
            "Routray column , on Sukma",
        ),
        ("ties after Modi's landslide win", "ties after Modi’s landslide win"),  # when
        ("Kashmir before and after Article 370", "Kashmir before and after Article 370"),
        (  # the piece read, not a neighbour
            "right after my exams I read an IPCS piece on Mazumdar",
            "right after my exams I read an IPCS piece on Mazumdar",
        ),
        ('the column after "Ports and Promises"', 'the column after "Ports and Promises"'),
        # A piece the reader has already, named first: left out, its author kept.
        (
            "I have Sakhuja's 'Ports and Promises' - where is his next column on Mongla port",
            "Sakhuja’s where is his next column on Mongla port",
        ),
        (
            "read Routray's piece on the Sukma attack, need his later one on vigilantes",
            "Routray’s need his later one on vigilantes",
        ),
        (
            "got the column on Abe, want the other one on abductions",
            "want the other one on abductions",
        ),
        # Nothing else said of the one wanted, no piece named, or not at the start: as typed.
        (
            "have Mishra's column on Abe, want his next one",
            "have Mishra’s column on Abe, want his next one",
        ),
        (
            "have india and pakistan resumed talks, what next",
            "have india and pakistan resumed talks, what next",
        ),
        (
            "read the ICG report, what did Chandran say about it",
            "read the ICG report, what did Chandran say about it",
        ),
        (
            "Chandran: I have his piece on the reset, where is the next",
            "Chandran: I have his piece on the reset, where is the next",
        ),
        # A list in one line: its marks, where no bracket they close was opened.
        ("1) Ghani visit 2) ICG report 3) reset", "Ghani visit ICG report reset"),
        ("a) Nepal b) Madhesi iv) Tharu", "Nepal Madhesi Tharu"),
        ("(korea OR japan) 1) abe", "(korea OR japan) abe"),
        ("(a OR b) korea", "(a OR b) korea"),
        ('"1) x" 2) korea', '"1) x" korea'),
    ],
)
def test_a_list_typed_in_haste_is_read_as_meant(typed: str, read: str) -> None:
    assert plan(SearchQuery(typed)).text == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # All in capitals: AND, OR and NOT are words of it, a long word a word.
        ("WHY IS INDIA NOT JOINING THE QUAD", "WHY IS INDIA not Joining THE QUAD"),
        ("TALIBAN ATTACKS NOT OFFENSIVE", "Taliban Attacks not Offensive"),
        ("CHARU MAJUMDAR LTTE AQIS", "CHARU Majumdar LTTE AQIS"),
        # Too few words, a word in lower case, or brackets that group: as typed.
        ("KOREA NOT SOUTH", "KOREA NOT SOUTH"),
        # Words counted as typed, a hyphen's or an apostrophe's parts one word.
        ("JONG-UN OR ABE'S", "JONG-UN OR ABE’S"),
        ("ＪＯＮＧ-ÚＮ OR ＡＢＥ'Ｓ", "JONG-ÚN OR ABE’S"),
        ("korea russia NOT south", "korea russia NOT south"),
        ("(KOREA OR JAPAN) NOT SOUTH CHINA", "(KOREA OR JAPAN) NOT SOUTH CHINA"),
        ("BIMSTEC summit Kathmandu", "BIMSTEC summit Kathmandu"),
    ],
)
def test_a_query_typed_in_capitals_is_read_as_typed_in_words(typed: str, read: str) -> None:
    assert plan(SearchQuery(typed)).text == read


def test_plain_words_leave_out_fuzzy_and_boost_suffixes() -> None:
    assert plain_words('nucelar~2 korea^3 "north korea"~4 pak~') == [
        "nucelar",
        "korea",
        "north",
        "korea",
        "pak",
    ]


def test_plain_words_leave_out_syntax() -> None:
    assert plain_words('title:korea "Jong-un’s visit" OR nucl* NOT -south') == [
        "Jong-un’s",
        "visit",
        "nucl",
        "south",
    ]


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        # A range typed without a field: its ends are no words to mark or respell.
        ("korea [a TO az]", ["korea"]),
        ("korea {2014 to 2016} talks", ["korea", "talks"]),
        ("korea [TO 2015]", ["korea"]),
        # Brackets holding words, not a range: the words.
        ("[Serious] korea", ["Serious", "korea"]),
        ("{Peace or Catalyst to Conflict}", ["Peace", "or", "Catalyst", "to", "Conflict"]),
    ],
)
def test_plain_words_leave_out_a_range_without_a_field(typed: str, words: list[str]) -> None:
    assert plain_words(typed) == words


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        # A colon with nothing after it is punctuation, as the parser reads it (a word
        # dropped here lost its highlight and its nearness to the others).
        ("Korea: Russia", ["Korea", "Russia"]),
        ("Abe's: abduction", ["Abe’s", "abduction"]),
        ("title: Korea", ["title", "Korea"]),
        ("title:Korea Russia", ["Russia"]),
    ],
)
def test_plain_words_take_a_colon_ending_a_word_for_punctuation(
    typed: str, words: list[str]
) -> None:
    assert plain_words(typed) == words


def test_a_party_typed_with_its_letters_in_brackets_finds_it_either_way(tmp_path) -> None:
    from search_world import library_of

    library = library_of(
        tmp_path,
        {
            9501: ("Kerala Notes", "The CPI-M cadres met in Kerala."),
            9502: ("Hill Notes", "The CPI and the M group met in Kerala."),
            9503: ("Coast Notes", "The CPI(M) cadres met in Kerala."),
        },
    )
    # The pages naming the party have every word; 9502, its letters apart, does not.
    for query in ("CPI(M) Kerala", "CPI-M Kerala", "CPI(M)"):
        result = library.search(SearchQuery(query))
        assert sorted(h.number for h in result.hits if h.matched == "all") == [9501, 9503]
