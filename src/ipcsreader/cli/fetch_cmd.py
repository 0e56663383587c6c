"""Commands: ``ipcs fetch`` (given article numbers) and ``ipcs sync`` (whatever is new)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ipcsreader.cli.application import app
from ipcsreader.cli.common import (
    NUMBER_ARGS,
    ColorMode,
    ColorOpt,
    IndexOpt,
    JsonOpt,
    emit_json,
    make_console,
    open_library,
    update_library,
    warn,
)
from ipcsreader.errors import FetchError, IpcsError, NotFoundError, UsageError

if TYPE_CHECKING:
    from ipcsreader.web.fetch import Client
    from ipcsreader.web.sync import Outcome, Report


class Section(StrEnum):
    commentaries = "commentaries"
    issue_briefs = "issue-briefs"
    special_reports = "special-reports"
    research_papers = "research-papers"
    discussion_reports = "discussion-reports"


DryRunOpt = Annotated[
    bool,
    typer.Option("--dry-run", help="Say what would be fetched; download no article, save nothing."),
]
DelayOpt = Annotated[
    float | None,
    typer.Option(
        "--delay",
        help="Seconds between two requests to the site [default: IPCS_DELAY, or 1].",
        show_default=False,
    ),
]


_AGAIN = "; run `ipcs sync` again to go on from here"


@app.command("fetch", context_settings=NUMBER_ARGS)
def fetch_command(
    numbers: Annotated[
        list[str],
        typer.Argument(
            help="Article numbers or ranges: 4842, #4842, 4840-4845.",
            metavar="N|A-B",
            show_default=False,
        ),
    ],
    dry_run: DryRunOpt = False,
    force: Annotated[
        bool, typer.Option("--force", help="Fetch again articles that are already saved.")
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", help="Go ahead with a range of more than 1,000 numbers.")
    ] = False,
    delay: DelayOpt = None,
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    index: IndexOpt = None,
) -> None:
    """Download articles from ipcs.org into your own corpus, then update the index.

    Each page is saved unchanged as <N>.html in your data folder, once it reads as an
    article. The site is asked politely: robots.txt is obeyed, one request a second
    (IPCS_DELAY or --delay), from IPCS_BASE_URL [default: https://www.ipcs.org].
    A number given alone that the site does not have (or whose page does not read as an
    article) ends with exit code 1; inside a range it is only reported. Articles already
    saved are skipped (--force fetches them again); a range of more than 1,000 numbers
    needs --yes.

    Example: ipcs fetch 4842 5086-5090
    """
    from ipcsreader import paths
    from ipcsreader.numbers import number_ranges
    from ipcsreader.web.sync import Downloader, fetch_numbers

    wanted, alone = number_ranges(numbers, allow_large=yes, hashes=True)
    saved = set() if force else _saved(index)
    with _client(delay) as client, _progress(len(wanted), "Fetching") as advance:
        downloader = Downloader(
            client, paths.user_corpus_dir(), dry_run=dry_run, on_outcome=advance
        )
        report = fetch_numbers(downloader, wanted, saved=saved)
    _finish(report, sync=False, json=json, color=color, index=index)
    for outcome in report.outcomes:
        if outcome.number in alone and outcome.status in ("missing", "refused"):
            raise NotFoundError(
                f"No article {outcome.number} on {client.settings.base_url}: {outcome.detail}"
            )
        if outcome.number in alone and outcome.status == "unread":
            # What was asked for did not arrive: the page is kept, but it is no article.
            raise FetchError(f"article {outcome.number} was {outcome.detail}")
    failed = report.numbers("failed")
    if report.error:
        raise FetchError(report.error)
    if failed:
        raise FetchError(f"{_numbers(failed)} could not be downloaded; try again later")


@app.command("sync")
def sync_command(
    section: Annotated[
        list[Section] | None,
        typer.Option(
            "--section",
            metavar="<name>",
            help=(
                "Only this section (repeatable): commentaries, issue-briefs, special-reports, "
                "research-papers, discussion-reports [default: all]."
            ),
        ),
    ] = None,
    max_new: Annotated[
        int | None,
        typer.Option("--max", help="Fetch at most this many new articles, then stop."),
    ] = None,
    dry_run: DryRunOpt = False,
    delay: DelayOpt = None,
    json: JsonOpt = False,
    color: ColorOpt = ColorMode.auto,
    index: IndexOpt = None,
) -> None:
    """Fetch the articles ipcs.org has and your corpus lacks, newest first.

    Walks each section's listing pages (commentaries, issue briefs, special reports,
    research papers, discussion reports) until it reaches articles you already have, then
    fetches the new ones and updates the index. The first sync walks every page; an
    interrupted sync (Ctrl-C, --max, a failing site) goes on where it stopped next time.

    Example: ipcs sync --section commentaries --max 50
    """
    from ipcsreader import paths
    from ipcsreader.web.sync import SECTIONS, Downloader, Syncer, SyncState, state_path

    if max_new is not None and max_new < 1:
        raise UsageError(f"--max must be at least 1, not {max_new}")
    names = [s.value for s in section] if section else list(SECTIONS)
    known = _saved(index)
    with _client(delay) as client, _progress(max_new, "Syncing") as advance:
        downloader = Downloader(
            client, paths.user_corpus_dir(), dry_run=dry_run, on_outcome=advance
        )
        syncer = Syncer(downloader, SyncState.load(state_path()), known, limit=max_new)
        report = syncer.run(names)
    _finish(report, sync=True, json=json, color=color, index=index)
    if report.error:
        raise FetchError(report.error + _AGAIN)


def _saved(index: Path | None) -> set[int]:
    """The articles the index holds, and every page fetch and sync saved (read or not).

    The index as it stands, not brought up to date first: the pages fetched are found by
    their file names, and a failing site must be the first thing said, not an index build.
    """
    from ipcsreader import paths
    from ipcsreader.web.sync import saved_files

    library = open_library(None, index, refresh=False)
    try:
        known = {r.number for r in library.records() if not r.listing_only}
    except IpcsError:
        known = set()
    return known | saved_files(paths.user_corpus_dir())


@contextmanager
def _client(delay: float | None) -> Iterator[Client]:
    from ipcsreader.web.fetch import Client, FetchSettings

    with Client(FetchSettings.from_env(delay=delay)) as client:
        yield client


@contextmanager
def _progress(total: int | None, label: str) -> Iterator[Callable[[Outcome], None]]:
    """A progress bar on stderr when it is a terminal; yields what to call per article."""
    if not sys.stderr.isatty():
        yield lambda _outcome: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=make_console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("", total=total)
        yield lambda outcome: bar.update(task, advance=1, description=str(outcome.number))


def _finish(
    report: Report, *, sync: bool, json: bool, color: ColorMode, index: Path | None
) -> None:
    """Update the index when something was saved, then print the report."""
    from ipcsreader.render.fetch import outcome_lines, skipped_line, summary

    if report.error and not report.outcomes and not report.listings:
        # Nothing was done: the reason is all there is to say (never "up to date").
        raise FetchError(report.error + (_AGAIN if sync else ""))
    if report.numbers("saved") or report.numbers("unread"):
        warn("Updating the search index…")
        update_library(open_library(None, index, refresh=False))
    if json:
        emit_json(report.to_dict())
        return
    # Soft wrap: one line per article and for the summary, whatever the width.
    console = make_console(color)
    console.print(outcome_lines(report), end="", soft_wrap=True)
    if report.skipped:
        console.print(skipped_line(report.skipped), soft_wrap=True)
    console.print(summary(report, sync=sync), soft_wrap=True)


def _numbers(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    return f"article{'s' if len(numbers) > 1 else ''} {shown}{more}"
