"""Commands: read, columns, authors, browse (reading the archive like on paper)."""

from __future__ import annotations

import importlib
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ipcsreader.cli.application import app
from ipcsreader.cli.common import (
    NUMBER_ARGS,
    ColorMode,
    ColorOpt,
    CorpusOpt,
    IndexOpt,
    JsonOpt,
    emit_json,
    make_console,
    many_objects,
    rendered,
    show,
    warn,
)
from ipcsreader.errors import IpcsError, QueryError, UsageError

if TYPE_CHECKING:
    from ipcsreader.archive.known import KnownTitle
    from ipcsreader.library import Library
    from ipcsreader.model import AlsoRead, Hit, Record

MIN_WIDTH = 20
# The latest titles a list of `columns --author`/`--column` or `authors NAME` shows unless
# told otherwise: a prolific author has thousands.
SHOWN_TITLES = 20
ALL_TITLES = "--limit 0 for all"


def _check_limit(limit: int) -> None:
    if limit < 0:
        raise UsageError(f"--limit must be 0 (all) or more, not {limit}")


class ReadFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


# Shell completion: quiet and forgiving, since anything printed would land in the shell.
def _completion_library(ctx: typer.Context) -> Any:
    try:
        from ipcsreader.library import Library

        lib = Library.open(ctx.params.get("corpus"), ctx.params.get("index"))
        return None if lib.status().state == "missing" else lib
    except Exception:
        return None


def _word_starts(name: str, typed: str) -> bool:
    return any(w.startswith(typed.casefold()) for w in name.casefold().split())


