"""What every command shares: the console, options that recur, JSON and error output."""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from ipcsreader.errors import IpcsError, UnknownOptionError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ipcsreader.library import IndexStatus, Library
    from ipcsreader.update import UpdateSummary

_T = TypeVar("_T")


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
    list[Path] | None,
    typer.Option(
        "--corpus",
        envvar="IPCS_CORPUS",
        help="Folder of saved pages; repeat for several "
        "[default: the shipped corpus plus your own pages].",
        file_okay=False,
        metavar="<dir>",  # as --index shows it (Typer names a list's type otherwise)
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

# For commands taking article numbers: "-5" reaches the command (which says what is wrong
# with it) instead of Click calling it an unknown option.
NUMBER_ARGS = {"ignore_unknown_options": True}


def make_console(color: ColorMode = ColorMode.auto, *, stderr: bool = False) -> Console:
    """A console for stdout (or stderr) that honours ``--color`` and ``NO_COLOR``."""
    # Rich is imported here, not at the top, so `--help` and JSON output never load it.
    from rich.console import Console

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


# Trailing spaces Rich pads lines with, before any closing style codes.
_TRAILING = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def rendered(console: Console, renderable: RenderableType) -> str:
    """The renderable as the console would print it, without trailing spaces."""
    plain_lines = getattr(renderable, "plain_lines", None)  # Lines, Rows, AuthorTable
    if console.color_system is None and plain_lines is not None:
        # No styles to print: the lines' text, without Rich's segments (thousands of
        # lines, as in a prolific author's profile, would cost more than a search).
        return "".join(f"{line}\n" for line in plain_lines(console, console.options))
    with console.capture() as captured:
        console.print(renderable)
    return _TRAILING.sub(r"\1", captured.get())


def show(console: Console, renderable: RenderableType) -> None:
    """Print ``renderable`` without the trailing spaces Rich pads lines with."""
    console.file.write(rendered(console, renderable))


@contextmanager
def many_objects() -> Iterator[None]:
    """Python's cycle collector paused while a command builds and prints thousands of
    objects that form no cycle (a year of the archive, a long reading list): its passes
    over them, each longer as more are kept, cost as much as building them."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def emit_json(data: Any) -> None:
    """Write ``data`` as indented JSON to stdout (non-ASCII kept readable)."""
    import json  # here: `--help` and plain output never need it

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def emit_json_line(data: Any) -> None:
    """Write ``data`` as one line of JSON to stdout."""
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def warn(message: str) -> None:
    """One line on stderr; page-derived text in it is made inert, a value pasted whole
    into it cut short."""
    from ipcsreader.cli.usage import shortened
    from ipcsreader.render.safe import clean

    typer.echo(clean(shortened(message)), err=True)


# The order of `ipcs --help`: the everyday commands first, upkeep last.
COMMAND_ORDER = (
    "ui",
    "search",
    "read",
    "columns",
    "authors",
    "browse",
    "cite",
    "export",
    "trend",
    "stats",
    "open",
    "list",
    "tag",
    "untag",
    "tags",
    "mark",
    "note",
    "follow",
    "follows",
    "unfollow",
    "new",
    "desk",
    "fetch",
    "sync",
    "index",
    "parse",
    "doctor",
)


class IpcsGroup(typer.core.TyperGroup):
    """Turns the core's :class:`IpcsError` into one ``Error: …`` line and its exit code.

    (``ctx`` is Click's context, which Typer 0.29 vendors privately: typed ``Any`` rather
    than named from there.)
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from ipcsreader.cli import usage
        from ipcsreader.compat.typer_coerce import speed_up

        speed_up(self, ctx)  # before any option is read: spares a command importing Pydantic
        ctx.meta.setdefault("ipcs.args", list(args))  # as typed: for messages of mistakes
        nul = usage.nul_argument(args)
        if nul:  # the system refuses such a path (ValueError) wherever one is opened
            warn(f"Error: {nul}")
            raise typer.Exit(2)
        # A command's options, before Click reads "" as the current folder (a group among
        # the commands, `desk`, checks its own in its turn).
        command = self.commands.get(args[0]) if args else None
        empty = usage.empty_path(command, args[1:]) if command is not None else None
        if empty:
            warn(f"Error: {empty} (see {ctx.command_path} {args[0]} -h)")
            raise typer.Exit(2)
        try:
            return super().parse_args(ctx, args)
        except usage.UsageError as error:  # `ipcs --bogus`
            if usage.is_help(error):
                raise
            warn(f"Error: {usage.in_our_words(error, list(args))}")
            raise typer.Exit(2) from None

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            from ipcsreader.compat.typer_coerce import speed_up

            speed_up(command, ctx)
        return command

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda n: rank.get(n, len(rank)))

    def invoke(self, ctx: Any) -> Any:
        from ipcsreader.cli import usage

        try:
            return super().invoke(ctx)
        except UnknownOptionError as error:  # `ipcs cite 4842 --styel`, read as a number
            name = ctx.invoked_subcommand or ""
            command = self.get_command(ctx, name)
            said = usage.unknown_option(command, [error.option]) if command else None
            warn(f"Error: {said or error.message} (see {ctx.command_path} {name} -h)")
            ctx.exit(int(error.exit_status))
        except IpcsError as error:
            warn(f"Error: {error.message}")
            ctx.exit(int(error.exit_status))
        except usage.UsageError as error:
            if usage.is_help(error):
                raise
            warn(f"Error: {usage.in_our_words(error, ctx.meta.get('ipcs.args', []))}")
            ctx.exit(2)
        except UnicodeEncodeError as error:  # an ASCII terminal, a byte that is not UTF-8
            message, status = usage.unencodable(error)
            warn(f"Error: {message}")
            ctx.exit(status)
        except KeyboardInterrupt:
            # What was written stays whole: the index and the desk commit all or nothing.
            warn("Interrupted.")
            ctx.exit(130)
        except OSError as error:
            if error.errno == errno.EPIPE:
                raise  # the reader left (`| head`): Typer ends quietly
            # The system refused: a folder we may not write, a disk full, a name too long.
            warn(f"Error: {usage.os_error(error)}")
            ctx.exit(1)


