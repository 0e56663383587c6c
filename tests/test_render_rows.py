"""Rows, laid out directly, show what the grid they stand for shows."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from ipcsreader.render.rows import Rows

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
    ours = Rows([([Text(c, "cyan") for c in cells], Text(t, "italic")) for cells, t in rows], gap)
    grid = _plain(Padding(ours.table(), (0, 0, 0, indent)), width)
    assert _plain(Padding(ours, (0, 0, 0, indent)), width) == grid
    assert _plain(ours.indented(indent), width) == grid