def complete_number(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Article numbers starting with what is typed, each with its title."""
    lib = _completion_library(ctx)
    records = lib.records() if lib else []
    return [(str(r.number), r.title or "") for r in records if str(r.number).startswith(incomplete)]


def complete_author(ctx: typer.Context, incomplete: str) -> list[str]:
    """Author names with a word starting with what is typed."""
    from ipcsreader.archive.people import identify_all

    lib = _completion_library(ctx)
    people = identify_all(lib.records() if lib else [], ())
    return [p.name for p in people.persons if _word_starts(p.name, incomplete)]


def complete_column(ctx: typer.Context, incomplete: str) -> list[str]:
    """Column names (from articles and the columnists sidebar) with a word starting so."""
    lib = _completion_library(ctx)
    if lib is None:
        return []
    names = [c.name for c in lib.columns(listing=True) if c.name]
    return [n for n in names if _word_starts(n, incomplete)]


@app.command("read", context_settings=NUMBER_ARGS)
def read(
    number: Annotated[
        str,
        typer.Argument(
            help="The article number (as in #4842), or its address on ipcs.org.",
            autocompletion=complete_number,
            metavar="NUMBER",
            show_default=False,
        ),
    ],
    format: Annotated[
        ReadFormat, typer.Option("--format", "-f", help="text, markdown or json.")
    ] = ReadFormat.text,
    width: Annotated[
        int | None,
        typer.Option("--width", "-w", help="Line width [default: the terminal's, at most 88]."),
    ] = None,
    pager: Annotated[
        bool | None,
        typer.Option(
            "--pager/--no-pager",
            help="Page through $PAGER [default: when longer than the screen on a terminal].",
        ),
    ] = None,
    highlight: Annotated[
        str | None,
        typer.Option(
            "--highlight",
            help="Words to mark in the text; an acronym's name in full too (or a name's "
            "acronym), as ipcs search reads them.",
        ),
    ] = None,
    mark: Annotated[
        bool,
        typer.Option(
            "--mark/--no-mark",
            envvar="IPCS_MARK_READ",
            help="Mark the article read when read as text (markdown and json never mark; "
            "IPCS_MARK_READ=0 turns it off).",
        ),
    ] = True,
    color: ColorOpt = ColorMode.auto,
    json: Annotated[
        bool, typer.Option("--json", help="Print the article as JSON (--format json).")
    ] = False,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Read one article, set like a page: header, your note, text, more by the author,
    related. Read as text, it is marked read on your desk.

    Example: ipcs read 4842 --highlight "North Korea"
    """
    from ipcsreader.cli.common import fresh_result
    from ipcsreader.model import AlsoRead, hit_to_dict, record_to_dict
    from ipcsreader.numbers import article_number

    wanted = article_number(number)
    # Every other command's data comes with --json: so does the article.
    if json and format is ReadFormat.markdown:
        raise UsageError("--json and --format markdown ask for two formats: choose one")
    if json:
        format = ReadFormat.json
    if width is not None and width < MIN_WIDTH:
        raise UsageError(f"--width must be at least {MIN_WIDTH}, not {width}")

    def gather(lib: Library) -> tuple[Record, list[KnownTitle], list[Hit], AlsoRead]:
        record = lib.record(wanted)
        more = lib.more_by(record)
        related = [h for h in lib.more_like(wanted, 5) if h.number != wanted]
        marked = highlight if format is ReadFormat.text else None
        return record, more, related, _also_marked(lib, marked) if marked else AlsoRead()

    library, (record, more, related, also) = fresh_result(
        corpus,
        index,
        gather,
        # The renderer is imported while the staleness check may still be going on.
        meanwhile=None
        if format is ReadFormat.json
        else lambda: importlib.import_module("ipcsreader.render.read"),
    )

    # A machine format is a tool reading, not a person: it shows the desk but marks nothing.
    if format is not ReadFormat.text:
        from ipcsreader.reading import Reading

        entry = Reading(library).entries_of([record.number])[record.number]
    if format is ReadFormat.json:
        data = record_to_dict(record)
        data.update(entry.to_dict())
        data["more_by"] = [t.to_dict() for t in more]
        data["related"] = [hit_to_dict(h) for h in related]
        emit_json(data)
        return
    if format is ReadFormat.markdown:
        from ipcsreader.render.read import article_markdown

        markdown = article_markdown(record, more_by=more, related=related, note=entry.note)
        typer.echo(markdown, nl=False)
        return
    try:
        desk = library.desk(create=mark)
    except IpcsError as error:  # the article still reads; the desk says why it cannot
        warn(f"Warning: {error.message}")
        desk = None
    _print_article(
        record,
        more,
        related,
        width=width,
        pager=pager,
        highlight=highlight,
        also=also,
        color=color,
        note=desk.note(record.number) if desk else None,
    )
    if desk and mark and not record.listing_only:
        desk.mark([record.number], read=True)


def _also_marked(lib: Library, highlight: str) -> AlsoRead:
    """What ``ipcs search`` would also read the words to mark as (its ``also_read``):
    marked too. Words the search would refuse are marked as typed, nothing more."""
    from ipcsreader.model import AlsoRead

    try:
        return lib.also_read(highlight)
    except QueryError:
        return AlsoRead()


def _print_article(
    record: Record,
    more: list[KnownTitle],
    related: list[Hit],
    *,
    width: int | None,
    pager: bool | None,
    highlight: str | None,
    also: AlsoRead,
    color: ColorMode,
    note: str | None = None,
) -> None:
    from ipcsreader.cli.pager import page, should_page
    from ipcsreader.render.read import MEASURE, highlight_pattern, render_article

    console = make_console(color)
    renderable = render_article(
        record,
        width=width or min(MEASURE, console.width),
        highlight=highlight_pattern(highlight, also.others()),
        plain=console.no_color or console.color_system is None,
        more_by=more,
        related=related,
        note=note,
        also=also,
    )
    text = rendered(console, renderable)
    # --color always forces styles, not a terminal: ask stdout itself whether to page.
    is_terminal = sys.stdout.isatty()
    if should_page(pager, is_terminal=is_terminal, lines=text.count("\n"), height=console.height):
        page(text)
    else:
        console.file.write(text)


@app.command("columns")
def columns(
    author: Annotated[
        str | None,
        typer.Option(
            "--author", "-a", help="Only columns by this columnist.", autocompletion=complete_author
        ),
    ] = None,
    column: Annotated[
        str | None,
        typer.Option(
            "--column",
            "-c",
            help="Only columns whose name contains this.",
            autocompletion=complete_column,
        ),
    ] = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            "-n",
            help="With --author or --column: the latest titles shown per columnist (0: all).",
        ),
    ] = SHOWN_TITLES,
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """The IPCS columns: columnists, their latest affiliation, articles held, recent titles.

    Gathered from article pages, the "IPCS Columnists" sidebar, columnist pages and column
    listing pages. With --author or --column the latest 20 titles of each columnist are
    shown (--limit 0: every known title; --json always gives every one).

    Example: ipcs columns --author Mishra
    """
    from ipcsreader.cli.common import open_library

    _check_limit(limit)
    lib = open_library(corpus, index)
    chosen = lib.columns(author=author, column=column, listing=not json)
    if json:
        emit_json([c.to_dict() for c in chosen])
        return
    from ipcsreader.render.columns import render_columns

    if author or column:
        # A prolific columnist has thousands of titles: the latest few, and how to see all.
        view = render_columns(chosen, recent=limit or None, more=ALL_TITLES)
    else:
        view = render_columns(chosen, recent=3)
    show(make_console(color), view)


