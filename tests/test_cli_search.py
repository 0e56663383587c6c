"""`ipcs index` and `ipcs search` through the command line."""

from __future__ import annotations

import json
import os
import select
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from search_world import FILLER, old_page, write
from test_index import build
from typer.testing import CliRunner

from ipcsreader import paths
from ipcsreader.archive.search import SearchQuery
from ipcsreader.cli import app
from ipcsreader.cli.common import fresh_result
from ipcsreader.errors import QueryError, UsageError
from ipcsreader.library import Library
from ipcsreader.model import Author, Hit, Matched, SearchResult
from ipcsreader.render.search import render_results
from ipcsreader.store import corpus

runner = CliRunner()


@pytest.fixture
def dirs(tmp_path: Path) -> list[str]:
    return ["--corpus", str(build(tmp_path)), "--index", str(tmp_path / "index")]


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_search_builds_the_index_first_and_says_so(dirs: list[str]) -> None:
    result = run("search", "moscow", *dirs, "--color", "never")
    assert result.exit_code == 0, result.output
    assert result.stderr == "Building the search index (6 files)…\n"
    assert "1. #9001 · 2 March 2015 · East Asia Compass" in result.stdout
    assert "Russia and North Korea: Old Games" in result.stdout
    assert "Read one: ipcs read 9001 --highlight moscow" in result.stdout

    again = run("search", "moscow", *dirs)
    assert again.stderr == ""


def test_search_notices_a_stale_index(dirs: list[str]) -> None:
    run("index", *dirs)
    write(Path(dirs[1]), "9005-old.txt", old_page(9005, "Monsoon Diplomacy", [FILLER]))
    result = run("search", "monsoon", *dirs)
    assert result.stderr == "Updating the search index (1 file changed)…\n"
    assert "#9005" in result.stdout


def test_several_words_need_no_quotes(dirs: list[str]) -> None:
    result = run("search", "north", "korea", "--json", *dirs)
    assert [h["number"] for h in json.loads(result.stdout)["hits"]] == [9001, 9003, 9004]


def test_a_query_typed_in_haste_or_in_capitals_finds_what_it_says(dirs: list[str]) -> None:
    hasty = (
        "russia,north korea",
        "RUSSIA KOREA NOT MOSCOW",
        "russia moscow moscow",
        "russia vs kim",
    )
    for query in hasty:
        result = run("search", query, "--json", *dirs)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["hits"][0]["number"] == 9001, query


def test_a_word_cut_short_is_searched_as_the_words_it_starts(dirs: list[str]) -> None:
    result = run("search", "russ moscow", "--json", *dirs)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert [h["number"] for h in answer["hits"]] == [9001]
    assert answer["respelt"] == {"russ": "russ*"}
    shown = run("search", "russ moscow", "--color", "never", *dirs).stdout
    assert shown.startswith('No article says "russ": searched for "russ*" instead.\n')


def test_a_word_searched_by_its_others_is_not_cut_short(dirs: list[str]) -> None:
    write(Path(dirs[1]), "9005-old.txt", old_page(9005, "A Tripartite Meeting", [FILLER]))
    result = run("search", "trip moscow", "--json", *dirs)  # "trip": "visit" (9001's)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["respelt"] == {}
    assert [h["number"] for h in answer["hits"]] == [9001]


def test_a_word_finished_by_its_ending_is_not_cut_short(dirs: list[str]) -> None:
    write(Path(dirs[1]), "9005-old.txt", old_page(9005, "The Election Commissioner", [FILLER]))
    result = run("search", "commission", "--json", *dirs)
    assert result.exit_code == 0, result.output
    # A word a letter off, as before; not "commission*".
    assert json.loads(result.stdout)["respelt"] == {"commission": "commissioner"}


