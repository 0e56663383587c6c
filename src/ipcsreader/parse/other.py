"""Why a page that is not a commentary or listing cannot be read: a reason worth printing."""

from __future__ import annotations

import re

from ipcsreader.parse.stamps import CUT_NEW_STAMP, DATELESS_STAMP, PUBLICATION_META

_NOT_COMMENTARY = "not a commentary or listing"
_BYLINE_ONLY = re.compile(r"^[^·]{3,80}·$")  # "Dr Vijay Sakhuja ·" over a book review
_IPCS = re.compile(r"\bIPCS\b|Institute of Peace and Conflict Studies")


def reason(lines: list[str]) -> str:
    """A one-line reason for a page no parser took."""
    filled = [x for x in lines if x]
    head = filled[:6]
    text = "\n".join(filled[:40])
    for line in head:
        publication = PUBLICATION_META.match(line)
        if publication:
            kind = publication[6].strip().casefold()
            return f"an IPCS {kind} page (publication {publication[5]}), {_NOT_COMMENTARY}"
    if any("annual report" in line.casefold() for line in head[:2]):
        return f"an IPCS annual report page, {_NOT_COMMENTARY}"
    if any(_BYLINE_ONLY.match(line) for line in head[:3]) and "book" in text.casefold():
        return f"an IPCS book review page, {_NOT_COMMENTARY}"
    dateless = next((m for m in map(DATELESS_STAMP.match, filled[:12]) if m), None)
    if dateless:
        return (
            f"no article stamp: the line {dateless[0]!r} has a number but not the date a "
            f"stamp prints before it (02 Aug, 2016 · {dateless[1]})"
        )
    if len(filled) > 1 and CUT_NEW_STAMP.match(filled[-1]):
        return (
            f"no article stamp: the page ends inside one ({filled[-1]!r}), "
            "cut off before the article's number"
        )
    if filled and filled[0].startswith("Home Contact Us"):
        return f"an IPCS page without an article stamp (#number, date), {_NOT_COMMENTARY}"
    if _IPCS.search(text):
        return f"an IPCS page without an article stamp (date · number), {_NOT_COMMENTARY}"
    return "not an IPCS page: no article stamp, columnist page or column listing found"
