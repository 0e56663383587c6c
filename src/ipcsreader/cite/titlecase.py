"""Title case for citations: APA sentence case and Chicago/MLA headline case. Pure."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
# In a body, a word after these starts a sentence; in a title, a subtitle.
_SENTENCE_ENDS = set(".?!:")
_SUBTITLE_BREAKS = set(":?!—–")
_OPENERS = set("\"'“‘([«")

# Articles, coordinating conjunctions, "to", "as" and prepositions: CMOS 17 §8.159 and
# MLA 9 lowercase them in headline-style titles. Words as often used as adverbs (up,
# down, out, off, over, near, past, like) are left out: capitalising them is the safer error.
MINOR = frozenset(
    """a an the and but for nor or to as about above across after against along amid
    among around at before behind below beneath beside besides between beyond by despite
    during except from in inside into of on onto outside per since than through throughout
    till toward towards under underneath unlike until upon versus via vis-à-vis vs with
    within without""".split()  # noqa: SIM905  (a word list reads better as text)
)
# MLA 9 also lowercases the conjunctions "so" and "yet".
MLA_MINOR = MINOR | {"so", "yet"}


@dataclass
class _Evidence:
    """How an article's own text writes words: whether a title word is a proper noun.

    ``alone`` counts a word capitalised mid-sentence with no capitalised word next to it
    ("in Russia", not the "Sea" of "South China Sea"); ``lower`` the word in lowercase;
    ``capital`` any capitalised use, and ``pairs`` capitalised neighbours written together
    ("north korea"). A capital at the start of a sentence says nothing and is not counted.
    """

    capital: Counter[str]
    alone: Counter[str]
    lower: Counter[str]
    pairs: Counter[tuple[str, str]]

    @classmethod
    def of(cls, texts: Sequence[str]) -> _Evidence:
        found = cls(Counter(), Counter(), Counter(), Counter())
        for text in texts:
            words = list(LETTERS.finditer(text))
            for n, match in enumerate(words):
                word = match.group()
                key = word.casefold()
                if word[0].islower():
                    found.lower[key] += 1
                    continue
                if n + 1 < len(words) and _joined_capitals(text, match, words[n + 1]):
                    found.pairs[key, words[n + 1].group().casefold()] += 1
                i = match.start() - 1
                while i >= 0 and (text[i].isspace() or text[i] in _OPENERS):
                    i -= 1
                if i < 0 or text[i] in _SENTENCE_ENDS:
                    continue
                found.capital[key] += 1
                if not any(
                    _joined_capitals(text, words[m], words[m + 1])
                    for m in (n - 1, n)
                    if m >= 0 and m + 1 < len(words)
                ):
                    found.alone[key] += 1
        return found

    def proper(self, word: str) -> bool | None:
        """True if the text treats ``word`` on its own as a proper noun, False if as a
        common word, None if it never uses it (nor its singular or plural: "Games" is
        judged by "game"). A word never written in lowercase is a name wherever it stands."""
        base = word.casefold()
        variants = [base, base + "s"]
        if base.endswith("s"):
            variants[1:1] = [base[:-1], base[:-2]] if base.endswith("es") else [base[:-1]]
        key = next((v for v in variants if self.capital[v] or self.lower[v]), None)
        if key is None:
            return None
        return self.lower[key] == 0 or self.alone[key] > self.lower[key]


def _joined_capitals(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Whether two neighbouring words are both capitalised and joined by a space or hyphen."""
    return (
        left.group()[0].isupper()
        and right.group()[0].isupper()
        and text[left.end() : right.start()] in (" ", "-")
    )


def _is_acronym_like(word: str) -> bool:
    """ "US", "CPI", "McMahon", "al-Qaeda": capitals beyond the first letter; never recased."""
    return any(c.isupper() for c in word[1:])


def _first_words(title: str) -> set[int]:
    """Offsets of the first word of the title and of each subtitle in it."""
    starts = set()
    expect = True
    for i, ch in enumerate(title):
        if expect and ch.isalpha():
            starts.add(i)
            expect = False
        elif ch in _SUBTITLE_BREAKS and (i + 1 == len(title) or title[i + 1].isspace()):
            expect = True
    return starts


