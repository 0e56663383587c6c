"""The head of an article page read from its structure: stamp, title and column.

The stamp (``DD Mon, YYYY · N``, with a bar for the dot or, in a block of its own, with
none; or split over up to three elements) anchors the page. The title is
``.main_title h5`` or the heading nearest above the stamp. The column is looked for, in
turn, as a ``columns_select.php`` link near the title, a short line right beside the
title (above it, or between it and the stamp), and a breadcrumb's column
("Home » Columns » Red Affairs").
"""

from __future__ import annotations

from itertools import pairwise

from bs4 import BeautifulSoup, Tag

from ipcsreader.names import leading_names
from ipcsreader.parse.chrome import CRUMB_MARKS, column_named, names_no_column
from ipcsreader.parse.html_runs import HEADINGS, Run, class_words, is_header, tag_text
from ipcsreader.parse.stamps import Stamp, block_stamp, new_stamp
from ipcsreader.text import ends_sentence, fold

NEAR = 6  # how many runs from the stamp the title, column and teaser may sit
_STAMP_CHARS = 48
_STAMP_PARTS = 3  # a stamp split over up to three elements ("12 Mar, 2019" "·" "5571")
_COLUMN_MAX_WORDS = 10
_COLUMN_LINK = "columns_select"
_AFTER_STAMP = 2
_LABEL_WORDS = 3  # "Filed under", "Column:" before a column's link


def find_stamp(every: list[Run]) -> tuple[int, Stamp] | None:
    """The first stamp outside the chrome, else the first in a header only."""
    for allowed in (lambda r: not r.chrome, lambda r: all(map(is_header, r.chrome))):
        for i, run in enumerate(every):
            if not allowed(run):
                continue
            text = ""
            for part in every[i : i + _STAMP_PARTS]:
                text = f"{text} {part.text}".strip()
                if len(text) > _STAMP_CHARS:
                    break
                stamp = block_stamp(text)
                if stamp is not None:
                    return i, stamp
    return None


def stamp_length(rs: list[Run], at: int) -> int:
    """How many runs after run ``at`` the stamp takes (0 when it is one run)."""
    text = ""
    for n, run in enumerate(rs[at : at + _STAMP_PARTS]):
        text = f"{text} {run.text}".strip()
        if block_stamp(text) is not None:
            return n
    return 0


def find_title(soup: BeautifulSoup, rs: list[Run], at: int) -> tuple[str | None, int | None]:
    """The title and its run: ``.main_title h5``, else the heading nearest above the stamp."""
    near = range(max(0, at - NEAR), min(len(rs), at + NEAR))
    tag = soup.select_one(".main_title h5")
    title = tag_text(tag) if tag is not None else ""
    if title:
        return title, next((i for i in near if rs[i].text == title), None)
    above = [i for i in near if i < at]
    t = next((i for i in reversed(above) if rs[i].block.name in HEADINGS), None)
    below = at + stamp_length(rs, at) + 1
    # A title printed under its date: a heading there that outranks the one above, unless
    # it opens on a name, as a teaser does ("Dr Vijay Sakhuja examines …").
    if (
        below < len(rs)
        and rs[below].block.name in HEADINGS
        and not (t is not None and leading_names(rs[below].text))
    ):
        rank = rs[t].block.name if t is not None else "h9"
        t = below if str(rs[below].block.name) < str(rank) else t
    if t is None and above:
        t = above[-1]
    return (rs[t].text, t) if t is not None else (None, None)


def find_column(
    soup: BeautifulSoup, rs: list[Run], t: int | None, at: int, used: set[int]
) -> tuple[str | None, int | None]:
    """The column and its run (None for a breadcrumb's, which is chrome).

    ``at`` is the stamp's first run; ``used``, the runs of the stamp (and title) taken.
    """
    if t is None:
        return _breadcrumb_column(soup, None), None
    # A column link may also follow the stamp, just under it.
    lo, hi = max(0, t - NEAR), min(len(rs), max([t, at, *used]) + _AFTER_STAMP + 1)
    # Nearest to the title first, those above it before those below.
    around = sorted(
        (i for i in range(lo, hi) if i != t and i not in used),
        key=lambda i: (abs(i - t), i > t),
    )
    named = {tag_text(a) for a in soup.select(f'a[href*="{_COLUMN_LINK}"]')[:200]} - {""}
    for i in around:
        name = _linked_column(rs[i].text, named)
        if name is not None:
            return name, i
    for i in (t - 1, t + 1):
        # Right above the title, or between it and the stamp: a short label of its own.
        if 0 <= i < len(rs) and i not in used and (i < t or i < at) and _column_like(rs[i]):
            # A breadcrumb trail without its class names the column last, or none.
            name = column_named(rs[i].text, rs[t].text)
            if name is not None:
                return name, i
    return _breadcrumb_column(soup, rs[t].text), None


def _linked_column(text: str, named: set[str]) -> str | None:
    """The column link a run prints: alone, or after a short label ("Filed under …")."""
    if text in named:
        return text
    if ends_sentence(text):
        return None
    for name in named:
        if text.endswith(name) and len(text[: -len(name)].split()) <= _LABEL_WORDS:
            return name
    return None


def _column_like(run: Run) -> bool:
    text = run.text
    return (
        len(text.split()) <= _COLUMN_MAX_WORDS
        and not ends_sentence(text)
        and not run.linked
        and run.block.name not in ("h1", "h2")
        and new_stamp(text) is None
        and not names_no_column(text)
        and any(c.isalpha() for c in text)
    )


def _breadcrumb_column(soup: BeautifulSoup, title: str | None) -> str | None:
    """The column a breadcrumb names: its column link, else the crumb after "Columns"."""
    for trail in soup.find_all(_is_breadcrumb, limit=5):
        link = trail.select_one(f'a[href*="{_COLUMN_LINK}"]')
        if link is not None and tag_text(link):
            return tag_text(link)
        parts = [c for c in (tag_text(x) for x in trail.find_all("li")) if c] or [
            c for c in CRUMB_MARKS.split(tag_text(trail)) if c
        ]
        for before, crumb in pairwise(parts):
            if fold(before) in ("columns", "column") and crumb != title:
                return crumb if len(crumb.split()) <= _COLUMN_MAX_WORDS else None
    return None


def _is_breadcrumb(tag: Tag) -> bool:
    return any(w.startswith("breadcrumb") for w in class_words(tag))