def test_search_json(dirs: list[str]) -> None:
    result = run("search", "moscow", "--json", *dirs)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["total"] == 1
    (hit,) = data["hits"]
    assert {k: hit[k] for k in ("number", "title", "date", "authors", "column")} == {
        "number": 9001,
        "title": "Russia and North Korea: Old Games",
        "date": "2015-03-02",
        "authors": ["Sandip Kumar Mishra"],
        "column": "East Asia Compass",
    }
    assert hit["snippet"].startswith("Kim Jong-un’s visit to Moscow")
    assert hit["score"] > 0


def test_a_short_page_goes_on_with_articles_that_have_some_of_the_words(
    dirs: list[str],
) -> None:
    # Only 9001 names Moscow; 9003 and 9004 name Korea.
    result = run("search", "korea", "moscow", *dirs, "--color", "never")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("1. #9001") < out.index("Articles with some of these words:")
    assert out.index("Articles with some of these words:") < out.index("2. #9004")
    assert "3. #9003" in out
    assert "1 hit with every word in" in out
    data = json.loads(run("search", "korea", "moscow", "--json", *dirs).stdout)
    assert data["total"] == 1 and not data["relaxed"]
    assert [(h["number"], h["matched"]) for h in data["hits"]] == [
        (9001, "all"),
        (9004, "some"),
        (9003, "some"),
    ]
    # A page the hits with every word fill has no tail, and no divider.
    full = run("search", "korea", "moscow", "--limit", "1", *dirs, "--color", "never").stdout
    assert "some of these words" not in full and "1 hit in" in full
    # With no article holding every word, every hit has "some" of them.
    relaxed = json.loads(run("search", "korea", "stall", "--json", *dirs).stdout)
    assert relaxed["relaxed"] and {h["matched"] for h in relaxed["hits"]} == {"some"}
    assert "Articles with some" not in run("search", "korea", "stall", *dirs).stdout


def test_counts_and_exports_keep_to_every_word(dirs: list[str]) -> None:
    trend = run("trend", "korea moscow", "--json", *dirs)
    assert trend.exit_code == 0, trend.output
    assert json.loads(trend.stdout)["total"] == 1
    exported = run("export", "korea moscow", *dirs)
    assert exported.exit_code == 0, exported.output
    assert [json.loads(line)["number"] for line in exported.stdout.splitlines()] == [9001]


def test_options_and_facets(dirs: list[str]) -> None:
    args = ["search", "--author", "sahni", "--sort", "oldest", "--limit", "1", "--page", "2"]
    result = run(*args, "--json", "--facets", *dirs)
    data = json.loads(result.stdout)
    assert [h["number"] for h in data["hits"]] == [9004]
    assert data["total"] == 2
    assert data["facets"] == {
        "column": {"Big Picture": 2},
        "author": {"Varun Sahni": 2},
        "year": {"2014": 2},
    }
    text = run(*args, "--facets", *dirs, "--color", "never").stdout
    assert "2. #9004" in text and "(page 2 of 2)" in text
    assert "Big Picture    2" in text


def test_filters_through_the_cli(dirs: list[str]) -> None:
    def found(*args: str) -> list[int]:
        return [
            h["number"] for h in json.loads(run("search", *args, "--json", *dirs).stdout)["hits"]
        ]

    assert found("--column", "dateline colombo") == [9002]
    assert found("--region", "india", "--sort", "oldest") == [9003, 9004]
    assert found("--year", "2015") == [9001]
    assert found("--since", "2016") == [9002]
    assert found("--until", "2014-01") == [9003]
    assert found("--since", "May 2016") == [9002]  # as the site prints a date
    assert found("--until", "10 January 2014") == [9003]


def test_no_hits_exit_1_with_a_suggestion(dirs: list[str]) -> None:
    # Two letters off a word of six: not searched as Sirisena, but offered.
    result = run("search", "Sirsna", *dirs, "--color", "never")
    assert result.exit_code == 1
    assert result.stdout == "No articles match “Sirsna”.\nDid you mean Sirisena?\n"