def _keeps_capital(title: str, words: Sequence[re.Match[str]], n: int, evidence: _Evidence) -> bool:
    """Whether the n-th word of ``title`` is a proper noun by ``evidence``: written with a
    capitalised neighbour as the text writes them together ("North Korea"), or a name on
    its own. A word the text never uses keeps its capital ("Kabul" in a title about
    Afghanistan)."""
    key = words[n].group().casefold()
    before = n > 0 and _joined_capitals(title, words[n - 1], words[n])
    after = n + 1 < len(words) and _joined_capitals(title, words[n], words[n + 1])
    if before and evidence.pairs[words[n - 1].group().casefold(), key]:
        return True
    if after and evidence.pairs[key, words[n + 1].group().casefold()]:
        return True
    return evidence.proper(words[n].group()) is not False


def sentence_case(title: str, evidence: Sequence[str] = ()) -> str:
    """``title`` in APA sentence case (APA 7 §6.17).

    The first word of the title and of each subtitle (after a colon, question mark,
    exclamation mark or dash) keeps its capital; so do acronyms and words with inner
    capitals ("US", "McMahon"), and single capital letters other than "A" ("I", "J&K").
    Proper nouns cannot be told from a word list, so the article is asked (see
    :class:`_Evidence`): a word is lowercased only when ``evidence`` (the article's body
    and teaser) writes it in lowercase more often than capitalised mid-sentence. "North
    Korea" stays; "old games" do not. A word the text never uses, and every word when
    there is no text, is left as printed: lowering a proper noun is the worse error.
    """
    if not any(evidence):
        return title
    known = _Evidence.of(evidence)
    starts = _first_words(title)
    words = list(LETTERS.finditer(title))
    out = []
    cursor = 0
    for n, match in enumerate(words):
        word = match.group()
        keep = (
            match.start() in starts
            or not word[0].isupper()
            or _is_acronym_like(word)
            or (len(word) == 1 and word != "A")  # "I", "J&K"; but "A" is the article
            or (word != "A" and _keeps_capital(title, words, n, known))
        )
        out += [title[cursor : match.start()], word if keep else word[0].lower() + word[1:]]
        cursor = match.end()
    out.append(title[cursor:])
    return "".join(out)


def proper_words(title: str, evidence: Sequence[str]) -> set[int]:
    """Offsets of the capitalised words of ``title`` that sentence case would keep for
    what they are, not for where they stand: acronyms, and words ``evidence`` shows to be
    proper nouns (or never uses, except as the first word of a title or subtitle)."""
    known = _Evidence.of(evidence)
    starts = _first_words(title)
    words = list(LETTERS.finditer(title))
    found = set()
    for n, match in enumerate(words):
        word = match.group()
        if not word[0].isupper():
            continue
        if match.start() in starts:
            proper = known.proper(word) is True
        else:
            proper = _keeps_capital(title, words, n, known)
        if proper or _is_acronym_like(word):
            found.add(match.start())
    return found


def headline_case(title: str, minor: frozenset[str] = MINOR) -> str:
    """``title`` in headline style (CMOS 17 §8.159; MLA 9 likewise).

    The first and last words and the first word of each subtitle are capitalised; so is
    every other word except articles, prepositions, coordinating conjunctions, "to" and
    "as", which are lowercased. Words with capitals beyond the first letter (acronyms,
    "Kabul-Islamabad", "al-Qaeda") are left as printed.
    """
    starts = _first_words(title)
    matches = list(_WORD.finditer(title))
    pieces = []
    cursor = 0
    for n, match in enumerate(matches):
        word = match.group()
        if _is_acronym_like(word):
            new = word
        elif match.start() in starts or n == len(matches) - 1 or word.casefold() not in minor:
            new = word[0].upper() + word[1:]
        else:
            new = word[0].lower() + word[1:]
        pieces += [title[cursor : match.start()], new]
        cursor = match.end()
    pieces.append(title[cursor:])
    return "".join(pieces)
