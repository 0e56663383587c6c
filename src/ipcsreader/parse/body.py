"""An article body as blocks: paragraphs, sub-headings, an opening epigraph, speakers.

Both layouts print one paragraph per line (a page saved broken at a fixed width is read
so again). Pages with blank lines between paragraphs set a sub-heading (or a speaker's
name) directly above its paragraph, so there adjacency is a clue; pages without blank
lines leave only the line's shape.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from ipcsreader.model import Block
from ipcsreader.names import is_name_like, split_honorific
from ipcsreader.text import ends_sentence

_OPENING_QUOTES = "“\"‘'«"
_CLOSING_QUOTES = "”\"’'»"
# Short words a title-cased heading leaves in lowercase.
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "nor",
        "of",
        "off",
        "on",
        "onto",
        "or",
        "over",
        "per",
        "so",
        "than",
        "that",
        "the",
        "this",
        "to",
        "up",
        "upon",
        "via",
        "vs",
        "with",
        "within",
        "without",
        "versus",
        "amid",
        "amidst",
        "among",
        "across",
        "about",
        "after",
        "before",
        "between",
        "through",
        "toward",
        "towards",
        "under",
        "are",
        "was",
        "were",
        "be",
        "its",
    ]
)
# A page broken at a fixed width: its longest line in this range, and enough of its long
# lines (over 60% of that) within a word's length of it, most of them mid-sentence.
_WRAP_WIDTHS = (50, 100)
_LONG_SHARE = 0.6
_WRAP_SLACK = 12
_WRAPPED_MIN_LINES = 3
_WRAPPED_SHARE = 0.5
_HEADING_MAX_WORDS = 14
_ATTRIBUTION_MAX_WORDS = 14
_ROLE_MAX_WORDS = 30


def _words(line: str) -> list[str]:
    return line.split()


def is_heading_like(line: str) -> bool:
    """A short title-cased line without a closing full stop, comma, colon or semicolon."""
    words = _words(line)
    if not words or len(words) > _HEADING_MAX_WORDS or line[-1] in ".,;:" or len(line) > 120:
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit() or words[0][0] in _OPENING_QUOTES):
        return False
    for word in words[1:]:
        bare = word.strip("()[]“”‘’\"',;:?!")
        if not bare or bare.casefold() in _SMALL_WORDS or len(bare) < 3:
            continue
        if not (bare[0].isupper() or bare[0].isdigit()):
            return False
    return True


def _is_quotation(line: str) -> bool:
    stripped = line.rstrip()
    return stripped[:1] in _OPENING_QUOTES or stripped[-1:] in _CLOSING_QUOTES


def _is_attribution(line: str) -> bool:
    """A source line under a quotation: "John Quincy Adams", "A Name, JVP Leader"."""
    words = _words(line)
    return (
        0 < len(words) <= _ATTRIBUTION_MAX_WORDS
        and words[0][0].isupper()
        and line[-1] not in ".;:"
        and not _is_quotation(line)
    )


def _is_speaker(line: str, role: str | None) -> bool:
    """A name line opening a speaker's remarks, over a role line ("Amb TCA Rangachari")."""
    if role is None or ends_sentence(role) or len(_words(role)) > _ROLE_MAX_WORDS:
        return False
    honorific, name = split_honorific(line)
    if not is_name_like(name or line, max_tokens=5):
        return False
    return honorific is not None or "," in role


def _is_epigraph(items: list[tuple[str, bool]], spaced: bool) -> bool:
    """A quotation and its source line opening the body.

    On a page with blank lines the source sits directly under the quotation with a blank
    after it; without blank lines only a quotation marked at both ends is taken.
    """
    (quote, attached), (source, source_attached) = items[0], items[1]
    if not _is_attribution(source):
        return False
    if spaced:
        return attached and not source_attached and _is_quotation(quote)
    return quote[:1] in _OPENING_QUOTES and quote.rstrip()[-1:] in _CLOSING_QUOTES


