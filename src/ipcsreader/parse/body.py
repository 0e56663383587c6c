"""An article body as blocks: paragraphs, sub-headings, an opening epigraph, speakers.

Both layouts print one paragraph per line (a page saved broken at a fixed width is read
so again). Pages with blank lines between paragraphs
set a sub-heading (or a speaker's name) directly above its paragraph, so there
adjacency is a clue; pages without blank lines leave only the line's shape.
"""

from __future__ import annotations

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
# A body broken at a fixed width: enough lines to tell, at a width in this range, with a
# good share of them within a word's length of it.
_WRAPPED_MIN_LINES = 6
_WRAP_WIDTHS = (60, 100)
_WRAP_SLACK = 12
_WRAPPED_SHARE = 0.4
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


def unwrapped(lines: list[str]) -> list[str]:
    """``lines`` with each paragraph on one line again, where a text browser or a "save as
    text" broke them at a fixed width (every line at most some 60 to 100 characters, many
    of them close to it, most of those stopping mid-sentence): a line runs on into the
    next where the next one's first word would not have fitted on it. Lines of a page
    saved unwrapped are returned as they are.
    """
    filled = [line for line in lines if line]
    if len(filled) < _WRAPPED_MIN_LINES:
        return lines
    width = max(map(len, filled))
    near = [line for line in filled if len(line) >= width - _WRAP_SLACK]
    if not _WRAP_WIDTHS[0] <= width <= _WRAP_WIDTHS[1] or len(near) < _WRAPPED_SHARE * len(filled):
        return lines
    # Broken lines stop mid-sentence; a page of short paragraphs or items ends them.
    if sum(not ends_sentence(line) for line in near) < _WRAPPED_SHARE * len(near):
        return lines
    out: list[str] = []
    last = 0  # the length of the line before, as printed
    for line in lines:
        if line and out and out[-1] and last + 1 + len(line.split()[0]) > width:
            # A compound broken after its hyphen ("India-" / "Maoist") is one word again.
            hyphen = out[-1].endswith("-") and out[-1][-2:-1].isalpha()
            out[-1] = f"{out[-1]}{'' if hyphen else ' '}{line}"
        else:
            out.append(line)
        last = len(line)
    return out


def blocks(lines: list[str], headings: frozenset[str] = frozenset()) -> tuple[Block, ...]:
    """Blocks of a body given as lines ("" for a blank line), unwrapped (:func:`unwrapped`).

    ``headings`` are lines known from page structure to be sub-headings (HTML).
    """
    lines = unwrapped(lines)
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
