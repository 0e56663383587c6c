"""One-line rows that fit a narrow terminal: whole hints and phrases left out, not cut.

The footer of key hints leaves out the least useful first (each screen says which, in
order); F1, which lists every key, always stays. A status line is given as versions from
the fullest to the barest and shows the first that fits (the barest cut, an ellipsis
marking it, when none does).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual import events
from textual.widgets import Footer, Static

from ipcsreader.compat import textual_footer


class FittedFooter(Footer):
    """Textual's compact footer; ``drops`` are actions whose hints go, first to last,
    while the hints are wider than the terminal."""

    def __init__(self, *drops: str) -> None:
        super().__init__(compact=True)
        self.drops = drops

    async def recompose(self) -> None:  # the hints are made anew when the keys change
        await super().recompose()
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        found = textual_footer.hints(self.children)
        shown = kept([(h.action, h.width) for h in found], self.drops, self.size.width)
        for hint in found:
            hint.widget.display = hint.action in shown


def kept(hints: Sequence[tuple[str, int]], drops: Iterable[str], width: int) -> set[str]:
    """The actions of ``hints`` (action, columns) left when those in ``drops`` go in turn
    until the rest fit ``width`` with a column between two (all while the width is unknown)."""
    shown = dict(hints)
    for action in drops:
        if not width or sum(shown.values()) + len(shown) - 1 <= width:
            break
        shown.pop(action, None)
    return set(shown)


class FittingLine(Static):
    """A line showing the first of its versions (fullest first) that fits its width, else
    the last cut, an ellipsis marking the cut."""

    def show(self, *versions: Text) -> None:
        self.versions = versions
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        versions = getattr(self, "versions", ())
        if versions:
            self.update(fitted(versions, self.content_size.width))


def fitted(versions: Sequence[Text], width: int) -> Text:
    """The first of ``versions`` no wider than ``width`` (the first while it is unknown),
    else the last cut to ``width`` with an ellipsis."""
    line = next((v for v in versions if not width or v.cell_len <= width), versions[-1])
    if width and line.cell_len > width:
        line = line.copy()
        line.truncate(max(width - 1, 0))  # in cells: a wide character counts two
        line.rstrip()
        line.append("…")
    return line
