"""The two lists of the search screen: the hits, and the counts that filter them."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from contextlib import suppress
from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from ipcsreader.model import Hit
from ipcsreader.render.parts import DIM
from ipcsreader.render.safe import safe
from ipcsreader.render.search import FACET_TITLES, render_hit, some_words, starts_some

FACET_ROWS = 8  # values shown of each facet


class HitList(OptionList):
    """Numbered hits, as ``ipcs search`` prints them; ids are the article numbers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: list[Hit] = []  # those shown, in order
        self.unread: set[int] = set()  # those of them shown as unread

    def show(
        self,
        hits: Sequence[Hit],
        first: int,
        *,
        unread: Collection[int] = (),
        append: bool = False,
        divided: bool = True,
    ) -> None:
        """Show ``hits`` numbered from ``first`` (after those shown, with ``append``), those
        ``unread`` said to be so; with ``divided``, the hits with some of the words after a
        line (not for a question's, ranked together)."""
        options: list[Option] = []
        before = self.hits[-1] if append and self.hits else None
        for position, hit in enumerate(hits, first):
            if divided and starts_some(before, hit):
                options.append(Option(some_words(), disabled=True))
            options.append(
                Option(render_hit(position, hit, unread=hit.number in unread), id=str(hit.number))
            )
            before = hit
        self.unread = (self.unread if append else set()) | set(unread)
        self.hits = [*self.hits, *hits] if append else list(hits)
        if append:
            self.add_options(options)
            return
        self.clear_options()
        self.add_options(options)
        if options:
            self.highlighted = 0

    def nothing(self, why: RenderableType) -> None:
        """No hits: ``why`` in their place."""
        self.hits, self.unread = [], set()
        self.clear_options()
        self.add_option(Option(why, disabled=True))

    def read(self, number: int) -> None:
        """Show hit ``number`` as read (its article has just been opened)."""
        if number not in self.unread:
            return
        self.unread.discard(number)
        for position, hit in enumerate(self.hits, 1):
            if hit.number == number:
                self.replace_option_prompt(str(number), render_hit(position, hit))

    def number(self) -> int | None:
        """The highlighted hit's article number."""
        if self.highlighted is None or not self.option_count:
            return None
        option = self.get_option_at_index(self.highlighted)
        return int(option.id) if option.id else None

    def near_end(self) -> bool:
        return self.highlighted is not None and self.highlighted >= self.option_count - 3


class FacetList(OptionList):
    """Counts of the hits by column, author and year; a chosen one carries a check mark.

    Option ids are ``facet:value``; the headings are disabled options.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keep: str | None = None  # the id of the count the cursor was on
        self._counting = False  # showing "Counting…"

    def show(self, facets: dict[str, tuple[tuple[str, int], ...]], chosen: dict[str, str]) -> None:
        """The counts; the cursor stays on the count it was on (by its facet and value)."""
        keep = self._highlighted_id() or self._keep
        self._keep = None
        self._counting = False
        self.clear_options()
        for name in ("column", "author", "year"):
            counts = list(facets.get(name, ()))
            picked = chosen.get(name)
            if picked is not None and all(value != picked for value, _ in counts):
                counts.insert(0, (picked, 0))
            if not counts:
                continue
            self.add_option(Option(Text(FACET_TITLES[name], "bold underline"), disabled=True))
            for value, count in counts[:FACET_ROWS]:
                mark = "✓ " if value == picked else "  "
                line = Text(mark)
                line.append_text(safe(value))
                line.append(f" {count}" if count else "", DIM)
                self.add_option(Option(line, id=f"{name}:{value}"))
            if len(counts) > FACET_ROWS:
                more = Text(f"  … {len(counts) - FACET_ROWS} more", DIM)
                self.add_option(Option(more, disabled=True))
        if keep is not None:
            with suppress(OptionDoesNotExist):  # that value is gone from the new counts
                self.highlighted = self.get_option_index(keep)

    def _highlighted_id(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    def counting(self) -> None:
        """Say the counts are on their way (those of an older query are never shown)."""
        if self._counting:  # said already, as the keys come: nothing to draw again
            return
        self._keep = self._highlighted_id() or self._keep
        self.clear_options()
        self.add_option(Option(Text("Counting…", DIM), disabled=True))
        self._counting = True


def facet_choice(option_id: str) -> tuple[str, str]:
    """(facet, value) of a :class:`FacetList` option id."""
    name, _, value = option_id.partition(":")
    return name, value
