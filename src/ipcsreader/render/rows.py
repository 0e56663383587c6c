"""Rows of short cells, then a text that wraps under itself: a grid without a table's work.

``Table.grid(padding=(0, 1))`` with right-aligned cells that never wrap, then a wrapping
text, measures and renders every cell of every row through several layers; a columnist's
three titles cost about a millisecond, and ``ipcs columns`` shows hundreds. :class:`Rows`
lays the same rows out directly: each short column as wide as its widest cell, one space
after each, the text in what is left (at most its longest line). Where a table would have
to squeeze the short columns too, it hands over to the table. ``tests/test_render_rows.py``
checks it against the grid.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:  # the console is imported only when something is printed
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult


class Line:
    """A row's text as (text, style) pieces over a ``style`` of its own: what
    ``Text(first, style)`` with the rest appended shows, made a Rich ``Text`` only when
    styles are printed. Its text must be inert already (:func:`ipcsreader.render.safe.clean`).

    A year of the archive is thousands of rows; building a ``Text`` for each costs more
    than writing them all out plain.
    """

    __slots__ = ("pieces", "style")

    def __init__(self, *pieces: tuple[str, str], style: str = "") -> None:
        self.pieces = list(pieces)
        self.style = style

    def append(self, text: str, style: str = "") -> None:
        self.pieces.append((text, style))

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.pieces)

    def text(self) -> Text:
        return Text.assemble(*self.pieces, style=self.style)


Cell = Text | Line


def piece_style(
    console: Console, styles: dict[tuple[str, str], Style], base: str, style: str
) -> Style:
    """The style Rich gives a piece styled ``style`` of a ``Text`` styled ``base`` ("":
    none): the two combined, kept in ``styles`` so that each pair is combined once."""
    if (base, style) not in styles:
        under = console.get_style(base) if base else Style.null()
        styles[base, style] = Style.combine([under, console.get_style(style)])
    return styles[base, style]


class Rows:
    """``rows`` of (short cells, text); ``gap`` extra spaces before the text (a grid's
    empty spacer column of width 0 is one)."""

    def __init__(
        self, rows: Sequence[tuple[Sequence[Cell], Cell]], gap: int = 0, indent: int = 0
    ) -> None:
        self.rows = rows
        self.gap = gap
        self.indent = indent

    def indented(self, indent: int) -> Rows:
        """These rows ``indent`` spaces in: what ``Padding(rows, (0, 0, 0, indent))`` shows,
        without a layer that lays every line out again."""
        return Rows(self.rows, self.gap, self.indent + indent)

    def table(self) -> RenderableType:
        """The grid these rows stand for (indented as they are)."""
        from rich.padding import Padding
        from rich.table import Table

        grid = Table.grid(padding=(0, 1))
        columns = len(self.rows[0][0]) if self.rows else 0
        for _ in range(columns):
            grid.add_column(no_wrap=True, justify="right")
        for _ in range(self.gap):
            grid.add_column(width=0)
        grid.add_column(ratio=1)
        for cells, text in self.rows:
            grid.add_row(*map(_text, cells), *([""] * self.gap), _text(text))
        return Padding(grid, (0, 0, 0, self.indent)) if self.indent else grid

    def _layout(self, options: ConsoleOptions) -> tuple[list[int], int, ConsoleOptions] | None:
        """Each short column's width, how far in the text starts and the options it is
        laid out with; None when the table must squeeze the columns."""
        columns = len(self.rows[0][0])
        widths = [max(_cells(cells[i].plain) for cells, _ in self.rows) for i in range(columns)]
        fixed = sum(w + 1 for w in widths) + self.gap
        longest = max(
            (_cells(line) for _, text in self.rows for line in text.plain.splitlines()),
            default=0,
        )
        room = options.max_width - self.indent - fixed
        if room < 1:
            return None
        text_options = options.update(
            width=min(max(longest, 1), room),
            justify="left",
            no_wrap=False,
            overflow="ellipsis",
            height=None,
            highlight=False,
        )
        return widths, fixed, text_options

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.rows:
            return
        layout = self._layout(options)
        if layout is None:
            yield self.table()  # the table squeezes every column: let it
            return
        widths, fixed, text_options = layout
        space = Segment(" ")
        margin = Segment(" " * self.indent)
        room = text_options.max_width
        styles: dict[tuple[str, str], Style] = {}
        for cells, row in self.rows:
            lines: Sequence[Sequence[Segment]] | None = None
            if isinstance(row, Line):
                lines = _line_segments(row, room, console, styles)
            if lines is None:
                lines = _text_segments(_text(row), console, text_options)
            for i, line in enumerate(lines):
                if self.indent:
                    yield margin
                if i:
                    yield Segment(" " * fixed)
                else:
                    for cell, width in zip(cells, widths, strict=True):
                        yield Segment(" " * (width - _cells(cell.plain)))
                        yield from _cell_segments(cell, console)
                        yield space
                    if self.gap:
                        yield Segment(" " * self.gap)
                yield from line
                yield Segment.line()

    def plain_lines(self, console: Console, options: ConsoleOptions) -> Iterator[str]:
        """The lines these rows show, as a console without colours or styles prints them
        (trailing spaces dropped): the text straight from the cells, without segments."""
        if not self.rows:
            return
        layout = self._layout(options)
        if layout is None:
            yield from _plain_lines(console, self.table(), options)
            return
        widths, fixed, text_options = layout
        margin, room = " " * self.indent, text_options.max_width
        for cells, text in self.rows:
            plain = text.plain
            lines = [plain]
            if _wraps(plain, room):
                lines = _wrap_plain(plain, room) or [
                    line.plain for line in _wrapped(console, _text(text), text_options)
                ]
            head = "".join(
                " " * (width - _cells(cell.plain)) + cell.plain + " "
                for cell, width in zip(cells, widths, strict=True)
            )
            head += " " * self.gap
            for i, line in enumerate(lines):
                yield (margin + (" " * fixed if i else head) + line).rstrip(" ")


class Lines:
    """Renderables one under another, each ``indent`` spaces in: what a ``Group`` of
    ``Padding(item, (0, 0, 0, indent))`` shows, without their layers.

    Padding lays its content out line by line into a grid of cells, a nested Group again
    for each level; ``ipcs columns`` nests three levels over hundreds of lines. Here a
    text that fits on its line is written straight out, :class:`Rows` lay themselves out
    indented, and anything else goes through Padding as before.
    """

    def __init__(self, items: Sequence[tuple[int, RenderableType]]) -> None:
        self.items = items

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for indent, item in self._laid(options):
            if indent is None:
                yield item
            else:
                if indent:
                    yield Segment(" " * indent)
                yield from _segments(item, console)
                yield Segment.line()

    def plain_lines(self, console: Console, options: ConsoleOptions) -> Iterator[str]:
        """The lines shown, as a console without colours or styles prints them (trailing
        spaces dropped); thousands of them without a segment each."""
        for indent, item in self._laid(options):
            if indent is not None:
                yield (" " * indent + item.plain).rstrip(" ")
            elif isinstance(item, Rows):
                yield from item.plain_lines(console, options)
            else:
                yield from _plain_lines(console, item, options)

    def _laid(self, options: ConsoleOptions) -> Iterator[tuple[int, Text] | tuple[None, Any]]:
        """Each item as shown: a text that fits its line with its indent; rows indented
        and anything else padded, with None."""
        from rich.padding import Padding

        width = options.max_width
        plain = options.justify in (None, "default")
        for indent, item in self.items:
            if isinstance(item, Rows):
                yield None, item.indented(indent)
            elif plain and isinstance(item, Text) and _fits(item, width - indent):
                yield indent, item
            else:
                yield None, Padding(item, (0, 0, 0, indent)) if indent else item


def _wraps(plain: str, room: int) -> bool:
    """Whether a row's text needs laying out (wrapping, tabs) rather than one line."""
    return "\n" in plain or "\t" in plain or _cells(plain) > room


