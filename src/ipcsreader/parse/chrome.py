"""Lines the site prints around an article that name no column: the parts of the site
("Commentaries", "Columns") and the navigation a page saved as text keeps above its title
("Skip to main content", "Menu")."""

from __future__ import annotations

from ipcsreader.text import fold

# Crumbs and labels that name a part of the site, never a column.
SITE_PARTS = frozenset(
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


def names_no_column(line: str) -> bool:
    """Whether ``line`` is a part of the site or its navigation rather than a column."""
    folded = fold(line)
    return folded in SITE_PARTS or all(w in _NAVIGATION for w in folded.split())
