"""Exports: JSON Lines, CSV and Markdown carry every field; files are written carefully."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from ipcsreader.cite.export import (
    CSV_COLUMNS,
    check_output,
    export_text,
    md_escape,
    to_csv,
    to_jsonl,
    to_markdown,
    write_export,
)
from ipcsreader.errors import UsageError
from ipcsreader.model import Author, Block, Record, record_to_dict

FULL = Record(
    number=4842,
    title="Russia and North Korea: Replaying Old Games",
    date=dt.date(2015, 3, 2),
    column="East Asia Compass",
    region="China",
    authors=(
        Author("Sandip Kumar Mishra", "University of Delhi", "Dr", "skm@example.org"),
        Author("D Suba Chandran", None, None, None),
    ),
    teaser="Why Moscow, why now",
    blocks=(
        Block("Kim Jong-un will go to Moscow; *really*."),
        Block("A turn", "heading"),
        Block("# not a heading\n1. nor a list"),
    ),
    sources=("a.txt", "b.html"),
    layouts=("old", "new"),
    same_author=("China’s Game on North Korea", "Forecast 2017: East Asia"),
)
LISTED = Record(number=4843, title="Only Listed", listing_only=True, teaser="An excerpt")


def test_jsonl_is_record_to_dict_per_line():
    lines = to_jsonl([FULL, LISTED]).splitlines()
    assert [json.loads(line) for line in lines] == [record_to_dict(FULL), record_to_dict(LISTED)]


def test_csv_header_and_one_row_per_article():
    rows = list(csv.DictReader(io.StringIO(to_csv([FULL, LISTED]))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 2
    row = rows[0]
    assert row["number"] == "4842"
    assert row["url"] == "https://www.ipcs.org/comm_select.php?articleNo=4842"
    assert row["date"] == "2015-03-02"
    assert row["authors"] == "Sandip Kumar Mishra; D Suba Chandran"
    assert row["author_honorifics"] == "Dr; "
    assert row["author_affiliations"] == "University of Delhi; "
    assert row["author_emails"] == "skm@example.org; "
    assert row["text"].split("\n\n")[:2] == ["Kim Jong-un will go to Moscow; *really*.", "A turn"]
    assert row["block_kinds"] == "text; heading; text"
    assert (row["truncated"], row["listing_only"]) == ("false", "false")
    assert row["sources"] == "a.txt; b.html"
    assert row["same_author"] == "China’s Game on North Korea\nForecast 2017: East Asia"
    assert rows[1]["listing_only"] == "true" and rows[1]["date"] == ""


def test_markdown_document():
    md = to_markdown([FULL, LISTED])
    assert md.startswith("# IPCS articles\n\n## Russia and North Korea: Replaying Old Games\n\n")
    assert (
        "Sandip Kumar Mishra, D Suba Chandran · *East Asia Compass* · 2 March 2015 · "
        "[#4842](https://www.ipcs.org/comm_select.php?articleNo=4842)"
    ) in md
    assert "Moscow; \\*really\\*." in md
    assert "### A turn" in md
    assert "\\# not a heading\n\\1. nor a list" in md
    assert "---\n\n## Only Listed" in md
    assert "*Only listed in the corpus: the text is not saved.*\n\nAn excerpt" in md


def test_md_escape_makes_markup_and_controls_inert():
    assert md_escape("[link](x) <b>|\x1b[31m") == "\\[link\\](x) \\<b\\>\\|"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "markdown"])
def test_export_text_dispatches(fmt):
    assert "Russia and North Korea" in export_text([FULL], fmt)


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export_text([FULL], "xml")  # type: ignore[arg-type]


def test_write_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "out.csv"
    write_export("one", path)
    with pytest.raises(UsageError, match=r"out.csv already exists; add --force to overwrite it"):
        write_export("two", path)
    assert path.read_text() == "one"
    write_export("two", path, force=True)
    assert path.read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary file left


def test_a_folder_is_no_output(tmp_path):
    with pytest.raises(UsageError, match="is a folder; give a file name to --output"):
        check_output(tmp_path, force=True)
