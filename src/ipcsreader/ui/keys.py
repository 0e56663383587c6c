"""Every key of the app, by where it works: what ``?`` shows and the README lists.

The screens' own bindings are checked against this table by the tests, so that ``?``
never leaves a key out. Plain data: no Textual here.
"""

from __future__ import annotations

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            ("?  F1", "show every key"),
            ("F2", "columns and their columnists"),
            ("F3", "authors"),
            ("F4", "the archive by year and month"),
            ("Escape  Backspace", "back (on the search screen: from the query box to the results)"),
            ("q", "quit (outside a text box)"),
            ("Ctrl+C  Ctrl+Q", "quit"),
        ),
    ),
    (
        "Search",
        (
            ("typing", "search as you type: the whole query language of ipcs search"),
            ("Enter", "read the chosen article"),
            ("Down  Up  j  k", "move through the hits (more load as you reach the end)"),
            ("/", "back to the query box"),
            ("f", "show or hide the counts by column, author and year"),
            ("Enter on a count", "keep only those hits; again to drop the filter"),
            ("Backspace", "drop every filter (in the lists)"),
            ("x", "export the current result list (csv, jsonl or md)"),
        ),
    ),
    (
        "Reading",
        (
            ("n  N", "next and previous match of the query's words"),
            ("Space  b  PgDn  PgUp", "page down and up"),
            ("Down  Up  j  k", "scroll a line"),
            ("o", "open the article on ipcs.org (its address is copied too)"),
            ("c", "copy the citation (OSC 52) and show it"),
            ("s", "choose the citation style (asked once, kept for the next run)"),
            ("t", "tags: add or remove them (a comma-separated line)"),
            ("e", "write or edit your note on the article (Ctrl+S keeps it)"),
            ("a", "more by this author"),
            ("r", "related articles"),
            ("f", "fetch an article only listings name (in the background)"),
            ("x", "export the current result list"),
        ),
    ),
    (
        "Lists and browsing",
        (
            ("Enter", "open the article, or expand a column, year or month"),
            ("typing", "filter the authors (authors screen)"),
            ("Down  /", "from the filter to the authors, and back"),
        ),
    ),
)


def key_lines() -> list[tuple[str, str, str]]:
    """(section, keys, what they do), in order."""
    return [(section, keys, what) for section, rows in KEYS for keys, what in rows]
