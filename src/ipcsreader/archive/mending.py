"""Slips in a query's syntax, mended: what a hurried reader leaves unpaired or dangling.

A quote opened and never closed (``"spring offensive taliban``), a bracket with no
partner (``(ghani visit pakistan``), an operator with no word on one side (``korea AND``,
``OR durand line``), operators piled up (``kanu sanyal AND NOT OR naxal``), a field with
no value (``korea year:``, ``date:""``), a desk field with a value it does not take (a
chat's ``has:link``, pasted): each is left out and the rest searched, and the reader is
told what was left out, rather than refused: a web search answers such a query, and the
words typed say what is wanted. What the query language cannot read any other way (a
range never closed, a word opening with ``*``) is still refused
(:func:`ipcsreader.archive.search.check_syntax`).
"""

from __future__ import annotations

import re

from ipcsreader.archive import fieldnames
from ipcsreader.text import unquoted


def _either(operators: frozenset[str]) -> str:
    """A pattern matching any of the query language's ``operators``."""
    return f"(?:{'|'.join(sorted(operators))})"


_OPERATOR = _either(fieldnames.OPERATORS)
# Operators opening the query with no word before them ("OR durand line"): NOT may open
# one ("NOT korea": every article but those).
_LEADING = re.compile(rf"^\s*(?:{_either(fieldnames.OPERATORS - {'NOT'})}\s+)+")
_TRAILING = re.compile(rf"(?:(?<=\s)|^){_OPERATOR}(?:\s+{_OPERATOR})*\s*$")
# Operators in a row ("AND NOT OR", "NOT NOT", "OR AND"): the last says how the next word
# joins, "AND NOT" being one ("korea AND NOT russia").
_PILED = re.compile(rf"(?<!\S){_OPERATOR}(?:\s+{_OPERATOR})+(?!\S)")
# A field's name with no value: at the end, before a space, or an empty pair of quotes.
_EMPTY_FIELD = re.compile(rf'{fieldnames.NAMED}(?:""(?!\S)|(?=\s|$))')
# A desk field with a value it does not take ("has:link", a chat's search pasted).
_DESK_VALUE = re.compile(
    rf"(?<![\w:.'’-])-?(?P<field>{'|'.join(fieldnames.DESK_VALUES)}):(?P<value>[^\s()\"]+)"
)


def mended(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` (a query, as :func:`ipcsreader.archive.search.plan` reads it) without its
    slips, and each slip left out as the reader is told it ("an unclosed quote (\\")")."""
    slips: list[str] = []
    if text.count('"') % 2:
        # Quotes pair from the first: the last is the one left open.
        at = text.rindex('"')
        text = f"{text[:at]} {text[at + 1 :]}"
        slips.append('an unclosed quote (")')
    text = _unpaired_brackets_out(text, slips)
    # Found where quotes are blanked: a field's quoted value starts right after its colon.
    empty = list(_EMPTY_FIELD.finditer(_blanked(text)))
    names = [match[0].removesuffix('""') for match in empty]
    slips += [f"“{name}” with no value" for name in names]
    for found in reversed(empty):
        text = f"{text[: found.start()]} {text[found.end() :]}"

    def piled(match: re.Match[str]) -> str:
        run = match[0].split()
        if run == ["AND", "NOT"]:
            return match[0]
        kept = "AND NOT" if run[-2:] == ["AND", "NOT"] else run[-1]
        slips.append(f"“{' '.join(run)}” in a row, read as “{kept}”")
        return kept

    text = unquoted(text, piled, _PILED)

    def undesked(match: re.Match[str]) -> str:
        allowed = fieldnames.DESK_VALUES[match["field"]]
        if match["value"].casefold() in allowed:
            return match[0]
        slips.append(f"“{match[0]}” ({match['field']}: takes {' or '.join(allowed)})")
        return " "

    text = unquoted(text, undesked, _DESK_VALUE)
    for pattern, where in ((_LEADING, "before"), (_TRAILING, "after")):
        dangling = pattern.search(_blanked(text))
        if dangling and dangling[0].strip():
            slips.append(f"“{dangling[0].strip()}” with no word {where} it")
            text = f"{text[: dangling.start()]} {text[dangling.end() :]}"
    return " ".join(text.split()), tuple(slips)


def _blanked(text: str) -> str:
    """``text`` with what its quoted phrases hold as spaces: an operator inside one is a
    word of the phrase."""
    return re.sub(r'"[^"]*"', lambda match: '"' + " " * (len(match[0]) - 2) + '"', text)


def _unpaired_brackets_out(text: str, slips: list[str]) -> str:
    """``text`` without the round brackets, outside quotes, that close none opened before
    them or are never closed, each noted in ``slips``."""
    bare = _blanked(text)
    opened: list[int] = []
    unpaired: list[int] = []
    for at, char in enumerate(bare):
        if char == "(":
            opened.append(at)
        elif char == ")":
            if opened:
                opened.pop()
            else:
                unpaired.append(at)
    if unpaired:
        slips.append("a “)” with no “(” before it")
    if opened:
        slips.append("a “(” never closed")
    for at in sorted(unpaired + opened, reverse=True):
        text = f"{text[:at]} {text[at + 1 :]}"
    return text