def test_a_word_no_article_holds_is_searched_as_its_spelling(dirs: list[str]) -> None:
    result = run("search", "Sirisna", "--limit", "1", *dirs, "--color", "never")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == 'No article says "Sirisna": searched for "Sirisena" instead.'
    assert lines[2].startswith(" 1. #")
    as_json = run("search", "Sirisna", "--json", *dirs)
    assert as_json.exit_code == 0
    found = json.loads(as_json.stdout)
    assert found["respelt"] == {"Sirisna": "Sirisena"} and found["query"] == "Sirisna"
    assert found["total"] >= 1 and found["suggestion"] is None
    # As typed where the archive holds the word: nothing respelt.
    assert json.loads(run("search", "Sirisena", "--json", *dirs).stdout)["respelt"] == {}


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("Nuc1ear", "Nuclear"),  # a "1" for an "l"
        ("Sirisena's n0rth", "north"),  # a "0" for an "o"
        ("NucIear", "Nuclear"),  # a capital "I" for an "l" inside a word
        ("lndia", "india"),  # an "l" for a capital "I" before a consonant
    ],
)
def test_a_word_as_a_scan_misreads_it_is_searched_read_right(
    dirs: list[str], typed: str, searched: str
) -> None:
    found = json.loads(run("search", typed, "--json", *dirs).stdout)
    misread = typed.split()[-1]
    assert found["respelt"] == {misread: searched} and found["total"] >= 1
    shown = run("search", typed, "--limit", "1", *dirs, "--color", "never").stdout
    assert shown.startswith(f'No article says "{misread}": searched for "{searched}" instead.')


@pytest.mark.parametrize("typed", ["Nuclear", "G20", "AIIMS", "Lhasa", "Th0rz"])
def test_no_misread_letter_is_read_where_the_word_is_held_or_reads_as_none(
    dirs: list[str], typed: str
) -> None:
    # Held as typed, a number's digits, capitals typed on purpose, no word read right.
    found = json.loads(run("search", typed, "--json", *dirs).stdout)
    assert found["respelt"] == {}


@pytest.mark.parametrize(
    ("option", "typed", "error", "printed"),
    [
        (
            "--author",
            "Abeyagoonasekara",
            "No author matching 'Abeyagoonasekara'",
            "Abeyagoonasekera",
        ),
        ("--column", "Datline Colombo", "No column matching 'Datline Colombo'", "Dateline Colombo"),
    ],
)
def test_a_misspelt_author_or_column_says_so(
    dirs: list[str], option: str, typed: str, error: str, printed: str
) -> None:
    # Nothing found because nobody (no column) is so named: the error says who is, where
    # "No articles match" would blame the words.
    assert run("index", *dirs).exit_code == 0
    for json_too in ([], ["--json"]):
        result = run("search", "talks", option, typed, *json_too, *dirs, "--color", "never")
        assert result.exit_code == 1, result.output
        assert result.output.startswith(f"Error: {error}; did you mean: "), result.output
        assert printed in result.output and result.output.count("\n") == 1
    # As the pages print it, with no article on the words: nothing found, no error.
    result = run("search", "xylophone", option, printed, *dirs, "--color", "never")
    assert result.exit_code == 1
    assert result.stdout.startswith("No articles match “xylophone”."), result.output


def test_a_misspelt_author_clause_says_so(dirs: list[str]) -> None:
    assert run("index", *dirs).exit_code == 0
    # Three letters off (one, or two in a name this long, would be searched as the
    # byline's spelling).
    for typed in ('talks author:"Asanga Abeyagonasakara"', "talks by:Abeyagonasakara"):
        result = run("search", typed, *dirs, "--color", "never")
        assert result.exit_code == 1, result.output
        assert result.output.startswith("Error: No author matching "), result.output
        assert "did you mean: Asanga Abeyagoonasekera?" in result.output
    # An author left out is no reason nothing was found: the words are.
    for typed in ("xylophone NOT by:Abeyagonasakara", "xylophone -by:Abeyagonasakara"):
        result = run("search", typed, *dirs, "--color", "never")
        assert result.exit_code == 1, result.output
        assert result.stdout.startswith("No articles match"), result.output


