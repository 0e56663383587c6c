"""The other pieces a query names besides the one it asks for, and their words left out.

Readers who know the archive ask for a piece by the pieces around it: told apart from
another ("not the Ghani visit column, the earlier one on the ICG report"), by likeness
("like Mishra's piece on Abe, but the 2018 one"), by its neighbours ("the column right after
'Ports and Promises'"), or after the one they have already ("I have Sakhuja's 'Ports and
Promises' - where is his next column"). The words of those other pieces are other pages',
and would choose them; what the query says of the piece wanted is kept.
"""

from __future__ import annotations

import re

from ipcsreader.text import unquoted

# A piece told apart from another ("not the Ghani visit column, the earlier one on the
# Crisis Group report"): the words of the piece not wanted are another page's, and would
# choose it. Only "not the …" (or "that", "his" …) up to a comma that the piece wanted
# follows: "desperation, not strength" says what the page says.
_NOT_THAT_ONE = re.compile(
    r"(?<![\w-])[Nn]ot\s+(?i:the|that|this|his|her|their)\s+[^,;\"]{2,100}?\s*[,;]\s*"
    r"(?i:(?:but|rather|instead)\s+)?(?=(?i:the|that|this|his|her|their|one)\b)"
)
# The same told after the one wanted: to the query's end after a dash or comma ("three C's
# of Modi's visit - not the Sakhuja shipping piece quoting them"), or in the middle with
# "rather than", "instead of" ("the Looking East column rather than the Indo-Pacific one -
# NSCN-K"). Only where it names a piece ("piece", "column", "one" …): "Japan, not the
# main target" says what the page says.
_ONE_NAMED = r"\b(?i:piece|column|article|commentary|one)\b"
_NOT_THAT_ONE_AFTER = re.compile(
    r"(?:\s[-–—]\s*|\s*[,;]\s*)(?:but\s+)?[Nn]ot\s+(?i:the|that|this|his|her|their)\s+"
    rf"[^\"]{{0,80}}?{_ONE_NAMED}[^\"]{{0,150}}$"
    r"|\s(?i:rather\s+than|instead\s+of)\s+(?i:the|that|this|his|her|their)\s+"
    rf"[^,;\"]{{0,80}}?{_ONE_NAMED}"
)
# The same told by likeness ("like Mishra's piece on Abe's strategy, but the 2018 one on
# the abductions"): the kind of piece is the wanted one's too ("Mishra's piece", "the Red
# Affairs column"); what that one is on, not. Only where "but" names a piece ("the later
# one", "the follow-up"): "looks like rain, but the talks went on" says what it says.
_LIKE_THAT_BUT = re.compile(
    r"(?<![\w-])(?i:like|similar\s+to)\s+(?P<kind>[^,;\"]{2,100}?)"
    r"(?P<on>\s+(?i:on|about|regarding|over)\s+[^,;\"]{2,100}?)?\s*,\s*(?i:but)\s+"
    r"(?=(?i:(?:the|that|this|his|her|their)\s+(?:\S+\s+){0,3}?"
    r"(?:one|piece|column|article|commentary|follow-up)|one)\b)"
)
# A piece the reader has already, named before the one asked for ("already have Chandran's
# 'Can Pakistan Reset …?' - where is his next Af-Pak Diary piece", "read Routray's piece on
# the Sukma ambush, need his earlier Red Affairs column on …"): the words of the piece held
# are another page's, and would choose it; its author's name, which "his" goes on to mean,
# is the wanted one's too. Only at the start, where the piece held is named as one (a
# title in quotes or a word for a piece: not "have India and Pakistan resumed talks, what
# next") and a request for another follows a comma or dash.
_PIECE_WORD = r"\b(?i:piece|column|article|commentary|op-?ed|essay|instalment)\b"
_HAVE_THAT_ONE = re.compile(
    r"^(?i:(?:i\s+|i[’']ve\s+)?(?:already\s+)?(?:have|got|read|finished)\s+(?:read\s+)?)"
    r"(?P<whose>(?:[^\W\d_][\w.-]*\s+){0,3}?[^\W\d_][\w.-]*[’']s\s+)?"
    rf'(?:"[^"]*"|[^",;]{{0,150}}?{_PIECE_WORD}[^",;]{{0,150}}?)'
    r"(?:\s[-–—]\s|\s*[,;:]\s*)"
    r"(?=(?i:where|what|which|need|want|looking|is\s+there|any|now|but|so)\b)"
    r"(?=.*\b(?i:his|her|their|the|other|next|earlier|later|previous|follow-up)\b)"
)
# The words of a request for another piece, which say nothing of its subject either.
_ASKING = frozenset(
    re.findall(
        r"\w+",
        "where is what which need want looking for there any now but so next earlier later "
        "other previous follow up s",
    )
)
# Words that say nothing of a piece's subject, beside its neighbours.
_NO_SUBJECT = frozenset(
    re.findall(
        r"\w+",
        "the an that which what came ran out published appeared piece column article "
        "commentary one ipcs his her their its",
    )
)
_NEIGHBOUR_UNIT = r'"[^"]*"|(?!\s[-–—]\s)[^",;]'
# A piece placed by its neighbours in the archive ("the Red Affairs column right after
# 'Anti-Naxal Operations: …', on Mazumdar", "the Sakhuja column between Mishra's Abe piece
# and his Hwasong-15 one - coastal shipping"): the neighbours' words are other pages', and
# would choose them. Only where what follows "after", "before", "between", "alongside" …
# names a piece (a title in quotes, a word for one: "piece", "column", "one" …, or its
# author writing it: "a few weeks after Mishra wrote on Abe and North Korea") and
# ends where the query goes on (a dash, a comma, its end): "ties after Modi's landslide
# win" says when, and stays.
_NEIGHBOURS = re.compile(
    r"(?i:(?:(?:came\s+out|ran|appeared|published)\s+)?"
    r"(?:(?:right|just|immediately|directly|the\s+day|a\s+(?:few\s+)?(?:day|week|month)s?|"
    r"(?:two|three|some|several)\s+(?:day|week|month)s)\s+)?"
    r"(?:after|before|between|alongside|following|preceding|followed)"
    r"|from\s+the\s+same\s+(?:\w+\s+)?(?:\d{4}\s+)?as)\s+"
    rf"(?P<other>(?:{_NEIGHBOUR_UNIT}){{0,120}}?"
    # A piece named as the reader knows it ("his … one", "Routray's … piece", "the …
    # column"), not one read ("an IPCS piece on …": that is the one wanted).
    rf'(?:"[^"]*"|(?i:\b(?:the|his|her|their)\s|[\'’]s\s)(?:{_NEIGHBOUR_UNIT}){{0,120}}?'
    r"\b(?i:piece|column|commentary|instalment|entry|forecast|critique|one)\b"
    # Or by its author's writing it ("a few weeks after Mishra wrote on Abe").
    r"|\b[A-Z][\w.’'-]*\s+(?i:wrote|had\s+written)\s+(?i:on|about)\b)"
    rf"(?:{_NEIGHBOUR_UNIT}){{0,120}}?)"
    r"(?=\s[-–—]\s|\s*[,;]|\s*$)"
)


