"""Which key each hint of Textual's footer shows, and how many columns it takes.

Textual has no public way to ask a ``Footer`` what its hints are. Its children are
``FooterKey`` widgets from the private module ``textual.widgets._footer``, each with the
``action`` it runs and the ``key_display`` and ``description`` it shows; in the compact
footer a hint is the key, a space and the description, one column apart from the next.

Checked: Textual 8.2.8; bound ``<9``. Guards: ``tests/test_compat.py`` (the class and its
attributes are there) and ``tests/test_ui_fitting.py`` (the footer read from the screen at
40, 60 and 80 columns). Without them no hint is known and the footer shows every hint as
Textual lays them out: a terminal too narrow cuts the last ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from rich.cells import cell_len
from textual.widget import Widget

try:
    from textual.widgets._footer import FooterKey
except ImportError:  # pragma: no cover - a Textual that moved it: the fallback above
    FooterKey = None  # type: ignore[assignment,misc]


class Hint(NamedTuple):
    widget: Widget
    action: str
    width: int  # in columns, without the one that parts it from the next


def hints(widgets: Iterable[Widget]) -> list[Hint]:
    """The key hints among ``widgets`` (a compact footer's children), in order."""
    if FooterKey is None:  # pragma: no cover
        return []
    found = []
    for widget in widgets:
        if isinstance(widget, FooterKey):
            width = cell_len(widget.key_display)
            if widget.description:
                width += 1 + cell_len(widget.description)
            found.append(Hint(widget, widget.action, width))
    return found
