"""Rows, laid out directly, show what the grid they stand for shows."""

from __future__ import annotations

import io
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.text import Text

from ipcsreader.render.rows import Line, Rows, piece_style

_WORDS = st.sampled_from(
    ["Korea", "the", "a", "Indo-Pacific", "Ceasefire", "x", "Supercalifragilisticexpialidocious"]
)
_TEXT = st.lists(_WORDS, min_size=0, max_size=14).map(" ".join)
_CELL = st.sampled_from(["", "#4842", "#12", "2 Mar 2015", "14 Nov", "#123456"])


def _plain(renderable: object, width: int) -> str:
    console = Console(width=width, color_system=None, record=True)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    rows=st.lists(
        st.tuples(st.lists(_CELL, min_size=2, max_size=2), _TEXT), min_size=1, max_size=5
    ),
    gap=st.integers(0, 1),
    width=st.integers(8, 90),
    indent=st.sampled_from([0, 2, 4]),
)
@example(
    rows=[(["#4842", "2 Mar 2015"], "Russia and North Korea: Replaying Old Games")],
    gap=1,
    width=40,
    indent=4,
)
@example(rows=[(["#4842", ""], "")], gap=0, width=10, indent=0)
@example(  # a text that fits a short cell's width, but not the room left for it
    rows=[(["", ""], ""), (["", ""], "Korea"), (["2 Mar 2015", "2 Mar 2015"], "")],
    gap=0,
    width=23,
    indent=0,
)
def test_rows_show_what_their_grid_shows(
    rows: list[tuple[list[str], str]], gap: int, width: int, indent: int
) -> None:
    texts = [Text(t, "italic") for _, t in rows]
    for i, text in enumerate(texts[1:], 1):  # some with parts of their own style
        text.append(f" — {rows[i][1][: 2 * i]}", "dim")
    cells = [[Text(c, "cyan") for c in row] for row, _ in rows]
    ours = Rows(list(zip(cells, texts, strict=True)), gap)
    grid = _plain(Padding(ours.table(), (0, 0, 0, indent)), width)
    assert _plain(Padding(ours, (0, 0, 0, indent)), width) == grid
    assert _plain(ours.indented(indent), width) == grid
    # In colour too: each cell and text keeps its own style, as in the grid.
    coloured = _seen(_shown(Padding(ours.table(), (0, 0, 0, indent)), width))
    assert _seen(_shown(ours.indented(indent), width)) == coloured
    # A text that wraps is cut into lines directly: byte for byte what rendering it whole
    # gives (a text with a justify of its own is rendered whole).
    fixed = sum(max(len(row[i].plain) for row in cells) + 1 for i in range(2)) + gap
    whole = [t.copy() for t in texts]
    for t in whole:
        if len(t.plain) > width - indent - fixed:
            t.justify = "left"
    slow = Rows(list(zip(cells, whole, strict=True)), gap)
    assert _shown(ours.indented(indent), width) == _shown(slow.indented(indent), width)


_SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _seen(shown: str) -> list[list[tuple[str, str]]]:
    """Each line as its characters with the styles they show in: the grid pads its cells
    with spaces in the cell's style (italic, cyan), which look the same as plain ones."""
    lines = []
    for line in shown.split("\n"):
        style, chars = "", []
        for i, part in enumerate(_SGR.split(line)):
            if i % 2:
                style = "" if part in ("", "0") else part
            else:
                chars += [(c, "" if c.isspace() else style) for c in part]
        while chars and chars[-1][0].isspace():
            chars.pop()
        lines.append(chars)
    return lines


def _shown(renderable: object, width: int) -> str:
    """As ``ipcs`` prints it: in colour, trailing spaces dropped."""
    from ipcsreader.cli.common import rendered

    console = Console(width=width, force_terminal=True, color_system="truecolor")
    return rendered(console, renderable)


_STYLE = st.sampled_from(["", "bold", "dim", "bold underline"])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    items=st.lists(
        st.tuples(st.sampled_from([0, 2, 4]), _TEXT, _STYLE, st.sampled_from(["text", "rows"])),
        min_size=1,
        max_size=6,
    ),
    width=st.integers(8, 90),
)
@example(items=[(2, "Korea", "bold", "text"), (0, "", "", "text")], width=40)
@example(  # wider than the room after its indent: it wraps, as under Padding
    items=[(4, "Indo-Pacific Ceasefire Korea", "dim", "text"), (2, "Korea", "", "rows")],
    width=20,
)
def test_lines_show_what_padded_groups_show(
    items: list[tuple[int, str, str, str]], width: int
) -> None:
    from rich.console import Group, RenderableType

    from ipcsreader.render.rows import Lines

    laid: list[tuple[int, RenderableType]] = []
    for indent, words, style, kind in items:
        text = Text(words, style)  # its own style only: Text.render alone would drop it
        if kind == "rows":
            text.append(" #1", "cyan")
        item = Rows([([Text("#1", "cyan")], text)]) if kind == "rows" else text
        laid.append((indent, item))
    # What the renderers built before: an item at the margin bare, others padded.
    padded = Group(*(Padding(item, (0, 0, 0, i)) if i else item for i, item in laid))
    assert _shown(Lines(laid), width) == _shown(padded, width)


