"""The desk under faults: killed mid-write, two writers at once, the index thrown away,
pages leaving and coming back. Killed runs are real child processes (tests/killable.py)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import desk_world
import pytest
from desk_world import JAPAN, KOREA, MAOISTS
from test_faults import Child
from typer.testing import CliRunner

from ipcsreader import paths
from ipcsreader.cli import app
from ipcsreader.desk import transfer
from ipcsreader.desk.store import Desk

runner = CliRunner()


@pytest.fixture
def world(tmp_path: Path) -> tuple[Path, Path]:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    desk_world.build(corpus)
    return corpus, index


def ipcs(world: tuple[Path, Path], *args: str) -> str:
    corpus, index = world
    where = [] if args[0] == "desk" else ["--corpus", str(corpus), "--index", str(index)]
    result = runner.invoke(app, [*args, *where])
    assert result.exit_code == 0, result.output
    return result.stdout


def listed(world: tuple[Path, Path], *args: str) -> list[dict[str, object]]:
    return json.loads(ipcs(world, "list", "--json", *args))


def desk_tags() -> list[tuple[str, int]]:
    desk = Desk.open(paths.desk_file())
    assert desk is not None
    try:
        return desk.tag_counts()
    finally:
        desk.close()


def integrity_ok() -> bool:
    with closing(sqlite3.connect(paths.desk_file())) as db:
        return db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# The index is not the desk.


def test_rebuilding_or_deleting_the_index_loses_nothing(world: tuple[Path, Path]) -> None:
    ipcs(world, "tag", str(KOREA), "korea")
    ipcs(world, "note", str(KOREA), "Mine")
    ipcs(world, "mark", str(MAOISTS), "--read")
    before = ipcs(world, "desk", "export", "-")
    ipcs(world, "index", "--rebuild")
    assert [i["number"] for i in listed(world, "--tag", "korea")] == [KOREA]
    shutil.rmtree(world[1])
    assert [i["number"] for i in listed(world, "--tag", "korea")] == [KOREA]
    assert ipcs(world, "desk", "export", "-") == before
    assert not any(p.name.startswith("desk") for p in world[1].iterdir())  # never in the index


def test_tags_and_notes_outlive_a_page_leaving_and_coming_back(world: tuple[Path, Path]) -> None:
    corpus = world[0]
    ipcs(world, "tag", str(MAOISTS), "maoists")
    ipcs(world, "note", str(MAOISTS), "Read again")
    ipcs(world, "follow", "Maoist")
    page = corpus / f"{MAOISTS}-old.txt"
    saved = page.read_bytes()
    page.unlink()
    (item,) = listed(world, "--tag", "maoists")
    assert (item["number"], item.get("title"), item["note"]) == (MAOISTS, None, "Read again")
    assert "not in the corpus now" in ipcs(world, "list")
    page.write_bytes(saved + b"\n")  # back, fetched again (not byte for byte the same)
    (item,) = listed(world, "--tag", "maoists")
    assert (item["title"], item["tags"], item["note"]) == (
        "Maoists in the Forest",
        ["maoists"],
        "Read again",
    )
    news = json.loads(ipcs(world, "new", "--json"))
    assert news["arrived"] == 0  # seen before: not news when it comes back


# Crash safety.


def test_a_tag_killed_before_its_commit_leaves_the_last_committed_state(
    world: tuple[Path, Path],
) -> None:
    corpus, index = world
    ipcs(world, "tag", str(KOREA), "first")
    child = Child(
        "desk-commit",
        "tag",
        str(KOREA),
        str(JAPAN),
        "second",
        "--corpus",
        str(corpus),
        "--index",
        str(index),
    )
    child.wait_paused()
    child.kill()
    assert integrity_ok()
    assert desk_tags() == [("first", 1)]
    ipcs(world, "tag", str(JAPAN), "third")  # the desk works on after the kill
    assert desk_tags() == [("first", 1), ("third", 1)]


def test_an_import_killed_half_way_leaves_none_of_it(
    world: tuple[Path, Path], tmp_path: Path
) -> None:
    ipcs(world, "tag", str(KOREA), "mine")
    exported = {
        "format": "ipcs desk",
        "version": 1,
        "marks": [{"number": JAPAN, "read": True, "at": "2026-01-01T00:00:00Z"}],
        "tags": [{"number": JAPAN, "tag": "theirs", "at": "2026-01-01T00:00:00Z"}],
        "notes": [{"number": JAPAN, "text": "theirs", "at": "2026-01-01T00:00:00Z"}],
        "follows": [],
    }
    file = tmp_path / "desk.json"
    file.write_text(json.dumps(exported))
    before = ipcs(world, "desk", "export", "-")
    child = Child("desk-import-half", "desk", "import", str(file))
    child.wait_paused()
    child.kill()
    assert integrity_ok()
    assert ipcs(world, "desk", "export", "-") == before
    ipcs(world, "desk", "import", str(file))
    assert json.loads(ipcs(world, "desk", "export", "-"))["notes"][0]["text"] == "theirs"


# Two writers at once.


def test_a_writer_waits_for_another_and_both_tags_stay(world: tuple[Path, Path]) -> None:
    corpus, index = world
    ipcs(world, "tag", str(KOREA), "zero")  # the desk and the index exist
    first = Child(
        "desk-commit", "tag", str(KOREA), "first", "--corpus", str(corpus), "--index", str(index)
    )
    first.wait_paused()  # holding the desk's write lock
    second = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ipcsreader",
            "tag",
            str(JAPAN),
            "second",
            "--corpus",
            str(corpus),
            "--index",
            str(index),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with pytest.raises(subprocess.TimeoutExpired):
        second.wait(timeout=1.0)  # it waits for the lock, neither failing nor losing
    code, _, err = first.resume()
    assert code == 0, err
    _, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert desk_tags() == [("first", 1), ("second", 1), ("zero", 1)]


WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from ipcsreader.desk.store import Desk

    path, name, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    desk = Desk.open(path)
    while not go.exists():
        time.sleep(0.001)
    for k in range(150):
        desk.tag([k % 7 + 1], [f"{name}-{k}"])
        desk.tag([99], ["shared"])
        desk.set_note(k % 3 + 1, f"{name} {k}")
    """
)


def test_two_processes_tagging_at_once_lose_no_tag(tmp_path: Path) -> None:
    path, go = tmp_path / "desk.sqlite", tmp_path / "go"
    Desk.open(path)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, str(go)], stderr=subprocess.PIPE
        )
        for name in ("a", "b")
    ]
    go.touch()  # both start together
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    desk = Desk.open(path)
    assert desk is not None
    counts = dict(desk.tag_counts())
    assert counts.pop("shared") == 1
    assert sorted(counts) == sorted(f"{n}-{k}" for n in "ab" for k in range(150))
    assert all(c == 1 for c in counts.values())
    assert transfer.export(desk)["notes"][0]["text"].endswith(" 147")
    assert os.path.getsize(path) > 0
