"""Make page text inert before it reaches the terminal.

Page text is data. Rich markup is never parsed from it (we build ``Text`` objects, never
markup strings), and terminal control sequences, bidi overrides and zero-width characters
are removed so that no page can move the cursor, change colours, open hyperlinks or
reorder what the reader sees.
"""

from __future__ import annotations

import re

from rich.text import Text

# CSI … final byte, OSC … (BEL or ST), other ESC sequences, then any C0/C1 control left.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]          # CSI
  | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)? # OSC, terminated by BEL or ST (or cut off)
  | \x1b[PX^_][^\x1b]*(?:\x1b\\)?     # DCS, SOS, PM, APC
  | \x1b[@-Z\\-_]                    # two-byte ESC sequences
  | \x9b[0-?]*[ -/]*[@-~]            # 8-bit CSI
  | \x9d[^\x07\x9c]*[\x07\x9c]?      # 8-bit OSC
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, C1 controls; bidi embeddings, overrides and
# isolates; zero-width and invisible formatting characters.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def clean(text: str | None) -> str:
    """``text`` with every terminal control sequence and invisible control character removed."""
    if not text:
        return ""
    return _INVISIBLE.sub("", _ESCAPES.sub("", text))


def safe(text: str | None, style: str = "") -> Text:
    """A Rich ``Text`` of cleaned page text; markup in it prints literally."""
    return Text(clean(text), style=style)
