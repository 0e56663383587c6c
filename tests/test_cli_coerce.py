"""Option values converted without Pydantic: what Typer's own conversion gives, or its error."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import typer
from typer._coercion import build_runtime_param
from typer.testing import CliRunner

from ipcsreader.cli import app
from ipcsreader.compat.typer_coerce import _QuickParam


def commands() -> Iterator[tuple[Any, typer.Context]]:
    """The group and every command, as the group hands them out to be run."""
    group = typer.main.get_command(app)
    ctx = typer.Context(group)
    group.parse_args(ctx, ["search"])  # gives the group's own options their converter
    yield group, ctx
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield command, typer.Context(command, parent=ctx)


def samples(annotation: Any, tmp_path: Path) -> list[Any]:
    """Values a user, an environment variable or a default may give, good and bad."""
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        one = samples(item, tmp_path)
        return [one[:2], tuple(one[:1]), one]
    if annotation is str:
        return ["abc", "", "ünï code", b"bytes"]
    if annotation is int:
        return ["5", "0", "007", 7, "-3", "x", "1_000", " 4", "99999999999999999999", True]
    if annotation is float:
        return ["0.5", "2", 1.5, 3, "-1.0", "1e3", "nan", " 2.5", "1.", ".5"]
    if annotation is bool:
        return [True, False, "yes"]
    if annotation is Path:
        (tmp_path / "a-file").write_text("x")
        return [str(tmp_path), "relative/dir", "", str(tmp_path / "a-file"), tmp_path]
    assert issubclass(annotation, Enum)
    members = list(annotation)
    return [*members, *(m.value for m in members), members[0].value.upper(), "nonsense", 3]


def outcome(converter: Any, value: Any, param: Any, ctx: typer.Context) -> tuple[str, Any]:
    try:
        converted = converter.coerce(value, param, ctx)
    except Exception as error:
        return "error", (type(error), str(error))
    return "value", (type(converted), repr(converted))  # repr: nan is not nan


def test_every_option_gets_the_quick_converter() -> None:
    quick = [p._runtime_param for command, ctx in commands() for p in command.get_params(ctx)]
    assert quick and all(isinstance(r, _QuickParam) for r in quick)


def test_the_quick_converter_gives_what_typer_gives(tmp_path: Path) -> None:
    compared = 0
    for command, ctx in commands():
        for param in command.get_params(ctx):
            typer_own = build_runtime_param(param.type_descriptor)
            for value in samples(param.type_descriptor.annotation, tmp_path):
                ours = outcome(param._runtime_param, value, param, ctx)
                theirs = outcome(typer_own, value, param, ctx)
                assert ours == theirs, (command.name, param.name, value)
                compared += 1
    assert compared > 300


def test_a_command_runs_without_importing_pydantic(tmp_path: Path) -> None:
    # Every kind of option given; the missing corpus folder stops it after they are read.
    args = ["search", "north", "korea", "--limit", "3", "--page", "2", "--sort", "newest"]
    args += ["--year", "2015", "--facets", "--json", "--color", "never"]
    args += ["--corpus", str(tmp_path / "nowhere"), "--index", str(tmp_path)]
    code = (
        "import sys\n"
        "from ipcsreader.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit as done:\n    code = done.code\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ran.stdout == "2 []\n"
    assert ran.stderr == f"Error: the corpus folder {tmp_path / 'nowhere'} does not exist\n"


def test_bad_values_are_refused_in_our_words(tmp_path: Path) -> None:
    # The converter hands a bad value to Typer, whose error (in Pydantic's words) the
    # command line says again in ours (cli/usage.py), on one line.
    result = CliRunner().invoke(app, ["search", "x", "--limit", "many", "--corpus", str(tmp_path)])
    assert result.exit_code == 2
    assert (
        result.stderr == "Error: --limit must be a whole number, not 'many' (see ipcs search -h)\n"
    )
