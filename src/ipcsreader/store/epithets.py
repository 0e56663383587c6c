"""Names the press gives a country, a region or a leader: "the Hermit Kingdom" for North
Korea, "the Land of the Rising Sun" for Japan, "the Seven Sisters" for India's Northeast.

A reader writes as the papers do, and a page of analysis names the country. Each epithet
typed outside quotes and fields is also searched as what it stands for, counting
:data:`ranking.OTHER_FORM` of the words typed (a page using the epithet itself comes
first), and the reader is told. One way only: a page on North Korea is no answer to a
search for "hermit". Only epithets that stand for one thing wherever they are used in
this archive's region; not "the dragon" (a capsule, a dance, a Bhutanese king's title),
"father of the nation" (of every country its own) or "great leader" (praise of anyone).
"""

from __future__ import annotations

import re
from functools import cache

from ipcsreader.store.rewrites import or_other
from ipcsreader.text import unquoted

# Each line: an epithet, as a reader types it (any case; the possessive of its last word,
# "Chicken's Neck", also as typed without it), then what it stands for, as pages name it.
_TABLE = """
hermit kingdom > north korea
land of the morning calm > korea
land of the rising sun > japan
middle kingdom > china
pearl of the indian ocean > sri lanka
teardrop of india > sri lanka
land of the thunder dragon > bhutan
roof of the world > tibet
land of the pure > pakistan
land of smiles > thailand
lion city > singapore
graveyard of empires > afghanistan
seven sisters > northeast, north east
chicken's neck > siliguri corridor
red corridor > maoist
pindi > rawalpindi
tamil tigers > ltte
rocket man > kim jong un
dear leader > kim jong il
quaid e azam > jinnah
bangabandhu > mujib
namo > modi
uncle sam > united states
south block > external affairs
foggy bottom > state department
"""


@cache
def _table() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each epithet as a pattern (spaces or hyphens between its words, a possessive ending
    as typed or not, not inside a word, field or wildcard), with its others."""
    entries = []
    for line in filter(None, _TABLE.splitlines()):
        said, _, meant = line.partition(">")
        body = r"[\s\-‐‑]+".join(_word(w) for w in said.split())
        pattern = re.compile(rf"(?<![\w:*?~^'’\-])(?i:{body})(?:['’]s)?(?![\w*?~^'’\-])")
        entries.append((pattern, meant.strip()))
    return tuple(entries)


def _word(said: str) -> str:
    """A word of an epithet as a pattern: with its possessive (in the table) or without."""
    word = said.removesuffix("'s")
    return re.escape(word) + ("(?:['’]s)?" if word != said else "")


def named(text: str) -> tuple[str, dict[str, str]]:
    """``text`` with each epithet (:data:`_TABLE`) typed outside quotes also searched as
    what it stands for, counting :data:`ranking.OTHER_FORM`; and each so read, as typed,
    with what it stands for ("Hermit Kingdom": "north korea")."""
    read: dict[str, str] = {}
    for pattern, meant in _table():

        def widen(match: re.Match[str], meant: str = meant) -> str:
            typed = " ".join(match[0].split())
            read[typed] = meant
            others = " OR ".join(f'"{o}"' if " " in o else o for o in meant.split(", "))
            return or_other(match[0], others)

        text = unquoted(text, widen, pattern)
    return text, read


def words_of(text: str) -> frozenset[str]:
    """The words of the epithets typed in ``text``, casefolded: the reader's own, which no
    page need hold, and no misspelling of another word."""
    return frozenset(w.casefold() for said in named(text)[1] for w in re.findall(r"\w+", said))
