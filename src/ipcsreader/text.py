"""Text clean-up shared by every parser: whitespace, mojibake, `?` apostrophes, title keys.

Curly quotes stay as printed; only damage that has one reading is repaired.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

# Spaces that are not plain spaces, and invisible characters that pages carry by accident.
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_RUNS = re.compile(" {2,}")

# Terminal escape sequences a hostile page may carry, taken out whole (dropping the ESC
# alone leaves "[31m" in the text): CSI; OSC (window titles, hyperlinks) up to BEL or ST;
# DCS, SOS, PM and APC up to ST; any other ESC sequence. A cut-off one ends with its line.
ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?
  | \x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?
  | \x1b[PX^_][^\x1b\n]*(?:\x1b\\)?
  | \x1b[ -/]*[0-~]?
    """,
    re.VERBOSE,
)
# Control characters (C0 but tab, line and page breaks; DEL; C1, whose 8-bit escape
# sequences are harmless without them) and the bidi embeddings, overrides and isolates
# that would reorder what a reader sees.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# cp1252 bytes read as Mac Central European: ’→í, “→ď, ”→Ē, ‘→Ď, –→Ė, —→ó.
# Each rule below matches only where the damaged character cannot be a real letter.
_MAC_APOSTROPHE = re.compile(r"(?<=[A-Za-z])í(?=(?:s|t|d|m|ll|re|ve)\b)")
_MAC_DOUBLE = re.compile(r"ď([^ďĒ\n]{1,400}?)Ē")
_MAC_SINGLE = re.compile(r"Ď([^ĎíĒď\n]{1,400}?)í(?![A-Za-z])")
_MAC_EN_DASH = re.compile(r"(?<=[ \d])Ė(?=[ \d])")
_MAC_EM_DASH = re.compile(r"(?<= )ó(?= )")

# Characters that may stand in clean text without calling for ftfy (importing it costs
# ~80 ms): mojibake needs a lead character (Â–ô, or a letter or symbol of the code pages
# ftfy tries), and none of these is one when it is not followed by another of its kind.
_CLEAN_NON_ASCII = frozenset("‘’“”–—…©•°·\u00a0")
_ASCII = frozenset(map(chr, range(128)))

# A `?` printed for an apostrophe: between a letter and a contraction ending.
_QMARK_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\?(?=(?:s|t|d|m|ll|re|ve)\b)")

_APOSTROPHES = re.compile("['’‘`´?]")
_NON_WORD = re.compile(r"[^\w]+")

# What a reader types on a plain keyboard, for what a word processor, a PDF or another
# keyboard puts in its place (see :func:`as_typed`). Dashes between two word characters
# read as the hyphen: hyphen, non-breaking hyphen, figure, en and em dash, bar, minus.
_WORD_DASH = re.compile(r"(?<=\w)[\u2010-\u2015\u2212\ufe58](?=\w)")
# The months as pages and readers write them, each one's full name first.
MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
# A year a reader types with a month to mean a date ("March 2015").
YEAR = r"(?:19|20)\d\d"
# Each name of a month (lower case) and the month's number.
MONTHS = {name: number for number, names in enumerate(MONTH_NAMES, start=1) for name in names}


# A figure of four digits or more, its thousands marked by commas ("10,493"; the Indian
# "1,00,000") or not ("10493").
NUMBER_PATTERN = r"\d{1,3}(?:,\d{2,3})+|\d{4,}"


def number_forms(number: str) -> list[str]:
    """The ways a page may print ``number`` ("10493" or "10,493"): its digits alone, with
    commas between thousands, and, from a lakh up, in Indian grouping ("1,00,000")."""
    digits = number.replace(",", "")
    forms = [digits, f"{int(digits):,}"]
    if len(digits) > 5:  # lakh and crore: 1,00,000; 1,00,00,000
        head, tail = digits[:-3], digits[-3:]
        pairs = [head[max(0, i - 2) : i] for i in range(len(head), 0, -2)][::-1]
        forms.append(",".join([*pairs, tail]))
    return list(dict.fromkeys(forms))


