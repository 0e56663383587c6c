"""`ipcs cite`, `export`, `trend`, `stats` and `open` end to end on fixture pages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import webbrowser
from pathlib import Path

import pytest
from golden_files import GOLDEN
from search_world import FILLER, column_listing, old_page, write
from typer.testing import CliRunner

from ipcsreader.cli import app

SHIPPED = Path(__file__).resolve().parents[1] / "corpus"
KOREA = "Officials in Russia and North Korea met again; the old game goes on."


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    pages = tmp_path / "corpus"
    write(pages, "9001.txt", old_page(9001, "Russia and North Korea: Old Games", [KOREA, FILLER]))
    write(
        pages,
        "9002.txt",
        old_page(
            9002,
            "Seoul Looks North",
            ["Seoul looks at North Korea and its friends.", FILLER],
            date=dt.date(2017, 6, 5),
        ),
    )
    write(
        pages,
        "9003.txt",
        old_page(
            9003,
            "Roads and Schools",
            [FILLER],
            date=dt.date(2015, 11, 20),
            column="The Strategist",
            author="Vijay Shankar",
        ),
    )
    write(
        pages,
        "listing.txt",
        column_listing(
            "The Strategist",
            "Vijay Shankar",
            [("Listed Only Here", dt.date(2016, 1, 4), 9004, "A North Korea excerpt")],
        ),
    )
    return ["--corpus", str(pages), "--index", str(tmp_path / "index")]


def run(*args: str):
    return CliRunner().invoke(app, list(args))


# cite


def test_cite_4842_in_the_shipped_corpus_every_style(tmp_path):
    index = ["--corpus", str(SHIPPED), "--index", str(tmp_path / "index")]
    for style in ("apa", "chicago", "mla", "bibtex", "ris"):
        result = run("cite", "4842", "--style", style, "--accessed", "2025-01-31", *index)
        assert result.exit_code == 0, result.output
        expected = (GOLDEN / "cite" / f"4842.{style}.txt").read_text(encoding="utf-8")
        assert result.stdout == expected


def test_cite_several_numbers_in_order_once_each(corpus):
    result = run("cite", "9002", "9001", "9002", "--color", "never", *corpus)
    assert result.exit_code == 0, result.output
    entries = result.stdout.split("\n\n")
    assert len(entries) == 2
    assert entries[0].startswith(
        "Mishra, S. K. (2017, June 5). Seoul looks North (Article No. 9002)."
    )
    assert entries[1].startswith(
        "Mishra, S. K. (2015, March 2). Russia and North Korea: Old games (Article No. 9001)."
    )


def test_cite_all_hits_json(corpus):
    result = run("cite", "--all-hits", "korea", "--style", "mla", "--json", *corpus)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(d["number"] for d in data) == [9001, 9002, 9004]
    first = next(d for d in data if d["number"] == 9001)
    assert first == {
        "number": 9001,
        "style": "mla",
        "url": "https://www.ipcs.org/comm_select.php?articleNo=9001",
        "text": "Mishra, Sandip Kumar. “Russia and North Korea: Old Games.” East Asia Compass, "
        "no. 9001, Institute of Peace and Conflict Studies, 2 Mar. 2015, "
        "www.ipcs.org/comm_select.php?articleNo=9001.",
    }


def test_cite_italics_with_colour(corpus):
    out = run("cite", "9001", "--color", "always", *corpus).stdout
    assert "\x1b[3mEast Asia Compass\x1b[0m" in out


def test_cite_long_reference_is_one_line(corpus):
    out = run("cite", "9001", "--style", "chicago", *corpus).stdout
    assert out.count("\n") == 1 and len(out) > 80


def test_cite_errors(corpus):
    cases = [
        (
            ("cite", *corpus),
            2,
            "Error: give article numbers to cite, or --all-hits QUERY, or --tag T\n",
        ),
        (
            ("cite", "9001", "--all-hits", "korea", *corpus),
            2,
            "Error: give article numbers or --all-hits QUERY, not both\n",
        ),
        (
            ("cite", "9001", "--accessed", "31/01/2025", *corpus),
            2,
            "Error: --accessed must be a date like 2025-01-31, not '31/01/2025'\n",
        ),
        (("cite", "--all-hits", "zebra", *corpus), 1, "Error: No articles match 'zebra'\n"),
    ]
    for args, code, message in cases:
        result = run(*args)
        assert (result.exit_code, result.stderr.splitlines()[-1] + "\n") == (code, message), args
    missing = run("cite", "9001", "8999", *corpus)
    assert missing.exit_code == 1
    assert missing.stderr.splitlines()[-1] == "Error: No article 8999 in the corpus; nearest: 9001"
    assert missing.stdout == ""


def test_cite_bad_style(corpus):
    result = run("cite", "9001", "--style", "harvard", *corpus)
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --style must be bibtex, ris, apa, chicago or mla, not 'harvard' "
        "(see ipcs cite -h)\n"
    )


# export


def test_export_whole_corpus_jsonl_to_stdout(corpus):
    result = run("export", *corpus)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["number"] for r in rows] == [9001, 9002, 9003, 9004]
    assert rows[0]["paragraphs"] == [KOREA, FILLER]
    assert rows[3]["listing_only"] is True


def test_export_query_csv_to_file(corpus, tmp_path):
    out = tmp_path / "korea.csv"
    result = run("export", "korea", "--format", "csv", "--output", str(out), *corpus)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == f"Wrote 3 articles to {out}"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert sorted(r["number"] for r in rows) == ["9001", "9002", "9004"]


def test_export_to_standard_output_by_name(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("export", "--output", "-", *corpus)
    assert result.exit_code == 0, result.output
    assert result.stdout == run("export", *corpus).stdout
    assert not (tmp_path / "-").exists()


def test_export_markdown(corpus):
    out = run("export", "roads", "-f", "markdown", *corpus).stdout
    assert "## Roads and Schools" in out and "*The Strategist*" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_export_never_puts_a_file_in_place_of_a_pipe_and_writes_through_a_link(corpus, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = run("export", "--output", str(pipe), "--force", *corpus)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"Error: {pipe} is not a plain file (a device or a pipe); give a file name\n"
    )
    assert not pipe.is_file()
    target, link = tmp_path / "target.jsonl", tmp_path / "link.jsonl"
    target.write_text("old")
    link.symlink_to(target)
    result = run("export", "--output", str(link), "--force", *corpus)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and len(target.read_text().splitlines()) == 4


def test_export_refuses_to_overwrite(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("keep me")
    result = run("export", "--output", str(out), *corpus)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {out} already exists; add --force to overwrite it\n"
    assert out.read_text() == "keep me"
    forced = run("export", "--output", str(out), "--force", *corpus)
    assert forced.exit_code == 0, forced.output
    assert len(out.read_text().splitlines()) == 4


def test_export_errors(corpus, tmp_path):
    result = run("export", "zebra", *corpus)
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        1,
        "Error: No articles match 'zebra'",
    )
    bad = run("export", "-f", "xml", *corpus)
    assert bad.exit_code == 2
    assert (
        bad.stderr
        == "Error: --format must be jsonl, csv or markdown, not 'xml' (see ipcs export -h)\n"
    )
    folder = run("export", "--output", str(tmp_path), *corpus)
    assert folder.exit_code == 2 and "--output cannot be a folder: " in folder.stderr


def test_export_follows_an_edited_and_a_removed_article(corpus, tmp_path):
    """JSON Lines come from the bodies the catalog keeps: an update that changes one
    article's title and text and removes another shows in the next export, the same bytes
    as the records read whole and written the ordinary way."""
    from ipcsreader.cite.export import to_jsonl
    from ipcsreader.library import Library

    assert run("export", *corpus).exit_code == 0  # the index, as it was
    pages = tmp_path / "corpus"
    edited = ['Edited: "Moscow", again \\ and again.', FILLER]
    write(pages, "9001.txt", old_page(9001, "Russia and North Korea: New Games", edited))
    (pages / "9002.txt").unlink()
    result = run("export", *corpus)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["number"] for r in rows] == [9001, 9003, 9004]
    assert rows[0]["title"] == "Russia and North Korea: New Games"
    assert rows[0]["paragraphs"] == edited
    assert rows[0]["blocks"] == [{"kind": "text", "text": text} for text in edited]
    lib = Library.open(corpus=pages, index=tmp_path / "index")
    assert result.stdout == to_jsonl(lib.full_records([9001, 9003, 9004]))
    found = run("export", "moscow", *corpus).stdout
    assert found == to_jsonl(lib.full_records([9001]))


# trend


def test_trend_chart(corpus):
    result = run("trend", "korea", "--color", "never", *corpus)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Articles matching “korea” per year"
    assert [line.split()[0] for line in lines[1:-1]] == ["2015", "2016", "2017"]
    assert [line.split()[-1] for line in lines[1:-1]] == ["1", "1", "1"]
    assert lines[-1] == "Total: 3 articles"


def test_trend_by_month_json(corpus):
    result = run("trend", "korea", "--by", "month", "--json", *corpus)
    data = json.loads(result.stdout)
    assert (data["total"], data["undated"], data["by"]) == (3, 0, "month")
    assert data["counts"][0] == {"period": "2015-03", "count": 1}
    assert data["counts"][-1] == {"period": "2017-06", "count": 1}
    assert len(data["counts"]) == 28
    assert sum(c["count"] for c in data["counts"]) == 3


def test_trend_errors(corpus):
    result = run("trend", "zebra", *corpus)
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        1,
        "Error: No articles match 'zebra'",
    )
    bad = run("trend", "korea", "--by", "week", *corpus)
    assert bad.exit_code == 2
    assert bad.stderr == "Error: --by must be year or month, not 'week' (see ipcs trend -h)\n"
    syntax = run("trend", "korea *ism", *corpus)
    assert syntax.exit_code == 2 and syntax.stderr.startswith("Error: ")


# stats


def test_stats(corpus):
    result = run("stats", "--color", "never", *corpus)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Articles    4 (3 full text, 1 listing only)" in out
    assert "Pages       4 (by layout: old 3, new 1)" in out
    assert "Dates       2 Mar 2015 – 5 Jun 2017" in out
    assert "(fresh)" in out
    assert "2  Sandip Kumar Mishra" in out


def test_stats_json(corpus):
    data = json.loads(run("stats", "--json", *corpus).stdout)
    assert (data["articles"], data["full_text"], data["listing_only"]) == (4, 3, 1)
    assert data["per_year"] == [
        {"year": "2015", "count": 2},
        {"year": "2016", "count": 1},
        {"year": "2017", "count": 1},
    ]
    assert data["index"]["state"] == "fresh" and data["index"]["bytes"] > 0


# open


def test_open_prints_and_opens(monkeypatch):
    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    result = run("open", "4842")
    assert result.exit_code == 0
    assert result.stdout == "https://www.ipcs.org/comm_select.php?articleNo=4842\n"
    assert opened == ["https://www.ipcs.org/comm_select.php?articleNo=4842"]


def test_open_no_browser(monkeypatch):
    monkeypatch.setattr(webbrowser, "open", lambda url: pytest.fail("must not open"))
    result = run("open", "4842", "--no-browser")
    assert result.stdout == "https://www.ipcs.org/comm_select.php?articleNo=4842\n"


def test_open_without_a_browser(monkeypatch):
    monkeypatch.setattr(webbrowser, "open", lambda url: False)
    result = run("open", "4842")
    assert result.exit_code == 1
    assert result.stdout == "https://www.ipcs.org/comm_select.php?articleNo=4842\n"
    assert result.stderr == (
        "Error: no web browser could be started; set $BROWSER or open the address above\n"
    )


def test_open_bad_number(monkeypatch):
    monkeypatch.setattr(webbrowser, "open", lambda url: pytest.fail("must not open"))
    result = run("open", "0")
    assert result.exit_code == 2
    assert result.stderr == "Error: article numbers start at 1, not '0'\n"


def test_help_has_examples():
    for command in ("cite", "export", "trend", "stats", "open"):
        assert "Example: ipcs " + command in run(command, "--help").stdout


def test_cite_all_hits_says_a_label_was_read_as_words(corpus):
    result = run("cite", "--all-hits", "Region: Korea", "--style", "mla", "--json", *corpus)
    assert result.exit_code == 0, result.output
    assert sorted(d["number"] for d in json.loads(result.stdout)) == [9001, 9002, 9004]
    assert result.stderr.endswith(
        "\nNo article matches “Region:” as labelled; took those with the words anywhere.\n"
    )
