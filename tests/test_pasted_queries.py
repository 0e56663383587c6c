"""A query copied from elsewhere (a web page's source, a search address, notes in Markdown,
a file name) asks what its words typed ask: the escapes and marks it carries are no words
of any page, and some of them were errors of the query language."""

from __future__ import annotations

import json

import pytest
from search_world import library_of, searched

from ipcsreader.archive.search import SearchQuery, plan
from ipcsreader.errors import QueryError
from ipcsreader.library import Library


@pytest.mark.parametrize(
    ("pasted", "read"),
    [
        # A web page's character references.
        ("India &amp; Nepal", "India & Nepal"),
        ("Abe&#39;s gambit", "Abe’s gambit"),
        ("&quot;brain drain&quot; Sri Lanka", '"brain drain" Sri Lanka'),
        ("gambit&nbsp;abduction", "gambit abduction"),
        ("Abe&rsquo;s &#x2018;new approach&#x2019;", 'Abe’s "new approach"'),
        ("R&D spending AT&T", "R&D spending AT&T"),  # no semicolon: the query's own
        # An accent typed on purpose is no damage (a page's "í" may stand for "’"; the
        # fixed Hypothesis profile found "Kím" read as "K’m").
        ("ｗ\xadｈａｔ ｄｉｄ Kím Ｊ\xadｏｎｇ-ｕｎ ｓａｙ", "what did Kím Jong-un say"),
        # Encoding damage, repaired as on pages: "â€“" holds a curly quote.
        ("Durand Line: who is in control? â€“ Af-Pak", "Durand Line: who is in control? – Af-Pak"),
        ("Japanâ€™s â€˜New Approachâ€™", 'Japan’s "New Approach"'),
        ("â€œbaggage of the pastâ€ ICG", '"baggage of the past" ICG'),  # its last byte lost
        # A search address's encoding.
        ("north%20korea%20russia", "north korea russia"),
        ("pakistan%27s+afghan+policy+%22baggage%22", 'pakistan’s afghan policy "baggage"'),
        ("north+korea+russia", "north korea russia"),
        ("C%C3%B4te", "Côte"),
        ("korea +russia", "korea +russia"),  # a plus opening a word: the parser's own
        ("5%AB rise", "5%AB rise"),  # no character an address escapes
        # Notes' Markdown: emphasis, links, headings left to the parser, bullets.
        ("**PNS Zulfiqar** hijack _AQIS_", "PNS Zulfiqar hijack AQIS"),
        ("***Quad*** talks", "Quad talks"),
        ("*Indo-Pacific* __policy__", "Indo-Pacific policy"),
        ("[the trilateral](https://ipcs.org/x) China", "the trilateral China"),
        ("* Modi-Obama summit * Khobragade", "Modi-Obama summit Khobragade"),
        ("**bold left open", "bold left open"),
        # A reference manager's BibTeX, notes' square brackets: punctuation.
        (
            "@article{x, title={Nepal's New Constitution}}",
            "@article x, title= Nepal’s New Constitution",
        ),
        ("[Serious] Taliban offensive", "Serious Taliban offensive"),
        # Code a query was copied out of: the words and phrases, not the names and signs.
        ('q="Durand Line control"', 'q "Durand Line control"'),
        ('{"q": "Japan new approach", "site": "ipcs"}', '"Japan new approach", "ipcs"'),
        ("search('brain drain culture')", 'search ("brain drain culture")'),
        # A file's name: its words, without its folders and kind; an article's address
        # is still the article.
        ("~/Downloads/ipcs_kabul_reset.pdf", "ipcs kabul reset"),
        ("C:\\Reading\\Sakhuja-China-deep-sea.docx", "Sakhuja China deep sea"),
        ("ipcs.org/article/pakistan/resetting-kabul-4762.html", "#4762"),
        ("report.pdf on Nepal", "report on Nepal"),
        # A pattern typed with a programmer's habits: its words and alternatives.
        ("naxal(ite)?.*ideology.*violence", "naxal ideology violence"),
        ("NSCN-?K.*myanmar.*(naga|kuki)", "NSCN-K myanmar (naga OR kuki)"),
        ("hwasong.*north korea polic(y|ies)", "hwasong north korea policy"),
        ("west papua|irian jaya.*identity", "west papua OR irian jaya identity"),
        ("India|Pakistan talks", "India OR Pakistan talks"),  # a bar alone: as a web search
        # A search command typed out of habit: what it looks for.
        ('grep -ri "when xi met modi" *', '"when xi met modi"'),
        ('find . -iname "*karachi*" | xargs grep -il "zulfiqar"', '"karachi" "zulfiqar"'),
        ("find articles on korea -china", "korea -china"),  # no command: as typed
        ("find -iname '*karachi*'", '"karachi"'),
        ("locate -i zulfiqar", "zulfiqar"),
        # "find" or "locate" and a quote: a request, its words' minus signs kept.
        ('find "north korea" -russia', '"north korea" -russia'),
        ('locate "frigate attack" -china', '"frigate attack" -china'),
        # ipcs search's options typed into the query: its fields; others left out.
        ("korea --year 2015 --author Mishra --sort date", "korea year:2015 author:Mishra"),
        (
            'brain drain --column "Dateline Colombo" --since 2015',
            'brain drain column:"Dateline Colombo" date:>=2015',
        ),
        ("north korea -- russia", "north korea -- russia"),
        ("korea --corpus ~/ipcs/pages --index idx --json", "korea"),
        # A search address's query string: its words and fields.
        ("?q=short+sea+shipping&author=sakhuja&page=2", "short sea shipping author:sakhuja"),
        ("search?query=nepal%20constitution&sort=date", "nepal constitution"),
        ("articleNo=9101&lang=en", "#9101"),
        ("https://www.ipcs.org/comm_select.php?articleNo=4842", "#4842"),
        # A query in SQL: its conditions as the query's clauses; what it selects, from
        # where and in which order, no words of a page.
        (
            "SELECT * FROM articles WHERE title LIKE '%Korean Peninsula%' ORDER BY date DESC",
            'title:"Korean Peninsula"',
        ),
        (
            "select id, title from articles a where a.author = 'Sandip Kumar Mishra' and "
            "title like '%Abe%North Korea%' and year >= 2017 limit 5;",
            'author:"Sandip Kumar Mishra" title:Abe title:"North Korea" year:>=2017',
        ),
        (
            "SELECT * FROM articles WHERE column_name = 'Maritime Matters' AND body LIKE "
            "'%Jiaolong%' OR content LIKE '%seabed%' AND author NOT LIKE '%Gupta%'",
            'column:"Maritime Matters" body:Jiaolong OR seabed -author:Gupta',
        ),
        ("SELECT * FROM docs WHERE docs MATCH 'north korea'", "north korea"),
        ("select * from docs where year = 2015 and docs match 'korea'", "year:2015 korea"),
        ("SELECT * FROM docs WHERE year = 2015 OR docs MATCH 'korea'", "year:2015 OR korea"),
        ("SELECT * FROM articles WHERE id > 4000", "SELECT FROM articles WHERE id > 4000"),
        ("select the best articles from Japan", "select the best articles from Japan"),
        # A bibliographic database's syntax: its years as the year, its tags and
        # operators of nearness left out, its truncation a prefix.
        (
            'Routray BP[au] AND "Charu Mazumdar"[tiab] AND 2014/11[dp]',
            'Routray BP AND "Charu Mazumdar" AND year:2014',
        ),
        (
            "TS=(IORA NEAR/5 chairmanship) AND PY=2016 AND AU=Sakhuja",
            "(IORA chairmanship) AND year:2016 AND Sakhuja",
        ),
        (
            '(reset$ adj4 afghanistan).ti. and "crisis group".ab. and 2014.yr.',
            '(reset* afghanistan) and "crisis group" and year:2014',
        ),
        (
            "TITLE-ABS-KEY(seabed PRE/2 exploration) AND PUBYEAR IS 2014",
            "(seabed exploration) AND year:2014",
        ),
        ("sukma /s crpf /p maoist! & dantewada", "sukma crpf maoist* & dantewada"),
        ("HWASONG(W)15 AND (Sakhuja WN AU)", "HWASONG 15 AND (Sakhuja )"),
        ("TX (Ashok Leyland N5 Mongla)", "TX (Ashok Leyland Mongla)"),
        ("Modi wins! Sharif waits", "Modi wins* Sharif waits"),
        ("G20 W5 summit N2 talks", "G20 summit talks"),
        # Words in single quotes: a phrase; an apostrophe opens none.
        ("'North Korea' Russia", '"North Korea" Russia'),
        (
            "the Maoists' ideology, Abe's 'New Approach'",
            'the Maoists\' ideology, Abe’s "New Approach"',
        ),
        # Guillemets round words are quotes; one standing alone, a breadcrumb's separator.
        (
            "Home » Columns » Maritime Matters » Deep Sea Forays",
            "Home Columns Maritime Matters Deep Sea Forays",
        ),
        ("brain drain Read more »", "brain drain Read more"),
        ("« la paix » Japan »New Approach«", '"la paix" Japan "New Approach"'),
        # Names written as code, and a blank left for a word.
        ("north_korea nuclear_test", "north korea nuclear test"),
        ("India's ____ policy towards Nepal", "India’s policy towards Nepal"),
        (
            "Maritime terrorism: [blank] as a staging point [...]",
            "Maritime terrorism: as a staging point",
        ),
        ("comm_select.php?articleNo=4842", "#4842"),  # an address keeps its own
        # The query language's own marks stay.
        ("nucl* korea", "nucl* korea"),
        ("korea -russia", "korea -russia"),
        ('"north korea" title:russia', '"north korea" title:russia'),
        (
            "number:[4000 TO 4100] [4000 TO 4100] date:{2014 TO 2016}",
            "number:[4000 TO 4100] [4000 TO 4100] date:{2014 TO 2016}",
        ),
    ],
)
def test_what_a_pasted_query_carries_is_read_as_its_words(pasted: str, read: str) -> None:
    assert " ".join(plan(SearchQuery(pasted)).text.split()) == read


