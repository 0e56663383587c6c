"""Commands: follow, follows, unfollow, new (followed searches) and desk export/import."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ipcsreader.cli.application import app
from ipcsreader.cli.common import (
    ColorMode,
    ColorOpt,
    CorpusOpt,
    IndexOpt,
    IpcsGroup,
    JsonOpt,
    emit_json,
    warn,
)
from ipcsreader.cli.desk_cmd import reading_for, show_lines
from ipcsreader.errors import UsageError
from ipcsreader.render.parts import plural

if TYPE_CHECKING:
    from ipcsreader.desk.store import Desk


@app.command("follow")
def follow(
    query: Annotated[
        list[str] | None,
        typer.Argument(help="A search, in the query language of ipcs search.", show_default=False),
    ] = None,
    author: Annotated[str | None, typer.Option("--author", help="Follow an author.")] = None,
    column: Annotated[str | None, typer.Option("--column", help="Follow a column.")] = None,
    json: JsonOpt = False,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Follow a search: `ipcs new` lists the articles that arrive for it.

    \b
    Examples:
      ipcs follow "North Korea"
      ipcs follow --author Mishra
      ipcs follow --column "East Asia Compass"
    """
    given = [(kind, value) for kind, value in (("author", author), ("column", column)) if value]
    if query:
        given.append(("query", " ".join(query)))
    if len(given) != 1:
        raise UsageError("follow one thing: a QUERY, --author NAME or --column NAME")
    kind, value = given[0]
    from ipcsreader.desk import checks

    value = checks.followed(value, "search" if kind == "query" else kind)
    followed = reading_for([], force=True, corpus=corpus, index=index).follow(kind, value)
    if json:
        emit_json(followed.to_dict())
        return
    typer.echo(
        f"Following {followed.describe()} (follow {followed.id}); `ipcs new` lists what arrives."
    )


@app.command("follows")
def follows(
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """The searches you follow, with the number `ipcs unfollow` takes.

    Example: ipcs follows
    """
    from ipcsreader.reading import follow_fault

    found = reading_for([], force=True, corpus=corpus, index=index).desk.follows()
    faults = {f.id: why for f in found if (why := follow_fault(f))}
    if json:
        emit_json([{**f.to_dict(), "error": faults.get(f.id)} for f in found])
        return
    from ipcsreader.render.desk import render_follows

    show_lines(color, render_follows(found, faults))


@app.command("unfollow")
def unfollow(
    follow_id: Annotated[
        str, typer.Argument(help="The follow's number (see ipcs follows).", metavar="ID")
    ],
    json: JsonOpt = False,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Stop following a search.

    Example: ipcs unfollow 2
    """
    from ipcsreader.desk.checks import follow_id as checked

    desk = reading_for([], force=True, corpus=corpus, index=index).desk
    gone = desk.unfollow(checked(follow_id))
    if json:
        emit_json(gone.to_dict())
        return
    typer.echo(f"No longer following {gone.describe()}.")


@app.command("new")
def new(
    peek: Annotated[
        bool, typer.Option("--peek", help="Show what is new but keep it new for next time.")
    ] = False,
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """What arrived for the searches you follow since the last `ipcs new`.

    Articles arrive by ipcs fetch, ipcs sync or pages saved into a corpus folder by hand;
    each is new once. The index is brought up to date first.

    \b
    Examples:
      ipcs new
      ipcs new --peek --json
    """
    from ipcsreader.cli.common import fresh_result
    from ipcsreader.reading import Reading

    # The follows run while a child process looks whether the index is behind the corpus
    # (then it is brought up to date, and they run again); the desk is written once, after.
    library, news = fresh_result(
        corpus, index, lambda library: Reading(library).gather_news(peek=peek)
    )
    reading = Reading(library)
    reading.settle(news)
    if json:
        emit_json(news.to_dict())
        return
    from ipcsreader.render.desk import render_news

    numbers = [h.number for _, hits in news.found for h in hits]
    show_lines(color, render_news(news, reading.unread_among(numbers)))


desk_app = typer.Typer(
    name="desk",
    help="Carry your desk (marks, tags, notes, follows) to another machine, as JSON.\n\n"
    "Example: ipcs desk export desk.json",
    no_args_is_help=True,
    cls=IpcsGroup,
    rich_markup_mode=None,
)
app.add_typer(desk_app)


@desk_app.command("export")
def desk_export(
    file: Annotated[
        Path, typer.Argument(help="The JSON file to write (- for standard output).", dir_okay=False)
    ],
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Write everything you wrote (read marks, tags, notes, follows, settings) to a JSON file.

    Example: ipcs desk export ~/desk.json
    """
    from ipcsreader.cite.export import check_output, write_export
    from ipcsreader.desk import transfer

    to_stdout = str(file) == "-"
    if not to_stdout:
        check_output(file, force=force)
    data = transfer.export(_desk())
    text = transfer.dumps(data)
    if to_stdout:
        sys.stdout.write(text)
        return
    write_export(text, file, force=force)
    counts = {kind: len(data[kind]) for kind in ("marks", "tags", "notes", "follows")}
    if data["settings"]:  # most desks have none: the line stays as it was for them
        counts["settings"] = len(data["settings"])
    warn(f"Wrote {_tally(counts)} to {file}")


@desk_app.command("import")
def desk_import(
    file: Annotated[
        Path, typer.Argument(help="A file written by ipcs desk export (- for standard input).")
    ],
    json: JsonOpt = False,
) -> None:
    """Merge a desk export into your desk; importing the same file again changes nothing.

    A read mark and a setting keep the later of the two, tags and follows are added, and a
    note that differs from yours is kept beside it, under a line saying so.

    Example: ipcs desk import ~/desk.json
    """
    from ipcsreader.desk import transfer

    if str(file) == "-":
        text, source = sys.stdin.read(), "standard input"
    else:
        try:
            text, source = file.read_text(encoding="utf-8"), str(file)
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(
                f"cannot read {file} ({getattr(error, 'strerror', None) or error})"
            ) from None
    from ipcsreader.reading import follow_fault

    desk = _desk()
    done = transfer.merge(desk, transfer.loads(text, source))
    for follow in desk.follows():  # kept, as the rest of the file is: said, not refused
        if why := follow_fault(follow):
            warn(f"follow {follow.id} ({follow.describe()}) cannot run: {why}")
    if json:
        emit_json(done.to_dict())
        return
    counts = {"marks": done.marks, "tags": done.tags, "notes": done.notes, "follows": done.follows}
    if done.settings:
        counts["settings"] = done.settings
    if any(counts.values()):
        typer.echo(f"Imported {_tally(counts)} from {source}.")
    else:
        typer.echo(f"Nothing to import from {source}: your desk has all of it.")
    if done.conflicts:
        numbers = ", ".join(f"#{n}" for n in done.conflicts)
        warn(
            f"{plural(len(done.conflicts), 'note')} differed from yours ({numbers}): each "
            "article keeps both, the imported one under a line saying so."
        )


def _desk() -> Desk:
    """The desk alone: carrying it needs no corpus and no index."""
    from ipcsreader import paths
    from ipcsreader.desk.store import Desk

    return Desk.open(paths.desk_file())


def _tally(counts: dict[str, int]) -> str:
    """ "1 mark, 2 tags, 0 notes and 1 follow"."""
    parts = [plural(n, kind.removesuffix("s")) for kind, n in counts.items()]
    return ", ".join(parts[:-1]) + " and " + parts[-1]
