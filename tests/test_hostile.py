"""Hostile input: page text that tries to take over the terminal, pathological pages, and
queries built to be slow or to crash the query parser."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from search_world import FILLER, column_listing, old_page, write
from typer.testing import CliRunner

from ipcsreader.archive.search import SearchQuery, check_syntax
from ipcsreader.cli import app
from ipcsreader.errors import PageError, QueryError
from ipcsreader.library import Library
from ipcsreader.parse import limits, parse_bytes, parse_text
from ipcsreader.render.safe import clean

runner = CliRunner()

# Everything a page might carry to work on a terminal, between plain words.
ATTACK = (
    "\x1b[31mRED\x1b[0m "
    "\x1b]8;;http://evil.example/\x1b\\LINK\x1b]8;;\x1b\\ "
    "\x1b]0;pwned\x07 "
    "\x1bP1|dcs\x1b\\ "
    "\x1b(B\x1bc "
    "[bold red]LOUD[/] [link=http://evil.example]MARK[/link] "
    "\u202eRLO\u202c \u2066ISO\u2069 ZE\u200bRO"
)
TITLE = f"Hostile {ATTACK} Title"
AUTHOR = f"Sandip {ATTACK} Mishra"
COLUMN = f"East {ATTACK} Compass"
# What must be left of ATTACK wherever it is shown: the words and the markup, as text.
VISIBLE = ("RED", "LINK", "[bold red]LOUD[/]", "[link=http://evil.example]MARK[/link]", "ZERO")
RICH_STYLE = re.compile(r"\x1b\[[0-9;]*m")  # the colours Rich itself prints
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)


@pytest.fixture
def hostile(tmp_path: Path) -> list[str]:
    corpus = tmp_path / "corpus"
    body = [f"Body {ATTACK} moscow. " + FILLER] + [FILLER] * 12
    write(corpus, "9001-old.txt", old_page(9001, TITLE, body, author=AUTHOR, column=COLUMN))
    write(corpus, "9002-old.txt", old_page(9002, "Calm Title", [FILLER + " moscow"] * 3))
    listing = column_listing(COLUMN, AUTHOR, [(TITLE, dt.date(2015, 3, 2), 9001, "An excerpt")])
    write(corpus, "listing.txt", listing + "\n" + "\n".join([FILLER] * 12))
    return ["--corpus", str(corpus), "--index", str(tmp_path / "index")]


def assert_inert(output: str) -> None:
    """No escape sequence but Rich's own colours, no control, bidi or zero-width character."""
    plain = RICH_STYLE.sub("", output)
    assert "\x1b" not in plain, repr(plain[max(0, plain.find("\x1b") - 40) :][:80])
    assert not FORBIDDEN.search(plain), repr(FORBIDDEN.search(plain))
    assert "[31m" not in plain and "pwned" not in plain and "dcs" not in plain


VIEWS = [
    ["read", "9001"],
    ["search", "moscow"],
    ["search", "hostile", "--facets"],
    ["columns"],
    ["authors"],
    ["authors", "Sandip"],
    ["browse"],
    ["cite", "9001"],
    ["cite", "9001", "--style", "bibtex"],
    ["stats"],
]


@pytest.mark.parametrize("view", VIEWS, ids=" ".join)
def test_page_text_is_inert_in_every_view(view: list[str], hostile: list[str]) -> None:
    color = [] if view[0] == "cite" and "--style" in view else ["--color", "always"]
    result = runner.invoke(app, [*view, *color, *hostile], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout)
    assert_inert(result.stderr)
    shown = RICH_STYLE.sub("", result.stdout)
    assert "RED" in shown  # the page's words are still there, only their controls went
    if view[0] in ("read", "search"):
        for part in VISIBLE:
            assert part in shown, part


def test_read_shows_the_markup_literally(hostile: list[str]) -> None:
    result = runner.invoke(app, ["read", "9001", "--color", "never", *hostile])
    assert "Hostile RED LINK [bold red]LOUD[/] [link=http://evil.example]MARK[/link]" in (
        result.stdout
    )


def test_parse_summary_is_inert(hostile: list[str]) -> None:
    page = Path(hostile[1]) / "9001-old.txt"
    result = runner.invoke(app, ["parse", str(page), "--color", "always"])
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout)
    assert "[bold red]LOUD[/]" in RICH_STYLE.sub("", result.stdout)


