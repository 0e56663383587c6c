"""Lines the site prints around an article that are none of its fields: the parts of the
site ("Commentaries", "Columns"), the navigation a page saved as text keeps above its title
("Skip to main content", "Menu"), a breadcrumb trail of them ("Home » Columns"), and a row
of share buttons ("Print Email Share")."""

from __future__ import annotations

import re

from ipcsreader.text import fold

# Crumbs and labels that name a part of the site, never a column.
_SITE_PARTS = frozenset(
    fold(w)
    for w in (
        "home",
        "ipcs",
        "columns",
        "column",
        "commentaries",
        "commentary",
        "articles",
        "issue briefs",
        "special reports",
        "research papers",
        "discussion reports",
        "publications",
    )
)
# The words of a site's navigation: a line made of nothing else is chrome.
_NAVIGATION_TEXT = """
    skip to main content menu home search toggle navigation nav login log in sign
    subscribe contact us about share print close open back top
"""
_NAVIGATION = frozenset(_NAVIGATION_TEXT.split())
# A line of nothing but these, one of them a button, is a row of share buttons ("Print
# Email Facebook", "Share this article on X").
_SHARE_TEXT = """
    print email e-mail mail facebook twitter linkedin whatsapp share bookmark subscribe
    tweet pinterest reddit telegram google google+
"""
_SHARE_BUTTONS = frozenset(_SHARE_TEXT.split())
_SHARE_WORDS = _SHARE_BUTTONS | {"x", "this", "article", "on", "via"}
CRUMB_MARKS = re.compile(r"\s*(?:»|›|>|/|\||→)\s*")
# The fewest characters of a title a trail cuts short: fewer say too little to be sure.
_CUT_TITLE = 12


def _is_chrome(part: str) -> bool:
    folded = fold(part)
    return folded in _SITE_PARTS or all(w in _NAVIGATION for w in folded.split())


def names_no_column(line: str) -> bool:
    """Whether ``line`` is a part of the site, its navigation or a trail of them rather
    than a column."""
    return all(map(_is_chrome, CRUMB_MARKS.split(line)))


def column_named(line: str, title: str | None = None) -> str | None:
    """The column ``line`` names, printed alone or at the end of a breadcrumb trail
    ("Home » Columns » Red Affairs"); None for chrome. A trail may end on the page's own
    ``title``, whole or cut short ("Home » Commentaries » Resetting Kabul…"): that crumb
    names no column."""
    if title is not None:
        line = _without_title(line, title)
    *trail, last = CRUMB_MARKS.split(line)
    if not last or _is_chrome(last):
        return None
    return last if trail and all(map(_is_chrome, trail)) else line


def _without_title(line: str, title: str) -> str:
    # The title may hold a crumb's mark of its own ("Af/Pak"): tried from the left, the
    # longest ending that is the title is cut.
    for mark in CRUMB_MARKS.finditer(line):
        if _is_title(line[mark.end() :], title):
            return line[: mark.start()]
    return line


def _is_title(crumb: str, title: str) -> bool:
    """Whether ``crumb`` is ``title``, or its opening cut short with an ellipsis."""
    said, whole = fold(crumb).strip(), fold(title).strip()
    if said == whole:
        return True
    cut = said.removesuffix("…").removesuffix("...").rstrip()
    return cut != said and len(cut) >= _CUT_TITLE and whole.startswith(cut)


def is_share_buttons(text: str) -> bool:
    """A line of share-button words only ("Print Email Facebook")."""
    words = [w.strip(":|,·") for w in text.casefold().split()]
    return all(w in _SHARE_WORDS or not w for w in words) and any(
        w in _SHARE_BUTTONS for w in words
    )