def open_library(
    corpus: Path | Sequence[Path] | None, index: Path | None, *, refresh: bool = True
) -> Library:
    """The library for ``--corpus``/``--index``, its index brought up to date first if need be.

    Saying so on stderr: one line, and a progress bar only when stderr is a terminal.
    """
    from ipcsreader.library import Library

    library = Library.open(corpus, index, notify=warn)
    if refresh:
        _refresh(library, library.quick_status())
    return library


def fresh_result(
    corpus: Path | Sequence[Path] | None,
    index: Path | None,
    compute: Callable[[Library], _T],
    *,
    meanwhile: Callable[[], object] | None = None,
) -> tuple[Library, _T]:
    """``compute`` over the library, as :func:`open_library` would, but sooner.

    When the corpus folders cannot vouch for the index, the costly half of the staleness
    check (a ``stat`` per page file) is done by another process while ``compute`` runs,
    and then ``meanwhile`` (importing what will show the result, say), which may hide what
    is left of it; when they can, it is done after the command (:mod:`ipcsreader.freshness`).
    Should the check find the index stale, the index is brought up to date and ``compute``
    runs again, so what it returns reflects the corpus as it was when the command started.
    ``compute`` must show nothing: it may run twice.
    """
    from ipcsreader.library import Library

    library = Library.open(corpus, index, notify=warn)
    check = library.check_status()
    if check.doubtful:  # missing, damaged or half-updated: no use looking in it first
        _refresh(library, check.result())
        return library, compute(library)
    try:
        result = compute(library)
    except IpcsError:
        if not _refresh(library, check.result()):
            raise
        result = compute(library)  # the error may have come from a stale index
    else:
        if meanwhile is not None:
            meanwhile()
        if _refresh(library, check.result()):
            result = compute(library)
    return library, result


def _refresh(library: Library, status: IndexStatus) -> bool:
    """Update the index when ``status`` says it is not fresh (saying so); whether it did."""
    if status.state == "fresh":
        return False
    if status.state == "stale" and status.damage is None and library.busy():
        # Readers never wait for a writer: they read its last committed state.
        warn("Another ipcs is updating the search index; searching it as it was.")
        return False
    if status.state == "missing":
        warn(f"Building the search index ({_files(status.changed)})…")
    elif status.interrupted and not status.changed:
        warn("Finishing an interrupted update of the search index…")
    elif status.damage is None:  # the library itself says why it rebuilds
        warn(f"Updating the search index ({_files(status.changed)} changed)…")
    summary = update_library(library)
    if summary.failed:
        warn(f"{_files(len(summary.failed))} could not be read; `ipcs index` lists them.")
    return True


def update_library(library: Library, *, rebuild: bool = False) -> UpdateSummary:
    """Run :meth:`Library.update`, with a progress bar on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        return library.update(rebuild=rebuild)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("Indexing:"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=make_console(stderr=True),
        transient=True,
        # Redrawn as progress is reported, with no thread of its own: the update forks
        # worker processes, which a running thread would make unsafe (and rules out).
        auto_refresh=False,
    ) as bar:
        task = bar.add_task("", total=None)

        def advance(done: int, total: int, counted: str) -> None:
            bar.update(task, completed=done, total=total, description=counted, refresh=True)

        return library.update(rebuild=rebuild, progress=advance)


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"