def test_a_column_clause_naming_no_column_says_so(dirs: list[str]) -> None:
    assert run("index", *dirs).exit_code == 0
    # Typed joined: no column's name holds the word, and none is a letter off it.
    result = run("search", "talks column:datelinecolombo", *dirs, "--color", "never")
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: No column matching 'datelinecolombo'; did you mean: ")
    assert "Dateline Colombo" in result.output and result.output.count("\n") == 1
    # A column left out is no reason nothing was found: the words are.
    for typed in ("xylophone NOT column:datelinecolombo", "xylophone -column:datelinecolombo"):
        result = run("search", typed, *dirs, "--color", "never")
        assert result.exit_code == 1, result.output
        assert result.stdout.startswith("No articles match"), result.output


def test_no_hits_without_a_suggestion(dirs: list[str]) -> None:
    result = run("search", "xylophone", *dirs, "--color", "never")
    assert result.exit_code == 1
    assert result.stdout.startswith("No articles match “xylophone”.\nTry fewer or other words")
    as_json = run("search", "xylophone", "--json", *dirs)
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout)["total"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["search", "korea date:[2014"],
            "Error: the query has a range ('[' or '{') that is never closed\n",
        ),
        (
            ["search", "year:abc"],
            "Error: 'year:abc': 'abc' is not a year; use year:2015, year:>=2010 or "
            "year:[2010 TO 2015]\n",
        ),
        (["search", "x", "--limit", "0"], "Error: --limit must be at least 1, not 0\n"),
        (["search", "x", "--page", "0"], "Error: --page must be at least 1, not 0\n"),
        (
            ["search", "x", "--since", "soon"],
            "Error: --since 'soon' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD\n",
        ),
        (
            ["search", "x", "--since", "2016", "--until", "2015"],
            "Error: --since 2016 is after --until 2015\n",
        ),
        (["search", "x", "--year", "15"], "Error: --year must be a four-digit year, not 15\n"),
    ],
)
def test_errors_exit_2_with_one_line(dirs: list[str], args: list[str], message: str) -> None:
    run("index", *dirs)
    result = run(*args, *dirs)
    assert result.exit_code == 2
    assert result.stderr == message


def test_a_bad_sort_is_refused_by_the_option_parser(dirs: list[str]) -> None:
    result = run("search", "x", "--sort", "best", *dirs)
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --sort must be relevance, newest or oldest, not 'best' (see ipcs search -h)\n"
    )


