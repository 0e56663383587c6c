"""An article on screen: rendered once per width as lines, the query's matches found in them.

``render_article`` (what ``ipcs read`` prints) is drawn into lines of segments at a
readable measure; the lines are shown through Textual's line API, so that the screen
knows where each marked word is and ``n``/``N`` can scroll to it and show it as current.
Segments go to the screen as they are: page text never passes through a markup parser.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ipcsreader.render.read import HIGHLIGHT_STYLE, MEASURE

MARGIN = 2  # columns left of the text
CURRENT = Style(reverse=True, bold=True)
_MARKED = Style.parse(HIGHLIGHT_STYLE).bgcolor

# (line, first cell, cell after the last) of marked words on one line.
Span = tuple[int, int, int]
# One match: its spans, more than one where its words are wrapped onto the next line.
Match = tuple[Span, ...]


class ArticleView(ScrollView, can_focus=True):
    """Lines of an article; ``draw(width)`` gives the article's renderable at a width."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
    ]

    def __init__(self, draw: Callable[[int], RenderableType], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._draw = draw
        self._width = 0
        self._strips: list[Strip] = []
        self.matches: list[Match] = []
        self.current: int | None = None  # index into matches

    def redraw(self, draw: Callable[[int], RenderableType] | None = None) -> None:
        """Draw anew (with ``draw``, another article or more of it), keeping the place."""
        if draw is not None:
            self._draw = draw
        self._width = 0
        self._layout(self.size.width)
        self.refresh()

    def on_resize(self) -> None:
        self._layout(self.size.width)

    def _layout(self, width: int) -> None:
        # The scroll bar is always there (see the CSS), so the measure never changes with it.
        measure = max(20, min(MEASURE, width - self.styles.scrollbar_size_vertical - MARGIN - 1))
        if width <= 0 or measure == self._width:
            return
        self._width = measure
        console = self.app.console
        lines = console.render_lines(
            self._draw(measure), console.options.update(width=measure, height=None), pad=False
        )
        self._strips = [Strip(line).simplify() for line in lines]
        self.matches = _matches(lines)
        if self.current is not None and self.current >= len(self.matches):
            self.current = None
        self.virtual_size = Size(measure + MARGIN, len(self._strips))

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        if index >= len(self._strips):
            return Strip.blank(width, self.rich_style)
        strip = self._strips[index]
        if self.current is not None:
            for line, start, end in self.matches[self.current]:
                if line == index:
                    before, word, after = strip.divide([start, end, strip.cell_length])[:3]
                    strip = Strip.join([before, word.apply_style(CURRENT), after])
        # Every segment gets the widget's style under its own (filters such as NO_COLOR's
        # expect a style on each).
        strip = Strip.join([Strip.blank(MARGIN), strip]).apply_style(self.rich_style)
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def jump(self, step: int) -> int | None:
        """Make the next (``step`` 1) or previous (-1) match current and scroll to it;
        its index, or None when there is none."""
        if not self.matches:
            return None
        if self.current is None:
            top = self.scroll_offset.y
            ahead = [i for i, m in enumerate(self.matches) if m[0][0] >= top]
            self.current = (ahead[0] if ahead else 0) if step > 0 else len(self.matches) - 1
        else:
            self.current = (self.current + step) % len(self.matches)
        line = self.matches[self.current][0][0]
        self.scroll_to(y=max(0, line - self.size.height // 3), animate=False)
        self.refresh()
        return self.current

    def text_lines(self) -> list[str]:
        """The lines as plain text (tests, and the README's capture)."""
        return [strip.text.rstrip() for strip in self._strips]


def _matches(lines: list[list[Segment]]) -> list[Match]:
    """The marked words of the lines, as matches: words side by side are one, on one line
    or wrapped from the end of one onto the start of the next ("North / Korea"), so that
    the count does not change with the width the article is drawn at."""
    out: list[Match] = []
    ends = -1  # the line whose last marked span ends it (nothing but spaces after)
    for y, line in enumerate(lines):
        spans = _marked(y, line)
        if spans and ends == y - 1 and _between_is_space(line, 0, spans[0][1]):
            out[-1] += (spans.pop(0),)
        out.extend((span,) for span in spans)
        last = out[-1][-1] if out else None
        cells = sum(segment.cell_length for segment in line)
        if last is not None and last[0] == y and _between_is_space(line, last[2], cells):
            ends = y
    return out


def _marked(y: int, line: list[Segment]) -> list[Span]:
    """Where words marked by ``render_article``'s highlight sit in one line."""
    out: list[Span] = []
    x = 0
    for segment in line:
        width = segment.cell_length
        style = segment.style
        if style is not None and style.bgcolor is not None and style.bgcolor == _MARKED:
            # Words of one phrase ("North Korea"), or one word in two segments, are one match.
            if out and x - out[-1][2] <= 1 and _between_is_space(line, out[-1][2], x):
                out[-1] = (y, out[-1][1], x + width)
            else:
                out.append((y, x, x + width))
        x += width
    return out


def _between_is_space(line: list[Segment], start: int, end: int) -> bool:
    """Whether the cells from ``start`` to ``end`` of ``line`` hold nothing but spaces."""
    if start == end:
        return True
    text = "".join(segment.text for segment in line)
    return text[start:end].isspace()
