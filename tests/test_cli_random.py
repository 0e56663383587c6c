"""Random command lines over every command's own options end well: the command works,
finds nothing, or says what is wrong on one ``Error: …`` line (exit 0, 1 or 2).

The options come from the command tree itself, so an option added later is drawn too,
with values fitting its type (a choice of its enum, a number, a folder, a date, a word of
a query) and now and then a hostile one. Hand-written sweeps (``test_no_traceback.py``)
pin the values people type, and every failure found here (a NUL character in a path, an
empty folder option); this draws the combinations nobody wrote down.
"""

from __future__ import annotations

import enum
import random
import types
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import pytest
import typer
from cli_world import offline_world
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ipcsreader.cli import app

# The browser, the full-screen app and the network are left to their own tests.
LEFT_OUT = {"ui", "open", "fetch", "sync"}
HOSTILE = [
    "",
    "-1",
    "0",
    "9" * 25,
    "٤٨٤٢",
    "\x1b[31m",
    "\u202e",
    "a\x00b",
    "'",
    '"',
    "(",
    "x" * 500,
    "*",
]
WORDS = [
    "korea",
    "Mishra",
    "India-Pakistan",
    "Jong-un's",
    "title:korea",
    "author:mishra",
    "date:>2014",
    '"north korea"',
    "nucl*",
    "nucelar~2",
    "NOT",
    "-south",
    "column:'red affairs'",
    "2015",
]
NUMBERS = ["9101", "9102", "#9103", "9101-9103", "9101,9102", "4842"]


def _commands() -> list[tuple[list[str], Any]]:
    """Every runnable command as the words naming it, and its Click command."""
    found = []

    def walk(names: list[str], command: Any) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands is None:
            found.append((names, command))
            return
        for name, sub in sorted(subcommands.items()):
            if name not in LEFT_OUT:
                walk([*names, name], sub)

    walk([], typer.main.get_command(app))
    return found


COMMANDS = _commands()


def _kind(param: Any) -> Any:
    """The type an option's values are read as: the item of a list, the type of an Optional."""
    kind = getattr(getattr(param, "type_descriptor", None), "annotation", str)
    if get_origin(kind) is list:
        (kind,) = get_args(kind)
    if get_origin(kind) in (Union, types.UnionType):
        kind = next(k for k in get_args(kind) if k is not type(None))
    return kind


def _values(param: Any, where: Path) -> st.SearchStrategy[str]:
    kind, name = _kind(param), (param.name or "").lower()
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        fitting = st.sampled_from([str(m.value) for m in kind])
    elif kind is int or kind is float:
        fitting = st.sampled_from(["1", "3", "10", "2015", "100000"])
    elif kind is Path:
        fitting = st.sampled_from([str(where / "corpus"), str(where / "out"), str(where)])
    elif any(part in name for part in ("year", "since", "until", "date", "accessed", "month")):
        fitting = st.sampled_from(["2015", "2015-03", "2014-01-31", "1999", "today"])
    elif "author" in name:
        fitting = st.sampled_from(["Mishra", "Sandip Mishra", "Dr S Mishra", "Nobody"])
    elif "column" in name:
        fitting = st.sampled_from(["Red Affairs", "east asia compass", "Nowhere"])
    else:
        fitting = st.sampled_from(WORDS)
    return st.one_of(fitting, st.sampled_from(HOSTILE))


@st.composite
def command_lines(draw: st.DrawFn, where: Path) -> list[str]:
    names, command = draw(st.sampled_from(COMMANDS))
    args = list(names)
    for param in command.params:
        if param.param_type_name == "argument":
            numbered = "number" in (param.name or "") or names[0] in ("read", "cite", "mark")
            pool = st.sampled_from(NUMBERS if numbered else WORDS) | st.sampled_from(HOSTILE)
            many = 3 if param.nargs == -1 else 1
            args += draw(st.lists(pool, min_size=1 if param.required else 0, max_size=many))
        elif "--help" not in param.opts and draw(st.integers(0, 2)) == 0:
            option = draw(st.sampled_from(param.opts))
            args += [option] if param.is_flag else [option, draw(_values(param, where))]
    return args


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A corpus with its index built once, a desk of its own, and a site not there."""
    root = tmp_path_factory.mktemp("world")
    env = offline_world(root)
    return root, {**env, "IPCS_DATA_DIR": str(root / "data"), "IPCS_MARK_READ": "0"}


def test_every_command_is_drawn() -> None:
    drawn = {" ".join(names) for names, _ in COMMANDS}
    assert {"search", "read", "cite", "export", "tag", "desk export", "follow"} <= drawn
    assert not drawn & LEFT_OUT


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_command_lines_end_well(
    data: st.DataObject,
    world: tuple[Path, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Hypothesis seeds the random module alike for every example, and Whoosh names a new
    # segment from it: a rebuild wrote a segment named as the last example's, which Whoosh
    # refuses (an AssertionError). A process of ipcs draws its names from a fresh seed.
    random.seed()
    root, env = world
    monkeypatch.chdir(root)  # `desk export NAME` and `export -o NAME` write here
    args = data.draw(command_lines(root), label="args")
    result = CliRunner().invoke(app, args, env=env, input="y\n")
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        repr(result.exception),
    )
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output[-300:])
    if result.exit_code == 2:
        assert result.stderr.splitlines()[-1].startswith("Error: "), (args, result.stderr)
