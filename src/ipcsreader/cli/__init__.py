"""The command line: options in, calls into the core, renderables out. Nothing else.

Each ``*_cmd`` module adds its commands to :data:`app`; heavy modules are imported inside
the commands so that ``ipcs --help`` stays quick.
"""

from __future__ import annotations

import gc
from typing import Annotated

import typer

from ipcsreader import __version__
from ipcsreader.cli import (  # noqa: F401  (each module registers its commands)
    cite_cmd,
    fetch_cmd,
    parse_cmd,
    read_cmd,
    search_cmd,
)
from ipcsreader.cli.app import app


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ipcs {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Read, search and cite the IPCS archive from the terminal."""


def main() -> None:
    from ipcsreader.cli import lean

    lean.install()
    try:
        app()
    finally:
        # All that is left goes with the process: spare the collector its last walks over
        # every object (an open search index's among them) as Python shuts down, 20-40 ms.
        gc.freeze()
