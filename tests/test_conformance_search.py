"""Search over the real IPCS pages (copied into tmp_path; skipped where they are absent)."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from ipcsreader.archive.search import SearchQuery
from ipcsreader.cli import app
from ipcsreader.library import Library

# What a reader might type, and the article they mean.
QUERIES = {
    "Maoist CRPF attack": 4777,
    "Russia North Korea Kim visit": 4842,
    "search and rescue Chinese capabilities": 4374,
    "Modi Myanmar act east": 4742,
    "Kabul Islamabad relations": 4762,
    "Indonesia West Papua": 4781,
    "Sri Lanka diaspora": 4896,
    "Naga Myanmar New Delhi": 4920,
    "Nepal constitution peace": 4914,
    "Xi Modi China India": 4707,
    "Modi Obama meet": 4770,
    "Karachi maritime terrorism": 4680,
    "Taliban Afghan elections spring offensive": 4489,
    "Durand Line": 4321,
    "Shinzo Abe North Korea": 5378,
    "brain drain Sri Lanka": 4887,
    "India Japan US trilateral": 4917,
    "Bay of Bengal shipping": 5386,
    "Jharkhand Maoists": 5086,
    "Indian Ocean forecast 2016": 4959,
    "Pakistan forecast review": 4830,
    "Kim Jong-un’s visit to Moscow": 4842,
    # A second set, written by another reader of the same pages.
    "Kim Jong-un visit to Moscow": 4842,
    "Russia North Korea old games": 4842,
    "Sri Lanka brain drain": 4887,
    "Jharkhand former Maoists": 5086,
    "IORA search and rescue": 4724,
    "Chinese search and rescue capabilities MH370": 4374,
    "Ghani visit Pakistan reset": 4762,
    "Naga peace NSCN-K Myanmar": 4920,
    "Nepal new constitution Madhesi protests": 4914,
    "Shinzo Abe North Korea strategy": 5378,
    "Japan Russia Kuril islands joint economic activities": 5320,
    "Modi Myanmar Act East": 4742,
    "Taliban spring offensive": 4489,
    "China deep sea submersible Jiaolong": 4286,
    "Karachi PNS Zulfiqar attack": 4680,
    "India Japan US trilateral Indo-Pacific": 4917,
    "Bay of Bengal short sea shipping Chennai Mongla": 5386,
    "Xi Jinping Modi juxtaposing": 4707,
    "Obama Republic Day chief guest": 4770,
    "Indonesia West Papua Melanesian": 4781,
    "Pakistan forecast 2015 review discussion": 4830,
    "Hwasong-15 missile test": 5404,
    "Moon Jae-in Pyongyang Joint Declaration": 5524,
    "Japan abduction issue Abe": 5456,
    "Sukma CRPF killing": 4777,
    "Naxal ideology of violence killings": 4657,
    "India Pakistan relations 2015 looking glass": 4786,
    "diaspora re-engagement Sri Lanka": 4896,
    "Durand Line who is in control": 4321,
    "Crisis Group report Pakistan Afghanistan": 4728,
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    from conftest import SHARED_PAGES

    if not SHARED_PAGES.is_dir():
        pytest.skip(f"real IPCS pages not found at {SHARED_PAGES}")
    folder = tmp_path_factory.mktemp("real")
    corpus = folder / "corpus"
    shutil.copytree(SHARED_PAGES, corpus)
    lib = Library([corpus], folder / "index")
    lib.update()
    return lib


@pytest.mark.parametrize(("query", "number"), QUERIES.items())
def test_the_article_meant_comes_first(library: Library, query: str, number: int) -> None:
    hits = library.search(SearchQuery(query)).hits
    assert hits and hits[0].number == number


def test_no_article_appears_twice(library: Library) -> None:
    for query in ("India", "North Korea", "Maoist", "Pakistan OR China"):
        found = [h.number for h in library.search(SearchQuery(query, limit=None)).hits]
        assert len(found) == len(set(found))


def test_every_article_page_is_indexed_once(library: Library) -> None:
    everything = library.search(SearchQuery("", limit=None))
    assert everything.total == len(library.numbers())
    assert 4842 in library.numbers() and 4781 in library.numbers()


def test_real_spelling_suggestions(library: Library) -> None:
    # A word no page holds, a letter off one they do, is searched as that word.
    for query, typed, spelling, number in (
        ("Sirisna", "Sirisna", "Sirisena", 4845),
        ("Seetharamiah", "Seetharamiah", "Seetharamaiah", 4657),
        ("Isak-Muviah", "Muviah", "Muivah", 4920),  # a hyphenated name's part
    ):
        result = library.search(SearchQuery(query, respell=True))
        assert result.respelt == ((typed, spelling),)
        assert result.hits[0].number == number and result.suggestion is None
    assert library.search(SearchQuery("nucelar", respell=True)).respelt == (("nucelar", "nuclear"),)
    # Two letters off a word of less than eight: offered, not searched.
    assert library.search(SearchQuery("Sirsna", respell=True)).suggestion == "Sirisena"
    # #5456 prints "Taro Kano" for Japan's foreign minister: the pages' spelling.
    assert library.search(SearchQuery("Taro Kono")).suggestion == "Taro Kano"
    # Words the pages hold are no misspellings of commoner ones ("Been", "policy", "That").
    for held in ("Biden Afghanistan withdrawal", "police Jharkhand", "Tharu Madhesi"):
        assert library.search(SearchQuery(held)).suggestion is None, held


def test_the_three_pages_of_4781_make_one_record(library: Library) -> None:
    record = library.record(4781)
    assert len(record.sources) == 3
    result = library.search(SearchQuery("West Papua"))
    assert result.total == 1
    assert [h.number for h in result.hits if h.matched == "all"] == [4781]


def test_a_byline_misprinted_by_a_letter_is_the_same_person(library: Library) -> None:
    # #4680's new-layout page prints "Dr Vijay Sakhhuja" over a Maritime Matters column.
    where = ["--corpus", str(library.corpus_dirs[0]), "--index", str(library.index_dir)]
    result = CliRunner().invoke(app, ["authors", "Sakhuja", *where])
    assert result.exit_code == 0, result.output
    assert "Also printed as: Vijay Sakhhuja" in result.stdout
    assert "#4680" in result.stdout
    # The surname typed among the words finds that byline too, with every word.
    for typed in ("Sakhuja Karachi", 'author:"Vijay Sakhuja" Karachi'):
        hits = library.search(SearchQuery(typed)).hits
        assert 4680 in [h.number for h in hits if h.matched == "all"], typed
