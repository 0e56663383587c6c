"""The date-and-number stamps of both layouts, and listing meta lines."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ipcsreader.text import MONTHS

_DATE = r"(\d{1,2})\s*([A-Za-z]{3,9})\.?\s*,?\s*(\d{4})"
# "#4842, 2 March 2015"
OLD_STAMP = re.compile(rf"^#\s*(\d{{1,6}})\s*,\s*{_DATE}$")
# An old page's stamp as a save may leave it: the comma left out ("#4842 2 March 2015"), the
# date cut off or missing ("#4842, 2 Mar", "#4842,", "#4842"). The number still files the
# article; read so only on a page already known to be of the old layout.
_LOOSE_OLD_STAMP = re.compile(
    rf"^#\s*(\d{{1,6}})(?:\s*,\s*|\s+|$)"
    rf"(?:{_DATE}|\d{{1,2}}(?:\s+[A-Za-z]{{1,9}}\.?(?:\s*,?\s*\d{{1,4}})?)?)?$"
)
# A new stamp's middle dot, and the number after it, with any spacing or none. A save may
# print the dot as a bullet, a bar, a dash or a slash, an asterisk, a "?" (text saved as
# ASCII, as it prints "?" for an apostrophe) or its HTML entity left unread.
_DOT = r"(?:[·•|?*/–—-]|&middot;|&#183;|&#xb7;)"
_DOT_NUMBER = rf"{_DOT}\s*#?\s*(\d{{1,6}})$"
# "03 Feb, 2014 · 4286". The date is required: "· 2019" alone may be a list of years on a
# page that is no article.
NEW_STAMP = re.compile(rf"^{_DATE}\s*{_DOT_NUMBER}")
# ... which a refusal names (see parse/other.py): "· 5092", a stamp that lost its date.
DATELESS_STAMP = re.compile(rf"^{_DOT_NUMBER}")
# ... and a stamp cut off part-way ("01 Dec, 20", "01 Dec, 2014 ·"), its number lost.
CUT_NEW_STAMP = re.compile(rf"^\d{{1,2}}\s+[A-Za-z]{{3,9}}\.?,?(?:\s*\d{{1,4}})?(?:\s*{_DOT}\s*)?$")
# A line or an HTML block of its own holding only a date and a number is a stamp without
# its dot (the dot drawn by a style sheet): "03 Feb, 2014 4286".
BARE_STAMP = re.compile(rf"^{_DATE}\s+#?\s*(\d{{1,6}})$")
# ... and may put a label before it ("Published: 05 May, 2016 | 5001").
_LABEL = re.compile(r"^[A-Za-z][A-Za-z ]{0,24}:\s*")
# "Vijay Shankar · 06 Jul, 2015 · 4896" under a title in a column listing (another mark
# for the dot, as in a stamp, or none).
LISTING_META = re.compile(rf"^(.+?)(?:\s*{_DOT}\s*|\s+){_DATE}(?:\s*{_DOT}\s*|\s+)(\d{{1,6}})$")
# "IPCS · 27 Feb, 2020 · 206 · Special Report": a publication, not a commentary.
PUBLICATION_META = re.compile(rf"^(.*?)\s*{_DOT}\s*{_DATE}\s*{_DOT}\s*(\d{{1,6}})\s*{_DOT}\s*(.+)$")
# "Home Contact Us" … "China - Articles": the old site's category line.
REGION = re.compile(r"^(.+?)\s+[-–]\s+Articles$")
SHARE_LINE = "Print Bookmark Email Facebook Subscribe"


@dataclass(frozen=True)
class Stamp:
    number: int
    date: dt.date | None


def make_date(day: str, month: str, year: str) -> dt.date | None:
    """A date from printed parts ("2", "March", "2015"); None when they make no date."""
    number = MONTHS.get(month.casefold())
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None


def old_stamp(line: str) -> Stamp | None:
    m = OLD_STAMP.match(line)
    return Stamp(int(m[1]), make_date(m[2], m[3], m[4])) if m else None


def loose_old_stamp(line: str) -> Stamp | None:
    """An old page's stamp, its date left out, cut off or printed without the comma too;
    its date None where it is not whole (see :data:`_LOOSE_OLD_STAMP`)."""
    m = _LOOSE_OLD_STAMP.match(line)
    if m is None:
        return None
    return Stamp(int(m[1]), make_date(m[2], m[3], m[4]) if m[2] else None)


def new_stamp(line: str) -> Stamp | None:
    """A new page's stamp: its date and number, with their dot or, a line of their own,
    without it (a dot drawn by a style sheet is lost when a page is copied as text)."""
    m = NEW_STAMP.match(line) or BARE_STAMP.match(line)
    return Stamp(int(m[4]), make_date(m[1], m[2], m[3])) if m else None


def block_stamp(text: str) -> Stamp | None:
    """A stamp as an HTML block may print it: with its dot or bar, or without, after a
    label ("Published:")."""
    return new_stamp(_LABEL.sub("", text, count=1))


def find(
    lines: list[str], parse: Callable[[str], Stamp | None], start: int = 0
) -> tuple[int, Stamp] | None:
    """The index and stamp of the first line from ``start`` that ``parse`` reads as a stamp."""
    for i in range(start, len(lines)):
        stamp = parse(lines[i]) if lines[i] else None
        if stamp is not None:
            return i, stamp
    return None


def is_share_line(line: str) -> bool:
    return line.casefold() == SHARE_LINE.casefold()