def _printed_plain(renderable: object, width: int) -> str:
    """As ``ipcs`` prints it with no colours or styles: lines taken straight from
    :class:`Lines` and :class:`Rows`, not from Rich's segments."""
    from ipcsreader.cli.common import rendered

    return rendered(Console(width=width, color_system=None), renderable)


def _printed_by_rich(renderable: object, width: int) -> str:
    """The same through Rich's printing, trailing spaces dropped as ``ipcs`` drops them."""
    console = Console(width=width, color_system=None)
    with console.capture() as captured:
        console.print(renderable)
    return "\n".join(line.rstrip(" ") for line in captured.get().split("\n"))


# Page text as it comes: line breaks, tabs, wide characters, no-break spaces, dashes,
# runs of spaces, words wider than a line.
_ODD_TEXT = st.lists(
    st.sampled_from(
        [
            *("Korea", "the", "Indo-Pacific", "\n", "\t", "韓国の", "a\u00a0b", "x" * 30),
            *("—", "·", "", " ", "Café", "e\u0301", "y" * 9),
        ]
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    items=st.lists(
        st.tuples(
            st.sampled_from([0, 2, 4]),
            _ODD_TEXT,
            st.sampled_from(["text", "rows", "dated rows", "table", "lines"]),
        ),
        min_size=1,
        max_size=5,
    ),
    width=st.integers(8, 90),
)
@example(items=[(2, "Korea \t the", "rows")], width=12)
@example(items=[(0, "x" * 30 + " \n Korea", "dated rows"), (4, "the", "text")], width=20)
@example(items=[(4, "韓国の Indo-Pacific", "rows")], width=8)  # no room: the table squeezes
@example(items=[(0, " the " + "x" * 30 + "  Korea —  ", "lines")], width=12)
def test_plain_lines_are_what_rich_prints_without_styles(
    items: list[tuple[int, str, str]], width: int
) -> None:
    from rich.console import RenderableType
    from rich.table import Table

    from ipcsreader.render.rows import Lines

    laid: list[tuple[int, RenderableType]] = []
    for indent, words, kind in items:
        text = Text(words, "italic")
        if kind == "text":
            laid.append((indent, text))
        elif kind == "table":
            grid = Table.grid()
            grid.add_row(text)
            laid.append((indent, grid))
        elif kind == "lines":  # rows of Line, as a year of the archive is laid out
            line = Line((words, ""), ("· x", "dim"), style="italic")
            cells = [Line(("#4842", ""), style="cyan"), Line(("2 Mar", "dim"))]
            laid.append((indent, Rows([(cells, line), (cells, Line((words[:9], "bold")))])))
        else:
            cells = [Text("#4842", "cyan")] + [Text("2 Mar 2015")] * (kind == "dated rows")
            rows = Rows([(cells, text), ([Text("#1")] * len(cells), Text("Korea"))], gap=1)
            laid.append((indent, rows))
    lines = Lines(laid)
    assert _printed_plain(lines, width) == _printed_by_rich(lines, width)
    for _, item in laid:
        if isinstance(item, Rows):
            assert _printed_plain(item, width) == _printed_by_rich(item, width)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(words=_ODD_TEXT, style=st.sampled_from(["", "italic"]), width=st.integers(1, 60))
@example(words="x" * 30 + "  Korea", style="", width=12)
@example(words="   ", style="", width=1)
def test_lines_show_their_pieces_as_the_text_they_stand_for(
    words: str, style: str, width: int
) -> None:
    """A row of :class:`Line` pieces shows as the Rich ``Text`` built the usual way, styled
    and plain: the plain wrapping of its own agrees with Rich's where it takes over."""
    from ipcsreader.render.rows import _cells, _wrap_plain

    text = Text(words, style)
    text.append(" — ", "dim")
    text.append(words[::-1], "dim")
    line = Line((words, ""), (" — ", "dim"), (words[::-1], "dim"), style=style)
    assert line.text() == text and line.plain == text.plain
    assert _cells(text.plain) == cell_len(text.plain)
    ours, theirs = Rows([([Text("#1")], line)]), Rows([([Text("#1")], text)])
    assert _shown(ours, width + 3) == _shown(theirs, width + 3)
    assert _printed_plain(ours, width + 3) == _printed_by_rich(theirs, width + 3)
    wrapped = _wrap_plain(text.plain, width)
    if wrapped is not None:
        rich_lines = text.wrap(Console(width=80), width, overflow="ellipsis")
        assert wrapped == [line.plain.rstrip(" ") for line in rich_lines]


def test_a_pieces_style_is_the_one_rich_gives_it() -> None:
    """What the rows' and the desk's styled paths write each piece in (combined once)."""
    console = Console(color_system="truecolor", force_terminal=True, file=io.StringIO())
    styles: dict[tuple[str, str], Style] = {}
    for base in ("", "dim", "bold cyan"):
        for style in ("bold", "red on white", "dim italic", "not bold underline"):
            text = Text.assemble(("piece", style), style=base)
            [shown] = [s for s in text.render(console) if s.text == "piece"]
            assert piece_style(console, styles, base, style) == shown.style, (base, style)
    assert len(styles) == 12
    assert piece_style(console, styles, "dim", "bold") is styles["dim", "bold"]