def left_out(text: str, *, neighbours: bool = True) -> str:
    """``text`` (a query, its request's opening words gone) without the other pieces it
    names; ``neighbours=False`` leaves those placing it in the archive as typed (a long
    paste, which the neighbours' pattern would read slowly)."""
    text = _without_held(text)
    text = unquoted(text, lambda _: "", _NOT_THAT_ONE)
    text = unquoted(text, lambda _: " ", _NOT_THAT_ONE_AFTER)
    text = unquoted(text, _kind_kept, _LIKE_THAT_BUT).strip()
    return _without_neighbours(text) if neighbours else text


def _without_neighbours(text: str) -> str:
    """``text`` without the pieces it places the one wanted by (:data:`_NEIGHBOURS`),
    where it says something of that one besides ("the column after 'Ports and Promises'"
    says nothing else: as typed)."""
    left = _NEIGHBOURS.sub(" ", text)
    return left if _subject_words(left) else text


def _without_held(text: str) -> str:
    """``text`` without the piece the reader has already (:data:`_HAVE_THAT_ONE`), where it
    says something of the one wanted besides its author ("I read the piece on Sukma, where
    is the follow-up", "have Mishra's column on Abe, want his next one": as typed)."""
    held = _HAVE_THAT_ONE.match(text)
    if held is None:
        return text
    rest = text[held.end() :]
    return (held["whose"] or "") + rest if _subject_words(rest) - _ASKING else text


def _subject_words(text: str) -> set[str]:
    """The words of ``text`` that may say what a piece is on (not :data:`_NO_SUBJECT`)."""
    return {w.casefold() for w in re.findall(r"[^\W\d_]{2,}", text)} - _NO_SUBJECT


def _kind_kept(match: re.Match[str]) -> str:
    """The kind of piece a likeness names (:data:`_LIKE_THAT_BUT`), where it says what
    that piece is on ("Mishra's piece"); nothing where it does not ("like Modi in
    Myanmar": that is the piece)."""
    return f"{match['kind']} " if match["on"] else ""
