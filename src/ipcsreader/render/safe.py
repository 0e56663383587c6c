"""Make page text inert before it reaches the terminal.

Page text is data. Rich markup is never parsed from it (we build ``Text`` objects, never
markup strings), and terminal control sequences, bidi overrides and zero-width characters
are removed so that no page can move the cursor, change colours, open hyperlinks or
reorder what the reader sees.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ipcsreader.text import ESCAPES

if TYPE_CHECKING:
    from rich.text import Text

# After the escape sequences (taken out whole, as the parser does): C0 controls but tab and
# newline, DEL, C1 controls (8-bit escapes are inert without them); bidi marks, embeddings,
# overrides and isolates; zero-width and invisible formatting characters.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def clean(text: str | None) -> str:
    """``text`` with every terminal control sequence and invisible control character removed."""
    if not text:
        return ""
    if text.isprintable():
        # Every escape sequence starts with ESC, and every character removed is a control
        # or format character: none is printable, and most page text has none of them.
        return text
    return _INVISIBLE.sub("", ESCAPES.sub("", text))


def safe(text: str | None, style: str = "") -> Text:
    """A Rich ``Text`` of cleaned page text; markup in it prints literally."""
    from rich.text import Text  # not loaded by those who only clean text (ipcs export)

    return Text(clean(text), style=style)
