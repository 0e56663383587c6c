"""People's names as pages print them: honorifics, name-shaped lines, a teaser's leading name."""

from __future__ import annotations

import re
from functools import lru_cache

from ipcsreader.model import Author
from ipcsreader.text import fold

__all__ = [
    "author",
    "fold",
    "is_byline_name",
    "is_name_like",
    "leading_names",
    "split_authors",
    "split_honorific",
    "without_own_byline",
]

# Titles and ranks printed before a name, as token sequences compared without dots.
_HONORIFICS: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(h.split())
            for h in (
                "Dr",
                "Prof",
                "Professor",
                "Amb",
                "Ambassador",
                "Mr",
                "Mrs",
                "Ms",
                "Shri",
                "Smt",
                "Sir",
                "Hon",
                "Admiral",
                "Vice Admiral",
                "Rear Admiral",
                "General",
                "Gen",
                "Lt Gen",
                "Lieutenant General",
                "Maj Gen",
                "Major General",
                "Brig",
                "Brigadier",
                "Col",
                "Colonel",
                "Lt Col",
                "Maj",
                "Major",
                "Capt",
                "Captain",
                "Cdr",
                "Commander",
                "Cmde",
                "Commodore",
                "Wg Cdr",
                "Gp Capt",
                "Air Marshal",
                "Air Vice Marshal",
                "Air Chief Marshal",
            )
        ),
        key=len,
        reverse=True,
    )
)
_RETIRED = re.compile(r"^\(?retd\.?\)?$|^\(?retired\)?$", re.IGNORECASE)

# Lowercase words that may sit inside a name ("Harun ur Rashid", "Ahmad bin Ali").
_PARTICLES = frozenset(
    [
        "ur",
        "ul",
        "bin",
        "binti",
        "bint",
        "ibn",
        "al",
        "el",
        "de",
        "da",
        "das",
        "del",
        "della",
        "di",
        "dos",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
    ]
)
# Small words a title capitalises, never inside a name ("Harbours Without Ships"). Not
# those that are also given names ("An", "To", "On": Tô Lâm, Nguyen Van An).
_TITLE_WORDS_TEXT = """
    And Of The For From With Without Over Under Between Beyond Against Amid Towards
    Toward Into Versus Vs Or Not After Before Through Across Behind Within Its Are Was Is
"""
_TITLE_WORDS = frozenset(_TITLE_WORDS_TEXT.split())
# Capitalised words that start sentences, never names.
_NOT_NAMES = frozenset(
    [
        "The",
        "An",
        "In",
        "On",
        "At",
        "As",
        "With",
        "This",
        "These",
        "That",
        "What",
        "How",
        "Why",
        "When",
        "Where",
        "While",
        "After",
        "Before",
        "Since",
        "For",
        "From",
        "By",
        "To",
        "Of",
        "It",
        "Its",
        "Our",
        "We",
        "Is",
        "Are",
        "Was",
        "Will",
        "Can",
    ]
)


# Words of a role, a body or a place: a line under a byline holding one is an
# affiliation ("Director, National Maritime Foundation", "New Delhi"), not a co-author.
_AFFILIATION_TEXT = """
    academy adjunct adviser advisor affairs analyst army assistant associate center centre
    chair chairman college commission conflict consultant correspondent council dean defence
    defense department director distinguished editor embassy emeritus executive fellow force
    forum foundation founder government head institute institution intern international
    journalist lecturer member ministry national navy office officer peace policy president
    professor programme program research researcher retired retd scholar school secretary
    security senior society strategic studies trust trusts university visiting
    bangladesh beijing bengaluru bangalore canberra chennai china colombo delhi dhaka
    guwahati hyderabad india islamabad jammu japan kabul karachi kashmir kathmandu kolkata
    korea lahore lanka london mumbai nepal pakistan pune seoul singapore srinagar tokyo usa
    washington
"""
_AFFILIATION_WORDS = frozenset(_AFFILIATION_TEXT.split())


# Honorifics by their first word (in their order of preference): a token that starts
# none of them is looked at once, not once per honorific.
_HONORIFICS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _h in _HONORIFICS:
    _folded = tuple(t.casefold() for t in _h)
    _HONORIFICS_BY_FIRST.setdefault(_folded[0], []).append(_folded)


def _bare(token: str) -> str:
    return token.rstrip(".,").casefold()


# Sidebars repeat the same lines on every page of the old site: parsing a corpus asks
# about the same few thousand lines again and again.
@lru_cache(maxsize=8192)
def split_honorific(raw: str) -> tuple[str | None, str]:
    """("Dr Sandip Mishra") → ("Dr", "Sandip Mishra"); chained titles and "(Retd.)" kept.

    The honorific is returned as printed; the name is what follows it.
    """
    tokens = raw.split()
    taken = 0
    while taken < len(tokens):
        for honorific in _HONORIFICS_BY_FIRST.get(_bare(tokens[taken]), ()):
            end = taken + len(honorific)
            if tuple(_bare(t) for t in tokens[taken + 1 : end]) == honorific[1:]:
                taken = end
                break
        else:
            break
    if taken == 0:
        return None, raw.strip()
    while taken < len(tokens) and _RETIRED.match(tokens[taken]):
        taken += 1
    return " ".join(tokens[:taken]), " ".join(tokens[taken:])


