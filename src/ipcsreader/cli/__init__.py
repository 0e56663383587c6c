"""The command line: options in, calls into the core, renderables out. Nothing else.

Each ``*_cmd`` module adds its commands to :data:`app`; heavy modules are imported inside
the commands so that ``ipcs --help`` stays quick.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ipcsreader import __version__
from ipcsreader.cli.application import app as _app

if TYPE_CHECKING:
    from ipcsreader.cli.application import app as app

# The module that adds each command: a run imports only its command's (building every
# command's options costs a one-shot search several milliseconds).
_COMMAND_MODULES = {
    "search": "search_cmd",
    "index": "search_cmd",
    "read": "read_cmd",
    "columns": "read_cmd",
    "authors": "read_cmd",
    "browse": "read_cmd",
    "cite": "cite_cmd",
    "export": "cite_cmd",
    "trend": "cite_cmd",
    "stats": "cite_cmd",
    "open": "cite_cmd",
    "fetch": "fetch_cmd",
    "sync": "fetch_cmd",
    "parse": "parse_cmd",
    "mark": "desk_cmd",
    "tag": "desk_cmd",
    "untag": "desk_cmd",
    "tags": "desk_cmd",
    "note": "desk_cmd",
    "list": "desk_cmd",
    "follow": "follow_cmd",
    "follows": "follow_cmd",
    "unfollow": "follow_cmd",
    "new": "follow_cmd",
    "desk": "follow_cmd",
    "doctor": "doctor_cmd",
    "ui": "ui_cmd",
}


def load_commands(names: list[str] | None = None) -> None:
    """Add the commands ``names`` to the application (every command if None)."""
    wanted = _COMMAND_MODULES.values() if names is None else [_COMMAND_MODULES[n] for n in names]
    for module in sorted(set(wanted)):
        importlib.import_module(f"ipcsreader.cli.{module}")


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole application, every command in it
        load_commands()
        return _app
    raise AttributeError(name)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ipcs {__version__}")
        raise typer.Exit()


@_app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Read, search and cite the IPCS archive from the terminal."""


def _standard_streams() -> None:
    """Stop when standard output is closed (``ipcs search x >&-``); a closed input or
    error stream becomes /dev/null.

    Left closed, the number would be given to the next file opened (the index, the desk)
    and a pager or editor started later would write into it.
    """
    closed = []
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            closed.append(fd)
            os.open(os.devnull, os.O_RDWR)  # takes the lowest free number: this one
    if 0 in closed:
        sys.stdin = open(0, closefd=False)  # noqa: SIM115 (the process's own stream)
    if 2 in closed:
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
    if 1 in closed:
        sys.stderr.write("Error: standard output is closed: there is nowhere to write\n")
        raise SystemExit(1)


def _flush_output() -> None:
    """Write out what standard output still holds while a reader who left (``| head``) can
    end the command quietly; left to Python's exit, it says "Exception ignored" and exits
    120 (Python 3.11.2 does, with what the plain writers leave buffered)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None


def main() -> None:
    _standard_streams()
    from ipcsreader.compat import whoosh_lean as lean

    lean.install()
    # "ipcs search …" needs the search command only; anything else (help, a typo, an
    # option first) gets them all.
    first = sys.argv[1] if len(sys.argv) > 1 else ""
    load_commands([first] if first in _COMMAND_MODULES else None)
    try:
        _app()
    finally:
        _flush_output()
        # All that is left goes with the process: spare the collector its last walks over
        # every object (an open search index's among them) as Python shuts down, 20-40 ms.
        gc.freeze()