@app.command("authors")
def authors(
    name: Annotated[
        str | None,
        typer.Argument(help="An author's name (any part of it).", autocompletion=complete_author),
    ] = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", "-n", help="With NAME: the latest titles shown in each list (0: all)."
        ),
    ] = SHOWN_TITLES,
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Authors with article counts and years active; with NAME, that author's profile.

    A profile gives affiliations over time, columns, the latest 20 articles (--limit 0:
    all of them; --json always gives every one), and titles known only from listings
    ("Article by same Author").

    Example: ipcs authors Mishra
    """
    from ipcsreader.cli.common import open_library

    _check_limit(limit)
    lib = open_library(corpus, index)
    console = make_console(color)
    if name is None:
        rows = lib.author_table()
        if json:
            emit_json([r.to_dict() for r in rows])
            return
        from ipcsreader.render.authors import render_author_table

        show(console, render_author_table(rows))
        return
    profiles = lib.author_profiles(name)
    if json:
        emit_json([p.to_dict() for p in profiles])
        return
    from ipcsreader.render.authors import render_profiles

    show(console, render_profiles(profiles, limit=limit or None, more=ALL_TITLES))


@app.command("browse")
def browse(
    year: Annotated[int | None, typer.Option("--year", "-y", help="Only this year.")] = None,
    month: Annotated[
        int | None, typer.Option("--month", "-m", help="Only this month (1-12).")
    ] = None,
    column: Annotated[
        str | None,
        typer.Option(
            "--column",
            "-c",
            help="Only this column (any part of its name).",
            autocompletion=complete_column,
        ),
    ] = None,
    region: Annotated[
        str | None, typer.Option("--region", "-r", help="Only this region (any part of it).")
    ] = None,
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """The archive in date order, grouped by year and month, with counts.

    Example: ipcs browse --year 2015 --column "East Asia Compass"
    """
    from ipcsreader.archive.browse import check_period
    from ipcsreader.cli.common import open_library

    check_period(year, month)
    lib = open_library(corpus, index)
    with many_objects():
        archive = lib.browse(year=year, month=month, column=column, region=region)
        if json:
            emit_json(archive.to_dict())
            return
        from ipcsreader.reading import Reading
        from ipcsreader.render.browse import render_archive

        shown = [r for y in archive.years for m in y.months for r in m.records]
        shown += [r for y in archive.years for r in y.undated]
        unread = Reading(lib).unread_among(r.number for r in shown if not r.listing_only)
        show(make_console(color), render_archive(archive, unread))
