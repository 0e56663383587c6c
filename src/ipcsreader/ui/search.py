"""The search screen: a query box, the hits as you type, counts that filter them.

The word being typed is looked up as a prefix ("kashm" finds Kashmir at once): a word
cut short otherwise matches nothing, and an empty answer is the slowest one (the index
then looks for spelling suggestions). Its prefix stands for its :data:`COMPLETIONS` most
frequent words only (hundreds would be looked up for three letters otherwise). The index
holds word stems: a whole word typed past its stem ("replaying", stem "replay") stands for
the stem's words; one cut short past it ("sequestra", stem "sequestr") finds nothing until
it is whole. A word only begun after others (one or two letters) is left out until its
third letter. The rest of the query language works as typed.

A search starts as soon as a key changes the query, unless one is running: then the
keystrokes that arrive meanwhile are merged into one search, run next, and only the
newest answer is shown (the debounce costs no fixed delay, so a lone keystroke is answered
as fast as the index can). The counts by column, author and year follow once typing pauses
for :data:`FACET_PAUSE` (counting every hit costs as much as the search). More hits load as
the cursor or the scroll nears the end.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, Static

from ipcsreader.archive.search import OPERATORS, SearchQuery, plain_words
from ipcsreader.errors import IndexUnavailableError, QueryError, UsageError
from ipcsreader.model import AlsoRead, SearchResult
from ipcsreader.numerals import WORDS
from ipcsreader.render.parts import DIM
from ipcsreader.render.safe import safe
from ipcsreader.render.search import divided, render_no_hits
from ipcsreader.text import YEAR
from ipcsreader.ui.base import IpcsScreen
from ipcsreader.ui.fitting import FittedFooter, FittingLine
from ipcsreader.ui.hits import FacetList, HitList, facet_choice

# Hits fetched at a time: a screenful and a few more (each costs its snippet), at least.
MIN_PAGE = 5
HIT_LINES = 6  # about what a hit takes on screen
FACETS = ("column", "author", "year")
# Words a prefix being typed stands for (its most frequent): 4 answers the keys about a
# fifth faster than 8 on broad prefixes ("chi", "ind") at 10,000 articles (bench/ui.py).
COMPLETIONS = 4
FACET_PAUSE = 0.25  # seconds of no typing before the counts are made
# Narrower than this, the counts hide until asked for (f).
FACETS_FROM_WIDTH = 72
# The last word, if plain and long enough for a prefix of few words (one of 1-2 letters
# stands for too many).
_TYPING = re.compile(r"(?:^|\s)(\w{3,})$")
# The last word, if plain and only begun (one or two letters) after other words.
_STARTED = re.compile(r"(?<=\s)\w{1,2}$")
# A year typed whole: "2015*" would find no more than "2015", and "2015" (alone or after a
# month) is read as a date too only as a word (store/rewrites.dated_words); so are a year
# and a number said in words (store/rewrites.said_numbers): "twenty fifteen*" would be
# searched as twenty and a prefix.
_YEAR = re.compile(YEAR)


def as_you_type(text: str) -> str:
    """``text`` with the word still being typed made a prefix: "taliban kab" -> "taliban
    kab*"; its first letter or two are left out after other words ("taliban k" -> "taliban":
    a word "k" would find nothing with "taliban", and any of the words would be shown).
    Unchanged after a space, inside a phrase, when the word has syntax of its own (a
    field, a sign, a wildcard), or when it is a year or a number word typed whole."""
    if text.count('"') % 2:
        return text
    short = _STARTED.search(text)
    if short is not None and text[: short.start()].strip():
        before = text[: short.start()].split()
        while len(before) > 1 and before[-1] in OPERATORS:  # "nuclear OR m"
            before.pop()
        return " ".join(before)
    found = _TYPING.search(text)
    word = found.group(1) if found else ""
    if found is None or word in OPERATORS or _YEAR.fullmatch(word) or word.lower() in WORDS:
        return text
    return text + "*"


class SearchScreen(IpcsScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "to_hits", "Results", show=False),
        Binding("down", "to_hits", "Results", show=False),
        Binding("slash", "to_box", "Search"),
        Binding("f", "toggle_facets", "Facets"),
        Binding("x", "app.export", "Export"),
        Binding("backspace", "clear_filters", "Clear filters", show=False),
        Binding("q", "app.quit", "Quit"),
        Binding("f2", "app.columns", "Columns"),
        Binding("f3", "app.authors", "Authors"),
        Binding("f4", "app.archive", "Archive"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.filters: dict[str, str] = {}
        self.shown: SearchQuery | None = None  # the request whose hits are on screen
        self.answered: SearchQuery | None = None  # the last request answered (or refused)
        self.result: SearchResult | None = None
        self._sent: SearchQuery | None = None  # what was asked of the library for ``shown``
        self._wanted: SearchQuery | None = None
        self._busy = False
        self._loading_more = False
        self._facets_wanted: bool | None = None  # None: as wide as the screen allows
        self._reading: int | None = None  # the article opened from here, on screen
        # Enter pressed while the query as typed was still being searched: its first hit
        # opens once shown (not a hit of the list then on screen, a prefix's).
        self._open_when_shown = False

    def compose(self) -> ComposeResult:
        yield Input(
            self.initial,
            placeholder='Search: north korea · "nuclear deal" · author:mishra · year:2015',
            id="query",
        )
        with Horizontal(id="status"):
            yield FittingLine(id="tally")
            yield Static(id="index-note")
        with Horizontal(id="body"):
            yield HitList(id="hits")
            yield FacetList(id="facets")
        # The least useful go first on a narrow terminal; /, q, F2 and F1 (every key) stay.
        yield FittedFooter("app.export", "toggle_facets", "app.archive", "app.authors")

    def on_mount(self) -> None:
        self.watch(self.app, "index_note", self._show_note)
        self.watch(self.app, "index_generation", lambda _gen: self.ask(), init=False)
        self.watch(self.query_one(HitList), "scroll_y", self._scrolled, init=False)
        self.query_one(Input).focus()
        self.call_after_refresh(self.ask)  # the first frame goes out before the first search

    def on_resize(self) -> None:
        self._place_facets()

    # Searching.

    def request(self) -> SearchQuery:
        """The search the screen asks for now (its first page): the query box, the counts
        chosen."""
        text = self.query_one(Input).value
        year = self.filters.get("year")
        return SearchQuery(
            text=text,
            author=self.filters.get("author"),
            column=self.filters.get("column"),
            year=int(year) if year and year.isdecimal() else None,
            sort="relevance" if text.strip() else "newest",
            limit=self.page_size(),
            respell=True,
        )

    def page_size(self) -> int:
        """Hits for a screenful and a few more, at the list's height now."""
        return max(MIN_PAGE, self.query_one(HitList).size.height // HIT_LINES + 2)

    @on(Input.Changed, "#query")
    def _typed(self) -> None:
        self._open_when_shown = False
        self.ask()

    def ask(self) -> None:
        """Search for what the screen shows now (merged with a search under way)."""
        self._wanted = self.request()
        self.workers.cancel_group(self, "facets")  # counts of an older query: never shown
        if not self._busy:
            self._busy = True
            self.run_worker(self._serve(), group="search")

    async def _serve(self) -> None:
        try:
            while self._wanted is not None:
                request, self._wanted = self._wanted, None
                answer = await self._search(request)
                if self._wanted is None and answer is not None:
                    sent, result, unread = answer
                    why = None if result.total else await self.ipcs.service.why_nothing(sent)
                    if self._wanted is None:
                        self._show(request, sent, result, unread, why)
                self.answered = request
        finally:
            self._busy = False
        if self._open_when_shown and self._wanted is None:
            self._open_when_shown = False
            if self.shown is not None and self.shown.text == self.query_one(Input).value:
                self._open()

    @property
    def busy(self) -> bool:
        """Whether a search is under way."""
        return self._busy

    async def _search(
        self, request: SearchQuery
    ) -> tuple[SearchQuery, SearchResult, set[int]] | None:
        """(what was sent, its result, the hits not read yet), or None after saying why."""
        service = self.ipcs.service
        typing = replace(request, text=as_you_type(request.text), completions=COMPLETIONS)
        try:
            if typing.text != request.text:
                try:
                    result, unread = await service.search_unread(typing)
                    # Hits with only some of the words: the word being typed may be whole
                    # and misspelt ("korea moskow"), which the query as typed respells.
                    if result.total and not result.relaxed:
                        return typing, result, unread
                except QueryError:  # the prefix refused: the word as it stands
                    pass
            return request, *await service.search_unread(request)
        except (QueryError, UsageError) as error:  # half-typed queries are normal: no alarm
            self._say(safe(error.message, "italic"))
        except IndexUnavailableError as error:
            building = bool(self.ipcs.index_note)
            self._say(Text("Building the search index…" if building else error.message))
        except Exception as error:
            self.ipcs.report(error)
        return None

    def _show(
        self,
        request: SearchQuery,
        sent: SearchQuery,
        result: SearchResult,
        unread: set[int],
        why: str | None = None,
    ) -> None:
        self.shown, self._sent, self.result = request, sent, result
        self.ipcs.last_request = sent  # the list shown, prefix and all
        hits = self.query_one(HitList)
        if result.total:
            hits.show(result.hits, 1, unread=unread, divided=not result.question)
        else:
            hits.nothing(render_no_hits(result, why))
        facets = self.query_one(FacetList)
        if result.total:
            facets.counting()
            self.run_worker(self._count(sent), group="facets", exclusive=True)
        else:
            facets.show({}, self.filters)
        self._tally()
        self._place_facets()

    async def _count(self, sent: SearchQuery) -> None:
        """The counts by column, author and year of ``sent``'s hits, once typing pauses."""
        await asyncio.sleep(FACET_PAUSE)
        if self._busy or self._sent != sent:
            return
        counting = replace(sent, facets=FACETS, limit=1, highlight=False)
        result = await self.ipcs.attempt(self.ipcs.service.search(counting))
        if result is not None and self._sent == sent and not self._busy:
            self.query_one(FacetList).show(result.facets, self.filters)
            self._place_facets()

    def _tally(self) -> None:
        result = self.result
        if result is None:
            return
        hits = self.query_one(HitList).hits if result.total else []
        shown = len(hits)
        noun = "hit" if result.query else "article"
        line = Text(f"{result.total:,} {noun}{'' if result.total == 1 else 's'}")
        # For a narrow terminal: shorter, then only what the reader must not miss.
        short, bare = line.copy(), line.copy()
        if not (result.relaxed or result.question) and divided(hits):
            line.append(" with every word", DIM)
        if result.total > shown:
            for version in (line, short, bare):
                version.append(f" · {shown} shown", DIM)
        if not result.query:
            line.append(" · newest first", DIM)
        for name, value in self.filters.items():
            for version in (line, short, bare):
                version.append(f" · {name}: ", DIM)
                version.append_text(safe(value, "bold"))
        for phrase in result.loosened:
            for version in (line, short):
                version.append(" · ", DIM)
                version.append_text(safe(f"“{phrase}”", "bold"))
                version.append(" not as a phrase", DIM)
        if result.mended:
            for version in (line, short):
                version.append(" · ", DIM)
                version.append_text(safe("; ".join(result.mended), "bold"))
                version.append(" left out", DIM)
        for label in result.labelled:
            for version in (line, short):
                version.append(" · ", DIM)
                version.append_text(safe(f"{label}:", "bold"))
                version.append(" as words", DIM)
        if result.relaxed:
            line.append(" · none has every word: hits with any", DIM)
            short.append(" · any word", DIM)
        for typed, spelling in result.respelt:
            for version in (line, short):
                version.append(" · ", DIM)
                version.append_text(safe(typed, "bold"))
                version.append(" searched as ", DIM)
                version.append_text(safe(spelling, "bold"))
        for typed, other in result.also_read:
            line.append(" · ", DIM)
            line.append_text(safe(typed, "bold"))
            line.append(" also as ", DIM)
            line.append_text(safe(other, "bold"))
        for typed, year in result.in_figures:
            line.append(" · ", DIM)
            line.append_text(safe(typed, "bold"))
            line.append(f" as {year}", DIM)
        for typed, _month in result.dated:
            line.append(" · ", DIM)
            line.append_text(safe(typed, "bold"))
            line.append(" also as a date", DIM)
        for typed, others in result.also_said:
            line.append(" · ", DIM)
            line.append_text(safe(typed, "bold"))
            line.append(f" also as {others}", DIM)
        if result.suggestion:
            for version in (line, short, bare):
                version.append(" · did you mean ", DIM)
                version.append_text(safe(result.suggestion, "bold"))
                version.append("?", DIM)
        self._say(line, short, bare)

    def _say(self, *versions: Text) -> None:
        """The tally: the first of ``versions`` that fits."""
        self.query_one("#tally", FittingLine).show(*versions)

    # More hits as the end comes near.

    @on(OptionList.OptionHighlighted, "#hits")
    def _moved(self) -> None:
        if self.query_one(HitList).near_end():
            self._more()

    def _scrolled(self, _y: float) -> None:
        hits = self.query_one(HitList)
        if hits.max_scroll_y and hits.scroll_y >= hits.max_scroll_y - 2:
            self._more()

    def _more(self) -> None:
        result, shown = self.result, self.shown
        if result is None or shown is None or self._loading_more:
            return
        hits = self.query_one(HitList)
        count = len(hits.hits)  # not the divider before hits with some of the words
        if not hits.option_count or count >= result.total:  # none: the list is being replaced
            return
        self._loading_more = True
        sent = self._sent or shown
        self.run_worker(self._load(shown, sent, count), group="more")

    async def _load(self, shown: SearchQuery, sent: SearchQuery, count: int) -> None:
        try:
            limit = sent.limit or MIN_PAGE
            request = replace(sent, page=count // limit + 1)
            answer = await self.ipcs.attempt(self.ipcs.service.search_unread(request))
            hits = self.query_one(HitList)
            # Only onto the list asked from: not one shown since, nor one caught while it
            # was being replaced (clearing it scrolls it, which asks for more).
            if answer is not None and self.shown == shown and hits.option_count == count:
                result, unread = answer
                divided = not result.question
                hits.show(result.hits, count + 1, unread=unread, append=True, divided=divided)
                self._tally()
        finally:
            self._loading_more = False

    # Keys.

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        shown = self.shown
        if self._busy or shown is None or shown.text != self.query_one(Input).value:
            self._open_when_shown = True  # see _serve
        else:
            self._open()

    @on(OptionList.OptionSelected, "#hits")
    def _open(self) -> None:
        number = self.query_one(HitList).number()
        if number is not None:
            self._reading = number
            result = self.result
            also = (
                AlsoRead(
                    result.also_read,
                    result.respelt,
                    result.also_said + result.in_figures,
                    result.by_initials,
                    result.spaced,
                )
                if result
                else AlsoRead()
            )
            self.ipcs.read(number, self.words(), also)

    def on_screen_resume(self) -> None:
        # Back from reading: to the results, where q quits and Enter reads the next one.
        if self._reading is not None:
            self.query_one(HitList).read(self._reading)
            self._reading = None
            self.action_to_hits()

    def words(self) -> str:
        return " ".join(plain_words(self.shown.text)) if self.shown else ""

    @on(OptionList.OptionSelected, "#facets")
    def _facet(self, event: OptionList.OptionSelected) -> None:
        name, value = facet_choice(event.option.id or "")
        if self.filters.get(name) == value:
            del self.filters[name]
        else:
            self.filters[name] = value
        self.ask()

    def action_clear_filters(self) -> None:
        if self.filters:
            self.filters.clear()
            self.ask()

    def action_to_hits(self) -> None:
        hits = self.query_one(HitList)
        if hits.option_count:
            hits.focus()

    def action_to_box(self) -> None:
        self.query_one(Input).focus()

    def action_toggle_facets(self) -> None:
        facets = self.query_one(FacetList)
        self._facets_wanted = not facets.display
        self._place_facets()
        if facets.display:
            facets.focus()

    def _place_facets(self) -> None:
        facets = self.query_one(FacetList)
        wanted = self._facets_wanted
        if wanted is None:
            wanted = self.size.width >= FACETS_FROM_WIDTH
        facets.display = wanted and bool(facets.option_count)

    def _show_note(self, note: str) -> None:
        self.query_one("#index-note", Static).update(Text(note, DIM))
