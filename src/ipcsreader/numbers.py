"""Article numbers as people type them: checked once, here, for every command.

A number is plain ASCII digits from 1 up (``４８４２``, ``-5``, ``0`` and ``4842abc`` are
refused with a :class:`UsageError` in our own words). A well-formed number larger than any
article can be (:data:`MAX_ARTICLE`) is not an error of form: no article has it, so it is
a :class:`NotFoundError` — and it never reaches SQLite, whose integers stop at 2**63 - 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ipcsreader.errors import NotFoundError, UnknownOptionError, UsageError

# The site's numbers have 4-5 digits; nine leave room for growth and fit every store.
MAX_ARTICLE = 999_999_999
# A range this long is a typo more often than a wish: `ipcs fetch` asks for --yes beyond it.
LARGE_RANGE = 1_000
_DIGITS = re.compile(r"[0-9]+")
# Digits past which a number is not read at all (Python refuses to past 4,300): no article
# has one so long.
_LONGEST = 1_000
_EXAMPLE = "like 4842"
# The site, as an address starts (the scheme and "www." often left out).
SITE = r"(?:https?://)?(?:www\.)?ipcs\.org"
# An article's address on ipcs.org, as a reader copies it from a browser or a citation:
# the current layout's (".../comm_select.php?articleNo=4842") or the 2010s' (".../article/
# <section>/<its title>-4842.html").
_ARTICLE_URL = re.compile(
    SITE + r"/+(?:comm_select\.php\?(?:[^\s#]*&)?articleNo=([0-9]+)"
    r"|article/[^\s?#]*-([0-9]+)\.html?)(?![0-9A-Za-z])[^\s]*",
    re.IGNORECASE,
)
# The number as a citation or a part of the address gives it: "Article No. 4842", "article
# number 4842", "comm_select.php?articleNo=4842&lang=en", "articleNo=4842" (not "Article
# 370", a constitution's).
_CITED = re.compile(
    r"(?<![\w/.])(?:(?:(?:comm_select\.php)?\?(?:[^\s#&?]*&)*)?articleNo="
    r"|article\s*(?:no\.?|number)\s*#?\s*)([0-9]+)(?![0-9A-Za-z])(?:[&#]\S*)?",
    re.IGNORECASE,
)

# The last part of the 2010s' address, as a reader copies it without the rest ("resetting-
# kabul-islamabad-relations-three-key-issues-4762.html"), with or without the ".html"; not
# a slug ending in a year ("india-pakistan-border-talks-2014"), nor one of three words or
# fewer, which may be words hyphenated ("post-2014-afghanistan-4").
# Asked of each word alone (:data:`_WORD`): searched for along a whole query, the path
# before the last part would be scanned again from every start (a long pasted query took
# seconds).
_SLUG = re.compile(
    r"(?:[^\s?#]*/)?[a-z][a-z0-9]*(?:-[a-z0-9]+)+-([0-9]+)\.html?"
    r"|[a-z][a-z0-9]*(?:-[a-z0-9]+){3,}-(?!(?:19|20)[0-9]{2}$)([0-9]+)"
)
# A word of a query as a slug is copied: between spaces, quotes and brackets.
_WORD = re.compile(r"[^\s\"()]+")


def article_number(text: str) -> int:
    """The article number ``text`` names: a leading ``#`` is allowed, as printed on pages,
    and so is the article's address on ipcs.org."""
    raw = text.strip()
    digits = _linked(raw) or (raw[1:] if raw.startswith("#") else raw)
    if raw.startswith("-") and _DIGITS.fullmatch(raw[1:]):
        raise UsageError(f"article numbers start at 1, not {text!r}")
    if raw.startswith("-") and raw != "-":  # commands taking numbers pass unknown options here
        raise UnknownOptionError(raw)
    if not _DIGITS.fullmatch(digits):
        raise UsageError(_malformed(text))
    number = _read(digits)
    if number == 0:
        raise UsageError(f"article numbers start at 1, not {text!r}")
    return number


def _read(digits: str) -> int:
    """``digits`` (ASCII digits only) as a number; :class:`NotFoundError` past
    :data:`_LONGEST` digits."""
    significant = digits.lstrip("0")
    if len(significant) > _LONGEST:
        raise NotFoundError(f"No article {significant}: article numbers go up to {MAX_ARTICLE:,}")
    return int(digits)


