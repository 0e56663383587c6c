"""What every command shares: the console, options that recur, JSON and error output."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ipcsreader.errors import IpcsError
from ipcsreader.render.safe import clean


class ColorMode(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


ColorOpt = Annotated[
    ColorMode,
    typer.Option("--color", help="Colour and styles: auto (when a terminal, unless NO_COLOR)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
CorpusOpt = Annotated[
    Path | None,
    typer.Option(
        "--corpus",
        envvar="IPCS_CORPUS",
        help="Folder of saved pages [default: the shipped corpus plus your own pages].",
        file_okay=False,
    ),
]
IndexOpt = Annotated[
    Path | None,
    typer.Option(
        "--index",
        envvar="IPCS_INDEX",
        help="Folder of the search index [default: in your user data folder].",
        file_okay=False,
    ),
]


def make_console(color: ColorMode = ColorMode.auto, *, stderr: bool = False) -> Console:
    """A console for stdout (or stderr) that honours ``--color`` and ``NO_COLOR``."""
    if color is ColorMode.never:
        return Console(stderr=stderr, color_system=None, highlight=False, emoji=False)
    if color is ColorMode.always:
        return Console(stderr=stderr, force_terminal=True, highlight=False, emoji=False)
    return Console(
        stderr=stderr,
        highlight=False,
        emoji=False,
        no_color="NO_COLOR" in os.environ or None,
    )


def emit_json(data: Any) -> None:
    """Write ``data`` as indented JSON to stdout (non-ASCII kept readable)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def emit_json_line(data: Any) -> None:
    """Write ``data`` as one line of JSON to stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def warn(message: str) -> None:
    """One line on stderr; page-derived text in it is made inert."""
    typer.echo(clean(message), err=True)


class IpcsGroup(typer.core.TyperGroup):
    """Turns the core's :class:`IpcsError` into one ``Error: …`` line and its exit code."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except IpcsError as error:
            warn(f"Error: {error.message}")
            ctx.exit(int(error.exit_status))