def _text(cell: Cell) -> Text:
    return cell.text() if isinstance(cell, Line) else cell


# Characters but those one cell wide that are never space: printable ASCII but the space.
_OTHER = re.compile("[^!-~]")
# What the wrapping below sees as a word: the spaces before it (the text's first only),
# its letters and the spaces after it.
_WORD = re.compile(" *[^ ]+ *")


def _cells(plain: str) -> int:
    """``cell_len(plain)``: Rich measures a text of any but the plainest characters one
    character at a time, and a line with a dash in it is not of those; here only the
    others are measured (those that join characters into one left to Rich)."""
    others = _OTHER.findall(plain)
    if not others:
        return len(plain)
    if "\u200d" in plain or "\ufe0f" in plain:
        return cell_len(plain)
    return len(plain) - len(others) + sum(map(cell_len, others))


def _breaks(plain: str, width: int) -> list[int] | None:
    """Where ``plain``'s lines after the first start as Rich wraps it within ``width``;
    None unless every character is one cell wide and the only spacing is the plain space
    (Rich's own wrapping takes those).

    Word by word (a word with the spaces after it), a line takes the next word while the
    word, spaces left out, fits in what is left of it; a word that does not starts the next
    line, and so does one wider than a whole line (which Rich then cuts short).
    """
    for other in set(_OTHER.findall(plain)):
        if other != " " and (other.isspace() or cell_len(other) != 1):
            return None
    starts: list[int] = []
    used = 0
    for word in _WORD.finditer(plain):
        at, size = word.start(), len(word.group().rstrip(" "))
        if used + size > width and at:
            starts.append(at)
            used = 0
        used += word.end() - at
    return starts


def _wrap_plain(plain: str, width: int) -> list[str] | None:
    """``plain``'s lines as Rich wraps it within ``width`` (overflow "ellipsis"), trailing
    spaces dropped; None where :func:`_breaks` leaves the wrapping to Rich."""
    starts = _breaks(plain, width)
    if starts is None:
        return None
    lines = (plain[a:b].rstrip(" ") for a, b in _bounds(starts, len(plain)))
    return [line if len(line) <= width else line[: width - 1] + "…" for line in lines]


