"""The top-level command: version, help, command order, unknown commands."""

from __future__ import annotations

from typer.testing import CliRunner

from ipcsreader import __version__
from ipcsreader.cli import app
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
    assert "No such command 'nonsense'" in result.stderr
