"""Numbers said in words and written in figures: "six thousand one hundred and five" is
6105, "twenty fifteen" 2015, "seventieth" 70th, and 14 is "fourteen".

A reader types a figure as they would say it (or dictates it to a phone), where the page
prints it in figures, and the other way round: pages spell out small numbers ("seven
constitutions") and ordinals ("the sixth test"). No I/O; :mod:`ipcsreader.store.rewrites`
reads queries with it.
"""

from __future__ import annotations

import re

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
# The words of 0-19, each at its value.
_BELOW_TWENTY = [*_UNITS, *_TEENS.split()]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# Each number word of 0-99 and its value.
_SMALL = {
    **{w: n for n, w in enumerate(_BELOW_TWENTY)},
    **{w: 10 * n for n, w in enumerate(_TENS, start=2)},
}
_HUNDRED = 100
# The scales a page prints after a figure ("10 million", "2 lakh"), and the thousand.
_SCALES = {
    "thousand": 1_000,
    "lakh": 100_000,
    "million": 1_000_000,
    "crore": 10_000_000,
    "billion": 1_000_000_000,
}
# Those but the thousand, which a page writes out in its figures ("6,105").
_SAID_AFTER_FIGURE = frozenset(_SCALES) - {"thousand"}
# The ordinals not made by adding "th" (or "ieth" for "-y").
_IRREGULAR_ORDINALS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _ordinal_word(cardinal: str) -> str:
    """ "seventy": "seventieth", "four": "fourth", "one": "first"."""
    if cardinal in _IRREGULAR_ORDINALS:
        return _IRREGULAR_ORDINALS[cardinal]
    return cardinal[:-1] + "ieth" if cardinal.endswith("y") else cardinal + "th"


# Each ordinal word and the cardinal it says ("seventieth": "seventy").
_ORDINALS = {_ordinal_word(w): w for w in [*_SMALL, "hundred", "thousand"]}
# The numbers under ten of one word, ordinals too ("eight", "first").
UNDER_TEN = frozenset([*_UNITS, *(_ordinal_word(w) for w in _UNITS)])
WORDS = frozenset([*_SMALL, "hundred", *_SCALES, *_ORDINALS])
# A run of number words, joined by spaces or hyphens ("ninety-eight"), an "and" after a
# hundred or a scale ("one hundred and five").
_WORD = "|".join(sorted(WORDS, key=len, reverse=True))
RUN = rf"(?i:(?:{_WORD})(?:(?:\s+|-)(?:and\s+)?(?:{_WORD}))*)(?![\w-])"


def _suffix(number: int) -> str:
    """The ending of ``number`` as an ordinal in figures: 1st, 2nd, 3rd, 11th, 70th."""
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _smalls(words: list[str]) -> list[int | str]:
    """``words`` as numbers of 0-99 ("ninety", "eight" as 98) and scale words, in order."""
    read: list[int | str] = []
    for word in words:
        if word == "hundred" or word in _SCALES:
            read.append(word)
            continue
        value = _SMALL[word]
        last = read[-1] if read else None
        if isinstance(last, int) and last >= 20 and last % 10 == 0 and 0 < value < 10:
            read[-1] = last + value  # "ninety eight"
        else:
            read.append(value)
    return read


def _value(read: list[int | str]) -> int | None:
    """The number ``read`` (:func:`_smalls`) says, or None where it says no one number
    ("five six"). Two numbers of two figures side by side are a year as it is said
    ("nineteen ninety-eight", "twenty fifteen")."""
    match read:
        case [int(first), int(second)]:
            return first * 100 + second if 11 <= first <= 20 and 10 <= second <= 99 else None
    total, current, open_ = 0, 0, True
    for part in read:
        if isinstance(part, int):
            if not open_:
                return None
            current, open_ = current + part, False
        elif part == "hundred":
            if not 0 < current < 100:
                return None
            current, open_ = current * _HUNDRED, True
        else:
            if not current:
                return None
            total, current, open_ = total + current * _SCALES[part], 0, True
    return total + current


def in_figures(said: str) -> str | None:
    """The run of number words ``said`` (matching :data:`RUN`) in figures as a page prints
    it ("6105", "2015", "70th", "10 million"), or None where it is no one number."""
    words = [w for w in re.split(r"[\s-]+", said.lower()) if w != "and"]
    ordinal = words[-1] in _ORDINALS
    if ordinal:
        words[-1] = _ORDINALS[words[-1]]
    if any(w in _ORDINALS for w in words):
        return None
    scale = words[-1] if words[-1] in _SAID_AFTER_FIGURE and len(words) > 1 else None
    value = _value(_smalls(words[:-1] if scale else words))
    if value is None:
        return None
    if scale:
        return None if ordinal else f"{value} {scale}"
    return f"{value}{_suffix(value)}" if ordinal else str(value)


def is_year(said: str) -> bool:
    """Whether the run of number words ``said`` is a year as it is said, two numbers of
    two figures ("twenty fifteen", "nineteen ninety-eight"), which no page prints in
    words; not "two thousand five", which may count something."""
    words = re.split(r"[\s-]+", said.lower())
    if not set(words) <= set(_SMALL):
        return False
    return len(_smalls(words)) == 2 and in_figures(said) is not None


def in_words(figure: str) -> str | None:
    """A figure of 1-99 ("14") or an ordinal in figures ("6th", "21st") as words, as a
    page spells it ("fourteen", "sixth", "twenty-first"); None for anything else."""
    match = re.fullmatch(r"([1-9]\d?)(st|nd|rd|th)?", figure.lower())
    if match is None or (match[2] and match[2] != _suffix(int(match[1]))):
        return None
    number = int(match[1])
    tens, unit = divmod(number, 10)
    if number < 20:
        words = [_BELOW_TWENTY[number]]
    else:
        words = [_TENS[tens - 2], *([_UNITS[unit]] if unit else [])]
    if match[2]:
        words[-1] = _ordinal_word(words[-1])
    return "-".join(words)