def _bounds(starts: list[int], length: int) -> list[tuple[int, int]]:
    """Each line's (start, end) in a text of ``length`` whose lines after the first start
    at ``starts``."""
    return list(zip([0, *starts], [*starts, length], strict=True))


def _line_segments(
    line: Line, room: int, console: Console, styles: dict[tuple[str, str], Style]
) -> list[list[Segment]] | None:
    """``line``'s lines within ``room`` as segments, what the rows' styled path makes of
    its ``Text`` (wrapped and padded to the room as ``_wrapped`` lays it out, or one line
    then padding), from its pieces; None where :func:`_breaks` leaves the wrapping to Rich
    or a word wider than the room would be cut short. ``styles``: those combined so far."""
    plain = line.plain
    if "\n" in plain or "\t" in plain:
        return None
    cells = _cells(plain)
    wraps = cells > room
    starts = _breaks(plain, room) if wraps else []
    if starts is None:
        return None
    base = console.get_style(line.style) if line.style else None
    out = []
    for a, b in _bounds(starts, len(plain)):
        end = b
        if wraps and b - a > room:  # spaces past the room are dropped: a word must fit
            end = max(a + room, a + len(plain[a:b].rstrip(" ")))
            if end - a > room:
                return None
        segments, gap, offset = [], "", 0
        for text, style in line.pieces:
            lo, hi = max(offset, a), min(offset + len(text), end)
            offset += len(text)
            if lo >= hi:
                continue
            if not style:
                gap += plain[lo:hi]  # an unstyled run is one segment, in the line's style
                continue
            if gap:
                segments.append(Segment(gap, base))
                gap = ""
            segments.append(Segment(plain[lo:hi], piece_style(console, styles, line.style, style)))
        if wraps:
            gap += " " * (room - (end - a))  # a wrapped line is padded in its own style
        if gap:
            segments.append(Segment(gap, base))
        if not wraps:
            segments.append(Segment(" " * (room - cells)))
        out.append(segments)
    return out


def _wrapped(console: Console, text: Text, options: ConsoleOptions) -> Iterable[Text]:
    """``text``'s lines as ``console.render_lines(text, options)`` lays them out: its own
    wrapping, without rendering each line to segments and splitting them again."""
    return text.wrap(
        console,
        options.max_width,
        justify=text.justify or options.justify or "default",
        overflow=text.overflow or options.overflow or "fold",
        tab_size=(console.tab_size if text.tab_size is None else text.tab_size) or 8,
        no_wrap=bool(text.no_wrap if text.no_wrap is not None else options.no_wrap),
    )


def _joined(line: Iterable[Segment]) -> str:
    return "".join(segment.text for segment in line)


def _plain_lines(
    console: Console, renderable: RenderableType, options: ConsoleOptions
) -> Iterator[str]:
    """``renderable``'s lines as a console without colours or styles prints them."""
    for line in console.render_lines(renderable, options, pad=False):
        yield _joined(line).rstrip(" ")


def _segments(text: Text, console: Console) -> Iterable[Segment]:
    """``text`` on one line, styled as it shows itself: ``Text.render`` alone drops the
    text's own style when no span styles a part of it."""
    if text.style and not text.spans:
        return [Segment(text.plain, console.get_style(text.style))]
    return text.render(console, end="")


def _text_segments(
    text: Text, console: Console, options: ConsoleOptions
) -> Sequence[Sequence[Segment]]:
    """A row's ``text`` laid out in the room ``options`` give it, line by line."""
    plain, room = text.plain, options.max_width
    if "\n" in plain or "\t" in plain or not _plain_wrap(text):
        return console.render_lines(text, options)
    if _cells(plain) > room:
        # What rendering the text would give, line by line, without its round trip
        # through segments cut up and padded again (a year of titles wraps).
        return [list(_segments(line, console)) for line in _wrapped(console, text, options)]
    # It fits on its line: no wrapping to work out.
    return [[*_segments(text, console), Segment(" " * (room - _cells(plain)))]]


def _cell_segments(cell: Cell, console: Console) -> Iterable[Segment]:
    """A short cell as :func:`_segments` shows it; a Line of unstyled pieces without
    becoming a Text first."""
    if isinstance(cell, Line) and not any(style for _, style in cell.pieces):
        return [Segment(cell.plain, console.get_style(cell.style) if cell.style else None)]
    return _segments(_text(cell), console)


def _plain_wrap(text: Text) -> bool:
    """Whether ``text`` leaves wrapping to what it is rendered with (no setting of its own)."""
    return (
        text.justify is None and text.overflow is None and text.no_wrap is None and text.end == "\n"
    )


def _fits(text: Text, width: int) -> bool:
    """Whether ``text`` shows as itself on one line (no wrapping, tabs or justifying)."""
    plain = text.plain
    return (
        text.justify in (None, "default")
        and text.end == "\n"
        and "\n" not in plain
        and "\t" not in plain
        and _cells(plain) <= width
    )
