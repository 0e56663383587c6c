"""``date:``, ``year:`` and ``number:`` in a query, checked and written as plain ranges.

A reader writes ``date:2015-06``, ``date:>2014``, ``year:>=2010``, ``number:[4000 TO 4100]``
or ``date:"2015"``; Whoosh's own parser knows only some of these, and trips over others
with messages of its own (or a traceback, for ``date:""``). Every such clause is checked
here and rewritten as an inclusive range of whole days or numbers (``date:[20150101 TO]``),
which the parser always understands; a value that is not a date or number is a
:class:`QueryError` in our words.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from ipcsreader.archive.fieldnames import names_of
from ipcsreader.errors import QueryError
from ipcsreader.text import MONTHS

# The fields holding dates and numbers, by every name a reader may use for them.
NUMERIC_FIELDS = {name: field for field in ("date", "year", "number") for name in names_of(field)}
# Any field clause: a name, a colon, and a quoted, bracketed, ranged or plain value.
FIELD_CLAUSE = re.compile(
    r"(?<![\w:])(\w+):(\"[^\"]*\"?|[\[{][^\]}]*[\]}]?|\([^)]*\)?|[^\s()\"]*)", re.UNICODE
)
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
# A date as a reader writes it in words, as the site prints it ("2 March 2015", "Dec
# 2014", "March 2, 2015"): a day and month of that year, or the month.
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WORDED = re.compile(
    rf"(?:(?P<day>{_DAY})\s+)?(?P<month>{_MONTH})\.?(?:\s+(?P<on>{_DAY}))?,?\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
# A date clause with such a date, its words not quoted ("date:Dec 2014", "Date: 2 March
# 2015" once the label is read): the date, quoted, so that the clause holds all of it.
_WORDED_CLAUSE = re.compile(
    rf"(?<![\w:])(?P<name>\w+):(?P<value>(?:[<>]=?|=)?{_WORDED.pattern})(?!\w)", re.IGNORECASE
)
_RANGE = re.compile(r"\s*(\S*?)\s*\bTO\b\s*(\S*)\s*", re.IGNORECASE)
# A span written as readers write one outside the query language: "2014..2016" (as in
# code and some search engines), "2014–2016" (an en or em dash, as print sets it), and for
# years and numbers "2014-2016" or "2014-16" (a year's range as a report's title gives it),
# for dates "2014-2016" (two years: a month has two digits). Both ends inclusive; either
# may be left out ("2014..", "..2016"), not both.
_SPAN = re.compile(r"\s*([^.\s–—\[\]{}]*?)\s*(?:\.{2,3}|[–—])\s*([^.\s–—\[\]{}]*)\s*")
_HYPHENED = {
    "year": re.compile(r"(\d{4})-(\d{2}|\d{4})"),
    "number": re.compile(r"(\d+)-(\d+)"),
    "date": re.compile(r"(\d{4})-(\d{4})"),
}
_COMPARISON = re.compile(r"(>=|<=|=>|=<|>|<|=)?\s*(.*)", re.DOTALL)
_LARGEST_NUMBER = 2**32 - 1  # the index keeps article numbers and years in 32 bits
_ENDS = {
    "date": ("00010101", "99991231"),
    "year": ("0", str(_LARGEST_NUMBER)),
    "number": ("0", str(_LARGEST_NUMBER)),
}
_EXAMPLES = {
    "date": "date:2015, date:2015-06-30, date:>=2014 or date:[2014 TO 2016-06]",
    "year": "year:2015, year:>=2010 or year:[2010 TO 2015]",
    "number": "number:4842, number:>5000 or number:[4000 TO 4100]",
}


# "#4842", as the archive stamps its articles ("#4842, 2 March 2015"): that article. A
# reader copying a citation means the number; as a word it would match nothing.
STAMP = re.compile(r"(?<![\w#:\"])#(\d+)\b")


def rewrite(text: str) -> str:
    """``text`` with each date, year and number clause as an inclusive range."""

    def one(match: re.Match[str]) -> str:
        field = NUMERIC_FIELDS.get(match[1].lower())
        return _clause(field, match[1], match[2]) if field else match[0]

    def stamp(match: re.Match[str]) -> str:
        return _clause("number", "number", match[1], typed=match[0])

    def worded(match: re.Match[str]) -> str:
        if NUMERIC_FIELDS.get(match["name"].lower()) != "date":
            return match[0]
        return f'{match["name"]}:"{match["value"]}"'

    return FIELD_CLAUSE.sub(one, _WORDED_CLAUSE.sub(worded, STAMP.sub(stamp, text)))


def _clause(field: str, name: str, value: str, typed: str | None = None) -> str:
    typed = typed or f"{name}:{value}"
    raw = value[1:-1] if len(value) > 1 and value[0] == value[-1] == '"' else value
    raw = _ascii_digits(raw.strip())
    if not raw or raw == '"':
        raise QueryError(f"'{typed}' needs a value, as in {_EXAMPLES[field]}")
    span = _SPAN.fullmatch(raw) or _HYPHENED[field].fullmatch(raw)
    if span and (span[1] or span[2]):
        low, high = span[1], span[2]
        if field == "year" and len(high) == 2:  # "2014-16": the end in the same century
            high = low[:2] + high
        raw = f"[{low} TO {high}]"
    if raw[0] == "(":
        raise QueryError(
            f"'{typed}': give {name}: one value or range; join several with OR "
            f"({name}:A OR {name}:B)"
        )
    if raw[0] in "[{":
        inside = None
        if raw[-1] in "]}":
            inside = _RANGE.fullmatch(raw[1:-1]) or _SPAN.fullmatch(raw[1:-1])
        if inside is None:
            raise QueryError(f"'{typed}' is not a range; write it as {name}:[A TO B]")
        low, high = inside[1], inside[2]
        if not low and not high:
            raise QueryError(f"'{typed}' has no bounds; give at least one, as in {name}:[A TO]")
        low_at = _bound(field, typed, low, high=False, strict=raw[0] == "{") if low else None
        high_at = _bound(field, typed, high, high=True, strict=raw[-1] == "}") if high else None
        if low_at and high_at and int(low_at) > int(high_at):
            # Said in our words: Whoosh would quietly match nothing.
            first = int(_bound(field, typed, low, high=False, strict=False))
            if first > int(_bound(field, typed, high, high=True, strict=False)):
                raise QueryError(f"'{typed}' runs backwards; write {name}:[{high} TO {low}]")
            raise QueryError(f"'{typed}' leaves no {field} between its ends")
    else:
        sign, rest = _COMPARISON.fullmatch(raw).groups()  # type: ignore[union-attr]
        if not rest.strip():
            raise QueryError(f"'{typed}' needs a value after '{sign}', as in {_EXAMPLES[field]}")
        sign = {"=>": ">=", "=<": "<="}.get(sign or "=", sign or "=")
        low_at = high_at = None
        if sign in ("=", ">", ">="):
            low_at = _bound(field, typed, rest.strip(), high=False, strict=sign == ">")
        if sign in ("=", "<", "<="):
            high_at = _bound(field, typed, rest.strip(), high=True, strict=sign == "<")
    # Both ends always given: Whoosh misreads a range left open on either side.
    low_at, high_at = low_at or _ENDS[field][0], high_at or _ENDS[field][1]
    return f"{field}:[{low_at} TO {high_at}]"


def _bound(field: str, typed: str, value: str, *, high: bool, strict: bool) -> str:
    """One end of the range, inclusive: a strict bound moves past the value it names."""
    if field == "date":
        first, last = _period(value, typed)
        try:
            if high:
                day = first - dt.timedelta(days=1) if strict else last
            else:
                day = last + dt.timedelta(days=1) if strict else first
        except OverflowError:
            raise QueryError(f"'{typed}' leaves no date at all") from None
        return f"{day.year:04d}{day.month:02d}{day.day:02d}"
    if not value.isdecimal():  # not isdigit: "¹" is a digit that int() refuses
        raise QueryError(f"'{typed}': {value!r} is not a {field}; use {_EXAMPLES[field]}")
    number = int(value) + ((-1 if high else 1) if strict else 0)
    if field == "year" and not 1000 <= int(value) <= 9999:
        raise QueryError(f"'{typed}': a year has four digits, not {value!r}")
    if number > _LARGEST_NUMBER:
        raise QueryError(f"'{typed}': {value!r} is larger than any article number")
    return str(max(number, 0))


def _period(value: str, typed: str) -> tuple[dt.date, dt.date]:
    """The first and last day that YYYY, YYYY-MM or YYYY-MM-DD (or the date in words)
    covers."""
    period = period_of(value)
    if period is None:
        raise QueryError(
            f"'{typed}': {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, "
            f"as in {_EXAMPLES['date']}"
        )
    return period


def period_of(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of YYYY, YYYY-MM or YYYY-MM-DD, or of a date in words ("2
    March 2015", "Dec 2014"); None if it is no date."""
    match = _DATE.fullmatch(_in_figures(_ascii_digits(value.strip())))
    if not match:
        return None
    year = int(match[1])
    try:
        if match[3]:
            day = dt.date(year, int(match[2]), int(match[3]))
            return day, day
        if match[2]:
            month = int(match[2])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except (ValueError, calendar.IllegalMonthError):
        return None


def _in_figures(value: str) -> str:
    """A date in words ("2 March 2015", "Dec 2014") as YYYY-MM-DD or YYYY-MM; any other
    value as it is."""
    worded = _WORDED.fullmatch(value)
    if not worded:
        return value
    month = f"{worded['year']}-{MONTHS[worded['month'].lower()]}"
    day = worded["day"] or worded["on"]
    return f"{month}-{day.rstrip('stndrhSTNDRH')}" if day else month


def _ascii_digits(text: str) -> str:
    """Digits of any script ("٢٠١٥") as ASCII ones: a year is a year in any script."""
    if text.isascii():
        return text
    return re.sub(r"\d", lambda m: str(unicodedata.decimal(m[0])), text)
