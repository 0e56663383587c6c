"""A saved page's text as other ways of saving it give it: without its blank lines, with a
blank line under every line, broken at a fixed width (as a text browser breaks it)."""

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
