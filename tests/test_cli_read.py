"""`ipcs read`, `columns`, `authors`, `browse` end to end on a corpus of fixture pages."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ipcsreader.cli import app
from ipcsreader.cli.pager import page, should_page

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "read"
SHIPPED = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    pages = tmp_path / "corpus"
    shutil.copytree(FIXTURES, pages)
    return ["--corpus", str(pages), "--index", str(tmp_path / "index")]


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env)


def last_line(result) -> str:
    """The error line (an index build may say so on stderr first)."""
    return result.stderr.splitlines()[-1]


def test_read_text(corpus):
    result = run("read", "9101", *corpus)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Seoul and Tokyo: A Cautious Thaw\nEast Asia Compass\n")
    assert "4 May 2016 · Japan · #9101" in out
    assert "https://www.ipcs.org/comm_select.php?articleNo=9101" in out
    assert "    “Neighbours are chosen for us; friendships we must build.”" in out
    assert "        — An old proverb" in out
    assert "More by" in out and "#9102" in out
    assert "Related" in out
    assert "\x1b" not in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_read_width_and_markup_title(corpus):
    out = run("read", "9103", "--width", "40", *corpus).stdout
    assert out.startswith("The [bold]Loud[/bold] Forest: Notes from\nBastar\n")
    assert max(len(line) for line in out.splitlines()) <= 40


def test_read_highlight_without_colour(corpus):
    out = run("read", "9101", "--highlight", "seoul", *corpus).stdout
    assert "between *Seoul* and Tokyo" in out


def test_read_colour_always_and_no_color(corpus):
    coloured = run("read", "9101", "--color", "always", *corpus).stdout
    assert "\x1b[" in coloured
    plain = run("read", "9101", "--color", "auto", *corpus, env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in plain


def test_read_json_is_the_merged_record(corpus):
    data = json.loads(run("read", "9101", "--format", "json", *corpus).stdout)
    assert data["number"] == 9101
    assert data["paragraphs"][0] == "“Neighbours are chosen for us; friendships we must build.”"
    assert sorted(data["layouts"]) == ["new", "old"]
    assert {"more_by", "related", "blocks", "sources"} <= set(data)
    assert data["more_by"][0]["number"] == 9102


def test_read_json_as_every_command_takes_it(corpus):
    plain = run("read", "9101", "--json", *corpus)
    assert plain.exit_code == 0, plain.output
    assert plain.stdout == run("read", "9101", "--format", "json", *corpus).stdout
    assert json.loads(plain.stdout)["number"] == 9101


def test_read_json_with_another_format_is_refused(corpus):
    result = run("read", "9101", "--json", "--format", "markdown", *corpus)
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --json and --format markdown ask for two formats: choose one\n"
    )


def test_read_markdown(corpus):
    out = run("read", "9101", "-f", "markdown", *corpus).stdout
    assert out.startswith("# Seoul and Tokyo: A Cautious Thaw\n")
    assert "> *“Neighbours are chosen for us; friendships we must build.”*" in out


def test_read_listing_only(corpus):
    out = run("read", "9090", *corpus).stdout
    assert "A former cadre walks back into his village after ten years" in out
    assert "not in the corpus" in out and "ipcs fetch 9090" in out


def test_read_unknown_number(corpus):
    result = run("read", "9104", *corpus)
    assert result.exit_code == 1
    assert last_line(result) == "Error: No article 9104 in the corpus; nearest: 9103"
    assert result.stdout == ""


def test_read_bad_width(corpus):
    result = run("read", "9101", "--width", "5", *corpus)
    assert result.exit_code == 2
    assert result.stderr == "Error: --width must be at least 20, not 5\n"  # before any indexing


def test_one_person_in_both_layouts(corpus):
    rows = json.loads(run("authors", "--json", *corpus).stdout)
    mishra = [r for r in rows if "Mishra" in r["name"]]
    assert len(mishra) == 1
    assert mishra[0]["articles"] == 2
    assert (mishra[0]["first_year"], mishra[0]["last_year"]) == (2015, 2016)


def test_authors_table_and_profile(corpus):
    table = run("authors", *corpus).stdout
    assert "Sandip Kumar Mishra" in table and "2015–2016" in table
    profile = run("authors", "dr mishra", *corpus).stdout
    assert profile.startswith("Dr Sandip Kumar Mishra\nAlso printed as: Sandip Mishra\n")
    assert "Associate Professor, Centre for East Asian Studies, JNU" in profile
    data = json.loads(run("authors", "Mishra", "--json", *corpus).stdout)
    assert [a["number"] for a in data[0]["articles"]] == [9101, 9102]


def test_authors_unknown(corpus):
    result = run("authors", "Nobody", *corpus)
    assert result.exit_code == 1
    assert last_line(result) == "Error: No author matching 'Nobody'"


def test_columns_by_author(corpus):
    result = run("columns", "--author", "Mishra", *corpus)
    assert result.exit_code == 0
    assert result.stdout.startswith("1 column\n\nEast Asia Compass\n  Dr Sandip Kumar Mishra\n")
    assert "#9101" in result.stdout and "#9102" in result.stdout


def test_columns_json_and_columnless(corpus):
    data = json.loads(run("columns", "--json", *corpus).stdout)
    assert [c["column"] for c in data] == ["Af-Pak Diary", "East Asia Compass", "Red Affairs", None]
    assert data[-1]["columnists"][0]["name"] == "Shankari Sundararaman"
    red = data[2]["columnists"][0]
    assert red["names"] == ["Bibhu Prasad", "Bibhu Prasad Routray"]
    assert [t["number"] for t in red["titles"]] == [9103, 9090]


def test_columns_errors(corpus):
    result = run("columns", "--column", "Nuke Street", *corpus)
    assert (result.exit_code, last_line(result)) == (1, "Error: No column matching 'Nuke Street'")
    result = run("columns", "--author", "Mishar", *corpus)
    assert result.exit_code == 1
    assert last_line(result) == (
        "Error: No columnist matching 'Mishar'; did you mean: Sandip Kumar Mishra?"
    )


def test_browse(corpus):
    out = run("browse", "--year", "2016", *corpus).stdout
    assert out.startswith("2 articles · year 2016\n\n2016 (2)\n  May (1)\n")
    data = json.loads(run("browse", "--json", "--column", "compass", *corpus).stdout)
    assert data["count"] == 2


def test_browse_errors(corpus):
    result = run("browse", "--month", "13", *corpus)
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: --month must be between 1 and 12, not 13\n",
    )
    result = run("browse", "--year", "1990", *corpus)
    assert result.exit_code == 1
    assert last_line(result) == "Error: No articles for year 1990; the archive runs 2014–2016"


def test_shipped_corpus_columns_and_read(tmp_path):
    opts = ["--corpus", str(SHIPPED), "--index", str(tmp_path / "index")]
    data = json.loads(run("columns", "--json", *opts).stdout)
    named = [c["column"] for c in data if c["column"]]
    assert len(named) == 17
    assert [c["name"] for c in data[-1]["columnists"]] == [
        "Shankari Sundararaman",
        "Sushant Sareen",
    ]
    out = run("columns", "--author", "Mishra", *opts).stdout
    assert "East Asia Compass" in out and "Sandip Kumar Mishra" in out
    assert "Russia and North Korea: Replaying Old Games" in out
    article = run("read", "4842", *opts).stdout
    assert "Thus, the recent episode of Russia’s invitation" in article.replace("\n", " ")


def test_completion(corpus, monkeypatch):
    from ipcsreader.cli import read_cmd

    class Ctx:
        def __init__(self) -> None:
            self.params = {"corpus": Path(corpus[1]), "index": Path(corpus[3])}

    assert run("browse", *corpus).exit_code == 0  # builds the index
    assert read_cmd.complete_number(Ctx(), "910") == [
        ("9101", "Seoul and Tokyo: A Cautious Thaw"),
        ("9102", "Beijing's Patience with Pyongyang"),
        ("9103", "The [bold]Loud[/bold] Forest: Notes from Bastar"),
    ]
    assert read_cmd.complete_author(Ctx(), "mis") == ["Sandip Kumar Mishra"]
    assert read_cmd.complete_column(Ctx(), "comp") == ["East Asia Compass"]


def test_should_page():
    assert not should_page(None, is_terminal=False, lines=500, height=40)
    assert not should_page(None, is_terminal=True, lines=30, height=40)
    assert should_page(None, is_terminal=True, lines=50, height=40)
    assert should_page(True, is_terminal=True, lines=3, height=40)
    assert not should_page(False, is_terminal=True, lines=500, height=40)


def test_page_uses_pager_with_less_r(tmp_path, monkeypatch):
    out = tmp_path / "paged.txt"
    script = "import os,sys; open(sys.argv[1],'w').write(os.environ['LESS']+'|'+sys.stdin.read())"
    monkeypatch.setenv("PAGER", f'{sys.executable} -c "{script}" {out}')
    monkeypatch.delenv("LESS", raising=False)
    page("\x1b[1mbold\x1b[0m\n")
    assert out.read_text() == "-R|\x1b[1mbold\x1b[0m\n"


def test_columns_by_author_shows_the_latest_titles_and_how_many_more(corpus):
    out = run("columns", "--author", "Mishra", "--limit", "1", *corpus).stdout
    titles = [line for line in out.splitlines() if "#91" in line]
    assert len(titles) == 1 and "#9101" in titles[0]  # the newest only
    assert "\n    … 1 more, --limit 0 for all\n" in out
    every = run("columns", "--author", "Mishra", "--limit", "0", *corpus).stdout
    assert every == run("columns", "--author", "Mishra", *corpus).stdout
    assert "more, --limit 0" not in every
    result = run("columns", "--author", "Mishra", "--limit", "-1", *corpus)
    assert (result.exit_code, last_line(result)) == (
        2,
        "Error: --limit must be 0 (all) or more, not -1",
    )


def test_author_profile_shows_the_latest_titles_and_how_many_more(corpus):
    out = run("authors", "Mishra", "--limit", "1", *corpus).stdout
    newest = "  #9101 4 May 2016  Seoul and Tokyo: A Cautious Thaw · East Asia Compass\n"
    assert newest + "  … 1 more, --limit 0 for all\n" in out
    every = run("authors", "Mishra", "--limit", "0", *corpus).stdout
    assert every == run("authors", "Mishra", *corpus).stdout
    assert "more, --limit 0" not in every
    result = run("authors", "Mishra", "--limit", "-2", *corpus)
    assert (result.exit_code, last_line(result)) == (
        2,
        "Error: --limit must be 0 (all) or more, not -2",
    )
