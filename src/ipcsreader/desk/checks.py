"""What the desk accepts from the reader: tags, notes, article numbers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ipcsreader.errors import NotFoundError, UsageError
from ipcsreader.numbers import number_ranges

MAX_TAG_CHARS = 100
# A note is the reader's own words beside an article; a book's worth fits, a data dump
# does not (every note is read whole when notes are searched).
MAX_NOTE_BYTES = 8 * 1024 * 1024
# Control characters, and the Unicode ones that reorder or hide text on a terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# ASCII digits only, of any length: numbers.py says what is wrong with a 0 or a huge one.
_NUMBER = re.compile(r"#?([0-9]+)")
_RANGE = re.compile(r"#?([0-9]+)-#?([0-9]+)")
MAX_RANGE = 100_000
# SQLite's integers stop at 2**63 - 1; no desk holds this many follows.
MAX_FOLLOW_ID = 2**62


def tag(value: str) -> str:
    """A tag as stored: NFC, inner runs of spaces made one; refused when empty, too long,
    or holding control characters."""
    _check_text(value, "tag")
    if _CONTROL.search(value):
        raise UsageError(f"the tag {value!r} holds a control character; tags are plain text")
    text = " ".join(unicodedata.normalize("NFC", value).split())
    if not text:
        raise UsageError("a tag cannot be empty")
    if len(text) > MAX_TAG_CHARS:
        raise UsageError(f"the tag {text[:20]!r}… is {len(text)} characters; the most is 100")
    return text


def followed(value: str, what: str) -> str:
    """A search, author or column to follow (``what`` says which): refused when it holds
    control characters or is not Unicode (it is stored, and shown back on the terminal)."""
    _check_text(value, what)
    if bad := _CONTROL.search(value):
        raise UsageError(
            f"the {what} holds a control character (U+{ord(bad[0]):04X}); give plain text"
        )
    return value


def tags(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(tag(v) for v in values))


def note(text: str) -> str:
    """A note as stored (line ends made ``\\n``); refused when too large or holding control
    characters other than tabs and line ends."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_NOTE_BYTES:
        raise UsageError(note_too_large(size))
    _check_text(text, "note")
    # A byte-order mark some editors write first is no part of the note.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(text.replace("\n", " ").replace("\t", " "))
    if bad:
        raise UsageError(
            f"the note holds a control character (U+{ord(bad[0]):04X}); notes are plain text"
        )
    return text


def _check_text(text: str, what: str) -> None:
    """Refuse text that is not Unicode through and through (bytes a terminal could not
    decode arrive as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(f"the {what} is not valid UTF-8 text") from None


def note_too_large(size: int) -> str:
    return (
        f"the note is {_megabytes(size)}; the most is {_megabytes(MAX_NOTE_BYTES)} "
        "(a note is your own words beside an article, not a document)"
    )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def is_number(value: str) -> bool:
    return bool(_NUMBER.fullmatch(value) or _RANGE.fullmatch(value))


def numbers(values: Iterable[str]) -> list[int]:
    """Article numbers from ``4842``, ``#4842`` or a range ``4840-4845``, in order, once."""
    return number_ranges(values, hashes=True, most=MAX_RANGE, confirm=None)[0]


def split_numbers(values: list[str]) -> tuple[list[int], list[str]]:
    """``N… TAG…``: the leading numbers, and the rest (a tag may be a number after the
    first tag)."""
    cut = next((i for i, v in enumerate(values) if not is_number(v)), len(values))
    return numbers(values[:cut]), values[cut:]


def follow_id(text: str) -> int:
    """A follow's number as ``ipcs follows`` prints it (NotFoundError past any there can be)."""
    if not re.fullmatch(r"[0-9]+", text.strip()):
        raise UsageError(f"{text!r} is not a follow's number (like 2: see ipcs follows)")
    digits = text.strip().lstrip("0") or "0"
    if len(digits) > len(str(MAX_FOLLOW_ID)) or int(digits) > MAX_FOLLOW_ID:
        raise NotFoundError(f"no follow {digits}; `ipcs follows` lists them")
    return int(digits)