def test_json_output_holds_no_controls(hostile: list[str]) -> None:
    result = runner.invoke(app, ["search", "moscow", "--json", *hostile])
    data = json.loads(result.stdout)
    hit = next(h for h in data["hits"] if h["number"] == 9001)
    assert not FORBIDDEN.search(json.dumps(hit, ensure_ascii=False))
    assert "\x1b" not in json.dumps(hit, ensure_ascii=False)


def test_the_parser_takes_escape_sequences_out_whole() -> None:
    page = parse_text(old_page(9001, TITLE, [FILLER] * 12, author=AUTHOR))
    assert page.title == (
        "Hostile RED LINK [bold red]LOUD[/] [link=http://evil.example]MARK[/link] "
        "RLO ISO ZERO Title"
    )
    assert page.authors[0].name.startswith("Sandip RED LINK")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b[2Jb", "ab"),  # clear screen
        ("a\x1b]8;;http://x\x07b\x1b]8;;\x07", "ab"),  # OSC 8 ended by BEL
        ("a\x1b]52;c;aGk=\x1b\\b", "ab"),  # clipboard write
        ("a\x9b31mb", "a31mb"),  # 8-bit CSI: the introducer goes, the rest is text
        ("a\x9d8;;http://x\x9cb", "a8;;http://xb"),
        ("a\x1b]0;cut off", "a"),  # never terminated: to the end of the line
        ("a\rb\x08c", "abc"),
        ("\u202egnp.exe\u202c", "gnp.exe"),
        ("a\u2066b\u2069\u200dc\ufeff", "abc"),
    ],
)
def test_clean_removes_controls(raw: str, shown: str) -> None:
    assert clean(raw) == shown


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(codec=None), max_size=40))
@example("Kim\u00a0Jong-un\u2019s visit")  # printable but not ASCII: kept as it is
@example("a\u200bb")  # a format character: not printable, taken out
def test_clean_takes_printable_text_as_it_is(text: str) -> None:
    """Printable text is passed through untouched: what the two patterns would leave."""
    from ipcsreader.render.safe import _INVISIBLE
    from ipcsreader.text import ESCAPES

    assert clean(text) == _INVISIBLE.sub("", ESCAPES.sub("", text))


# Pathological pages: each parsed or refused quickly, with a reason.


def html_nested(depth: int) -> bytes:
    return b"<html><body>" + b"<div>" * depth + b"x" + b"</div>" * depth + b"</body></html>"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"word " * 4_000_000, "too large for a saved web page (20.0 MB; the most is 4.0 MB)"),
        (
            b"\n".join(b"line %d" % i for i in range(100_000)),
            "too many lines for a saved web page (100,000; the most is 20,000)",
        ),
        (html_nested(100_000), "HTML nested too deep (more than 200 elements)"),
        (
            b"<html><body>" + b"<span>x</span>" * 30_000 + b"</body></html>",
            "too many HTML elements (more than 25,000)",
        ),
        (bytes(range(256)) * 400, "a binary file, not a saved web page"),
        (random.Random(7).randbytes(100_000), "a binary file, not a saved web page"),
    ],
    ids=["20MB", "100k-lines", "deep-html", "many-tags", "all-bytes", "random-bytes"],
)
def test_pathological_pages_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(PageError) as caught:
        parse_bytes(data, "bad.html")
    assert caught.value.reason == reason
    assert caught.value.file == "bad.html"


def test_invalid_utf8_is_read_as_cp1252() -> None:
    text = old_page(9001, "Caf\xe9 Diplomacy", [FILLER])
    page = parse_bytes(text.encode("cp1252") + b"\x81\x8d")
    assert page.title == "Café Diplomacy"


def test_pages_just_inside_the_bounds_parse() -> None:
    body = ("word " * 150_000 + "\n\n") * 5  # 3.75 MB in five huge paragraphs
    assert len(body) < limits.MAX_PAGE_BYTES
    page = parse_text(old_page(9001, "Big", [body]))
    assert page.number == 9001
    nested = html_nested(limits.MAX_HTML_DEPTH - 5).decode()
    with pytest.raises(PageError, match="not an IPCS page"):
        parse_text(nested)


def test_bad_pages_do_not_stop_the_rest_of_the_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "9001-old.txt", old_page(9001, "Good Page", [FILLER]))
    (corpus / "huge.txt").write_bytes(b"word " * 1_000_000)
    (corpus / "deep.html").write_bytes(html_nested(5000))
    (corpus / "noise.txt").write_bytes(bytes(range(256)) * 40)
    summary = Library.open(corpus, tmp_path / "index").update()
    assert summary.added == 1
    assert sorted(Path(f).name for f, _ in summary.failed) == ["deep.html", "huge.txt", "noise.txt"]


