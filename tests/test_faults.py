"""Faults: a killed `ipcs index`, two at once, searches meanwhile, a damaged index.

The killed runs are real child processes (tests/killable.py) stopped at a chosen point of
an update and killed with SIGKILL there; nothing here depends on timing.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from search_world import FILLER, old_page, write
from typer.testing import CliRunner

import ipcsreader
from ipcsreader.archive.search import SearchQuery
from ipcsreader.cli import app
from ipcsreader.library import Library
from ipcsreader.store import catalog, fsutil, integrity
from ipcsreader.store.lock import IndexLock, is_locked

runner = CliRunner()
KILLABLE = Path(__file__).with_name("killable.py")
BEFORE = {9001, 9002, 9003, 9004}
AFTER = {9001, 9002, 9003, 9005}  # 9004 removed, 9005 added, 9001 retitled


def first_corpus(corpus: Path) -> None:
    for n in sorted(BEFORE):
        write(corpus, f"{n}-old.txt", old_page(n, f"Article {n} on Korea", [FILLER] * 3))


def change(corpus: Path) -> None:
    write(corpus, "9001-old.txt", old_page(9001, "Monsoon Politics", [FILLER] * 3))
    (corpus / "9004-old.txt").unlink()
    write(corpus, "9005-old.txt", old_page(9005, "Article 9005 on Korea", [FILLER] * 3))


def hashes(corpus: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus.iterdir()}


def numbers(index: Path, corpus: Path) -> set[int]:
    """The articles the index holds, read without updating it first."""
    result = Library.open(corpus, index).search(SearchQuery(limit=None, highlight=False))
    return {h.number for h in result.hits}


def leftovers(index: Path) -> list[str]:
    return sorted(p.name for p in index.iterdir() if p.name.endswith(".tmp") or ".toc." in p.name)


class Child:
    """``ipcs ARGS`` in a child process, stopped at ``point`` (see tests/killable.py)."""

    def __init__(self, point: str, *args: str, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(KILLABLE), point, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "COLUMNS": "80", **(env or {})},
        )

    def wait_paused(self) -> None:
        line = self.proc.stdout.readline()  # type: ignore[union-attr]
        if line != "PAUSED\n":
            _, err = self.proc.communicate()
            pytest.fail(f"the child never reached its point: {line!r} {err}")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        assert self.proc.returncode == -signal.SIGKILL

    def resume(self) -> tuple[int, str, str]:
        self.proc.send_signal(signal.SIGUSR1)
        out, err = self.proc.communicate()
        return self.proc.returncode, out, err


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    first_corpus(corpus)
    Library.open(corpus, index).update()
    yield corpus, index


def dirs(corpus: Path, index: Path) -> list[str]:
    return ["--corpus", str(corpus), "--index", str(index)]


# 1. Crash safety.

# Where the update dies, and what the index answers with until the next update: Whoosh's
# commit (the table of contents' rename) is the moment the new state appears. The catalog
# commits after it, in one transaction: before "manifest" it still holds the old state.
KILL_POINTS = [
    ("parse", False, BEFORE),
    ("segments", False, BEFORE),
    ("committed", False, AFTER),
    ("catalog-half", False, AFTER),
    ("catalog-commit", False, AFTER),
    ("manifest", False, AFTER),
    ("parse", True, BEFORE),
    ("segments", True, BEFORE),
    ("committed", True, AFTER),
    ("catalog-commit", True, AFTER),
]


def catalog_numbers(index: Path) -> set[int]:
    """The articles the catalog holds, read as any reader would (a hot journal is rolled back)."""
    with closing(sqlite3.connect(index / catalog.CATALOG_FILE)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    store = catalog.Catalog.open(index)
    assert store is not None
    try:
        return set(store.numbers())
    finally:
        store.close()


@pytest.mark.parametrize(
    ("point", "rebuild", "answers"),
    KILL_POINTS,
    ids=[f"{p}{'-rebuild' if r else ''}" for p, r, _ in KILL_POINTS],
)
def test_a_killed_index_run_leaves_a_working_index(
    world: tuple[Path, Path], point: str, rebuild: bool, answers: set[int]
) -> None:
    corpus, index = world
    change(corpus)
    before = hashes(corpus)
    child = Child(point, "index", *(["--rebuild"] if rebuild else []), *dirs(corpus, index))
    child.wait_paused()
    child.kill()

    assert not is_locked(index)  # the kernel dropped the dead process's lock
    assert numbers(index, corpus) == answers  # the last committed state, readable as is
    assert catalog_numbers(index) == (AFTER if point == "manifest" else BEFORE)  # never half

    result = runner.invoke(app, ["index", "--json", *dirs(corpus, index)])
    assert result.exit_code == 0, result.output
    assert numbers(index, corpus) == AFTER
    assert Library.open(corpus, index).status().state == "fresh"
    assert Library.open(corpus, index).record(9001).title == "Monsoon Politics"
    assert leftovers(index) == []
    assert hashes(corpus) == before


def test_a_search_after_a_kill_finishes_the_update(world: tuple[Path, Path]) -> None:
    corpus, index = world
    change(corpus)
    child = Child("catalog-half", "index", *dirs(corpus, index))
    child.wait_paused()
    child.kill()
    result = runner.invoke(app, ["search", "korea", "--json", *dirs(corpus, index)])
    assert result.exit_code == 0, result.output
    assert {h["number"] for h in json.loads(result.stdout)["hits"]} == {9002, 9003, 9005}


# 2. Concurrency.


def test_a_second_index_run_waits_for_the_first(world: tuple[Path, Path]) -> None:
    corpus, index = world
    change(corpus)
    first = Child("parse", "index", *dirs(corpus, index))
    first.wait_paused()
    second = Child("none", "index", *dirs(corpus, index))
    waiting = second.proc.stderr.readline()  # type: ignore[union-attr]
    assert waiting == f"Another ipcs is updating the index in {index}; waiting up to 30 s…\n"
    code, out, _ = first.resume()
    assert (code, out) == (
        0,
        f"Updated the index in {index}: 1 added, 1 updated, 1 removed, 2 unchanged, 0 failed.\n"
        f"Pages read from: {corpus.resolve()}\n",
    )
    out, err = second.proc.communicate()
    assert second.proc.returncode == 0, err
    assert "0 added, 0 updated, 0 removed, 4 unchanged, 0 failed." in out
    assert numbers(index, corpus) == AFTER


def test_a_second_index_run_gives_up_after_the_timeout(
    world: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index = world
    change(corpus)
    first = Child("parse", "index", *dirs(corpus, index))
    first.wait_paused()
    monkeypatch.setenv("IPCS_LOCK_TIMEOUT", "0.2")
    result = runner.invoke(app, ["index", *dirs(corpus, index)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Another ipcs is updating the index in {index}; waiting up to 0.2 s…\n"
        f"Error: another ipcs has been updating the index in {index} for 0.2 s; try again "
        "when it has finished (IPCS_LOCK_TIMEOUT sets the wait)\n"
    )
    first.kill()


@pytest.mark.parametrize("rebuild", [False, True])
def test_searches_keep_working_while_an_update_runs(
    world: tuple[Path, Path], rebuild: bool
) -> None:
    corpus, index = world
    change(corpus)
    child = Child("segments", "index", *(["--rebuild"] if rebuild else []), *dirs(corpus, index))
    child.wait_paused()
    result = runner.invoke(app, ["search", "korea", "--json", *dirs(corpus, index)])
    assert result.exit_code == 0, result.output
    assert result.stderr == "Another ipcs is updating the search index; searching it as it was.\n"
    assert {h["number"] for h in json.loads(result.stdout)["hits"]} == {9001, 9002, 9003, 9004}
    read = runner.invoke(app, ["read", "9002", "--color", "never", *dirs(corpus, index)])
    assert read.exit_code == 0 and "Article 9002 on Korea" in read.stdout
    code, _, err = child.resume()
    assert code == 0, err
    assert numbers(index, corpus) == AFTER


def test_the_lock_is_reentrant_and_exclusive(tmp_path: Path) -> None:
    lock = IndexLock(tmp_path / "index")
    with lock, lock:
        assert is_locked(tmp_path / "index")
        other = IndexLock(tmp_path / "index")
        with pytest.raises(Exception, match="another ipcs has been updating"):
            other.acquire(timeout=0)
    assert not is_locked(tmp_path / "index")


# 3. A damaged index.


def garble(path: Path, start: int, end: int) -> None:
    """Overwrite bytes ``start:end`` with others: same size, so the manifest cannot tell."""
    data = bytearray(path.read_bytes())
    data[start:end] = bytes(b ^ 0x5A for b in data[start:end])
    path.write_bytes(bytes(data))


def seg(index: Path) -> Path:
    return sorted(index.glob("MAIN_*.seg"))[0]


def toc(index: Path) -> Path:
    return index / str(integrity.latest_toc(index))


DAMAGE = {
    "segment-deleted": lambda ix: seg(ix).unlink(),
    "segment-truncated": lambda ix: os.truncate(seg(ix), seg(ix).stat().st_size // 2),
    "toc-garbage": lambda ix: toc(ix).write_bytes(os.urandom(toc(ix).stat().st_size)),
    "toc-deleted": lambda ix: toc(ix).unlink(),
    "catalog-garbage": lambda ix: (ix / catalog.CATALOG_FILE).write_text("{not json"),
    "catalog-deleted": lambda ix: (ix / catalog.CATALOG_FILE).unlink(),
    "catalog-header-garbled": lambda ix: garble(ix / catalog.CATALOG_FILE, 0, 100),
    "manifest-garbage": lambda ix: (ix / integrity.MANIFEST_FILE).write_text("[1, 2"),
    "older-version": lambda ix: (ix / integrity.MANIFEST_FILE).unlink(),
    "older-parser": lambda ix: _read_by_parser(ix, ipcsreader.PARSER_VERSION - 1),
}


def _read_by_parser(index: Path, version: int) -> None:
    """The manifest of an index whose pages a parser of ``version`` read."""
    manifest = json.loads((index / integrity.MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["format"][-1] == ipcsreader.PARSER_VERSION
    manifest["format"][-1] = version
    (index / integrity.MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")


MESSAGES = {
    "segment-deleted": "Rebuilding the search index in {ix}: the file {seg} is missing.\n",
    "segment-truncated": (
        "Rebuilding the search index in {ix}: the file {seg} has been cut short or changed.\n"
    ),
    "toc-garbage": "Rebuilding the search index in {ix}: its table of contents is damaged.\n",
    "toc-deleted": "Building the search index (4 files)…\n",
    "catalog-garbage": (
        "Rebuilding the search index in {ix}: the file catalog.sqlite has been cut short or "
        "changed.\n"
    ),
    "catalog-deleted": "Building the search index (4 files)…\n",
    "catalog-header-garbled": "Rebuilding the search index in {ix}: its catalog is unreadable.\n",
    "manifest-garbage": "Rebuilding the search index in {ix}: its manifest is unreadable.\n",
    "older-version": (
        "Rebuilding the search index in {ix}: it was made by an older version of ipcs.\n"
    ),
    "older-parser": (
        "Rebuilding the search index in {ix}: it was made by an older version of ipcs.\n"
    ),
}


@pytest.mark.parametrize("kind", DAMAGE)
@pytest.mark.parametrize("command", ["search", "index"])
def test_a_damaged_index_is_rebuilt_with_a_message(
    world: tuple[Path, Path], kind: str, command: str
) -> None:
    corpus, index = world
    before = hashes(corpus)
    segment = seg(index).name
    DAMAGE[kind](index)
    args = ["search", "korea", "--json"] if command == "search" else ["index", "--json"]
    result = runner.invoke(app, [*args, *dirs(corpus, index)])
    assert result.exit_code == 0, result.output
    message = MESSAGES[kind].format(ix=index, seg=segment)
    if command == "index" and message.startswith("Building"):
        message = ""  # `ipcs index` says what it did on stdout
    assert result.stderr == message
    assert numbers(index, corpus) == BEFORE
    assert Library.open(corpus, index).status().state == "fresh"
    assert hashes(corpus) == before


@pytest.mark.parametrize("command", [["search", "korea"], ["index"], ["read", "9001"]])
def test_an_index_a_newer_ipcs_made_is_left_alone_saying_why(
    world: tuple[Path, Path], command: list[str]
) -> None:
    # Rebuilt, it would be read as this ipcs reads pages, and the newer one would rebuild
    # it again at its next command.
    corpus, index = world
    _read_by_parser(index, ipcsreader.PARSER_VERSION + 1)
    manifest = (index / integrity.MANIFEST_FILE).read_bytes()
    result = runner.invoke(app, [*command, *dirs(corpus, index)])
    assert result.exit_code != 0
    assert result.stderr.splitlines() == [
        f"Error: the index in {index} was made by a newer version of ipcs; upgrade this one "
        "(or rebuild the index for it: ipcs index --rebuild)"
    ]
    assert (index / integrity.MANIFEST_FILE).read_bytes() == manifest


def test_an_index_a_newer_ipcs_made_is_rebuilt_when_asked(world: tuple[Path, Path]) -> None:
    corpus, index = world
    _read_by_parser(index, ipcsreader.PARSER_VERSION + 1)
    result = runner.invoke(app, ["index", "--rebuild", *dirs(corpus, index)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"Rebuilding the search index in {index}: it was made by a newer version of ipcs.\n"
    )
    assert numbers(index, corpus) == BEFORE
    assert Library.open(corpus, index).status().state == "fresh"


def test_an_index_of_another_schema_is_rebuilt(world: tuple[Path, Path]) -> None:
    from whoosh.fields import ID, Schema
    from whoosh.index import create_in

    corpus, index = world
    for path in index.glob("*MAIN*"):
        path.unlink()
    create_in(str(index), Schema(number=ID(stored=True)))  # what an old ipcs might have left
    (index / integrity.MANIFEST_FILE).unlink()
    result = runner.invoke(app, ["search", "korea", "--json", *dirs(corpus, index)])
    assert result.exit_code == 0, result.output
    assert "it was made by an older version of ipcs" in result.stderr
    assert len(json.loads(result.stdout)["hits"]) == 4


def test_a_segment_garbled_in_place_is_rebuilt_when_reading_fails(
    world: tuple[Path, Path],
) -> None:
    corpus, index = world
    segment = seg(index)
    data = bytearray(segment.read_bytes())
    rnd = random.Random(3)
    for _ in range(200):  # same size, so only reading it can tell
        data[rnd.randrange(len(data))] = rnd.randrange(256)
    segment.write_bytes(bytes(data))
    result = runner.invoke(app, ["search", "korea", "--json", *dirs(corpus, index)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"Rebuilding the search index in {index}: reading it failed (")
    assert len(json.loads(result.stdout)["hits"]) == 4


def test_a_catalog_damaged_inside_is_rebuilt_when_reading_fails(
    world: tuple[Path, Path],
) -> None:
    corpus, index = world
    path = index / catalog.CATALOG_FILE
    page = 4096  # SQLite's default page size: page 1 is the schema, page 2 the meta table
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA page_size").fetchone() == (page,)
    data = path.read_bytes()
    path.write_bytes(data[: 2 * page] + bytes(len(data) - 2 * page))  # every table but meta
    result = runner.invoke(app, ["read", "9001", "--format", "json", *dirs(corpus, index)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Rebuilding the search index in {index}: its catalog is damaged.\n"
    assert json.loads(result.stdout)["title"] == "Article 9001 on Korea"
    assert Library.open(corpus, index).status().state == "fresh"


def test_reading_never_writes_to_the_corpus(world: tuple[Path, Path]) -> None:
    corpus, index = world
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in corpus.iterdir()}
    for args in (["search", "korea"], ["read", "9001"], ["index", "--rebuild"], ["browse"]):
        assert runner.invoke(app, [*args, *dirs(corpus, index)]).exit_code == 0
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in corpus.iterdir()} == before


# 4. Atomic writes.


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "page.html"
    target.write_text("the old page")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(fsutil.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fsutil.atomic_write(target, "the new page " * 1000)
    assert target.read_text() == "the old page"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]
