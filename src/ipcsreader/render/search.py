"""Search results as Rich renderables: numbered hits, the tally, suggestions and facets."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from itertools import pairwise

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text

from ipcsreader.archive.search import plain_words
from ipcsreader.model import Hit, SearchResult
from ipcsreader.render.parts import (
    DIM,
    NUMBER_STYLE,
    append_unread,
    long_date,
    names_text,
    pairing,
    plural,
)
from ipcsreader.render.safe import safe
from ipcsreader.text import month_year

MATCH_STYLE = "bold yellow"
FACET_TITLES = {"column": "Column", "author": "Author", "year": "Year", "month": "Month"}
FACET_ROWS = 10
DESCRIBED = "Read as a description: articles with most of its words, best first.\n"


def render_results(result: SearchResult, unread: frozenset[int] = frozenset()) -> RenderableType:
    """The hits of one page (those in ``unread`` said to be so), then the tally, a
    suggestion, the facets and a reading hint."""
    parts: list[RenderableType] = [*_respelt(result), *map(_loosened, result.loosened)]
    if result.mended:
        parts.append(mended_line(result.mended))
    if result.labelled:
        parts.append(labelled_line(result.labelled, "showing"))
    if result.relaxed:
        parts.append(Text("No article has all of these words; showing those with any.\n", DIM))
    elif result.described:
        parts.append(Text(DESCRIBED, DIM))
    elif result.question:
        parts.append(Text("A question: articles with most of its words, best first.\n", DIM))
    first = (result.page - 1) * result.limit + 1 if result.limit else 1
    before: Hit | None = None
    for position, hit in enumerate(result.hits, first):
        if not result.question and starts_some(before, hit):
            parts.append(some_words())
        parts.append(render_hit(position, hit, unread=hit.number in unread))
        before = hit
    parts.append(_tally(result))
    parts.extend(_also_read(result))
    if result.suggestion:
        parts.append(_did_you_mean(result.suggestion))
    if result.facets:
        parts.append(render_facets(result.facets))
    if result.hits:
        parts.append(_hint(result.hits[0].number, result.query))
    return Group(*parts)


def some_words() -> Text:
    """The line between the hits with every word and those after them with some."""
    return Text("Articles with some of these words:\n", DIM)


def starts_some(before: Hit | None, hit: Hit) -> bool:
    """Whether ``hit`` is the first with only some of the words, after one with all or
    one ranked among those (:attr:`Hit.lacks`), and not itself one of those."""
    return (
        before is not None
        and (before.matched == "all" or before.lacks is not None)
        and hit.matched == "some"
        and hit.lacks is None
    )


def divided(hits: Sequence[Hit]) -> bool:
    """Whether ``hits`` go on after those with every word with some that have some of
    the words (:func:`starts_some`)."""
    return any(starts_some(a, b) for a, b in pairwise(hits))


def render_no_hits(result: SearchResult, why: str | None = None) -> RenderableType:
    """What to say when nothing matched, and what to try instead; or ``why``, where the
    query names an author, column or tag that is none (``Library.check_filters``)."""
    what = f"“{result.query}”" if result.query else "these filters"
    parts: list[RenderableType] = [safe(f"No articles match {what}.")]
    if why:
        return Group(*parts, safe(why[:1].upper() + why[1:], DIM))
    parts.extend(_respelt(result))
    parts.extend(_also_read(result))
    if result.suggestion:
        parts.append(_did_you_mean(result.suggestion))
    else:
        parts.append(
            Text(
                "Try fewer or other words, OR between words, a prefix (nucl*) or a fuzzy "
                "word (nucelar~2); see ipcs search --help.",
                DIM,
            )
        )
    return Group(*parts)


def render_hit(position: int, hit: Hit, *, unread: bool = False) -> RenderableType:
    head = Text()
    head.append(f"#{hit.number}", NUMBER_STYLE)
    for extra in (long_date(hit.date), hit.column):
        if extra:
            head.append(" · ", DIM)
            head.append_text(safe(extra, DIM))
    if hit.lacks is not None:
        head.append(" · ", DIM)
        head.append_text(_lacks(hit.lacks))
    if hit.listing_only:
        head.append(" · ", DIM)
        head.append("listed only, no text in the corpus", DIM)
    elif unread:
        append_unread(head)
    lines = [head, safe(hit.title or "(untitled)", "bold")]
    if hit.authors:
        lines.append(names_text([a.name for a in hit.authors]))
    if hit.snippet:
        lines.append(snippet_text(hit))
    return Group(_Numbered(f"{position}.", Group(*lines)), Text(""))


def _lacks(words: tuple[str, ...]) -> Text:
    """What a hit ranked among those with every word lacks: "without “problem”"."""
    if not words:
        return Text("without every word", DIM)
    return safe("without " + ", ".join(f"“{w}”" for w in words), DIM)


class _Numbered:
    """``content`` indented, ``label`` right-aligned in the margin of its first line.

    What a two-column grid would show, without a table's layout work for every hit.
    """

    def __init__(self, label: str, content: RenderableType) -> None:
        self.label = label
        self.content = content

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        margin = max(3, len(self.label)) + 1
        lines = console.render_lines(
            self.content, options.update_width(max(1, options.max_width - margin)), pad=False
        )
        for i, line in enumerate(lines):
            yield Segment(self.label.rjust(margin - 1) + " " if i == 0 else " " * margin)
            yield from line
            yield Segment.line()


def snippet_text(hit: Hit) -> Text:
    """The snippet with matched words styled; each piece cleaned on its own so spans hold."""
    text = Text()
    cursor = 0
    for start, end in hit.highlights:
        text.append_text(safe(hit.snippet[cursor:start]))
        text.append_text(safe(hit.snippet[start:end], MATCH_STYLE))
        cursor = end
    text.append_text(safe(hit.snippet[cursor:]))
    return text


def render_facets(facets: dict[str, tuple[tuple[str, int], ...]]) -> RenderableType:
    tables: list[RenderableType] = []
    from rich.table import Table  # only facets need one: plain searches skip its import

    for name, counts in facets.items():
        table = Table(box=None, padding=(0, 1, 0, 0))
        table.add_column(FACET_TITLES.get(name, name))
        table.add_column("Hits", justify="right")
        for value, count in counts[:FACET_ROWS]:
            table.add_row(safe(value), str(count))
        if len(counts) > FACET_ROWS:
            table.add_row(Text(f"… {len(counts) - FACET_ROWS} more", DIM), "")
        tables.append(table)
        tables.append(Text(""))
    return Group(*tables)


def _tally(result: SearchResult) -> Text:
    every = " with every word" if not result.question and divided(result.hits) else ""
    line = f"{plural(result.total, 'hit')}{every} in {result.seconds:.2f} s"
    if result.limit and result.total > result.limit:
        line += f" (page {result.page} of {-(-result.total // result.limit)})"
    return Text(line, DIM)


def _also_read(result: SearchResult) -> list[Text]:
    """A line for each acronym the query was also read as the name it stands for (or a
    name as its acronym), for each year said in words and searched in figures, for each
    month read as a date, and for each word also searched as others of one meaning: the
    reader sees why a hit that never says "LWE", "twenty fifteen", "March 2015" or "ties"
    is there."""
    return [
        *(
            safe(f'{typed} also read as "{other}", {pairing(typed, result.by_initials)}.', DIM)
            for typed, other in result.also_read
        ),
        *(
            safe(f"{typed} searched as {year}, the year it says.", DIM)
            for typed, year in result.in_figures
        ),
        *(
            safe(f"{typed} also read as a date: articles dated {month_year(month)} have it.", DIM)
            for typed, month in result.dated
        ),
        *(
            safe(f"{typed} also searched as {others}, weighted below the word typed.", DIM)
            for typed, others in result.also_said
        ),
    ]


def _respelt(result: SearchResult) -> list[Text]:
    """A line for each word no article holds, searched as the spelling it is a letter
    off: the reader sees the search was not for what was typed."""
    return [
        safe(f'No article says "{typed}": searched for "{spelling}" instead.\n', DIM)
        for typed, spelling in result.respelt
    ]


def _loosened(phrase: str) -> Text:
    """A line for a quoted phrase no article holds as typed, searched as its words."""
    return safe(f"No article has the phrase “{phrase}”; showing those with its words.\n", DIM)


def mended_line(slips: tuple[str, ...]) -> Text:
    """A line for the slips of a query's syntax left out of it, the rest searched."""
    return safe(f"Left out of the query: {'; '.join(slips)}.\n", DIM)


def labelled_line(labels: tuple[str, ...], doing: str) -> Text:
    """A line for labels filled in as on a form that no article matches as fields: the
    hits have the labels' values as words anywhere (``doing``: "showing", "took")."""
    named = " or ".join(f"“{label}:”" for label in labels)
    return safe(
        f"No article matches {named} as labelled; {doing} those with the words anywhere.\n",
        DIM,
    )


def _did_you_mean(suggestion: str) -> Text:
    text = Text("Did you mean ")
    text.append_text(safe(suggestion, "bold"))
    text.append("?")
    return text


def _hint(number: int, query: str) -> Text:
    words = " ".join(plain_words(query))
    command = f"ipcs read {number}"
    if words:
        command += f" --highlight {shlex.quote(words)}"
    text = Text("\nRead one: ", DIM)
    text.append_text(safe(command))
    return text