def test_a_missing_corpus_folder(tmp_path: Path) -> None:
    result = run("search", "x", "--corpus", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert result.stderr == f"Error: the corpus folder {tmp_path / 'nowhere'} does not exist\n"


def test_index_command_summary_and_failures(dirs: list[str], tmp_path: Path) -> None:
    result = run("index", *dirs)
    assert result.exit_code == 0
    assert result.stdout == (
        f"Rebuilt the index in {tmp_path / 'index'}: "
        "6 added, 0 updated, 0 removed, 0 unchanged, 0 failed.\n"
        f"Pages read from: {Path(dirs[1]).resolve()}\n"
    )
    bad = write(Path(dirs[1]), "junk.txt", "nothing like an IPCS page\n")
    result = run("index", *dirs)
    assert result.exit_code == 1
    assert "1 added" not in result.stdout and "6 unchanged, 1 failed." in result.stdout
    assert result.stderr.startswith(f"failed: {bad.resolve()}: ")

    data = json.loads(run("index", "--json", *dirs).stdout)
    assert (data["unchanged"], data["rebuilt"]) == (6, False)
    assert data["failed"][0]["file"] == str(bad.resolve())

    rebuilt = json.loads(run("index", "--rebuild", "--json", *dirs).stdout)
    assert (rebuilt["added"], rebuilt["rebuilt"]) == (6, True)


def test_environment_variables_choose_corpus_and_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPCS_CORPUS", str(build(tmp_path)))
    monkeypatch.setenv("IPCS_INDEX", str(tmp_path / "elsewhere"))
    assert run("search", "moscow", "--json").exit_code == 0
    assert (tmp_path / "elsewhere" / "catalog.sqlite").is_file()


def _two_folders(tmp_path: Path) -> tuple[Path, Path]:
    """The small corpus, and a second folder holding one more article."""
    extra = tmp_path / "mine"
    write(extra, "9801-old.txt", old_page(9801, "Monsoon Politics in Sikkim", ["Sikkim.", FILLER]))
    return build(tmp_path), extra


def test_several_corpus_folders_are_all_read(tmp_path: Path) -> None:
    """Repeated, --corpus names every folder (the last alone was kept, and an index built
    from it dropped the others' articles)."""
    first, second = _two_folders(tmp_path)
    index = ["--index", str(tmp_path / "index")]
    both = ["--corpus", str(first), "--corpus", str(second), *index]
    for query in ("moscow", "sikkim"):
        found = json.loads(run("search", query, "--json", *both).stdout)
        assert found["total"] == 1, query
    listed = run("index", *both).stdout
    assert f"Pages read from: {first.resolve()}, {second.resolve()}" in listed
    missing = run("search", "sikkim", *both, "--corpus", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2
    assert missing.stderr == f"Error: the corpus folder {tmp_path / 'nowhere'} does not exist\n"


def test_several_corpus_folders_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _two_folders(tmp_path)
    monkeypatch.setenv("IPCS_CORPUS", os.pathsep.join([str(first), str(second)]))
    monkeypatch.setenv("IPCS_INDEX", str(tmp_path / "index"))
    assert Library.open().corpus_dirs == [first, second]
    assert json.loads(run("search", "moscow OR sikkim", "--json").stdout)["total"] == 2


def test_the_library_reads_the_environment_variables_as_the_command_line_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus_dir, index_dir = build(tmp_path), tmp_path / "elsewhere"
    monkeypatch.setenv("IPCS_CORPUS", str(corpus_dir))
    monkeypatch.setenv("IPCS_INDEX", str(index_dir))
    lib = Library.open()
    assert (lib.corpus_dirs, lib.index_dir) == ([corpus_dir], index_dir)
    shown = json.loads(run("search", "moscow", "--json").stdout)["hits"]
    assert [h["number"] for h in shown] == [
        h.number for h in lib.search(SearchQuery("moscow")).hits
    ]
    # Given folders win over the environment, for both.
    other = Library.open(paths.shipped_corpus_dir(), tmp_path / "given")
    assert (other.corpus_dirs, other.index_dir) == (
        [paths.shipped_corpus_dir()],
        tmp_path / "given",
    )
    monkeypatch.setenv("IPCS_CORPUS", "")  # empty: unset, as Click reads it
    monkeypatch.setenv("IPCS_INDEX", "")
    assert Library.open().index_dir == paths.default_index_dir()
    monkeypatch.setenv("IPCS_CORPUS", str(tmp_path / "nowhere"))
    with pytest.raises(UsageError, match="does not exist"):
        Library.open()
    assert run("search", "moscow").stderr.startswith("Error: the corpus folder")


def test_default_corpus_is_the_shipped_one_plus_the_users(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(paths.user_corpus_dir(), "9005-old.txt", old_page(9005, "Monsoon Diplomacy", [FILLER]))
    monkeypatch.chdir(tmp_path)  # any working directory will do
    result = run("search", "North Korea", "--json")
    assert result.exit_code == 0
    assert 4842 in [h["number"] for h in json.loads(result.stdout)["hits"]]
    assert [h["number"] for h in json.loads(run("search", "monsoon", "--json").stdout)["hits"]] == [
        9005
    ]
    assert paths.default_index_dir().joinpath("catalog.sqlite").is_file()


def test_index_help_has_an_example() -> None:
    assert "Example: ipcs index --rebuild" in run("index", "--help").stdout
    assert "date:[2014 to 2016-06]" in run("search", "--help").stdout


def rendered(result: SearchResult) -> str:
    """``result`` as the terminal shows it, 80 columns wide, without colour."""
    console = Console(width=80, color_system=None, record=True)
    console.print(render_results(result))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


def test_render_results_golden() -> None:
    result = SearchResult(
        query="north korea",
        total=12,
        hits=(
            Hit(
                number=4842,
                score=3.5,
                title="Russia and North Korea: [bold]Old[/bold] Games",
                date=None,
                authors=(Author("Sandip Kumar Mishra"),),
                column="East Asia Compass",
                snippet="… visit of North Korea\x1b[31m …",
                highlights=((11, 16), (17, 22)),
            ),
        ),
        seconds=0.0123,
        page=2,
        limit=10,
        suggestion="north korean",
    )
    assert rendered(result) == (
        "11. #4842 · East Asia Compass\n"
        "    Russia and North Korea: [bold]Old[/bold] Games\n"
        "    Sandip Kumar Mishra\n"
        "    … visit of North Korea …\n"
        "\n"
        "12 hits in 0.01 s (page 2 of 2)\n"
        "Did you mean north korean?\n"
        "\n"
        "Read one: ipcs read 4842 --highlight 'north korea'\n"
    )


def test_render_results_with_some_of_the_words_golden() -> None:
    def hit(number: int, title: str, matched: Matched) -> Hit:
        return Hit(number, 1.0, title, None, (), None, "", matched=matched)

    result = SearchResult(
        query="korea moscow",
        total=1,
        hits=(
            hit(9001, "Old Games", "all"),
            hit(9004, "Roads", "some"),
            hit(9003, "Budget", "some"),
        ),
        seconds=0.0123,
    )
    assert rendered(result) == (
        " 1. #9001\n"
        "    Old Games\n"
        "\n"
        "Articles with some of these words:\n"
        "\n"
        " 2. #9004\n"
        "    Roads\n"
        "\n"
        " 3. #9003\n"
        "    Budget\n"
        "\n"
        "1 hit with every word in 0.01 s\n"
        "\n"
        "Read one: ipcs read 9001 --highlight 'korea moscow'\n"
    )


def test_render_results_respelt_golden() -> None:
    result = SearchResult(
        query="Sirisna’s allies",
        total=1,
        hits=(Hit(9002, 1.0, "Nuclear Talks", None, (), None, ""),),
        seconds=0.0123,
        respelt=(("Sirisna", "Sirisena"),),
    )
    assert rendered(result) == (
        'No article says "Sirisna": searched for "Sirisena" instead.\n'
        "\n"
        " 1. #9002\n"
        "    Nuclear Talks\n"
        "\n"
        "1 hit in 0.01 s\n"
        "\n"
        "Read one: ipcs read 9002 --highlight 'Sirisna’s allies'\n"
    )


def _edit_in_place(page: Path, old: str, new: str) -> None:
    """Change a word for another as long: the size stays, only the time tells."""
    assert len(old) == len(new)
    stat = page.stat()
    page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))


def test_search_sees_a_page_edited_in_place(dirs: list[str], checking: str) -> None:
    run("index", *dirs)
    _edit_in_place(Path(dirs[1]) / "9002-old.txt", "Nuclear", "Quantum")
    result = run("search", "quantum", *dirs, "--json")
    assert result.exit_code == 0
    assert result.stderr == "Updating the search index (1 file changed)…\n"
    assert [h["number"] for h in json.loads(result.stdout)["hits"]] == [9002]


def test_a_change_made_while_the_search_runs_is_caught(
    dirs: list[str], monkeypatch: pytest.MonkeyPatch, checking: str
) -> None:
    run("index", *dirs)
    began, searching = os.pipe()  # a byte through it: the search has begun
    searches: list[int] = []
    scan, search, parent = corpus.scan, Library.search, os.getpid()

    def edit_then_search(self: Library, query: SearchQuery) -> SearchResult:
        if not searches:  # the page changes once the search has begun, before it is done
            _edit_in_place(Path(dirs[1]) / "9002-old.txt", "Nuclear", "Quantum")
            os.write(searching, b".")
        result = search(self, query)
        searches.append(result.total)
        return result

    def scan_once_searching(
        folders: list[Path], seen: corpus.Folders | None = None
    ) -> dict[str, corpus.FileStat]:
        if os.getpid() != parent:  # the checking child looks only once the search has begun
            select.select([began], [], [], 30)  # (a check run first would fail the test)
        return scan(folders, seen)

    monkeypatch.setattr(Library, "search", edit_then_search)
    monkeypatch.setattr(corpus, "scan", scan_once_searching)
    try:
        result = run("search", "quantum", *dirs, "--json")
    finally:
        os.close(began)
        os.close(searching)
    assert searches == [0, 1]  # the first search missed it; the second is what is shown
    assert result.exit_code == 0
    assert result.stderr == "Updating the search index (1 file changed)…\n"
    assert [h["number"] for h in json.loads(result.stdout)["hits"]] == [9002]


def test_an_error_from_a_stale_index_is_asked_again_once_updated(dirs: list[str]) -> None:
    run("index", *dirs)
    write(Path(dirs[1]), "9005-old.txt", old_page(9005, "Monsoon Diplomacy", [FILLER]))
    tries: list[int] = []

    def compute(library: Library) -> int:
        tries.append(len(library.numbers()))
        if len(tries) == 1:
            raise QueryError("stale")
        return tries[-1]

    corpus_dir, index_dir = Path(dirs[1]), Path(dirs[3])
    _, numbers = fresh_result(corpus_dir, index_dir, compute)
    assert tries[1] == tries[0] + 1 == numbers  # 9005 is there the second time

    def refuse(_library: Library) -> int:
        raise QueryError("always")

    with pytest.raises(QueryError, match="always"):  # fresh: the error stands
        fresh_result(corpus_dir, index_dir, refuse)


def test_meanwhile_runs_once_while_the_check_finishes(dirs: list[str], checking: str) -> None:
    run("index", *dirs)
    _edit_in_place(Path(dirs[1]) / "9002-old.txt", "Nuclear", "Quantum")
    calls: list[str] = []

    def compute(library: Library) -> int:
        calls.append("compute")
        return library.search(SearchQuery(text="quantum")).total

    _, total = fresh_result(
        Path(dirs[1]), Path(dirs[3]), compute, meanwhile=lambda: calls.append("meanwhile")
    )
    assert (calls, total) == (["compute", "meanwhile", "compute"], 1)


@pytest.mark.parametrize(("position", "width"), [(1, 80), (7, 40), (100, 40), (1234, 30)])
def test_a_hit_is_laid_out_as_a_two_column_grid_would(position: int, width: int) -> None:
    from rich.console import Group
    from rich.table import Table

    from ipcsreader.render.search import render_hit

    hit = Hit(
        number=4842,
        score=1.0,
        title="Russia and North Korea: Replaying Old Games in a Very Long Title Indeed",
        date=None,
        authors=(Author("Sandip Kumar Mishra"), Author("Ruhee Neog")),
        column="East Asia Compass",
        snippet="… a snippet long enough to wrap over several lines of a narrow terminal …",
        highlights=((2, 9),),
    )

    def text(renderable: Any) -> str:
        console = Console(width=width, color_system=None, record=True)
        console.print(renderable)
        return "\n".join(line.rstrip() for line in console.export_text().splitlines())

    ours = render_hit(position, hit)
    content = ours.renderables[0].content  # type: ignore[attr-defined]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True, min_width=3)
    grid.add_column(ratio=1)
    grid.add_row(f"{position}.", content)
    assert text(ours) == text(Group(grid, ""))
    assert text(ours).count("\n") >= 4  # it wrapped, or the test shows little
