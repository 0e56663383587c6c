"""What a text browser adds to a page it saves ("lynx -dump"): a number before every link
("[5]Bibhu Prasad Routray"), a list of the links' addresses at the end ("References",
"1. https://…"), and a mark where an image stood ("[IMG]"). None of it is the page's.
"""

from __future__ import annotations

import re

# A link's number, right before its text: at a line's start or after a space, never after
# a word (a footnote's "… in 2014.[3]" is the page's own).
_LINK_NUMBER = re.compile(r"(?<!\S)\[\d{1,5}\](?=\S)")
# The heading of the list of links, its parts, and one entry of it: "1. https://…".
_REFERENCES = re.compile(r"References")
_REFERENCE_PARTS = re.compile(r"(?:Visible|Hidden) links:?")
_REFERENCE = re.compile(r"\d{1,5}\.\s+[a-z][a-z0-9+.-]*:.*")
# A line where only an image stood.
_IMAGE = re.compile(r"\[(?:IMG|INLINE|image|img|LINK|BUTTON)\]")


def without_browser_marks(lines: list[str]) -> list[str]:
    """``lines`` (cleaned, blank lines "") without a text browser's link numbers, its list
    of links at the end and its image marks."""
    lines = _without_references(lines)
    if not any(_LINK_NUMBER.search(x) or _IMAGE.fullmatch(x) for x in lines):
        return lines
    return [_LINK_NUMBER.sub("", x) for x in lines if not _IMAGE.fullmatch(x)]


def _without_references(lines: list[str]) -> list[str]:
    """``lines`` ending before a list of links that runs to the end of the page."""
    for i in range(len(lines) - 1, -1, -1):
        if _REFERENCES.fullmatch(lines[i]):
            rest = [x for x in lines[i + 1 :] if x and not _REFERENCE_PARTS.fullmatch(x)]
            if rest and all(_REFERENCE.fullmatch(x) for x in rest):
                return lines[:i]
            return lines
        if lines[i] and not (
            _REFERENCE.fullmatch(lines[i]) or _REFERENCE_PARTS.fullmatch(lines[i])
        ):
            return lines
    return lines
