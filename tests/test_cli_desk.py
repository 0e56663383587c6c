"""The desk's commands through Typer's CliRunner: each happy path and each error path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import desk_world
import pytest
from desk_world import JAPAN, KOREA, LISTED, MAOISTS
from typer.testing import CliRunner

from ipcsreader.cli import app
from ipcsreader.library import Library

runner = CliRunner()
DESK_COMMANDS = [
    ["mark"],
    ["tag"],
    ["untag"],
    ["tags"],
    ["note"],
    ["list"],
    ["follow"],
    ["follows"],
    ["unfollow"],
    ["new"],
    ["desk"],
    ["desk", "export"],
    ["desk", "import"],
]


@pytest.fixture
def world(tmp_path: Path) -> list[str]:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    desk_world.build(corpus)
    Library.open(corpus, index).update()
    return ["--corpus", str(corpus), "--index", str(index)]


def run(world: list[str], *args: str, code: int = 0, **kwargs: object) -> str:
    """Standard output of a run ending with ``code``; standard error too when that is not 0."""
    where = [] if args[0] == "desk" else world  # carrying the desk needs no corpus
    result = runner.invoke(app, [*args, *where], **kwargs)  # type: ignore[arg-type]
    assert result.exit_code == code, result.output
    return result.stdout if code == 0 else result.stderr + result.stdout


def error(world: list[str], *args: str, code: int = 1, **kwargs: object) -> str:
    out = run(world, *args, code=code, **kwargs)
    assert out.startswith("Error: ") and out.count("\n") == 1, out
    return out


@pytest.mark.parametrize("command", DESK_COMMANDS, ids=" ".join)
def test_every_desk_command_has_help_with_an_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout


# mark


def test_mark_read_and_unread(world: list[str]) -> None:
    assert (
        run(world, "mark", str(KOREA), "#7003", "--read")
        == "Marked #7001, #7003 read (2 changed).\n"
    )
    data = json.loads(run(world, "mark", str(KOREA), "--unread", "--json"))
    assert data == {"numbers": [KOREA], "read": False, "changed": 1}
    listed = json.loads(run(world, "list", "--json"))
    assert [(i["number"], i["read"]) for i in listed] == [(KOREA, False)]


def test_mark_errors(world: list[str]) -> None:
    assert "say --read or --unread" in error(world, "mark", str(KOREA), code=2)
    assert "no article 99 in the corpus; add --force" in error(world, "mark", "99", "--read")
    assert "known only from a listing" in error(world, "mark", str(LISTED), "--read")
    assert "not an article number" in error(world, "mark", "x", "--read", code=2)
    assert "not an article number" in error(world, "mark", "７００１", "--read", code=2)
    assert "start at 1" in error(world, "mark", "0", "--read", code=2)
    huge = "99999999999999999999"  # past SQLite's integers, even with --force
    assert f"No article {huge}" in error(world, "mark", huge, "--read", "--force")
    run(world, "mark", "99", "--read", "--force")


# tag, untag, tags


def test_tag_untag_and_tags(world: list[str]) -> None:
    out = run(world, "tag", str(KOREA), str(JAPAN), "korea", "six party talks")
    assert out == "Tagged #7001, #7003 korea, six party talks (4 new).\n"
    data = json.loads(run(world, "tag", str(KOREA), "korea", "2015", "--json"))
    assert data == {"numbers": [KOREA], "tags": ["korea", "2015"], "added": 1}  # a number-tag
    assert run(world, "tags") == "2  korea\n2  six party talks\n1  2015\n"
    assert json.loads(run(world, "tags", "--json"))[0] == {"tag": "korea", "count": 2}
    assert run(world, "untag", str(KOREA), "korea") == "Took korea off #7001 (1 removed).\n"
    assert json.loads(run(world, "untag", str(JAPAN), "korea", "--json"))["removed"] == 1


def test_tag_errors(world: list[str]) -> None:
    assert "no article 4 in the corpus" in error(world, "tag", "4", "korea")
    run(world, "tag", "4", "korea", "--force")
    assert "cannot be empty" in error(world, "tag", str(KOREA), " ", code=2)
    assert "control character" in error(world, "tag", str(KOREA), "a\x1bb", code=2)
    assert "one or more tags" in error(world, "tag", str(KOREA), code=2)
    assert "numbers first" in error(world, "tag", "korea", code=2)
    assert "No article 99999999999999999999" in error(world, "tag", "99999999999999999999", "x")
    assert "had no tag nothing" in error(world, "untag", str(KOREA), "nothing")


def test_tags_when_there_are_none(world: list[str]) -> None:
    assert "No tags yet" in run(world, "tags")


# note


def test_note_write_show_and_delete(world: list[str]) -> None:
    assert run(world, "note", str(KOREA), "Compare with Hanoi.") == (
        "Saved the note on #7001 (19 characters).\n"
    )
    assert run(world, "note", str(KOREA), "--show") == "Compare with Hanoi.\n"
    data = json.loads(run(world, "note", str(KOREA), "--show", "--json"))
    assert data == {"number": KOREA, "note": "Compare with Hanoi."}
    assert run(world, "note", str(KOREA), "--delete") == "Deleted the note on #7001.\n"
    assert "No note on #7001" in run(world, "note", str(KOREA), "--show")
    assert run(world, "note", str(KOREA), "!") == "Saved the note on #7001 (1 character).\n"


def test_note_errors(world: list[str]) -> None:
    assert "no article 5 in the corpus" in error(world, "note", "5", "x")
    assert "has no note" in error(world, "note", str(KOREA), "--delete")
    assert "not both" in error(world, "note", str(KOREA), "--show", "--delete", code=2)
    assert "not two of them" in error(world, "note", str(KOREA), "x", "--show", code=2)
    assert "the note is empty" in error(world, "note", str(KOREA), "  ", code=2)
    assert "one article number" in error(world, "note", "1-3", "x", code=2)


def test_a_one_megabyte_note_from_stdin_is_kept(world: list[str]) -> None:
    big = "My own words on the article, at length.\n" * 27_000
    assert len(big.encode()) > 1024 * 1024
    run(world, "note", str(KOREA), "-", input=big)
    assert run(world, "note", str(KOREA), "--show") == big.rstrip("\n") + "\n"


def test_a_hundred_megabyte_note_is_refused_with_a_reason(world: list[str], tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: no disk written for it
    with huge.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "ipcsreader", "note", str(KOREA), "-", *world],
            stdin=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert (done.returncode, done.stderr) == (
        2,
        "Error: the note is 100.0 MB; the most is 8.0 MB (a note is your own words beside an "
        "article, not a document)\n",
    )
    assert "No note" in run(world, "note", str(KOREA), "--show")


def test_note_in_the_editor(
    world: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = tmp_path / "editor.py"
    # Appends a line to the file it is given, as a person would.
    editor.write_text("import sys\nopen(sys.argv[1], 'a').write('Added in the editor.\\n')\n")
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor}")
    run(world, "note", str(KOREA), "First.\n")
    run(world, "note", str(KOREA))
    assert run(world, "note", str(KOREA), "--show") == "First.\nAdded in the editor.\n"
    monkeypatch.setenv("VISUAL", f"{sys.executable} -c 'raise SystemExit(3)'")
    assert "failed (exit 3); the note is as it was" in error(world, "note", str(KOREA), code=2)
    monkeypatch.delenv("VISUAL")
    monkeypatch.delenv("EDITOR", raising=False)
    assert "set $VISUAL or $EDITOR" in error(world, "note", str(KOREA), code=2)


# list


def test_list_newest_first_and_its_filters(world: list[str]) -> None:
    run(world, "tag", str(JAPAN), str(MAOISTS), "asia")
    run(world, "tag", str(KOREA), "korea")
    run(world, "note", str(JAPAN), "Security laws")
    run(world, "mark", str(MAOISTS), "--read")
    numbers = [i["number"] for i in json.loads(run(world, "list", "--json"))]
    assert numbers == [MAOISTS, KOREA, JAPAN]  # 2016, 2015, 2014
    tagged = [i["number"] for i in json.loads(run(world, "list", "--tag", "asia", "--json"))]
    assert tagged == [MAOISTS, JAPAN]
    unread = [i["number"] for i in json.loads(run(world, "list", "--unread", "--json"))]
    assert unread == [KOREA, JAPAN]
    noted = json.loads(run(world, "list", "--noted", "--json"))
    assert [(i["number"], i["note"], i["tags"]) for i in noted] == [
        (JAPAN, "Security laws", ["asia"])
    ]
    text = run(world, "list", "--limit", "1")
    assert text.startswith("3 articles on your reading list\n\n#7002 · 1 May 2016 · Red Affairs\n")
    assert "… 2 more (--limit 0 shows all)" in text


def test_list_shows_unread_once_something_is_read(world: list[str]) -> None:
    run(world, "tag", str(KOREA), str(JAPAN), "asia")
    assert "unread" not in run(world, "list")  # nothing read yet: no marks to tell apart
    run(world, "mark", str(KOREA), "--read")
    text = run(world, "list")
    assert "#7003 · 9 Jan 2014 · East Asia Compass · unread\n" in text
    assert "#7001 · 2 Mar 2015 · East Asia Compass\n" in text


def test_list_errors(world: list[str]) -> None:
    assert "no article has the tag 'nope'" in error(world, "list", "--tag", "nope")
    assert "--limit must be 0" in error(world, "list", "--limit", "-1", code=2)
    assert "0 articles on your reading list" in run(world, "list")


# read marks, the note under the header, unread in search results


def test_read_marks_read_and_shows_the_note(
    world: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(world, "note", str(KOREA), "My note\nsecond line")
    text = run(world, "read", str(KOREA), "--no-pager")
    header, rest = text.split("\n\n", 1)
    assert header.endswith("https://www.ipcs.org/comm_select.php?articleNo=7001")
    assert rest.startswith("  Your note\n  My note\n  second line\n\nNorth Korea and Russia meet.")
    assert json.loads(run(world, "search", "is:read", "--json"))["total"] == 1
    run(world, "read", str(JAPAN), "--no-pager", "--no-mark")
    monkeypatch.setenv("IPCS_MARK_READ", "0")
    run(world, "read", str(MAOISTS), "--no-pager")
    run(world, "read", str(MAOISTS), "--format", "json")  # a tool reading: not a person
    assert [h["number"] for h in json.loads(run(world, "search", "is:read", "--json"))["hits"]] == [
        KOREA
    ]


def test_machine_formats_carry_the_desk_but_mark_nothing(world: list[str]) -> None:
    plain = json.loads(run(world, "read", str(KOREA), "--format", "json"))
    assert (plain["read"], plain["tags"], plain["note"]) == (None, [], None)  # no desk yet
    assert "Your note" not in run(world, "read", str(KOREA), "--format", "markdown")
    run(world, "note", str(KOREA), "Compare *with* 2014\nsecond line")
    run(world, "tag", str(KOREA), "korea", "summits")
    run(world, "mark", str(JAPAN), "--read")
    data = json.loads(run(world, "read", str(KOREA), "--format", "json"))
    assert data["number"] == KOREA
    assert (data["read"], data["tags"]) == (None, ["korea", "summits"])
    assert data["note"] == "Compare *with* 2014\nsecond line"
    markdown = run(world, "read", str(KOREA), "--format", "markdown")
    assert "> **Your note**\n>\n> Compare \\*with\\* 2014\n> second line\n\nNorth Korea" in markdown
    # Neither format marked #7001 read; reading #7003 as json shows its mark.
    assert json.loads(run(world, "read", str(JAPAN), "--format", "json"))["read"] is True
    assert [h["number"] for h in json.loads(run(world, "search", "is:read", "--json"))["hits"]] == [
        JAPAN
    ]
    hits = json.loads(run(world, "search", "north korea", "--sort", "newest", "--json"))["hits"]
    assert [(h["number"], h["read"], h["tags"]) for h in hits] == [
        (KOREA, None, ["korea", "summits"]),
        (JAPAN, True, []),
    ]


def test_search_shows_unread_hits_and_takes_desk_terms(world: list[str]) -> None:
    assert "unread" not in run(world, "search", "north korea")
    run(world, "mark", str(KOREA), "--read")
    text = run(world, "search", "north korea", "--sort", "newest")
    assert " 1. #7001 · 2 March 2015 · East Asia Compass\n" in text
    assert " 2. #7003 · 9 January 2014 · East Asia Compass · unread\n" in text
    run(world, "tag", str(JAPAN), "japan")
    run(world, "note", str(MAOISTS), "The Bastar ambush")
    hits = lambda q: [h["number"] for h in json.loads(run(world, "search", q, "--json"))["hits"]]  # noqa: E731
    assert hits("korea tag:japan") == [JAPAN]
    assert hits("korea -tag:japan") == [KOREA]
    assert hits("korea Tag: japan") == [JAPAN]  # a field's name as typed in a hurry
    assert hits("has:note") == [MAOISTS]
    assert hits("note:bastar") == [MAOISTS]
    assert sorted(hits("is:unread")) == [MAOISTS, JAPAN]
    assert "beside OR" in error(world, "search", "korea OR tag:japan", code=2)
    assert "No articles match “note:nothing”" in run(world, "search", "note:nothing", code=1)


def test_a_tag_no_article_has_says_so(world: list[str]) -> None:
    # A reader may take tag: for a subject's: the search says what it asks for.
    assert error(world, "search", "korea tag:naxal") == (
        "Error: you have tagged no article “naxal”: tag: asks for your own tags, and you "
        "have none yet (ipcs tag 4842 korea)\n"
    )
    run(world, "tag", str(JAPAN), "japan")
    assert "and yours are japan\n" in error(world, "search", "korea Tag: naxal")
    run(world, "tag", str(KOREA), "b", "c", "d", "e", "f")
    assert "and yours are b, c, d, e, f …\n" in error(world, "search", "korea tag:naxal")
    # Left out, or found: nothing to say.
    assert "No articles match" in run(world, "search", "xylophone -tag:naxal", code=1)
    assert "No articles match" in run(world, "search", "xylophone tag:japan", code=1)


# cite, export and trend --tag


def test_cite_export_and_trend_take_a_tag(world: list[str], tmp_path: Path) -> None:
    run(world, "tag", str(KOREA), str(JAPAN), "korea")
    bib = run(world, "cite", "--tag", "korea", "--style", "bibtex")
    assert bib.count("@misc{") == 2 and "article no.~7001" in bib and "article no.~7003" in bib
    lines = run(world, "export", "--tag", "korea").splitlines()
    assert [json.loads(line)["number"] for line in lines] == [KOREA, JAPAN]
    assert [
        json.loads(x)["number"]
        for x in run(world, "export", "russia", "--tag", "korea").splitlines()
    ] == [KOREA]
    trend = json.loads(run(world, "trend", "korea", "--tag", "korea", "--json"))
    assert trend["total"] == 2
    assert "no article has the tag 'none'" in error(world, "cite", "--tag", "none")
    run(world, "tag", "99999", "gone", "korea", "--force")  # not in the corpus: left out
    assert run(world, "cite", "--tag", "korea", "--style", "bibtex") == bib
    assert "none of the articles tagged 'gone'" in error(world, "cite", "--tag", "gone")
    assert "not both" in error(world, "cite", "7001", "--tag", "korea", code=2)
    assert "tagged 'korea'" in error(world, "trend", "maoist", "--tag", "korea")
    for command in (["export"], ["cite"], ["trend", "korea"]):
        assert "a tag cannot be empty" in error(world, *command, "--tag", "", code=2)


# follow, follows, unfollow, new


def test_follow_and_new(world: list[str]) -> None:
    corpus = Path(world[1])
    assert run(world, "follow", "North", "Korea") == (
        "Following “North Korea” (follow 1); `ipcs new` lists what arrives.\n"
    )
    assert json.loads(run(world, "follow", "--author", "Routray", "--json"))["kind"] == "author"
    run(world, "follow", "--column", "East Asia Compass")
    assert run(world, "follows").splitlines()[0].startswith("1  “North Korea”  since ")
    assert "0 articles arrived" in run(world, "new")
    desk_world.arrive(corpus, 7100, "Pyongyang Again", "North Korea tests a missile.")
    desk_world.arrive(corpus, 7101, "Monsoon", "Rain in Kerala.")
    peek = json.loads(run(world, "new", "--peek", "--json"))
    assert peek["arrived"] == 2 and peek["peek"] is True
    text = run(world, "new")
    assert text.startswith("2 articles arrived since the last ipcs new\n\n1  “North Korea” (1)\n")
    assert (
        "  #7100 · 2 Mar 2015 · East Asia Compass\n  Pyongyang Again — Sandip Kumar Mishra\n"
        in text
    )
    assert text.endswith(
        "3  column East Asia Compass (2)\n  #7101 · 2 Mar 2015 · East Asia Compass\n"
        "  Monsoon — Sandip Kumar Mishra\n  #7100 (above)\n"
    )
    after = json.loads(run(world, "new", "--json"))
    assert after["arrived"] == 0 and all(f["hits"] == [] for f in after["follows"])
    assert run(world, "unfollow", "2") == "No longer following author Routray.\n"
    assert [f["id"] for f in json.loads(run(world, "follows", "--json"))] == [1, 3]


def test_follow_errors(world: list[str]) -> None:
    assert "follow one thing" in error(world, "follow", code=2)
    assert "follow one thing" in error(world, "follow", "x", "--author", "y", code=2)
    assert "never closed" in error(world, "follow", "korea date:[2014", code=2)
    run(world, "follow", "korea")
    assert "already follow" in error(world, "follow", "korea", code=2)
    assert "no follow 9" in error(world, "unfollow", "9")
    assert "no follow 99999999999999999999" in error(world, "unfollow", "99999999999999999999")
    assert "not a follow's number" in error(world, "unfollow", "abc", code=2)
    # A name with no word to look for would stop every `ipcs new`: refused now.
    assert "--author '%' has no words to look for" in error(
        world, "follow", "--author", "%", code=2
    )
    assert "--column '*' has no words" in error(world, "follow", "--column", "*", code=2)


def test_a_follow_that_cannot_run_stops_no_other(world: list[str], tmp_path: Path) -> None:
    # `ipcs follow` refuses such a search; a desk export from elsewhere may still hold one.
    corpus = Path(world[1])
    run(world, "follow", "korea")
    file = tmp_path / "desk.json"
    run(world, "desk", "export", str(file))
    data = json.loads(file.read_text())
    bad = {**data["follows"][0], "id": 2, "query": "korea date:[2014"}
    data["follows"].append(bad)
    file.write_text(json.dumps(data))
    result = runner.invoke(app, ["desk", "import", str(file)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "follow 2 (“korea date:[2014”) cannot run: "
        "the query has a range ('[' or '{') that is never closed\n"
    )
    # Named at once, before anything arrives for it.
    assert (
        run(world, "follows")
        .splitlines()[1]
        .endswith("  cannot run: the query has a range ('[' or '{') that is never closed")
    )
    assert [f["error"] for f in json.loads(run(world, "follows", "--json"))] == [
        None,
        "the query has a range ('[' or '{') that is never closed",
    ]
    assert "2  “korea date:[2014” cannot run" in run(world, "new", "--peek")
    desk_world.arrive(corpus, 7100, "Pyongyang Again", "North Korea tests a missile.")
    text = run(world, "new", "--peek")
    assert "1  “korea” (1)\n  #7100 " in text
    assert text.endswith(
        "\n2  “korea date:[2014” cannot run: "
        "the query has a range ('[' or '{') that is never closed\n"
        "   Change it: ipcs unfollow 2, then ipcs follow again.\n"
    )
    shown = json.loads(run(world, "new", "--json"))
    assert [f["id"] for f in shown["follows"]] == [1]
    never = "the query has a range ('[' or '{') that is never closed"
    assert shown["broken"] == [{**bad, "error": never}]


def test_new_without_follows(world: list[str]) -> None:
    assert "You follow nothing yet" in run(world, "new")
    assert "You follow nothing yet" in run(world, "follows")


# desk export / import


def test_desk_export_and_import(world: list[str], tmp_path: Path) -> None:
    run(world, "tag", str(KOREA), "korea")
    run(world, "note", str(KOREA), "Mine")
    run(world, "follow", "korea")
    file = tmp_path / "desk.json"
    run(world, "desk", "export", str(file))
    exported = file.read_text()
    assert "already exists" in error(world, "desk", "export", str(file), code=2)
    run(world, "desk", "export", str(file), "--force")
    assert file.read_text() == exported == run(world, "desk", "export", "-")
    assert json.loads(run(world, "desk", "import", str(file), "--json"))["tags"] == 0
    assert run(world, "desk", "import", str(file)) == (
        f"Nothing to import from {file}: your desk has all of it.\n"
    )
    data = json.loads(exported)
    data["notes"][0]["text"] = "Theirs"
    file.write_text(json.dumps(data))
    result = runner.invoke(app, ["desk", "import", str(file)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Imported 0 marks, 0 tags, 1 note and 0 follows")
    assert "1 note differed from yours (#7001): each article keeps both" in result.stderr
    assert run(world, "note", str(KOREA), "--show").startswith("Mine\n\n--- imported note")


def test_desk_settings_travel_with_the_desk(world: list[str], tmp_path: Path) -> None:
    from ipcsreader import paths
    from ipcsreader.desk.store import Desk

    desk = Desk.open(paths.desk_file())
    assert desk is not None
    desk.set_setting("cite-style", "apa")  # as ipcs ui keeps the citation style
    file = tmp_path / "desk.json"
    result = runner.invoke(app, ["desk", "export", str(file)])
    assert "Wrote 0 marks, 0 tags, 0 notes, 0 follows and 1 setting to" in result.stderr
    data = json.loads(file.read_text())
    data["settings"][0].update(value="mla", at="2999-01-01T00:00:00Z")
    file.write_text(json.dumps(data))
    assert run(world, "desk", "import", str(file)) == (
        f"Imported 0 marks, 0 tags, 0 notes, 0 follows and 1 setting from {file}.\n"
    )
    assert desk.setting("cite-style") == "mla"


def test_desk_import_errors(world: list[str], tmp_path: Path) -> None:
    assert "cannot read" in error(world, "desk", "import", str(tmp_path / "none.json"), code=2)
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    assert "is not a desk export" in error(world, "desk", "import", str(bad), code=2)


def test_a_desk_from_a_newer_ipcs_does_not_stop_reading(world: list[str]) -> None:
    import sqlite3
    from contextlib import closing

    from ipcsreader import paths

    run(world, "tag", str(KOREA), "korea")
    with closing(sqlite3.connect(paths.desk_file())) as db:
        db.execute("PRAGMA user_version = 99")
    result = runner.invoke(app, ["read", str(KOREA), "--no-pager", *world])
    assert result.exit_code == 0
    assert result.stdout.startswith("Russia and North Korea\n")
    assert "Warning: your desk was written by a newer ipcs (desk version 99" in result.stderr
    assert "#7001" in run(world, "search", "russia")
    assert "newer ipcs" in error(world, "tags")
