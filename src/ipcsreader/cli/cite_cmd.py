"""Commands: cite, export, trend, stats, open (working with what you read)."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    show,
    warn,
)
from ipcsreader.errors import IpcsError, NotFoundError, UsageError

if TYPE_CHECKING:
    from ipcsreader.library import Library
    from ipcsreader.model import FoundNumbers, Record, SearchResult


class CiteStyle(StrEnum):
    bibtex = "bibtex"
    ris = "ris"
    apa = "apa"
    chicago = "chicago"
    mla = "mla"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


class TrendPeriod(StrEnum):
    year = "year"
    month = "month"


def _matching_numbers(lib: Library, query: str, *, tag: str | None = None) -> list[int]:
    """Every article the query finds (among those tagged ``tag``), in the search's order."""
    from ipcsreader.archive.search import SearchQuery

    only = _tagged(lib, tag)
    if only is not None and not query.strip():  # a reading list: no search needed
        from ipcsreader.reading import newest_first

        found = newest_first(lib, only, keep_unknown=False)
        if not found:
            raise NotFoundError(f"none of the articles tagged {tag!r} is in the corpus")
        return found
    hits = lib.found_numbers(SearchQuery(text=query, limit=None, highlight=False, only=only))
    if not hits.numbers:
        raise NotFoundError(f"No articles match {query!r}{_with_tag(tag)}")
    _say_how_found(hits)
    return hits.numbers


def _say_how_found(hits: FoundNumbers | SearchResult) -> None:
    """Say on stderr where the articles taken are not those with the query as typed."""
    relaxed, loosened, labelled = hits.relaxed, hits.loosened, hits.labelled
    if hits.mended:
        from ipcsreader.render.search import mended_line

        warn(mended_line(hits.mended).plain.rstrip())
    if labelled:
        from ipcsreader.render.search import labelled_line

        warn(labelled_line(labelled, "took").plain.rstrip())
    for phrase in loosened:
        warn(f"No article has the phrase “{phrase}”; took those with its words.")
    if relaxed:
        warn("No article has all of these words; took those with any.")


TagOpt = Annotated[
    str | None, typer.Option("--tag", "-t", help="Only articles you tagged so (ipcs tag).")
]


def _tagged(lib: Library, tag: str | None) -> frozenset[int] | None:
    """The articles with ``tag`` on the reader's desk (None: no tag asked for)."""
    if tag is None:
        return None
    from ipcsreader.desk import checks

    found = lib.desk().tagged(checks.tag(tag))
    if not found:
        raise NotFoundError(f"no article has the tag {tag!r}; `ipcs tags` lists yours")
    return frozenset(found)


def _with_tag(tag: str | None) -> str:
    return f" tagged {tag!r}" if tag is not None else ""


def _full_records(lib: Library, numbers: list[int]) -> list[Record]:
    # References and exports need the body (proper nouns for APA titles, every field for
    # exports), which the headline records do not carry.
    return list(lib.full_records(numbers))


