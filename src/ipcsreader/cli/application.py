"""The Typer application object that every command module adds its commands to."""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

import typer

from ipcsreader.cli.common import IpcsGroup

_F = typing.TypeVar("_F", bound=Callable[..., Any])


class _Typer(typer.Typer):
    """Typer, with each command's annotations evaluated once, as the command is added.

    The command modules' annotations are text (``from __future__ import annotations``), and
    Typer would evaluate that text on every run for every command, twice over: about 10 ms
    of each command's start.
    """

    def command(self, *args: Any, **kwargs: Any) -> Callable[[_F], _F]:
        add = super().command(*args, **kwargs)
        return lambda function: add(_evaluated(function))

    def callback(self, *args: Any, **kwargs: Any) -> Callable[[_F], _F]:
        add = super().callback(*args, **kwargs)
        return lambda function: add(_evaluated(function))


def _evaluated(function: _F) -> _F:
    function.__annotations__ = typing.get_type_hints(function, include_extras=True)
    return function


app = _Typer(
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