def test_a_wildcard_opening_a_word_is_still_refused() -> None:
    with pytest.raises(QueryError, match="cannot start with"):
        plan(SearchQuery("*ism korea"))


ABOUT = "The trilateral worries China. The trilateral met in New York; China's envoy watched."


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    pages = {8921: ("Three Partners", ABOUT), 8922: ("Tea Notes", "Tea prices rose in China.")}
    return library_of(tmp_path_factory.mktemp("pasted"), pages, other="Tea prices rose.", padding=6)


@pytest.mark.parametrize(
    "query",
    [
        "trilateral &amp; China&#39;s envoy",
        "trilateral%20China%27s%20envoy",
        "trilateral+china",
        "**trilateral** _China_",
        "* trilateral * China",
        "trilateral_china",
        "SELECT title FROM articles WHERE body LIKE '%trilateral%' AND body LIKE '%China%'",
    ],
)
def test_the_page_is_found(library: Library, query: str) -> None:
    # Pages holding only some of the words follow; none holds them all but the one.
    hits = library.search(SearchQuery(query)).hits
    assert [hit.number for hit in hits if hit.matched == "all"] == [8921]


def test_through_the_command_line(library: Library) -> None:
    data = json.loads(searched(library, "**trilateral** &amp; China", "--json"))
    assert data["hits"][0]["number"] == 8921
    assert data["hits"][0]["matched"] == "all"


def test_leaving_out_a_letter_a_function_word_or_a_word_no_page_holds_is_no_exclusion(
    library: Library,
) -> None:
    # "-a" of a command line's flag, "NOT the", "-zzyzx": none leaves out what was meant;
    # leaving out a word some page holds still leaves those pages out.
    for query in ("trilateral China -a", "trilateral China NOT the", "trilateral -zzyzx China"):
        hits = library.search(SearchQuery(query)).hits
        assert [hit.number for hit in hits if hit.matched == "all"] == [8921], query
    assert library.search(SearchQuery("trilateral China -envoy")).hits == ()


def test_a_pasted_paragraph_is_searched(library: Library) -> None:
    paragraph = " ".join([ABOUT] * 8)  # 112 words: more than a query could hold before
    assert len(paragraph.split()) > 100
    assert library.search(SearchQuery(paragraph)).hits[0].number == 8921
