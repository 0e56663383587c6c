"""Fielded values in a query, through `ipcs search`: every one answers or gives one line of
`Error: …` with exit code 2, never a traceback (dates, years, numbers, names, unknown fields)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_index import build
from typer.testing import CliRunner

from ipcsreader.cli import app

runner = CliRunner()
# The small corpus's articles by date: 9003 2014-01-10, 9004 2014-06-01, 9090 2014-12-15,
# 9001 2015-03-02, 9002 2016-05-04.


@pytest.fixture(scope="module")
def dirs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("values")
    found = ["--corpus", str(build(folder)), "--index", str(folder / "index")]
    assert runner.invoke(app, ["index", *found]).exit_code == 0
    return found


def search(dirs: list[str], query: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["search", query, "--json", "--sort", "oldest", *dirs])


def numbers(dirs: list[str], query: str) -> list[int]:
    result = search(dirs, query)
    assert result.exit_code in (0, 1), result.output
    return [h["number"] for h in json.loads(result.stdout)["hits"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:>2014", [9001, 9002]),
        ("date:>=2015", [9001, 9002]),
        ("date:<2015", [9003, 9004, 9090]),
        ("date:<=2015-06", [9003, 9004, 9090, 9001]),
        ("date:<2014-06-01", [9003]),
        ("date:=>2016", [9002]),
        ("date:2015-03", [9001]),
        ('date:"2015"', [9001]),
        ("date:[2014-06 to 2015]", [9004, 9090, 9001]),
        ("date:{2014 TO 2016}", [9001]),
        ("date:[2015 TO]", [9001, 9002]),
        ("date:[TO 2014-01]", [9003]),
        ("date:٢٠١٥", [9001]),
        ("year:>=2015", [9001, 9002]),
        ("year:>2014", [9001, 9002]),
        ("year:<=2014", [9003, 9004, 9090]),
        ("year:[2014 TO 2015}", [9003, 9004, 9090]),
        ("year:2015 OR year:2016", [9001, 9002]),
        # A span as written outside the query language: dots, a dash, a hyphen.
        ("year:2015..2016", [9001, 9002]),
        ("year:2015-2016", [9001, 9002]),
        ("year:2014-15", [9003, 9004, 9090, 9001]),
        ("year:2015–2016", [9001, 9002]),
        ("year:2015...", [9001, 9002]),
        ("year:..2014", [9003, 9004, 9090]),
        ("year:[2015..2016]", [9001, 9002]),
        ("date:2014-06..2014-12", [9004, 9090]),
        ("date:2015-2016", [9001, 9002]),
        ("date:2014-06-01..", [9004, 9090, 9001, 9002]),
        ("number:9001-9003", [9003, 9001, 9002]),
        ("number:9003..9090", [9003, 9004, 9090]),
        # Several values of a field, listed: any of them.
        ("year:2014,2016", [9003, 9004, 9090, 9002]),
        ("year:2015|2016", [9001, 9002]),
        ("year:(2015 OR 2016)", [9001, 9002]),
        ("year:(2015, 2016)", [9001, 9002]),
        ("date:2014-01,2015-03", [9003, 9001]),
        ("number:9001,9090", [9090, 9001]),
        ("korea -year:2014,2016", [9001]),
        ("author:Sahni,Routray", [9003, 9004, 9090]),
        ("author:(Mishra|Abeyagoonasekera)", [9001, 9002]),
        ('author:("Varun Sahni" OR Mishra)', [9003, 9004, 9001]),
        ("region:India,China", [9003, 9004, 9001]),
        ('column:("Big Picture", "Red Affairs")', [9003, 9004, 9090]),
        ("number:>9002", [9003, 9004, 9090]),
        ("number:[1000 TO 2014]", []),
        ("no:9001", [9001]),
        ("korea date:>=2015", [9001]),
        ("korea NOT year:<2015", [9001]),
        ("Date:2016", [9002]),
        ("#9001", [9001]),
        ("#9001 OR #9090", [9090, 9001]),
        ("korea #9001", [9001]),
        ("#9003 korea", [9003]),
        ("#9002 korea", []),
        ("#1", []),
        # A date in words, as the site prints it and forms are filled in.
        ("date:Dec 2014", [9090]),
        ("Date: 2 March 2015", [9001]),
        ('date:"March 2, 2015"', [9001]),
        ("date:>=June 2014 korea", [9004, 9001]),
        ("date:1st jan. 2014", []),
        ("Topic: korea; Date: March 2015;", [9001]),
        ("Year: 2016;", [9002]),
    ],
)
def test_dates_years_and_numbers_compare_as_written(
    dirs: list[str], query: str, expected: list[int]
) -> None:
    assert numbers(dirs, query) == expected


BAD_NUMERIC_VALUES = [
    "",
    '""',
    '" "',
    '"x"',
    ">",
    "<=",
    "[TO]",
    "[2014 2015]",
    "abc",
    "1e9",
    "-5",
    "2015-13",
    "2015-02-30",
    "9" * 40,
    "(2014 2015)",
    "(2014 AND 2015)",
    "..",
    "2015..x",
    "[a TO b]",
    ">2015-1x",
    '"31 February 2015"',
    '"Smarch 2015"',
    "¹",  # digits int() refuses (superscripts) are no number
    "²⁰¹⁵",
]


@pytest.mark.parametrize("field", ["date", "year", "number", "article"])
@pytest.mark.parametrize("value", BAD_NUMERIC_VALUES)
def test_a_bad_date_year_or_number_is_one_line_of_error(
    dirs: list[str], field: str, value: str
) -> None:
    result = search(dirs, f"{field}:{value}")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert f"{field}:" in result.stderr  # names what it could not use, in our words
    assert "invalid literal" not in result.stderr and "parseable" not in result.stderr


def test_nothing_after_the_last_day_is_an_error_not_a_crash(dirs: list[str]) -> None:
    result = search(dirs, "date:>9999-12-31")
    assert result.exit_code == 2
    assert result.stderr == "Error: 'date:>9999-12-31' leaves no date at all\n"


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("year:[2015 TO 2010]", "'year:[2015 TO 2010]' runs backwards; write year:[2010 TO 2015]"),
        (
            "date:[2016-05 TO 2014]",
            "'date:[2016-05 TO 2014]' runs backwards; write date:[2014 TO 2016-05]",
        ),
        (
            "number:[9002 TO 900]",
            "'number:[9002 TO 900]' runs backwards; write number:[900 TO 9002]",
        ),
        ("date:{2014 TO 2015}", "'date:{2014 TO 2015}' leaves no date between its ends"),
        ("year:{2014 TO 2015}", "'year:{2014 TO 2015}' leaves no year between its ends"),
    ],
)
def test_a_range_that_holds_nothing_says_why(dirs: list[str], query: str, error: str) -> None:
    result = search(dirs, query)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: {error}\n"


def test_a_range_of_one_value_or_of_large_numbers_still_answers(dirs: list[str]) -> None:
    assert numbers(dirs, "year:[2015 TO 2015]") == [9001]
    assert numbers(dirs, "number:[95 TO 9002]") == [9001, 9002]  # not compared as text


ODD_VALUES = ["", '""', '"x"', '"north korea"', "[a TO b]", ">2014", "<=x", "٢٠١٥", "x" * 300]


@pytest.mark.parametrize(
    "field", ["title", "teaser", "body", "author", "affiliation", "column", "region", "zz"]
)
@pytest.mark.parametrize("value", ODD_VALUES)
def test_odd_values_of_word_fields_answer_or_say_why(
    dirs: list[str], field: str, value: str
) -> None:
    result = search(dirs, f"{field}:{value}")
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    elif result.stderr:  # nothing found, and nobody (no column, region) is so named: said so
        assert result.exit_code == 1 and field in ("author", "column", "region"), result.output
        assert result.stderr.startswith(f"Error: No {field} matching ")
        assert result.stderr.count("\n") == 1
    else:
        assert json.loads(result.stdout)["total"] >= 0


def test_a_stamp_too_large_is_named_as_typed(dirs: list[str]) -> None:
    result = search(dirs, "#99999999999")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: '#99999999999': '99999999999' is larger than any article number\n"
    )


def test_an_article_stamp_is_its_number_not_a_word_to_highlight(dirs: list[str]) -> None:
    hit = json.loads(search(dirs, "#9001 korea").stdout)["hits"][0]
    assert hit["number"] == 9001
    result = runner.invoke(app, ["search", "#9001 korea", *dirs], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert result.stdout.rstrip().splitlines()[-1] == "Read one: ipcs read 9001 --highlight korea"


def test_a_quoted_name_phrase_finds_its_article(dirs: list[str]) -> None:
    assert numbers(dirs, 'title:"north korea"') == [9001]
    assert Path(dirs[1]).is_dir()


@pytest.mark.parametrize("label", ["Column", "Region", "Author", "By", "Title"])
def test_a_label_filled_in_as_on_a_form_that_matches_nothing_is_searched_as_words(
    dirs: list[str], label: str
) -> None:
    # No article is filed under "Korea" as a column, region or author, nor titled "Korea
    # Seoul": those with the words anywhere, said so.
    query = f"{label}: Korea Seoul" if label == "Title" else f"{label}: Korea"
    result = search(dirs, query)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["labelled"] == [label]
    assert {hit["number"] for hit in data["hits"]} == set(numbers(dirs, query.split(": ")[1]))
    shown = runner.invoke(app, ["search", query, *dirs], env={"COLUMNS": "100"})
    assert shown.stdout.startswith(
        f"No article matches “{label}:” as labelled; showing those with the words anywhere.\n"
    )


def test_a_label_that_matches_is_a_field_and_one_typed_as_syntax_stays_one(
    dirs: list[str],
) -> None:
    data = json.loads(search(dirs, "Author: Mishra").stdout)
    assert [hit["number"] for hit in data["hits"]] == [9001] and data["labelled"] == []
    assert search(dirs, "column:Korea").exit_code == 1  # no column so named: none


@pytest.mark.parametrize(
    ("query", "option", "error"),
    [
        (
            "korea region:Europe",
            [],
            "No region matching 'Europe'; the regions are China, India, South Asia",
        ),
        ('korea region:"East Asia"', [], "No region matching 'East Asia'; did you mean: South"),
        ("korea", ["--region", "Indai"], "No region matching 'Indai'; did you mean: India?"),
        ("korea region:(Nepal, Bhutan)", [], "No region matching 'Nepal'; the regions are "),
    ],
)
def test_a_region_that_files_no_article_says_which_do(
    dirs: list[str], query: str, option: list[str], error: str
) -> None:
    # Nothing found because no article is filed so: the error names the regions there are,
    # where "No articles match" would blame the words.
    result = runner.invoke(app, ["search", query, *option, *dirs])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"Error: {error}") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("query", ["xylophone region:india", 'korea -region:"East Asia"'])
def test_a_region_there_or_left_out_is_no_reason_nothing_was_found(
    dirs: list[str], query: str
) -> None:
    result = runner.invoke(app, ["search", query, *dirs])
    assert not result.stderr, result.stderr
    assert result.exit_code == (1 if "xylophone" in query else 0), result.output
