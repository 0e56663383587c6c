"""The desk database: schema and migrations, marks, tags, notes, follows, arrivals."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from ipcsreader.desk import schema
from ipcsreader.desk.store import Desk, Entry
from ipcsreader.errors import IpcsError, NotFoundError, UsageError


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    found = Desk.open(tmp_path / "data" / "desk.sqlite")
    assert found is not None
    return found


def test_a_new_desk_has_the_current_schema_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "data" / "desk.sqlite"
    assert Desk.open(path, create=False) is None
    assert not path.exists()  # looking for a desk makes none
    Desk.open(path)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (schema.VERSION,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"marks", "tags", "notes", "follows", "arrivals", "state"} <= tables


def test_migrations_run_each_step_once_from_any_older_version(tmp_path: Path) -> None:
    steps = [*schema.MIGRATIONS, ("ALTER TABLE notes ADD COLUMN pinned INTEGER DEFAULT 0",)]
    with closing(sqlite3.connect(tmp_path / "d.sqlite", isolation_level=None)) as db:
        schema.migrate(db)  # the release: version 1
        db.execute("INSERT INTO notes VALUES (1, 'kept', '2026-01-01T00:00:00Z')")
        schema.migrate(db, steps)  # a later release adds a step
        schema.migrate(db, steps)  # and opening again changes nothing
        assert schema.version(db) == len(steps)
        assert db.execute("SELECT text, pinned FROM notes").fetchall() == [("kept", 0)]


def test_a_first_release_desk_gains_settings_and_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        schema.migrate(db, schema.MIGRATIONS[:1])  # a desk of version 1
        db.execute("INSERT INTO tags VALUES ('korea', 4842, '2026-01-01T00:00:00Z')")
    desk = Desk.open(path)
    assert desk is not None
    assert desk.tagged("korea") == {4842}
    assert desk.setting("cite-style") is None
    desk.set_setting("cite-style", "mla")
    desk.set_setting("cite-style", "apa")  # the last choice wins
    assert desk.setting("cite-style") == "apa"
    desk.close()
    with closing(sqlite3.connect(path)) as db:
        assert schema.version(db) == 2 == schema.VERSION


def test_a_migration_that_fails_leaves_the_old_version_whole(tmp_path: Path) -> None:
    steps = [*schema.MIGRATIONS, ("ALTER TABLE notes ADD COLUMN a INTEGER", "NOT SQL AT ALL")]
    with closing(sqlite3.connect(tmp_path / "d.sqlite", isolation_level=None)) as db:
        schema.migrate(db)
        with pytest.raises(sqlite3.OperationalError):
            schema.migrate(db, steps)
        assert schema.version(db) == schema.VERSION
        columns = [row[1] for row in db.execute("PRAGMA table_info(notes)")]
        assert "a" not in columns


def test_a_desk_from_a_newer_ipcs_is_refused_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    Desk.open(path)
    with closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    with pytest.raises(schema.NewerDeskError, match="newer ipcs"):
        Desk.open(path)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (schema.VERSION + 1,)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(IpcsError, match="cannot be opened"):
        Desk.open(path)


def test_marks(desk: Desk) -> None:
    assert not desk.marks_anything()
    assert desk.mark([1, 2], read=True) == 2
    assert desk.mark([1], read=True) == 0  # already so
    assert desk.mark([2, 3], read=False) == 2
    assert desk.read_numbers() == {1}
    assert desk.marks_anything()
    assert desk.reading_list() == {2, 3}  # marked unread: kept to read later


def test_tags_count_and_come_off(desk: Desk) -> None:
    assert desk.tag([1, 2], ["korea", "nuclear"]) == 4
    assert desk.tag([1], ["korea"]) == 0
    assert desk.tag([3], ["korea"]) == 1
    assert desk.tag_counts() == [("korea", 3), ("nuclear", 2)]
    assert desk.tagged("korea") == {1, 2, 3}
    assert desk.untag([1, 9], ["korea"]) == 1
    assert desk.tagged("korea") == {2, 3}
    assert desk.tagged_any() == {1, 2, 3}
    assert desk.has_tag("nuclear") and not desk.has_tag("Korea")


def test_notes(desk: Desk) -> None:
    assert desk.note(1) is None
    assert desk.set_note(1, "About the Korean summit")
    assert not desk.set_note(1, "About the Korean summit")  # the same: nothing written
    assert desk.set_note(2, "Maoists")
    assert desk.noted() == {1, 2}
    assert desk.notes_matching(["korea"]) == {1}  # a word's start, any case
    assert desk.notes_matching(["korea", "summit"]) == {1}
    assert desk.notes_matching(["orea"]) == set()  # not inside a word
    assert desk.delete_note(1) and not desk.delete_note(1)
    assert desk.noted() == {2}


def test_entries_join_marks_tags_and_notes(desk: Desk) -> None:
    desk.tag([5], ["b", "a"])
    desk.set_note(5, "x")
    desk.mark([6], read=True)
    entries = desk.entries()
    assert set(entries) == {5, 6}
    assert (entries[5].tags, entries[5].note, entries[5].read) == (("a", "b"), "x", None)
    assert entries[6].read is True
    assert desk.entries([7])[7].tags == ()


def test_follows(desk: Desk) -> None:
    first = desk.follow("query", "  North   Korea ")
    second = desk.follow("author", "Mishra")
    assert (first.id, first.query, second.id) == (1, "North Korea", 2)
    with pytest.raises(UsageError, match="already follow"):
        desk.follow("query", "North Korea")
    with pytest.raises(UsageError):
        desk.follow("query", "   ")
    with pytest.raises(UsageError):
        desk.follow("tag", "x")
    assert desk.unfollow(1) == first
    with pytest.raises(NotFoundError, match="no follow 1"):
        desk.unfollow(1)
    assert [f.id for f in desk.follows()] == [2]


def test_arrivals_the_first_sighting_is_the_baseline(desk: Desk) -> None:
    assert desk.see({1, 2, 3}) == set()  # what was there is not news
    assert desk.unreported() == set()
    assert desk.see({1, 2, 3, 4}) == {4}
    assert desk.see({1, 2, 3, 4, 5}) == {5}
    assert desk.unreported() == {4, 5}
    desk.report()
    assert desk.unreported() == set()
    assert desk.see({1}) == set()  # numbers that left stay seen ...
    assert desk.see({1, 2, 3, 4, 5}) == set()  # ... and are not news when they come back
    assert desk.see({6}) == {6}
    assert desk.unreported() == {6}


def test_a_transaction_joins_calls_and_rolls_back_on_error(desk: Desk) -> None:
    with pytest.raises(RuntimeError), desk.transaction():
        desk.tag([1], ["a"])
        desk.set_note(1, "n")
        raise RuntimeError
    assert desk.tag_counts() == [] and desk.note(1) is None
    with desk.transaction():
        desk.tag([1], ["a"])
        desk.set_note(1, "n")
    assert desk.tag_counts() == [("a", 1)] and desk.note(1) == "n"


def test_entries_read_one_by_one_or_in_one_pass_agree(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.tag(range(1, 40), ["a"])
    desk.tag(range(20, 60, 3), ["b"])
    desk.mark(range(30, 50), read=True)
    desk.mark(range(50, 55), read=False)
    for n in range(10, 70, 7):
        desk.set_note(n, f"note {n}")
    wanted = list(range(0, 80))
    monkeypatch.setattr("ipcsreader.desk.store._ONE_BY_ONE", 10_000)
    one_by_one = desk.entries(wanted)
    monkeypatch.setattr("ipcsreader.desk.store._ONE_BY_ONE", 0)
    assert desk.entries(wanted) == one_by_one
    assert desk.entries() == {n: e for n, e in one_by_one.items() if e != Entry(n)}
