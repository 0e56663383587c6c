"""Commands: ``ipcs index`` (keep the search index fresh) and ``ipcs search``."""

from __future__ import annotations

import importlib
from enum import StrEnum
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
    fresh_result,
    make_console,
    open_library,
    show,
    update_library,
    warn,
)
from ipcsreader.errors import ExitStatus, NotFoundError


class SortOrder(StrEnum):
    relevance = "relevance"
    newest = "newest"
    oldest = "oldest"


@app.command("index")
def index_command(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Throw the index away and build it again.")
    ] = False,
    json: JsonOpt = False,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Bring the search index up to date with the saved pages.

    Only new, changed and removed files are read again (a file's size and time tell, its
    content confirms). Other commands do this by themselves when they need to; run it to
    see what changed and which files could not be read (exit code 1 if any).

    Example: ipcs index --rebuild
    """
    from ipcsreader.web.sync import unread_apart

    library = open_library(corpus, index, refresh=False)
    summary = update_library(library, rebuild=rebuild)
    unread, failed = unread_apart(summary.failed)
    if json:
        emit_json(
            {
                "added": summary.added,
                "updated": summary.updated,
                "removed": summary.removed,
                "unchanged": summary.unchanged,
                "failed": [{"file": f, "reason": r} for f, r in failed],
                "unread": [{"file": f, "reason": r} for f, r in unread],
                "rebuilt": summary.rebuilt,
                "index": str(library.index_dir),
                "corpus": [str(d) for d in library.corpus_dirs],
            }
        )
    else:
        typer.echo(
            f"{'Rebuilt' if summary.rebuilt else 'Updated'} the index in {library.index_dir}: "
            f"{summary.added} added, {summary.updated} updated, {summary.removed} removed, "
            f"{summary.unchanged} unchanged, {len(failed)} failed."
        )
        if unread:
            pages = "1 fetched page" if len(unread) == 1 else f"{len(unread)} fetched pages"
            typer.echo(
                f"{pages} kept but not readable as articles: read again once the parser improves."
            )
        # Where to put pages of one's own: the corpus folders, the user's own last.
        typer.echo("Pages read from: " + ", ".join(str(d) for d in library.corpus_dirs))
        for file, reason in failed:
            warn(f"failed: {file}: {reason}")
        for file, reason in unread:
            warn(f"unread: {file}: {reason}")
    if failed:
        raise typer.Exit(int(ExitStatus.FAILURE))


@app.command("search")
def search_command(
    query: Annotated[
        list[str] | None,
        typer.Argument(help="What to look for (see the query language above).", show_default=False),
    ] = None,
    author: Annotated[str | None, typer.Option(help="Only articles by this author.")] = None,
    column: Annotated[str | None, typer.Option(help="Only articles in this column.")] = None,
    region: Annotated[
        str | None, typer.Option(help="Only articles filed under this region.")
    ] = None,
    year: Annotated[int | None, typer.Option(help="Only articles from this year.")] = None,
    since: Annotated[str | None, typer.Option(help="Only articles on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Only articles on or before this date.")] = None,
    sort: Annotated[SortOrder, typer.Option(help="Order of the hits.")] = SortOrder.relevance,
    limit: Annotated[int, typer.Option(help="Hits per page.")] = 10,
    page: Annotated[int, typer.Option(help="Which page of hits to show.")] = 1,
    facets: Annotated[
        bool, typer.Option("--facets", help="Count all hits by column, author and year.")
    ] = False,
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
) -> None:
    """Search the archive; the best matches come first.

    \b
    Query language:
      north korea              every word must appear (in any form: visit, visits, visited;
                               defence or defense); the, what, of … (and IPCS,
                               article, commentary) only help if found
      "north korea"            a phrase; where no article has it as typed, its words
                               anywhere (those close together first), and said so
      LWE                      also "left wing extremism", and that name also LWE,
                               where the archive's pages spell the acronym out; a name
                               in capitals also its initials (LTTE) where they print
                               those and spell them out nowhere
      India Japan ties         also relations, relationship: words of one meaning, and a
                               capital its country (Tokyo: Japan; Sino-Indian: China),
                               for less; said so
      Lashkar-e-Taiba          also Lashkar-e-Toiba, Lashkar-i-Taiba: a name as pages
                               print it otherwise (Dissanayake: Dissanayaka), for less;
                               said so
      Choe Ryong Hae           also Choe Ryonghae: a name spaced as pages print it, run
                               together or apart (Tahirul Qadri: Tahir ul Qadri)
      #SriLanka                also Sri Lanka: words a hashtag runs together
      russia OR china          either word (Kurils|Kuriles too)
      korea NOT south          leave out articles with a word ("korea -south" too)
      title:korea              a word in the title; also author:, column:, region:
      Author: Mishra           a field's name in any case, or a space after its colon;
                               by:, writer:, columnist: are author:; topic:, subject:,
                               country: are dropped and their words searched
      intitle:korea after:2014 a web search's operators: intitle: is title:, after:,
                               before:, since:, until: a date's range; site: dropped
      affiliation:jnu          where an author works, and their rank, as the byline
                               says (its words are searched among the others too:
                               cdps guwahati naga, vice admiral shankar)
      author:"sandip mishra"   a name, or any part of it
      year:2015                articles from 2015; date:[2014 to 2016-06] a span
      date:>=2014-06           from June 2014 on; also >, <, <= (year:, number: too)
      year:2014..2016          a span as readers write one (year:2014-16, 2015..)
      author:(Sahni|Mishra)    any of a field's values (year:2014,2016)
      korea March 2015         a month and its year (or a year alone) among the words:
                               said in the text, or the article's date ("March 2015"
                               quoted: the text only)
      #4842                    the article numbered 4842 (number:4842)
      mishra2015russia         a citation key, as ipcs cite --style bibtex writes it:
                               author:mishra year:2015 russia, and said so
      nucl*                    words starting with "nucl"
      nucelar~2                words within two edits of "nucelar"
      Seetharamiah             a word no article holds: searched as the word the pages
                               hold a letter off it (Seetharamaiah), and said so
      tag:korea                articles you tagged korea; is:read, is:unread, has:note,
                               note:summit (your notes); -tag:korea leaves them out

    When fewer articles than --limit have every word, the page goes on, after a line
    that says so, with the best of those that have some of them (most words first); the
    count is of those with every word. With --json each hit says "matched": "all" or
    "some". When none has every word, the hits are those with any. When many have, one
    lacking a word that holds the rest far better is ranked among them and says so
    ("without “problem”"; --json: "lacks"). A question ("what
    happened to …", "…?") is answered from the articles with any of its words, those with
    more of them first unless another holds the rest far better; the count is of them all.
    So is a description: five words or more besides "the", "of", "over" … (a name of
    several, "Ram Baran Yadav", counts once), or four at least half in lower case
    ("seized citizens Japan summit"), as the page may say "abducted".

    Dates for --since and --until: YYYY, YYYY-MM or YYYY-MM-DD, or as the site prints
    them ("2 March 2015", "March 2015").
    Exit code 1 when nothing matches, 2 when the query cannot be understood.

    \b
    Examples:
      ipcs search "North Korea"
      ipcs search maoist attack --since 2014 --sort newest
      ipcs search "title:forecast" --column "Red Affairs" --facets
    """
    from ipcsreader.archive.search import SearchQuery

    request = SearchQuery(
        text=" ".join(query or []),
        author=author,
        column=column,
        region=region,
        year=year,
        since=since,
        until=until,
        sort=sort.value,
        limit=limit,
        page=page,
        facets=("column", "author", "year") if facets else (),
        respell=True,
    )
    library, result = fresh_result(
        corpus,
        index,
        lambda library: library.search(request),
        # The renderer is imported while the staleness check may still be going on.
        meanwhile=None if json else lambda: importlib.import_module("ipcsreader.render.search"),
    )
    if result.total and not result.hits and page > 1:
        last = -(-result.total // limit)
        raise NotFoundError(f"page {page} is past the last page ({last})")
    if not result.total:
        library.check_filters(request)  # an --author or --column misspelt says so
    if json:
        from ipcsreader.model import hit_to_dict
        from ipcsreader.reading import Reading

        held = Reading(library).entries_of(h.number for h in result.hits)
        out = {
            "query": result.query,
            "total": result.total,
            "page": result.page,
            "hits": [
                {
                    **hit_to_dict(h),
                    "matched": h.matched,
                    "lacks": None if h.lacks is None else list(h.lacks),
                    "read": held[h.number].read,
                    "tags": list(held[h.number].tags),
                }
                for h in result.hits
            ],
            "suggestion": result.suggestion,
            "relaxed": result.relaxed,
            "loosened": list(result.loosened),
            "labelled": list(result.labelled),
            "mended": list(result.mended),
            "question": result.question,
            "described": result.described,
            "also_read": dict(result.also_read),
            "by_initials": list(result.by_initials),
            "dated": dict(result.dated),
            "also_said": dict(result.also_said),
            "in_figures": dict(result.in_figures),
            "respelt": dict(result.respelt),
        }
        if facets:
            out["facets"] = {name: dict(counts) for name, counts in result.facets.items()}
        emit_json(out)
    else:
        from ipcsreader.reading import Reading
        from ipcsreader.render.search import render_no_hits, render_results  # loaded already

        unread = Reading(library).unread_among(h.number for h in result.hits)
        console = make_console(color)
        show(
            console,
            render_results(result, frozenset(unread)) if result.total else render_no_hits(result),
        )
    if not result.total:
        raise typer.Exit(int(ExitStatus.FAILURE))