def month_year(month: str) -> str:
    """ "2015-03" as a reader says it: "March 2015" (a year alone, "2015", as it is)."""
    if "-" not in month:
        return month
    year, number = month.split("-")
    return f"{MONTH_NAMES[int(number) - 1][0].capitalize()} {year}"


# The dashes a page joins a word's parts with, as the index reads it: the hyphens, and the
# figure and en dash ("Clarion–Clipperton", "Jong–un", "1965–71"), so "ClarionClipperton"
# finds it as "Jong-un" and "Jongun" do. Not the em dash: "war—which" is two words.
PAGE_DASHES = r"\-\u2010-\u2013"
# Marks standing for an apostrophe inside a word: quotes, prime, grave and acute accents.
_WORD_APOSTROPHE = re.compile(r"(?<=\w)['‘‛′`´](?=\w)")
# Words quoted in curly single quotes (author:‘Sandip Mishra’), apostrophes inside kept;
# over a line's end too, as a query pasted from a page may be.
_SINGLE_QUOTED = re.compile(r"(?<![\w’])‘((?:[^‘’]|’(?=\w))*)’(?!\w)")
# A dash or soft hyphen ending a line inside a word.
_LINE_BREAK_HYPHEN = re.compile(r"(?<=\w)([-\u00ad\u2010-\u2015\u2212])[ \t]*\r?\n\s*(?=\w)")
_TYPED: dict[int, str] = {
    # Fullwidth ASCII (an East Asian keyboard's "＂", "：", "ｋｏｒｅａ") as ASCII.
    **{c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
    **dict.fromkeys(map(ord, "“”„‟«»″"), '"'),
    # The modifier letter apostrophe is a letter to regular expressions: "Koreasʼ".
    ord("ʼ"): "’",
}

# What may end a complete paragraph (a sentence mark, possibly inside quotes or brackets).
_SENTENCE_END = re.compile("[.?!…][\"'”’)\\]]*$|[\"”’')\\]]$")


def clean_line(line: str) -> str:
    """One line with odd spaces made plain, invisible and control characters dropped (escape
    sequences whole), runs collapsed."""
    return _tidy(line).strip()


def clean_lines(text: str) -> list[str]:
    """:func:`clean_line` for every line of ``text``; blank lines are ""."""
    # One pass of each expression over the whole text costs far less than one per line.
    return [line.strip() for line in _tidy(text).split("\n")]


def _tidy(text: str) -> str:
    text = _CONTROLS.sub("", ESCAPES.sub("", text))
    return _RUNS.sub(" ", _INVISIBLE.sub("", _ODD_SPACES.sub(" ", text)))


def unquoted(text: str, replace: Callable[[re.Match[str]], str], pattern: re.Pattern[str]) -> str:
    """``text`` (a query) with each match of ``pattern`` outside quotes replaced: a phrase
    takes its words as typed."""
    pieces = re.split(r'("[^"]*")', text)
    for i in range(0, len(pieces), 2):
        pieces[i] = pattern.sub(replace, pieces[i])
    return "".join(pieces)


def as_typed(text: str) -> str:
    """``text`` (a query) in the characters a reader types for it on a plain keyboard,
    spaces tidied as by :func:`clean_line`.

    Dashes joining two words or digits ("Jong–un", "2014–2015") are hyphens, marks
    standing for an apostrophe inside a word ("Abe′s", "Abe`s") are ’, curly and other
    double quotes are ", curly single quotes round words are ', fullwidth forms are
    ASCII, accents are composed. A word broken at a line's end ("Jong-⏎un",
    "inter-⏎national") is whole again, its hyphen kept (the hyphenated word is searched
    joined first). A dash with a space beside it is punctuation and stays as typed, as
    do letters and accents (the index folds those).
    """
    text = clean_line(_LINE_BREAK_HYPHEN.sub(_rejoined, text))
    if text.isascii():
        return _WORD_APOSTROPHE.sub("’", text) if "'" in text or "`" in text else text
    if "»" in text or "«" in text:
        text = _guillemets(text)
    # Composed: the word pattern takes a combining accent ("Co\u0302te") for a break.
    text = unicodedata.normalize("NFC", text.translate(_TYPED))
    text = _WORD_APOSTROPHE.sub("’", _WORD_DASH.sub("-", text))
    return _SINGLE_QUOTED.sub(r"'\1'", text) if "‘" in text else text


# Guillemets round words, French-spaced or not («New Approach», « la paix »): quotes. One
# standing alone between spaces is a separator, as a breadcrumb trail prints it ("Home »
# Columns » …", "Read more »").
_GUILLEMETS = re.compile(r"«\s*([^«»]*?)\s*»")
_SEPARATOR = re.compile(r" ?(?<!\S)[«»](?!\S)")


def _guillemets(text: str) -> str:
    return _SEPARATOR.sub("", _GUILLEMETS.sub(r'"\1"', text))


def _rejoined(match: re.Match[str]) -> str:
    return "" if match[1] == "\u00ad" else "-"


def repair_mojibake(text: str) -> str:
    """Undo the encoding damage that has one reading.

    UTF-8 read as cp1252 ("â€™") goes through ftfy's ``fix_encoding`` (which leaves curly
    quotes alone); cp1252 read as Mac Central European ("Nepalís", "ďQuoteĒ") is repaired
    only where the damaged character cannot be a letter of the word. Letters saved
    decomposed (a letter, then its accent: as macOS writes them) are composed first, so
    that a page reads, and is searched, as the same page saved otherwise.
    """
    text = utf8_as_cp1252_undone(text)
    if not ("í" in text or "ď" in text or "Ď" in text):
        return text
    fixed = _MAC_APOSTROPHE.sub("’", text)
    fixed = _MAC_DOUBLE.sub(r"“\1”", fixed)
    fixed = _MAC_SINGLE.sub(r"‘\1’", fixed)
    if fixed != text:  # the page is damaged this way: dashes read the same way too
        fixed = _MAC_EM_DASH.sub("—", _MAC_EN_DASH.sub("–", fixed))
    return fixed


def utf8_as_cp1252_undone(text: str) -> str:
    """``text`` composed, and with UTF-8 read as cp1252 ("Japanâ€™s") undone by ftfy's
    ``fix_encoding``: the damage of :func:`repair_mojibake` that no accent typed on
    purpose ("Kím") can be taken for."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not _surely_clean(text):
        import ftfy

        text = ftfy.fix_encoding(text)
    return text


def _surely_clean(text: str) -> bool:
    """Whether ``text`` cannot hold mojibake ftfy would repair: cheap, so ftfy loads rarely."""
    if text.isascii():
        return True
    odd = set(text) - _ASCII
    return odd <= _CLEAN_NON_ASCII and not any(a + b in text for a in odd for b in odd)


def repair_question_apostrophes(text: str) -> str:
    """ "Pakistan?s" → "Pakistan’s"; every other `?` stays as printed."""
    return _QMARK_APOSTROPHE.sub("’", text)


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends the way a complete paragraph does."""
    return bool(_SENTENCE_END.search(text.rstrip()))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Casefolded, accents stripped ("Communiqué" → "communique")."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# Sidebars print the same titles again and again: `ipcs read` keys thousands, a few
# hundred of them distinct.
@lru_cache(maxsize=1 << 16)
def title_key(title: str) -> str:
    """A key under which one title printed in different ways matches itself.

    Case, accents, apostrophes and quotes of any kind (including a `?` printed for one),
    other punctuation and spacing are ignored; "&" reads as "and".
    """
    text = fold(title).replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())
