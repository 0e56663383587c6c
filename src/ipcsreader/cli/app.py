"""The Typer application object that every command module adds its commands to."""

from __future__ import annotations

import typer

from ipcsreader.cli.common import IpcsGroup

app = typer.Typer(
    name="ipcs",
    help=(
        "Read, search and cite the archive of the Institute of Peace and Conflict Studies "
        "(IPCS, New Delhi) from the terminal, offline.\n\n"
        'Example: ipcs search "North Korea"'
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    cls=IpcsGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
)