def test_a_pipe_or_a_device_in_the_corpus_is_named_not_waited_for(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo") or not Path("/dev/zero").exists():
        pytest.skip("no named pipes or /dev/zero on this system")
    corpus = tmp_path / "corpus"
    write(corpus, "9001-old.txt", old_page(9001, "Good Page", [FILLER]))
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "zero.txt").symlink_to("/dev/zero")
    summary = Library.open(corpus, tmp_path / "index").update()
    assert summary.added == 1
    assert sorted((Path(f).name, why) for f, why in summary.failed) == [
        ("pipe.txt", "not a file that holds a page (a pipe or a device)"),
        ("zero.txt", "not a file that holds a page (a pipe or a device)"),
    ]


# Hostile queries.


@pytest.fixture
def library(tmp_path: Path) -> Library:
    corpus = tmp_path / "corpus"
    # One page with 1,200 different words starting with "a": more than a wildcard may mean.
    vocabulary = " ".join(f"a{i:04d}x" for i in range(1200))
    write(corpus, "9001-old.txt", old_page(9001, "Words Galore", [FILLER, vocabulary]))
    write(corpus, "9002-old.txt", old_page(9002, "Moscow Talks", [FILLER]))
    lib = Library.open(corpus, tmp_path / "index")
    lib.update()
    return lib


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("north korea date:[2014", "the query has a range ('[' or '{') that is never closed"),
        ("x" * 10_000, "the query is 10,000 characters long; the most is 1,600"),
        (" ".join(f"w{n}" for n in range(161)), "the query has more than 160 words; use fewer"),
        ("*", "a word cannot start with '*' or '?'; put letters before them (nucl*)"),
        ("korea *ism", "a word cannot start with '*' or '?'; put letters before them (nucl*)"),
        ("title:?orea", "a word cannot start with '*' or '?'; put letters before them (nucl*)"),
        ("?", "a word cannot start with '*' or '?'; put letters before them (nucl*)"),
        ("? moscow", "a word cannot start with '*' or '?'; put letters before them (nucl*)"),
        ("moscow ?a", "a word cannot start with '*' or '?'; put letters before them (nucl*)"),
        ("nuclear~5", "'~' allows at most 2 edits (nucelar~2), not 5"),
        ("a~2", "'a~2' is too short for 2 edits: give a word of at least 5 letters"),
        ("ab~", "'ab~' is too short for 1 edit: give a word of at least 3 letters"),
        # A mark between the word and its "~" (a boost): Whoosh still reads the edits, and
        # eight took it 13 seconds (found by fuzzing).
        ("koreanpeninsula^~8", "'~' allows at most 2 edits (nucelar~2), not 8"),
        ("korea^2.5~7", "'~' allows at most 2 edits (nucelar~2), not 7"),
        ("ko^~2", "'ko~2' is too short for 2 edits: give a word of at least 5 letters"),
        ("a*", "'a*' stands for more than 1,000 different words; make it longer"),
        # A range of words typed without a field: as typed, not as the first field it is.
        (
            "korea [a TO az]",
            "'[a TO az]' stands for more than 1,000 different words; make it longer",
        ),
        (
            "korea {a TO az}",
            "'{a TO az}' stands for more than 1,000 different words; make it longer",
        ),
        (
            "korea body:[a TO]",
            "'[a TO]' stands for more than 1,000 different words; make it longer",
        ),
        (
            "date:[x to y]",
            "'date:[x to y]': 'x' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, as in "
            "date:2015, date:2015-06-30, date:>=2014 or date:[2014 TO 2016-06]",
        ),
        (
            "AND (",
            "nothing to search for once left out: a “(” never closed; “AND” with no word before it",
        ),
    ],
)
def test_hostile_queries_get_a_clear_error(library: Library, query: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        library.search(SearchQuery(text=query))
    assert caught.value.message == message


@pytest.mark.parametrize(
    "query", ["unknown:field", "a01*", "moscow~2", '"what ?"', "((((moscow))))", "^", "+ -"]
)
def test_odd_queries_get_an_answer(library: Library, query: str) -> None:
    result = library.search(SearchQuery(text=query))
    assert result.total >= 0


def test_a_phrase_may_hold_question_marks() -> None:
    check_syntax('"why ? and * then"')


def test_hostile_query_through_the_cli_exits_2(hostile: list[str]) -> None:
    result = runner.invoke(app, ["search", "x" * 10_000, *hostile])
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: the query is 10,000 characters long; the most is 1,600\n")