def _parse_accessed(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--accessed must be a date like 2025-01-31, not {value!r}") from None


@app.command("cite", context_settings=NUMBER_ARGS)
def cite(
    numbers: Annotated[
        list[str] | None,
        typer.Argument(
            help="Article numbers (as in #4842), or their addresses on ipcs.org.",
            metavar="NUMBER…",
            show_default=False,
        ),
    ] = None,
    style: Annotated[
        CiteStyle, typer.Option("--style", "-s", help="bibtex, ris, apa, chicago or mla.")
    ] = CiteStyle.apa,
    all_hits: Annotated[
        str | None,
        typer.Option("--all-hits", metavar="QUERY", help="Cite every article this search finds."),
    ] = None,
    tag: TagOpt = None,
    accessed: Annotated[
        str | None,
        typer.Option(
            "--accessed",
            metavar="YYYY-MM-DD",
            help="Access date, where the style gives one [default: today].",
        ),
    ] = None,
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Print references to articles in a citation style (APA unless --style says otherwise).

    \b
    Example: ipcs cite 4842 --style chicago
    Example: ipcs cite --tag korea --style bibtex > korea.bib
    """
    from ipcsreader.cite.styles import cite_all
    from ipcsreader.cli.common import open_library

    if numbers and all_hits is not None:
        raise UsageError("give article numbers or --all-hits QUERY, not both")
    if numbers and tag is not None:
        raise UsageError("give article numbers or --tag T, not both")
    if not numbers and all_hits is None and tag is None:
        raise UsageError("give article numbers to cite, or --all-hits QUERY, or --tag T")
    from ipcsreader.numbers import article_numbers

    given = article_numbers(numbers or [])
    today = _parse_accessed(accessed)
    lib = open_library(corpus, index)
    wanted = given or _matching_numbers(lib, all_hits or "", tag=tag)
    citations = cite_all(_full_records(lib, wanted), style.value, today=today)
    if json:
        from ipcsreader.model import article_url

        emit_json(
            [
                {"number": c.number, "style": c.style, "url": article_url(c.number), "text": c.text}
                for c in citations
            ]
        )
        return
    from ipcsreader.render.cite import render_citations

    # soft_wrap: a reference is one line however long, so that it pastes whole.
    make_console(color).print(render_citations(citations), soft_wrap=True)


@app.command("export")
def export(
    query: Annotated[
        str | None,
        typer.Argument(help="Export what this search finds [default: the whole corpus]."),
    ] = None,
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="jsonl, csv or markdown.")
    ] = ExportFormat.jsonl,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (- for standard output) [default: standard output].",
            dir_okay=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the --output file if it exists.")
    ] = False,
    tag: TagOpt = None,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Export articles, every field, as JSON Lines, CSV or Markdown.

    \b
    Example: ipcs export "North Korea" --format csv --output korea.csv
    Example: ipcs export --tag korea --format markdown
    """
    from ipcsreader.cite.export import Format, check_output, export_parts, jsonl_kept, write_export
    from ipcsreader.cli.common import open_library

    if output == Path("-"):  # as `ipcs desk export -`
        output = None
    if output is not None:
        check_output(output, force=force)  # before the work, not only after it
    lib = open_library(corpus, index)
    wanted = query or tag is not None  # an empty --tag is refused, not taken for none
    numbers = _matching_numbers(lib, query or "", tag=tag) if wanted else lib.numbers()
    # Records are read from the catalog and written out a few hundred at a time; JSON
    # Lines take the bodies' texts as kept there, already JSON.
    fmt: Format = format.value
    if fmt == "jsonl":
        parts = jsonl_kept(lib.bodied(numbers))
    else:
        parts = export_parts(lib.full_records(numbers), fmt)
    if output is None:
        sys.stdout.writelines(parts)
        return
    write_export("".join(parts), output, force=force)
    warn(f"Wrote {len(numbers)} article{'s' if len(numbers) != 1 else ''} to {output}")


@app.command("trend")
def trend(
    query: Annotated[str, typer.Argument(help="What to count, in the search syntax.")],
    tag: TagOpt = None,
    by: Annotated[
        TrendPeriod, typer.Option("--by", help="Count per year or per month.")
    ] = TrendPeriod.year,
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Show how many matching articles each year (or month) holds, as a bar chart.

    \b
    Example: ipcs trend "North Korea" --by month
    Example: ipcs trend nuclear --tag korea
    """
    from ipcsreader.archive.search import SearchQuery
    from ipcsreader.archive.stats import trend as make_trend
    from ipcsreader.archive.stats import trend_to_dict
    from ipcsreader.cli.common import open_library

    lib = open_library(corpus, index)
    # One hit is enough: the facet counts cover every match, whatever the limit; and
    # in date order, the matches are counted without ranking them by relevance first.
    only = _tagged(lib, tag)
    result = lib.search(
        SearchQuery(
            text=query, limit=1, sort="newest", highlight=False, facets=(by.value,), only=only
        )
    )
    if result.total == 0:
        raise NotFoundError(f"No articles match {query!r}{_with_tag(tag)}")
    _say_how_found(result)
    data = make_trend(query, by.value, result.total, result.facets.get(by.value, ()))
    if json:
        emit_json(trend_to_dict(data))
        return
    from ipcsreader.render.stats import render_trend

    show(make_console(color), render_trend(data))


@app.command("stats")
def stats(
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Show the corpus at a glance: articles, pages, dates, years, columns, authors, index.

    Example: ipcs stats
    """
    from dataclasses import replace

    from ipcsreader.archive.stats import stats_to_dict
    from ipcsreader.cli.common import open_library

    lib = open_library(corpus, index)
    status = lib.quick_status()
    data = replace(
        lib.corpus_counts(),
        index_bytes=lib.index_size_bytes(),
        index_updated=lib.last_updated(),
        index_state=status.state,
        index_changed=status.changed,
    )
    if json:
        emit_json(stats_to_dict(data))
        return
    from ipcsreader.render.stats import render_stats

    show(make_console(color), render_stats(data))


@app.command("open", context_settings=NUMBER_ARGS)
def open_article(
    number: Annotated[
        str,
        typer.Argument(
            help="The article number (as in #4842), or its address on ipcs.org.",
            metavar="NUMBER",
            show_default=False,
        ),
    ],
    browser: Annotated[
        bool,
        typer.Option("--browser/--no-browser", help="Open a browser, or only print the address."),
    ] = True,
) -> None:
    """Open an article on ipcs.org in your web browser ($BROWSER is honoured).

    The address is printed too, so it can be copied where no browser can start.

    Example: ipcs open 4842
    """
    import webbrowser

    from ipcsreader.model import article_url
    from ipcsreader.numbers import article_number, possible_article

    url = article_url(possible_article(article_number(number)))
    typer.echo(url)
    if browser and not webbrowser.open(url):
        raise IpcsError("no web browser could be started; set $BROWSER or open the address above")
