"""``ipcs ui``: the index updated behind the app, the command line, and the other commands
staying free of Textual."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from search_world import FILLER, old_page, write
from textual.pilot import Pilot
from typer.testing import CliRunner
from ui_world import FIXTURES, drive, indexed, make_app, screen_text, settle, small_corpus, typed

from ipcsreader.cli import app as cli_app
from ipcsreader.store.lock import IndexLock
from ipcsreader.ui.indexer import update_in_background


def test_a_missing_index_is_built_in_the_background_then_searched(tmp_path: Path) -> None:
    app = make_app(small_corpus(tmp_path), tmp_path / "index", query="harbour", update=True)

    async def scenario(pilot: Pilot) -> None:
        await settle(pilot, limit=60)
        assert "Ports and Promises" in screen_text(app)
        assert app.index_generation == 1 and app.index_note == ""
        assert any("Index updated: 3 files changed" in n.message for n in app._notifications)

    drive(app, scenario)


def test_searches_answer_from_the_last_index_while_it_is_updated(tmp_path: Path) -> None:
    corpus, index = indexed(small_corpus(tmp_path), tmp_path / "index")
    shutil.copy(FIXTURES / "pages" / "old-two-authors.txt", corpus / "rivers.txt")
    writer = IndexLock(index)
    writer.acquire()  # another ipcs is writing: the app's indexer has to wait
    app = make_app(corpus, index, update=True)
    # Kept as they come: a notification leaves app._notifications after 5 s, and on a busy
    # machine waiting for the update can take longer than that.
    told: list[str] = []
    notify = app.notify

    def keep(message: str, **options: Any) -> None:
        told.append(message)
        notify(message, **options)

    app.notify = keep  # type: ignore[method-assign]

    async def scenario(pilot: Pilot) -> None:
        try:
            await typed(pilot, "harbour", but="index")
            text = screen_text(app)
            assert "Ports and Promises" in text  # answered from the index as it was
            assert "Index: checking for new pages" in text  # the indicator
            await typed(pilot, "\b" * 7 + "rivers", but="index")
            assert "0 hits" in screen_text(app)  # not in the old index
        finally:
            writer.release()
        await settle(pilot, limit=60)
        assert app.index_generation == 1
        assert "Shared Rivers, Separate Maps" in screen_text(app)  # searched again
        assert any("Another ipcs is updating" in message for message in told)

    drive(app, scenario)


def test_the_indexer_reports_progress_and_a_summary(tmp_path: Path) -> None:
    seen = []
    outcome = asyncio.run(
        update_in_background(small_corpus(tmp_path), tmp_path / "index", seen.append, print)
    )
    assert outcome.error is None and outcome.changed == 3 and outcome.state == "missing"
    assert seen and seen[-1].done == seen[-1].total
    again = asyncio.run(update_in_background(tmp_path / "corpus", tmp_path / "index", print, print))
    assert again.changed == 0 and again.state == "fresh"
    # Several folders (ipcs ui --corpus A --corpus B) reach the indexer process whole.
    other = tmp_path / "other"
    write(other, "9801-old.txt", old_page(9801, "Monsoon Politics", ["Sikkim.", FILLER]))
    both = [tmp_path / "corpus", other]
    more = asyncio.run(update_in_background(both, tmp_path / "index", print, print))
    assert more.changed == 1 and more.state == "stale"


def test_the_indexer_failing_is_a_notification(tmp_path: Path) -> None:
    (tmp_path / "index").write_text("a file where the index folder should be")
    app = make_app(small_corpus(tmp_path), tmp_path / "index", update=True)

    async def scenario(pilot: Pilot) -> None:
        await settle(pilot, limit=60)
        assert any("Updating the index failed" in n.message for n in app._notifications)
        assert app.is_running

    drive(app, scenario)


def test_ipcs_ui_needs_a_terminal() -> None:
    result = CliRunner().invoke(cli_app, ["ui", "north korea"])
    assert result.exit_code == 2
    assert "Error: ipcs ui needs a terminal" in result.output


def test_ipcs_ui_refuses_a_missing_corpus(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli_app, ["ui", "--corpus", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_ipcs_ui_help_has_an_example() -> None:
    result = CliRunner().invoke(cli_app, ["ui", "--help"])
    assert result.exit_code == 0 and 'Example: ipcs ui "north korea"' in result.output


def test_no_other_command_imports_textual(tmp_path: Path) -> None:
    for args in (["search", "x"], ["read", "4842"], ["--help"]):
        ran = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "ipcsreader", *args, "--index", "/dev/null"]
            if args != ["--help"]
            else [sys.executable, "-X", "importtime", "-m", "ipcsreader", *args],
            capture_output=True,
            text=True,
            env={"IPCS_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        )
        imported = [line.split("|")[-1].strip() for line in ran.stderr.splitlines() if "|" in line]
        assert imported, ran.stderr[-500:]
        assert not [name for name in imported if name.split(".")[0] == "textual"], args
