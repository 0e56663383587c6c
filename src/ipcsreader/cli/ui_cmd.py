"""Command: ``ipcs ui``, the full-screen reader (Textual is imported here and nowhere else)."""

from __future__ import annotations

from typing import Annotated

import typer

from ipcsreader.cli.application import app
from ipcsreader.cli.common import CorpusOpt, IndexOpt


@app.command("ui")
def ui_command(
    query: Annotated[
        list[str] | None,
        typer.Argument(
            help="Start with this search (the query language of ipcs search).", show_default=False
        ),
    ] = None,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """The whole archive in one full-screen app: search as you type, read, browse, cite.

    The index is brought up to date in the background; searches answer from it as it was
    meanwhile. Press ? in the app for every key, q to quit.

    Example: ipcs ui "north korea"
    """
    import sys

    from ipcsreader import paths
    from ipcsreader.errors import UsageError

    paths.corpus_folders(corpus)  # a missing folder is said here, not inside the app
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("ipcs ui needs a terminal; for output to a pipe use ipcs search")
    from ipcsreader.ui import run

    run(" ".join(query or []), corpus=corpus, index=index)