def is_name_like(line: str, max_tokens: int = 6) -> bool:
    """Whether ``line`` reads as a person's name (capitalised tokens, initials, particles)."""
    _, rest = split_honorific(line)
    tokens = rest.rstrip(".").split()
    if not 1 <= len(tokens) <= max_tokens or tokens[0] in _NOT_NAMES:
        return False
    if any(t in _TITLE_WORDS for t in tokens[1:]):  # "Harbours Without Ships"
        return False
    if any(ch.isdigit() for ch in rest) or any(ch in rest for ch in ':;?!"“”'):
        return False
    for i, token in enumerate(tokens):
        if token in _PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if not token[0].isupper():
            return False
    return True


def is_byline_name(line: str) -> bool:
    """Whether a line below an old page's byline names one more author ("Prof Vijay
    Sakhuja") rather than going on with an affiliation ("Director, NMF", "New Delhi")."""
    honorific, rest = split_honorific(line)
    tokens = rest.rstrip(".").split()
    if any(ch in line for ch in ",;:@()/") or len(tokens) < (1 if honorific else 2):
        return False
    if len(tokens[-1]) > 2 and tokens[-1].isupper():  # a body's acronym: "Manohar Parrikar IDSA"
        return False
    if has_affiliation_word(rest):
        return False
    return is_name_like(line, max_tokens=5)


def has_affiliation_word(line: str) -> bool:
    """Whether ``line`` holds a word of a role, a body or a place ("Fellow, IPCS")."""
    return any(fold(t.strip(".,;:()")) in _AFFILIATION_WORDS for t in line.split())


def author(raw: str, affiliation: str | None = None, email: str | None = None) -> Author:
    """An :class:`Author` from a printed name ("Prof Varun Sahni", "Asanga Abeyagoonasekera.")."""
    honorific, name = split_honorific(raw)
    tokens = name.split()
    # A stray full stop after a surname, not after an initial ("P.R.").
    if tokens and tokens[-1].endswith(".") and len(tokens[-1].rstrip(".")) > 2:
        tokens[-1] = tokens[-1].rstrip(".")
    return Author(" ".join(tokens), affiliation or None, honorific, email or None)


_AND = re.compile(r"\s*,\s*|\s+(?:and|&)\s+")


def split_authors(line: str) -> list[str]:
    """ "A and B" → ["A", "B"] when every part is a name; otherwise the line as one name."""
    parts = [p for p in _AND.split(line.strip()) if p]
    if len(parts) > 1 and all(is_name_like(p) for p in parts):
        return parts
    return [line.strip()]


def leading_names(teaser: str) -> list[Author]:
    """The authors a teaser opens with: "Dr Vijay Sakhuja analyses …" → [Vijay Sakhuja (Dr)].

    A name is the leading capitalised tokens (initials and inner particles allowed) up to
    the first lowercase word; "A and B verb …" gives two. A single author must be followed
    by a verb in the third person ("analyses", "comments"), so that a teaser opening with
    a place or a subject is not read as a byline.
    """
    return _leading(teaser.split())[0]


def without_own_byline(teaser: str, authors: list[str]) -> str:
    """The teaser after the names it opens with, when they are the article's own authors.

    "Dr Sandip Kumar Mishra argues that …" under Mishra's byline says the byline again;
    counted as the teaser's words, it gave a new-layout article's author twice the weight
    an old-layout one has for the same name.
    """
    tokens = teaser.split()
    named, verb_at = _leading(tokens)
    own = {fold(a) for a in authors}
    if not named or any(fold(a.name) not in own for a in named):
        return teaser
    return " ".join(tokens[verb_at:])


def _leading(tokens: list[str]) -> tuple[list[Author], int]:
    """The authors ``tokens`` open with, as :func:`leading_names` reads them, and where
    the words after them start ((no authors, 0) when they read as no byline)."""
    names: list[list[str]] = []
    i = 0
    while i < len(tokens):
        honorific, _ = split_honorific(" ".join(tokens[i : i + 4]))
        start = i + (len(honorific.split()) if honorific else 0)
        j = start
        while j < len(tokens) and (
            tokens[j][0].isupper()
            or (tokens[j] in _PARTICLES and j + 1 < len(tokens) and tokens[j + 1][0].isupper())
        ):
            j += 1
        name = tokens[start:j]
        if not name or name[0] in _NOT_NAMES or (len(name) < 2 and not honorific):
            return [], 0
        names.append(tokens[i:j])
        if j < len(tokens) and tokens[j] in ("and", "&"):
            i = j + 1
            continue
        verb = tokens[j] if j < len(tokens) else ""
        if not verb or (len(names) == 1 and not verb.endswith("s")):
            return [], 0
        return [author(" ".join(n).rstrip(",")) for n in names], j
    return [], 0
