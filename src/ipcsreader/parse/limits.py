"""Bounds on what the parser takes, so that no file can make indexing slow or huge.

A saved IPCS page is tens of kilobytes (a whole page from the live site a few hundred):
the bounds sit far above any real page and far below what would take seconds to parse.
A file past them is refused with a :class:`PageError` that says which bound it broke.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ipcsreader.errors import PageError

MAX_PAGE_BYTES = 4_000_000
MAX_LINES = 20_000
MAX_HTML_TAGS = 25_000
MAX_HTML_DEPTH = 200

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
# Elements that hold no content, and those browsers close by themselves: neither nests.
_NO_NESTING = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "option",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "rp",
        "rt",
    ]
)


def _size(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB"


def read_file(path: Path | str) -> bytes:
    """The bytes of the page file ``path``, read no further than a page can go.

    PageError for what is no plain file (a pipe or a device would never end, or never
    start: it is opened without waiting) and for a file too large; OSError when it cannot
    be opened or read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise PageError("a folder, not a page file")
        if not stat.S_ISREG(st.st_mode):
            raise PageError("not a file that holds a page (a pipe or a device)")
        _check_size(st.st_size)
        chunks, left = [], MAX_PAGE_BYTES + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    check_bytes(data)
    return data


def check_bytes(data: bytes) -> None:
    """Refuse a file too large to be a saved page."""
    _check_size(len(data))


def _check_size(size: int) -> None:
    if size > MAX_PAGE_BYTES:
        raise PageError(
            f"too large for a saved web page ({_size(size)}; the most is {_size(MAX_PAGE_BYTES)})"
        )


def check_text(text: str) -> None:
    """Refuse text with more characters or lines than any page has."""
    if len(text) > MAX_PAGE_BYTES:
        raise PageError(
            f"too large for a saved web page ({len(text):,} characters; the most is "
            f"{MAX_PAGE_BYTES:,})"
        )
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise PageError(
            f"too many lines for a saved web page ({lines:,}; the most is {MAX_LINES:,})"
        )


def check_html(markup: str) -> None:
    """Refuse markup with more elements, or nested deeper, than the HTML parser handles fast."""
    depth = deepest = tags = 0
    for match in _TAG.finditer(markup):
        tags += 1
        if tags > MAX_HTML_TAGS:
            raise PageError(f"too many HTML elements (more than {MAX_HTML_TAGS:,})")
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _NO_NESTING:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
        if deepest > MAX_HTML_DEPTH:
            raise PageError(f"HTML nested too deep (more than {MAX_HTML_DEPTH} elements)")
