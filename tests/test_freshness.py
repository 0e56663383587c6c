"""What the staleness check before a command sees, and when, at any size of corpus: the
folders, looked at and waited for, and every file, looked at in a child beside the
command or, when the folders vouch, after it has answered (see ipcsreader.freshness)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import forked_child_possible
from search_world import FILLER, old_page, write

from ipcsreader import freshness
from ipcsreader.library import Library
from ipcsreader.store import forked, hints

HOUR_NS = 3600 * 10**9


def _age(folder: Path) -> None:
    """Date the folder's last change an hour back, beyond any clock's coarseness."""
    then = time.time_ns() - HOUR_NS
    os.utime(folder, ns=(then, then))


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Library]:
    """Three pages, checked in a child as at scale, the folders last changed long ago."""
    if not forked_child_possible():
        pytest.skip("no child can be forked here")
    monkeypatch.setattr("ipcsreader.freshness.FORK_FROM_FILES", 0)
    folder = tmp_path / "corpus"
    for number in (9001, 9002, 9003):
        write(folder, f"{number}-old.txt", old_page(number, f"Article {number}", [FILLER]))
    (folder / "sub").mkdir()
    write(folder / "sub", "9004-old.txt", old_page(9004, "Article 9004", [FILLER]))
    _age(folder / "sub")
    _age(folder)
    lib = Library.open(folder, tmp_path / "index")
    lib.update()
    return folder, lib


def _edit_in_place(page: Path) -> None:
    with page.open("a", encoding="utf-8") as out:  # the same file: no folder changes
        out.write("\nOne more line.\n")


def _exit_command() -> None:
    """What a command's process does as it exits: start the deferred full check; and
    here, wait for it."""
    freshness.run_deferred()
    forked.reap(wait=True)


def test_unchanged_folders_vouch_and_every_file_is_looked_at_after_the_answer(
    world: tuple[Path, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, lib = world
    started: list[object] = []
    start = forked.start
    monkeypatch.setattr(forked, "start", lambda work: started.append(work) or start(work))
    check = lib.check_status()
    assert check.vouched and not check.doubtful
    assert (check.result().state, check.result().files) == ("fresh", 4)
    assert started == []  # nothing beside the command
    _exit_command()
    assert len(started) == 1
    assert lib.check_status().vouched  # the check found nothing: no mark left
    _exit_command()


@pytest.mark.parametrize("change", ["add", "remove", "rename", "replace", "new folder", "sub"])
def test_a_page_added_removed_or_renamed_is_seen_before_the_answer(
    world: tuple[Path, Library], monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    folder, lib = world
    page = folder / "9002-old.txt"
    if change == "add":
        write(folder, "9009-old.txt", old_page(9009, "Article 9009", [FILLER]))
    elif change == "remove":
        page.unlink()
    elif change == "rename":
        page.rename(folder / "9002-renamed.txt")
    elif change == "replace":  # saved as ipcs fetch and most editors save: a new file renamed
        tmp = folder / ".9002.tmp"
        tmp.write_text(page.read_text() + "\nMore.\n")
        tmp.rename(page)
    elif change == "new folder":
        write(folder / "new", "9009-old.txt", old_page(9009, "Article 9009", [FILLER]))
    else:
        write(folder / "sub", "9009-old.txt", old_page(9009, "Article 9009", [FILLER]))
    for changed in (folder, folder / "sub"):
        _age(changed)  # not too recent to tell: the folder's own mtime tells
    check = lib.check_status()
    assert not check.vouched
    status = check.result()
    assert status.state == "stale" and status.changed >= 1


def test_an_edit_in_place_is_seen_by_the_next_command(world: tuple[Path, Library]) -> None:
    folder, lib = world
    _edit_in_place(folder / "sub" / "9004-old.txt")
    check = lib.check_status()
    assert check.vouched  # no folder changed
    assert check.result().state == "fresh"  # answered from the index as it was
    _exit_command()  # its check marked the index stale
    check = lib.check_status()
    assert not check.vouched
    assert (check.result().state, check.result().changed) == ("stale", 1)
    lib.update()
    _age(folder)
    _age(folder / "sub")
    lib.update()  # nothing changed: the folders are kept as they are now, not too recent
    assert lib.check_status().vouched
    _exit_command()


def test_a_command_started_while_the_last_ones_check_runs_waits_for_it(
    world: tuple[Path, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, lib = world
    check_files = freshness.check_files

    def slow(*args: object) -> bytes:
        time.sleep(0.5)  # still looking when the next command starts
        return check_files(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(freshness, "check_files", slow)
    _edit_in_place(folder / "9001-old.txt")
    assert lib.check_status().vouched
    freshness.run_deferred()  # the first command exits, its check left running
    check = lib.check_status()  # the next command, at once
    assert not check.vouched
    assert (check.result().state, check.result().changed) == ("stale", 1)
    forked.reap(wait=True)


def test_a_check_that_never_ends_is_not_waited_for_long(
    world: tuple[Path, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, lib = world
    monkeypatch.setattr(freshness, "AWAIT_CHECK_SECONDS", 0.05)
    _edit_in_place(folder / "9001-old.txt")
    hung = hints.hold_check(lib.index_dir, wait=False)
    assert hung is not None
    try:
        check = lib.check_status()
        assert not check.vouched  # so every file is looked at before the answer
        assert (check.result().state, check.result().changed) == ("stale", 1)
    finally:
        os.close(hung)


def test_a_command_process_leaves_its_check_to_the_next_one(
    world: tuple[Path, Library],
) -> None:
    """Whole processes, one right after the other: the check starts as the first exits,
    and the second waits for it."""
    folder, lib = world
    code = (
        "import sys; from ipcsreader import freshness; freshness.FORK_FROM_FILES = 0; "
        "from ipcsreader.cli import main; sys.argv = ['ipcs', *sys.argv[1:]]; main()"
    )
    where = ["--corpus", str(folder), "--index", str(lib.index_dir)]

    def ipcs() -> str:
        ran = subprocess.run(
            [sys.executable, "-c", code, "stats", *where], capture_output=True, text=True
        )
        assert ran.returncode == 0, ran.stderr
        return ran.stderr

    assert ipcs() == ""
    _edit_in_place(folder / "9002-old.txt")
    assert ipcs() == ""  # answered from the index as it was
    assert ipcs() == "Updating the search index (1 file changed)…\n"
    assert ipcs() == ""


def test_an_edit_keeping_size_and_mtime_is_seen_by_no_check(
    world: tuple[Path, Library],
) -> None:
    folder, lib = world
    page = folder / "9003-old.txt"
    st = page.stat()
    page.write_text(page.read_text().replace("Article", "Articel"))  # same size
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert lib.check_status().result().state == "fresh"  # only `ipcs index --rebuild` sees it


def test_folders_changed_too_recently_to_tell_do_not_vouch(
    world: tuple[Path, Library],
) -> None:
    folder, lib = world
    write(folder, "9009-old.txt", old_page(9009, "Article 9009", [FILLER]))
    lib.update()  # the folder changed within the clock's coarseness of this update's scan
    check = lib.check_status()
    assert not check.vouched
    assert check.result().state == "fresh"  # waited for every file, and they match
    forked.reap(wait=True)
    assert not lib.check_status().vouched  # still too recent for the check that matched


def test_damaged_or_foreign_hints_vouch_for_nothing(world: tuple[Path, Library]) -> None:
    _, lib = world
    assert lib.check_status().vouched
    (lib.index_dir / hints.FOLDERS_FILE).write_text("{not json")
    assert not lib.check_status().vouched
    other = Library.open(lib.corpus_dirs[0] / "sub", lib.index_dir)
    assert not other.check_status().vouched


def _ipcs(folder: Path, lib: Library, *args: str):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from ipcsreader.cli import app

    where = ["--corpus", str(folder), "--index", str(lib.index_dir)]
    return CliRunner().invoke(app, [*args, *where])


@pytest.mark.parametrize("command", [("columns",), ("stats",), ("search", "harbour")])
def test_commands_update_first_for_an_added_page_and_next_time_for_an_edit_in_place(
    world: tuple[Path, Library], monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    folder, lib = world
    write(folder, "9009-old.txt", old_page(9009, "Harbour Talks", [FILLER]))
    first = _ipcs(folder, lib, *command)
    assert first.exit_code == 0, first.output
    assert first.stderr == "Updating the search index (1 file changed)…\n"
    _age(folder)
    lib.update()  # the folder's change is now old enough to tell
    assert _ipcs(folder, lib, *command).stderr == ""
    _exit_command()
    _edit_in_place(folder / "9009-old.txt")
    assert _ipcs(folder, lib, *command).stderr == ""  # answered as the index was
    _exit_command()  # its check marked the index stale
    assert _ipcs(folder, lib, *command).stderr == "Updating the search index (1 file changed)…\n"
