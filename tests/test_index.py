"""The index through the library: analysis, ranking, freshness, snippets, spelling."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from search_world import FILLER, column_listing, library_of, new_page, old_page, write

from ipcsreader.archive.search import SearchQuery
from ipcsreader.errors import IndexUnavailableError, NotFoundError, QueryError
from ipcsreader.library import Library
from ipcsreader.store.fields import fast_analysers
from ipcsreader.store.querying import whole_words

KIM = (
    "Kim Jong-un’s visit to Moscow for the celebrations was finalised in November. "
    "Russia wants a role in East Asia again, vis-à-vis China and the United States."
)


def build(folder: Path) -> Path:
    """A small corpus: one article in two layouts, a listing, and articles to rank."""
    corpus = folder / "corpus"
    write(
        corpus, "9001-old.txt", old_page(9001, "Russia and North Korea: Old Games", [KIM, FILLER])
    )
    write(
        corpus,
        "9001-new.txt",
        new_page(9001, "Russia and North Korea: Old Games", [KIM], teaser="An old game replayed"),
    )
    write(
        corpus,
        "9002-old.txt",
        old_page(
            9002,
            "Nuclear Talks Stall Again",
            [
                "The nuclear talks stalled once more. " + FILLER,
                "Left-wing parties opposed the deal; Sirisena's allies stayed silent.",
            ],
            date=dt.date(2016, 5, 4),
            column="Dateline Colombo",
            author="Asanga Abeyagoonasekera",
            region="South Asia",
        ),
    )
    # Mentions North Korea once, deep in the body.
    write(
        corpus,
        "9003-old.txt",
        old_page(
            9003,
            "Budget Season in Delhi",
            [FILLER, FILLER, "A visitor from North Korea watched the debate. " + FILLER],
            date=dt.date(2014, 1, 10),
            column="Big Picture",
            author="Varun Sahni",
            region="India",
        ),
    )
    # The words of a phrase, far apart.
    write(
        corpus,
        "9004-old.txt",
        old_page(
            9004,
            "Coastal Roads",
            [
                "The north of the state built roads. " + FILLER,
                FILLER,
                "Korea sent engineers to the Clarion\u2013Clipperton zone\u2014dredgers too.",
            ],
            date=dt.date(2014, 6, 1),
            column="Big Picture",
            author="Varun Sahni",
            region="India",
        ),
    )
    write(
        corpus,
        "red-affairs-other.txt",
        column_listing(
            "Red Affairs",
            "Bibhu Prasad Routray",
            [("Return of the Native", dt.date(2014, 12, 15), 9090, "A former cadre walks home")],
        ),
    )
    return corpus


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    folder = tmp_path_factory.mktemp("lib")
    lib = Library([build(folder)], folder / "index")
    lib.update()
    return lib


def numbers(lib: Library, text: str, **options: object) -> list[int]:
    return [h.number for h in lib.search(SearchQuery(text, **options)).hits]  # type: ignore[arg-type]


# Analysis.


@pytest.mark.parametrize(
    "query",
    ["Jong-un's", "Jong-un’s", "jong-un", "JONG-UN", "jongun", "vis-a-vis", "vis-à-vis", "visits"],
)
def test_words_are_found_in_every_spelling(library: Library, query: str) -> None:
    assert numbers(library, query) == [9001]


@pytest.mark.parametrize("query", ["left wing", "left-wing", "leftwing", '"left wing"'])
def test_hyphenated_words_are_found_whole_and_by_parts(library: Library, query: str) -> None:
    assert numbers(library, query) == [9002]


@pytest.mark.parametrize(
    "query",
    ["ClarionClipperton", "clarion-clipperton", "Clarion\u2013Clipperton", "Clarion Clipperton"],
)
def test_a_page_joining_words_with_an_en_dash_is_found_as_hyphenated(
    library: Library, query: str
) -> None:
    assert numbers(library, query) == [9004]


def test_an_em_dash_between_words_is_punctuation(library: Library) -> None:
    assert numbers(library, '"zone dredgers"') == [9004]
    assert numbers(library, "zonedredgers") == []


@pytest.mark.parametrize(
    ("query", "found"),
    [
        # No page has the compound, nor its parts side by side: its parts anywhere.
        ("Stall-Nuclear", [9002]),
        ("Sirisena/talks", [9002]),
        ("wing-left parties", [9002]),
        ("stall-xylophone", []),  # every part, still
    ],
)
def test_a_compound_no_page_has_is_searched_by_its_parts(
    library: Library, query: str, found: list[int]
) -> None:
    assert sorted(numbers(library, query)) == found
    assert sorted(library.found_numbers(SearchQuery(query)).numbers) == found


# Words joined by a slash are joined as by a hyphen.
@pytest.mark.parametrize("query", ["north-korea", "North-Korea's", "North/Korea"])
def test_words_joined_by_a_hyphen_are_found_apart_after_the_compound(
    library: Library, query: str
) -> None:
    # 9001 and 9003 print "North Korea" side by side; 9004 has "north" and "Korea" apart, as
    # a page may write "Russia and North Korea" for a reader's "Russia-North Korea".
    assert numbers(library, query) == [9001, 9003, 9004]
    assert library.search(SearchQuery(query)).total == 3


@pytest.mark.parametrize(
    ("compound", "also"),
    [
        ("Russia-North", "apart"),
        ("India-Pakistan's", "apart"),
        # A country's initials, a name of two letters, in any case.
        ("US-DPRK", "apart"),
        ("us-dprk", "apart"),
        ("India-UK", "apart"),
        ("Xi-Modi", "apart"),
        # A name's syllables, a short prefix: whole, or its parts side by side, only.
        ("Jong-un", None),
        ("Jong-UN", None),
        ("Af-Pak", None),
        # A prefix that is no word of its own: the word it is joined to, alone.
        ("anti-China", "China^"),
        ("counter-terrorism", "terrorism^"),
        ("Non-State", "State^"),
        ("inter-Korean's", "Korean^"),
        ("anti-EU", None),  # too short to stand for the compound
    ],
)
def test_which_hyphenated_words_are_also_searched_apart(compound: str, also: str | None) -> None:
    searched = whole_words(compound)
    parts = " ".join(compound.removesuffix("'s").split("-"))
    assert (f"({parts})^" in searched) is (also == "apart")
    alone = re.findall(r"OR \((\w+\^)", searched)
    assert alone == ([also] if also not in (None, "apart") else [])


def test_a_prefixed_word_finds_the_word_it_is_joined_to_after_itself(tmp_path: Path) -> None:
    said = {
        9241: "The inter-Korean summit was held.",
        9242: "The Korean summit was held.",
        9243: "The summit was held in Geneva.",
    }
    lib = library_of(tmp_path, {n: ("Notes", text) for n, text in said.items()})
    # "inter-Korean" on one page only left the page saying "Korean" with the others.
    found = lib.search(SearchQuery("inter-Korean summit")).hits
    assert [(h.number, h.matched) for h in found][:2] == [(9241, "all"), (9242, "all")]


def test_a_hyphenated_name_is_found_with_some_hyphens_dropped(tmp_path: Path) -> None:
    spellings = {9201: "Tahirul Qadri", 9202: "Tahir ulQadri", 9203: "Tahir-ul-Qadri"}
    for number, name in spellings.items():
        text = f"{name} led the protest. " + FILLER
        write(tmp_path / "corpus", f"{number}-old.txt", old_page(number, "Protest", [text]))
    # The same syllables in another order, and the last one alone, are not the name.
    for number, text in ((9204, "Ul Tahir met Qadri."), (9205, "Qadri led the protest.")):
        write(tmp_path / "corpus", f"{number}-old.txt", old_page(number, "Protest", [text]))
    lib = Library([tmp_path / "corpus"], tmp_path / "index")
    lib.update()
    for query in ("Tahir-ul-Qadri protest", "tahir-ul-qadri's"):
        found = lib.search(SearchQuery(query))
        assert found.total == 3
        assert sorted(h.number for h in found.hits if h.matched == "all") == [9201, 9202, 9203]
    # A name of two syllables has no part spellings: its parts apart or joined, as before.
    assert whole_words("Jong-un") == '(Jongun OR ("Jong un" ANDNOT Jongun))'


def test_a_wildcard_on_a_hyphenated_word_reaches_the_word(tmp_path: Path) -> None:
    said = {
        9221: "New counter-strategies are needed.",
        9222: "A counterstrategy was drafted.",
        9223: "A counter move, with no strategy.",
        9224: "Kim Jong-un spoke.",
    }
    lib = library_of(tmp_path, {n: ("Notes", text) for n, text in said.items()})
    # Whoosh made a phrase of the parts and dropped the wildcard: nothing was found.
    for query, found in {
        "counter-strateg*": [9221, 9222],
        "Counter-Strat*": [9221, 9222],
        "jong-u*": [9224],
    }.items():
        assert sorted(h.number for h in lib.search(SearchQuery(query)).hits) == found, query


def test_a_name_printed_with_hyphens_is_found_with_some_run_together(tmp_path: Path) -> None:
    text = "The march of Tahir-ul-Qadri ended. " + FILLER
    write(tmp_path / "corpus", "9211-old.txt", old_page(9211, "Protest", [text]))
    write(tmp_path / "corpus", "9212-old.txt", old_page(9212, "Other", [FILLER]))
    lib = Library([tmp_path / "corpus"], tmp_path / "index")
    lib.update()
    marked = {
        "Tahirul Qadri": ["Tahir-ul", "Qadri"],
        '"Tahir ulQadri"': ["Tahir", "ul-Qadri"],
        '"march of Tahirul Qadri ended"': ["march", "Tahir-ul", "Qadri", "ended"],
    }
    for query, spans in marked.items():
        first, *_ = found = lib.search(SearchQuery(query)).hits
        assert [h.number for h in found if h.matched == "all"] == [9211], query
        assert [first.snippet[a:b] for a, b in first.highlights][: len(spans)] == spans
    # Each run of syllables stands beside the syllables it adjoins; none inside a name.
    assert dict(fast_analysers()["author"]("Tahir-ul-Qadri")) == {
        "tahir": [0],
        "ul": [1],
        "qadri": [2],
        "tahirulqadri": [0],
        "tahirul": [1],
        "ulqadri": [1],
    }
    runs = {
        t for t, at in fast_analysers()["author"]("Ahl-e-Sunnat-wal-Jamaat").items() if at != [0]
    }
    assert runs == {
        "e",
        "sunnat",
        "wal",
        "jamaat",  # the syllables
        "ahle",
        "ahlesunnat",
        "ahlesunnatwal",  # runs from the first
        "esunnatwaljamaat",
        "sunnatwaljamaat",
        "waljamaat",  # runs to the last
    }


@pytest.mark.parametrize("query", ["author:asanga", "author:abeyagoonasekera", "Abeyagoonasekera"])
def test_authors_are_found_by_any_part_of_the_name(library: Library, query: str) -> None:
    assert numbers(library, query) == [9002]


def test_number_and_year_and_date_fields(library: Library) -> None:
    assert numbers(library, "number:9002") == [9002]
    assert numbers(library, "year:2016") == [9002]
    assert numbers(library, "date:[2014 to 2014]", sort="oldest") == [9003, 9004, 9090]


def test_query_language(library: Library) -> None:
    assert sorted(numbers(library, "nuclear OR moscow")) == [9001, 9002]
    assert numbers(library, "roads NOT nuclear", sort="oldest") == [9003, 9004, 9001]
    assert numbers(library, "roads -nuclear", sort="oldest") == [9003, 9004, 9001]
    assert numbers(library, "title:nuclear") == [9002]
    assert numbers(library, 'column:"dateline colombo"') == [9002]
    assert numbers(library, "region:china") == [9001]
    assert numbers(library, "nucl*") == [9002]
    assert numbers(library, "nucelar~2") == [9002]


def test_a_year_that_is_no_number(library: Library) -> None:
    with pytest.raises(QueryError, match="'nineteen' is not a year"):
        library.search(SearchQuery("year:nineteen"))


# Ranking.


def test_the_old_and_new_page_of_one_article_give_one_hit(library: Library) -> None:
    result = library.search(SearchQuery("Russia"))
    assert [h.number for h in result.hits] == [9001]
    assert result.total == 1


def test_a_title_match_outranks_a_passing_mention(library: Library) -> None:
    assert numbers(library, "north korea")[0] == 9001


def test_a_phrase_outranks_its_words_far_apart(library: Library) -> None:
    # 9003 has "North Korea" once; 9004 has "north" and "Korea" paragraphs apart.
    assert numbers(library, "north korea") == [9001, 9003, 9004]
    assert numbers(library, '"north korea"') == [9001, 9003]


def test_no_article_has_all_words_falls_back_to_any(library: Library) -> None:
    result = library.search(SearchQuery("nuclear budget zebra"))
    assert result.relaxed
    assert [h.number for h in result.hits][:1] == [9002]


# Records and listings.


def test_a_listing_only_article_is_indexed_and_marked(library: Library) -> None:
    (hit,) = library.search(SearchQuery("native")).hits
    assert (hit.number, hit.listing_only, hit.snippet) == (9090, True, "A former cadre walks home")
    assert library.record(9090).listing_only


def test_record_rereads_paragraphs_from_the_corpus(library: Library) -> None:
    record = library.record(9001)
    assert record.paragraphs == (KIM, FILLER)
    assert record.teaser == "An old game replayed"
    assert len(record.sources) == 2
    headline = {r.number: r for r in library.records()}[9001]
    assert headline.blocks == () and headline.title == record.title


def test_an_unknown_number_names_its_neighbours(library: Library) -> None:
    with pytest.raises(
        NotFoundError, match=r"^No article 9050 in the corpus; nearest: 9004, 9090$"
    ):
        library.record(9050)


def test_numbers_and_pages(library: Library) -> None:
    assert library.numbers() == [9001, 9002, 9003, 9004, 9090]
    assert len(library.pages()) == 6
    assert all(not getattr(p, "blocks", ()) for p in library.pages())


# Snippets, filters, sorting, facets, suggestions.


def test_snippets_highlight_the_matched_words(library: Library) -> None:
    (hit,) = library.search(SearchQuery("moscow")).hits
    # Russia too: Moscow's country, also searched (store/synonyms.py).
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["Moscow", "Russia"]
    assert hit.snippet.startswith("Kim Jong-un’s visit to Moscow")


def test_a_snippet_finds_the_match_past_look_alike_words(tmp_path: Path) -> None:
    # "Northern" looks like "north" but is another word; the real match comes much later.
    late = "A delegation from North Korea arrived."
    paragraphs = ["Northern roads were closed. " + FILLER, *[FILLER] * 10, late]
    write(tmp_path / "corpus", "9100-old.txt", old_page(9100, "Roads", paragraphs))
    lib = Library([tmp_path / "corpus"], tmp_path / "index")
    lib.update()
    (hit,) = lib.search(SearchQuery('"north korea"')).hits
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["North", "Korea"]
    assert hit.snippet.startswith("… ") and "delegation from North Korea arrived" in hit.snippet


def test_a_title_only_match_shows_the_teaser(library: Library) -> None:
    (hit,) = library.search(SearchQuery("title:games")).hits
    assert hit.snippet == "An old game replayed"


def test_filters(library: Library) -> None:
    assert numbers(library, "", author="sahni", sort="oldest") == [9003, 9004]
    assert numbers(library, "", column="big picture", since="2014-02") == [9004]
    assert numbers(library, "", region="south asia") == [9002]
    assert numbers(library, "", year=2015) == [9001]
    assert numbers(library, "", until="2014-01-10") == [9003]
    assert numbers(library, "", since="2014-12-15", until="2014-12") == [9090]


def test_sorting_and_paging(library: Library) -> None:
    assert numbers(library, "") == [9002, 9001, 9090, 9004, 9003]
    assert numbers(library, "", sort="oldest", limit=2, page=2) == [9090, 9001]
    result = library.search(SearchQuery("", limit=None))
    assert (result.total, len(result.hits)) == (5, 5)


def test_facets_count_all_hits(library: Library) -> None:
    result = library.search(SearchQuery("", limit=1, facets=("column", "author", "year", "month")))
    assert len(result.hits) == 1
    assert result.facets["column"] == (
        ("Big Picture", 2),
        ("Dateline Colombo", 1),
        ("East Asia Compass", 1),
        ("Red Affairs", 1),
    )
    assert result.facets["author"][0] == ("Varun Sahni", 2)
    assert result.facets["year"] == (("2016", 1), ("2015", 1), ("2014", 3))
    assert result.facets["month"][0] == ("2016-05", 1)


@pytest.mark.parametrize(
    ("query", "respelt", "number"),
    [
        ("Sirisna", {"Sirisna": "Sirisena"}, 9002),
        ("Sirisna's allies", {"Sirisna": "Sirisena"}, 9002),  # a possessive's word
        ("nucelar talks", {"nucelar": "nuclear"}, 9002),  # two letters swapped: one edit
        ("moscw Kim", {"moscw": "moscow"}, 9001),
        ("Abeyagoonaskera", {"Abeyagoonaskera": "Abeyagoonasekera"}, 9002),  # in a byline
        # Two edits in a word of ten letters or more: a long name spelt as it is said.
        ("Abeyagunasekera", {"Abeyagunasekera": "Abeyagoonasekera"}, 9002),
        ("Nuclear talsk' stall", {"talsk": "talks"}, 9002),  # a plural's apostrophe
        ("Nuclear-talsk", {"talsk": "talks"}, 9002),  # a compound's part
        # A name field's clause: a byline's word, a column's.
        ('talks author:"Asanga Abeyagoonaskera"', {"Abeyagoonaskera": "Abeyagoonasekera"}, 9002),
        ("talks by:Abeyagoonaskera", {"Abeyagoonaskera": "Abeyagoonasekera"}, 9002),
        ('talks column:"Dateline Colmbo"', {"Colmbo": "Colombo"}, 9002),
        # A word cut short: the words it starts, not a word a letter off.
        ("Siri", {"Siri": "Siri*"}, 9002),
        ("Sirisen nuclear", {"Sirisen": "Sirisen*"}, 9002),
    ],
)
def test_a_word_no_article_holds_is_searched_as_its_spelling(
    library: Library, query: str, respelt: dict[str, str], number: int
) -> None:
    result = library.search(SearchQuery(query, respell=True))
    assert dict(result.respelt) == respelt
    assert result.suggestion is None
    assert [h.number for h in result.hits] == [number] and not result.relaxed
    # The words to mark in the article are those searched.
    assert library.also_read(query).respelt == tuple(respelt.items())


@pytest.mark.parametrize(
    "query",
    [
        '"nucelar talks"',  # a phrase is searched as typed
        "title:Sirisna",  # so is a field's word
        "Sirisna*",  # and a prefix, a fuzzy word, a boost
        "Sirisna~1",
        "Sir",  # three letters: too short to tell what it starts
        "Abeya goonasekera",  # a name spaced otherwise (Abeyagoonasekera), not cut short
        "SIRISNA",  # an acronym is typed on purpose
        "Sirsna",  # two edits
        "Syrisenna",  # two edits in a word of nine letters
        "xylophone",  # nothing near
        "nuclear",  # the archive holds it
    ],
)
def test_respelling_leaves_alone(library: Library, query: str) -> None:
    assert library.search(SearchQuery(query, respell=True)).respelt == ()


def test_exports_and_followed_searches_keep_to_the_words_as_typed(library: Library) -> None:
    # Only a search that says so (ipcs search, ipcs ui: respell) searches a spelling.
    assert library.found_numbers(SearchQuery("Sirisna")).numbers == []
    result = library.search(SearchQuery("Sirisna"))
    assert (result.total, result.respelt, result.suggestion) == (0, (), "Sirisena")


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [('"nucelar talks"', '"nuclear talks"'), ("Sirsna", "Sirisena"), ("SIRISNA", "Sirisena")],
)
def test_did_you_mean(library: Library, query: str, suggestion: str) -> None:
    # Where a word is left as typed, the likeliest spelling is offered instead.
    assert library.search(SearchQuery(query, respell=True)).suggestion == suggestion


def test_no_suggestion_for_words_the_corpus_has(library: Library) -> None:
    assert library.search(SearchQuery("nuclear")).suggestion is None


def test_more_like(library: Library) -> None:
    assert 9001 not in [h.number for h in library.more_like(9001)]


# Freshness.


def test_incremental_update_add_change_delete_and_touch(tmp_path: Path) -> None:
    corpus = build(tmp_path)
    lib = Library([corpus], tmp_path / "index")
    assert lib.status().state == "missing"
    first = lib.update()
    assert (first.added, first.rebuilt, first.failed) == (6, True, [])
    assert lib.status().state == "fresh"

    write(corpus, "9005-old.txt", old_page(9005, "Monsoon Diplomacy", [FILLER]))
    write(corpus, "9002-old.txt", old_page(9002, "Fisheries Dispute", [FILLER]))
    (corpus / "9003-old.txt").unlink()
    touched = corpus / "9004-old.txt"
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    assert lib.status().state == "stale" and lib.status().changed == 4

    summary = lib.update()
    assert (summary.added, summary.updated, summary.removed, summary.unchanged) == (1, 1, 1, 4)
    assert not summary.rebuilt
    assert numbers(lib, "monsoon") == [9005]
    assert numbers(lib, "fisheries") == [9002]
    assert numbers(lib, "nuclear") == []
    assert numbers(lib, "budget", sort="oldest") == [9004, 9001, 9002, 9005]  # 9003 is gone
    assert lib.status().state == "fresh"  # the touched file's new time was remembered

    again = lib.update()
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 6)


def test_removing_one_layout_keeps_the_other(tmp_path: Path) -> None:
    corpus = build(tmp_path)
    lib = Library([corpus], tmp_path / "index")
    lib.update()
    (corpus / "9001-old.txt").unlink()
    lib.update()
    (hit,) = lib.search(SearchQuery("russia")).hits
    assert hit.number == 9001
    assert len(lib.record(9001).sources) == 1


def test_a_file_the_parser_rejects_fails_alone(tmp_path: Path) -> None:
    corpus = build(tmp_path)
    bad = write(corpus, "junk.txt", "nothing like an IPCS page\n")
    lib = Library([corpus], tmp_path / "index")
    summary = lib.update()
    assert summary.added == 6
    assert [f for f, _ in summary.failed] == [str(bad.resolve())]
    assert lib.status().state == "fresh"
    assert lib.update().failed == summary.failed  # still reported, not re-read


def test_rebuild_starts_over(tmp_path: Path) -> None:
    lib = Library([build(tmp_path)], tmp_path / "index")
    lib.update()
    summary = lib.update(rebuild=True)
    assert (summary.added, summary.unchanged, summary.rebuilt) == (6, 0, True)
    assert numbers(lib, "moscow") == [9001]


def test_progress_is_reported(tmp_path: Path) -> None:
    lib = Library([build(tmp_path)], tmp_path / "index")
    seen: list[tuple[int, int, str]] = []
    lib.update(progress=lambda done, total, counted: seen.append((done, total, counted)))
    read = [s for s in seen if s[2] == "pages read"]
    indexed = [s for s in seen if s[2] == "articles indexed"]
    assert seen == read + indexed
    assert read[0] == (0, 6, "pages read") and read[-1] == (6, 6, "pages read")
    assert indexed[-1] == (5, 5, "articles indexed")


def test_searching_without_an_index(tmp_path: Path) -> None:
    lib = Library([build(tmp_path)], tmp_path / "index")
    with pytest.raises(IndexUnavailableError, match="there is no index yet; run: ipcs index"):
        lib.search(SearchQuery("x"))


def test_an_update_that_finds_most_files_changed_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ipcsreader import update

    monkeypatch.setattr(update, "_REBUILD_FROM", 3)
    corpus = tmp_path / "corpus"
    write(corpus, "9101-old.txt", old_page(9101, "Water Talks", [FILLER]))
    write(corpus, "9102-old.txt", old_page(9102, "River Talks", [FILLER]))
    lib = Library([corpus], tmp_path / "index")
    assert lib.update().rebuilt
    write(corpus, "9103-old.txt", old_page(9103, "Dam Talks", [FILLER]))
    summary = lib.update()  # one file in three: updated in place
    assert (summary.rebuilt, summary.added, summary.unchanged) == (False, 1, 2)
    for n in (9104, 9105, 9106):
        write(corpus, f"{n}-old.txt", old_page(n, f"Canal Talks {n}", [FILLER]))
    summary = lib.update()  # three in six: written anew
    assert (summary.rebuilt, summary.added) == (True, 6)
    result = lib.search(SearchQuery("talks", limit=None))
    assert sorted(h.number for h in result.hits) == [9101, 9102, 9103, 9104, 9105, 9106]


@pytest.mark.parametrize(
    "options",
    [
        {"text": "Russia"},
        {"text": "nuclear budget zebra"},  # relaxed to any of the words
        {"text": ""},
        {"text": "Korea", "sort": "oldest"},
        {"text": "Russia", "limit": 1, "page": 2},
        {"text": "zzzunfound"},
    ],
)
def test_found_numbers_are_the_hits_numbers(library: Library, options: dict) -> None:
    """``ipcs export``'s search, without the stored fields: the same articles, same order."""
    query = SearchQuery(**{"limit": None, "highlight": False, **options})
    assert library.found_numbers(query).numbers == [h.number for h in library.search(query).hits]