def _linked(text: str) -> str | None:
    """The digits of the article number in ``text``, an article's address or citation;
    else None."""
    address = _ARTICLE_URL.fullmatch(text)
    if address:
        return _address_digits(address)
    cited = _CITED.fullmatch(text)
    if cited:
        return cited[1]
    slug = _SLUG.fullmatch(text)
    return (slug[1] or slug[2]) if slug else None


def _address_digits(address: re.Match[str]) -> str:
    return address[1] or address[2]


def linked_as_stamps(text: str) -> str:
    """``text`` with each article address on ipcs.org, each citation of an article's
    number (:data:`_CITED`) and each address's last part (:data:`_SLUG`), as its stamp
    ("#4842")."""
    text = _ARTICLE_URL.sub(lambda address: f"#{_address_digits(address)}", text)
    text = _CITED.sub(lambda cited: f"#{cited[1]}", text)
    return _WORD.sub(_slug_as_stamp, text)


def _slug_as_stamp(word: re.Match[str]) -> str:
    """The word as its stamp where it is an address's last part (a sentence's stop or
    comma after it kept); else as it is."""
    core = word[0].rstrip(".,;:!?")
    slug = _SLUG.fullmatch(core)
    return f"#{slug[1] or slug[2]}{word[0][len(core) :]}" if slug else word[0]


def article_numbers(texts: Iterable[str]) -> list[int]:
    """Each of ``texts`` as an article number, in order, without repeats."""
    return list(dict.fromkeys(article_number(t) for t in texts))


def within_range(number: int) -> bool:
    """Whether an article could have ``number`` (it can be stored and looked up)."""
    return 0 < number <= MAX_ARTICLE


def possible_article(number: int) -> int:
    """``number``, when an article could have it; else :class:`NotFoundError`."""
    if not within_range(number):
        raise NotFoundError(f"No article {number}: article numbers go up to {MAX_ARTICLE:,}")
    return number


def number_ranges(
    specs: Iterable[str],
    *,
    allow_large: bool = False,
    hashes: bool = False,
    most: int = LARGE_RANGE,
    confirm: str | None = "--yes",
) -> tuple[list[int], set[int]]:
    """``["4842", "4840-4845"]`` → every number in order without repeats, and those named alone.

    ``hashes``: a ``#`` may precede each number (``#4842``, ``#4840-#4845``), as pages print
    them. Raises :class:`UsageError` for anything that is not a number or an ascending range,
    and for a range of more than ``most`` numbers unless ``allow_large`` (the option that
    allows it, ``confirm``, is named; None when nothing does); :class:`NotFoundError` for a
    number no article can have.
    """
    numbers: dict[int, None] = {}
    alone: set[int] = set()
    for spec in specs:
        spec = _linked(spec.strip()) or spec
        low, dash, high = spec.strip().partition("-")
        if not low.strip() and dash:  # "-5", "--yse": says what is wrong (it raises)
            article_number(spec)
        low, high = (_unhashed(low), _unhashed(high)) if hashes else (low.strip(), high.strip())
        if not _DIGITS.fullmatch(low) or (dash and not _DIGITS.fullmatch(high)):
            raise UsageError(_malformed(spec, ranges=True, hashes=hashes))
        first = _read(low)
        last = _read(high) if dash else first
        if first == 0:
            raise UsageError(f"article numbers start at 1, not {spec!r}")
        if last < first:
            raise UsageError(f"a range must go up, not {spec!r}")
        possible_article(last)
        count = last - first + 1
        if count > most and not (allow_large and confirm):
            allowed = f"need {confirm} (to be sure it is not a typo)" if confirm else "are refused"
            raise UsageError(f"{spec} is {count:,} numbers; ranges over {most:,} {allowed}")
        if not dash:
            alone.add(first)
        numbers.update(dict.fromkeys(range(first, last + 1)))
    return list(numbers), alone


def _unhashed(text: str) -> str:
    text = text.strip()
    return text[1:] if text.startswith("#") else text


def _malformed(text: str, *, ranges: bool = False, hashes: bool = False) -> str:
    like = "4842, #4842 or 4840-4845" if hashes else "4842 or 4840-4845"
    what = f"an article number or range (like {like})" if ranges else "an article number"
    hint = "" if ranges else f" ({_EXAMPLE}: digits 0-9 only)"
    return f"not {what}: {text!r}{hint}"
