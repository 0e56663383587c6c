"""The desk as one JSON document: everything the reader wrote, to carry to another machine.

Export gives read marks, tags, notes, follows and settings (choices such as the citation
style of ``ipcs ui``), each with when it was written, in a fixed order: exporting,
importing into an empty desk and exporting again gives the same bytes. What the desk learnt
from this machine's corpus (which articles it has seen arrive, the mark of ``ipcs new``) is
not the reader's writing and stays.

Import merges, in one transaction, and importing the same file twice changes nothing the
second time: a read mark takes the later of the two; tags are added to those there; a
follow is added unless the same search is followed already; a setting takes the later of
the two (an export made before settings were carried has none). Notes never lose a word:
an equal note, or one already inside the note there, changes nothing; a note that holds
the one there replaces it; any other pair is a conflict and the article keeps both, the
imported one under a line saying so.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from ipcsreader.desk import checks
from ipcsreader.desk.store import FOLLOW_KINDS, Desk, now
from ipcsreader.errors import UsageError
from ipcsreader.numbers import within_range

FORMAT = "ipcs desk"
FORMAT_VERSION = 1
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


@dataclass
class Imported:
    """What an import changed."""

    marks: int = 0
    tags: int = 0
    notes: int = 0
    follows: int = 0
    settings: int = 0
    conflicts: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "marks": self.marks,
            "tags": self.tags,
            "notes": self.notes,
            "follows": self.follows,
            "settings": self.settings,
            "conflicts": self.conflicts,
        }


def export(desk: Desk) -> dict[str, Any]:
    with desk.snapshot() as db:
        marks = db.execute("SELECT number, read, at FROM marks ORDER BY number")
        tags = db.execute("SELECT tag, number, at FROM tags ORDER BY number, tag")
        notes = db.execute("SELECT number, text, at FROM notes ORDER BY number")
        settings = db.execute("SELECT name, value, at FROM settings ORDER BY name")
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "marks": [{"number": n, "read": bool(r), "at": at} for n, r, at in marks],
            "tags": [{"number": n, "tag": t, "at": at} for t, n, at in tags],
            "notes": [{"number": n, "text": text, "at": at} for n, text, at in notes],
            "follows": [f.to_dict() for f in desk.follows()],
            "settings": [{"name": n, "value": v, "at": at} for n, v, at in settings],
        }


def dumps(data: dict[str, Any]) -> str:
    """``data`` as JSON with one mark, tag, note or follow a line: readable, diffable, and
    written by the json module's C encoder (an indented dump is pure Python)."""
    lines = ["{"]
    for i, (key, value) in enumerate(data.items()):
        end = "," if i < len(data) - 1 else ""
        if isinstance(value, list) and value:
            rows = ",\n".join("  " + _compact(row) for row in value)
            lines.append(f" {_compact(key)}: [\n{rows}\n ]{end}")
        else:
            lines.append(f" {_compact(key)}: {_compact(value)}{end}")
    return "\n".join(lines) + "\n}\n"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def loads(text: str, source: str) -> dict[str, Any]:
    """A desk export read and checked; any fault is a one-line :class:`UsageError`."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise UsageError(f"{source} is not a desk export (not JSON: {error})") from None
    except RecursionError:
        raise UsageError(f"{source} is not a desk export (not JSON: nested too deep)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UsageError(f"{source} is not a desk export (made by `ipcs desk export`)")
    if data.get("version") != FORMAT_VERSION:
        raise UsageError(
            f"{source} is a desk export of version {data.get('version')!r}; this ipcs reads "
            f"version {FORMAT_VERSION}"
        )
    try:
        for section in ("marks", "tags", "notes", "follows", "settings"):
            rows = data.setdefault(section, []) if section == "settings" else data[section]
            if type(rows) is not list or not all(type(row) is dict for row in rows):
                raise ValueError(f"{section} is not a list of entries")
        for row in data["marks"]:
            _number(row), _stamp(row["at"]), _kind(row["read"], bool)
        for row in data["tags"]:
            _number(row), _stamp(row["at"])
            row["tag"] = checks.tag(_kind(row["tag"], str))
        for row in data["notes"]:
            _number(row), _stamp(row["at"])
            row["text"] = checks.note(_kind(row["text"], str))
        for row in data["follows"]:
            if _kind(row["id"], int) > checks.MAX_FOLLOW_ID:
                raise ValueError(f"follow number {row['id']}")
            _stamp(row["created"])
            if row["kind"] not in FOLLOW_KINDS or not _kind(row["query"], str).strip():
                raise ValueError(f"a follow of kind {row['kind']!r} for {row['query']!r}")
            checks.followed(row["query"], "search" if row["kind"] == "query" else row["kind"])
        for row in data["settings"]:
            _stamp(row["at"]), _kind(row["value"], str)
            if not _kind(row["name"], str).strip():
                raise ValueError("a setting without a name")
    except (KeyError, TypeError, ValueError) as error:
        raise UsageError(f"{source} is not a whole desk export ({_fault(error)})") from None
    except UsageError as error:
        raise UsageError(f"{source}: {error.message}") from None
    return data


def _fault(error: Exception) -> str:
    return f"missing {error}" if isinstance(error, KeyError) else str(error)


def _kind(value: Any, kind: type) -> Any:
    if type(value) is not kind:
        raise TypeError(f"{value!r} where a {kind.__name__} belongs")
    return value


def _number(row: dict[str, Any]) -> int:
    number = _kind(row["number"], int)
    if not within_range(number):
        raise ValueError(f"article number {number}")
    return number


def _stamp(value: Any) -> str:
    if not _STAMP.fullmatch(_kind(value, str)):
        raise ValueError(f"{value!r} is not a time like 2026-01-31T12:00:00Z")
    return value


def merge(desk: Desk, data: dict[str, Any]) -> Imported:
    """Merge a checked export (:func:`loads`) into ``desk``, in one transaction."""
    done = Imported()
    with desk.transaction() as db:
        _merge_marks(db, data["marks"], done)
        _merge_tags(db, data["tags"], done)
        _merge_notes(db, data["notes"], done)
        _merge_follows(db, data["follows"], done)
        _merge_settings(db, data["settings"], done)
    return done


def _merge_marks(db: sqlite3.Connection, rows: list[dict[str, Any]], done: Imported) -> None:
    before = db.total_changes
    db.executemany(
        "INSERT INTO marks (number, read, at) VALUES (?, ?, ?) ON CONFLICT (number)"
        " DO UPDATE SET read = excluded.read, at = excluded.at"
        " WHERE excluded.at > at OR (excluded.at = at AND excluded.read > read)",
        [(r["number"], int(r["read"]), r["at"]) for r in rows],
    )
    done.marks = db.total_changes - before


def _merge_settings(db: sqlite3.Connection, rows: list[dict[str, Any]], done: Imported) -> None:
    before = db.total_changes
    db.executemany(
        "INSERT INTO settings (name, value, at) VALUES (?, ?, ?) ON CONFLICT (name)"
        " DO UPDATE SET value = excluded.value, at = excluded.at WHERE excluded.at > at",
        [(r["name"], r["value"], r["at"]) for r in rows],
    )
    done.settings = db.total_changes - before


def _merge_tags(db: sqlite3.Connection, rows: list[dict[str, Any]], done: Imported) -> None:
    before = db.total_changes
    db.executemany(
        "INSERT OR IGNORE INTO tags (tag, number, at) VALUES (?, ?, ?)",
        [(r["tag"], r["number"], r["at"]) for r in rows],
    )
    done.tags = db.total_changes - before


def _merge_notes(db: sqlite3.Connection, rows: list[dict[str, Any]], done: Imported) -> None:
    for row in rows:
        number, text, at = row["number"], row["text"], row["at"]
        found = db.execute("SELECT text FROM notes WHERE number = ?", (number,)).fetchone()
        if found is not None and text in found[0]:
            continue  # the same, or kept already
        if found is not None and found[0] not in text:
            text = f"{found[0]}\n\n{conflict_line(at)}\n{text}"
            at = now()
            done.conflicts.append(number)
        db.execute(
            "INSERT INTO notes (number, text, at) VALUES (?, ?, ?) ON CONFLICT (number)"
            " DO UPDATE SET text = excluded.text, at = excluded.at",
            (number, text, at),
        )
        done.notes += 1


def conflict_line(at: str) -> str:
    return f"--- imported note (written {at}), kept beside yours ---"


def _merge_follows(db: sqlite3.Connection, rows: list[dict[str, Any]], done: Imported) -> None:
    """Follows of searches not followed yet."""
    taken = {i for (i,) in db.execute("SELECT id FROM follows")}
    for row in rows:
        query = " ".join(row["query"].split())
        if db.execute(
            "SELECT 1 FROM follows WHERE kind = ? AND query = ?", (row["kind"], query)
        ).fetchone():
            continue
        # The same id where it is free, so that an import into an empty desk is exact.
        wanted = row["id"] if row["id"] not in taken and row["id"] > 0 else None
        cursor = db.execute(
            "INSERT INTO follows (id, kind, query, created) VALUES (?, ?, ?, ?)",
            (wanted, row["kind"], query, row["created"]),
        )
        taken.add(cursor.lastrowid or 0)
        done.follows += 1
