"""Article numbers and page options as people type them: one clean line, never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ipcsreader.archive.search import SearchQuery, plan
from ipcsreader.cli import app
from ipcsreader.errors import NotFoundError, UsageError
from ipcsreader.numbers import article_number, number_ranges

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "read"
HUGE = "99999999999999999999"


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    pages = tmp_path / "corpus"
    shutil.copytree(FIXTURES, pages)
    return ["--corpus", str(pages), "--index", str(tmp_path / "index")]


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def error_line(result) -> str:
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    return lines[-1]


MALFORMED = [
    ("4842abc", "not an article number: '4842abc' (like 4842: digits 0-9 only)"),
    ("４８４２", "not an article number: '４８４２' (like 4842: digits 0-9 only)"),
    ("٤٨٤٢", "not an article number: '٤٨٤٢' (like 4842: digits 0-9 only)"),
    ("4.5", "not an article number: '4.5' (like 4842: digits 0-9 only)"),
    ("", "not an article number: '' (like 4842: digits 0-9 only)"),
    ("0", "article numbers start at 1, not '0'"),
    ("-5", "article numbers start at 1, not '-5'"),
]


@pytest.mark.parametrize("command", [["read"], ["cite"], ["open", "--no-browser"]])
@pytest.mark.parametrize(("text", "message"), MALFORMED)
def test_a_malformed_number_is_one_line_and_exit_2(
    corpus: list[str], command: list[str], text: str, message: str
) -> None:
    extra = [] if command[0] == "open" else corpus
    result = run(*command, text, *extra)
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().splitlines() == [f"Error: {message}"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["read", "--5"], "no such option: --5 (see ipcs read -h)"),
        (["read", "--styel"], "no such option: --styel (see ipcs read -h)"),
        (["read", "9101", "--styel"], "no such option: --styel (see ipcs read -h)"),
        (
            ["cite", "--styel"],
            "no such option: --styel (did you mean --style?) (see ipcs cite -h)",
        ),
        # Read as one of the numbers, as Click says of any other command's.
        (
            ["cite", "9101", "--styel", "apa"],
            "no such option: --styel (did you mean --style?) (see ipcs cite -h)",
        ),
        (["open", "--no-browser", "--styel"], "no such option: --styel (see ipcs open -h)"),
    ],
)
def test_an_option_mistyped_where_a_number_goes_is_no_such_option(
    corpus: list[str], args: list[str], message: str
) -> None:
    extra = [] if args[0] == "open" else corpus
    result = run(*args, *extra)
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().splitlines() == [f"Error: {message}"]


@pytest.mark.parametrize("command", ["read", "cite"])
@pytest.mark.parametrize("number", [HUGE, "999999", "2" * 400])
def test_a_number_no_article_has_is_not_found(corpus: list[str], command: str, number: str) -> None:
    result = run(command, number, *corpus)
    assert result.exit_code == 1, result.output
    # A line holding a pasted value loses its middle (cli/usage.shortened): the number may
    # be cut, its start and the reason stay.
    line = error_line(result)
    assert line.startswith(f"Error: No article {number[:150]}"), line
    assert " in the corpus; nearest: " in line and len(line) <= 420


TOO_LONG = "9" * 5_000  # past what Python reads as a number at all


@pytest.mark.parametrize(
    "command",
    [
        ["read", TOO_LONG],
        ["cite", TOO_LONG],
        ["open", "--no-browser", TOO_LONG],
        ["tag", TOO_LONG, "x"],
        ["note", "--force", TOO_LONG, "a note"],
        ["mark", "--read", f"1-{TOO_LONG}"],
        ["fetch", "--dry-run", f"1-{TOO_LONG}"],
        ["unfollow", TOO_LONG],
    ],
    ids=lambda command: command[0],
)
def test_a_number_too_long_to_read_is_one_line(
    corpus: list[str], tmp_path: Path, command: list[str]
) -> None:
    env = {"IPCS_DATA_DIR": str(tmp_path / "data")}
    extra = corpus if command[0] in ("read", "cite") else []
    result = CliRunner().invoke(app, [*command, *extra], env=env)
    assert result.exit_code == 1, result.output
    line = error_line(result)
    assert line.startswith(("Error: No article 999", "Error: no follow 999")), line
    assert len(line) <= 420


def test_open_refuses_a_number_no_article_can_have() -> None:
    result = run("open", HUGE, "--no-browser")
    assert result.exit_code == 1
    assert (
        result.stderr.strip() == f"Error: No article {HUGE}: article numbers go up to 999,999,999"
    )
    assert result.stdout == ""


def test_a_number_as_printed_on_the_page_is_read(corpus: list[str]) -> None:
    result = run("read", "#9101", "--format", "json", *corpus)
    assert result.exit_code == 0, result.output
    assert '"number": 9101' in result.stdout


def test_fetch_numbers_are_checked_before_any_request() -> None:
    # No site is set up: had a request been made, the error would say so.
    for text, code, message in [
        ("4842abc", 2, "not an article number or range (like 4842, #4842 or 4840-4845): '4842abc'"),
        ("٤٨٤٢", 2, "not an article number or range (like 4842, #4842 or 4840-4845): '٤٨٤٢'"),
        (HUGE, 1, f"No article {HUGE}: article numbers go up to 999,999,999"),
        (f"1-{HUGE}", 1, f"No article {HUGE}: article numbers go up to 999,999,999"),
        ("1-5000", 2, "1-5000 is 5,000 numbers; ranges over 1,000 need --yes"),
    ]:
        result = run("fetch", text)
        assert result.exit_code == code, (text, result.output)
        assert result.stderr.strip().splitlines()[-1].startswith(f"Error: {message}"), text


def test_page_past_the_end_says_so(corpus: list[str]) -> None:
    result = run("search", "seoul", "--page", "1000000000000", *corpus)
    assert result.exit_code == 1
    assert error_line(result) == "Error: page 1000000000000 is past the last page (1)"
    assert result.stdout == ""
    huge = run("search", "seoul", "--page", HUGE, "--json", *corpus)
    assert huge.exit_code == 1
    assert error_line(huge) == f"Error: page {HUGE} is past the last page (1)"


def test_the_last_page_still_shows(corpus: list[str]) -> None:
    first = json.loads(run("search", "the", "--limit", "1", "--json", *corpus).stdout)
    last = first["total"]
    assert last > 1
    shown = run("search", "the", "--limit", "1", "--page", str(last), "--json", *corpus)
    assert shown.exit_code == 0, shown.output
    assert len(json.loads(shown.stdout)["hits"]) == 1
    past = run("search", "the", "--limit", "1", "--page", str(last + 1), *corpus)
    assert error_line(past) == f"Error: page {last + 1} is past the last page ({last})"


# An article's address as copied from a browser or a citation, in both layouts of the site.
ADDRESSES = [
    ("https://www.ipcs.org/comm_select.php?articleNo=9101", 9101),
    ("http://ipcs.org/comm_select.php?articleNo=9101&lang=en#top", 9101),
    ("ipcs.org/comm_select.php?x=1&articleNo=9101", 9101),
    ("http://www.ipcs.org/article/south-asia/a-title-with-2015-in-it-9101.html", 9101),
    ("WWW.IPCS.ORG/article/india/some-title-9101.htm", 9101),
]


# The number as a citation gives it (as `ipcs cite` prints it) or as part of an address.
CITATIONS = [
    ("Article No. 9101", 9101),
    ("article number 9101", 9101),
    ("articleNo=9101", 9101),
    ("comm_select.php?articleNo=9101", 9101),
    # The 2010s' address's last part, copied alone.
    ("article/japan/seoul-and-tokyo-a-cautious-thaw-9101.html", 9101),
    ("seoul-and-tokyo-a-cautious-thaw-9101", 9101),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4842", 4842), (" 7 ", 7), ("#4842", 4842), ("007", 7), *ADDRESSES, *CITATIONS],
)
def test_article_number(text: str, expected: int) -> None:
    assert article_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "https://example.org/comm_select.php?articleNo=9101",  # not the site
        "https://www.ipcs.org/comm_select.php?articleNo=9101x",
        "https://www.ipcs.org/columnist/d-suba-chandran/",  # no article
        "https://www.ipcs.org/issue_select.php?recNo=6151",
    ],
)
def test_an_address_of_no_article_is_refused(text: str) -> None:
    with pytest.raises(UsageError, match="not an article number"):
        article_number(text)


@pytest.mark.parametrize(("address", "number"), ADDRESSES[:4])
def test_an_address_is_read_cited_and_searched(
    corpus: list[str], address: str, number: int
) -> None:
    read = run("read", address, "--format", "json", *corpus)
    assert read.exit_code == 0, read.output
    assert json.loads(read.stdout)["number"] == number
    cited = run("cite", address, *corpus)
    assert cited.exit_code == 0, cited.output
    assert f"Article No. {number}" in cited.stdout
    found = run("search", address, "--json", *corpus)
    assert found.exit_code == 0, found.output
    assert [hit["number"] for hit in json.loads(found.stdout)["hits"]] == [number]
    assert number_ranges([address]) == ([number], {number})


@pytest.mark.parametrize(
    "text", ["IPCS Article No. 9101", "article no 9101 Seoul", "articleNo=9101&lang=en"]
)
def test_a_citation_among_words_searches_its_article(corpus: list[str], text: str) -> None:
    found = run("search", text, "--json", *corpus)
    assert found.exit_code == 0, found.output
    assert [hit["number"] for hit in json.loads(found.stdout)["hits"]] == [9101]


@pytest.mark.parametrize(
    "text",
    [
        "Article 370 Kashmir",  # a constitution's
        "india-pakistan-border-talks-2014",  # a year ends it
        "kim-jong-un-4842",  # too few words for a title's
        "post-2014-afghanistan-4",
    ],
)
def test_what_only_looks_like_a_citation_is_words(text: str) -> None:
    assert plan(SearchQuery(text)).text == text


def test_an_address_naming_no_article_searches_its_last_parts_words(corpus: list[str]) -> None:
    assert plan(SearchQuery("Article No. 9101 Kashmir")).text == "#9101 Kashmir"
    typed = "thaw (seoul-and-tokyo-a-cautious-thaw-9101.html), seoul-and-tokyo-thaw-again-9101."
    assert plan(SearchQuery(typed)).text == "thaw (#9101), #9101."
    cut = "https://www.ipcs.org/article/japan/seoul-and-tokyo-a-cautious"
    assert plan(SearchQuery(cut)).text == "seoul and tokyo a cautious"
    assert plan(SearchQuery("www.ipcs.org/comm_select.php?articleNo= thaw")).text == "thaw"
    found = run("search", cut, "--json", *corpus)
    assert found.exit_code == 0, found.output
    assert [hit["number"] for hit in json.loads(found.stdout)["hits"]][:1] == [9101]


def test_ranges_bounds() -> None:
    assert number_ranges(["1-1000"])[0] == list(range(1, 1001))
    with pytest.raises(UsageError):
        number_ranges(["1-1001"])
    assert len(number_ranges(["1-1001"], allow_large=True)[0]) == 1001
    with pytest.raises(NotFoundError):
        number_ranges([f"5-{HUGE}"], allow_large=True)


def test_a_number_alone_that_no_page_prints_suggests_its_article(corpus: list[str]) -> None:
    found = run("search", "9101", "--json", *corpus)
    assert found.exit_code == 1, found.output
    answer = json.loads(found.stdout)
    assert (answer["hits"], answer["suggestion"]) == ([], "#9101")
    shown = run("search", "9101", "--color", "never", *corpus).stdout
    assert shown == "No articles match “9101”.\nDid you mean #9101?\n"
    # No article has it, or it is no number alone: nothing to suggest.
    for text in ["9999", "9101 seoul", "0"]:
        assert json.loads(run("search", text, "--json", *corpus).stdout)["suggestion"] is None
