"""Desk export and import: an exact round trip, an idempotent merge, no note ever lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipcsreader.desk import transfer
from ipcsreader.desk.store import Desk
from ipcsreader.errors import UsageError

STAMP = "2026-01-02T03:04:05Z"
LATER = "2026-02-02T03:04:05Z"


def _empty() -> dict[str, object]:
    return {
        "format": "ipcs desk",
        "version": 1,
        "marks": [],
        "tags": [],
        "notes": [],
        "follows": [],
    }


def new_desk(path: Path) -> Desk:
    desk = Desk.open(path)
    assert desk is not None
    return desk


def filled(path: Path) -> Desk:
    desk = new_desk(path)
    desk.tag([4842, 4845], ["korea", "six party talks"])
    desk.mark([4842], read=True)
    desk.mark([4850], read=False)
    desk.set_note(4842, "Compare with Hanoi.\n\nSecond paragraph, ünïcode.")
    desk.follow("query", "North Korea")
    desk.follow("author", "Mishra")
    desk.unfollow(1)  # ids need not start at 1
    desk.follow("column", "Red Affairs")
    desk.set_setting("cite-style", "chicago")
    return desk


def test_an_export_imported_into_an_empty_desk_exports_the_same(tmp_path: Path) -> None:
    text = transfer.dumps(transfer.export(filled(tmp_path / "a.sqlite")))
    other = new_desk(tmp_path / "b.sqlite")
    done = transfer.merge(other, transfer.loads(text, "a.json"))
    assert (done.marks, done.tags, done.notes, done.follows, done.settings) == (2, 4, 1, 2, 1)
    assert transfer.dumps(transfer.export(other)) == text
    assert [f.id for f in other.follows()] == [2, 3]


def test_importing_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    data = transfer.export(filled(tmp_path / "a.sqlite"))
    other = filled(tmp_path / "b.sqlite")
    other.set_note(4842, "My own, different note")
    first = transfer.merge(other, transfer.loads(transfer.dumps(data), "f"))
    after_first = transfer.export(other)
    second = transfer.merge(other, transfer.loads(transfer.dumps(data), "f"))
    assert first.conflicts == [4842]
    assert second.to_dict() == {
        "marks": 0,
        "tags": 0,
        "notes": 0,
        "follows": 0,
        "settings": 0,
        "conflicts": [],
    }
    assert transfer.export(other) == after_first


def test_a_conflicting_note_keeps_both(tmp_path: Path) -> None:
    mine = new_desk(tmp_path / "mine.sqlite")
    mine.set_note(1, "Mine")
    theirs = {**_empty(), "notes": [{"number": 1, "text": "Theirs", "at": STAMP}]}
    done = transfer.merge(mine, transfer.loads(json.dumps(theirs), "f"))
    assert done.conflicts == [1]
    assert mine.note(1) == f"Mine\n\n{transfer.conflict_line(STAMP)}\nTheirs"
    # Carried back to where "Theirs" came from, the merged note replaces it: it holds it.
    back = new_desk(tmp_path / "theirs.sqlite")
    back.set_note(1, "Theirs")
    done = transfer.merge(back, transfer.export(mine))
    assert done.conflicts == [] and back.note(1) == mine.note(1)


def test_read_marks_take_the_later_and_tags_add_up(tmp_path: Path) -> None:
    desk = new_desk(tmp_path / "d.sqlite")
    desk.tag([1], ["mine"])
    data = {
        **_empty(),
        "marks": [
            {"number": 1, "read": True, "at": "2000-01-01T00:00:00Z"},  # older than ours
            {"number": 2, "read": True, "at": LATER},
        ],
        "tags": [{"number": 1, "tag": "theirs", "at": STAMP}],
    }
    desk.mark([1], read=False)
    transfer.merge(desk, transfer.loads(json.dumps(data), "f"))
    assert desk.read_numbers() == {2}
    assert desk.tag_counts() == [("mine", 1), ("theirs", 1)]


def test_a_setting_takes_the_later_and_an_old_export_has_none(tmp_path: Path) -> None:
    desk = new_desk(tmp_path / "d.sqlite")
    desk.set_setting("cite-style", "apa")  # written now: later than STAMP
    older = {**_empty(), "settings": [{"name": "cite-style", "value": "mla", "at": STAMP}]}
    assert transfer.merge(desk, transfer.loads(json.dumps(older), "f")).settings == 0
    assert desk.setting("cite-style") == "apa"
    newer = {
        **_empty(),
        "settings": [{"name": "cite-style", "value": "mla", "at": "2999-01-01T00:00:00Z"}],
    }
    assert transfer.merge(desk, transfer.loads(json.dumps(newer), "f")).settings == 1
    assert desk.setting("cite-style") == "mla"
    # An export from before settings were carried: read as having none, nothing changes.
    done = transfer.merge(desk, transfer.loads(json.dumps(_empty()), "f"))
    assert done.to_dict()["settings"] == 0 and desk.setting("cite-style") == "mla"


def _follow(number: int) -> dict[str, object]:
    return {"id": number, "kind": "query", "query": "korea", "created": STAMP}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{", "not JSON"),
        ("[" * 100_000 + "]" * 100_000, "nested too deep"),
        ("[]", "not a desk export"),
        ('{"format": "ipcs desk", "version": 9}', "version 9"),
        (json.dumps({**{"format": "ipcs desk", "version": 1}, "marks": []}), "missing 'tags'"),
        (json.dumps({**_empty(), "tags": [{"number": 1, "tag": "", "at": STAMP}]}), "empty"),
        (json.dumps({**_empty(), "tags": [{"number": "1", "tag": "a", "at": STAMP}]}), "int"),
        (json.dumps({**_empty(), "marks": [{"number": 0, "read": True, "at": STAMP}]}), "0"),
        # Not the rows of a section: said in our words, not Python's.
        (
            json.dumps({**_empty(), "marks": None}),
            "^f.json is not a whole desk export "
            r"\(marks is not a list of entries\)$",
        ),
        (json.dumps({**_empty(), "tags": ["korea"]}), r"\(tags is not a list of entries\)$"),
        (json.dumps({**_empty(), "settings": {}}), r"\(settings is not a list of entries\)$"),
        # Past any article number, and past SQLite's integers.
        (json.dumps({**_empty(), "tags": [{"number": 10**9, "tag": "a", "at": STAMP}]}), "10"),
        (json.dumps({**_empty(), "notes": [{"number": 2**63, "text": "a", "at": STAMP}]}), "92"),
        (json.dumps({**_empty(), "follows": [_follow(2**63)]}), "follow number 92"),
        (json.dumps({**_empty(), "notes": [{"number": 1, "text": "a", "at": "now"}]}), "time"),
        (json.dumps({**_empty(), "settings": [{"name": " ", "value": "a", "at": STAMP}]}), "name"),
        (json.dumps({**_empty(), "settings": [{"name": "a", "value": 1, "at": STAMP}]}), "str"),
        (json.dumps({**_empty(), "settings": [{"name": "a", "at": STAMP}]}), "'value'"),
    ],
)
def test_a_damaged_export_is_refused_whole(tmp_path: Path, text: str, reason: str) -> None:
    with pytest.raises(UsageError, match=reason):
        transfer.loads(text, "f.json")


tags = st.text(st.characters(categories=("L", "N", "Zs", "P")), min_size=1, max_size=12).filter(
    lambda t: t.strip()
)
stamps = (
    st.datetimes()
    .map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ"))
    .filter(
        lambda s: s[0] != "0"  # four-digit years
    )
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    marks=st.dictionaries(st.integers(1, 50), st.tuples(st.booleans(), stamps), max_size=8),
    tagged=st.sets(st.tuples(st.integers(1, 50), tags), max_size=10),
    notes=st.dictionaries(st.integers(1, 50), st.text(min_size=1, max_size=40), max_size=5),
)
def test_any_desk_round_trips_exactly(
    tmp_path_factory: pytest.TempPathFactory,
    marks: dict[int, tuple[bool, str]],
    tagged: set[tuple[int, str]],
    notes: dict[int, str],
) -> None:
    folder = tmp_path_factory.mktemp("trip")
    data = {
        **_empty(),
        "marks": [{"number": n, "read": r, "at": at} for n, (r, at) in sorted(marks.items())],
        "tags": [{"number": n, "tag": t, "at": STAMP} for n, t in tagged],
        "notes": [{"number": n, "text": t, "at": STAMP} for n, t in sorted(notes.items())],
    }
    text = json.dumps(data)
    try:
        checked = transfer.loads(text, "f")
    except UsageError:
        return  # a tag or note the desk refuses (control characters): refused whole
    first = new_desk(folder / "a.sqlite")
    transfer.merge(first, checked)
    exported = transfer.dumps(transfer.export(first))
    second = new_desk(folder / "b.sqlite")
    transfer.merge(second, transfer.loads(exported, "again"))
    assert transfer.dumps(transfer.export(second)) == exported
    assert transfer.merge(second, transfer.loads(exported, "again")).to_dict()["notes"] == 0
