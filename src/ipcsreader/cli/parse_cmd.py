"""``ipcs parse``: show what the parser reads from saved pages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ipcsreader.cli.application import app
from ipcsreader.cli.common import (
    ColorMode,
    ColorOpt,
    JsonOpt,
    emit_json_line,
    make_console,
    show,
    warn,
)
from ipcsreader.errors import ExitStatus, PageError


@app.command("parse")
def parse_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Saved IPCS pages (text or HTML).", metavar="PATH", show_default=False),
    ],
    json_out: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
) -> None:
    """Show what the parser reads from saved IPCS pages, to check them before adding them.

    Each file gets a short summary (or, with --json, one JSON object per line). A file
    that cannot be read is named on stderr with the reason; the others are still read,
    and the exit code is 1.

    Example: ipcs parse corpus/4842-old.txt --json
    """
    from ipcsreader.model import page_to_dict
    from ipcsreader.parse import parse_file

    console = None if json_out else make_console(color)
    failed = False
    for path in paths:
        try:
            page = parse_file(Path(path))
        except PageError as error:
            warn(f"Error: {path}: {error.reason}")
            failed = True
            continue
        if console is None:
            emit_json_line(page_to_dict(page, file=path))
        else:
            from ipcsreader.render.parse import page_summary

            show(console, page_summary(page, path))
    if failed:
        raise typer.Exit(int(ExitStatus.FAILURE))
