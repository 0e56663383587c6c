"""A saved page's text as other ways of saving it give it: without its blank lines, with a
blank line under every line, broken at a fixed width (as a text browser breaks it), with a
text browser's link numbers."""

from __future__ import annotations

import textwrap


def packed(text: str) -> str:
    """``text`` without its blank lines."""
    return "\n".join(line for line in text.splitlines() if line.strip())


def spaced(text: str) -> str:
    """``text`` with one blank line under every line."""
    return "\n\n".join(line for line in text.splitlines() if line.strip())


def broken_at(text: str, width: int) -> str:
    """``text`` with each line longer than ``width`` broken at spaces (or after a hyphen)."""
    return "\n".join(
        part
        for line in text.splitlines()
        for part in (textwrap.wrap(line, width) if len(line) > width else [line])
    )


def linked(text: str) -> str:
    """``text`` as ``lynx -dump`` numbers links: its first line a link ("[1]Red Affairs"),
    every line indented, and the list of links at the end."""
    lines = [f"   {line}" if line.strip() else "" for line in text.splitlines()]
    first = next(i for i, line in enumerate(lines) if line)
    lines[first] = f"   [1]{lines[first].strip()}"
    return "\n".join([*lines, "", "References", "", "   1. https://www.ipcs.org/"]) + "\n"
