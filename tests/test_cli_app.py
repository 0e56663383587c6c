"""The top-level command: version, help, command order, unknown commands."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_index import build
from typer.testing import CliRunner

from ipcsreader import __version__
from ipcsreader.cli import app, main
from ipcsreader.cli.common import COMMAND_ORDER

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"ipcs {__version__}\n"


def test_help_lists_every_command_everyday_ones_first() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert 'Example: ipcs search "North Korea"' in result.stdout
    listed = [
        line.split()[0]
        for line in result.stdout.split("Commands:")[1].splitlines()
        if line.startswith("  ") and not line.startswith("   ")
    ]
    assert listed == list(COMMAND_ORDER)


def test_every_command_help_has_an_example() -> None:
    for name in COMMAND_ORDER:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert f"ipcs {name}" in result.stdout.split("Usage:", 1)[1].split("\n", 1)[1], name


def test_unknown_command_is_a_usage_error() -> None:
    result = runner.invoke(app, ["nonsense"])
    assert result.exit_code == 2
    assert result.stderr == "Error: no such command 'nonsense' (see ipcs -h)\n"


# Modules a command's start must not load unless it uses them (all are slow to import).
HEAVY = ("pydantic", "asyncio", "urllib.request", "ssl", "whoosh", "rich.console", "sqlite3")


def loaded_by(args: list[str], env: dict[str, str] | None = None) -> list[str]:
    """Which of HEAVY a fresh `ipcs ARGS` has loaded when it ends."""
    code = (
        "import sys\n"
        "from ipcsreader.cli import main\n"
        f"sys.argv = ['ipcs', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print('loaded:', *(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return ran.stderr.splitlines()[-1].split()[1:]


def test_help_imports_nothing_it_does_not_use() -> None:
    assert loaded_by(["--help"]) == []
    assert loaded_by(["search", "--help"]) == []


def test_a_search_imports_whoosh_without_what_whoosh_does_not_use(tmp_path: Path) -> None:
    corpus = build(tmp_path)
    env = {**os.environ, "IPCS_CORPUS": str(corpus), "IPCS_INDEX": str(tmp_path / "index")}
    assert loaded_by(["search", "moscow"], env) == ["whoosh", "rich.console", "sqlite3"]


def test_commands_see_their_options_evaluated_once() -> None:
    for command in app.registered_commands:
        hints = command.callback.__annotations__
        assert hints and not any(isinstance(h, str) for h in hints.values()), command.name


def test_main_leaves_the_collector_nothing_to_walk_at_exit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "argv", ["ipcs", "--version"])
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))  # main() adds a finder
    frozen = gc.get_freeze_count()
    try:
        with pytest.raises(SystemExit):
            main()
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()


def test_many_objects_pauses_the_collector_and_gives_it_back_as_it_was() -> None:
    from ipcsreader.cli.common import many_objects

    assert gc.isenabled()
    with pytest.raises(KeyError), many_objects():
        assert not gc.isenabled()
        raise KeyError  # an error leaves it enabled too
    assert gc.isenabled()
    gc.disable()
    try:
        with many_objects():
            assert not gc.isenabled()
        assert not gc.isenabled()  # paused before: left paused
    finally:
        gc.enable()
