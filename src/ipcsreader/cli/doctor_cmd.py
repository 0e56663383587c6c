"""Command: ``ipcs doctor`` (what is installed, where things are, what state they are in)."""

from __future__ import annotations

from typing import Annotated

import typer

from ipcsreader.cli.application import app
from ipcsreader.cli.common import (
    ColorMode,
    ColorOpt,
    CorpusOpt,
    IndexOpt,
    JsonOpt,
    emit_json,
    make_console,
    open_library,
    show,
)
from ipcsreader.errors import ExitStatus


@app.command("doctor")
def doctor_command(
    online: Annotated[
        bool,
        typer.Option("--online", help="Also ask the site (IPCS_BASE_URL) whether it answers."),
    ] = False,
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Check the installation: versions, folders and their sizes, the index, pages, sync.

    Changes nothing. With --online, the site's robots.txt and home page are requested
    once each. Exit code 1 when the site does not answer (with --online).

    Example: ipcs doctor --online
    """
    from ipcsreader.doctor import diagnose, probe_site
    from ipcsreader.web.fetch import FetchSettings

    base_url = FetchSettings.from_env().base_url
    diagnosis = diagnose(open_library(corpus, index, refresh=False), base_url=base_url)
    if online:
        diagnosis.online = probe_site(base_url)
    if json:
        emit_json(diagnosis.to_dict())
    else:
        from ipcsreader.render.doctor import render_doctor

        show(make_console(color), render_doctor(diagnosis))
    if diagnosis.online is not None and not all(p.ok for p in diagnosis.online):
        raise typer.Exit(int(ExitStatus.FAILURE))