def wrap_width(lines: list[str]) -> int | None:
    """The width a page's ``lines`` were broken at, where a text browser or a "save as
    text" broke them so: no line longer than some 50 to 100 characters, most of the long
    ones close to it and stopping mid-sentence. None for a page saved unbroken."""
    filled = [line for line in lines if line]
    width = max(map(len, filled), default=0)
    if not _WRAP_WIDTHS[0] <= width <= _WRAP_WIDTHS[1]:
        return None
    long = [line for line in filled if len(line) >= _LONG_SHARE * width]
    near = [line for line in long if len(line) >= width - _WRAP_SLACK]
    if len(near) < _WRAPPED_MIN_LINES and _goes_on_in_lower_case(lines, width):
        # A page of a few lines shows its width where a line near it runs on, mid-sentence
        # and mid-clause, to the next ("… held a feast; three" / "years later …").
        return width
    if len(near) < _WRAPPED_MIN_LINES or len(near) < _WRAPPED_SHARE * len(long):
        return None
    # Broken lines stop mid-sentence; a page of short paragraphs or items ends them.
    if sum(not ends_sentence(line) for line in near) < _WRAPPED_SHARE * len(near):
        return None
    return width


def _goes_on_in_lower_case(lines: list[str], width: int) -> bool:
    """Whether the lines near ``width`` that have a line under them mostly stop
    mid-sentence and go on to a word in lower case."""
    pairs = [
        (line, following)
        for line, following in pairwise(lines)
        if line and following and len(line) >= width - _WRAP_SLACK
    ]
    lower = [following[0].islower() and not ends_sentence(line) for line, following in pairs]
    return any(lower) and sum(lower) >= _WRAPPED_SHARE * len(pairs)


def runs_on(line: str, following: str, width: int) -> bool:
    """Whether ``line`` was broken before ``following``: its first word would not fit."""
    return bool(line and following) and len(line) + 1 + len(following.split()[0]) > width


def joined(line: str, following: str) -> str:
    """Two pieces of a broken line as one; a compound broken after its hyphen ("India-" /
    "Maoist") is one word again."""
    hyphen = line.endswith("-") and line[-2:-1].isalpha()
    return f"{line}{'' if hyphen else ' '}{following}"


def rejoined(
    lines: list[str], width: int | None, *, apart: Callable[[str], bool] = lambda line: False
) -> list[str]:
    """``lines`` broken at ``width`` whole again: each joined to the one it ran on to
    (:func:`runs_on`), unless ``apart`` says that one stands alone (a name). Blank lines
    stay; nothing changes where ``width`` is None."""
    if width is None:
        return lines
    out: list[str] = []
    last = ""  # the line before, as printed
    for line in lines:
        if out and out[-1] and runs_on(last, line, width) and not apart(line):
            out[-1] = joined(out[-1], line)
        else:
            out.append(line)
        last = line
    return out


def blocks(
    lines: list[str], headings: frozenset[str] = frozenset(), width: int | None = None
) -> tuple[Block, ...]:
    """Blocks of a body given as lines ("" for a blank line).

    ``headings`` are lines known from page structure to be sub-headings (HTML); ``width``,
    the width the page was broken at (:func:`wrap_width`), its paragraphs joined again.
    """
    lines = rejoined(lines, width)
    items: list[tuple[str, bool]] = []  # (line, next raw line is not blank)
    for i, line in enumerate(lines):
        if line:
            items.append((line, i + 1 < len(lines) and bool(lines[i + 1])))
    spaced = any(not directly for _, directly in items[:-1])
    out: list[Block] = []
    i = 0
    if len(items) >= 2 and _is_epigraph(items, spaced):
        out += [Block(items[0][0], "epigraph"), Block(items[1][0], "attribution")]
        i = 2
    while i < len(items):
        line, directly = items[i]
        following = items[i + 1][0] if i + 1 < len(items) else None
        attached = directly or not spaced
        if following is not None and attached and _is_speaker(line, following):
            out += [Block(line, "speaker"), Block(following, "attribution")]
            i += 2
            continue
        if line in headings or (following is not None and attached and is_heading_like(line)):
            out.append(Block(line, "heading"))
        else:
            out.append(Block(line))
        i += 1
    return tuple(out)


def cut_short(body: tuple[Block, ...]) -> bool:
    """Whether the body's last paragraph stops mid-sentence (the page was cut off)."""
    return not body or not ends_sentence(body[-1].text)
